namespace Botshop.Knowledge.Faq;

// The YAML shapes of data/faq/*.yaml, kept apart from Core's immutable records.

/// <summary>One FAQ file: a list of intents.</summary>
public sealed class FaqFile
{
    public List<FaqIntent> Intents { get; set; } = [];
}

public sealed class FaqIntent
{
    public string Name { get; set; } = "";
    /// <summary>A short noun phrase naming the topic, used in "did you mean" and "doesn't say anything about …".</summary>
    public string Topic { get; set; } = "";
    public List<string> Examples { get; set; } = [];
    /// <summary>Posting id → answer for that posting. A posting left out does not answer this intent.</summary>
    public Dictionary<string, FaqAnswer> Answers { get; set; } = [];
}

public sealed class FaqAnswer
{
    public string Text { get; set; } = "";
    /// <summary>Ids of the posting passages the answer is drawn from.</summary>
    public List<string> Sources { get; set; } = [];
}

/// <summary>
/// data/faq/coverage.yaml: per posting, the passages deliberately answered by no intent (company boilerplate,
/// calls to action), so that every other passage must be covered and a new one is noticed.
/// </summary>
public sealed class CoverageFile
{
    public Dictionary<string, List<string>> NotAnswered { get; set; } = [];
}
