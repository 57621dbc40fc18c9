-- champions.user_id names an account; it was declared as generating its own values too.
ALTER TABLE champions ALTER COLUMN user_id DROP IDENTITY IF EXISTS;
