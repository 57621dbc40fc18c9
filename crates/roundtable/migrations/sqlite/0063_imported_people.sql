-- People brought in from a spreadsheet, waiting for a coordinator to send their invitations.
-- Nobody lists them anywhere; they become invitations (with the sector and country read from
-- the file, given to the profile on acceptance) when sent, and are forgotten after 90 days.
CREATE TABLE imported_people (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL DEFAULT '',
    org_id INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
    sector TEXT,
    country TEXT,
    locale TEXT,
    imported_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
ALTER TABLE invitations ADD COLUMN sector TEXT;
ALTER TABLE invitations ADD COLUMN country TEXT;
