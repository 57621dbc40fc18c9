-- Notifications: what a member should know about, in Roundtable and by mail.

CREATE TABLE notifications (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    -- mention, reply, group, introduction (see notify::Kind).
    kind TEXT NOT NULL,
    -- Who caused it; shown only as the reader may see them.
    actor_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    -- What it is about; deleting that deletes the notification.
    thread_id INTEGER REFERENCES threads(id) ON DELETE CASCADE,
    post_id INTEGER REFERENCES posts(id) ON DELETE CASCADE,
    group_id INTEGER REFERENCES network_groups(id) ON DELETE CASCADE,
    introduction_id INTEGER REFERENCES introductions(id) ON DELETE CASCADE,
    -- A short key saying what happened within the kind (e.g. `requested`, `invited`).
    event TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    read_at BIGINT,
    -- none (no mail), digest (waits for the next digest), sent.
    mail TEXT NOT NULL DEFAULT 'none'
);
CREATE INDEX notifications_user ON notifications(user_id, id);
CREATE INDEX notifications_unread ON notifications(user_id, read_at);
CREATE INDEX notifications_digest ON notifications(mail, user_id);
CREATE INDEX notifications_post ON notifications(post_id);

-- How each member wants each kind by mail: immediate, daily, weekly or never.
CREATE TABLE notification_settings (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    delivery TEXT NOT NULL,
    PRIMARY KEY (user_id, kind)
);

-- When each member's last digest of each frequency went out.
CREATE TABLE notification_digests (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    frequency TEXT NOT NULL,
    sent_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, frequency)
);

-- The secret in the one-click unsubscribe address of every notification mail. It can only
-- turn mail off and must appear in every mail, so it is kept as it is, not hashed.
CREATE TABLE unsubscribe_tokens (
    user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    token TEXT NOT NULL UNIQUE
);

-- The secret address of a member's private feed of their groups: only its SHA-256 is kept,
-- and revoking deletes it.
CREATE TABLE feed_tokens (
    user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);

-- Mail may carry a one-click unsubscribe address (RFC 8058).
ALTER TABLE outbox ADD COLUMN unsubscribe_url TEXT;
