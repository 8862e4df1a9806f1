-- Inbox: the open declined and ambiguous questions, newest first, found without walking the answered ones.
-- A partial index: the inbox query names these kinds as literals so both engines can use it.
-- Keep in step with ../postgres/0005_inbox.sql.
CREATE INDEX ix_messages_open_declined ON messages (received_at, id)
    WHERE review_status IS NULL AND reply_kind IN ('NotInPosting', 'OutOfScope', 'Ambiguous');

