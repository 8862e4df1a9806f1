-- Postings workspace: knowledge export writes intents back to their FAQ file, and stale citations keep what the
-- removed passage said. Keep in step with ../sqlite/0006_posting_history.sql.

-- The FAQ file an intent came from (e.g. logistics.yaml); null for intents made in the workspace.
ALTER TABLE intents ADD COLUMN source_file TEXT;

-- Passages a posting update removed: the text a stale citation pointed at, to suggest the closest current passage.
-- No foreign key: like answers, they outlive what they describe.
CREATE TABLE retired_passages (
    posting_id TEXT    NOT NULL,
    id         TEXT    NOT NULL,
    section    TEXT    NOT NULL,
    text       TEXT    NOT NULL,
    retired_at BIGINT  NOT NULL,
    PRIMARY KEY (posting_id, id)
);
