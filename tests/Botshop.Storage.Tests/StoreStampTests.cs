using Botshop.Core.Knowledge;
using Botshop.Storage.Tests.Infrastructure;

namespace Botshop.Storage.Tests;

/// <summary>The stamp replicas poll: it must move exactly when what they serve changes in the store.</summary>
public abstract class StoreStampTests<TDatabase> : StoreTests<TDatabase> where TDatabase : TestDatabase, new()
{
    private StoreStamps Stamps => new(Db);

    [Fact]
    public async Task Stamp_names_the_active_model_version_as_it_is_switched()
    {
        var models = new ModelVersionStore(Db);
        Assert.Null((await Stamps.ReadAsync(default)).ActiveModelId);

        var first = await models.SaveAsync(SampleModels.Version("A"), [1], activate: true, default);
        Assert.Equal(first, (await Stamps.ReadAsync(default)).ActiveModelId);

        var second = await models.SaveAsync(SampleModels.Version("B"), [2], activate: false, default);
        Assert.Equal(first, (await Stamps.ReadAsync(default)).ActiveModelId);

        await models.ActivateAsync(second, default);
        Assert.Equal(second, (await Stamps.ReadAsync(default)).ActiveModelId);
    }

    [Fact]
    public async Task Knowledge_version_moves_with_every_import_and_bump_seen_by_another_process()
    {
        var knowledge = new KnowledgeStore(ConnectAgain());
        var before = (await Stamps.ReadAsync(default)).KnowledgeVersion;

        await knowledge.ImportAsync(new KnowledgeBase([], []), default);
        var afterImport = (await Stamps.ReadAsync(default)).KnowledgeVersion;
        await knowledge.BumpVersionAsync(default);
        var afterBump = (await Stamps.ReadAsync(default)).KnowledgeVersion;

        Assert.Equal((before + 1, before + 2), (afterImport, afterBump));
    }

    [Fact]
    public async Task Knowledge_version_stays_when_the_write_bumping_it_rolls_back()
    {
        var before = await Stamps.ReadAsync(default);

        await using (var tx = await Db.BeginWriteAsync(default))
            await KnowledgeStore.BumpVersionAsync(Db, tx, default); // disposed without commit

        Assert.Equal(before, await Stamps.ReadAsync(default));
    }
}
