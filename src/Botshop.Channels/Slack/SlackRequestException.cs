namespace Botshop.Channels.Slack;

/// <summary>A signed request whose body is not what Slack sends; the endpoint answers 400 and logs <see cref="Reason"/>.</summary>
public sealed class SlackRequestException(string reason) : Exception("Malformed Slack request: " + reason)
{
    public string Reason { get; } = reason;
}
