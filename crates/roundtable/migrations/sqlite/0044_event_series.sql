-- Recurring events: a series has a rule (a subset of RFC 5545's RRULE, e.g.
-- FREQ=MONTHLY;BYDAY=1TU;COUNT=6) and its occurrences are ordinary events (events.series_id)
-- that can be edited one by one.

CREATE TABLE event_series (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    rule TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
