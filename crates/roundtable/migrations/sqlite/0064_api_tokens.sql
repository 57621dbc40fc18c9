-- Personal access tokens for the API: only the SHA-256 of the token is kept, as for
-- sessions. Scopes are space-separated keys ("events:read events:write"); a token lives at
-- most a year and is deleted on revocation, on expiry (by housekeeping) and with its account.
CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    scopes TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    last_used_at BIGINT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
