using System.Diagnostics;
using System.Security.Cryptography;

namespace Botshop.Benchmarks.Load;

/// <summary>
/// Where the pieces of a load run come from: the repository, its data folder, the server build, and a trained
/// database template (training takes minutes, so it is done once per data version and copied for each step).
/// </summary>
public static class LoadEnvironment
{
    public static readonly string WorkFolder = Path.Combine(Path.GetTempPath(), "botshop-load");

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Botshop.sln"))) return dir.FullName;
        throw new InvalidOperationException("Botshop.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The given server, or the repository's, built in Release first so a stale build is never measured.</summary>
    public static string ServerDll(string repo, string? given)
    {
        if (given is not null) return File.Exists(given) ? Path.GetFullPath(given) : throw new FileNotFoundException(given);
        var project = Path.Combine(repo, "src", "Botshop.Server", "Botshop.Server.csproj");
        var dll = Path.Combine(repo, "src", "Botshop.Server", "bin", "Release", "net10.0", "Botshop.Server.dll");
        if (File.Exists(dll) && File.GetLastWriteTimeUtc(dll) > NewestSource(repo)) return dll;
        Progress("building Botshop.Server (Release): its build is missing or older than src/");
        Run("dotnet", ["build", project, "-c", "Release", "-nologo", "-v", "q"]);
        return File.Exists(dll) ? dll : throw new FileNotFoundException("build produced no server", dll);
    }

    /// <summary>The newest source file of src/ (build outputs aside): a server build older than it is stale.</summary>
    private static DateTime NewestSource(string repo) =>
        Directory.EnumerateFiles(Path.Combine(repo, "src"), "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Append(Path.Combine(repo, "Directory.Packages.props"))
            .Max(File.GetLastWriteTimeUtc);

    /// <summary>The template for this data version: named by a hash of every data file, so edited FAQs retrain.</summary>
    public static string TemplatePath(string dataPath)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(dataPath, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(dataPath, file)));
            hash.AppendData(File.ReadAllBytes(file));
        }
        return Path.Combine(WorkFolder, $"template-{Convert.ToHexStringLower(hash.GetHashAndReset())[..12]}.db");
    }

    public static void Delete(string database)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(database + suffix);
    }

    public static void Progress(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

    private static void Run(string file, string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed:\n{output.Result}{errors.Result}");
    }
}
