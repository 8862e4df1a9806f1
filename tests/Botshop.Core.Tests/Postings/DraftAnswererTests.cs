using Botshop.Core.Knowledge;
using Botshop.Core.Postings;
using static Botshop.Core.Tests.Postings.KnowledgeSamples;

namespace Botshop.Core.Tests.Postings;

public sealed class DraftAnswererTests
{
    private static readonly Posting Gizmo = Posting("gizmo",
        P("z-intro", "Gizmo testers break gizmos before customers do."),
        P("z-dur", "This summer internship lasts 12 weeks."),
        P("z-city", "Our office is in Porto, Portugal, by the river."),
        P("z-perk", "Free coffee and a gizmo to take home."));

    [Fact]
    public void Each_shared_fact_is_drafted_from_the_new_postings_own_passage()
    {
        var drafts = DraftAnswerer.Draft(Answered(Gizmo), Gizmo).ToDictionary(d => d.Intent);

        Assert.Equal(["z-dur"], drafts["duration"].SourceIds);
        Assert.Equal("This summer internship lasts 12 weeks.", drafts["duration"].Text);
        Assert.Equal("widget", drafts["duration"].BasedOn);
        Assert.Equal(["z-city"], drafts["location"].SourceIds);
        Assert.All(drafts.Values, d => Assert.Equal("gizmo", d.PostingId));
    }

    [Fact]
    public void No_draft_for_a_fact_the_posting_lacks_nor_for_out_of_scope()
    {
        var drafts = DraftAnswerer.Draft(Answered(Gizmo), Gizmo);

        Assert.DoesNotContain(drafts, d => d.Intent is "visa" or "languages" or Botshop.Core.Knowledge.Intent.OutOfScope);
        Assert.DoesNotContain(drafts, d => d.SourceIds.Contains("z-perk") || d.SourceIds.Contains("z-intro"));
    }

    [Fact]
    public void An_intent_already_answered_for_the_posting_is_not_drafted_again()
    {
        var kb = Answered(Gizmo);
        var answered = new KnowledgeBase(kb.Postings, kb.Intents.Select(i => i.Name != "duration" ? i : i with
        {
            Answers = new Dictionary<string, PostingAnswer>(i.Answers) { ["gizmo"] = new("Twelve weeks.", ["z-dur"]) },
        }));

        Assert.DoesNotContain(DraftAnswerer.Draft(answered, Gizmo), d => d.Intent == "duration");
    }

    [Fact]
    public void Nothing_is_proposed_above_the_threshold()
    {
        var kb = Answered(Gizmo);

        var loose = DraftAnswerer.Draft(kb, Gizmo, threshold: 0.1);
        var strict = DraftAnswerer.Draft(kb, Gizmo, threshold: 1.01);

        Assert.True(loose.Count >= 2);
        Assert.Empty(strict);
    }

    [Fact]
    public void Answers_citing_several_passages_draft_several_close_passages_in_document_order()
    {
        var source = Posting("alpha", P("a1", "Strong Rust systems programming skills."), P("a2", "Experience with Kubernetes cluster operations."));
        var target = Posting("beta", P("b0", "Kubernetes cluster operations experience is a must."), P("b1", "Strong skills in Rust systems programming."), P("b2", "We love dogs."));
        var kb = new KnowledgeBase([source, target], [Intent("skills", ("alpha", "Rust and Kubernetes.", ["a1", "a2"]))]);

        var draft = Assert.Single(DraftAnswerer.Draft(kb, target));

        Assert.Equal(["b0", "b1"], draft.SourceIds);
        Assert.Equal("Kubernetes cluster operations experience is a must. Strong skills in Rust systems programming.", draft.Text);
    }
}
