namespace Botshop.Channels.Slack;

/// <summary>The action_ids our buttons carry; the renderer sets them and the interaction parser reads them.</summary>
public static class SlackActions
{
    public const string FeedbackUp = "feedback_up";
    public const string FeedbackDown = "feedback_down";
    public const string ChooseIntent = "choose_intent";
    public const string ChoosePosting = "choose_posting";
}
