using Botshop.Core.Audit;
using Botshop.Core.Knowledge;
using Botshop.Core.Knowledge.Editing;
using Botshop.Knowledge.Faq;
using Botshop.Ml;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Botshop.Server.Pages.Admin.Knowledge;

/// <summary>One intent: its topic, example questions, answer per posting (with the citation picker) and history.</summary>
public sealed class IntentModel(KnowledgeEditor editor) : PageModel
{
    private const int HistoryLength = 50;

    [BindProperty(SupportsGet = true)] public string Intent { get; set; } = "";

    /// <summary>A posting without an answer yet, chosen to write one (?posting=ID).</summary>
    [BindProperty(SupportsGet = true, Name = "posting")] public string? NewAnswerPosting { get; set; }

    [BindProperty] public string Topic { get; set; } = "";
    [BindProperty] public string ExampleText { get; set; } = "";
    [BindProperty] public int Position { get; set; }
    [BindProperty] public string PostingId { get; set; } = "";
    [BindProperty] public string AnswerText { get; set; } = "";
    [BindProperty] public List<string> Sources { get; set; } = [];

    [TempData] public string? Message { get; set; }
    public string? Error { get; private set; }

    /// <summary>The form whose edit was refused, so it can show again what was typed.</summary>
    public string? RefusedForm { get; private set; }

    public IntentDetail Detail { get; private set; } = null!;
    public IReadOnlyList<PostingHeader> Postings { get; private set; } = [];
    public IReadOnlyList<AnswerForm> Answers { get; private set; } = [];
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];
    public bool IsOutOfScope => Detail.Name == Core.Knowledge.Intent.OutOfScope;

    /// <summary>Retraining cross-validates in this many folds, so every intent needs at least one example per fold.</summary>
    public static int ExamplesToTrain => new TrainingOptions().Folds;

    /// <summary>What `botshop validate` asks of an intent in data/faq.</summary>
    public static int ExamplesRecommended => FaqValidator.MinExamples;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostTopicAsync(CancellationToken ct) =>
        EditAsync(nameof(OnPostTopicAsync), () => editor.SetTopicAsync(Intent, Topic, Actor, ct), "Topic saved.", ct);

    public Task<IActionResult> OnPostAddExampleAsync(CancellationToken ct) =>
        EditAsync(nameof(OnPostAddExampleAsync), () => editor.AddExampleAsync(Intent, ExampleText, Actor, ct), "Example added; it trains the classifier at the next retraining.", ct);

    public Task<IActionResult> OnPostRemoveExampleAsync(CancellationToken ct) =>
        EditAsync(nameof(OnPostRemoveExampleAsync), () => editor.RemoveExampleAsync(Intent, Position, ExampleText, Actor, ct), "Example removed.", ct);

    public Task<IActionResult> OnPostSaveAnswerAsync(CancellationToken ct) =>
        EditAsync(nameof(OnPostSaveAnswerAsync), () => editor.SetAnswerAsync(Intent, PostingId, AnswerText, Sources, Actor, ct), "Answer saved: candidates get it from now on.", ct);

    public Task<IActionResult> OnPostRemoveAnswerAsync(CancellationToken ct) =>
        EditAsync(nameof(OnPostRemoveAnswerAsync), () => editor.RemoveAnswerAsync(Intent, PostingId, Actor, ct), "Answer removed: candidates asking this are now handed to a recruiter.", ct);

    private string Actor => User.Identity!.Name!;

    // Success redirects (a reload never repeats an edit); a refusal shows the page again with what was typed.
    private async Task<IActionResult> EditAsync(string form, Func<Task> edit, string done, CancellationToken ct)
    {
        try
        {
            await edit();
        }
        catch (KnowledgeEditException e)
        {
            Error = e.Message;
            RefusedForm = form;
            return await LoadAsync(ct) ? Page() : NotFound();
        }
        Message = done;
        return RedirectToPage(new { intent = Intent });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var detail = await editor.GetIntentAsync(Intent, ct);
        if (detail is null) return false;
        Detail = detail;
        if (RefusedForm != nameof(OnPostTopicAsync)) Topic = detail.Topic;
        Postings = await editor.ListPostingsAsync(ct);
        var forms = new List<AnswerForm>();
        foreach (var answer in detail.Answers)
            forms.Add(new AnswerForm(await editor.GetPostingAsync(answer.PostingId, ct), answer.PostingId, answer));
        var chosen = RefusedForm == nameof(OnPostSaveAnswerAsync) ? PostingId : NewAnswerPosting;
        if (!string.IsNullOrEmpty(chosen) && detail.Answers.All(a => a.PostingId != chosen))
            forms.Add(new AnswerForm(await editor.GetPostingAsync(chosen, ct), chosen, null));
        Answers = forms;
        History = await editor.HistoryAsync(Intent, HistoryLength, ct);
        return true;
    }

    /// <summary>True when this posting's answer form was the one refused: it shows what was typed, not what is stored.</summary>
    public bool Refused(string postingId) => RefusedForm == nameof(OnPostSaveAnswerAsync) && PostingId == postingId;

    public bool ExampleRefused => RefusedForm == nameof(OnPostAddExampleAsync);

    /// <summary>What the page needs to edit one posting's answer: the posting as stored now (null when it is gone).</summary>
    public sealed record AnswerForm(Posting? Posting, string PostingId, AnswerEntry? Answer);
}
