namespace Botshop.Hosting;

/// <summary>Settings both executables share (section "Botshop").</summary>
public sealed class BotshopHostingOptions
{
    public const string Section = "Botshop";

    /// <summary>The data folder (postings/ and faq/); found automatically when empty.</summary>
    public string? DataPath { get; set; }

    /// <summary>
    /// Base64 key (32 bytes or more) for pseudonymous user references. When empty, a key is generated once and kept
    /// in the application-data folder, so references stay stable across restarts on one machine.
    /// </summary>
    public string? UserHashKey { get; set; }
}
