using Botshop.Storage.Tests.Infrastructure;

namespace Botshop.Storage.Tests;

// Every behaviour suite on PostgreSQL; skipped unless BOTSHOP_TEST_POSTGRES names a server (run-postgres.sh).
[SkipUnlessEnvironment(PostgresTestDatabase.ServerVariable)]
public sealed class PostgresMigrationTests : MigrationTests<PostgresTestDatabase>;
[SkipUnlessEnvironment(PostgresTestDatabase.ServerVariable)]
public sealed class PostgresKnowledgeStoreTests : KnowledgeStoreTests<PostgresTestDatabase>;
[SkipUnlessEnvironment(PostgresTestDatabase.ServerVariable)]
public sealed class PostgresModelVersionStoreTests : ModelVersionStoreTests<PostgresTestDatabase>;
[SkipUnlessEnvironment(PostgresTestDatabase.ServerVariable)]
public sealed class PostgresConversationLogTests : ConversationLogTests<PostgresTestDatabase>;
[SkipUnlessEnvironment(PostgresTestDatabase.ServerVariable)]
public sealed class PostgresConcurrentWriteTests : ConcurrentWriteTests<PostgresTestDatabase>;
