-- At most one open introduction per pair (stored with the lower id first), even when both
-- people send one at the same moment; and listing what someone introduced stays cheap.
CREATE UNIQUE INDEX introductions_open_pair ON introductions(a_id, b_id) WHERE closed_at IS NULL;
CREATE INDEX introductions_introducer ON introductions(introducer_id);
