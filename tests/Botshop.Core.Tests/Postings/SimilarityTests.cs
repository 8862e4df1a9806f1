using Botshop.Core.Similarity;

namespace Botshop.Core.Tests.Postings;

public sealed class SimilarityTests
{
    [Fact]
    public void Words_are_lowercased_with_stop_words_and_plurals_folded()
    {
        Assert.Equal(["12", "week", "internship", "cloudflare", "office", "1990"],
            Words.Of("The 12-week internships at Cloudflare's offices, in the 1990s!"));
        Assert.Equal(["company", "class", "bus"], Words.Of("companies classes bus"));
    }

    [Fact]
    public void A_rare_shared_word_weighs_more_than_a_common_one()
    {
        var space = new TfIdfSpace(["internship in Lisbon", "internship in Porto", "internship in Paris", "internship abroad"]);

        var rare = space.Similarity("office in Lisbon", "Lisbon office");
        var common = space.Similarity("internship office", "internship desk");

        Assert.True(rare > common, $"{rare} <= {common}");
    }

    [Fact]
    public void Same_text_is_one_unrelated_text_is_zero_and_empty_text_is_zero()
    {
        var space = new TfIdfSpace(["a 12 week internship", "free bicycle parking"]);

        Assert.Equal(1.0, space.Similarity("a 12 week internship", "12 weeks internship"), 6);
        Assert.Equal(0.0, space.Similarity("a 12 week internship", "free bicycle parking"));
        Assert.Equal(0.0, space.Similarity("the", "a 12 week internship"));
    }
}
