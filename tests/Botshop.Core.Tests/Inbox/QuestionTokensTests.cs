using Botshop.Core.Inbox;

namespace Botshop.Core.Tests.Inbox;

public class QuestionTokensTests
{
    [Theory]
    [InlineData("visas", "visa")]
    [InlineData("sponsorship", "sponsor")]
    [InlineData("housing", "hous")]
    [InlineData("house", "hous")]
    [InlineData("relocation", "relocat")]
    [InlineData("relocate", "relocat")]
    [InlineData("remotely", "remot")]
    [InlineData("companies", "company")]
    [InlineData("status", "status")]
    [InlineData("bus", "bus")]
    [InlineData("12", "12")]
    public void Related_forms_share_a_stem(string word, string stem) => Assert.Equal(stem, QuestionTokens.Stem(word));

    [Fact]
    public void Question_words_pronouns_and_contractions_are_dropped()
    {
        var tokens = QuestionTokens.For("Hi! What's the stipend, and do I get it monthly?");

        Assert.Equal(["stipend", "monthly"], tokens.Select(t => t.Word));
    }

    [Fact]
    public void Redaction_placeholders_count_as_words()
    {
        Assert.Equal(["email", "wrong"], QuestionTokens.For("is [email] wrong?").Select(t => t.Word));
    }
}
