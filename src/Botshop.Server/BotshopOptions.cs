namespace Botshop.Server;

/// <summary>Settings of the server itself (section "Botshop"; the shared ones are in BotshopHostingOptions).</summary>
public sealed class BotshopOptions
{
    public const string Section = "Botshop";

    /// <summary>How many replies are answered and delivered at once.</summary>
    public int ReplyWorkers { get; set; } = 8;

    /// <summary>Largest request body accepted on any endpoint, in bytes.</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;
}
