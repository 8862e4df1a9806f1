namespace Botshop.Storage;

/// <summary>Named locks for writes that must not interleave across processes. Values are stable lock keys.</summary>
internal enum StoreLock
{
    Migrations = 1,
    ModelActivation = 2,
    TrainingQueue = 3,
}
