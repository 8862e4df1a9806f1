namespace Botshop.Storage;

/// <summary>Matching a column against a list parameter, written the one way each engine accepts.</summary>
internal static class SqlLists
{
    /// <summary>
    /// "column IN @ids" on SQLite, where Dapper expands the list into one parameter per item; "column = ANY(@ids)" on
    /// PostgreSQL, where Npgsql sends the list as a single array parameter (and IN would not parse).
    /// </summary>
    public static string AnyOf(this BotshopDatabase db, string column, string parameter) =>
        db.Provider == StorageOptions.Postgres ? $"{column} = ANY({parameter})" : $"{column} IN {parameter}";
}
