using Botshop.Knowledge.Postings;

namespace Botshop.Server.Tests.Infrastructure;

/// <summary>Which data folder a test server runs on.</summary>
public enum TestData
{
    /// <summary>One posting: every conversation is about it without asking.</summary>
    OnePosting,

    /// <summary>A second posting as well, so an unbound conversation must choose one first.</summary>
    TwoPostings,
}

/// <summary>
/// A small data folder written for these tests: one posting (or two) and three answerable intents plus out_of_scope, so
/// training is quick and the answers are known. FAQ citations are computed from the parsed posting, as an author would
/// copy them.
/// </summary>
public static class TestKnowledge
{
    public const string PostingId = "widget-engineer";
    public const string PostingTitle = "Widget Engineer Intern";
    public const string DurationAnswer = "The internship lasts 12 weeks, starting in June.";
    public const string DurationPassageText = "Ability to commit to a 12 week internship starting in June";
    public const string DurationQuestion = "How long is the internship?";
    public const string OffTopicQuestion = "What is the salary?";

    /// <summary>The second posting of <see cref="TestData.TwoPostings"/>: the same intents, different answers.</summary>
    public const string SecondPostingId = "gadget-designer";
    public const string SecondPostingTitle = "Gadget Designer Intern";
    public const string SecondDurationAnswer = "The Gadget Designer internship lasts 8 weeks, starting in July.";

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

    private const string SecondPostingText = """
        Gadget Designer Intern

        Rolling basis

        We design gadgets that people enjoy holding and we sketch new ones every week.

        Duration

          • Ability to commit to an 8 week internship starting in July

        Location

          • Based in our Porto studio, two days a week on site

        How to apply

        Send us your portfolio and a sketch of a gadget you would improve.
        """;

    /// <summary>Per posting: its text and the answers (duration, location, apply), each citing a passage by a fragment.</summary>
    private sealed record PostingAnswers(string Id, string Text, (string Answer, string Fragment)[] Answers);

    private static readonly PostingAnswers First = new(PostingId, PostingText,
    [
        (DurationAnswer, "12 week"),
        ("The internship is in the Lisbon office, three days a week on site.", "Lisbon"),
        ("Send your CV and a short note about a widget you admire.", "Send us your CV"),
    ]);

    private static readonly PostingAnswers Second = new(SecondPostingId, SecondPostingText,
    [
        (SecondDurationAnswer, "8 week"),
        ("The internship is in the Porto studio, two days a week on site.", "Porto"),
        ("Send your portfolio and a sketch of a gadget you would improve.", "Send us your portfolio"),
    ]);

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
    public static string WriteDataFolder(string parent, TestData set = TestData.OnePosting)
    {
        var data = Path.Combine(parent, "data");
        Directory.CreateDirectory(Path.Combine(data, "postings"));
        Directory.CreateDirectory(Path.Combine(data, "faq"));
        PostingAnswers[] postings = set == TestData.TwoPostings ? [First, Second] : [First];

        // Per intent (duration, location, apply): each posting's answer and the passage id it cites.
        var answers = new List<(string Posting, string Answer, string Source)>[3];
        for (var i = 0; i < answers.Length; i++) answers[i] = [];
        var coverage = "not_answered:\n";
        foreach (var posting in postings)
        {
            File.WriteAllText(Path.Combine(data, "postings", posting.Id + ".txt"), posting.Text);
            var passages = PostingLoader.Parse(posting.Id, posting.Text).Passages;
            var cited = new List<string>();
            for (var i = 0; i < posting.Answers.Length; i++)
            {
                var (answer, fragment) = posting.Answers[i];
                var id = passages.Single(p => p.Text.Contains(fragment, StringComparison.Ordinal)).Id;
                answers[i].Add((posting.Id, answer, id));
                cited.Add(id);
            }
            coverage += $"  {posting.Id}:\n" + string.Concat(passages.Select(p => p.Id).Except(cited).Select(id => $"    - {id}\n"));
        }

        var faq = "intents:\n"
            + Intent("duration", "how long the internship lasts", Duration, answers[0])
            + Intent("location", "where the work happens", Location, answers[1])
            + Intent("apply", "how to apply", Apply, answers[2])
            + Intent("out_of_scope", "something the posting doesn't cover", OutOfScope, []);
        File.WriteAllText(Path.Combine(data, "faq", "intents.yaml"), faq);
        File.WriteAllText(Path.Combine(data, "faq", "coverage.yaml"), coverage);
        return data;
    }

    private static string Intent(string name, string topic, string[] examples, List<(string Posting, string Answer, string Source)> answers)
    {
        var yaml = $"  - name: {name}\n    topic: {topic}\n    examples:\n"
            + string.Concat(examples.Select(e => $"      - {Quote(e)}\n"));
        if (answers.Count > 0)
            yaml += "    answers:\n" + string.Concat(answers.Select(a =>
                $"      {a.Posting}:\n        text: {Quote(a.Answer)}\n        sources: [{a.Source}]\n"));
        return yaml;
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
