using Botshop.Knowledge;

namespace Botshop.Hosting.Tests.Infrastructure;

/// <summary>The repository's own data folder: the seed postings and FAQ the product ships with.</summary>
public static class SeedData
{
    public static string Folder => DataFolder.Locate(null);

    public static LoadedKnowledge Load() => KnowledgeLoader.Load(Folder);
}
