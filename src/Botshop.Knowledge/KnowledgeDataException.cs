namespace Botshop.Knowledge;

/// <summary>A data file that cannot be read or is invalid: a user's mistake, reported in one line with its file.</summary>
public sealed class KnowledgeDataException(string message, Exception? inner = null) : Exception(message, inner);
