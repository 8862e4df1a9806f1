namespace Botshop.Core.Knowledge;

/// <summary>Everything the bot knows: postings and intents. Immutable; a new snapshot replaces the old one.</summary>
public sealed class KnowledgeBase
{
    private readonly Dictionary<string, Posting> _postings;
    private readonly Dictionary<string, Intent> _intents;

    public KnowledgeBase(IEnumerable<Posting> postings, IEnumerable<Intent> intents)
    {
        Postings = postings.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        Intents = intents.OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
        _postings = Postings.ToDictionary(p => p.Id, StringComparer.Ordinal);
        _intents = Intents.ToDictionary(i => i.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<Posting> Postings { get; }
    public IReadOnlyList<Intent> Intents { get; }

    public Posting? FindPosting(string id) => _postings.GetValueOrDefault(id);
    public Intent? FindIntent(string name) => _intents.GetValueOrDefault(name);

    /// <summary>The labelled questions a classifier trains on, out-of-scope included.</summary>
    public IEnumerable<LabeledQuestion> TrainingExamples() =>
        Intents.SelectMany(i => i.Examples.Select(e => new LabeledQuestion(e, i.Name)));
}

public sealed record LabeledQuestion(string Text, string Intent);
