using Microsoft.Data.Sqlite;

namespace Botshop.Cli.Tests.Infrastructure;

/// <summary>Opens the SQLite file a CLI run left behind, to check what it stored.</summary>
public static class StoreFile
{
    // No pooling: the file handle must be gone before the temp folder is deleted.
    public static SqliteConnection Open(string databasePath)
    {
        var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        return connection;
    }
}
