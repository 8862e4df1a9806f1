namespace Botshop.Hosting.Tests.Infrastructure;

/// <summary>
/// A posting written for these tests, not one of the seeds: it restates a few facts the seed postings also state
/// (duration, office days, systems languages, own proposals) in its own words, and adds facts no intent covers.
/// </summary>
public static class ThirdPosting
{
    public const string FileName = "systems-research-intern-lisbon.txt";
    public const string Id = "systems-research-intern-lisbon";

    public const string Duration = "Interns commit to a 12 week summer internship with the group.";
    public const string Office = "You will be in the office 3-4 days a week in Lisbon, Portugal.";
    public const string Languages = "Comfortable working in a systems-level programming language such as Rust or Go.";
    public const string Proposal = "Novel proposals are welcome: send us a project idea of at most 200 words.";
    public const string Travel = "A monthly travel budget for visiting conferences.";
    public const string Bicycles = "Free bicycle parking and showers at the office.";

    public const string Text = $"""
        Systems Research Intern (Lisbon)

        Summer internship

        Our group builds prototypes for the next generation of web infrastructure, and publishes what it learns.

        What we expect

          • {Duration}
          • {Office}
          • {Languages}
          • {Proposal}

        Perks

          • {Travel}
          • {Bicycles}
        """;

    public static byte[] Bytes => System.Text.Encoding.UTF8.GetBytes(Text);
}
