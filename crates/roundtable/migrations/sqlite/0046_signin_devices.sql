-- Devices that have signed in to an account. A sign-in from one of them is throttled on its
-- own count, so that someone guessing an account's password from elsewhere cannot lock
-- its owner out. Only a hash of the device's cookie is kept.
CREATE TABLE signin_devices (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT NOT NULL
);
CREATE INDEX signin_devices_user ON signin_devices(user_id);
