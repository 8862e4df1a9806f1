using Botshop.Knowledge;
using Botshop.Knowledge.Postings;

namespace Botshop.Knowledge.Tests;

public class PostingParserTests
{
    private const string Html = """
        <div class="intro"><div><strong>About Us</strong></div><div><p>We build things. We ship them, e.g. daily.</p></div></div>
        <p><strong>Available Locations: Lisbon, Portugal</strong></p>
        <h4><strong>What you'll do</strong></h4>
        <p>You will measure networks.&nbsp;</p>
        <p>&nbsp;<strong>Bonus Points:</strong></p>
        <ul><li>Knows Rust</li><li>Knows <strong>Go</strong></li></ul>
        <script>alert('x')</script>
        """;

    private const string Text = """
        🚀 Internship

        Junior Widget Engineer (Remote)

        3d ago

        🚀 Full-time

        Rolling basis

        We are a small widget company with big plans for the future of widgets.

        Requirements

          • Two years of widget experience
          • Fluent English
        View more

         Bonus Points:

          • Knows Lua
        """;

    [Fact]
    public void Html_sections_come_from_headings_and_bold_only_paragraphs()
    {
        var posting = PostingLoader.Parse("widgets", Html, extension: ".html");

        Assert.Equal(["About Us", "About Us", "About Us", "What you'll do", "Bonus Points", "Bonus Points"],
            posting.Passages.Select(p => p.Section));
        Assert.Equal("We ship them, e.g. daily.", posting.Passages[1].Text);
        Assert.Equal("Knows Go", posting.Passages[^1].Text);
        Assert.DoesNotContain(posting.Passages, p => p.Text.Contains("alert"));
    }

    [Fact]
    public void Html_locations_line_is_a_fact_and_gives_the_locations()
    {
        var posting = PostingLoader.Parse("widgets", Html, extension: ".html");

        Assert.Equal(["Lisbon, Portugal"], posting.Locations);
        Assert.Contains(posting.Passages, p => p.Text == "Available Locations: Lisbon, Portugal");
    }

    [Fact]
    public void Html_is_recognised_by_content_whatever_the_extension()
    {
        var posting = PostingLoader.Parse("widgets", Html, extension: ".txt");

        Assert.Contains(posting.Passages, p => p is { Section: "Bonus Points", Text: "Knows Rust" });
    }

    [Fact]
    public void Text_header_gives_title_and_summary_facts_and_drops_job_board_chrome()
    {
        var posting = PostingLoader.Parse("widget-engineer", Text);

        Assert.Equal("Junior Widget Engineer (Remote)", posting.Title);
        Assert.Equal(["Internship", "Full-time", "Rolling basis"],
            posting.Passages.Where(p => p.Section == "Summary").Select(p => p.Text));
        Assert.DoesNotContain(posting.Passages, p => p.Text.Contains("View more") || p.Text.Contains("ago"));
    }

    [Fact]
    public void Text_headings_bullets_and_sentences_become_passages()
    {
        var posting = PostingLoader.Parse("widget-engineer", Text);

        Assert.Contains(posting.Passages, p => p is { Section: "Requirements", Text: "Fluent English" });
        Assert.Contains(posting.Passages, p => p is { Section: "Bonus Points", Text: "Knows Lua" });
        Assert.Contains(posting.Passages, p => p.Section == "Overview" && p.Text.StartsWith("We are a small widget company"));
    }

    [Fact]
    public void Passage_ids_are_stable_for_the_same_text_and_change_when_it_changes()
    {
        var first = PostingLoader.Parse("w", Text);
        var again = PostingLoader.Parse("w", Text);
        var edited = PostingLoader.Parse("w", Text.Replace("Fluent English", "Fluent French"));

        Assert.Equal(first.Passages.Select(p => p.Id), again.Passages.Select(p => p.Id));
        var before = first.Passages.Single(p => p.Text == "Fluent English").Id;
        Assert.Null(edited.FindPassage(before));
        Assert.All(first.Passages.Where(p => p.Text != "Fluent English"), p => Assert.NotNull(edited.FindPassage(p.Id)));
    }

    [Fact]
    public void Passage_ids_are_unique_within_a_posting()
    {
        var posting = PostingLoader.Parse("w", "Intro line that is long enough to be a paragraph here.\n\nSkills\n\n• Go\n• Go\n");

        Assert.Equal(posting.Passages.Count, posting.Passages.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public void The_seed_postings_parse_with_their_titles_and_key_facts()
    {
        var postings = PostingLoader.LoadFolder(Path.Combine(TestData.Folder, "postings"));

        var london = Assert.Single(postings, p => p.Id == "research-intern-london");
        Assert.Equal("Research Intern, London, UK (Summer)", london.Title);
        Assert.Equal(["London, UK"], london.Locations);
        Assert.Contains(london.Passages, p => p.Text == "In office 3-4 days a week in London, UK");
        Assert.Contains(london.Passages, p => p.Text == "Ability to commit to a 12 week summer internship");

        var phd = Assert.Single(postings, p => p.Id == "phd-research-intern-europe");
        Assert.Equal("PhD Research Intern (Europe)", phd.Title);
        Assert.Contains(phd.Passages, p => p is { Section: "Summary", Text: "Off-cycle" });
        Assert.Contains(phd.Passages, p => p.Section == "Bonus Points" && p.Text.Contains("Lua"));
    }

    [Fact]
    public void A_posting_with_no_text_is_a_data_error()
    {
        var error = Assert.Throws<KnowledgeDataException>(() => PostingLoader.Parse("empty", "<div></div>", extension: ".html"));
        Assert.Contains("no text", error.Message);
    }
}
