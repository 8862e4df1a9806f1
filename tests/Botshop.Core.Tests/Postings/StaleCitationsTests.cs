using Botshop.Core.Knowledge;
using Botshop.Core.Postings;
using static Botshop.Core.Tests.Postings.KnowledgeSamples;

namespace Botshop.Core.Tests.Postings;

public sealed class StaleCitationsTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<Passage>> NoFormer = new Dictionary<string, IReadOnlyList<Passage>>();

    /// <summary>The widget posting after an update: the duration sentence changed (so its id did), the rest stayed.</summary>
    private static KnowledgeBase Updated()
    {
        var kb = Answered();
        var widget = Posting("widget",
            P("w-dur2", "The internship lasts 10 weeks over the summer."),
            P("w-city", "You will work from our office in Lisbon, Portugal."),
            P("w-visa", "We sponsor work visas for interns from outside the EU."),
            P("w-team", "We build widgets for the whole world."));
        return new KnowledgeBase(kb.Postings.Select(p => p.Id == "widget" ? widget : p), kb.Intents);
    }

    [Fact]
    public void Answer_citing_a_removed_passage_is_stale_and_the_closest_current_passage_is_suggested()
    {
        var former = new Dictionary<string, IReadOnlyList<Passage>> { ["widget"] = [P("w-dur", "The internship lasts 12 weeks over the summer.")] };

        var stale = Assert.Single(StaleCitations.Find(Updated(), null, former));

        Assert.Equal(("duration", "widget", "It lasts 12 weeks."), (stale.Intent, stale.PostingId, stale.AnswerText));
        var missing = Assert.Single(stale.Missing);
        Assert.Equal(("w-dur", "The internship lasts 12 weeks over the summer."), (missing.PassageId, missing.FormerText));
        Assert.Equal("w-dur2", missing.Suggestion?.Id);
        Assert.InRange(missing.SuggestionScore, 0.5, 1.0);
    }

    [Fact]
    public void Without_the_former_text_the_answer_itself_finds_the_suggestion()
    {
        var missing = Assert.Single(Assert.Single(StaleCitations.Find(Updated(), "widget", NoFormer)).Missing);

        Assert.Null(missing.FormerText);
        Assert.Equal("w-dur2", missing.Suggestion?.Id);
    }

    [Fact]
    public void Nothing_close_means_no_suggestion_and_holding_answers_are_not_listed()
    {
        var kb = Answered();
        var bare = new KnowledgeBase(
            kb.Postings.Select(p => p.Id == "gadget" ? Posting("gadget", P("g-lang", "You should be fluent in Python and SQL."), P("g-pet", "Dogs welcome.")) : p),
            kb.Intents);

        var stale = Assert.Single(StaleCitations.Find(bare, null, NoFormer));

        Assert.Equal(("duration", "gadget"), (stale.Intent, stale.PostingId));
        Assert.Null(Assert.Single(stale.Missing).Suggestion);
        Assert.Empty(StaleCitations.Find(Answered(), null, NoFormer));
    }
}
