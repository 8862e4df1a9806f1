namespace Botshop.Cli.Tests;

/// <summary>Every question the CLI answers lands in the conversation log, like any channel's.</summary>
public sealed class ConversationLogTests(TrainedSample sample) : IClassFixture<TrainedSample>, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Every_asked_question_is_logged_with_channel_cli_and_its_reply()
    {
        var env = sample.CopyInto(_temp);
        var single = await CliProcess.RunAsync(env, "ask", "--json", "--posting", SampleData.Widget, "How long is the internship?");
        var many = await CliProcess.RunWithInputAsync(env, "What is the salary?\n\nWhere is the office?\n", "ask", "--json", "--posting", SampleData.Gadget);
        CliAssert.Succeeded(single);
        CliAssert.Succeeded(many);
        var printed = single.JsonLines().Concat(many.JsonLines()).ToList();

        var logged = ReadMessages(env.DatabasePath);

        Assert.Equal(["How long is the internship?", "What is the salary?", "Where is the office?"], logged.Select(m => m.Question));
        Assert.All(logged, m => Assert.Equal("cli", m.Channel));
        Assert.Equal([SampleData.Widget, SampleData.Gadget, SampleData.Gadget], logged.Select(m => m.PostingId));
        Assert.Equal(printed.Select(p => p.GetProperty("answered").GetBoolean()), logged.Select(m => m.Answered));
        Assert.Equal(printed.Select(p => p.GetProperty("answer").GetString()), logged.Select(m => m.AnswerText));
    }

    private sealed record LoggedMessage(string Question, string Channel, string? PostingId, bool Answered, string? AnswerText);

    private static List<LoggedMessage> ReadMessages(string databasePath)
    {
        using var connection = StoreFile.Open(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT question, channel, posting_id, answered, answer_text FROM messages ORDER BY id";
        using var reader = command.ExecuteReader();
        var messages = new List<LoggedMessage>();
        while (reader.Read())
            messages.Add(new LoggedMessage(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                !reader.IsDBNull(3) && reader.GetBoolean(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        return messages;
    }
}
