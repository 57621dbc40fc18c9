-- The resource library: resources (a file or a link), their versions, their tags (topics,
-- languages, countries) and the files themselves, stored once per content.

-- One row per stored content; the bytes live in <data_dir>/files/ab/cdef… (SHA-256).
CREATE TABLE library_files (
    sha256 TEXT PRIMARY KEY,
    size BIGINT NOT NULL,
    media_type TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE resources (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    summary_html TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('training_material', 'guide', 'case_study', 'law', 'report', 'presentation', 'recording')),
    organisation_id INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
    -- YYYY-MM-DD, when the resource itself was published.
    published_on TEXT,
    licence TEXT NOT NULL CHECK (licence IN ('cc-by', 'cc-by-sa', 'cc-by-nc', 'all-rights-reserved', 'public-domain')),
    -- An external http(s) address; NULL for a resource that is a file (see resource_versions).
    link TEXT,
    access TEXT NOT NULL CHECK (access IN ('public', 'members', 'group')),
    group_id INTEGER REFERENCES network_groups(id) ON DELETE CASCADE,
    -- Translations of one resource share a family (the id of the first of them).
    family_id BIGINT NOT NULL,
    -- Downloads of any version, counted per resource and never per person.
    downloads BIGINT NOT NULL DEFAULT 0,
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CHECK ((access = 'group') = (group_id IS NOT NULL))
);
CREATE INDEX resources_family ON resources(family_id);
CREATE INDEX resources_group ON resources(group_id);

CREATE TABLE resource_versions (
    id INTEGER PRIMARY KEY,
    resource_id INTEGER NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
    sha256 TEXT NOT NULL REFERENCES library_files(sha256),
    filename TEXT NOT NULL,
    size BIGINT NOT NULL,
    media_type TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX resource_versions_resource ON resource_versions(resource_id, id);
CREATE INDEX resource_versions_file ON resource_versions(sha256);

CREATE TABLE resource_tags (
    resource_id INTEGER NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
    vocab TEXT NOT NULL CHECK (vocab IN ('topic', 'language', 'country')),
    key TEXT NOT NULL,
    PRIMARY KEY (resource_id, vocab, key)
);
CREATE INDEX resource_tags_key ON resource_tags(vocab, key);

-- Support given to a champion may point to a library resource.
ALTER TABLE champion_notes ADD COLUMN resource_id INTEGER REFERENCES resources(id) ON DELETE SET NULL;
