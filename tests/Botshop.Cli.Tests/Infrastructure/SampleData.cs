using Botshop.Core.Knowledge;
using Botshop.Knowledge.Postings;

namespace Botshop.Cli.Tests.Infrastructure;

/// <summary>
/// A small, valid data folder: two postings and three intents (duration, location, out_of_scope) with a dozen
/// examples each, small enough to train in seconds. Widget answers both intents; Gadget says nothing about location.
/// </summary>
public sealed class SampleData
{
    public const string Widget = "widget-engineer";
    public const string Gadget = "gadget-designer";

    public const string WidgetPosting = """
        Widget Engineer

        Rolling basis

        We build widgets for the whole world and we love doing it every day.

        Details

          • The internship lasts 12 weeks, from June to August.
          • You will work from our office in Lisbon, Portugal.
          • Interns get a mentor from the widget team.
        """;

    public const string GadgetPosting = """
        Gadget Designer

        Summer placement

        We design gadgets that make small offices a happier place to work.

        Details

          • The placement runs for 6 months, starting in March.
          • Designers join the sketching guild on day one.
        """;

    public static readonly string[] DurationExamples =
    [
        "How long is the internship?", "How many weeks does the internship last?", "What is the duration of the internship?",
        "When does the internship start and end?", "How long will I be an intern?", "Is the internship twelve weeks long?",
        "For how many months does the placement run?", "What are the start and end dates?", "How long does the placement last?",
        "What is the length of the program?", "When does the internship finish?", "How many weeks is the placement?",
    ];

    public static readonly string[] LocationExamples =
    [
        "Where is the office?", "Where will I be working?", "Which city is the job in?", "Where is the role based?",
        "What is the office location?", "In which country is the job?", "Is the job in Lisbon?", "Where do interns work from?",
        "Which office would I join?", "Where is the team located?", "Which city would I move to?", "Where is the workplace?",
    ];

    public static readonly string[] OutOfScopeExamples =
    [
        "How much does it pay?", "What is the salary?", "Is it paid?", "What is the stipend?", "Do you sponsor visas?",
        "Can you help with my visa?", "What's the weather like today?", "Tell me a joke", "Who won the football game?",
        "What is your favourite colour?", "How do I reset my password?", "What is the compensation?",
        "Hello, how are you?", "Can I bring my dog?",
    ];

    private SampleData(string folder, IReadOnlyList<Posting> postings)
    {
        Folder = folder;
        Postings = postings;
    }

    public string Folder { get; }

    public IReadOnlyList<Posting> Postings { get; }

    public string FaqFile => Path.Combine(Folder, "faq", "intents.yaml");

    public string PostingFile(string id) => Path.Combine(Folder, "postings", id + ".txt");

    public Posting Posting(string id) => Postings.Single(p => p.Id == id);

    /// <summary>The answer texts the FAQ gives: what a candidate may only see when the bot answers.</summary>
    public static readonly string[] AnswerTexts =
    [
        "The internship lasts 12 weeks, from June to August.",
        "The placement runs for 6 months, starting in March.",
        "You will work from our office in Lisbon, Portugal.",
    ];

    /// <summary>Writes the folder (postings/, faq/intents.yaml, faq/coverage.yaml) into <paramref name="folder"/>.</summary>
    public static SampleData Create(string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, "postings"));
        Directory.CreateDirectory(Path.Combine(folder, "faq"));
        File.WriteAllText(Path.Combine(folder, "postings", Widget + ".txt"), WidgetPosting);
        File.WriteAllText(Path.Combine(folder, "postings", Gadget + ".txt"), GadgetPosting);

        var widget = PostingLoader.Parse(Widget, WidgetPosting);
        var gadget = PostingLoader.Parse(Gadget, GadgetPosting);
        var widgetDuration = PassageId(widget, "12 weeks");
        var widgetLocation = PassageId(widget, "Lisbon");
        var gadgetDuration = PassageId(gadget, "6 months");

        File.WriteAllText(Path.Combine(folder, "faq", "intents.yaml"), $"""
            intents:
              - name: duration
                topic: how long the internship lasts
                examples:
            {List(DurationExamples)}
                answers:
                  {Widget}:
                    text: "{AnswerTexts[0]}"
                    sources: ["{widgetDuration}"]
                  {Gadget}:
                    text: "{AnswerTexts[1]}"
                    sources: ["{gadgetDuration}"]
              - name: location
                topic: where the job is
                examples:
            {List(LocationExamples)}
                answers:
                  {Widget}:
                    text: "{AnswerTexts[2]}"
                    sources: ["{widgetLocation}"]
              - name: out_of_scope
                topic: something the posting doesn't cover
                examples:
            {List(OutOfScopeExamples)}

            """);

        var cited = new HashSet<string> { widgetDuration, widgetLocation, gadgetDuration };
        File.WriteAllText(Path.Combine(folder, "faq", "coverage.yaml"),
            "not_answered:\n" + NotAnswered(widget, cited) + NotAnswered(gadget, cited));
        return new SampleData(folder, [gadget, widget]);
    }

    private static string PassageId(Posting posting, string containing) =>
        posting.Passages.Single(p => p.Text.Contains(containing, StringComparison.Ordinal)).Id;

    private static string List(IEnumerable<string> examples) =>
        string.Join("\n", examples.Select(e => $"      - \"{e}\""));

    private static string NotAnswered(Posting posting, HashSet<string> cited) =>
        $"  {posting.Id}:\n" + string.Concat(posting.Passages.Where(p => !cited.Contains(p.Id)).Select(p => $"    - \"{p.Id}\"\n"));
}
