using System.Text.Json;

namespace Botshop.Cli.Tests;

/// <summary>`ask --json "question"`: the one-object contract an evaluation reads.</summary>
public sealed class AskJsonTests(TrainedSample sample) : IClassFixture<TrainedSample>
{
    private static readonly string[] ContractFields = ["question", "posting", "answered", "kind", "intent", "confidence", "answer", "sources", "choices"];

    private async Task<JsonElement> AskAsync(string posting, string question)
    {
        using var temp = new TempFolder();
        var result = await CliProcess.RunAsync(sample.CopyInto(temp), "ask", "--json", "--posting", posting, question);
        CliAssert.Succeeded(result);
        Assert.True(result.StdoutLines.Count == 1, $"expected one JSON line:\n{result}");
        return Assert.Single(result.JsonLines());
    }

    [Fact]
    public async Task Json_answer_is_one_object_with_every_contract_field()
    {
        var reply = await AskAsync(SampleData.Widget, "How long is the internship?");

        foreach (var field in ContractFields) Assert.True(reply.TryGetProperty(field, out _), $"missing '{field}' in {reply}");
        Assert.Equal("How long is the internship?", reply.GetProperty("question").GetString());
        Assert.Equal(SampleData.Widget, reply.GetProperty("posting").GetString());
        Assert.Contains(reply.GetProperty("answered").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        Assert.Equal(JsonValueKind.Number, reply.GetProperty("confidence").ValueKind);
        Assert.InRange(reply.GetProperty("confidence").GetDouble(), 0, 1);
        Assert.Equal(JsonValueKind.String, reply.GetProperty("answer").ValueKind);
        Assert.Equal(JsonValueKind.Array, reply.GetProperty("sources").ValueKind);
        Assert.Equal(JsonValueKind.Array, reply.GetProperty("choices").ValueKind);
    }

    [Fact]
    public async Task Answerable_question_is_answered_with_the_faq_text_and_sources_from_the_posting()
    {
        var reply = await AskAsync(SampleData.Widget, "How long is the internship?");

        Assert.True(reply.GetProperty("answered").GetBoolean(), reply.ToString());
        Assert.Equal("Answered", reply.GetProperty("kind").GetString());
        Assert.Equal("duration", reply.GetProperty("intent").GetString());
        Assert.Equal(SampleData.AnswerTexts[0], reply.GetProperty("answer").GetString());
        var passages = sample.Data.Posting(SampleData.Widget).Passages.ToDictionary(p => p.Id);
        var sources = reply.GetProperty("sources").EnumerateArray().ToList();
        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            var id = source.GetProperty("id").GetString()!;
            Assert.True(passages.TryGetValue(id, out var passage), $"source '{id}' is not a passage of the posting");
            Assert.Equal(passage.Text, source.GetProperty("text").GetString());
            Assert.Equal(passage.Section, source.GetProperty("section").GetString());
        }
    }

    [Fact]
    public async Task Salary_question_is_declined_with_no_sources_and_no_posting_fact()
    {
        var reply = await AskAsync(SampleData.Widget, "What salary does this job pay?");

        Assert.False(reply.GetProperty("answered").GetBoolean(), reply.ToString());
        Assert.NotEqual("Answered", reply.GetProperty("kind").GetString());
        Assert.Empty(reply.GetProperty("sources").EnumerateArray());
        var answer = reply.GetProperty("answer").GetString()!;
        Assert.NotEmpty(answer);
        var facts = sample.Data.Postings.SelectMany(p => p.Passages).Select(p => p.Text).Concat(SampleData.AnswerTexts);
        foreach (var fact in facts) Assert.DoesNotContain(fact, answer);
        Assert.DoesNotContain("12 weeks", answer);
        Assert.DoesNotContain("Lisbon", answer);
    }

    [Fact]
    public async Task Known_topic_the_posting_does_not_cover_is_handed_off_not_answered()
    {
        var reply = await AskAsync(SampleData.Gadget, "Where is the office?");

        Assert.False(reply.GetProperty("answered").GetBoolean(), reply.ToString());
        Assert.Equal("NotInPosting", reply.GetProperty("kind").GetString());
        Assert.Equal("location", reply.GetProperty("intent").GetString());
        Assert.Empty(reply.GetProperty("sources").EnumerateArray());
        Assert.DoesNotContain("Lisbon", reply.GetProperty("answer").GetString());
    }
}
