namespace Botshop.Ml.Tests;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("Où est le   Café?!", "ou est le cafe")]
    [InlineData("Is it a 12-week or 6-month internship?", "is it a 12 week or 6 month internship")]
    [InlineData("What's the START date…", "what is the start date")]
    [InlineData("whats the programme, pls? I'm in an organisation", "what is the program please i am in an organization")]
    [InlineData("Its centre is ill-defined", "its center is ill defined")]
    [InlineData("  \t ", "")]
    public void Questions_reduce_to_one_canonical_form(string question, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(question));
}
