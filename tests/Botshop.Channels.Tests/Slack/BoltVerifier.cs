using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace Botshop.Channels.Tests.Slack;

/// <summary>One request for the differential check: what Slack sends, and the "now" both verifiers judge it at.</summary>
public sealed record SignedCase(string Id, string Secret, string Body, string Timestamp, string Signature, long Now);

/// <summary>
/// Slack's own verifier (@slack/bolt isValidSlackRequest) as a Node side process. Installs the pinned package with
/// npm on first use; fails loudly, never skips, when Node or npm is missing.
/// </summary>
public sealed class BoltVerifier
{
    private readonly string _folder = SlackTestKit.RepoPath("tests/Botshop.Channels.Tests/Slack/node");
    private readonly Lazy<Task> _installed;

    public BoltVerifier() => _installed = new Lazy<Task>(InstallAsync);

    public async Task<IReadOnlyDictionary<string, bool>> JudgeAsync(IReadOnlyList<SignedCase> cases)
    {
        await _installed.Value;
        var input = string.Join("\n", cases.Select(c => JsonSerializer.Serialize(new
        {
            id = c.Id,
            secret = c.Secret,
            body = c.Body,
            timestamp = c.Timestamp,
            signature = c.Signature,
            nowMs = c.Now * 1000,
        }))) + "\n";
        var output = await RunAsync("node", "verify.js", input);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("valid").GetBoolean());
    }

    private async Task InstallAsync()
    {
        if (File.Exists(Path.Combine(_folder, "node_modules", "@slack", "bolt", "package.json")))
            return;
        await RunAsync("npm", "ci --no-audit --no-fund", "");
    }

    private async Task<string> RunAsync(string tool, string arguments, string stdin)
    {
        var start = new ProcessStartInfo(tool, arguments)
        {
            WorkingDirectory = _folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try { process = Process.Start(start)!; }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"The bolt cross-check needs '{tool}' on PATH (Node 20+ and npm with the npm registry reachable): {e.Message}", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"'{tool} {arguments}' in {_folder} exited with {process.ExitCode}: {await stderr}");
            return await stdout;
        }
    }
}
