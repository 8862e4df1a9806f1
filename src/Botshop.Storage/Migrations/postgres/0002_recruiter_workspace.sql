-- Recruiter workspace: accounts, audit trail, inbox review state, labelled examples, model gate, training jobs,
-- recruiter replies, posting sources and draft answers. Keep in step with ../sqlite/0002_recruiter_workspace.sql.

CREATE TABLE users (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_name       TEXT    NOT NULL,           -- stored lower-case; the sign-in name
    display_name    TEXT    NOT NULL,
    password_hash   TEXT    NOT NULL,           -- ASP.NET Core Identity's PasswordHasher format
    role            TEXT    NOT NULL CHECK (role IN ('admin', 'recruiter')),
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    lockout_until   BIGINT,                    -- unix ms; null when not locked out
    security_stamp  TEXT    NOT NULL,           -- changes on password or role change: old cookies stop working
    disabled        BOOLEAN NOT NULL DEFAULT FALSE,
    created_at      BIGINT  NOT NULL,
    UNIQUE (user_name)
);

-- Who changed what and when, for every recruiter action on knowledge, models, inbox and candidates.
CREATE TABLE audit_log (
    id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at      BIGINT  NOT NULL,
    actor   TEXT    NOT NULL,                   -- user name, or "cli", or "system"
    action  TEXT    NOT NULL,                   -- e.g. answer.update, example.add, model.promote
    subject TEXT    NOT NULL,                   -- e.g. intent name, "intent/posting", model version id
    detail  TEXT                                -- JSON: before/after or parameters
);
CREATE INDEX ix_audit_log_at ON audit_log (at, id);

-- Inbox: a question needing a human stays open until a recruiter labels, answers, replies to or dismisses it.
ALTER TABLE messages ADD COLUMN review_status TEXT;   -- null (open) | labeled | answered | replied | dismissed
ALTER TABLE messages ADD COLUMN reviewed_by   TEXT;
ALTER TABLE messages ADD COLUMN reviewed_at   BIGINT;
CREATE INDEX ix_messages_review_received ON messages (review_status, received_at, id);
CREATE INDEX ix_messages_confidence ON messages (confidence, received_at, id);
CREATE INDEX ix_feedback_vote ON feedback (vote, message_id);

-- Where a reply can reach the candidate again: Data Protection ciphertext, deleted with the conversation.
ALTER TABLE conversations ADD COLUMN reply_ref TEXT;
CREATE INDEX ix_conversations_user ON conversations (user_ref);
CREATE INDEX ix_messages_user ON messages (user_ref);

-- Examples a recruiter taught from a logged question keep their origin: they form the frozen regression set.
ALTER TABLE examples ADD COLUMN source_message_id BIGINT;
ALTER TABLE examples ADD COLUMN added_by          TEXT;
ALTER TABLE examples ADD COLUMN added_at          BIGINT;

-- Answers may be drafts (drawn from a new posting's passages) that are not served until a recruiter approves.
ALTER TABLE answers ADD COLUMN status     TEXT NOT NULL DEFAULT 'live';   -- live | draft
ALTER TABLE answers ADD COLUMN updated_by TEXT;
ALTER TABLE answers ADD COLUMN updated_at BIGINT;

-- A posting keeps the document it was parsed from, so knowledge export can write it back.
ALTER TABLE postings ADD COLUMN source_name TEXT;     -- file name, e.g. research-intern-london.html
ALTER TABLE postings ADD COLUMN source_text TEXT;
ALTER TABLE postings ADD COLUMN updated_at  BIGINT;

-- Model gate: a version is a candidate until it passes the regression gate; the reason is kept either way.
ALTER TABLE model_versions ADD COLUMN status      TEXT NOT NULL DEFAULT 'promoted';  -- candidate | promoted | rejected
ALTER TABLE model_versions ADD COLUMN gate_report TEXT;   -- JSON: regression scores, tolerance, verdict, reason
ALTER TABLE model_versions ADD COLUMN created_by  TEXT;

-- Retraining runs in the background, one at a time across replicas; progress is polled by the dashboard.
CREATE TABLE training_jobs (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    requested_by     TEXT    NOT NULL,
    requested_at     BIGINT  NOT NULL,
    started_at       BIGINT,
    finished_at      BIGINT,
    status           TEXT    NOT NULL,        -- queued | running | promoted | rejected | failed
    progress         TEXT,                    -- latest progress line
    model_version_id BIGINT,
    error            TEXT
);
CREATE INDEX ix_training_jobs_status ON training_jobs (status, id);

-- A recruiter's direct reply to a candidate's question, sent through the question's channel.
CREATE TABLE recruiter_replies (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id      BIGINT  NOT NULL REFERENCES messages (id),
    author          TEXT    NOT NULL,
    text            TEXT    NOT NULL,
    sent_at         BIGINT  NOT NULL,
    delivery_status TEXT    NOT NULL DEFAULT 'pending',   -- pending | delivered | failed
    delivery_error  TEXT
);
CREATE INDEX ix_recruiter_replies_message ON recruiter_replies (message_id);

-- ASP.NET Core Data Protection keys, shared by every replica (cookies, encrypted reply references).
CREATE TABLE data_protection_keys (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    friendly_name TEXT NOT NULL,
    xml           TEXT NOT NULL
);
