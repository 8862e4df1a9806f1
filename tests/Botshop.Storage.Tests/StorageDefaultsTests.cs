using Botshop.Storage;

namespace Botshop.Storage.Tests;

public sealed class StorageDefaultsTests
{
    [Fact]
    public void Default_sqlite_database_is_botshop_db_in_a_created_botshop_folder_under_local_app_data()
    {
        var connectionString = StorageDefaults.DefaultSqliteConnectionString();

        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        if (string.IsNullOrEmpty(root))
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        var expectedFile = Path.Combine(root, "botshop", "botshop.db");
        Assert.Equal("Data Source=" + expectedFile, connectionString);
        Assert.True(Directory.Exists(Path.GetDirectoryName(expectedFile)));
    }

    [Fact]
    public void Unknown_provider_is_refused_at_construction()
    {
        var error = Assert.Throws<ArgumentException>(() => new BotshopDatabase(new StorageOptions { Provider = "oracle" }));
        Assert.Contains("oracle", error.Message);
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused_at_construction()
    {
        Assert.Throws<ArgumentException>(() => new BotshopDatabase(new StorageOptions { Provider = "postgres" }));
    }
}
