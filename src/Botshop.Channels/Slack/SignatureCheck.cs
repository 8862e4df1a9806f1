namespace Botshop.Channels.Slack;

/// <summary>Outcome of a request-signature check; <see cref="Reason"/> is for logs and never holds the secret.</summary>
public sealed record SignatureCheck(bool IsValid, string Reason)
{
    public static readonly SignatureCheck Valid = new(true, "valid");
    public static SignatureCheck Fail(string reason) => new(false, reason);
}
