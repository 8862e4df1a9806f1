using Botshop.Core.Knowledge;

namespace Botshop.Hosting.Tests.Infrastructure;

/// <summary>Two knowledge bases hold the same postings and intents, field by field.</summary>
public static class KnowledgeAssert
{
    public static void Same(KnowledgeBase expected, KnowledgeBase actual)
    {
        Assert.Equal(expected.Postings.Select(p => p.Id), actual.Postings.Select(p => p.Id));
        foreach (var (e, a) in expected.Postings.Zip(actual.Postings))
        {
            Assert.Equal((e.Title, e.ContentHash), (a.Title, a.ContentHash));
            Assert.Equal(e.Locations, a.Locations);
            Assert.Equal(e.Passages, a.Passages);
        }
        Assert.Equal(expected.Intents.Select(i => i.Name), actual.Intents.Select(i => i.Name));
        foreach (var (e, a) in expected.Intents.Zip(actual.Intents))
        {
            Assert.Equal((e.Name, e.Topic, e.SourceFile), (a.Name, a.Topic, a.SourceFile));
            Assert.Equal(e.Examples, a.Examples);
            Assert.Equal(e.Answers.Keys.Order(), a.Answers.Keys.Order());
            foreach (var (posting, answer) in e.Answers)
            {
                Assert.Equal(answer.Text, a.Answers[posting].Text);
                Assert.Equal(answer.SourceIds, a.Answers[posting].SourceIds);
            }
        }
    }
}
