using Botshop.Core.Answering;
using Botshop.Core.Knowledge;

namespace Botshop.Core.Tests;

public class DecisionPolicyTests
{
    private static IntentPrediction Ranked(params (string Intent, float P)[] scores) =>
        new(scores.Select(s => new IntentScore(s.Intent, s.P)).ToList());

    private readonly DecisionPolicy _policy = new(Threshold: 0.4f, AmbiguityMargin: 0.1f);

    [Fact]
    public void A_confident_clear_winner_is_answered()
    {
        var decision = _policy.Decide(Ranked(("duration", 0.8f), ("location", 0.1f)));

        Assert.Equal(DecisionKind.Intent, decision.Kind);
        Assert.Equal("duration", decision.Intent);
    }

    [Fact]
    public void Below_the_threshold_is_declined()
    {
        Assert.Equal(DecisionKind.OutOfScope, _policy.Decide(Ranked(("duration", 0.39f), ("location", 0.2f))).Kind);
    }

    [Fact]
    public void The_out_of_scope_class_on_top_is_declined_however_confident()
    {
        Assert.Equal(DecisionKind.OutOfScope, _policy.Decide(Ranked((Intent.OutOfScope, 0.95f), ("duration", 0.05f))).Kind);
    }

    [Fact]
    public void Two_close_intents_ask_which_was_meant_best_first()
    {
        var decision = _policy.Decide(Ranked(("duration", 0.45f), ("timing", 0.41f), ("location", 0.1f)));

        Assert.Equal(DecisionKind.Ambiguous, decision.Kind);
        Assert.Equal(["duration", "timing"], decision.Alternatives);
    }

    [Fact]
    public void A_close_out_of_scope_runner_up_is_no_ambiguity()
    {
        var decision = _policy.Decide(Ranked(("duration", 0.45f), (Intent.OutOfScope, 0.41f)));

        Assert.Equal(DecisionKind.Intent, decision.Kind);
    }
}
