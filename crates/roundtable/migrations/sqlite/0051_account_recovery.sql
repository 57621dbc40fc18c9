-- Recovery of an account whose owner lost every factor: an admin issues a link after
-- checking who they are by another channel. The link works only from effective_at (72
-- hours after approval; NULL until a second admin approves a coordinator's or admin's)
-- until expires_at; the owner is mailed at once with a link (cancel_hash) to cancel it.
CREATE TABLE account_recoveries (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    issued_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    approved_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    token_hash TEXT NOT NULL UNIQUE,
    cancel_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    effective_at BIGINT,
    expires_at BIGINT,
    used_at BIGINT,
    cancelled_at BIGINT
);
CREATE INDEX account_recoveries_user ON account_recoveries(user_id);
-- One open recovery per account, even when two admins issue one at the same moment (an
-- expired one is closed before a new one is issued).
CREATE UNIQUE INDEX account_recoveries_one_open ON account_recoveries(user_id) WHERE used_at IS NULL AND cancelled_at IS NULL;
