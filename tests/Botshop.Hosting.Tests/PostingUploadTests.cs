using System.Text;
using Botshop.Core.Answering;
using Botshop.Core.Audit;
using Botshop.Core.Knowledge;
using Botshop.Core.Postings;
using Botshop.Hosting.Postings;
using Botshop.Knowledge;
using Botshop.Storage;
using Dapper;

namespace Botshop.Hosting.Tests;

/// <summary>Adding and updating a posting by upload, on each engine (subclasses at the end of the file).</summary>
public abstract class PostingUploadTests(Engine engine) : HostedTests(engine)
{
    private PostingUploads Uploads => Host.Get<PostingUploads>();

    [Fact]
    public async Task Uploaded_posting_isStored_with_its_source_and_served_at_once()
    {
        var result = await Uploads.UploadAsync(new PostingUpload(ThirdPosting.FileName, ThirdPosting.Bytes), "ana", default);

        Assert.True(result.Created);
        Assert.Equal(ThirdPosting.Id, result.Posting.Id);
        Assert.Equal("Systems Research Intern (Lisbon)", result.Posting.Title);
        // Served at once: the posting picker and answers see it without a restart.
        Assert.Contains(Host.Get<AnswerService>().ChoosePosting().Choices, c => c.Value == ReplyChoice.PostingPrefix + ThirdPosting.Id);
        var sources = await Host.Get<IPostingStore>().SourcesAsync(default);
        Assert.Equal(new PostingSource(ThirdPosting.FileName, ThirdPosting.Text), sources[ThirdPosting.Id]);

        // Another process on the same store loads the same posting.
        await using var second = await TestHost.StartAsync(Store, SeedData.Folder);
        Assert.Equal(result.Posting.Passages, second.Live.FindPosting(ThirdPosting.Id)!.Passages);
        var audit = await Host.Get<IAuditLog>().RecentAsync(10, PostingUploads.Subject(ThirdPosting.Id), default);
        Assert.Contains(audit, e => e.Action == "posting.create" && e.Actor == "ana");
    }

    [Fact]
    public async Task Seed_import_keeps_each_postings_document()
    {
        var sources = await Host.Get<IPostingStore>().SourcesAsync(default);

        foreach (var path in Directory.EnumerateFiles(Path.Combine(SeedData.Folder, "postings")).Where(p => !p.EndsWith(".meta.yaml")))
        {
            var id = Path.GetFileNameWithoutExtension(path);
            Assert.Equal(Path.GetFileName(path), sources[id].FileName);
            Assert.Equal(File.ReadAllText(path), sources[id].Text);
        }
    }

    [Fact]
    public async Task Update_replaces_the_passages_and_keeps_answers_and_recruiter_examples()
    {
        var london = Host.Live.FindPosting("research-intern-london")!;
        var source = (await Host.Get<IPostingStore>().SourcesAsync(default))[london.Id];
        await AddRecruiterExampleAsync("duration", "is it a three month thing?");
        var changed = source.Text.Replace("12 week summer internship", "10 week summer internship");

        var result = await Uploads.UploadAsync(
            new PostingUpload(source.FileName, Encoding.UTF8.GetBytes(changed), Title: london.Title), "ana", default);

        Assert.False(result.Created);
        var removed = Assert.Single(result.RemovedPassageIds);
        Assert.Equal("internship-availability-and-expectations/ability-to-commit-to-a-12-fa00", removed);
        var added = result.Posting.FindPassage(Assert.Single(result.AddedPassageIds))!;
        Assert.Equal("Ability to commit to a 10 week summer internship", added.Text);
        Assert.Equal(london.Passages.Count, result.Posting.Passages.Count);
        Assert.Equal(london.Title, result.Posting.Title);
        var stored = await Host.Get<IKnowledgeStore>().LoadAsync(default);
        Assert.Equal(result.Posting.Passages, stored.FindPosting(london.Id)!.Passages);
        // Knowledge around the posting is untouched: examples (a recruiter's too) and answers, stale ones included.
        Assert.Contains("is it a three month thing?", stored.FindIntent("duration")!.Examples);
        Assert.Equal(SeedData.Load().Knowledge.TrainingExamples().Count() + 1, stored.TrainingExamples().Count());
        Assert.Contains(removed, stored.FindIntent("duration")!.Answers[london.Id].SourceIds);
        Assert.Contains(result.StaleAnswers, s => s.Intent == "duration");
        var audit = await Host.Get<IAuditLog>().RecentAsync(10, PostingUploads.Subject(london.Id), default);
        Assert.Contains(audit, e => e.Action == "posting.update" && e.Detail!.Contains(removed));
    }

    [Fact]
    public async Task Title_and_locations_given_with_the_upload_win_over_the_document()
    {
        var result = await Uploads.UploadAsync(
            new PostingUpload(ThirdPosting.FileName, ThirdPosting.Bytes, " Research Intern, Lisbon ", [" Lisbon, PT ", "", "Remote"]), "ana", default);

        var served = Host.Live.FindPosting(ThirdPosting.Id)!;
        Assert.Equal("Research Intern, Lisbon", served.Title);
        Assert.Equal(["Lisbon, PT", "Remote"], served.Locations);
        Assert.Equal(result.Posting, served);
    }

    public static TheoryData<string, byte[], string> BadDocuments => new()
    {
        { "empty.txt", [], "empty" },
        { "blank.html", Encoding.UTF8.GetBytes("  \n\t "), "empty" },
        { "chrome.html", Encoding.UTF8.GetBytes("<html><body><script>var x = 1;</script><nav>Home</nav></body></html>"), "no text found" },
        { "offer.pdf", Encoding.UTF8.GetBytes("%PDF-1.7 a posting"), "HTML or text" },
        { "latin1.txt", [0x43, 0x61, 0x66, 0xE9, 0x20, 0x6A, 0x6F, 0x62], "not UTF-8" },
        { "binary.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00], "not text" },
        { "!!!.txt", Encoding.UTF8.GetBytes("A posting. With sentences."), "file name" },
    };

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public async Task Bad_document_is_refused_with_a_reason_and_nothing_changes(string fileName, byte[] content, string reason)
    {
        var before = Host.Live;

        var error = await Assert.ThrowsAsync<KnowledgeDataException>(() => Uploads.UploadAsync(new PostingUpload(fileName, content), "ana", default));

        Assert.Contains(reason, error.Message);
        Assert.Same(before, Host.Live);
        Assert.Equal(before.Postings.Select(p => p.Id), (await Host.Get<IKnowledgeStore>().LoadAsync(default)).Postings.Select(p => p.Id));
    }

    [Fact]
    public async Task Document_over_the_size_limit_is_refused()
    {
        await using var small = await TestHost.StartAsync(Store, SeedData.Folder, new Dictionary<string, string?> { ["Postings:MaxUploadBytes"] = "2048" });
        var large = Encoding.UTF8.GetBytes(ThirdPosting.Text + new string('\n', 2048));

        var error = await Assert.ThrowsAsync<KnowledgeDataException>(() =>
            small.Get<PostingUploads>().UploadAsync(new PostingUpload(ThirdPosting.FileName, large), "ana", default));

        Assert.Contains("limit is 2,048", error.Message);
        Assert.Null(small.Live.FindPosting(ThirdPosting.Id));
    }

    /// <summary>An example a recruiter taught from the inbox: a row with its origin, as the inbox writes it.</summary>
    private async Task AddRecruiterExampleAsync(string intent, string text)
    {
        await using var connection = await Host.Get<BotshopDatabase>().OpenAsync();
        await connection.ExecuteAsync("""
            INSERT INTO examples (intent_name, position, text, added_by, added_at)
            SELECT @Intent, MAX(position) + 1, @Text, 'ana', 1 FROM examples WHERE intent_name = @Intent
            """, new { Intent = intent, Text = text });
    }
}

public sealed class SqlitePostingUploadTests() : PostingUploadTests(Engine.Sqlite);
public sealed class PostgresPostingUploadTests() : PostingUploadTests(Engine.Postgres);
