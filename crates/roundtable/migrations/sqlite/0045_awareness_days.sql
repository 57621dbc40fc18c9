-- Awareness days: a day of the year that campaigns gather public events around. The two
-- built in (their names and descriptions translated by key) are 26 June, the International
-- Day in Support of Victims of Torture, and 10 December, Human Rights Day; coordinators add
-- others, in their own words.

CREATE TABLE awareness_days (
    id INTEGER PRIMARY KEY,
    -- Built-in days: the key of their translated name and description; NULL for additions.
    builtin TEXT UNIQUE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    month BIGINT NOT NULL CHECK (month >= 1 AND month <= 12),
    day BIGINT NOT NULL CHECK (day >= 1 AND day <= 31),
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX awareness_days_date ON awareness_days(month, day);

INSERT INTO awareness_days (builtin, name, description, month, day, created_at) VALUES
    ('victims-of-torture', 'International Day in Support of Victims of Torture', '', 6, 26, 0),
    ('human-rights', 'Human Rights Day', '', 12, 10, 0);
