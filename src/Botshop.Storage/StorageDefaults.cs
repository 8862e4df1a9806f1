namespace Botshop.Storage;

/// <summary>Defaults that run on a laptop with no configuration at all.</summary>
public static class StorageDefaults
{
    /// <summary>
    /// A botshop.db file in a "botshop" folder under the local application-data folder (~/.local/share when the
    /// platform has none). The folder is created here, so the first open cannot fail on a missing directory.
    /// </summary>
    public static string DefaultSqliteConnectionString()
    {
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        if (string.IsNullOrEmpty(root))
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        var folder = Path.Combine(root, "botshop");
        Directory.CreateDirectory(folder);
        return "Data Source=" + Path.Combine(folder, "botshop.db");
    }
}
