using System.Data.Common;

namespace Botshop.Testing;

/// <summary>
/// Reads every text column of every table of a Botshop store, found from the schema itself (sqlite_master and
/// pragma_table_info, or information_schema), so a column added later is scanned too.
/// </summary>
public static class StoreTextScan
{
    /// <summary>Every (table, column) whose declared type holds text.</summary>
    public static async Task<IReadOnlyList<(string Table, string Column)>> TextColumnsAsync(DbConnection connection, bool postgres)
    {
        const string Postgres = """
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'xml')
            ORDER BY table_name, column_name
            """;
        // SQLite's own affinity rule: a declared type containing CHAR, CLOB or TEXT stores text.
        const string Sqlite = """
            SELECT t.name, c.name FROM sqlite_master t, pragma_table_info(t.name) c
            WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite_%'
              AND (upper(c.type) LIKE '%CHAR%' OR upper(c.type) LIKE '%CLOB%' OR upper(c.type) LIKE '%TEXT%')
            ORDER BY t.name, c.name
            """;
        var columns = new List<(string, string)>();
        await using var command = connection.CreateCommand();
        command.CommandText = postgres ? Postgres : Sqlite;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) columns.Add((reader.GetString(0), reader.GetString(1)));
        return columns;
    }

    /// <summary>Each stored text value containing one of <paramref name="needles"/> (ignoring case), as "table.column: value".</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(DbConnection connection, bool postgres, IReadOnlyCollection<string> needles)
    {
        var hits = new List<string>();
        foreach (var (table, column) in await TextColumnsAsync(connection, postgres))
        {
            await using var command = connection.CreateCommand();
            // Names come from the schema, never from input; quoted as identifiers all the same.
            command.CommandText = $"SELECT CAST(\"{column}\" AS TEXT) FROM \"{table}\" WHERE \"{column}\" IS NOT NULL";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var value = reader.GetString(0);
                if (needles.Any(n => value.Contains(n, StringComparison.OrdinalIgnoreCase)))
                    hits.Add($"{table}.{column}: {value}");
            }
        }
        return hits;
    }
}
