using System.Diagnostics;
using System.Text;

namespace Botshop.Cli.Tests.Infrastructure;

/// <summary>Runs the real botshop.dll (copied into the test output by the project reference) as a child process.</summary>
public static class CliProcess
{
    /// <summary>A hang guard, not a speed check: a run may train on the real data first, on a busy shared machine.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    // A fixed pseudonym key, so no run writes a generated key beside the user's default database.
    private static readonly string UserHashKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "botshop.dll");

    public static Task<CliResult> RunAsync(CliEnvironment env, params string[] args) => RunWithInputAsync(env, stdin: null, args);

    /// <summary>Runs with <paramref name="stdin"/> written to standard input, which is then closed.</summary>
    public static async Task<CliResult> RunWithInputAsync(CliEnvironment env, string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = env.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        Configure(start.Environment, env);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();

        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"botshop {string.Join(' ', args)} did not finish within {Timeout}; stderr so far: {await stderr}");
        }
        return new CliResult(args, process.ExitCode, await stdout, await stderr);
    }

    private static void Configure(IDictionary<string, string?> variables, CliEnvironment env)
    {
        // Whatever the developer's shell configures must not leak in: each test states its own store and data.
        foreach (var key in variables.Keys.Where(IsBotshopSetting).ToList()) variables.Remove(key);
        variables["ConnectionStrings__Botshop"] = env.ConnectionString;
        variables["Database__Provider"] = "sqlite";
        variables["Botshop__UserHashKey"] = UserHashKey;
        if (env.DataFolder is not null) variables["Botshop__DataPath"] = env.DataFolder;
        variables["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        variables["NO_COLOR"] = "1";
    }

    private static bool IsBotshopSetting(string key) =>
        key.StartsWith("Botshop__", StringComparison.OrdinalIgnoreCase) ||
        key.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase) ||
        key.StartsWith("Database__", StringComparison.OrdinalIgnoreCase) ||
        key.StartsWith("Logging__", StringComparison.OrdinalIgnoreCase);
}
