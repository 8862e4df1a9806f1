namespace Botshop.Knowledge.Postings;

/// <summary>
/// Optional sidecar "NAME.meta.yaml" beside a posting file, for what the document itself does not state
/// (a title, locations). Anything it leaves out is taken from the document.
/// </summary>
public sealed class PostingMetadata
{
    public string? Title { get; set; }
    public List<string>? Locations { get; set; }
}
