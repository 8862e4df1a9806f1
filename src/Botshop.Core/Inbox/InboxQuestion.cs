namespace Botshop.Core.Inbox;

/// <summary>A logged question that needs a human, with what the bot did with it. The text is already redacted.</summary>
/// <param name="Intent">The predicted intent; null when the bot declined it as out of scope.</param>
/// <param name="ReplyKind">The <see cref="Answering.ReplyKind"/> name the reply was logged with.</param>
/// <param name="DownVotes">How many candidates voted 👎 on the reply.</param>
public sealed record InboxQuestion(
    long MessageId,
    string Text,
    string Channel,
    string? PostingId,
    string? Intent,
    float? Confidence,
    string? ReplyKind,
    int DownVotes,
    DateTimeOffset ReceivedAt);

/// <summary>Questions the grouper judged to ask the same thing, so one decision can cover them all.</summary>
/// <param name="KeyTerms">The words that most characterise the group, most telling first (as candidates wrote them).</param>
public sealed record QuestionGroup(string? Intent, IReadOnlyList<InboxQuestion> Questions, IReadOnlyList<string> KeyTerms)
{
    public int Count => Questions.Count;
    public int DownVotes => Questions.Sum(q => q.DownVotes);
    public DateTimeOffset Newest => Questions.Max(q => q.ReceivedAt);

    /// <summary>The postings asked about, most asked first.</summary>
    public IReadOnlyList<string> Postings => MostFrequent(Questions.Select(q => q.PostingId).OfType<string>());

    public IReadOnlyList<string> Channels => MostFrequent(Questions.Select(q => q.Channel));

    public float? MeanConfidence => Questions.Any(q => q.Confidence is not null)
        ? (float)Questions.Where(q => q.Confidence is not null).Average(q => q.Confidence!.Value)
        : null;

    private static List<string> MostFrequent(IEnumerable<string> values) =>
        values.GroupBy(v => v, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).ToList();
}
