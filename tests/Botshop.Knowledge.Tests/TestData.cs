using Botshop.Knowledge;

namespace Botshop.Knowledge.Tests;

internal static class TestData
{
    /// <summary>The repository's data folder: the seed postings and FAQ the product ships with.</summary>
    public static string Folder => DataFolder.Locate(null);

    public static string TempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "botshop-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(path);
        return path;
    }
}
