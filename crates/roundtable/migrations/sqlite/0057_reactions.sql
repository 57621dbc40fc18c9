-- Reactions to messages: one of a small set, at most one of each per person and message.
-- They go with their message (its expiry, its deletion) and with their author's account.
CREATE TABLE message_reactions (
    message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    reaction TEXT NOT NULL CHECK (reaction IN ('agree', 'thanks', 'support', 'important', 'done')),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (message_id, user_id, reaction)
);
CREATE INDEX message_reactions_user ON message_reactions(user_id, created_at);
