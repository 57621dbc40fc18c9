-- Downloads from the library, counted per resource per day and never per person, for the
-- impact dashboard's "resources published and downloaded".
CREATE TABLE resource_downloads (
    resource_id INTEGER NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    count BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (resource_id, day)
);
CREATE INDEX resource_downloads_day ON resource_downloads (day);

-- The public "network in figures": shown only once an admin opts in.
CREATE TABLE impact_settings (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    public_figures BOOLEAN NOT NULL DEFAULT FALSE,
    updated_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    updated_at BIGINT
);
INSERT INTO impact_settings (id) VALUES (1);

-- Its figures, one row per closed calendar quarter ('2026-Q3'), taken once the quarter is
-- over and never recomputed, so that two periods compared are always the same two sums.
CREATE TABLE impact_snapshots (
    quarter TEXT PRIMARY KEY,
    taken_at BIGINT NOT NULL,
    figures TEXT NOT NULL
);
