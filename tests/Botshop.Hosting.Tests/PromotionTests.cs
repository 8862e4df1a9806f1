using System.Text.Json;
using Botshop.Core.Answering;
using Botshop.Core.Audit;
using Botshop.Core.Conversations;
using Botshop.Core.Models;
using Botshop.Hosting.Models;
using Botshop.Hosting.Tests.Infrastructure;
using Botshop.Storage;
using Dapper;

namespace Botshop.Hosting.Tests;

/// <summary>Promotion and rollback on a store holding an active version 1 and a rejected version 2.</summary>
public sealed class PromotionTests : ProcessTests
{
    private static readonly string[] Questions =
        ["How long is the internship?", "Can I work from home?", "Do I need a PhD?", "What is the salary?", "when does it start"];

    private long _v1, _v2;

    protected override async Task<SqliteStore> CreateStoreAsync()
    {
        (var store, _v1, _v2) = await TwoVersions.CopyAsync();
        return store;
    }

    protected override Task PrepareAsync() => Process.Get<BotBootstrapper>().StartAsync(progress: null, default);

    [Fact]
    public async Task Promotion_and_rollback_swap_the_live_model_while_concurrent_questions_all_get_answers()
    {
        var live = Process.Get<LiveModel>();
        var promotion = Process.Get<ModelPromotion>();
        var before = live.Required;
        Assert.Equal(_v1.ToString(), before.Version);
        var readers = Enumerable.Range(0, 4).Select(i => new Reader(Process, i)).ToList();
        using var stop = new CancellationTokenSource();
        var running = readers.Select(r => Task.Run(() => r.RunAsync(stop.Token))).ToList();

        // Each switch happens while every reader is mid-stream: each has answered with the version before it.
        await Task.WhenAll(readers.Select(r => r.SeenAsync(_v1.ToString())));
        await promotion.PromoteAsync(_v2, "ana", default);
        await Task.WhenAll(readers.Select(r => r.SeenAsync(_v2.ToString())));
        await promotion.RollbackAsync("ben", default);
        await Task.WhenAll(readers.Select(r => r.SeenAsync(_v1.ToString(), after: _v2.ToString())));
        await stop.CancelAsync();
        await Task.WhenAll(running);

        Assert.All(readers, r => Assert.Empty(r.Failures));
        Assert.Equal(_v1.ToString(), live.Required.Version);
        // A request that took the old model before a switch still finishes with it.
        Assert.NotNull(before.Classifier.Predict(Questions[0]).Top);
        // Every logged question got its recorded reply: none dropped during the switches.
        await using var connection = await Process.Get<BotshopDatabase>().OpenAsync();
        var logged = await connection.QuerySingleAsync<(long Asked, long Replied)>(
            "SELECT COUNT(*), COUNT(reply_kind) FROM messages WHERE channel = 'test'");
        Assert.Equal(readers.Where(r => r.Logs).Sum(r => (long)r.Answered), logged.Asked);
        Assert.Equal(logged.Asked, logged.Replied);
    }

    [Fact]
    public async Task Promoting_a_rejected_version_is_an_audited_override_and_rollback_restores_the_previous_version()
    {
        var promotion = Process.Get<ModelPromotion>();
        var models = Process.Get<IModelStore>();

        await promotion.PromoteAsync(_v2, "ana", default);
        Assert.Equal(_v2, (await models.GetActiveAsync(default))?.Version.Id);
        var rolledBack = await promotion.RollbackAsync("ben", default);

        Assert.Equal(_v1, rolledBack.Id);
        Assert.Equal(_v1, (await models.GetActiveAsync(default))?.Version.Id);
        Assert.Equal(_v1.ToString(), Process.Get<LiveModel>().Required.Version);
        var audit = await Process.Get<IAuditLog>().RecentAsync(2, "model/", default);
        Assert.Equal([("ben", "model.rollback", $"model/{_v1}"), ("ana", "model.promote", $"model/{_v2}")],
            audit.Select(a => (a.Actor, a.Action, a.Subject)));
        var promoted = JsonDocument.Parse(audit[1].Detail!).RootElement;
        Assert.True(promoted.GetProperty("overridesGate").GetBoolean());
        Assert.Equal(_v1, promoted.GetProperty("from").GetInt64());
        Assert.Equal(ModelStatus.Promoted, (await Process.VersionAsync(_v2)).Status);
    }

    [Fact]
    public async Task Rolling_back_to_a_version_never_promoted_is_refused_and_changes_nothing()
    {
        var promotion = Process.Get<ModelPromotion>();

        var refused = await Assert.ThrowsAsync<ModelActionException>(() => promotion.RollbackToAsync(_v2, "carla", default));
        var nothingBefore = await Assert.ThrowsAsync<ModelActionException>(() => promotion.RollbackAsync("carla", default));
        var unknown = await Assert.ThrowsAsync<ModelActionException>(() => promotion.PromoteAsync(_v2 + 100, "carla", default));

        Assert.Contains("never promoted", refused.Message);
        Assert.Contains("No earlier active version", nothingBefore.Message);
        Assert.Contains("does not exist", unknown.Message);
        Assert.Equal(_v1, (await Process.Get<IModelStore>().GetActiveAsync(default))?.Version.Id);
        Assert.DoesNotContain(await Process.Get<IAuditLog>().RecentAsync(50, "model/", default), a => a.Actor == "carla");
    }

    /// <summary>Asks questions in a loop, half of them through the logged conversation path, noting the versions seen.</summary>
    private sealed class Reader(BotProcess process, int index)
    {
        private readonly List<string> _seen = [];
        private readonly object _gate = new();
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Logs => index % 2 == 0;
        public int Answered { get; private set; }
        public List<Exception> Failures { get; } = [];

        public async Task RunAsync(CancellationToken stop)
        {
            var live = process.Get<LiveModel>();
            var answers = process.Get<AnswerService>();
            var conversations = process.Get<ConversationService>();
            var posting = process.Get<LiveKnowledge>().Required.Postings[0];
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var question = Questions[n % Questions.Length];
                try
                {
                    var version = live.Required.Version;
                    var reply = Logs
                        ? (await conversations.HandleAsync(new IncomingMessage("test", $"c{index}", "u", question, posting.Id), default))!.Reply
                        : answers.Answer(question, posting);
                    Assert.False(string.IsNullOrEmpty(reply.Text));
                    Answered++;
                    Saw(version);
                }
                catch (Exception e)
                {
                    Failures.Add(e);
                    Saw("failed");
                }
            }
        }

        /// <summary>Completes once this reader answered with <paramref name="version"/> (after having seen <paramref name="after"/>, if given).</summary>
        public async Task SeenAsync(string version, string? after = null)
        {
            while (true)
            {
                Task changed;
                lock (_gate)
                {
                    var from = after is null ? 0 : _seen.IndexOf(after);
                    if (from >= 0 && _seen.Skip(from).Contains(version)) return;
                    if (_seen.Contains("failed")) throw new InvalidOperationException("A question failed.", Failures[0]);
                    changed = _changed.Task;
                }
                await changed.WaitAsync(TimeSpan.FromMinutes(2));
            }
        }

        private void Saw(string version)
        {
            lock (_gate)
            {
                if (_seen.Count > 0 && _seen[^1] == version) return;
                _seen.Add(version);
                var changed = _changed;
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                changed.SetResult();
            }
        }
    }
}
