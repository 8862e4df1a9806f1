namespace Botshop.Benchmarks.Conversations;

/// <summary>
/// Plausible logged traffic, generated from a seed: questions from a few dozen phrasings (so a search for a common
/// word, a rare word and an absent word have known frequencies), replies in the proportions a live bot shows.
/// </summary>
public static class MessageCorpus
{
    public const int Postings = 40;
    public const int MessagesPerConversation = 5;
    public static readonly string[] Channels = ["web", "web", "web", "web", "slack", "slack", "slack", "msteams", "msteams", "cli"];

    /// <summary>In about one question in five.</summary>
    public const string CommonWord = "internship";

    /// <summary>In about one question in a thousand.</summary>
    public const string RareWord = "stipend";

    /// <summary>In no question: the search that has to read everything.</summary>
    public const string AbsentWord = "zeppelin";

    private static readonly string[] Phrasings =
    [
        "How long is the internship?", "When does the internship start?", "Is the internship paid?", "Can the internship be remote?",
        "Where is the office?", "Do I need to relocate?", "How many days a week on site?", "Is it hybrid?",
        "How do I apply?", "Should I include a cover letter?", "What is the deadline?", "Do you accept applications on a rolling basis?",
        "What programming languages do you use?", "Do I need a PhD?", "Is Python required?", "What will I work on?",
        "What is the salary?", "Do you sponsor visas?", "Is there free lunch?", "Do you offer health insurance?",
        "Who would be my mentor?", "How big is the team?", "What does a typical day look like?", "Is there a return offer?",
        "Can international students apply?", "What is the interview process?", "How many interviews are there?",
        "Do you reply to every application?", "Can I apply to two postings?", "is this for undergrads", "what is the team culture like",
        "what's the dress code", "Are there other interns?", "what hardware do you give", "Can I work part time?",
    ];

    private static readonly string[] Intents =
    [
        "duration", "start_date", "compensation", "remote", "location", "relocation", "on_site_days", "apply", "cover_letter",
        "deadline", "programming_languages", "requirements", "projects", "mentorship", "team", "interview_process",
    ];

    public static string Question(Random random)
    {
        if (random.Next(1000) == 0) return "Is there a stipend for relocation?";
        var phrasing = Phrasings[random.Next(Phrasings.Length)];
        // About one in five mentions the internship, whatever the phrasing.
        return phrasing.Contains(CommonWord, StringComparison.Ordinal) || random.Next(5) != 0 ? phrasing : phrasing + " (for the internship)";
    }

    /// <summary>Kind, answered, intent, confidence: 68 % answered, 22 % handed off, 6 % ambiguous, 4 % choose posting or help.</summary>
    public static (string Kind, bool Answered, string? Intent, double? Confidence) Reply(Random random)
    {
        var roll = random.Next(100);
        var intent = Intents[random.Next(Intents.Length)];
        return roll switch
        {
            < 68 => ("Answered", true, intent, 0.3 + random.NextDouble() * 0.7),
            < 82 => ("OutOfScope", false, "out_of_scope", 0.05 + random.NextDouble() * 0.6),
            < 90 => ("NotInPosting", false, intent, 0.3 + random.NextDouble() * 0.6),
            < 96 => ("Ambiguous", false, intent, 0.3 + random.NextDouble() * 0.3),
            < 99 => ("ChoosePosting", false, null, 0),
            _ => ("Help", false, null, 1),
        };
    }

    public static string Posting(int n) => $"posting-{n:00}";
}
