using System.Text.Json;
using Dapper;

namespace Botshop.Cli.Tests;

/// <summary>`botshop train` as a training job with the regression gate, and `botshop models list|promote|rollback`, as real processes.</summary>
public sealed class ModelsCommandTests(TrainedSample sample) : IClassFixture<TrainedSample>, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_first_train_is_a_job_whose_version_is_promoted_without_comparison()
    {
        var output = sample.Training.Json();

        Assert.Equal("promoted", output.GetProperty("status").GetString());
        Assert.True(output.GetProperty("job").GetInt64() > 0);
        var gate = output.GetProperty("gate");
        Assert.Equal("promoted", gate.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, gate.GetProperty("active").ValueKind);
        Assert.Equal(0.01, gate.GetProperty("tolerance").GetDouble());
        Assert.Equal("none", gate.GetProperty("regressionSet").GetProperty("heldOutSha256").GetString()); // the sample has no data/regression
    }

    [Fact]
    public async Task Retraining_keeps_labelled_examples_gates_against_the_active_version_and_lists_both()
    {
        var env = sample.CopyInto(_temp);
        Label(env, "location", "wherez the office at");

        var train = await CliProcess.RunAsync(env, "train", "--json");
        var list = await CliProcess.RunAsync(env, "models", "list", "--json");

        CliAssert.Succeeded(train);
        var output = train.Json();
        var gate = output.GetProperty("gate");
        Assert.Equal(output.GetProperty("status").GetString(), gate.GetProperty("verdict").GetString());
        Assert.Equal(1, gate.GetProperty("active").GetProperty("versionId").GetInt64());
        Assert.Equal(1, gate.GetProperty("regressionSet").GetProperty("labelled").GetInt32());
        Assert.Equal(4, gate.GetProperty("comparisons").GetArrayLength());
        CliAssert.Succeeded(list);
        var versions = list.Json().EnumerateArray().ToList();
        Assert.Equal([2L, 1L], versions.Select(v => v.GetProperty("id").GetInt64()));
        Assert.Equal(output.GetProperty("status").GetString() == "promoted" ? 2 : 1,
            versions.Single(v => v.GetProperty("active").GetBoolean()).GetProperty("id").GetInt64());
        Assert.Equal("cli", versions[0].GetProperty("createdBy").GetString());
    }

    [Fact]
    public async Task Import_data_replaces_the_live_knowledge_and_drops_the_labels()
    {
        var env = sample.CopyInto(_temp);
        Label(env, "location", "wherez the office at");

        var train = await CliProcess.RunAsync(env, "train", "--json", "--import-data");

        CliAssert.Succeeded(train);
        Assert.Equal(0, train.Json().GetProperty("gate").GetProperty("regressionSet").GetProperty("labelled").GetInt32());
        using var store = StoreFile.Open(env.DatabasePath);
        Assert.Equal(0, store.ExecuteScalar<long>("SELECT COUNT(*) FROM examples WHERE source_message_id IS NOT NULL"));
        Assert.Equal(1, store.ExecuteScalar<long>("SELECT COUNT(*) FROM audit_log WHERE actor = 'cli' AND action = 'knowledge.import'"));
    }

    [Fact]
    public async Task Train_joins_the_job_a_recruiter_queued_instead_of_starting_another()
    {
        var env = sample.CopyInto(_temp);
        using (var store = StoreFile.Open(env.DatabasePath))
            store.Execute("INSERT INTO training_jobs (requested_by, requested_at, status) VALUES ('ana', 1, 'queued')");

        var train = await CliProcess.RunAsync(env, "train", "--json");

        CliAssert.Succeeded(train);
        Assert.Contains("requested by ana", train.Stderr);
        using var after = StoreFile.Open(env.DatabasePath);
        var jobs = after.Query<(long Id, string RequestedBy, string Status)>("SELECT id, requested_by, status FROM training_jobs ORDER BY id").ToList();
        Assert.Equal(train.Json().GetProperty("job").GetInt64(), jobs[^1].Id);
        Assert.Equal(("ana", train.Json().GetProperty("status").GetString()), (jobs[^1].RequestedBy, jobs[^1].Status));
        Assert.Equal(2, jobs.Count); // the template's own job, and this one: no third
    }

    [Fact]
    public async Task Rollback_and_promote_switch_the_active_version_and_are_audited_as_cli()
    {
        var env = sample.CopyInto(_temp);
        CliAssert.Succeeded(await CliProcess.RunAsync(env, "train", "--json"));
        await CliProcess.RunAsync(env, "models", "promote", "2"); // active already if the gate promoted it

        var rollback = await CliProcess.RunAsync(env, "models", "rollback");
        var afterRollback = ActiveVersion(env);
        var promote = await CliProcess.RunAsync(env, "models", "promote", "2");

        CliAssert.Succeeded(rollback);
        Assert.Equal("Rolled back: model version 1 is now active.", rollback.StdoutLines.Single());
        Assert.Equal(1, afterRollback);
        CliAssert.Succeeded(promote);
        Assert.Equal(2, ActiveVersion(env));
        using var store = StoreFile.Open(env.DatabasePath);
        var audit = store.Query<(string Actor, string Action, string Subject)>(
            "SELECT actor, action, subject FROM audit_log WHERE action IN ('model.rollback', 'model.promote') AND actor = 'cli' ORDER BY id DESC LIMIT 2").ToList();
        Assert.Equal([("cli", "model.promote", "model/2"), ("cli", "model.rollback", "model/1")], audit);
    }

    [Theory]
    [InlineData("does not exist", "models", "promote", "99")]
    [InlineData("No earlier active version", "models", "rollback")]
    [InlineData("already active", "models", "promote", "1")]
    public async Task A_switch_that_cannot_be_done_is_one_line_and_changes_nothing(string expected, params string[] args)
    {
        var env = sample.CopyInto(_temp);

        var result = await CliProcess.RunAsync(env, args);

        Assert.Contains(expected, CliAssert.OneLineError(result, ExitCodes.BadInput));
        Assert.Equal(1, ActiveVersion(env));
    }

    private static long ActiveVersion(CliEnvironment env)
    {
        using var store = StoreFile.Open(env.DatabasePath);
        return store.QuerySingle<long>("SELECT id FROM model_versions WHERE is_active");
    }

    /// <summary>A recruiter's label on a logged question, as the inbox stores it.</summary>
    private static void Label(CliEnvironment env, string intent, string question)
    {
        using var store = StoreFile.Open(env.DatabasePath);
        store.Execute("""
            INSERT INTO examples (intent_name, position, text, source_message_id, added_by, added_at)
            VALUES (@intent, 1000, @question, 1, 'ana', 1)
            """, new { intent, question });
    }
}
