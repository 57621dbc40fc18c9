-- Writes whose limits cannot count rows of their own, because those rows go or change
-- (a join request withdrawn, a photo replaced, a registration cancelled, a passkey
-- ceremony finished): each one allowed is logged here, and the log is what is counted.
-- Kept only as long as the longest window that reads it (a day).
CREATE TABLE limit_log (
    action TEXT NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    at BIGINT NOT NULL
);
CREATE INDEX limit_log_count ON limit_log(user_id, action, at);
CREATE INDEX limit_log_at ON limit_log(at);
