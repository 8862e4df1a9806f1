-- Candidate privacy: the per-question reply address, bookkeeping for jobs that must run once across replicas, and
-- the index forget-me needs. Keep in step with ../postgres/0007_privacy.sql.

-- Where a recruiter's reply to this question goes (Slack thread, Teams activity, or a DM for an /ask question):
-- Data Protection ciphertext, deleted with the message. conversations.reply_ref holds the conversation's part.
ALTER TABLE messages ADD COLUMN reply_ref TEXT;

-- The last run of a background job (retention purge, first Data Protection key), claimed under a store lock, so
-- two replicas do not both run it in the same interval.
CREATE TABLE maintenance_runs (
    job         TEXT    NOT NULL PRIMARY KEY,   -- e.g. retention-purge
    started_at  INTEGER NOT NULL,
    finished_at INTEGER,
    detail      TEXT                            -- JSON: what the run did
);

-- Forget-me removes the votes a candidate cast on others' messages too.
CREATE INDEX ix_feedback_user ON feedback (user_ref);
