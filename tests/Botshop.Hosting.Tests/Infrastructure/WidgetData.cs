namespace Botshop.Hosting.Tests.Infrastructure;

/// <summary>
/// A data folder small enough to train a model in seconds: one posting and two answerable intents plus
/// out_of_scope. Answers cite passages by id, computed from the parsed posting as an author would copy them.
/// </summary>
public static class WidgetData
{
    public const string PostingId = "widget-engineer";
    public const string FileName = PostingId + ".txt";
    public const string DurationLine = "The internship lasts 12 weeks, from June to August.";
    public const string OfficeLine = "You will work from our office in Lisbon, Portugal.";
    public const string DurationAnswer = "It lasts 12 weeks, June to August.";

    public const string Text = $"""
        Widget Engineer

        Rolling basis

        We build widgets for the whole world and we love doing it every day.

        Details

          • {DurationLine}
          • {OfficeLine}
        """;

    private static readonly string[] Duration =
    [
        "How long is the internship?", "How many weeks does it last?", "What is the duration?", "When does it start and end?",
        "How long would I be an intern?", "Is it twelve weeks long?", "For how many months does it run?", "What are the dates?",
        "How long is the placement?", "What is the length of the programme?", "When does the internship finish?", "How many weeks?",
    ];

    private static readonly string[] Office =
    [
        "Where is the office?", "Where will I work?", "Which city is it in?", "Where is the role based?", "What is the location?",
        "Which country is the job in?", "Is it in Lisbon?", "Where do interns sit?", "Which office would I join?",
        "Where is the team?", "Would I move to another city?", "Where is the workplace?",
    ];

    private static readonly string[] OutOfScope =
    [
        "How much does it pay?", "What is the salary?", "Do you sponsor visas?", "What's the weather today?", "Tell me a joke",
        "Who won the match?", "What is your favourite colour?", "How do I reset my password?", "Is lunch free?",
        "Can I bring my dog?", "What stock options are there?", "Hello, how are you?",
    ];

    /// <summary>Writes postings/ and faq/ into a new folder under <paramref name="parent"/> and returns it.</summary>
    public static string Write(string parent)
    {
        var data = Path.Combine(parent, "data");
        Directory.CreateDirectory(Path.Combine(data, "postings"));
        Directory.CreateDirectory(Path.Combine(data, "faq"));
        File.WriteAllText(Path.Combine(data, "postings", FileName), Text);
        var posting = Botshop.Knowledge.Postings.PostingLoader.Parse(PostingId, Text);
        string Id(string line) => posting.Passages.Single(p => p.Text == line).Id;
        File.WriteAllText(Path.Combine(data, "faq", "widget.yaml"), "intents:\n"
            + Intent("duration", "how long the internship lasts", Duration, DurationAnswer, Id(DurationLine))
            + Intent("office", "where the job is", Office, "The office is in Lisbon, Portugal.", Id(OfficeLine))
            + Intent("out_of_scope", "something the posting doesn't cover", OutOfScope, null, null));
        var rest = posting.Passages.Where(p => p.Text is not DurationLine and not OfficeLine).Select(p => $"    - {p.Id}\n");
        File.WriteAllText(Path.Combine(data, "faq", "coverage.yaml"), $"not_answered:\n  {PostingId}:\n" + string.Concat(rest));
        return data;
    }

    private static string Intent(string name, string topic, string[] examples, string? answer, string? source) =>
        $"  - name: {name}\n    topic: {topic}\n    examples:\n" + string.Concat(examples.Select(e => $"      - \"{e}\"\n"))
        + (answer is null ? "" : $"    answers:\n      {PostingId}:\n        text: \"{answer}\"\n        sources: [{source}]\n");
}
