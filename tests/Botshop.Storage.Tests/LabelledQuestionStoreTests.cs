using Botshop.Core.Knowledge;
using Botshop.Storage.Tests.Infrastructure;
using Dapper;

namespace Botshop.Storage.Tests;

public abstract class LabelledQuestionStoreTests<TDatabase> : StoreTests<TDatabase> where TDatabase : TestDatabase, new()
{
    [Fact]
    public async Task Only_examples_taught_from_logged_questions_are_labelled_questions()
    {
        await new KnowledgeStore(Db).ImportAsync(new KnowledgeBase([],
        [
            new Intent("duration", "How long", ["How long is it?", "how many weeks lol"], new Dictionary<string, PostingAnswer>()),
            new Intent(Intent.OutOfScope, "Other", ["What is the salary?", "tell me a joke pls"], new Dictionary<string, PostingAnswer>()),
        ]), default);
        await using (var connection = await Db.OpenAsync())
            await connection.ExecuteAsync("""
                UPDATE examples SET source_message_id = 7, added_by = 'ana', added_at = 1
                WHERE text IN ('how many weeks lol', 'tell me a joke pls')
                """);

        var labelled = await new LabelledQuestionStore(Db).LoadAsync(default);

        Assert.Equal([new LabeledQuestion("how many weeks lol", "duration"), new LabeledQuestion("tell me a joke pls", Intent.OutOfScope)], labelled);
    }
}
