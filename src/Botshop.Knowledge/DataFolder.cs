namespace Botshop.Knowledge;

/// <summary>Finds the data folder: given explicitly, or the nearest "data" folder holding postings/ above the working or program directory.</summary>
public static class DataFolder
{
    public static string Locate(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var full = Path.GetFullPath(configured);
            return Directory.Exists(Path.Combine(full, "postings"))
                ? full
                : throw new KnowledgeDataException($"Data folder {full} has no postings/ folder.");
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data");
                if (Directory.Exists(Path.Combine(candidate, "postings"))) return candidate;
            }
        }
        throw new KnowledgeDataException("No data folder found: pass --data DIR or set Botshop__DataPath.");
    }
}
