-- Forums: threads and replies in groups and one network-wide forum.

-- A group may let anonymous visitors read its threads.
ALTER TABLE network_groups ADD COLUMN public_threads BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE threads (
    id INTEGER PRIMARY KEY,
    -- NULL: the network-wide forum.
    group_id INTEGER REFERENCES network_groups(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    pinned BOOLEAN NOT NULL DEFAULT FALSE,
    locked BOOLEAN NOT NULL DEFAULT FALSE,
    hidden BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL,
    last_post_at BIGINT NOT NULL
);
CREATE INDEX threads_group ON threads(group_id, pinned, last_post_at);

CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    thread_id INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    -- What the author wrote (Markdown), and its sanitised HTML, rendered once at writing.
    body TEXT NOT NULL,
    body_html TEXT NOT NULL,
    hidden BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL,
    edited_at BIGINT
);
CREATE INDEX posts_thread ON posts(thread_id, id);
CREATE INDEX posts_author ON posts(author_id, created_at);

-- Earlier versions of edited posts.
CREATE TABLE post_revisions (
    id INTEGER PRIMARY KEY,
    post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    replaced_at BIGINT NOT NULL
);
CREATE INDEX post_revisions_post ON post_revisions(post_id);

CREATE TABLE thread_follows (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    thread_id INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, thread_id)
);

-- The last post each member has read in each thread, for unread markers.
CREATE TABLE thread_reads (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    thread_id INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    last_post_id BIGINT NOT NULL,
    PRIMARY KEY (user_id, thread_id)
);

CREATE TABLE post_reports (
    id INTEGER PRIMARY KEY,
    post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    reporter_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    reason TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    resolved_at BIGINT,
    UNIQUE (post_id, reporter_id)
);
