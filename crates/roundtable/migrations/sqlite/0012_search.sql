-- One search index over members, organisations and forum posts. Text is split into words
-- by the application (ICU4X, right for Thai) and stored as space-separated words.

CREATE TABLE search_docs (
    id INTEGER PRIMARY KEY,
    -- member | organisation | post
    kind TEXT NOT NULL,
    ref_id BIGINT NOT NULL,
    -- Members: the audience whose view of the profile this is (public, members,
    -- coordinators). Everything else: the least audience that may see it.
    audience TEXT NOT NULL,
    group_id BIGINT,
    thread_id BIGINT,
    country TEXT,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (kind, ref_id, audience)
);
CREATE INDEX search_docs_ref ON search_docs(kind, ref_id);

CREATE VIRTUAL TABLE search_fts USING fts5(words, content='', contentless_delete=1);
