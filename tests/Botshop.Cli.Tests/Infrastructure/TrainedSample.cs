namespace Botshop.Cli.Tests.Infrastructure;

/// <summary>
/// Class fixture: the sample data trained once with `botshop train --json` into a template database. Each test takes
/// its own copy, so no test sees another's messages.
/// </summary>
public sealed class TrainedSample : IAsyncLifetime
{
    private readonly TempFolder _root = new();
    private string Template => _root.File("template.db");

    public SampleData Data { get; private set; } = null!;

    /// <summary>What `train --json` printed for the template.</summary>
    public CliResult Training { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Data = SampleData.Create(Path.Combine(_root.Path, "data"));
        Training = await CliProcess.RunAsync(new CliEnvironment(Template, Data.Folder, _root.Path), "train", "--json");
        if (Training.ExitCode != 0) throw new InvalidOperationException($"Training the sample failed:\n{Training}");
    }

    /// <summary>A fresh copy of the trained database in <paramref name="folder"/>, with the sample data folder.</summary>
    public CliEnvironment CopyInto(TempFolder folder)
    {
        var copy = folder.File("botshop.db");
        File.Copy(Template, copy);
        // The last process may leave committed pages in the write-ahead log; they belong to the copy too.
        if (File.Exists(Template + "-wal")) File.Copy(Template + "-wal", copy + "-wal");
        return new CliEnvironment(copy, Data.Folder, folder.Path);
    }

    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }
}
