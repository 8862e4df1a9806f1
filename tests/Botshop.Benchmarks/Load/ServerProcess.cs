using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Botshop.Benchmarks.Load;

/// <summary>
/// The real Botshop.Server as a child process on a free loopback port, configured through environment variables
/// as an operator would. Its log lines (Warning and up) are kept, counted and shown when something goes wrong.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private int _logLines;

    private ServerProcess(Process process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }
    public int Pid => _process.Id;
    /// <summary>Log lines (Warning and up) written since the server became ready.</summary>
    public int LogLines
    {
        get { lock (_lastLines) return _logLines; }
    }

    /// <summary>Starts the server; <paramref name="store"/> holds its Database__Provider and ConnectionStrings__Botshop.</summary>
    public static ServerProcess Start(string serverDll, string dataPath, IReadOnlyDictionary<string, string> store, string signingSecret, Uri slackApi)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(serverDll)!,
        };
        info.ArgumentList.Add(serverDll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (key, value) in store) info.Environment[key] = value;
        info.Environment["Botshop__DataPath"] = dataPath;
        info.Environment["Botshop__UserHashKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        info.Environment["Slack__SigningSecret"] = signingSecret;
        info.Environment["Slack__BotToken"] = "xoxb-load";
        info.Environment["Slack__ApiBaseUrl"] = slackApi.ToString().TrimEnd('/');
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Polls /readyz until 200; the first start on an empty database trains the model, hence the long wait.</summary>
    public async Task WaitReadyAsync(HttpClient client, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"server exited with code {_process.ExitCode}:\n{RecentLog()}");
            try
            {
                using var response = await client.GetAsync(new Uri(BaseUri, "readyz"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    ForgetStartupLog();
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"server not ready after {timeout.TotalSeconds:F0} s:\n{RecentLog()}");
    }

    /// <summary>CPU time the server has used so far (user + system), from /proc, for a utilisation figure.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public string RecentLog()
    {
        lock (_lastLines) return string.Join('\n', _lastLines);
    }

    /// <summary>Start-up noise (the /readyz polls logged as failed health checks) is not what a run wants to see.</summary>
    private void ForgetStartupLog()
    {
        lock (_lastLines)
        {
            _lastLines.Clear();
            _logLines = 0;
        }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_lastLines)
        {
            _logLines++;
            _lastLines.Enqueue(line);
            while (_lastLines.Count > 40) _lastLines.Dequeue();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>SIGTERM, so the host shuts down gracefully (drains its reply queue, closes SQLite); killed if it hangs.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_process.HasExited) { _process.Dispose(); return; }
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        try { await _process.WaitForExitAsync(wait.Token); }
        catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        _process.Dispose();
    }
}
