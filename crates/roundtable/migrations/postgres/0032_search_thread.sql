-- Re-indexing a thread finds its documents by thread, not by scanning them all.
CREATE INDEX search_docs_thread ON search_docs(thread_id);
