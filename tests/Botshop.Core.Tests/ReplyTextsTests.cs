using Botshop.Core.Answering;
using Botshop.Core.Knowledge;

namespace Botshop.Core.Tests;

public class ReplyTextsTests
{
    private static readonly Posting Posting = new("widget-engineer", "Widget Engineer", ["Lisbon"],
        [new Passage("availability/ten-weeks-1a2b", "Availability", "Ability to commit to a 10 week internship", 0)], "hash");

    private static readonly Intent Duration = new("duration", "how long the internship lasts", ["how long?"],
        new Dictionary<string, PostingAnswer>());

    [Fact]
    public void Not_in_posting_names_the_posting_and_topic_and_hands_off_without_a_fact()
    {
        var reply = ReplyTexts.NotInPosting(Posting, Duration, 0.9f);

        Assert.Equal(ReplyKind.NotInPosting, reply.Kind);
        Assert.False(reply.Answered);
        Assert.True(reply.HandedOff);
        Assert.Contains("Widget Engineer", reply.Text);
        Assert.Contains("how long the internship lasts", reply.Text);
        Assert.Contains("recruiter", reply.Text);
        Assert.DoesNotContain("10 week", reply.Text);
        Assert.Empty(reply.Sources);
    }

    [Fact]
    public void Help_suggests_only_questions_whose_answer_would_be_served()
    {
        var holds = Duration with { Answers = new Dictionary<string, PostingAnswer> { [Posting.Id] = new("Ten weeks.", ["availability/ten-weeks-1a2b"]) } };
        var stale = new Intent("location", "where", ["where is it?"],
            new Dictionary<string, PostingAnswer> { [Posting.Id] = new("Lisbon.", ["location/lisbon-gone-9999"]) });

        var reply = ReplyTexts.Help(new KnowledgeBase([Posting], [holds, stale]), Posting);

        Assert.Contains("how long?", reply.Text);
        Assert.DoesNotContain("where is it?", reply.Text);
    }

    [Fact]
    public void Stale_citation_names_the_topic_hands_off_and_quotes_nothing()
    {
        var reply = ReplyTexts.StaleCitation(Posting, Duration, 0.9f);

        Assert.Equal(ReplyKind.StaleCitation, reply.Kind);
        Assert.False(reply.Answered);
        Assert.True(reply.HandedOff);
        Assert.Contains("how long the internship lasts", reply.Text);
        Assert.Contains(ReplyTexts.HandOff, reply.Text);
        Assert.Empty(reply.Sources);
    }

    [Fact]
    public void Did_you_mean_lists_the_choices_and_is_not_an_answer()
    {
        var choices = new[] { ReplyChoice.ForIntent("duration", "duration"), ReplyChoice.ForIntent("start date", "timing") };
        var reply = ReplyTexts.DidYouMean(Posting, new Decision(DecisionKind.Ambiguous, "duration", 0.4f, ["duration", "timing"]), choices);

        Assert.Equal("Did you mean: duration, or start date?", reply.Text);
        Assert.False(reply.Answered);
        Assert.False(reply.HandedOff);
        Assert.Equal(["intent:duration", "intent:timing"], reply.Choices.Select(c => c.Value));
    }

    [Fact]
    public void Choose_posting_offers_every_posting()
    {
        var other = Posting with { Id = "gadget-engineer", Title = "Gadget Engineer" };

        var reply = ReplyTexts.ChoosePosting([Posting, other]);

        Assert.Equal(["posting:widget-engineer", "posting:gadget-engineer"], reply.Choices.Select(c => c.Value));
    }
}
