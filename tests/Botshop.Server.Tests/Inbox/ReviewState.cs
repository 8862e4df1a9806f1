using Microsoft.Data.Sqlite;

namespace Botshop.Server.Tests.Inbox;

/// <summary>Reads a message's review status straight from a server's SQLite file.</summary>
public static class ReviewState
{
    public static async Task<string?> OfAsync(string databaseFile, long messageId)
    {
        // No pooling: the test must not keep the server's file open after it has looked.
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT review_status FROM messages WHERE id = $id";
        command.Parameters.AddWithValue("$id", messageId);
        return await command.ExecuteScalarAsync() as string;
    }
}
