using System.Net;
using Botshop.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Botshop.Server.Tests.Models;

/// <summary>The real server's training worker.</summary>
public sealed class ModelTrainingServerTests
{
    /// <summary>A worker that looks for jobs five times a second and trains with one trainer: the quickest real retrain.</summary>
    internal static readonly IReadOnlyDictionary<string, string> QuickWorker = new Dictionary<string, string>()
    {
        ["Models__PollInterval"] = "00:00:00.2",
        ["Models__Trainers__0"] = "LbfgsMaximumEntropy",
    };

    [Fact]
    public async Task A_queued_retrain_is_run_by_the_server_worker_and_the_promoted_version_answers_the_next_question()
    {
        await using var server = await ServerProcess.StartAsync(QuickWorker);
        // The "Retrain now" button's row (its page needs the sign-in that arrives with the admin work).
        var jobId = await ExecuteAsync<long>(server, """
            INSERT INTO training_jobs (requested_by, requested_at, status, progress) VALUES ('ana', 1, 'queued', 'Waiting for a worker')
            RETURNING id
            """);

        var (status, version) = await WaitUntilFinishedAsync(server, jobId);

        // Same data as the start-up model, so nothing can regress: the gate promotes it.
        Assert.True(status == "promoted", $"job {jobId} ended {status}\n{server.Log}");
        var chat = new ChatClient(server.CreateClient());
        var conversation = ChatClient.NewConversationId();
        var reply = await chat.AskAsync(conversation, TestKnowledge.DurationQuestion);
        Assert.Equal(TestKnowledge.DurationAnswer, reply["text"]!.GetValue<string>());
        Assert.Equal(version.ToString(), await ExecuteAsync<string>(server,
            "SELECT m.model_version FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.external_id = $p0", conversation));
        Assert.Equal("system", await ExecuteAsync<string>(server, "SELECT actor FROM audit_log WHERE action = 'model.promote' AND subject = $p0", $"model/{version}"));
    }

    private static async Task<(string Status, long Version)> WaitUntilFinishedAsync(ServerProcess server, long jobId)
    {
        // A hang guard, not a speed check: the worker trains on a shared, busy machine.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        while (true)
        {
            var status = await ExecuteAsync<string>(server, "SELECT status FROM training_jobs WHERE id = $p0", jobId);
            if (status is "promoted" or "rejected" or "failed")
                return (status, await ExecuteAsync<long?>(server, "SELECT model_version_id FROM training_jobs WHERE id = $p0", jobId) ?? 0);
            await Task.Delay(200, guard.Token);
        }
    }

    private static async Task<T> ExecuteAsync<T>(ServerProcess server, string sql, params object[] args)
    {
        await using var connection = new SqliteConnection($"Data Source={server.DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < args.Length; i++) command.Parameters.AddWithValue($"$p{i}", args[i]);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T));
    }
}

/// <summary>The models pages and API stay behind the recruiters' sign-in.</summary>
public sealed class ModelsPagesSignedOutTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("admin/models")]
    [InlineData("admin/models/1")]
    [InlineData("admin/models/1/promote")]
    [InlineData("admin/models/1/rollback")]
    [InlineData("admin/models/jobs/1")]
    [InlineData("admin/api/models/jobs/1")]
    [InlineData("admin/api/models/jobs")]
    public async Task Signed_out_requests_to_the_models_pages_and_api_are_sent_to_sign_in(string path)
    {
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Server.BaseUri };

        using var get = await client.GetAsync(path);
        using var post = await client.PostAsync(path, new FormUrlEncodedContent([]));

        foreach (var response in new[] { get, post })
        {
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized or HttpStatusCode.MethodNotAllowed,
                $"{response.RequestMessage!.Method} {path}: {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Redirect)
                Assert.StartsWith("/admin/login", response.Headers.Location!.AbsolutePath);
        }
    }
}
