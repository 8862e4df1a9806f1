namespace Botshop.Server.Search;

/// <summary>The conversations search's text index (SQLite): how soon new questions join it.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>How often new questions are added to the index. Searches see them at once either way (rows not yet
    /// indexed are tested directly); a longer interval only leaves more of them to test.</summary>
    public TimeSpan IndexEvery { get; set; } = TimeSpan.FromSeconds(1);
}
