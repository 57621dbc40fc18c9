-- Prefix searches (the last word of a query, perhaps still being typed; Thai words that a
-- query splits short) read prefix indexes of 1 to 3 characters instead of merging every
-- word that begins so. The index is emptied and rebuilt at start.
DROP TABLE search_fts;
CREATE VIRTUAL TABLE search_fts USING fts5(words, content='', contentless_delete=1, prefix='1 2 3');
DELETE FROM search_docs;
