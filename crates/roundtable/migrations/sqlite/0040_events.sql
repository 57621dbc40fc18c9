-- Events: seminars, workshops, webinars, roundtable dialogues, conferences, public forums,
-- panels and trainings; their organisers, co-hosts, languages, agenda, questions,
-- invitations and registrations (with attendance).

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    -- A recurring series this occurrence belongs to (series come later; occurrences stay
    -- ordinary events that can be edited one by one).
    series_id BIGINT,
    kind TEXT NOT NULL CHECK (kind IN ('seminar', 'workshop', 'webinar', 'roundtable_dialogue', 'conference', 'public_forum', 'panel', 'training')),
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    mode TEXT NOT NULL CHECK (mode IN ('in_person', 'online', 'hybrid')),
    venue TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    -- Shown only to registered participants, organisers and coordinators.
    online_url TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL,
    -- IANA name; start and end are UTC milliseconds, shown in this zone.
    time_zone TEXT NOT NULL,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    interpretation TEXT NOT NULL DEFAULT '',
    visibility TEXT NOT NULL CHECK (visibility IN ('public', 'members', 'group', 'invitation_only')),
    group_id INTEGER REFERENCES network_groups(id) ON DELETE SET NULL,
    capacity BIGINT,
    registration_closes_at BIGINT,
    requires_approval BOOLEAN NOT NULL DEFAULT FALSE,
    cancelled BOOLEAN NOT NULL DEFAULT FALSE,
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CHECK (ends_at > starts_at),
    CHECK (capacity IS NULL OR capacity > 0),
    CHECK (visibility <> 'group' OR group_id IS NOT NULL)
);
CREATE INDEX events_starts ON events(starts_at);
CREATE INDEX events_series ON events(series_id);

CREATE TABLE event_organisers (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, user_id)
);
CREATE INDEX event_organisers_user ON event_organisers(user_id);

-- Co-hosting organisations (an NHRI with a CSO).
CREATE TABLE event_hosts (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    org_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, org_id)
);

CREATE TABLE event_languages (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    PRIMARY KEY (event_id, lang)
);

-- The agenda.
CREATE TABLE event_sessions (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX event_sessions_event ON event_sessions(event_id, starts_at);

-- A speaker is a member or a named guest.
CREATE TABLE event_speakers (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES event_sessions(id) ON DELETE CASCADE,
    user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
    guest_name TEXT,
    CHECK ((user_id IS NULL) <> (guest_name IS NULL))
);
CREATE INDEX event_speakers_session ON event_speakers(session_id);

-- Free-text questions registrants answer.
CREATE TABLE event_questions (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    prompt TEXT NOT NULL
);
CREATE INDEX event_questions_event ON event_questions(event_id);

-- Members invited to an invitation-only event (and, later, invitations to close the mix).
CREATE TABLE event_invitations (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    invited_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (event_id, user_id)
);

-- One per person and event: a member (user_id) or a visitor (name and address only).
-- `email_key` is the lower-cased address, so one address registers once per event.
CREATE TABLE event_registrations (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    email_key TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    sector TEXT,
    country TEXT,
    locale TEXT NOT NULL DEFAULT 'en',
    status TEXT NOT NULL CHECK (status IN ('unconfirmed', 'pending', 'registered', 'waitlisted', 'cancelled', 'declined')),
    -- SHA-256 of the secret in the visitor's confirmation and management link.
    token_hash TEXT UNIQUE,
    -- An unconfirmed registration is forgotten after this moment.
    expires_at BIGINT,
    -- Order on the waitlist: when the registration was confirmed.
    queued_at BIGINT NOT NULL,
    attended_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (event_id, email_key)
);
CREATE UNIQUE INDEX event_registrations_member ON event_registrations(event_id, user_id);
CREATE INDEX event_registrations_user ON event_registrations(user_id);

CREATE TABLE event_answers (
    registration_id INTEGER NOT NULL REFERENCES event_registrations(id) ON DELETE CASCADE,
    question_id INTEGER NOT NULL REFERENCES event_questions(id) ON DELETE CASCADE,
    answer TEXT NOT NULL,
    PRIMARY KEY (registration_id, question_id)
);

-- A member's calendar subscription: the secret is in the URL, only its hash is here.
CREATE TABLE event_calendar_tokens (
    user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);
