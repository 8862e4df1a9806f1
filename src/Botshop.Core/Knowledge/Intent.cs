namespace Botshop.Core.Knowledge;

/// <summary>A topic candidates ask about, with the questions that train it and the answer per posting.</summary>
public sealed record Intent(
    string Name,
    string Topic,
    IReadOnlyList<string> Examples,
    IReadOnlyDictionary<string, PostingAnswer> Answers)
{
    /// <summary>The reserved intent that trains "not answerable from a posting" (salary, visas, small talk, …).</summary>
    public const string OutOfScope = "out_of_scope";

    /// <summary>The FAQ file the intent is kept in (e.g. "logistics.yaml"), so an export writes it back there; null for one made in the workspace.</summary>
    public string? SourceFile { get; init; }

    public bool IsOutOfScope => Name == OutOfScope;
}

/// <summary>What the bot says about an intent for one posting, and the passages it is drawn from.</summary>
public sealed record PostingAnswer(string Text, IReadOnlyList<string> SourceIds);
