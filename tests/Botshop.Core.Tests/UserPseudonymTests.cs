namespace Botshop.Core.Tests;

public class UserPseudonymTests
{
    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void The_same_user_gets_the_same_reference_and_it_does_not_contain_the_id()
    {
        var pseudonym = new UserPseudonym(Key);

        var first = pseudonym.For("slack", "U123ABC");

        Assert.Equal(first, pseudonym.For("slack", "U123ABC"));
        Assert.DoesNotContain("U123ABC", first);
        Assert.StartsWith("u_", first);
    }

    [Fact]
    public void References_differ_by_user_channel_and_key()
    {
        var pseudonym = new UserPseudonym(Key);
        var other = new UserPseudonym(Key.Reverse().ToArray());

        var refs = new[]
        {
            pseudonym.For("slack", "U1"), pseudonym.For("slack", "U2"), pseudonym.For("msteams", "U1"), other.For("slack", "U1"),
        };

        Assert.Equal(refs.Length, refs.Distinct().Count());
    }
}
