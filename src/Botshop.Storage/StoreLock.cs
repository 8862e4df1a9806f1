namespace Botshop.Storage;

/// <summary>Named locks for writes that must not interleave across processes. Values are stable lock keys.</summary>
internal enum StoreLock
{
    Migrations = 1,
    ModelActivation = 2,
    FirstStart = 8,
    KnowledgeEdits = 5,
    // Jobs that run once across replicas (retention purge, the first Data Protection key): their claims and batches.
    Maintenance = 7,
    // Background retraining: claiming the next queued job.
    TrainingQueue = 3,
}
