using Botshop.Core.Knowledge;
using Botshop.Core.Knowledge.Editing;

namespace Botshop.Core.Tests.Knowledge;

public class KnowledgeRulesTests
{
    private static readonly Posting Posting = new("widget", "Widget Intern", [],
        [new Passage("duration/twelve-weeks", "Duration", "12 weeks.", 0), new Passage("location/lisbon", "Location", "Lisbon.", 1)], "h");

    [Theory]
    [InlineData("stipend")]
    [InlineData("remote_work")]
    [InlineData("office_days_2")]
    public void Slug_names_are_accepted(string name) => Assert.Equal(name, KnowledgeRules.IntentName(" " + name + " "));

    [Theory]
    [InlineData("")]
    [InlineData("Stipend")]
    [InlineData("remote-work")]
    [InlineData("2nd_round")]
    [InlineData("café")]
    [InlineData("a b")]
    public void Other_names_are_refused(string name) => Assert.Throws<KnowledgeEditException>(() => KnowledgeRules.IntentName(name));

    [Fact]
    public void An_overlong_name_is_refused() =>
        Assert.Throws<KnowledgeEditException>(() => KnowledgeRules.IntentName(new string('a', KnowledgeRules.MaxIntentNameLength + 1)));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("two\nlines")]
    public void A_blank_or_multiline_topic_is_refused(string topic) => Assert.Throws<KnowledgeEditException>(() => KnowledgeRules.Topic(topic));

    [Fact]
    public void An_answer_is_trimmed_and_its_citations_put_in_posting_order()
    {
        var answer = KnowledgeRules.Answer("  Twelve weeks in Lisbon. ", ["location/lisbon", "duration/twelve-weeks", "location/lisbon"], Posting, "duration");

        Assert.Equal("Twelve weeks in Lisbon.", answer.Text);
        Assert.Equal(["duration/twelve-weeks", "location/lisbon"], answer.SourceIds);
    }

    [Fact]
    public void An_answer_of_700_characters_is_refused_and_699_accepted()
    {
        var refusal = Assert.Throws<KnowledgeEditException>(() => KnowledgeRules.Answer(new string('x', 700), ["location/lisbon"], Posting, "location"));
        Assert.Contains("700", refusal.Message);
        Assert.Equal(699, KnowledgeRules.Answer(new string('x', 699), ["location/lisbon"], Posting, "location").Text.Length);
    }

    [Fact]
    public void An_empty_answer_is_refused() =>
        Assert.Throws<KnowledgeEditException>(() => KnowledgeRules.Answer("  ", ["location/lisbon"], Posting, "location"));

    [Fact]
    public void An_answer_citing_nothing_is_refused() =>
        Assert.Throws<KnowledgeEditException>(() => KnowledgeRules.Answer("Lisbon.", [], Posting, "location"));

    [Fact]
    public void An_unknown_passage_is_refused_by_name()
    {
        var refusal = Assert.Throws<KnowledgeEditException>(() => KnowledgeRules.Answer("Lisbon.", ["location/lisbon", "location/porto"], Posting, "location"));

        Assert.Contains("'location/porto'", refusal.Message);
    }

    [Fact]
    public void Out_of_scope_has_no_answers() =>
        Assert.Throws<KnowledgeEditException>(() => KnowledgeRules.Answer("Lisbon.", ["location/lisbon"], Posting, Intent.OutOfScope));

    [Theory]
    [InlineData("")]
    [InlineData("?!")]
    public void An_example_without_words_is_refused(string text) => Assert.Throws<KnowledgeEditException>(() => KnowledgeRules.Example(text));
}
