-- Documents now carry filter tokens (kind, languages, topics) in their words: the index is
-- emptied so that it is rebuilt, with them, when the server starts.
DELETE FROM search_fts;
DELETE FROM search_docs;
