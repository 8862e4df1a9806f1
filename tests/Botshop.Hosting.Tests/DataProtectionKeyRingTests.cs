using Botshop.Hosting.Privacy;
using Botshop.Storage;
using Botshop.Storage.Tests.Infrastructure;
using Dapper;
using Microsoft.AspNetCore.DataProtection;

namespace Botshop.Hosting.Tests;

public abstract class DataProtectionKeyRingTests<TDatabase> : ReplicaTests<TDatabase> where TDatabase : TestDatabase, new()
{
    [Fact]
    public async Task Replicas_starting_together_create_one_key_and_read_each_others_reply_references()
    {
        var replicas = new[] { await StartReplicaAsync(), await StartReplicaAsync(), await StartReplicaAsync() };

        await Task.WhenAll(replicas.Select(r => Task.Run(() => r.Get<DataProtectionKeyBootstrap>().EnsureKeyAsync(default))));
        var sealedByFirst = replicas[0].Get<ReplyRefProtector>().Protect("""{"channel":"D123"}""");
        var sealedBySecond = replicas[1].Get<ReplyRefProtector>().Protect("""{"channel":"C456"}""");
        // A process that never ensured a key (the CLI's export) reads the same ring.
        var cli = await StartReplicaAsync();

        Assert.Equal(1, await CountKeysAsync());
        Assert.Equal("""{"channel":"D123"}""", replicas[2].Get<ReplyRefProtector>().TryUnprotect(sealedByFirst, out _));
        Assert.Equal("""{"channel":"C456"}""", cli.Get<ReplyRefProtector>().TryUnprotect(sealedBySecond, out _));
        Assert.DoesNotContain("D123", sealedByFirst);
    }

    [Fact]
    public async Task The_stored_key_is_encrypted_and_useless_without_the_configured_hash_key()
    {
        var replica = await StartReplicaAsync();
        await replica.Get<DataProtectionKeyBootstrap>().EnsureKeyAsync(default);
        var ciphertext = replica.Get<ReplyRefProtector>().Protect("U0SECRET");
        var otherKey = Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());
        var stranger = await StartReplicaAsync(hashKey: otherKey);

        await using (var connection = await replica.Get<BotshopDatabase>().OpenAsync())
        {
            var xml = Assert.Single(await connection.QueryAsync<string>("SELECT xml FROM data_protection_keys"));
            Assert.Contains("botshopEncryptedKey", xml);
            Assert.DoesNotContain("masterKey", xml); // Data Protection's plaintext key element
        }
        Assert.Null(stranger.Get<ReplyRefProtector>().TryUnprotect(ciphertext, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public async Task A_reply_reference_cannot_be_read_as_another_purpose_or_forged()
    {
        var replica = await StartReplicaAsync();
        await replica.Get<DataProtectionKeyBootstrap>().EnsureKeyAsync(default);
        var otherPurpose = replica.Get<IDataProtectionProvider>().CreateProtector("cookies").Protect("x");

        Assert.Null(replica.Get<ReplyRefProtector>().TryUnprotect(otherPurpose, out _));
        Assert.Null(replica.Get<ReplyRefProtector>().TryUnprotect("CfDJ8not-a-real-payload", out _));
    }

    private async Task<long> CountKeysAsync()
    {
        await using var db = TestDb.Connect();
        await using var connection = await db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM data_protection_keys");
    }
}

public sealed class SqliteDataProtectionKeyRingTests : DataProtectionKeyRingTests<SqliteTestDatabase>;
public sealed class PostgresDataProtectionKeyRingTests : DataProtectionKeyRingTests<PostgresTestDatabase>;
