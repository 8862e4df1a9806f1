using Botshop.Core.Models;
using Microsoft.Data.Sqlite;

namespace Botshop.Hosting.Tests.Infrastructure;

/// <summary>
/// A database trained once per test run through the job path: version 1 active (the small knowledge), version 2 a
/// rejected candidate (the same without remote_work's examples). Each test works on its own copy.
/// </summary>
public static class TwoVersions
{
    private static readonly Lazy<Task<(string File, long Active, long Rejected)>> Template = new(CreateAsync);

    public static async Task<(SqliteStore Store, long Active, long Rejected)> CopyAsync()
    {
        var (file, active, rejected) = await Template.Value;
        return (new SqliteStore(file), active, rejected);
    }

    private static async Task<(string, long, long)> CreateAsync()
    {
        var store = new SqliteStore();
        long active, rejected;
        await using (var process = await BotProcess.StartAsync(store))
        {
            await process.Get<Core.Knowledge.IKnowledgeStore>().ImportAsync(RealData.Small(), default);
            active = (await process.RetrainAsync()).ModelVersionId!.Value;
            await process.Get<Core.Knowledge.IKnowledgeStore>().ImportAsync(RealData.Small(withoutExamplesOf: "remote_work"), default);
            var second = await process.RetrainAsync();
            if (second.Status != TrainingJobStatus.Rejected) throw new InvalidOperationException($"Expected the second version to be rejected: {second}");
            rejected = second.ModelVersionId!.Value;
            // Serve the knowledge version 1 was trained on again, so a test's answers come from the full small set.
            await process.Get<Core.Knowledge.IKnowledgeStore>().ImportAsync(RealData.Small(), default);
        }
        // VACUUM INTO folds the write-ahead log in: a plain file copy of the result is a whole database.
        var template = Path.Combine(Path.GetTempPath(), $"botshop-hosting-template-{Guid.NewGuid():n}.db");
        await using (var connection = new SqliteConnection($"{store.ConnectionString};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO $path";
            command.Parameters.AddWithValue("$path", template);
            await command.ExecuteNonQueryAsync();
        }
        await store.DisposeAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(template);
        return (template, active, rejected);
    }
}
