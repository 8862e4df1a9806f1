-- Free-text search of logged questions (issue 4: paging stays fast at a million messages). An ILIKE '%word%' reads
-- every question; a pg_trgm GIN index lets the same ILIKE find the few that hold the word (PostgreSQL rechecks each
-- hit, so results are unchanged). The index lives and dies with the row: a deleted or redacted question leaves it
-- with the row's own index entries (vacuum reclaims them as for every index). Needs the pg_trgm extension, shipped
-- with PostgreSQL's contrib; creating it needs the CREATE privilege on the database.
-- Keep in step with ../sqlite/0009_message_search.sql.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS ix_messages_question_trgm ON messages USING gin (question gin_trgm_ops);
