namespace Botshop.Ml.Tests;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("Où est le   Café?!", "ou est le cafe")]
    [InlineData("Is it a 12-week or 6-month internship?", "is it a 12 week or 6 month internship")]
    [InlineData("What's the START date…", "whats the start date")]
    [InlineData("  \t ", "")]
    public void Questions_reduce_to_one_canonical_form(string question, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(question));
}
