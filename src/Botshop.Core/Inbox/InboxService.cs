using Botshop.Core.Answering;
using Botshop.Core.Audit;
using Botshop.Core.Conversations;
using Botshop.Core.Knowledge;
using Botshop.Core.Knowledge.Editing;

namespace Botshop.Core.Inbox;

/// <summary>
/// The recruiter's inbox: open questions grouped so one decision covers many, and the four decisions (teach them to an
/// intent, answer them with a new intent, reply to the candidates, dismiss). Each decision takes only questions still
/// open, is audited, and says how many it took. Direct replies need channel delivery
/// (<see cref="IRecruiterReplies"/>); without it the other decisions still work.
/// </summary>
public sealed class InboxService(
    IInboxStore store,
    IKnowledgeEditStore knowledge,
    KnowledgeRefresher refresher,
    IAuditLog audit,
    LiveModel model,
    InboxSettings settings,
    TimeProvider time,
    IRecruiterReplies? replies = null)
{
    public const int MaxReplyLength = ConversationService.MaxQuestionLength;
    private const string InboxSubject = "inbox";

    private readonly QuestionGrouper _grouper = new(settings.Similarity);

    /// <summary>False until a channel delivery for recruiter replies is registered.</summary>
    public bool CanReply => replies is not null;

    /// <summary>Answered questions below this confidence are in the inbox.</summary>
    public float ConfidenceBelow => settings.ConfidenceBelow
        ?? (model.Current is { } active ? Math.Min(1f, active.Policy.Threshold + InboxSettings.MarginAboveThreshold) : InboxSettings.FallbackConfidenceBelow);

    public async Task<InboxView> ListAsync(CancellationToken ct)
    {
        var below = ConfidenceBelow;
        var questions = await store.OpenQuestionsAsync(below, settings.MaxQuestions + 1, ct);
        var truncated = questions.Count > settings.MaxQuestions;
        if (truncated) questions = questions.Take(settings.MaxQuestions).ToList();
        return new InboxView(_grouper.Group(questions), questions.Count, truncated, below);
    }

    /// <summary>(a) The questions become examples of an existing intent (unless they already are) and are marked labeled.</summary>
    public async Task<InboxOutcome> LabelAsync(IReadOnlyList<long> messageIds, string intent, bool moveConflicting, string actor, CancellationToken ct)
    {
        var ids = Selection(messageIds);
        var outcome = await store.LabelAsync(ids, intent, moveConflicting, actor, time.GetUtcNow(), ct)
            ?? throw new KnowledgeEditException($"There is no intent '{intent}'.");
        if (outcome.Taken.Count == 0) return outcome;
        await AuditMovesAsync(outcome, intent, actor, ct);
        await audit.RecordAsync(actor, AuditActions.InboxLabel, intent, Detail(outcome), ct);
        if (outcome.ExamplesAdded > 0) await refresher.RefreshAsync(ct);
        return outcome;
    }

    /// <summary>
    /// (b) A new intent answered for one posting, taught the questions as examples; the questions are marked answered.
    /// The classifier predicts the new intent only after the next retraining.
    /// </summary>
    public async Task<InboxOutcome> AnswerAsync(
        IReadOnlyList<long> messageIds, string intentName, string topic, string postingId, string text, IEnumerable<string> sourceIds,
        bool moveConflicting, string actor, CancellationToken ct)
    {
        var ids = Selection(messageIds);
        var intent = new NewIntent(KnowledgeRules.IntentName(intentName), KnowledgeRules.Topic(topic));
        var posting = await knowledge.GetPostingAsync(postingId, ct) ?? throw new KnowledgeEditException($"There is no posting '{postingId}'.");
        var answer = KnowledgeRules.Answer(text, sourceIds, posting, intent.Name);
        var outcome = await store.AnswerAsync(ids, intent, posting.Id, answer, moveConflicting, actor, time.GetUtcNow(), ct)
            ?? throw new KnowledgeEditException($"An intent named '{intent.Name}' exists already: pick another name, or teach the questions to it instead.");
        if (outcome.Taken.Count == 0) return outcome;
        await audit.RecordAsync(actor, AuditActions.IntentCreate, intent.Name, new { topic = intent.Topic }, ct);
        await audit.RecordAsync(actor, AuditActions.AnswerUpdate, KnowledgeEditor.AnswerSubject(intent.Name, posting.Id),
            new { before = (object?)null, after = new { text = answer.Text, sources = answer.SourceIds } }, ct);
        await AuditMovesAsync(outcome, intent.Name, actor, ct);
        await audit.RecordAsync(actor, AuditActions.InboxAnswer, intent.Name, Detail(outcome), ct);
        await refresher.RefreshAsync(ct);
        return outcome;
    }

    /// <summary>
    /// (c) Sends the recruiter's text to each candidate through the channel the question came from. A question whose
    /// reply could not be sent is opened again, so it is not lost.
    /// </summary>
    public async Task<ReplyOutcome> ReplyAsync(IReadOnlyList<long> messageIds, string text, string actor, CancellationToken ct)
    {
        if (replies is null)
            throw new KnowledgeEditException("Direct replies are not available on this server: no channel delivery is configured.");
        var ids = Selection(messageIds);
        text = text?.Trim() ?? "";
        if (text.Length == 0) throw new KnowledgeEditException("The reply cannot be empty.");
        if (text.Length > MaxReplyLength) throw new KnowledgeEditException($"The reply is {text.Length} characters; keep it under {MaxReplyLength}.");

        var taken = await store.CloseAsync(ids, ReviewStatus.Replied, actor, time.GetUtcNow(), ct);
        var failures = new List<ReplyFailure>();
        foreach (var id in taken)
        {
            var error = await SendAsync(id, actor, text, ct);
            if (error is null) continue;
            await store.ReopenAsync(id, ReviewStatus.Replied, actor, ct);
            failures.Add(new ReplyFailure(id, error));
        }
        var sent = taken.Except(failures.Select(f => f.MessageId)).ToList();
        if (taken.Count > 0)
            await audit.RecordAsync(actor, AuditActions.InboxReply, InboxSubject,
                new { messages = sent, failed = failures.Select(f => new { message = f.MessageId, error = f.Error }) }, ct);
        return new ReplyOutcome(sent, ids.Except(taken).ToList(), failures);
    }

    /// <summary>(d) Nothing to teach or say: the questions leave the inbox.</summary>
    public async Task<InboxOutcome> DismissAsync(IReadOnlyList<long> messageIds, string actor, CancellationToken ct)
    {
        var ids = Selection(messageIds);
        var taken = await store.CloseAsync(ids, ReviewStatus.Dismissed, actor, time.GetUtcNow(), ct);
        if (taken.Count > 0) await audit.RecordAsync(actor, AuditActions.InboxDismiss, InboxSubject, new { messages = taken }, ct);
        return new InboxOutcome(taken, ids.Except(taken).ToList(), []);
    }

    private async Task<string?> SendAsync(long messageId, string actor, string text, CancellationToken ct)
    {
        try
        {
            var result = await replies!.SendAsync(messageId, actor, text, ct);
            return result.Sent ? null : result.Error ?? "The channel did not accept the reply.";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One candidate's channel failing must not stop the others' replies; the recruiter sees why.
            return e.Message;
        }
    }

    // A moved example leaves another intent: that intent's history must say so too.
    private async Task AuditMovesAsync(InboxOutcome outcome, string intent, string actor, CancellationToken ct)
    {
        foreach (var moved in outcome.Decisions.Where(d => d.Outcome == ExampleOutcome.Move && outcome.Taken.Contains(d.MessageId)))
            await audit.RecordAsync(actor, AuditActions.ExampleRemove, moved.ConflictIntent!, new { text = moved.Text, movedTo = intent }, ct);
    }

    private static object Detail(InboxOutcome outcome) => new
    {
        messages = outcome.Taken,
        examplesAdded = outcome.ExamplesAdded,
        notTaken = outcome.Decisions.Where(d => !outcome.Taken.Contains(d.MessageId))
            .Select(d => new { message = d.MessageId, outcome = d.Outcome.ToString(), conflict = d.ConflictIntent }),
    };

    private static List<long> Selection(IReadOnlyList<long> messageIds)
    {
        var ids = (messageIds ?? []).Where(id => id > 0).Distinct().ToList();
        if (ids.Count == 0) throw new KnowledgeEditException("Select at least one question.");
        if (ids.Count > InboxSettings.MaxPerAction) throw new KnowledgeEditException($"One decision covers at most {InboxSettings.MaxPerAction} questions.");
        return ids;
    }
}

/// <param name="Truncated">More questions are open than <see cref="InboxSettings.MaxQuestions"/>: the oldest wait.</param>
public sealed record InboxView(IReadOnlyList<QuestionGroup> Groups, int QuestionCount, bool Truncated, float ConfidenceBelow);

public sealed record ReplyFailure(long MessageId, string Error);

/// <param name="Sent">Replied to and closed.</param>
/// <param name="NotOpen">Already reviewed by someone else (or before): not replied to again.</param>
/// <param name="Failed">Could not be sent: opened again.</param>
public sealed record ReplyOutcome(IReadOnlyList<long> Sent, IReadOnlyList<long> NotOpen, IReadOnlyList<ReplyFailure> Failed);
