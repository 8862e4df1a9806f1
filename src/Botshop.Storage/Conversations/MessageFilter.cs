namespace Botshop.Storage.Conversations;

/// <summary>What the conversations list is narrowed to; every criterion left null (or false) is not applied.</summary>
public sealed record MessageFilter
{
    public const int MaxSearchLength = 200;

    public string? PostingId { get; init; }
    public string? Channel { get; init; }

    /// <summary>Received at or after.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Received before.</summary>
    public DateTimeOffset? To { get; init; }

    public MessageOutcome? Outcome { get; init; }

    /// <summary>Only replies whose classifier confidence is below this.</summary>
    public double? ConfidenceBelow { get; init; }

    /// <summary>Only messages a candidate voted 👎.</summary>
    public bool ThumbsDownOnly { get; init; }

    /// <summary>Words the question contains, as typed (case is ignored; % and _ are literal).</summary>
    public string? Search { get; init; }
}

public enum MessageOutcome
{
    /// <summary>The bot stated a fact from the posting.</summary>
    Answered,

    /// <summary>The bot handed the question to a recruiter: the posting does not say, or it is off topic.</summary>
    Declined,
}
