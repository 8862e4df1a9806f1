using Botshop.Core.Inbox;

namespace Botshop.Core.Tests.Inbox;

public class QuestionGrouperTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    // Each row: questions candidates asked about one thing the postings do not say, worded differently. The bot
    // declined them all (no predicted intent), so only their wording can bring them together.
    public static readonly TheoryData<string, string[]> Topics = new()
    {
        { "stipend", ["is there a stipend?", "do interns get a stipend", "how much is the stipend", "what's the monthly stipend for interns", "Is the stipend paid monthly?"] },
        { "visa", ["do you sponsor visas?", "will you sponsor my visa", "is visa sponsorship available", "can I get visa sponsorship for this role"] },
        { "housing", ["is housing provided?", "do you help with housing", "will the company provide housing for interns", "any help finding housing in London?"] },
        { "dogs", ["can I bring my dog to the office", "are dogs allowed in the office?", "is the office dog friendly"] },
        { "laptop", ["will I get a laptop", "do interns receive a laptop?", "which laptop do you provide"] },
        { "relocation", ["do you pay for relocation", "is relocation covered?", "relocation package?", "will you help me relocate"] },
        { "parking", ["is there parking at the office?", "can I park my car there", "parking for staff?"] },
        { "gym", ["is there a gym", "do you have a gym membership", "gym access for employees?"] },
        { "equity", ["do interns get equity", "is there any stock or equity", "equity grant?"] },
        { "vacation", ["how many vacation days do I get", "do I get vacation days", "paid vacation?"] },
    };

    private static readonly IReadOnlyList<InboxQuestion> AllTopics = Topics
        .SelectMany(row => ((string[])row[1]).Select(text => (Topic: (string)row[0], Text: text)))
        // Interleaved, as questions arrive: topics mixed rather than one after another.
        .OrderBy(q => q.Text.Length % 7).ThenBy(q => q.Text, StringComparer.Ordinal)
        .Select((q, i) => Question(i + 1, q.Text))
        .ToList();

    private readonly IReadOnlyList<QuestionGroup> _groups = new QuestionGrouper().Group(AllTopics);

    [Theory]
    [MemberData(nameof(Topics))]
    public void Paraphrases_of_one_topic_form_one_group_with_nothing_else(string topic, string[] paraphrases)
    {
        var group = Assert.Single(_groups, g => g.Questions.Any(q => q.Text == paraphrases[0]));

        Assert.True(paraphrases.Order().SequenceEqual(group.Questions.Select(q => q.Text).Order()),
            $"{topic}: expected [{string.Join(" | ", paraphrases)}], grouped [{string.Join(" | ", group.Questions.Select(q => q.Text))}]");
    }

    [Fact]
    public void Different_topics_are_never_grouped_together()
    {
        Assert.Equal(Topics.Count(), _groups.Count);
        Assert.Equal(AllTopics.Count, _groups.Sum(g => g.Count));
    }

    [Fact]
    public void Key_terms_name_the_topic_in_the_candidates_own_words()
    {
        var visa = Assert.Single(_groups, g => g.Questions.Any(q => q.Text == "do you sponsor visas?"));

        Assert.Equal(["sponsor", "visa"], visa.KeyTerms.Order());
    }

    [Fact]
    public void The_same_words_with_different_predicted_intents_stay_apart()
    {
        var questions = new[]
        {
            Question(1, "can I work from home on fridays", intent: "location"),
            Question(2, "can I work from home on fridays", intent: null),
            Question(3, "could I work from home some fridays", intent: "location"),
        };

        var groups = new QuestionGrouper().Group(questions);

        Assert.Equal(2, groups.Count);
        Assert.Equal(["location", null], groups.Select(g => g.Intent));
        Assert.Equal([1L, 3L], groups[0].Questions.Select(q => q.MessageId));
    }

    [Fact]
    public void Questions_without_content_words_group_only_with_the_same_words()
    {
        var questions = new[] { Question(1, "what?"), Question(2, "What??"), Question(3, "why?"), Question(4, "is there a stipend") };

        var groups = new QuestionGrouper().Group(questions);

        Assert.Equal([[1L, 2L], [3L], [4L]], groups.Select(g => g.Questions.Select(q => q.MessageId).ToArray()).OrderByDescending(g => g.Length).ThenBy(g => g[0]));
    }

    [Fact]
    public void Largest_groups_come_first_then_the_most_recent()
    {
        var questions = new[]
        {
            Question(1, "do you sponsor visas", minutes: 1),
            Question(2, "is there a stipend", minutes: 2),
            Question(3, "how much is the stipend", minutes: 3),
            Question(4, "can I bring my dog", minutes: 9),
        };

        var groups = new QuestionGrouper().Group(questions);

        Assert.Equal([[2L, 3L], [4L], [1L]], groups.Select(g => g.Questions.Select(q => q.MessageId).ToArray()));
    }

    [Fact]
    public void A_group_sums_its_votes_and_lists_postings_and_channels_most_asked_first()
    {
        var questions = new[]
        {
            Question(1, "is there a stipend", posting: "a", channel: "slack", downVotes: 1),
            Question(2, "how much is the stipend", posting: "b", channel: "web", downVotes: 2),
            Question(3, "stipend amount?", posting: "b", channel: "web"),
        };

        var group = Assert.Single(new QuestionGrouper().Group(questions));

        Assert.Equal(3, group.DownVotes);
        Assert.Equal(["b", "a"], group.Postings);
        Assert.Equal(["web", "slack"], group.Channels);
    }

    [Fact]
    public void Grouping_is_the_same_every_time()
    {
        var again = new QuestionGrouper().Group(AllTopics);

        Assert.Equal(_groups.Select(g => g.Questions.Select(q => q.MessageId)), again.Select(g => g.Questions.Select(q => q.MessageId)));
    }

    [Fact]
    public void Sharing_one_content_word_of_three_is_not_enough_to_join()
    {
        // Precision first: a wrong group would have one decision label questions about different things.
        var questions = new[] { Question(1, "is there parking at the office?"), Question(2, "free parking for staff?") };

        Assert.Equal(2, new QuestionGrouper().Group(questions).Count);
    }

    [Fact]
    public void A_stricter_similarity_splits_loose_paraphrases()
    {
        var questions = new[] { Question(1, "is there a stipend"), Question(2, "what's the monthly stipend for interns") };

        Assert.Single(new QuestionGrouper(0.5).Group(questions));
        Assert.Equal(2, new QuestionGrouper(0.95).Group(questions).Count);
    }

    private static InboxQuestion Question(
        long id, string text, string? intent = null, string posting = "research-intern", string channel = "web", int downVotes = 0, int? minutes = null) =>
        new(id, text, channel, posting, intent, intent is null ? 0.3f : 0.55f, intent is null ? "OutOfScope" : "Answered", downVotes,
            T0.AddMinutes(minutes ?? id));
}
