using Botshop.Server.Tests.Infrastructure;
using Botshop.Storage;

namespace Botshop.Server.Tests.Replicas;

public sealed class PollingTests(PollingServerFixture fixture) : IClassFixture<PollingServerFixture>
{
    [Fact]
    public async Task Model_version_activated_by_another_process_is_served_after_a_poll()
    {
        var models = new ModelVersionStore(fixture.Store);
        var (active, bytes) = (await models.GetActiveAsync(default))!.Value;

        var promoted = await models.SaveAsync(active with { CreatedAt = DateTimeOffset.UtcNow }, bytes, activate: true, default);

        await fixture.Server.WaitForLogAsync($"Serving model version {promoted} (was {active.Id})", TwoReplicaFixture.Patience);
        var reply = await TwoReplicaFixture.AskOnWebAsync(fixture.Server, TestKnowledge.DurationQuestion);
        Assert.Equal(promoted.ToString(), await fixture.Server.Database.ModelVersionOfAsync((long)reply["messageId"]!));
    }

    [Fact]
    public async Task Knowledge_bumped_by_another_process_is_reloaded_after_a_poll()
    {
        await new KnowledgeStore(fixture.Store).BumpVersionAsync(default);
        var version = (await new StoreStamps(fixture.Store).ReadAsync(default)).KnowledgeVersion;

        await fixture.Server.WaitForLogAsync($"Knowledge version {version} loaded", TwoReplicaFixture.Patience);
    }
}
