using Botshop.Storage;

namespace Botshop.Benchmarks.Stores;

/// <summary>
/// A PostgreSQL database holding the same knowledge and the same trained model as a SQLite template, so both engines
/// serve identical bytes; each run copies it (CREATE DATABASE … TEMPLATE) in well under a second.
/// </summary>
public static class PostgresTemplate
{
    public static async Task<string> FromSqliteAsync(PostgresServer server, string sqliteTemplate)
    {
        var name = "botshop_bench_template_" + Path.GetFileNameWithoutExtension(sqliteTemplate).Replace('-', '_');
        if (server.DatabaseExists(name)) return name;

        // A copy: migrating the template in place would change the file every SQLite run starts from.
        await using var source = new SqliteRunStore(Path.GetTempPath(), sqliteTemplate);
        await using var sourceDb = new BotshopDatabase(source.Options);
        await sourceDb.MigrateAsync();
        var knowledge = await new KnowledgeStore(sourceDb).LoadAsync(default);
        var (version, bytes) = await new ModelVersionStore(sourceDb).GetActiveAsync(default)
            ?? throw new InvalidOperationException($"{sqliteTemplate} holds no active model");

        server.CreateDatabase(name);
        try
        {
            await using var target = new BotshopDatabase(new StorageOptions
            {
                Provider = StorageOptions.Postgres,
                ConnectionString = server.ConnectionStringFor(name),
            });
            await target.MigrateAsync();
            await new KnowledgeStore(target).ImportAsync(knowledge, default);
            await new ModelVersionStore(target).SaveAsync(version, bytes, activate: true, default);
        }
        catch
        {
            server.DropDatabase(name);
            throw;
        }
        // A template database must have no open connections when it is copied.
        Npgsql.NpgsqlConnection.ClearAllPools();
        return name;
    }
}
