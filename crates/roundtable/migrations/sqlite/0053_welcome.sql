-- The step of the first-sign-in sequence a new member is at (1 to 4); NULL once finished
-- (and for accounts made before it existed). Skipping keeps the step, to resume from home.
ALTER TABLE users ADD COLUMN welcome_step BIGINT;
