-- The text index of 0009 takes new questions in batches instead of inside each logging write (issue 3's event path:
-- one FTS5 insert per acknowledgement's commit writes a new index segment each time, which halved SQLite's ingest
-- rate). QuestionSearchIndex copies the questions above indexed_through into messages_fts and moves the mark, in
-- one write; searches read the index for rows up to the mark and test the few rows above it directly, so results
-- stay exact. Delete and rewrite still reach the index at once (secure-delete), but only for rows it holds: a
-- 'delete' for a row never indexed would corrupt an external-content FTS5 index. AUTOINCREMENT ids are never
-- reused, so a row above the mark was never indexed. PostgreSQL's pg_trgm index needs none of this.
CREATE TABLE IF NOT EXISTS message_search_progress (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    indexed_through INTEGER NOT NULL
);
-- Everything logged so far is indexed already (0009's triggers ran in the same writes).
INSERT OR IGNORE INTO message_search_progress (id, indexed_through) SELECT 1, COALESCE(MAX(id), 0) FROM messages;

DROP TRIGGER IF EXISTS messages_fts_insert;
DROP TRIGGER IF EXISTS messages_fts_delete;
DROP TRIGGER IF EXISTS messages_fts_update;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages
WHEN old.id <= (SELECT indexed_through FROM message_search_progress WHERE id = 1) BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, question) VALUES ('delete', old.id, old.question);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF question ON messages
WHEN old.id <= (SELECT indexed_through FROM message_search_progress WHERE id = 1) BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, question) VALUES ('delete', old.id, old.question);
    INSERT INTO messages_fts (rowid, question) VALUES (new.id, new.question);
END;
