using Botshop.Core.Knowledge.Editing;

namespace Botshop.Core.Tests.Knowledge;

public class ExamplePlannerTests
{
    private static readonly StoredExample[] Existing =
    [
        new("duration", 0, "How long is the internship?"),
        new("out_of_scope", 3, "is there a stipend"),
    ];

    [Fact]
    public void A_new_question_is_added()
    {
        var plan = ExamplePlanner.Plan("duration", Existing, [new ExampleCandidate("When does it end?", 7)], moveConflicting: false);

        Assert.Equal(ExampleOutcome.Add, Assert.Single(plan).Outcome);
    }

    [Fact]
    public void The_same_question_differently_written_is_already_there()
    {
        var plan = ExamplePlanner.Plan("duration", Existing, [new ExampleCandidate("how LONG is the internship")], moveConflicting: false);

        Assert.Equal(ExampleOutcome.AlreadyThere, Assert.Single(plan).Outcome);
    }

    [Fact]
    public void A_question_of_another_intent_conflicts_and_names_it()
    {
        var decision = Assert.Single(ExamplePlanner.Plan("stipend", Existing, [new ExampleCandidate("Is there a stipend?")], moveConflicting: false));

        Assert.Equal(ExampleOutcome.Conflict, decision.Outcome);
        Assert.Equal(("out_of_scope", 3), (decision.Existing!.Intent, decision.Existing.Position));
    }

    [Fact]
    public void Moving_takes_the_question_from_the_other_intent()
    {
        var decision = Assert.Single(ExamplePlanner.Plan("stipend", Existing, [new ExampleCandidate("Is there a stipend?")], moveConflicting: true));

        Assert.Equal(ExampleOutcome.Move, decision.Outcome);
        Assert.Equal("out_of_scope", decision.Existing!.Intent);
    }

    [Fact]
    public void Repeated_candidates_are_added_once()
    {
        var plan = ExamplePlanner.Plan("duration", Existing,
            [new ExampleCandidate("Start date?", 1), new ExampleCandidate("start date", 2), new ExampleCandidate("is there a stipend", 3)],
            moveConflicting: true);

        Assert.Equal([ExampleOutcome.Add, ExampleOutcome.AlreadyThere, ExampleOutcome.Move], plan.Select(d => d.Outcome));
    }

    [Fact]
    public void Punctuation_alone_is_unusable()
    {
        Assert.Equal(ExampleOutcome.Unusable, Assert.Single(ExamplePlanner.Plan("duration", Existing, [new ExampleCandidate("?!")], false)).Outcome);
    }
}
