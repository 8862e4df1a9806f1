using Microsoft.Data.Sqlite;

namespace Botshop.Server.Tests.Infrastructure;

/// <summary>A message row as the server stored it.</summary>
public sealed record StoredMessage(
    long Id, string Channel, string Conversation, string? ExternalId, string Question, string? ReplyKind, string DeliveryStatus,
    string? DeliveryError = null, string? PostingId = null);

/// <summary>A feedback row as the server stored it: +1 or -1.</summary>
public sealed record StoredVote(long MessageId, string UserRef, int Vote);

/// <summary>
/// Reads a running server's SQLite file directly (schema: src/Botshop.Storage/Migrations/sqlite), so tests check what
/// was really stored rather than what an API says it stored.
/// </summary>
public sealed class BotshopDatabaseFile(string path)
{
    private const string MessageColumns = """
        SELECT m.id, m.channel, c.external_id, m.external_id, m.question, m.reply_kind, m.delivery_status,
               m.delivery_error, m.posting_id
        FROM messages m JOIN conversations c ON c.id = m.conversation_id
        """;

    public Task<IReadOnlyList<StoredMessage>> MessagesInConversationAsync(string channel, string conversation) =>
        QueryAsync($"{MessageColumns} WHERE m.channel = $channel AND c.external_id = $conversation ORDER BY m.id",
            r => ReadMessage(r), ("$channel", channel), ("$conversation", conversation));

    public Task<IReadOnlyList<StoredMessage>> AllMessagesAsync() =>
        QueryAsync($"{MessageColumns} ORDER BY m.id", r => ReadMessage(r));

    public Task<IReadOnlyList<StoredVote>> VotesAsync(long messageId) =>
        QueryAsync("SELECT message_id, user_ref, vote FROM feedback WHERE message_id = $id",
            r => new StoredVote(r.GetInt64(0), r.GetString(1), r.GetInt32(2)), ("$id", messageId));

    /// <summary>The model version a stored reply was given with.</summary>
    public async Task<string?> ModelVersionOfAsync(long messageId) =>
        (await QueryAsync("SELECT model_version FROM messages WHERE id = $id", r => r.IsDBNull(0) ? null : r.GetString(0), ("$id", messageId)))
        .SingleOrDefault();

    /// <summary>The highest message id the search's text index holds (migration 0010).</summary>
    public async Task<long> SearchIndexedThroughAsync() =>
        (await QueryAsync("SELECT indexed_through FROM message_search_progress WHERE id = 1", r => r.GetInt64(0))).Single();

    private static StoredMessage ReadMessage(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4),
        r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8));

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        // No pooling: the test must not keep the server's file open after it has looked.
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }
}
