-- What initiatives achieve: indicators with a baseline, a target and dated values (each with
-- its source, and for a yes-or-no indicator, such as a procedure adopted, the document),
-- and stories of change, dated qualitative outcomes with who changed what and the evidence.
CREATE TABLE initiative_indicators (
    id INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('number', 'yes_no')),
    unit TEXT NOT NULL DEFAULT '',
    baseline DOUBLE PRECISION,
    target DOUBLE PRECISION,
    created_at BIGINT NOT NULL
);
CREATE INDEX initiative_indicators_of ON initiative_indicators (initiative_id);
CREATE TABLE initiative_indicator_values (
    id INTEGER PRIMARY KEY,
    indicator_id INTEGER NOT NULL REFERENCES initiative_indicators(id) ON DELETE CASCADE,
    measured_on TEXT NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    source TEXT NOT NULL,
    document_url TEXT,
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX initiative_indicator_values_of ON initiative_indicator_values (indicator_id, measured_on);
CREATE TABLE initiative_stories (
    id INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    happened_on TEXT NOT NULL,
    title TEXT NOT NULL,
    who_changed TEXT NOT NULL,
    what_changed TEXT NOT NULL,
    what_changed_html TEXT NOT NULL,
    evidence TEXT NOT NULL,
    evidence_html TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX initiative_stories_of ON initiative_stories (initiative_id, happened_on);
-- What an initiative's work is linked to: events, library resources, forum threads and
-- groups. Each is shown only to those who may see it, by its own feature's rule.
CREATE TABLE initiative_links (
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('event', 'resource', 'thread', 'group')),
    target_id INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (initiative_id, kind, target_id)
);

-- Working on the same initiative makes ties (network/sources.rs): the network analysis is
-- computed again when who works on which initiative, who is listed, or an initiative's
-- audience or status changes.
CREATE TRIGGER network_initiatives_insert AFTER INSERT ON initiatives
BEGIN UPDATE network_version SET data = data + 1, privacy = privacy + 1 WHERE id = 1; END;
CREATE TRIGGER network_initiatives_delete AFTER DELETE ON initiatives
BEGIN UPDATE network_version SET data = data + 1, privacy = privacy + 1 WHERE id = 1; END;
CREATE TRIGGER network_initiatives_update AFTER UPDATE OF visibility, group_id, status ON initiatives
BEGIN
    UPDATE network_version SET data = data + 1,
        privacy = privacy + (OLD.visibility IS NOT NEW.visibility OR OLD.group_id IS NOT NEW.group_id)
    WHERE id = 1;
END;
CREATE TRIGGER network_initiative_people_insert AFTER INSERT ON initiative_people
BEGIN UPDATE network_version SET data = data + 1, privacy = privacy + 1 WHERE id = 1; END;
CREATE TRIGGER network_initiative_people_update AFTER UPDATE ON initiative_people
BEGIN UPDATE network_version SET data = data + 1, privacy = privacy + 1 WHERE id = 1; END;
CREATE TRIGGER network_initiative_people_delete AFTER DELETE ON initiative_people
BEGIN UPDATE network_version SET data = data + 1, privacy = privacy + 1 WHERE id = 1; END;
CREATE TRIGGER network_initiative_status AFTER INSERT ON initiative_status_changes
BEGIN UPDATE network_version SET data = data + 1 WHERE id = 1; END;
