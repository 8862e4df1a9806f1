namespace Botshop.Cli.Tests.Infrastructure;

/// <summary>The sample data in a temp folder with a store that does not exist yet: for runs that need no trained model.</summary>
public sealed class FreshSample : IDisposable
{
    private readonly TempFolder _temp = new();

    public FreshSample()
    {
        Data = SampleData.Create(_temp.File("data"));
        Env = new CliEnvironment(_temp.File("botshop.db"), Data.Folder, _temp.Path);
    }

    public SampleData Data { get; }

    public CliEnvironment Env { get; }

    public string File(string name) => _temp.File(name);

    public void Dispose() => _temp.Dispose();
}
