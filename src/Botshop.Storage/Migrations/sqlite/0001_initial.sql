-- Botshop schema, SQLite. Timestamps are INTEGER unix milliseconds (UTC); lists are JSON arrays in TEXT.
-- Keep in step with ../postgres/0001_initial.sql: same tables, columns and indexes.

-- Knowledge: replaced as a whole by an import.
CREATE TABLE postings (
    id           TEXT NOT NULL PRIMARY KEY,
    title        TEXT NOT NULL,
    locations    TEXT NOT NULL,            -- JSON array of strings
    content_hash TEXT NOT NULL
);

CREATE TABLE passages (
    posting_id TEXT    NOT NULL REFERENCES postings (id) ON DELETE CASCADE,
    id         TEXT    NOT NULL,
    position   INTEGER NOT NULL,           -- order within the posting as imported
    section    TEXT    NOT NULL,
    text       TEXT    NOT NULL,
    ordinal    INTEGER NOT NULL,           -- Passage.Order
    PRIMARY KEY (posting_id, id),
    UNIQUE (posting_id, position)
);

CREATE TABLE intents (
    name  TEXT NOT NULL PRIMARY KEY,
    topic TEXT NOT NULL
);

CREATE TABLE examples (
    intent_name TEXT    NOT NULL REFERENCES intents (name) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    text        TEXT    NOT NULL,
    PRIMARY KEY (intent_name, position)
);

-- No foreign key to postings: the store keeps exactly what was imported, even an answer for a retired posting.
CREATE TABLE answers (
    intent_name TEXT NOT NULL REFERENCES intents (name) ON DELETE CASCADE,
    posting_id  TEXT NOT NULL,
    text        TEXT NOT NULL,
    source_ids  TEXT NOT NULL,             -- JSON array of passage ids
    PRIMARY KEY (intent_name, posting_id)
);

-- Models: exactly one active, guarded by the partial unique index and switched in one transaction.
CREATE TABLE model_versions (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at       INTEGER NOT NULL,
    trainer          TEXT    NOT NULL,
    threshold        REAL    NOT NULL,
    ambiguity_margin REAL    NOT NULL,
    data_hash        TEXT    NOT NULL,
    report           TEXT    NOT NULL,     -- EvaluationReport as JSON
    model_bytes      BLOB    NOT NULL,
    is_active        BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE UNIQUE INDEX ux_model_versions_one_active ON model_versions (is_active) WHERE is_active;

-- Conversations and messages: history, so no foreign keys into the replaceable knowledge.
CREATE TABLE conversations (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    channel          TEXT    NOT NULL,
    external_id      TEXT    NOT NULL,     -- the channel's conversation id
    user_ref         TEXT,                 -- pseudonymous starter; null when created by binding a posting
    posting_id       TEXT,                 -- the chosen or bound posting
    created_at       INTEGER NOT NULL,
    last_activity_at INTEGER NOT NULL,
    UNIQUE (channel, external_id)
);

CREATE TABLE messages (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id INTEGER NOT NULL REFERENCES conversations (id),
    channel         TEXT    NOT NULL,
    external_id     TEXT,                  -- platform delivery id; null (CLI, web) is never a duplicate
    user_ref        TEXT    NOT NULL,
    question        TEXT    NOT NULL,
    posting_id      TEXT,
    intent          TEXT,
    confidence      REAL,
    answered        BOOLEAN,
    reply_kind      TEXT,
    answer_text     TEXT,
    source_ids      TEXT,                  -- JSON array of cited passage ids
    latency_ms      REAL,
    model_version   TEXT,
    received_at     INTEGER NOT NULL,
    replied_at      INTEGER,
    delivery_status TEXT    NOT NULL DEFAULT 'pending',  -- pending | delivered | failed
    delivery_error  TEXT,
    UNIQUE (channel, external_id)          -- exactly-once: a retried delivery conflicts here
);
-- The dashboard pages by (received_at, id) as a keyset, optionally filtered by one of these columns.
CREATE INDEX ix_messages_received ON messages (received_at, id);
CREATE INDEX ix_messages_posting_received ON messages (posting_id, received_at, id);
CREATE INDEX ix_messages_channel_received ON messages (channel, received_at, id);
CREATE INDEX ix_messages_answered_received ON messages (answered, received_at, id);
CREATE INDEX ix_messages_intent_received ON messages (intent, received_at, id);
CREATE INDEX ix_messages_kind_received ON messages (reply_kind, received_at, id);
CREATE INDEX ix_messages_conversation ON messages (conversation_id, id);

CREATE TABLE feedback (
    message_id INTEGER NOT NULL REFERENCES messages (id),
    user_ref   TEXT    NOT NULL,
    vote       INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    voted_at   INTEGER NOT NULL,
    PRIMARY KEY (message_id, user_ref)     -- a user re-voting replaces their vote
);
