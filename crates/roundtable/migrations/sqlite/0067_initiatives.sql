-- Initiatives: partnerships that pair civil society with government, with the
-- organisations and people in them, their status over time and their milestones. Who
-- sees one is decided in initiatives/access.rs; a person on an initiative may decline to be
-- listed there (`listed`). Dates of the work (start, end, a status change, a milestone)
-- are calendar days, kept as YYYY-MM-DD.
CREATE TABLE initiatives (
    id INTEGER PRIMARY KEY,
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    purpose TEXT NOT NULL,
    purpose_html TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('idea', 'planned', 'active', 'paused', 'completed', 'stopped')),
    starts_on TEXT,
    ends_on TEXT,
    visibility TEXT NOT NULL CHECK (visibility IN ('public', 'members', 'group', 'coordinators')),
    group_id INTEGER REFERENCES network_groups(id) ON DELETE SET NULL,
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX initiatives_group ON initiatives (group_id);
CREATE TABLE initiative_translations (
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    purpose TEXT NOT NULL,
    purpose_html TEXT NOT NULL,
    PRIMARY KEY (initiative_id, lang)
);
CREATE TABLE initiative_countries (
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    country TEXT NOT NULL,
    PRIMARY KEY (initiative_id, country)
);
CREATE TABLE initiative_topics (
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    topic TEXT NOT NULL,
    PRIMARY KEY (initiative_id, topic)
);
CREATE TABLE initiative_status_changes (
    id INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    changed_on TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    changed_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX initiative_status_changes_of ON initiative_status_changes (initiative_id, changed_on);
CREATE TABLE initiative_partners (
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    org_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (initiative_id, org_id)
);
CREATE INDEX initiative_partners_org ON initiative_partners (org_id);
CREATE TABLE initiative_people (
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    listed BOOLEAN NOT NULL DEFAULT TRUE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (initiative_id, user_id)
);
CREATE INDEX initiative_people_user ON initiative_people (user_id);
CREATE TABLE initiative_milestones (
    id INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    due_on TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('planned', 'done', 'slipped')),
    done_on TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX initiative_milestones_of ON initiative_milestones (initiative_id, due_on);
