using Botshop.Knowledge.Postings;

namespace Botshop.Server.Tests.Infrastructure;

/// <summary>
/// A small data folder written for these tests: one posting and three answerable intents plus out_of_scope, so training
/// is quick and the answers are known. FAQ citations are computed from the parsed posting, as an author would copy them.
/// </summary>
public static class TestKnowledge
{
    public const string PostingId = "widget-engineer";
    public const string PostingTitle = "Widget Engineer Intern";
    public const string DurationAnswer = "The internship lasts 12 weeks, starting in June.";
    public const string DurationPassageText = "Ability to commit to a 12 week internship starting in June";
    public const string DurationQuestion = "How long is the internship?";
    public const string OffTopicQuestion = "What is the salary?";

    private const string PostingText = """
        Widget Engineer Intern

        Rolling basis

        We build widgets for the whole world and we love doing it every day.

        Duration

          • Ability to commit to a 12 week internship starting in June

        Location

          • Based in our Lisbon office, three days a week on site

        How to apply

        Send us your CV and a short note about a widget you admire.
        """;

    private static readonly string[] Duration =
    [
        DurationQuestion, "How many weeks does it last?", "What is the length of the internship?", "When does the internship end?",
        "Is it a 12 week program?", "How long will I be an intern?", "What is the duration?", "How many weeks is the placement?",
        "How long does the program run?", "Is the internship three months long?", "For how long would I be working?",
        "What's the length of the placement in weeks?", "duration of the internship?",
    ];

    private static readonly string[] Location =
    [
        "Where is the office?", "Where is the internship based?", "Can I work remotely?", "Is it remote or on site?",
        "Which city is the job in?", "Do I need to be in the office?", "Is this role in Lisbon?", "How many days a week on site?",
        "Is the position hybrid?", "Where would I work?", "Can I work from home?", "What is the location of the role?",
        "Do I have to relocate?",
    ];

    private static readonly string[] Apply =
    [
        "How do I apply?", "What should I send to apply?", "Do I need a CV?", "How can I submit my application?",
        "What documents do you need?", "Should I include a cover letter?", "Where do I send my resume?",
        "What is the application process?", "Do you want a note with my CV?", "How do I put myself forward?",
        "What goes in the application?", "Can I apply by sending my CV?", "application steps?",
    ];

    private static readonly string[] OutOfScope =
    [
        OffTopicQuestion, "How much does it pay?", "Do you sponsor visas?", "What's the weather like today?",
        "Who won the football match?", "Tell me a joke", "What is your favourite colour?", "Can you recommend a restaurant?",
        "Is there free lunch?", "What stock options do you offer?", "What's the capital of France?", "How old are you?",
        "Do you offer health insurance?",
    ];

    /// <summary>Writes postings/ and faq/ into a new folder and returns its path.</summary>
    public static string WriteDataFolder(string parent)
    {
        var data = Path.Combine(parent, "data");
        Directory.CreateDirectory(Path.Combine(data, "postings"));
        Directory.CreateDirectory(Path.Combine(data, "faq"));
        File.WriteAllText(Path.Combine(data, "postings", PostingId + ".txt"), PostingText);

        var passages = PostingLoader.Parse(PostingId, PostingText).Passages;
        string Cite(string fragment) => passages.Single(p => p.Text.Contains(fragment, StringComparison.Ordinal)).Id;
        var duration = Cite("12 week");
        var location = Cite("Lisbon");
        var apply = Cite("Send us your CV");

        var faq = "intents:\n"
            + Intent("duration", "how long the internship lasts", Duration, DurationAnswer, duration)
            + Intent("location", "where the work happens", Location, "The internship is in the Lisbon office, three days a week on site.", location)
            + Intent("apply", "how to apply", Apply, "Send your CV and a short note about a widget you admire.", apply)
            + Intent("out_of_scope", "something the posting doesn't cover", OutOfScope, null, null);
        File.WriteAllText(Path.Combine(data, "faq", "intents.yaml"), faq);

        var uncited = passages.Select(p => p.Id).Except([duration, location, apply]).Select(id => $"    - {id}\n");
        File.WriteAllText(Path.Combine(data, "faq", "coverage.yaml"), $"not_answered:\n  {PostingId}:\n" + string.Concat(uncited));
        return data;
    }

    private static string Intent(string name, string topic, string[] examples, string? answer, string? source)
    {
        var yaml = $"  - name: {name}\n    topic: {topic}\n    examples:\n"
            + string.Concat(examples.Select(e => $"      - {Quote(e)}\n"));
        if (answer is not null)
            yaml += $"    answers:\n      {PostingId}:\n        text: {Quote(answer)}\n        sources: [{source}]\n";
        return yaml;
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
