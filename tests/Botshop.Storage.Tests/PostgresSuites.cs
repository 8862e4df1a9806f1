using Botshop.Storage.Tests.Infrastructure;

namespace Botshop.Storage.Tests;

// Every behaviour suite on PostgreSQL, on the server BOTSHOP_TEST_POSTGRES names. The README's test command starts
// one; without it these fail (never skip), so a green run always means PostgreSQL was tested.
public sealed class PostgresMigrationTests : MigrationTests<PostgresTestDatabase>;
public sealed class PostgresKnowledgeStoreTests : KnowledgeStoreTests<PostgresTestDatabase>;
public sealed class PostgresModelVersionStoreTests : ModelVersionStoreTests<PostgresTestDatabase>;
public sealed class PostgresConversationLogTests : ConversationLogTests<PostgresTestDatabase>;
public sealed class PostgresConcurrentWriteTests : ConcurrentWriteTests<PostgresTestDatabase>;
public sealed class PostgresAuditLogTests : AuditLogTests<PostgresTestDatabase>;
public sealed class PostgresTrainingJobStoreTests : TrainingJobStoreTests<PostgresTestDatabase>;
public sealed class PostgresLabelledQuestionStoreTests : LabelledQuestionStoreTests<PostgresTestDatabase>;
