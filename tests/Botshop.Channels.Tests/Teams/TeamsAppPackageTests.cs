using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;

namespace Botshop.Channels.Tests.Teams;

/// <summary>The side-load package in infra/teams: manifest, icons and the script that zips them.</summary>
public sealed class TeamsAppPackageTests
{
    private const string AppId = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    private static readonly string Infra = Path.Combine(RepoRoot(), "infra", "teams");

    [Fact]
    public void Manifest_version_matches_its_schema_and_declares_the_bot_in_all_scopes()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Infra, "manifest.json")));
        var root = manifest.RootElement;
        var version = root.GetProperty("manifestVersion").GetString();

        Assert.Equal("1.19", version);
        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{version}/MicrosoftTeams.schema.json", root.GetProperty("$schema").GetString());
        var bot = Assert.Single(root.GetProperty("bots").EnumerateArray());
        Assert.Equal(["personal", "team", "groupChat"], bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("{{APP_ID}}", bot.GetProperty("botId").GetString());
        Assert.Equal(("color.png", "outline.png"),
            (root.GetProperty("icons").GetProperty("color").GetString(), root.GetProperty("icons").GetProperty("outline").GetString()));
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Icons_have_the_sizes_Teams_requires(string file, int size)
    {
        var (width, height, colorType) = ReadHeader(File.ReadAllBytes(Path.Combine(Infra, file)));
        Assert.Equal((size, size), (width, height));
        Assert.Equal(6, colorType); // RGBA: the outline icon must be transparent around its shape
    }

    [Fact]
    public void Outline_icon_has_a_transparent_background()
    {
        // The top-left corner lies outside the shape; zlib-inflate the single IDAT and read its alpha.
        var pixels = Inflate(File.ReadAllBytes(Path.Combine(Infra, "outline.png")));
        Assert.Equal(0, pixels[1 + 3]); // row filter byte, then R G B A of pixel (0, 0)
    }

    [Fact]
    public async Task Build_script_fills_in_the_app_id_and_zips_the_three_files()
    {
        var output = Directory.CreateTempSubdirectory("teams-pkg-");
        try
        {
            var (code, stderr) = await RunAsync("bash", Path.Combine(Infra, "build-package.sh"), AppId, output.FullName);
            Assert.True(code == 0, stderr);

            using var zip = ZipFile.OpenRead(Path.Combine(output.FullName, "botshop-teams.zip"));
            Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
            using var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
            Assert.Equal(AppId, manifest.RootElement.GetProperty("id").GetString());
            Assert.Equal(AppId, manifest.RootElement.GetProperty("bots")[0].GetProperty("botId").GetString());
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Build_script_refuses_an_app_id_that_is_not_a_guid()
    {
        var (code, stderr) = await RunAsync("bash", Path.Combine(Infra, "build-package.sh"), "x/../../etc", Path.GetTempPath());
        Assert.Equal(2, code);
        Assert.Contains("usage", stderr);
    }

    private static (int Width, int Height, byte ColorType) ReadHeader(byte[] png)
    {
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)), png[25]);
    }

    private static byte[] Inflate(byte[] png)
    {
        var at = 8;
        using var data = new MemoryStream();
        while (at < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            if (System.Text.Encoding.ASCII.GetString(png, at + 4, 4) == "IDAT") data.Write(png, at + 8, length);
            at += 12 + length;
        }
        data.Position = 0;
        using var inflater = new ZLibStream(data, CompressionMode.Decompress);
        using var pixels = new MemoryStream();
        inflater.CopyTo(pixels);
        return pixels.ToArray();
    }

    private static async Task<(int Code, string Stderr)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stderr);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Botshop.sln"))) return dir.FullName;
        throw new InvalidOperationException("Botshop.sln not found above the test output folder.");
    }
}
