namespace Botshop.Core.Knowledge;

/// <summary>A job posting as parsed from its source document: the facts a candidate can be told.</summary>
public sealed record Posting(
    string Id,
    string Title,
    IReadOnlyList<string> Locations,
    IReadOnlyList<Passage> Passages,
    string ContentHash)
{
    /// <summary>
    /// The document the posting was parsed from, when this copy carries it: the loaders set it so an import keeps it
    /// in the store; the snapshot served to candidates leaves it out.
    /// </summary>
    public PostingSource? Source { get; init; }

    public Passage? FindPassage(string passageId) => Passages.FirstOrDefault(p => p.Id == passageId);
}

/// <summary>One quotable unit of a posting: a sentence or bullet under its section heading.</summary>
/// <param name="Id">Stable within the posting while the text is unchanged; a changed text gets a new id, so old citations go stale visibly.</param>
public sealed record Passage(string Id, string Section, string Text, int Order);

/// <summary>A posting's document as published: its file name (e.g. research-intern-london.html) and its text.</summary>
public sealed record PostingSource(string FileName, string Text);
