using Botshop.Storage.Tests.Infrastructure;

namespace Botshop.Storage.Tests;

// Every behaviour suite on SQLite. A PostgreSQL run adds the same five lines with its own TestDatabase.
public sealed class SqliteMigrationTests : MigrationTests<SqliteTestDatabase>;
public sealed class SqliteKnowledgeStoreTests : KnowledgeStoreTests<SqliteTestDatabase>;
public sealed class SqliteModelVersionStoreTests : ModelVersionStoreTests<SqliteTestDatabase>;
public sealed class SqliteConversationLogTests : ConversationLogTests<SqliteTestDatabase>;
public sealed class SqliteConcurrentWriteTests : ConcurrentWriteTests<SqliteTestDatabase>;
