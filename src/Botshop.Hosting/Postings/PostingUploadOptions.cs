namespace Botshop.Hosting.Postings;

/// <summary>Limits on posting uploads (section "Postings").</summary>
public sealed class PostingUploadOptions
{
    public const string Section = "Postings";

    /// <summary>The largest document accepted, in bytes: a posting is text, so 1 MiB leaves room for exported HTML.</summary>
    public long MaxUploadBytes { get; set; } = 1024 * 1024;
}
