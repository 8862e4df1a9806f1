namespace Botshop.Core.Audit;

/// <summary>The audit log's verbs for knowledge edits and inbox decisions, in one place so pages can filter on them.</summary>
public static class AuditActions
{
    public const string IntentCreate = "intent.create";
    public const string IntentTopic = "intent.topic";
    public const string ExampleAdd = "example.add";
    public const string ExampleRemove = "example.remove";
    public const string AnswerUpdate = "answer.update";
    public const string AnswerRemove = "answer.remove";
    public const string InboxLabel = "inbox.label";
    public const string InboxAnswer = "inbox.answer";
    public const string InboxReply = "inbox.reply";
    public const string InboxDismiss = "inbox.dismiss";
}
