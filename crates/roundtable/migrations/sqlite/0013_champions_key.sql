-- Nothing to change on SQLite: champions.user_id was always a plain key (see the PostgreSQL
-- migration of the same number).
SELECT 1;
