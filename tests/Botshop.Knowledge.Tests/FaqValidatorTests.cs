using Botshop.Knowledge;
using Botshop.Knowledge.Postings;

namespace Botshop.Knowledge.Tests;

public class FaqValidatorTests
{
    private const string PostingText = """
        Widget Engineer

        Rolling basis

        We build widgets for the whole world and we love doing it every day.

        Availability

          • Ability to commit to a 10 week internship
          • In office 2 days a week
        """;

    private static string Examples(string stem) =>
        string.Join("\n", Enumerable.Range(1, 10).Select(i => $"      - {stem} question number {i}"));

    private static string Faq(string durationSource, string extraDurationExample = "") => $"""
        intents:
          - name: duration
            topic: how long the internship lasts
            examples:
        {Examples("duration")}
              {extraDurationExample}
            answers:
              widget-engineer:
                text: The internship lasts 10 weeks.
                sources: [{durationSource}]
          - name: out_of_scope
            topic: something the posting doesn't cover
            examples:
        {Examples("unrelated")}
        """;

    private static (string Data, string DurationId) WriteData(string? faq = null, string posting = PostingText, string? coverage = null)
    {
        var data = TestData.TempFolder();
        Directory.CreateDirectory(Path.Combine(data, "postings"));
        Directory.CreateDirectory(Path.Combine(data, "faq"));
        File.WriteAllText(Path.Combine(data, "postings", "widget-engineer.txt"), posting);
        var parsed = PostingLoader.Parse("widget-engineer", PostingText);
        var durationId = parsed.Passages.Single(p => p.Text.Contains("10 week")).Id;
        File.WriteAllText(Path.Combine(data, "faq", "intents.yaml"), faq ?? Faq(durationId));
        var others = parsed.Passages.Where(p => p.Id != durationId).Select(p => "    - " + p.Id);
        File.WriteAllText(Path.Combine(data, "faq", "coverage.yaml"), coverage ?? "not_answered:\n  widget-engineer:\n" + string.Join("\n", others));
        return (data, durationId);
    }

    [Fact]
    public void Consistent_data_is_valid()
    {
        var (data, _) = WriteData();

        var loaded = KnowledgeLoader.Load(data);

        Assert.False(loaded.Validation.HasErrors, string.Join("\n", loaded.Validation.Issues));
        Assert.Equal(2, loaded.Knowledge.Intents.Count);
    }

    [Fact]
    public void A_changed_posting_makes_the_citation_stale_and_it_is_reported()
    {
        var (data, durationId) = WriteData();
        File.WriteAllText(Path.Combine(data, "postings", "widget-engineer.txt"), PostingText.Replace("10 week", "14 week"));

        var loaded = KnowledgeLoader.Load(data);

        var error = Assert.Single(loaded.Validation.Errors, e => e.Message.Contains("stale citation"));
        Assert.Contains(durationId, error.Message);
    }

    [Fact]
    public void An_example_in_two_intents_is_reported()
    {
        var (data, _) = WriteData();
        var path = Path.Combine(data, "faq", "intents.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("unrelated question number 3", "Duration question number 3?"));

        var loaded = KnowledgeLoader.Load(data);

        Assert.Contains(loaded.Validation.Errors, e => e.Message.Contains("appears in both 'duration' and 'out_of_scope'"));
    }

    [Fact]
    public void An_intent_with_too_few_examples_is_reported()
    {
        var (data, _) = WriteData();
        var path = Path.Combine(data, "faq", "intents.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("      - duration question number 10\n", ""));

        var loaded = KnowledgeLoader.Load(data);

        Assert.Contains(loaded.Validation.Errors, e => e.Message.Contains("'duration' has 9 examples"));
    }

    [Fact]
    public void A_passage_no_intent_answers_and_not_listed_is_reported()
    {
        var (data, _) = WriteData(coverage: "not_answered: {}");

        var loaded = KnowledgeLoader.Load(data);

        Assert.Contains(loaded.Validation.Errors, e => e.Message.Contains("In office 2 days a week") && e.Message.Contains("answered by no intent"));
    }

    [Fact]
    public void An_answer_for_an_unknown_posting_is_reported()
    {
        var (data, durationId) = WriteData();
        var path = Path.Combine(data, "faq", "intents.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("      widget-engineer:", "      gadget-engineer:"));

        var loaded = KnowledgeLoader.Load(data);

        Assert.Contains(loaded.Validation.Errors, e => e.Message.Contains("posting 'gadget-engineer': no such posting"));
        Assert.NotNull(durationId);
    }

    [Fact]
    public void Malformed_yaml_is_a_data_error_naming_the_file()
    {
        var (data, _) = WriteData(faq: "intents:\n  - name: [unclosed\n");

        var error = Assert.Throws<KnowledgeDataException>(() => KnowledgeLoader.Load(data));

        Assert.Contains("intents.yaml", error.Message);
    }
}
