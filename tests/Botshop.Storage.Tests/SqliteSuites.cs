using Botshop.Storage.Tests.Infrastructure;

namespace Botshop.Storage.Tests;

// Every behaviour suite on SQLite; PostgresSuites.cs runs the same suites on PostgreSQL.
public sealed class SqliteMigrationTests : MigrationTests<SqliteTestDatabase>;
public sealed class SqliteKnowledgeStoreTests : KnowledgeStoreTests<SqliteTestDatabase>;
public sealed class SqliteModelVersionStoreTests : ModelVersionStoreTests<SqliteTestDatabase>;
public sealed class SqliteConversationLogTests : ConversationLogTests<SqliteTestDatabase>;
public sealed class SqliteConcurrentWriteTests : ConcurrentWriteTests<SqliteTestDatabase>;
public sealed class SqliteAuditLogTests : AuditLogTests<SqliteTestDatabase>;
public sealed class SqliteTrainingJobStoreTests : TrainingJobStoreTests<SqliteTestDatabase>;
public sealed class SqliteLabelledQuestionStoreTests : LabelledQuestionStoreTests<SqliteTestDatabase>;
