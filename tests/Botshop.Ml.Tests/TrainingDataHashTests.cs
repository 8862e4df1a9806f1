using Botshop.Core.Knowledge;

namespace Botshop.Ml.Tests;

public class TrainingDataHashTests
{
    [Fact]
    public void Hash_ignores_order_but_not_content()
    {
        var examples = SampleQuestions.Load();
        var hash = TrainingDataHash.Compute(examples);

        Assert.Equal(hash, TrainingDataHash.Compute(examples.Reverse()));
        Assert.NotEqual(hash, TrainingDataHash.Compute(examples.Append(new LabeledQuestion("Is lunch provided?", "out_of_scope"))));
        Assert.NotEqual(hash, TrainingDataHash.Compute(examples.Select((e, i) => i == 0 ? e with { Intent = "start_date" } : e)));
        Assert.Matches("^[0-9a-f]{64}$", hash);
    }
}
