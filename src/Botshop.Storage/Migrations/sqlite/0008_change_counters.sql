-- Change counters: every replica keeps the knowledge in memory and polls this row (one tiny query) to learn that
-- another replica edited it. Any knowledge write bumps it (KnowledgeStore.BumpVersionAsync).
-- Keep in step with ../postgres/0008_change_counters.sql.
CREATE TABLE change_counters (
    name  TEXT   NOT NULL PRIMARY KEY,   -- what changed: 'knowledge'
    value BIGINT NOT NULL
);
INSERT INTO change_counters (name, value) VALUES ('knowledge', 0);
