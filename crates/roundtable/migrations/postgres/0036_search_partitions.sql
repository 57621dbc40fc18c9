-- The search index is split by ranges of document ids, each range a partition with its own
-- GIN index, so that a search through the newest documents reads only their part of the
-- index instead of every entry of a common word (see `search::partitions`). The
-- application creates the ranges ahead of the ids it hands out; a row beyond them lands in
-- the default partition until housekeeping moves it into its range. The index is emptied
-- and rebuilt when the server starts.
--
-- A unique key over (kind, ref_id, audience) would have to include the id to be enforced
-- across partitions, which would make it useless: re-indexing one item deletes and inserts
-- under a lock per item instead (`search::lock_item`).
DROP TABLE search_docs;
CREATE SEQUENCE search_docs_id_seq;
CREATE TABLE search_docs (
    id BIGINT NOT NULL DEFAULT nextval('search_docs_id_seq'),
    -- member | organisation | post | resource
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
    words TSVECTOR NOT NULL,
    PRIMARY KEY (id)
) PARTITION BY RANGE (id);
ALTER SEQUENCE search_docs_id_seq OWNED BY search_docs.id;
CREATE TABLE search_docs_default PARTITION OF search_docs DEFAULT;
CREATE INDEX search_docs_ref ON search_docs(kind, ref_id);
CREATE INDEX search_docs_thread ON search_docs(thread_id);
-- New entries wait in a pending list that every search reads whole until it is merged:
-- kept short (256 kB instead of 4 MB), and merged by housekeeping and after a rebuild.
CREATE INDEX search_docs_words ON search_docs USING GIN (words) WITH (gin_pending_list_limit = 256);
