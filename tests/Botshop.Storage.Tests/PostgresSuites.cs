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
public sealed class PostgresUserStoreTests : UserStoreTests<PostgresTestDatabase>;
public sealed class PostgresConversationQueryTests : ConversationQueryTests<PostgresTestDatabase>;
public sealed class PostgresStoreStampTests : StoreStampTests<PostgresTestDatabase>;
public sealed class PostgresPostingStoreTests : PostingStoreTests<PostgresTestDatabase>;
public sealed class PostgresAnswerDraftStoreTests : AnswerDraftStoreTests<PostgresTestDatabase>;
public sealed class PostgresKnowledgeEditorTests : KnowledgeEditorTests<PostgresTestDatabase>;
public sealed class PostgresInboxStoreTests : InboxStoreTests<PostgresTestDatabase>;
public sealed class PostgresInboxServiceTests : InboxServiceTests<PostgresTestDatabase>;
public sealed class PostgresRetentionPurgeTests : Privacy.RetentionPurgeTests<PostgresTestDatabase>;
public sealed class PostgresMaintenanceRunsTests : Privacy.MaintenanceRunsTests<PostgresTestDatabase>;
public sealed class PostgresCandidateRecordsTests : Privacy.CandidateRecordsTests<PostgresTestDatabase>;
public sealed class PostgresRecruiterReplyStoreTests : Privacy.RecruiterReplyStoreTests<PostgresTestDatabase>;
public sealed class PostgresQueryPlanTests : QueryPlanTests<PostgresTestDatabase>;
public sealed class PostgresTrainingJobStoreTests : TrainingJobStoreTests<PostgresTestDatabase>;
public sealed class PostgresLabelledQuestionStoreTests : LabelledQuestionStoreTests<PostgresTestDatabase>;
public sealed class PostgresMessageSearchTests : MessageSearchTests<PostgresTestDatabase>;
