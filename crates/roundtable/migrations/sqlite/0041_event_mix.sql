-- The participant mix an organiser aims for, by sector and by country, in per cent of the
-- participants; the areas of expertise an event is about (suggested invitees who work on
-- them rank higher); and notifications about events (invitations).

CREATE TABLE event_mix_targets (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    dimension TEXT NOT NULL CHECK (dimension IN ('sector', 'country')),
    item TEXT NOT NULL,
    percent BIGINT NOT NULL CHECK (percent >= 1 AND percent <= 100),
    PRIMARY KEY (event_id, dimension, item)
);

CREATE TABLE event_topics (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    area TEXT NOT NULL,
    PRIMARY KEY (event_id, area)
);

ALTER TABLE notifications ADD COLUMN event_id INTEGER REFERENCES events(id) ON DELETE CASCADE;
