-- Updates on an initiative, in Markdown, by those who keep it, with files through the
-- library's file store (content-addressed, checked and scrubbed as uploads are). An
-- update and its files are seen by whoever may see the initiative, and by nobody else:
-- every page and download asks the initiative's rule again.
CREATE TABLE initiative_updates (
    id INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    body_html TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX initiative_updates_of ON initiative_updates (initiative_id, created_at);
CREATE TABLE initiative_update_files (
    id INTEGER PRIMARY KEY,
    update_id INTEGER NOT NULL REFERENCES initiative_updates(id) ON DELETE CASCADE,
    sha256 TEXT NOT NULL REFERENCES library_files(sha256),
    filename TEXT NOT NULL,
    size BIGINT NOT NULL,
    media_type TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX initiative_update_files_of ON initiative_update_files (update_id);
CREATE INDEX initiative_update_files_file ON initiative_update_files (sha256);
