namespace Botshop.Storage;

/// <summary>Where the store lives. Bound by the composition roots; the connection string comes from ConnectionStrings:Botshop.</summary>
public sealed class StorageOptions
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>The configuration key the composition roots read the connection string from.</summary>
    public const string ConnectionStringKey = "ConnectionStrings:Botshop";

    /// <summary>"sqlite" (default) or "postgres".</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>Empty means the per-user SQLite file from <see cref="StorageDefaults.DefaultSqliteConnectionString"/>.</summary>
    public string? ConnectionString { get; set; }
}
