using Botshop.Core.Conversations;

namespace Botshop.Channels.Teams;

/// <summary>What an inbound activity means to Botshop; the endpoint switches on the concrete type.</summary>
public abstract record TeamsInbound(TeamsActivity Activity);

/// <summary>A question to answer: typed text, or a pressed "did you mean" button (<see cref="IncomingMessage.ChosenIntent"/> set).</summary>
public sealed record TeamsQuestion(TeamsActivity Activity, IncomingMessage Message) : TeamsInbound(Activity);

/// <summary>
/// A pressed "which posting" button: bind the conversation to <see cref="PostingId"/>
/// (ConversationService.ChoosePostingAsync), then answer <see cref="Message"/>, which carries the posting and empty-ish text (help).
/// </summary>
public sealed record TeamsPostingChoice(TeamsActivity Activity, string PostingId, IncomingMessage Message) : TeamsInbound(Activity);

/// <summary>A 👍/👎 on one of our answers; <see cref="MessageId"/> is our conversation-log message id.</summary>
public sealed record TeamsFeedback(TeamsActivity Activity, long MessageId, FeedbackVote Vote, string UserRef) : TeamsInbound(Activity);

/// <summary>The bot was added to <see cref="TeamsInbound.Activity"/>'s conversation: send the help reply once.</summary>
public sealed record TeamsWelcome(TeamsActivity Activity, string ConversationId) : TeamsInbound(Activity);

/// <summary>Nothing to do (other activity types, malformed card data, events about other members). Still answered 200.</summary>
public sealed record TeamsIgnored(TeamsActivity Activity, string Reason) : TeamsInbound(Activity);
