-- New messages in a conversation: one notice per conversation until it is read. It goes with
-- the conversation.
ALTER TABLE notifications ADD COLUMN conversation_id INTEGER REFERENCES conversations(id) ON DELETE CASCADE;
CREATE INDEX notifications_conversation ON notifications(conversation_id, user_id) WHERE conversation_id IS NOT NULL;
