using System.Net.Http.Json;
using Botshop.Core.Conversations;
using Botshop.Server.Tests.Infrastructure;
using Botshop.Server.Tests.Slack;
using Botshop.Server.Tests.Teams;
using Botshop.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Botshop.Server.Tests.Privacy;

/// <summary>Conversations through every channel carrying contact details and platform ids, then every text column read back.</summary>
[Collection(PrivacyServerCollection.Name)]
public sealed class PrivacyScanTests(PrivacyServerFixture fixture)
{
    private const string Email = "jane.doe+jobs@example.com";
    private const string Phone = "+44 20 7946 0958";
    private const string SlackUser = "U0RAWPRIVACY1";
    private const string AadObjectId = "5f1c3a7e-0d8b-4c1e-9b7a-aad0raw00001";

    [Fact]
    public async Task No_raw_contact_detail_or_platform_user_id_is_stored_after_web_slack_and_teams_conversations()
    {
        using var http = fixture.Server.CreateClient();
        var web = ChatClient.NewConversationId();
        await new ChatClient(http).AskAsync(web, $"Email me at {Email} or call {Phone}");

        var dm = SlackPayloads.NewChannel("D");
        await PrivacyServerFixture.AcceptedAsync(fixture.PostSlackEventAsync(SlackPayloads.DirectMessage(dm, SlackPayloads.NewTs(), $"I am {Email}", SlackUser)));
        await fixture.Slack.WaitForPostMessagesInAsync(dm);
        var responseUrl = fixture.Slack.NewResponseUrl();
        await PrivacyServerFixture.AcceptedAsync(fixture.PostSlackCommandAsync(SlackPayloads.AskCommand(SlackPayloads.NewChannel(), $"call me on {Phone}", responseUrl)));
        await fixture.Slack.WaitForPostsToAsync(responseUrl);

        var teams = TeamsActivities.NewConversationId();
        var activity = TeamsActivities.Message(fixture.ServiceUrl, teams, TeamsActivities.NewActivityId(), $"reach me at {Email}");
        activity["from"]!["aadObjectId"] = AadObjectId;
        await PrivacyServerFixture.AcceptedAsync(fixture.PostTeamsAsync(activity));
        await fixture.Connector.WaitForRepliesInAsync(teams);

        // A recruiter answers each, so recruiter_replies and audit_log hold rows too.
        await using (var app = fixture.InProcessServices())
        {
            var replies = app.Services.GetRequiredService<IRecruiterReplies>();
            foreach (var (channel, conversation) in new[] { ("web", web), ("slack", dm), ("msteams", teams) })
            {
                var question = (await fixture.Server.Database.MessagesInConversationAsync(channel, conversation))[0];
                Assert.True((await replies.SendAsync(question.Id, "alice", "Thanks, we will be in touch.", default)).Sent);
            }
        }

        string[] raw = [Email, "jane.doe", Phone, "7946 0958", SlackUser, SlackPayloads.UserId, "29:1candidate-aad-object", AadObjectId,
            responseUrl, "tenant-1", fixture.ServiceUrl];
        await using var connection = new SqliteConnection($"Data Source={fixture.Server.DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        var hits = await StoreTextScan.FindAsync(connection, postgres: false, raw);
        Assert.True(hits.Count == 0, "found in clear in the store:\n" + string.Join('\n', hits));
        Assert.NotEmpty(await StoreTextScan.FindAsync(connection, postgres: false, [dm])); // the scan does see what is in clear
        Assert.Contains(("conversations", "reply_ref"), await StoreTextScan.TextColumnsAsync(connection, postgres: false));
        // The reply addresses are there, encrypted: every channel but the web chat stored one.
        Assert.Equal(0, await CountAsync(connection, $"SELECT COUNT(*) FROM conversations WHERE channel = 'web' AND reply_ref IS NOT NULL"));
        Assert.Equal(2, await CountAsync(connection, $"SELECT COUNT(*) FROM conversations WHERE external_id IN ('{dm}', '{teams}') AND reply_ref IS NOT NULL"));
        Assert.DoesNotContain(raw, fixture.Server.Log.Contains);
    }

    private static async Task<long> CountAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
