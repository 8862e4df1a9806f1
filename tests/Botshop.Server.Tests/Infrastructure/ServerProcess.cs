using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Botshop.Server.Tests.Infrastructure;

/// <summary>
/// The real server (Botshop.Server.dll on Kestrel) as a child process on 127.0.0.1 with an ephemeral port, its own
/// copy of the trained database and the test data folder. Its stdout and stderr are kept for assertions; dispose
/// stops it with SIGTERM, as an orchestrator would.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    // A server on an empty store trains its first model before it is ready, and one waiting for another replica's first
    // start waits for that training too: minutes, on a machine busy with the rest of the suite.
    private static readonly TimeSpan FirstStartTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly string _workFolder;
    private readonly string? _databaseFile;

    private ServerProcess(Process process, string workFolder, string? databaseFile)
    {
        _process = process;
        _workFolder = workFolder;
        _databaseFile = databaseFile;
    }

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The server's own SQLite copy; a server on a store the test owns has none.</summary>
    public string DatabaseFile => _databaseFile ?? throw new InvalidOperationException("This server runs on a store the test owns.");
    public BotshopDatabaseFile Database => new(DatabaseFile);

    /// <summary>Everything the server wrote to stdout and stderr so far.</summary>
    public string Log => string.Join('\n', _log);

    /// <summary>Starts a server and returns once /readyz answers 200. <paramref name="settings"/> are environment variables.</summary>
    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null, TestData data = TestData.OnePosting)
    {
        var template = await TrainedTemplate.GetAsync(data);
        var database = template.CopyDatabase();
        var store = new Dictionary<string, string> { ["ConnectionStrings__Botshop"] = $"Data Source={database}" };
        return await StartAsync(Path.GetDirectoryName(database)!, database, template.DataFolder, store, settings, StartTimeout);
    }

    /// <summary>
    /// Starts a server on a store the test owns and shares (<paramref name="store"/>: Database__Provider and
    /// ConnectionStrings__Botshop), with the data folder it seeds an empty store from.
    /// </summary>
    public static Task<ServerProcess> StartOnStoreAsync(IReadOnlyDictionary<string, string> store, string dataFolder,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var folder = Directory.CreateTempSubdirectory("botshop-server-").FullName;
        return StartAsync(folder, databaseFile: null, dataFolder, store, settings, FirstStartTimeout);
    }

    private static async Task<ServerProcess> StartAsync(string workFolder, string? databaseFile, string dataFolder,
        IReadOnlyDictionary<string, string> store, IReadOnlyDictionary<string, string>? settings, TimeSpan startTimeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workFolder,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Botshop.Server.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var (key, value) in DefaultSettings(dataFolder).Concat(store).Concat(settings ?? new Dictionary<string, string>()))
            start.Environment[key] = value;

        var server = new ServerProcess(new Process { StartInfo = start, EnableRaisingEvents = true }, workFolder, databaseFile);
        try
        {
            await server.LaunchAsync(startTimeout);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private static Dictionary<string, string> DefaultSettings(string dataFolder) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Botshop__DataPath"] = dataFolder,
        ["Botshop__UserHashKey"] = TrainedTemplate.UserHashKey,
        // Our own code at Debug: a privacy leak in a debug log line is still a leak.
        ["Logging__LogLevel__Botshop"] = "Debug",
        ["Logging__Console__FormatterOptions__ColorBehavior"] = "Disabled",
    };

    private async Task LaunchAsync(TimeSpan startTimeout)
    {
        _process.OutputDataReceived += (_, e) => Capture(e.Data);
        _process.ErrorDataReceived += (_, e) => Capture(e.Data);
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException("The server exited while starting."));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(startTimeout);
        try
        {
            BaseUri = await _listening.Task.WaitAsync(timeout.Token);
            await WaitUntilReadyAsync(timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or HttpRequestException)
        {
            // The Exited event can come before the last lines of output (why it stopped) have been read: once it has
            // exited, WaitForExitAsync also waits for the redirected output to reach its end.
            if (_process.HasExited)
            {
                try { await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)); }
                catch (TimeoutException) { } // report what was read so far
            }
            throw new InvalidOperationException($"The server did not become ready: {e.Message}\n--- server log ---\n{Log}", e);
        }
    }

    private void Capture(string? line)
    {
        if (line is null) return;
        _log.Enqueue(line);
        if (ListeningLine().Match(line) is { Success: true } m) _listening.TrySetResult(new Uri(m.Groups[1].Value + "/"));
    }

    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        using var client = CreateClient();
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The server exited with code {_process.ExitCode}.");
            try
            {
                using var response = await client.GetAsync("readyz", ct);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) when (!_process.HasExited)
            {
                // Not accepting yet: try again below.
            }
            await Task.Delay(200, ct);
        }
    }

    /// <summary>Waits until the server has logged a line containing <paramref name="fragment"/>: what it did, not how long it took.</summary>
    public async Task WaitForLogAsync(string fragment, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            while (!_log.Any(line => line.Contains(fragment, StringComparison.Ordinal))) await Task.Delay(50, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The server did not log \"{fragment}\" within {patience.TotalSeconds} s.\n--- server log ---\n{Log}");
        }
    }

    /// <summary>
    /// A client for this server that connects from 127.0.0.2, an address found nowhere else in the server's output,
    /// so a test can tell whether the server logged the client's address.
    /// </summary>
    public HttpClient CreateClient() => new(ClientHandler.FromAddress(ClientAddress)) { BaseAddress = BaseUri };

    public static readonly IPAddress ClientAddress = IPAddress.Parse("127.0.0.2");

    /// <summary>Stops the server as an orchestrator does (SIGTERM) and waits until it has exited and its output is read.</summary>
    public async Task StopAsync()
    {
        if (HasExitedSafely()) return;
        if (SendSignal(_process.Id, SigTerm) != 0) _process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public int ExitCode => _process.ExitCode;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            _process.Dispose();
            TrainedTemplate.DeleteQuietly(_workFolder);
        }
    }

    private bool HasExitedSafely()
    {
        try { return _process.HasExited; }
        catch (InvalidOperationException) { return true; } // never started
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
