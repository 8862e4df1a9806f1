using Botshop.Core.Knowledge;
using Botshop.Knowledge.Faq;
using Botshop.Knowledge.Postings;

namespace Botshop.Knowledge;

/// <summary>Reads a data folder (postings/ and faq/) into a knowledge base and validates it.</summary>
public static class KnowledgeLoader
{
    public static LoadedKnowledge Load(string dataFolder)
    {
        var postings = PostingLoader.LoadFolder(Path.Combine(dataFolder, "postings"));
        var faq = FaqLoader.LoadFolder(Path.Combine(dataFolder, "faq"));
        var report = FaqValidator.Validate(faq, postings);
        return new LoadedKnowledge(new KnowledgeBase(postings, faq.ToIntents()), report);
    }
}

public sealed record LoadedKnowledge(KnowledgeBase Knowledge, ValidationReport Validation);
