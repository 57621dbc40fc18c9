-- When a registrant was reminded of the event by mail; set once, by whichever node claims
-- the reminder first.
ALTER TABLE event_registrations ADD COLUMN reminded_at BIGINT;
