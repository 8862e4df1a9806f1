using Botshop.Core.Inbox;
using Botshop.Core.Knowledge;
using Botshop.Core.Knowledge.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Botshop.Server.Pages.Admin.Inbox;

/// <summary>
/// The questions that need a human, grouped so one decision covers many: label them to an intent, answer them with
/// a new intent, reply to the candidates, or dismiss them. Each decision applies to the ticked questions of a group.
/// </summary>
public sealed class IndexModel(InboxService inbox, KnowledgeEditor editor) : PageModel
{
    /// <summary>Separates posting and passage in a citation checkbox's value: one picker per posting of the group.</summary>
    public const string SourceSeparator = "::";

    /// <summary>The largest groups first, this many to a page: each carries its own forms and citation pickers.</summary>
    public const int GroupsShown = 30;

    public InboxView View { get; private set; } = null!;
    public IReadOnlyList<IntentSummary> Intents { get; private set; } = [];
    public IReadOnlyDictionary<string, PostingHeader> PostingHeaders { get; private set; } = new Dictionary<string, PostingHeader>();
    public IReadOnlyDictionary<string, Posting> Passages { get; private set; } = new Dictionary<string, Posting>();
    public bool CanReply => inbox.CanReply;

    [BindProperty] public List<long> Selected { get; set; } = [];
    /// <summary>The group the decision was taken in (its first question), to show a refusal next to it.</summary>
    [BindProperty] public long Group { get; set; }
    [BindProperty] public string LabelIntent { get; set; } = "";
    [BindProperty] public bool Move { get; set; }
    [BindProperty] public string NewName { get; set; } = "";
    [BindProperty] public string NewTopic { get; set; } = "";
    [BindProperty] public string PostingId { get; set; } = "";
    [BindProperty] public string AnswerText { get; set; } = "";
    [BindProperty] public List<string> Sources { get; set; } = [];
    [BindProperty] public string ReplyText { get; set; } = "";

    [TempData] public string? Message { get; set; }
    public string? Error { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostLabelAsync(CancellationToken ct) => DecideAsync(async () =>
        InboxOutcomeText.Labeled(await inbox.LabelAsync(Selected, LabelIntent, Move, Actor, ct), LabelIntent), ct);

    public Task<IActionResult> OnPostAnswerAsync(CancellationToken ct) => DecideAsync(async () =>
    {
        var sources = Sources.Where(s => s.StartsWith(PostingId + SourceSeparator, StringComparison.Ordinal))
            .Select(s => s[(PostingId.Length + SourceSeparator.Length)..]);
        var outcome = await inbox.AnswerAsync(Selected, NewName, NewTopic, PostingId, AnswerText, sources, Move, Actor, ct);
        if (outcome.Taken.Count == 0)
            throw new KnowledgeEditException(InboxOutcomeText.NothingCreated(outcome));
        return InboxOutcomeText.Answered(outcome, NewName.Trim(), PostingId);
    }, ct);

    public Task<IActionResult> OnPostReplyAsync(CancellationToken ct) => DecideAsync(async () =>
        InboxOutcomeText.Replied(await inbox.ReplyAsync(Selected, ReplyText, Actor, ct)), ct);

    public Task<IActionResult> OnPostDismissAsync(CancellationToken ct) => DecideAsync(async () =>
        InboxOutcomeText.Dismissed(await inbox.DismissAsync(Selected, Actor, ct)), ct);

    private string Actor => User.Identity!.Name!;

    private async Task<IActionResult> DecideAsync(Func<Task<string>> decide, CancellationToken ct)
    {
        try
        {
            Message = await decide();
        }
        catch (KnowledgeEditException e)
        {
            Error = e.Message;
            await LoadAsync(ct);
            return Page();
        }
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        View = await inbox.ListAsync(ct);
        Intents = await editor.ListIntentsAsync(null, ct);
        PostingHeaders = (await editor.ListPostingsAsync(ct)).ToDictionary(p => p.Id);
        var passages = new Dictionary<string, Posting>();
        foreach (var id in Shown.SelectMany(g => g.Postings).Distinct())
            if (await editor.GetPostingAsync(id, ct) is { } posting) passages[id] = posting;
        Passages = passages;
    }

    /// <summary>A name to start from for a new intent: the group's telling words, as a slug.</summary>
    public static string SuggestedName(QuestionGroup group) =>
        string.Join('_', group.KeyTerms.Take(2).Select(t => new string(t.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant()).Where(t => t.Length > 0));

    public IEnumerable<QuestionGroup> Shown => View.Groups.Take(GroupsShown);

    public string PostingTitle(string id) => PostingHeaders.TryGetValue(id, out var p) ? p.Title : id;

    public bool IsRefused(QuestionGroup group) => Error is not null && group.Questions[0].MessageId == Group;
}
