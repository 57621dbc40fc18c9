-- Kept in step with SQLite's migration of the same number, which adds prefix indexes to its
-- full-text table; PostgreSQL's GIN index serves prefixes already. Nothing to change here.
SELECT 1;
