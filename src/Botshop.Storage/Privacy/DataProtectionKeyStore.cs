using Dapper;

namespace Botshop.Storage.Privacy;

/// <summary>
/// The ASP.NET Core Data Protection key ring's XML elements (data_protection_keys), shared by every replica and
/// the CLI. Synchronous, because Data Protection's key repository interface is: it is read once per key-ring
/// refresh (a day) and written when a key is created (every ~90 days), never on a request path.
/// </summary>
public sealed class DataProtectionKeyStore(BotshopDatabase db)
{
    public IReadOnlyList<string> GetAll()
    {
        using var connection = db.OpenAsync().GetAwaiter().GetResult();
        return connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY id").ToList();
    }

    public void Add(string friendlyName, string xml) => AddAsync(friendlyName, xml).GetAwaiter().GetResult();

    private async Task AddAsync(string friendlyName, string xml)
    {
        await using var tx = await db.BeginWriteAsync(CancellationToken.None);
        await tx.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@friendlyName, @xml)",
            new { friendlyName, xml }, tx.Transaction));
        await tx.CommitAsync(CancellationToken.None);
    }

    /// <summary>How many key elements are stored: zero until the first key is created.</summary>
    public async Task<int> CountAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) FROM data_protection_keys", cancellationToken: ct));
    }
}
