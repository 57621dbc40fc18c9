-- An event's chat closes a set time after the event: from then on nobody writes in it.
ALTER TABLE conversations ADD COLUMN closes_at BIGINT;
