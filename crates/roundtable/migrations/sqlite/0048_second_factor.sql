-- One-time codes (RFC 6238) as a second factor. The key is kept as the server must read it
-- to check codes; last_step is the time step of the last code accepted, and no code of that
-- step or an earlier one is accepted again, so a code works once. Unconfirmed keys (being
-- set up) do not count until a code from them has been typed.
CREATE TABLE totp_factors (
    user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    secret TEXT NOT NULL,
    confirmed_at BIGINT,
    last_step BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);

-- Recovery codes, ten at a time, kept as hashes; each works once.
CREATE TABLE recovery_codes (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at BIGINT
);
CREATE INDEX recovery_codes_user ON recovery_codes(user_id);

-- A password accepted and the second factor awaited: the browser holds the token (a
-- cookie), the server its hash, for a few minutes and a few tries.
CREATE TABLE signin_pending (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    next TEXT NOT NULL,
    shared BOOLEAN NOT NULL DEFAULT FALSE,
    tries BIGINT NOT NULL DEFAULT 0,
    expires_at BIGINT NOT NULL
);

-- How a session began: with a second factor, and on a shared device (such a session ends
-- with the browser and after 30 minutes without a request).
ALTER TABLE sessions ADD COLUMN second_factor BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE sessions ADD COLUMN shared BOOLEAN NOT NULL DEFAULT FALSE;
