-- Files attached to forum posts, stored once by content with the library's files.
CREATE TABLE post_attachments (
    id INTEGER PRIMARY KEY,
    post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    sha256 TEXT NOT NULL REFERENCES library_files(sha256),
    filename TEXT NOT NULL,
    size BIGINT NOT NULL,
    media_type TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX post_attachments_post ON post_attachments(post_id);
CREATE INDEX post_attachments_file ON post_attachments(sha256);
