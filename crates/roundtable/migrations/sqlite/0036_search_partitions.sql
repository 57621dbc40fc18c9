-- Kept in step with PostgreSQL's migration of the same number, which splits its search
-- index into partitions by id; SQLite's full-text index needs no change.
SELECT 1;
