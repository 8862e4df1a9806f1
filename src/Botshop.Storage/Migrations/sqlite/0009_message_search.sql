-- Free-text search of logged questions (issue 4: paging stays fast at a million messages). A LIKE '%word%' reads
-- every question; an FTS5 trigram index finds the few that hold the word. External content: the index keeps no copy
-- of the text, only its trigrams and their positions, which would rebuild it, so triggers keep it in step with
-- messages and 'secure-delete' makes a delete remove a row's entries from the index at once (not at a later
-- merge): nothing of a forgotten or purged question survives in it. ConversationQuery still checks every hit with
-- the LIKE, so results are exactly what the LIKE alone returned. Keep in step with ../postgres/0009_message_search.sql.
CREATE VIRTUAL TABLE IF NOT EXISTS messages_fts USING fts5 (
    question,
    content = 'messages', content_rowid = 'id',
    tokenize = 'trigram case_sensitive 0',
    detail = full
);
INSERT INTO messages_fts (messages_fts, rank) VALUES ('secure-delete', 1);

CREATE TRIGGER IF NOT EXISTS messages_fts_insert AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts (rowid, question) VALUES (new.id, new.question);
END;
CREATE TRIGGER IF NOT EXISTS messages_fts_delete AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, question) VALUES ('delete', old.id, old.question);
END;
CREATE TRIGGER IF NOT EXISTS messages_fts_update AFTER UPDATE OF question ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, question) VALUES ('delete', old.id, old.question);
    INSERT INTO messages_fts (rowid, question) VALUES (new.id, new.question);
END;

-- Index the questions already logged (a fresh index: rebuild reads them from the content table).
INSERT INTO messages_fts (messages_fts) VALUES ('rebuild');
