using System.Reflection;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Botshop.Storage.Migrations;

/// <summary>
/// Applies the embedded Migrations/&lt;provider&gt;/NNNN_name.sql files not yet in schema_migrations, in order, in one
/// transaction under the write lock (SQLite) or an advisory lock (PostgreSQL): a second migrator waits, then finds
/// nothing left to do.
/// </summary>
internal sealed class MigrationRunner(BotshopDatabase db, ILogger logger)
{
    private const string CreateTableSql = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    BIGINT  NOT NULL PRIMARY KEY,
            name       TEXT    NOT NULL,
            applied_at BIGINT  NOT NULL
        )
        """;

    public async Task RunAsync(CancellationToken ct)
    {
        var migrations = Migration.Embedded(db.Provider);
        await using var tx = await db.BeginExclusiveAsync(StoreLock.Migrations, ct);
        await tx.Connection.ExecuteAsync(new CommandDefinition(CreateTableSql, transaction: tx.Transaction, cancellationToken: ct));

        var applied = (await tx.Connection.QueryAsync<long>(new CommandDefinition(
            "SELECT version FROM schema_migrations", transaction: tx.Transaction, cancellationToken: ct))).ToHashSet();

        var pending = migrations.Where(m => !applied.Contains(m.Version)).ToList();
        foreach (var migration in pending)
        {
            await tx.Connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: tx.Transaction, cancellationToken: ct));
            await tx.Connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                new { migration.Version, migration.Name, AppliedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() },
                tx.Transaction, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);

        foreach (var migration in pending)
            logger.LogInformation("Applied migration {Version} {Name} ({Provider})", migration.Version, migration.Name, db.Provider);
    }
}

internal sealed record Migration(long Version, string Name, string Sql)
{
    /// <summary>The migrations shipped for a provider, ordered by version.</summary>
    public static IReadOnlyList<Migration> Embedded(string provider)
    {
        var assembly = typeof(Migration).Assembly;
        var prefix = $"Migrations/{provider}/";
        var migrations = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Read(assembly, n, Path.GetFileNameWithoutExtension(n)))
            .OrderBy(m => m.Version)
            .ToList();
        if (migrations.Count == 0)
            throw new InvalidOperationException($"No migrations are embedded for provider '{provider}'.");
        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Two migrations share version {duplicate.Key} for provider '{provider}'.");
        return migrations;
    }

    private static Migration Read(Assembly assembly, string resource, string fileName)
    {
        // "0001_initial" -> version 1, name "initial".
        var separator = fileName.IndexOf('_');
        if (separator <= 0 || !long.TryParse(fileName.AsSpan(0, separator), out var version))
            throw new InvalidOperationException($"Migration '{resource}' is not named NNNN_name.sql.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new Migration(version, fileName[(separator + 1)..], reader.ReadToEnd());
    }
}
