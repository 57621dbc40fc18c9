-- Passkeys (WebAuthn credentials), several per account, each named by its owner. The
-- credential is kept as the WebAuthn library serialises it (public key, counter, flags);
-- credential_id (base64url) finds it when a browser answers.
CREATE TABLE passkeys (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    credential_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    credential TEXT NOT NULL,
    sign_count BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT
);
CREATE INDEX passkeys_user ON passkeys(user_id);

-- The user handle a passkey carries (a random UUID, never the account id or address), so
-- that a passkey alone finds its account.
ALTER TABLE users ADD COLUMN passkey_handle TEXT;
CREATE UNIQUE INDEX users_passkey_handle ON users(passkey_handle);

-- A WebAuthn ceremony begun and not yet finished: its challenge and state, kept here so
-- that any node can finish what another began. The browser holds the token, the server
-- its hash; a ceremony is taken (deleted) when it is finished, so an answer works once.
CREATE TABLE webauthn_ceremonies (
    token_hash TEXT PRIMARY KEY,
    purpose TEXT NOT NULL CHECK (purpose IN ('register', 'signin', 'second', 'confirm')),
    user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
    state TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);

-- When the member last proved who they are in this session (signing in, or confirming
-- with their password or passkey): sensitive actions ask for it within ten minutes.
ALTER TABLE sessions ADD COLUMN confirmed_at BIGINT NOT NULL DEFAULT 0;
