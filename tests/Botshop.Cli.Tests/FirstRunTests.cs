namespace Botshop.Cli.Tests;

/// <summary>A fresh store: `ask` seeds the knowledge and trains the first model before answering.</summary>
public sealed class FirstRunTests : IDisposable
{
    private readonly FreshSample _sample = new();

    public void Dispose() => _sample.Dispose();

    [Fact]
    public async Task Ask_on_a_fresh_database_trains_first_then_answers_and_stores_an_active_model()
    {
        var env = _sample.Env;
        Assert.False(File.Exists(env.DatabasePath));

        var result = await CliProcess.RunAsync(env, "ask", "--json", "--posting", SampleData.Widget, "How long is the internship?");

        CliAssert.Succeeded(result);
        var reply = Assert.Single(result.JsonLines());
        Assert.True(reply.GetProperty("answered").GetBoolean(), result.ToString());
        Assert.Equal(SampleData.AnswerTexts[0], reply.GetProperty("answer").GetString());
        using var store = StoreFile.Open(env.DatabasePath);
        using var command = store.CreateCommand();
        command.CommandText = "SELECT trainer, is_active, length(model_bytes) FROM model_versions";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), "no model version stored");
        Assert.False(string.IsNullOrEmpty(reader.GetString(0)));
        Assert.True(reader.GetBoolean(1), "the stored model is not active");
        Assert.True(reader.GetInt64(2) > 0, "the stored model has no bytes");
        Assert.False(reader.Read(), "more than one model version stored by one ask");
    }
}
