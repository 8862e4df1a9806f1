namespace Botshop.Core.Knowledge.Editing;

/// <summary>An edit the knowledge refuses, with a reason a recruiter can act on (shown as is on the page).</summary>
public sealed class KnowledgeEditException(string message) : Exception(message);
