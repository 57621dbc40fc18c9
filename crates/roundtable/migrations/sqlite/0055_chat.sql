-- Conversations: one-to-one ('direct'), small groups a member starts ('group'), a group's
-- chat room ('room') and an event's chat ('event'). Messages disappear timer_ms after they
-- are sent (NULL: kept); every new conversation starts with the same timer, so that a timer
-- says nothing about who is in it.
CREATE TABLE conversations (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('direct', 'group', 'room', 'event')),
    title TEXT NOT NULL DEFAULT '',
    group_id INTEGER UNIQUE REFERENCES network_groups(id) ON DELETE CASCADE,
    event_id INTEGER UNIQUE REFERENCES events(id) ON DELETE CASCADE,
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    timer_ms BIGINT,
    last_message_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);

-- A participant. 'request': a first message from someone new, waiting for this member's
-- answer; 'withheld': refused by this member's setting or a block, which the sender cannot
-- tell from a request still waiting; 'declined'; 'left'.
CREATE TABLE conversation_members (
    conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('owner', 'moderator', 'member')),
    state TEXT NOT NULL CHECK (state IN ('active', 'request', 'withheld', 'declined', 'left')),
    last_read_id BIGINT NOT NULL DEFAULT 0,
    muted BOOLEAN NOT NULL DEFAULT FALSE,
    pinned BOOLEAN NOT NULL DEFAULT FALSE,
    joined_at BIGINT NOT NULL,
    PRIMARY KEY (conversation_id, user_id)
);
CREATE INDEX conversation_members_user ON conversation_members(user_id, state);

-- Deleting an account deletes its messages. reply_to has no reference: the message replied
-- to may have expired.
CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    author_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    reply_to BIGINT,
    body TEXT NOT NULL,
    body_html TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    edited_at BIGINT,
    deleted BOOLEAN NOT NULL DEFAULT FALSE,
    expires_at BIGINT
);
CREATE INDEX messages_conversation ON messages(conversation_id, id);
CREATE INDEX messages_author ON messages(author_id, created_at);
CREATE INDEX messages_expiry ON messages(expires_at) WHERE expires_at IS NOT NULL;

CREATE TABLE blocks (
    blocker_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    blocked_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id)
);
CREATE INDEX blocks_blocked ON blocks(blocked_id);

-- Who may write to a member: 'anyone' who can see them, only people they have a 'tie' with,
-- or 'nobody' (coordinators always can). NULL until the member chooses: 'ties' while they
-- are at risk, 'anyone' otherwise. read_receipts: whether others see how far they have read.
ALTER TABLE users ADD COLUMN messages_from TEXT CHECK (messages_from IN ('anyone', 'ties', 'nobody'));
ALTER TABLE users ADD COLUMN read_receipts BOOLEAN NOT NULL DEFAULT TRUE;

-- The network's longest retention for messages (NULL: as each conversation's timer says).
CREATE TABLE chat_policy (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    max_retention_ms BIGINT,
    updated_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    updated_at BIGINT NOT NULL
);
INSERT INTO chat_policy (id, updated_at) VALUES (1, 0);
