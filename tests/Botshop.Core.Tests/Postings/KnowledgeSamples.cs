using Botshop.Core.Knowledge;

namespace Botshop.Core.Tests.Postings;

/// <summary>Small hand-built postings and intents for the drafting and stale-citation rules.</summary>
internal static class KnowledgeSamples
{
    public static Passage P(string id, string text, int order = 0, string section = "Details") => new(id, section, text, order);

    public static Posting Posting(string id, params Passage[] passages) =>
        new(id, id, [], passages.Select((p, i) => p with { Order = i }).ToList(), "hash-" + id);

    public static Intent Intent(string name, params (string Posting, string Text, string[] Sources)[] answers) =>
        new(name, name.Replace('_', ' '), [$"about {name}?"], answers.ToDictionary(a => a.Posting, a => new PostingAnswer(a.Text, a.Sources)));

    /// <summary>Two answered postings: the widget and gadget internships.</summary>
    public static KnowledgeBase Answered(params Posting[] more) => new(
        [
            Posting("widget",
                P("w-dur", "The internship lasts 12 weeks over the summer."),
                P("w-city", "You will work from our office in Lisbon, Portugal."),
                P("w-visa", "We sponsor work visas for interns from outside the EU."),
                P("w-team", "We build widgets for the whole world.")),
            Posting("gadget",
                P("g-dur", "The placement runs for 6 months, starting in March."),
                P("g-lang", "You should be fluent in Python and SQL.")),
            .. more,
        ],
        [
            Intent("duration", ("widget", "It lasts 12 weeks.", ["w-dur"]), ("gadget", "It runs 6 months.", ["g-dur"])),
            Intent("location", ("widget", "It is in Lisbon.", ["w-city"])),
            Intent("visa", ("widget", "Yes, visas are sponsored.", ["w-visa"])),
            Intent("languages", ("gadget", "Python and SQL.", ["g-lang"])),
            new Intent(Botshop.Core.Knowledge.Intent.OutOfScope, "something else", ["salary?"], new Dictionary<string, PostingAnswer>()),
        ]);
}
