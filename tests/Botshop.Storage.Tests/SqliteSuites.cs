using Botshop.Storage.Tests.Infrastructure;

namespace Botshop.Storage.Tests;

// Every behaviour suite on SQLite; PostgresSuites.cs runs the same suites on PostgreSQL.
public sealed class SqliteMigrationTests : MigrationTests<SqliteTestDatabase>;
public sealed class SqliteKnowledgeStoreTests : KnowledgeStoreTests<SqliteTestDatabase>;
public sealed class SqliteModelVersionStoreTests : ModelVersionStoreTests<SqliteTestDatabase>;
public sealed class SqliteConversationLogTests : ConversationLogTests<SqliteTestDatabase>;
public sealed class SqliteConcurrentWriteTests : ConcurrentWriteTests<SqliteTestDatabase>;
public sealed class SqliteAuditLogTests : AuditLogTests<SqliteTestDatabase>;
public sealed class SqliteUserStoreTests : UserStoreTests<SqliteTestDatabase>;
public sealed class SqliteConversationQueryTests : ConversationQueryTests<SqliteTestDatabase>;
public sealed class SqliteStoreStampTests : StoreStampTests<SqliteTestDatabase>;
public sealed class SqlitePostingStoreTests : PostingStoreTests<SqliteTestDatabase>;
public sealed class SqliteAnswerDraftStoreTests : AnswerDraftStoreTests<SqliteTestDatabase>;
public sealed class SqliteKnowledgeEditorTests : KnowledgeEditorTests<SqliteTestDatabase>;
public sealed class SqliteInboxStoreTests : InboxStoreTests<SqliteTestDatabase>;
public sealed class SqliteInboxServiceTests : InboxServiceTests<SqliteTestDatabase>;
public sealed class SqliteRetentionPurgeTests : Privacy.RetentionPurgeTests<SqliteTestDatabase>;
public sealed class SqliteMaintenanceRunsTests : Privacy.MaintenanceRunsTests<SqliteTestDatabase>;
public sealed class SqliteCandidateRecordsTests : Privacy.CandidateRecordsTests<SqliteTestDatabase>;
public sealed class SqliteRecruiterReplyStoreTests : Privacy.RecruiterReplyStoreTests<SqliteTestDatabase>;
public sealed class SqliteQueryPlanTests : QueryPlanTests<SqliteTestDatabase>;
public sealed class SqliteTrainingJobStoreTests : TrainingJobStoreTests<SqliteTestDatabase>;
public sealed class SqliteLabelledQuestionStoreTests : LabelledQuestionStoreTests<SqliteTestDatabase>;
public sealed class SqliteMessageSearchTests : MessageSearchTests<SqliteTestDatabase>;
