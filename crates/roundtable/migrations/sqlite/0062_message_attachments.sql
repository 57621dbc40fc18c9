-- Files sent with messages. They live in a store of their own (`messages/` in the data
-- folder), each under a random name rather than its content's hash, so that a file goes with
-- its message: when the message expires, is deleted, or its author's account is, the row goes
-- with it and the sweep removes every file no row names.
CREATE TABLE message_attachments (
    id INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    token TEXT NOT NULL UNIQUE,
    filename TEXT NOT NULL,
    size BIGINT NOT NULL,
    media_type TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX message_attachments_message ON message_attachments(message_id);
