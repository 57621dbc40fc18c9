-- Accounts, sessions, invitations, profiles, organisations, audit log and outbox.
-- Timestamps are unix milliseconds (UTC).

CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    sector TEXT NOT NULL,
    country TEXT NOT NULL,
    website TEXT,
    description TEXT NOT NULL DEFAULT '',
    parent_id INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
    public BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX organisations_parent ON organisations(parent_id);
CREATE UNIQUE INDEX organisations_name_country ON organisations(lower(name), country);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'member')),
    display_name TEXT NOT NULL,
    locale TEXT NOT NULL DEFAULT 'en',
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at BIGINT NOT NULL
);

CREATE TABLE profiles (
    user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    sector TEXT,
    sector_vis TEXT NOT NULL DEFAULT 'members',
    orgs_vis TEXT NOT NULL DEFAULT 'members',
    country TEXT,
    country_vis TEXT NOT NULL DEFAULT 'members',
    region TEXT NOT NULL DEFAULT '',
    region_vis TEXT NOT NULL DEFAULT 'members',
    languages_vis TEXT NOT NULL DEFAULT 'members',
    expertise_vis TEXT NOT NULL DEFAULT 'members',
    bio TEXT NOT NULL DEFAULT '',
    bio_vis TEXT NOT NULL DEFAULT 'members',
    photo BLOB,
    photo_vis TEXT NOT NULL DEFAULT 'members',
    at_risk BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at BIGINT NOT NULL
);

CREATE TABLE profile_languages (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    PRIMARY KEY (user_id, lang)
);
CREATE INDEX profile_languages_lang ON profile_languages(lang);

CREATE TABLE profile_expertise (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    area TEXT NOT NULL,
    PRIMARY KEY (user_id, area)
);
CREATE INDEX profile_expertise_area ON profile_expertise(area);

CREATE TABLE affiliations (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    org_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    title TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (user_id, org_id)
);
CREATE INDEX affiliations_org ON affiliations(org_id);

CREATE TABLE contact_channels (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    visibility TEXT NOT NULL DEFAULT 'coordinators'
);
CREATE INDEX contact_channels_user ON contact_channels(user_id);

CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    device TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE invitations (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'member')),
    org_id INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
    token_hash TEXT NOT NULL UNIQUE,
    invited_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    revoked_at BIGINT
);

CREATE TABLE password_resets (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);

CREATE TABLE signin_failures (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX signin_failures_key_at ON signin_failures(key, at);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at BIGINT NOT NULL,
    actor_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    target_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    detail TEXT NOT NULL DEFAULT '',
    ip TEXT
);
CREATE INDEX audit_log_at ON audit_log(at);

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    to_addr TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    sent_at BIGINT,
    last_error TEXT
);
CREATE INDEX outbox_pending ON outbox(sent_at, next_attempt_at);
