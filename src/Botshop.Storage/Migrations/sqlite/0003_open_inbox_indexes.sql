-- The questions waiting for a human, in two small partial indexes: only unreviewed rows that need one are in them,
-- so counting or listing the open inbox reads about as many entries as are open, not the whole log.
-- Keep in step with the other engine's 0003_open_inbox_indexes.sql; the predicates must match the queries' text
-- (Botshop.Storage.Conversations.OpenInbox) for the planner to use them.
CREATE INDEX ix_messages_open_handed_off ON messages (received_at, id)
    WHERE review_status IS NULL AND reply_kind IN ('NotInPosting', 'OutOfScope', 'Ambiguous');
CREATE INDEX ix_messages_open_answered ON messages (confidence, received_at, id)
    WHERE review_status IS NULL AND reply_kind = 'Answered';
