using Botshop.Core.Knowledge.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Botshop.Server.Pages.Admin.Knowledge;

/// <summary>The intents: what each is about, how many examples train it, which postings it answers; search and create.</summary>
public sealed class IndexModel(KnowledgeEditor editor) : PageModel
{
    public IReadOnlyList<IntentSummary> Intents { get; private set; } = [];
    public IReadOnlyDictionary<string, string> PostingTitles { get; private set; } = new Dictionary<string, string>();

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public string Topic { get; set; } = "";

    [TempData] public string? Message { get; set; }
    public string? Error { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        try
        {
            await editor.CreateIntentAsync(Name, Topic, User.Identity!.Name!, ct);
        }
        catch (KnowledgeEditException e)
        {
            Error = e.Message;
            await LoadAsync(ct);
            return Page();
        }
        Message = $"Created '{Name.Trim()}'. Add example questions and answers below; it is predicted after the next retraining.";
        return RedirectToPage("Intent", new { intent = Name.Trim() });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Intents = await editor.ListIntentsAsync(Search, ct);
        PostingTitles = (await editor.ListPostingsAsync(ct)).ToDictionary(p => p.Id, p => p.Title);
    }
}
