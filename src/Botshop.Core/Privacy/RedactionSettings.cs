namespace Botshop.Core.Privacy;

/// <summary>Whether candidates' messages are redacted before they are stored and classified; on unless explicitly turned off.</summary>
public sealed record RedactionSettings(bool Enabled = true);
