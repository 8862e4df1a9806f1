using Botshop.Core.Answering;

namespace Botshop.Server.Chat;

/// <summary>A question from the web chat. ConversationId is a random token the page keeps for its session.</summary>
public sealed record ChatQuestion(string? PostingId, string? ConversationId, string? Text, string? ChosenIntent);

public sealed record ChatFeedback(long MessageId, string? Vote, string? ConversationId);

public sealed record ChatPosting(string Id, string Title, IReadOnlyList<string> Locations);

public sealed record ChatAnswer(
    long MessageId,
    string Kind,
    bool Answered,
    string Text,
    string? Intent,
    float Confidence,
    IReadOnlyList<ChatSource> Sources,
    IReadOnlyList<ChatChoice> Choices)
{
    public static ChatAnswer From(long messageId, Reply reply) => new(
        messageId,
        reply.Kind.ToString(),
        reply.Answered,
        reply.Text,
        reply.Intent,
        reply.Confidence,
        reply.Sources.Select(s => new ChatSource(s.Id, s.Section, s.Text)).ToList(),
        reply.Choices.Select(c => new ChatChoice(c.Label, c.Value)).ToList());
}

public sealed record ChatSource(string Id, string Section, string Text);

public sealed record ChatChoice(string Label, string Value);
