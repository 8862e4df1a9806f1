using Botshop.Core.Knowledge;

namespace Botshop.Storage.Tests.Infrastructure;

/// <summary>A small knowledge base for editing and inbox tests: one posting with three passages, two intents and out_of_scope.</summary>
public static class EditableKnowledge
{
    public const string PostingId = "widget-intern";
    public const string DurationPassage = "duration/twelve-weeks";
    public const string LocationPassage = "location/lisbon";
    public const string PayPassage = "benefits/paid";
    public const string DurationAnswer = "The internship lasts 12 weeks.";

    /// <summary>Imports <see cref="Create"/> into the store and returns it as the store serves it.</summary>
    public static async Task<KnowledgeBase> SeedAsync(BotshopDatabase db)
    {
        var store = new KnowledgeStore(db);
        await store.ImportAsync(Create(), default);
        return await store.LoadAsync(default);
    }

    public static KnowledgeBase Create() => new(
        [
            new Posting(PostingId, "Widget Intern", ["Lisbon"],
                [
                    new Passage(DurationPassage, "Duration", "A 12 week internship.", 0),
                    new Passage(LocationPassage, "Location", "Based in Lisbon.", 1),
                    new Passage(PayPassage, "Benefits", "The internship is paid.", 2),
                ],
                "hash-w"),
        ],
        [
            new Intent("duration", "how long the internship lasts", ["How long is the internship?", "How many weeks?"],
                new Dictionary<string, PostingAnswer> { [PostingId] = new(DurationAnswer, [DurationPassage]) }),
            new Intent("location", "where the work happens", ["Where is the office?", "Is it in Lisbon?"],
                new Dictionary<string, PostingAnswer> { [PostingId] = new("In Lisbon.", [LocationPassage]) }),
            new Intent(Intent.OutOfScope, "something the posting doesn't cover", ["What is the salary?", "is there a stipend"],
                new Dictionary<string, PostingAnswer>()),
        ]);
}
