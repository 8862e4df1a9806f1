using Botshop.Core.Audit;

namespace Botshop.Core.Knowledge.Editing;

/// <summary>
/// Edits the live knowledge: intents, their example questions and their answers per posting. Every edit is checked
/// (<see cref="KnowledgeRules"/>), stored with who and when, written to the audit log, and served at once: the
/// knowledge in memory is reloaded from the store, so the next candidate gets the new answer without a restart.
/// Examples change what the classifier learns only at the next retraining.
/// </summary>
public sealed class KnowledgeEditor(IKnowledgeEditStore store, KnowledgeRefresher refresher, IAuditLog audit, TimeProvider time)
{
    /// <param name="search">Matches intent names, topics and example questions, case-insensitively; null or blank lists all.</param>
    public Task<IReadOnlyList<IntentSummary>> ListIntentsAsync(string? search, CancellationToken ct) =>
        store.ListIntentsAsync(string.IsNullOrWhiteSpace(search) ? null : search.Trim(), ct);

    public Task<IntentDetail?> GetIntentAsync(string name, CancellationToken ct) => store.GetIntentAsync(name, ct);

    public Task<IReadOnlyList<PostingHeader>> ListPostingsAsync(CancellationToken ct) => store.ListPostingsAsync(ct);

    public Task<Posting?> GetPostingAsync(string postingId, CancellationToken ct) => store.GetPostingAsync(postingId, ct);

    public async Task CreateIntentAsync(string name, string topic, string actor, CancellationToken ct)
    {
        name = KnowledgeRules.IntentName(name);
        topic = KnowledgeRules.Topic(topic);
        if (!await store.CreateIntentAsync(name, topic, ct))
            throw new KnowledgeEditException($"An intent named '{name}' exists already.");
        await audit.RecordAsync(actor, AuditActions.IntentCreate, name, new { topic }, ct);
        await refresher.RefreshAsync(ct);
    }

    public async Task SetTopicAsync(string name, string topic, string actor, CancellationToken ct)
    {
        topic = KnowledgeRules.Topic(topic);
        var before = await store.SetTopicAsync(name, topic, ct) ?? throw NoIntent(name);
        if (before == topic) return;
        await audit.RecordAsync(actor, AuditActions.IntentTopic, name, new { before, after = topic }, ct);
        await refresher.RefreshAsync(ct);
    }

    /// <summary>Adds one example question. Refused when this or another intent already has it.</summary>
    public async Task AddExampleAsync(string intent, string text, string actor, CancellationToken ct)
    {
        text = KnowledgeRules.Example(text);
        var decisions = await store.AddExamplesAsync(intent, [new ExampleCandidate(text)], moveConflicting: false, actor, time.GetUtcNow(), ct)
            ?? throw NoIntent(intent);
        var decision = decisions.Single();
        switch (decision.Outcome)
        {
            case ExampleOutcome.AlreadyThere:
                throw new KnowledgeEditException($"'{intent}' already has the example \"{text}\".");
            case ExampleOutcome.Conflict:
                throw new KnowledgeEditException(
                    $"\"{text}\" is already an example of '{decision.Existing!.Intent}': one question trains one intent. Remove it there first to move it.");
            case ExampleOutcome.Add:
                await audit.RecordAsync(actor, AuditActions.ExampleAdd, intent, new { text }, ct);
                await refresher.RefreshAsync(ct);
                return;
            default:
                throw new InvalidOperationException($"Unexpected outcome {decision.Outcome} for a single example.");
        }
    }

    /// <summary>Removes the example at <paramref name="position"/>, provided it still reads <paramref name="text"/>.</summary>
    public async Task RemoveExampleAsync(string intent, int position, string text, string actor, CancellationToken ct)
    {
        if (!await store.RemoveExampleAsync(intent, position, text, ct))
            throw new KnowledgeEditException($"'{intent}' has no example \"{text}\" any more: someone changed it meanwhile. Reload the page.");
        await audit.RecordAsync(actor, AuditActions.ExampleRemove, intent, new { text }, ct);
        await refresher.RefreshAsync(ct);
    }

    /// <summary>Creates or replaces the answer for (intent, posting) and serves it at once; a draft saved here goes live.</summary>
    public async Task SetAnswerAsync(string intent, string postingId, string text, IEnumerable<string> sourceIds, string actor, CancellationToken ct)
    {
        var posting = await store.GetPostingAsync(postingId, ct) ?? throw new KnowledgeEditException($"There is no posting '{postingId}'.");
        var answer = KnowledgeRules.Answer(text, sourceIds, posting, intent);
        if (await store.GetIntentAsync(intent, ct) is null) throw NoIntent(intent);
        var before = await store.SetAnswerAsync(intent, posting.Id, answer, actor, time.GetUtcNow(), ct);
        await audit.RecordAsync(actor, AuditActions.AnswerUpdate, AnswerSubject(intent, posting.Id), new
        {
            before = before is null ? null : new { text = before.Text, sources = before.SourceIds, status = before.Status.ToString().ToLowerInvariant() },
            after = new { text = answer.Text, sources = answer.SourceIds },
        }, ct);
        await refresher.RefreshAsync(ct);
    }

    public async Task RemoveAnswerAsync(string intent, string postingId, string actor, CancellationToken ct)
    {
        var removed = await store.RemoveAnswerAsync(intent, postingId, ct)
            ?? throw new KnowledgeEditException($"'{intent}' has no answer for posting '{postingId}'.");
        await audit.RecordAsync(actor, AuditActions.AnswerRemove, AnswerSubject(intent, postingId),
            new { before = new { text = removed.Text, sources = removed.SourceIds } }, ct);
        await refresher.RefreshAsync(ct);
    }

    /// <summary>The audit entries about this intent and its answers, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync(string intent, int limit, CancellationToken ct)
    {
        // The prefix also matches longer names ("location_detail" for "location"): ask for more, keep this intent's.
        var entries = await audit.RecentAsync(Math.Min(limit * 4, 1000), intent, ct);
        return entries.Where(e => e.Subject == intent || e.Subject.StartsWith(intent + "/", StringComparison.Ordinal)).Take(limit).ToList();
    }

    /// <summary>"intent/posting": how the audit log names an answer.</summary>
    public static string AnswerSubject(string intent, string postingId) => $"{intent}/{postingId}";

    private static KnowledgeEditException NoIntent(string name) => new($"There is no intent '{name}'.");
}
