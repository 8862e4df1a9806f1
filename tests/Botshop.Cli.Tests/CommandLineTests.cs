using System.Text.Json;
using Botshop.Knowledge.Postings;

namespace Botshop.Cli.Tests;

/// <summary>The verbs that need no model: help, postings, passages, and what an unknown verb does.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly FreshSample _sample = new();
    private CliEnvironment Env => _sample.Env;

    public void Dispose() => _sample.Dispose();

    [Fact]
    public async Task Postings_json_is_an_array_of_postings_with_id_and_title()
    {
        var result = await CliProcess.RunAsync(Env, "postings", "--json");

        CliAssert.Succeeded(result);
        var postings = result.Json();
        Assert.Equal(JsonValueKind.Array, postings.ValueKind);
        var listed = postings.EnumerateArray()
            .Select(p => (Id: p.GetProperty("id").GetString(), Title: p.GetProperty("title").GetString()))
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
        Assert.Equal([(SampleData.Gadget, "Gadget Designer"), (SampleData.Widget, "Widget Engineer")], listed);
    }

    [Fact]
    public async Task Passages_json_gives_the_ids_the_faq_cites()
    {
        var result = await CliProcess.RunAsync(Env, "passages", "--json", "--posting", SampleData.Widget);

        CliAssert.Succeeded(result);
        var posting = Assert.Single(result.Json().EnumerateArray());
        var ids = posting.GetProperty("passages").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Equal(PostingLoader.Parse(SampleData.Widget, SampleData.WidgetPosting).Passages.Select(p => p.Id), ids);
    }

    [Fact]
    public async Task Help_lists_every_verb()
    {
        var result = await CliProcess.RunAsync(Env, "--help");

        CliAssert.Succeeded(result);
        foreach (var verb in new[] { "train", "eval", "ask", "postings", "passages", "validate" })
            Assert.Contains(result.StdoutLines, line => line.TrimStart().StartsWith(verb + " ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_verb_fails_and_names_it()
    {
        var result = await CliProcess.RunAsync(Env, "frobnicate");

        CliAssert.NoStackTrace(result);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("frobnicate", result.Stderr);
    }
}
