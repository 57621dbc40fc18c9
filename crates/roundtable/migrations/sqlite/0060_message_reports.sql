-- A report of one message, to those who moderate where it was said: a group's chat room to
-- the group's moderators, every other conversation to coordinators. Nobody may read a
-- conversation they are not in, so the report carries a copy of that message alone; the copy
-- goes when the report is settled, when its author's account is deleted, and at the latest
-- at expires_at (swept with expired messages).
CREATE TABLE message_reports (
    id INTEGER PRIMARY KEY,
    -- No reference: the message may expire or be deleted before the report is settled.
    message_id BIGINT NOT NULL,
    conversation_id BIGINT NOT NULL,
    group_id INTEGER REFERENCES network_groups(id) ON DELETE CASCADE,
    author_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    reporter_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    body_html TEXT NOT NULL,
    sent_at BIGINT NOT NULL,
    reason TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    UNIQUE (message_id, reporter_id)
);
CREATE INDEX message_reports_group ON message_reports(group_id);
CREATE INDEX message_reports_expiry ON message_reports(expires_at);
