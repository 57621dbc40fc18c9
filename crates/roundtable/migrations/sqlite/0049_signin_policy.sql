-- Who must sign in with a second factor: nobody, staff (coordinators and admins) or
-- everyone; until grace_until (Unix ms) those without one keep their access and are led to
-- set one up, after it staff pages stay closed to them. One row.
CREATE TABLE signin_policy (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    required_for TEXT NOT NULL DEFAULT 'nobody' CHECK (required_for IN ('nobody', 'staff', 'everyone')),
    grace_until BIGINT,
    updated_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    updated_at BIGINT NOT NULL
);
INSERT INTO signin_policy (id, required_for, updated_at) VALUES (1, 'nobody', 0);
