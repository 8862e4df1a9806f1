-- Recruiter workspace: accounts, audit trail, inbox review state, labelled examples, model gate, training jobs,
-- recruiter replies, posting sources and draft answers. Keep in step with ../postgres/0002_recruiter_workspace.sql.

CREATE TABLE users (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    user_name       TEXT    NOT NULL,           -- stored lower-case; the sign-in name
    display_name    TEXT    NOT NULL,
    password_hash   TEXT    NOT NULL,           -- ASP.NET Core Identity's PasswordHasher format
    role            TEXT    NOT NULL CHECK (role IN ('admin', 'recruiter')),
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    lockout_until   INTEGER,                    -- unix ms; null when not locked out
    security_stamp  TEXT    NOT NULL,           -- changes on password or role change: old cookies stop working
    disabled        BOOLEAN NOT NULL DEFAULT FALSE,
    created_at      INTEGER NOT NULL,
    UNIQUE (user_name)
);

-- Who changed what and when, for every recruiter action on knowledge, models, inbox and candidates.
CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      INTEGER NOT NULL,
    actor   TEXT    NOT NULL,                   -- user name, or "cli", or "system"
    action  TEXT    NOT NULL,                   -- e.g. answer.update, example.add, model.promote
    subject TEXT    NOT NULL,                   -- e.g. intent name, "intent/posting", model version id
    detail  TEXT                                -- JSON: before/after or parameters
);
CREATE INDEX ix_audit_log_at ON audit_log (at, id);

-- Inbox: a question needing a human stays open until a recruiter labels, answers, replies to or dismisses it.
ALTER TABLE messages ADD COLUMN review_status TEXT;   -- null (open) | labeled | answered | replied | dismissed
ALTER TABLE messages ADD COLUMN reviewed_by   TEXT;
ALTER TABLE messages ADD COLUMN reviewed_at   INTEGER;
CREATE INDEX ix_messages_review_received ON messages (review_status, received_at, id);
CREATE INDEX ix_messages_confidence ON messages (confidence, received_at, id);
CREATE INDEX ix_feedback_vote ON feedback (vote, message_id);

-- Where a reply can reach the candidate again: Data Protection ciphertext, deleted with the conversation.
ALTER TABLE conversations ADD COLUMN reply_ref TEXT;
CREATE INDEX ix_conversations_user ON conversations (user_ref);
CREATE INDEX ix_messages_user ON messages (user_ref);

-- Examples a recruiter taught from a logged question keep their origin: they form the frozen regression set.
ALTER TABLE examples ADD COLUMN source_message_id INTEGER;
ALTER TABLE examples ADD COLUMN added_by          TEXT;
ALTER TABLE examples ADD COLUMN added_at          INTEGER;

-- Answers may be drafts (drawn from a new posting's passages) that are not served until a recruiter approves.
ALTER TABLE answers ADD COLUMN status     TEXT NOT NULL DEFAULT 'live';   -- live | draft
ALTER TABLE answers ADD COLUMN updated_by TEXT;
ALTER TABLE answers ADD COLUMN updated_at INTEGER;

-- A posting keeps the document it was parsed from, so knowledge export can write it back.
ALTER TABLE postings ADD COLUMN source_name TEXT;     -- file name, e.g. research-intern-london.html
ALTER TABLE postings ADD COLUMN source_text TEXT;
ALTER TABLE postings ADD COLUMN updated_at  INTEGER;

-- Model gate: a version is a candidate until it passes the regression gate; the reason is kept either way.
ALTER TABLE model_versions ADD COLUMN status      TEXT NOT NULL DEFAULT 'promoted';  -- candidate | promoted | rejected
ALTER TABLE model_versions ADD COLUMN gate_report TEXT;   -- JSON: regression scores, tolerance, verdict, reason
ALTER TABLE model_versions ADD COLUMN created_by  TEXT;

-- Retraining runs in the background, one at a time across replicas; progress is polled by the dashboard.
CREATE TABLE training_jobs (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    requested_by     TEXT    NOT NULL,
    requested_at     INTEGER NOT NULL,
    started_at       INTEGER,
    finished_at      INTEGER,
    status           TEXT    NOT NULL,        -- queued | running | promoted | rejected | failed
    progress         TEXT,                    -- latest progress line
    model_version_id INTEGER,
    error            TEXT
);
CREATE INDEX ix_training_jobs_status ON training_jobs (status, id);

-- A recruiter's direct reply to a candidate's question, sent through the question's channel.
CREATE TABLE recruiter_replies (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id      INTEGER NOT NULL REFERENCES messages (id),
    author          TEXT    NOT NULL,
    text            TEXT    NOT NULL,
    sent_at         INTEGER NOT NULL,
    delivery_status TEXT    NOT NULL DEFAULT 'pending',   -- pending | delivered | failed
    delivery_error  TEXT
);
CREATE INDEX ix_recruiter_replies_message ON recruiter_replies (message_id);

-- ASP.NET Core Data Protection keys, shared by every replica (cookies, encrypted reply references).
CREATE TABLE data_protection_keys (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    friendly_name TEXT NOT NULL,
    xml           TEXT NOT NULL
);
