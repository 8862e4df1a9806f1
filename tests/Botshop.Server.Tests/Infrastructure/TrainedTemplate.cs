using Botshop.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Botshop.Server.Tests.Infrastructure;

/// <summary>
/// The test data folder and a database with its knowledge imported and a model trained, made once per test run with
/// the same services the server's first start uses. Every server gets its own copy, so none trains and none sees
/// another's conversations.
/// </summary>
public sealed class TrainedTemplate
{
    /// <summary>A fixed pseudonym key, so no test writes a generated one into the user's profile.</summary>
    public static readonly string UserHashKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private static readonly Lazy<Task<TrainedTemplate>> OnePosting = new(() => CreateAsync(TestData.OnePosting));
    private static readonly Lazy<Task<TrainedTemplate>> TwoPostings = new(() => CreateAsync(TestData.TwoPostings));

    private TrainedTemplate(string root, string dataFolder, string database)
    {
        Root = root;
        DataFolder = dataFolder;
        DatabaseFile = database;
    }

    /// <summary>A folder for this test run's files.</summary>
    public string Root { get; }
    public string DataFolder { get; }
    public string DatabaseFile { get; }

    /// <summary>The template for a data set, made on first use (each set trains once per run).</summary>
    public static Task<TrainedTemplate> GetAsync(TestData set = TestData.OnePosting) =>
        (set == TestData.TwoPostings ? TwoPostings : OnePosting).Value;

    /// <summary>A private copy of the trained database in a new folder under <see cref="Root"/>.</summary>
    public string CopyDatabase()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Root, Guid.NewGuid().ToString("n"))).FullName;
        var copy = Path.Combine(folder, "botshop.db");
        File.Copy(DatabaseFile, copy);
        return copy;
    }

    public static void DeleteQuietly(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { } // left for the OS's temp cleaning; never worth failing a run over
        catch (UnauthorizedAccessException) { }
    }

    private static async Task<TrainedTemplate> CreateAsync(TestData set)
    {
        var root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "botshop-server-tests", Guid.NewGuid().ToString("n"))).FullName;
        var data = TestKnowledge.WriteDataFolder(root, set);
        var working = Path.Combine(root, "training.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Botshop"] = $"Data Source={working}",
            ["Botshop:DataPath"] = data,
            ["Botshop:UserHashKey"] = UserHashKey,
        }).Build();
        await using (var services = new ServiceCollection().AddLogging().AddBotshopCore(configuration).BuildServiceProvider())
            await services.GetRequiredService<BotBootstrapper>().StartAsync(progress: null, CancellationToken.None);

        // VACUUM INTO writes one self-contained file: the WAL is folded in, so a plain copy of it is a whole database.
        var template = Path.Combine(root, "template.db");
        await using (var connection = new SqliteConnection($"Data Source={working};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO $path";
            command.Parameters.AddWithValue("$path", template);
            await command.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        // Servers are stopped by their fixtures before the test host exits; then this run's files can go.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteQuietly(root);
        return new TrainedTemplate(root, data, template);
    }
}
