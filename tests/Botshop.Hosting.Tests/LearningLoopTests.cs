using System.Text.RegularExpressions;
using Botshop.Core.Answering;
using Botshop.Core.Conversations;
using Botshop.Core.Knowledge;
using Botshop.Core.Models;
using Botshop.Hosting.Models;
using Botshop.Hosting.Tests.Infrastructure;
using Botshop.Storage;
using Dapper;
using Xunit.Abstractions;

namespace Botshop.Hosting.Tests;

/// <summary>
/// The issue's learning loop on the shipped data: the bot is taught a topic it declined, through labels on logged
/// questions and the same retraining job the "Retrain now" button queues. Two trainings on the whole FAQ (the first
/// model at start-up, then the retrain): the slowest test here, on purpose the only one of its kind.
/// What it found: the retrained version learns the topic (all labelled questions right, most new paraphrases answered,
/// the old intents' cross-validated accuracy within 0.01), but the regression gate rejects it at the default tolerance.
/// The tuned threshold rises to keep declining 90 % of the remaining out-of-scope questions, many of which now look
/// like the new topic ("will you pay for my flight"), so the candidate declines more of the old intents' questions
/// and out-of-scope precision falls by several points. The gate is right to stop that; here the recruiter reads the
/// reason and overrides it, which the audit log records.
/// </summary>
public sealed class LearningLoopTests(ITestOutputHelper output) : ProcessTests
{
    private const string Posting = "research-intern-london";
    private const string NewIntent = "stipend";
    private const string Recruiter = "ana";

    // What candidates asked and a recruiter labelled: the first is the question she wrote the answer for.
    private static readonly string[] Labelled =
    [
        "is there a stipend?", "Is the internship paid?", "how much do interns get paid", "will I receive a salary during the internship",
        "what's the monthly stipend", "do you pay interns",
    ];

    // Asked after the retrain, never labelled: written before the first run of this test, not tuned to it.
    private static readonly string[] NewParaphrases =
    [
        "are interns paid a stipend?", "how much is the internship stipend", "will I get paid as a research intern",
        "what do interns earn per month", "is there compensation for the internship",
    ];

    // How the recruiter finds the seed's out-of-scope examples that ask about an intern's pay (not about expenses).
    private static readonly Regex AboutPay = new(@"\b(stipend|salary|paid|pay|payed|paying|earn|wages?|compensation|money)\b", RegexOptions.IgnoreCase);
    private static readonly Regex AboutExpenses = new(
        @"\b(move|moving|relocat\w*|flight|plane|visa|travel|conference|tuition|housing|internet|wellness|time off|payroll|bank|paycheck|advance|immigration|university|cloudflare|budget|rent|overtime|crypto|tax)\b",
        RegexOptions.IgnoreCase);

    // The real first start: seeds the store from data/ and trains the first model.
    protected override Task PrepareAsync() => Process.Get<BotBootstrapper>().StartAsync(progress: null, default);

    [Fact]
    public async Task A_topic_taught_from_labelled_questions_is_learned_and_gated_and_answered_once_promoted()
    {
        var before = (await Process.Get<IModelStore>().GetActiveAsync(default))!.Value.Version;
        var asked = new List<(long Id, Reply Reply)>();
        foreach (var question in Labelled) asked.Add(await AskAsync(question));
        Assert.False(asked[0].Reply.Answered, $"the bot should not know the topic yet: {asked[0].Reply}");

        await TeachAsync(asked.Select(a => a.Id).ToList());
        var (job, created) = await Process.Get<TrainingRequests>().RequestAsync(Recruiter, default);
        var ran = await Process.Get<TrainingJobProcessor>().RunNextAsync(default);

        Assert.True(created);
        Assert.True(ran!.ModelVersionId is not null, $"job {job.Id}: {ran.Status} {ran.Error}");
        var after = await Process.VersionAsync(ran.ModelVersionId.Value);
        var gate = after.Gate!;
        output.WriteLine($"job {ran.Id}: {ran.Status}; {gate.Reason}");
        foreach (var c in gate.Comparisons) output.WriteLine($"  {c.Metric}: {c.Active:F4} -> {c.Candidate:F4}");
        output.WriteLine($"  regression set: {gate.Active!.Regression} -> {gate.Candidate.Regression}; threshold {before.Threshold} -> {after.Threshold}");

        // Learned: every labelled question right (the active version got none), the old intents' accuracy holds.
        Assert.Equal((Labelled.Length, Labelled.Length), (gate.Candidate.Regression.LabelledCorrect, gate.RegressionSet.Labelled));
        Assert.Equal(0, gate.Active.Regression.LabelledCorrect);
        var oldIntents = before.Report.PerIntent.Where(i => i.Intent != Intent.OutOfScope).Select(i => i.Intent).ToHashSet();
        var (accuracyBefore, accuracyAfter) = (InScopeAccuracy(before.Report, oldIntents), InScopeAccuracy(after.Report, oldIntents));
        Assert.True(accuracyAfter >= accuracyBefore - 0.01, $"old intents: {accuracyBefore:P2} before, {accuracyAfter:P2} after");

        // Gated: rejected for the out-of-scope precision its higher threshold costs (see the summary), and not served.
        Assert.Equal((TrainingJobStatus.Rejected, GateVerdict.Rejected), (ran.Status, gate.Verdict));
        Assert.Equal([RegressionGate.OutOfScopePrecision], gate.Comparisons.Where(c => c.Regressed).Select(c => c.Metric));
        Assert.Equal(before.Id.ToString(), Process.Get<LiveModel>().Required.Version);
        Assert.False((await AskAsync(NewParaphrases[0])).Reply.Answered);

        // The recruiter overrides the gate; from the next question on, the topic is answered. Most new wordings get the
        // answer (the first run declined "what do interns earn per month"); a decline is safe, a wrong answer is not.
        await Process.Get<ModelPromotion>().PromoteAsync(after.Id, Recruiter, default);
        var replies = new List<Reply>();
        foreach (var question in NewParaphrases) replies.Add((await AskAsync(question)).Reply);
        foreach (var (q, r) in NewParaphrases.Zip(replies)) output.WriteLine($"  '{q}': {r.Kind} {r.Intent} {r.Confidence}");
        Assert.True(replies.Count(r => r.Answered && r.Intent == NewIntent) > NewParaphrases.Length / 2, "most new paraphrases answered");
        Assert.DoesNotContain(replies, r => r.Answered && r.Intent != NewIntent);
    }

    private async Task<(long Id, Reply Reply)> AskAsync(string question)
    {
        var handled = await Process.Get<ConversationService>().HandleAsync(
            new IncomingMessage("web", "candidate-1", "u_candidate", question, Posting), default);
        return (handled!.MessageId, handled.Reply);
    }

    /// <summary>
    /// What the inbox and the knowledge editor will do (engineer "inbox" builds them): the recruiter writes the answer
    /// for one posting, creating the intent, and labels the logged questions with it. The seed lists pay as out of
    /// scope with some eighty examples; left there they teach the opposite of the new intent (a run without this step
    /// was rejected by the gate; with them deleted instead, six labels alone did not generalise), so she also moves
    /// those examples to the new intent. Direct SQL through the store's connection until the editor exists.
    /// </summary>
    private async Task TeachAsync(IReadOnlyList<long> messageIds)
    {
        var posting = Process.Get<LiveKnowledge>().Required.FindPosting(Posting)!;
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await using var connection = await Process.Get<BotshopDatabase>().OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("INSERT INTO intents (name, topic) VALUES (@NewIntent, 'pay and stipend for interns')", new { NewIntent }, tx);
        await connection.ExecuteAsync("""
            INSERT INTO answers (intent_name, posting_id, text, source_ids, status, updated_by, updated_at)
            VALUES (@NewIntent, @Posting, 'Research interns receive a monthly stipend; the amount comes with the offer.', @Sources, 'live', @Recruiter, @Now)
            """, new { NewIntent, Posting, Sources = $"[\"{posting.Passages[0].Id}\"]", Recruiter, Now = now }, tx);
        for (var i = 0; i < messageIds.Count; i++)
        {
            await connection.ExecuteAsync("""
                INSERT INTO examples (intent_name, position, text, source_message_id, added_by, added_at)
                SELECT @NewIntent, @Position, question, id, @Recruiter, @Now FROM messages WHERE id = @Id
                """, new { NewIntent, Position = i, Id = messageIds[i], Recruiter, Now = now }, tx);
            await connection.ExecuteAsync(
                "UPDATE messages SET review_status = 'labeled', reviewed_by = @Recruiter, reviewed_at = @Now WHERE id = @Id",
                new { Id = messageIds[i], Recruiter, Now = now }, tx);
        }

        var outOfScope = await connection.QueryAsync<(long Position, string Text)>(
            "SELECT position, text FROM examples WHERE intent_name = @OutOfScope", new { Intent.OutOfScope }, tx);
        var aboutPay = outOfScope.Where(e => AboutPay.IsMatch(e.Text) && !AboutExpenses.IsMatch(e.Text)).ToList();
        Assert.True(aboutPay.Count > 50, $"{aboutPay.Count} out-of-scope examples about pay");
        await connection.ExecuteAsync(
            "UPDATE examples SET intent_name = @NewIntent, position = 1000 + position WHERE intent_name = @OutOfScope AND position = @Position",
            aboutPay.Select(e => new { NewIntent, Intent.OutOfScope, e.Position }), tx);
        await tx.CommitAsync();
    }

    private static double InScopeAccuracy(EvaluationReport report, IReadOnlySet<string> intents)
    {
        var kept = report.PerIntent.Where(i => intents.Contains(i.Intent)).ToList();
        return kept.Sum(i => i.Recall * i.Support) / kept.Sum(i => i.Support);
    }
}
