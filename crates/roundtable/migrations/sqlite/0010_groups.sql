-- Groups: communities of practice, country groups and working groups, with their members.

CREATE TABLE network_groups (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    purpose TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('community_of_practice', 'country', 'working_group')),
    access TEXT NOT NULL CHECK (access IN ('open', 'closed', 'secret')),
    -- Name and purpose shown to the public (never for secret groups).
    listed_publicly BOOLEAN NOT NULL DEFAULT FALSE,
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CHECK (NOT (access = 'secret' AND listed_publicly))
);
CREATE UNIQUE INDEX network_groups_name ON network_groups(lower(name));

CREATE TABLE group_members (
    group_id INTEGER NOT NULL REFERENCES network_groups(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'moderator')),
    status TEXT NOT NULL CHECK (status IN ('active', 'requested', 'invited')),
    added_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_user ON group_members(user_id, status);
