using Botshop.Core.Answering;
using Botshop.Core.Privacy;

namespace Botshop.Core.Tests.Privacy;

public class ForgetRequestTests
{
    [Theory]
    [InlineData("forget me")]
    [InlineData("Forget me")]
    [InlineData("FORGET ME!")]
    [InlineData("forget me.")]
    [InlineData("  forget   me  ")]
    [InlineData("please forget me")]
    [InlineData("Please, forget me!!")]
    [InlineData("forget me please")]
    [InlineData("Can you forget me?")]
    [InlineData("could you please forget about me")]
    [InlineData("forget-me")]
    [InlineData("forget")] // `/ask forget`
    [InlineData("Forget everything about me")]
    [InlineData("delete my data")]
    [InlineData("Hey bot, forget me now, thanks")]
    [InlineData("ｆｏｒｇｅｔ ｍｅ")] // full-width letters, as some keyboards type them
    public void A_request_to_be_forgotten_is_recognised(string text) => Assert.True(ForgetRequest.Matches(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("please")]
    [InlineData("thank you")]
    [InlineData("Will you forget my application if I withdraw?")]
    [InlineData("I forgot my password")]
    [InlineData("forget it")]
    [InlineData("Don't forget me")]
    [InlineData("what do you do with my data?")]
    [InlineData("How long is the internship? forget me")]
    [InlineData("me")]
    public void Anything_else_is_a_question(string text) => Assert.False(ForgetRequest.Matches(text));

    [Fact]
    public void A_long_message_is_never_a_request_however_it_starts() =>
        Assert.False(ForgetRequest.Matches("forget me " + new string('x', 200)));

    [Fact]
    public void The_confirmation_says_what_went_and_that_the_request_was_not_kept()
    {
        var reply = ReplyTexts.Forgotten(new CandidateErasure(Conversations: 2, Messages: 5, Feedback: 1, RecruiterReplies: 0));

        Assert.Equal(ReplyKind.Forgotten, reply.Kind);
        Assert.False(reply.Answered);
        Assert.Contains("5 messages", reply.Text);
        Assert.Contains("not stored", reply.Text);
        Assert.Contains("Nothing was stored", ReplyTexts.Forgotten(new CandidateErasure(0, 0, 0, 0)).Text);
    }
}
