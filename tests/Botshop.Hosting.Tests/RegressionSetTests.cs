using Botshop.Core.Knowledge;
using Botshop.Core.Models;
using Botshop.Hosting.Models;
using Botshop.Hosting.Tests.Infrastructure;
using Botshop.Knowledge;
using Botshop.Knowledge.Regression;
using Botshop.Ml;
using Botshop.Storage;
using Dapper;

namespace Botshop.Hosting.Tests;

/// <summary>The frozen held-out file and how a gate's regression set is put together from it and the labels.</summary>
public sealed class RegressionSetTests
{
    [Fact]
    public void The_shipped_held_out_questions_are_never_training_examples_and_name_existing_intents()
    {
        var heldOut = HeldOutQuestions.Load(RealData.Folder);
        var trained = RealData.Knowledge.TrainingExamples().Select(e => TextNormalizer.Normalize(e.Text)).ToHashSet();

        Assert.True(heldOut.Questions.Count >= 80, $"{heldOut.Questions.Count} questions");
        Assert.Empty(heldOut.Questions.Where(q => trained.Contains(TextNormalizer.Normalize(q.Text))).Select(q => q.Text));
        Assert.Empty(heldOut.Questions.Where(q => RealData.Knowledge.FindIntent(q.Intent) is null).Select(q => q.Intent));
        // Every intent is represented, so no intent can be unlearned unnoticed.
        Assert.Empty(RealData.Knowledge.Intents.Select(i => i.Name).Except(heldOut.Questions.Select(q => q.Intent)));
        Assert.Matches("^[0-9a-f]{64}$", heldOut.Sha256);
    }

    [Fact]
    public void The_blind_spot_check_stays_unseen_by_training_and_names_existing_intents()
    {
        // A measurement only while nobody trains on it: copying one of its questions into data/faq fails here.
        var path = Path.Combine(RealData.Folder, "..", "tests", "Botshop.Benchmarks", "spotcheck", "blind-v1.tsv");
        var rows = File.ReadAllLines(path).Where(l => l.Trim().Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
        var trained = RealData.Knowledge.TrainingExamples().Select(e => TextNormalizer.Normalize(e.Text)).ToHashSet();
        var postings = RealData.Knowledge.Postings.Select(p => p.Id).ToHashSet();

        Assert.All(rows, r => Assert.Equal(3, r.Length));
        Assert.True(rows.Count >= 150, $"{rows.Count} questions");
        Assert.Empty(rows.Where(r => trained.Contains(TextNormalizer.Normalize(r[2]))).Select(r => r[2]));
        Assert.Empty(rows.Where(r => !postings.Contains(r[0])).Select(r => r[0]));
        Assert.Empty(rows.Where(r => RealData.Knowledge.FindIntent(r[1]) is null).Select(r => r[1]));
    }

    [Fact]
    public void A_malformed_line_is_refused_with_the_file_and_line()
    {
        var folder = Directory.CreateTempSubdirectory("botshop-heldout-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "regression"));
            File.WriteAllText(Path.Combine(folder, HeldOutQuestions.RelativePath), "# header\nposting\tduration\tHow long?\nposting\tno question column\n");

            var error = Assert.Throws<KnowledgeDataException>(() => HeldOutQuestions.Load(folder));

            Assert.Contains("heldout.tsv line 3", error.Message);
            Assert.Equal(("none", 0), (HeldOutQuestions.Load(Path.Combine(folder, "elsewhere")).Sha256, HeldOutQuestions.Load(Path.Combine(folder, "elsewhere")).Questions.Count));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_set_holds_every_labelled_question_and_the_held_out_ones_still_unseen_and_answerable()
    {
        await using var store = new SqliteStore();
        await using var process = await BotProcess.StartAsync(store);
        var heldOut = HeldOutQuestions.Load(RealData.Folder).Questions;
        var becameExample = heldOut.First(q => q.Intent == "duration");
        // The small knowledge, where one held-out question has since been added as a training example.
        var small = RealData.Small();
        var knowledge = new KnowledgeBase(small.Postings, small.Intents.Select(i =>
            i.Name == "duration" ? i with { Examples = [.. i.Examples, becameExample.Text.ToUpperInvariant()] } : i));
        await process.Get<IKnowledgeStore>().ImportAsync(knowledge, default);
        await using (var connection = await process.Get<BotshopDatabase>().OpenAsync())
            await connection.ExecuteAsync("UPDATE examples SET source_message_id = 5 WHERE intent_name = 'timing' AND position < 2");

        var set = await process.Get<RegressionSetBuilder>().BuildAsync(await process.Get<IKnowledgeStore>().LoadAsync(default), default);

        var expectedHeldOut = heldOut.Count(q => (RealData.SmallIntents.Contains(q.Intent) || q.Intent == Intent.OutOfScope) && q != becameExample);
        Assert.Equal(new RegressionSetInfo(2, expectedHeldOut, heldOut.Count - expectedHeldOut, HeldOutQuestions.Load(RealData.Folder).Sha256), set.Info);
        Assert.Equal(2, set.Questions.Count(q => q.Source == RegressionSource.Labelled && q.Intent == "timing"));
        Assert.DoesNotContain(set.Questions, q => q.Text == becameExample.Text);
    }
}
