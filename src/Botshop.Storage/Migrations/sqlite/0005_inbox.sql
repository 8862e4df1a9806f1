-- Inbox: open questions found without walking the answered ones (InboxStore.OpenQuestionsSql). Partial indexes: the
-- query names the reply kinds as literals so both engines can use them. Keep in step with ../postgres/0005_inbox.sql.

-- Declined and ambiguous questions by review state, newest first: the open ones are one range, already in order.
CREATE INDEX ix_messages_declined_review ON messages (review_status, received_at, id)
    WHERE reply_kind IN ('NotInPosting', 'OutOfScope', 'Ambiguous');

-- Answers by review state and confidence: the open ones below a bound are one range, however many answers there are.
CREATE INDEX ix_messages_answered_review_confidence ON messages (review_status, confidence)
    WHERE reply_kind = 'Answered';

-- Voted down by any candidate: kept on the message by ConversationLog.RecordFeedbackAsync, so the open voted-down
-- questions are one index range too, instead of a lookup of every voted-down message ever.
ALTER TABLE messages ADD COLUMN down_voted BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE messages SET down_voted = TRUE WHERE id IN (SELECT message_id FROM feedback WHERE vote = -1);
CREATE INDEX ix_messages_down_voted_review ON messages (review_status, received_at, id) WHERE down_voted;
