-- What a coordinator's desk reads on every visit, without scanning whole tables: the
-- requests to join groups (a few among many memberships) and the newest accounts.
CREATE INDEX group_members_requested ON group_members(group_id) WHERE status = 'requested';
CREATE INDEX users_created ON users(created_at);
