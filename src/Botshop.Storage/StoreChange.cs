namespace Botshop.Storage;

/// <summary>What changed in the store that every replica keeps in memory.</summary>
public enum StoreChange
{
    /// <summary>Another model version became the active one.</summary>
    Model,

    /// <summary>Postings, intents, examples or answers were edited.</summary>
    Knowledge,
}
