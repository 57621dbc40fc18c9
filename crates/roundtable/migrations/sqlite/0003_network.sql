-- Ties people record between themselves, champions' paths, introductions and monthly
-- snapshots of the network's health. Timestamps are unix milliseconds (UTC).

-- One row per pair and kind; the pair is stored with the lower id first so that a tie
-- recorded from either side is the same tie.
CREATE TABLE ties (
    id INTEGER PRIMARY KEY,
    a_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    b_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('knows', 'worked_together', 'trained_or_mentored', 'co_organised')),
    strength INTEGER CHECK (strength BETWEEN 1 AND 5),
    since TEXT,
    source TEXT NOT NULL DEFAULT 'recorded' CHECK (source IN ('recorded', 'introduction')),
    recorded_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (a_id, b_id, kind),
    CHECK (a_id < b_id)
);
CREATE INDEX ties_b ON ties(b_id);

CREATE TABLE champions (
    user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    stage TEXT NOT NULL CHECK (stage IN ('candidate', 'approached', 'active', 'alumni')),
    updated_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX champions_stage ON champions(stage);

-- The dated path of a champion: stage changes, notes and the support given.
CREATE TABLE champion_notes (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    stage TEXT NOT NULL CHECK (stage IN ('candidate', 'approached', 'active', 'alumni')),
    support TEXT CHECK (support IN ('training_materials', 'expert_contact', 'speaking_opportunity', 'mentoring', 'event_invitation')),
    note TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX champion_notes_user ON champion_notes(user_id, created_at);

CREATE TABLE introductions (
    id INTEGER PRIMARY KEY,
    a_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    b_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    introducer_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    message TEXT NOT NULL DEFAULT '',
    a_answer TEXT NOT NULL DEFAULT 'pending' CHECK (a_answer IN ('pending', 'accepted', 'declined')),
    b_answer TEXT NOT NULL DEFAULT 'pending' CHECK (b_answer IN ('pending', 'accepted', 'declined')),
    created_at BIGINT NOT NULL,
    closed_at BIGINT,
    CHECK (a_id <> b_id)
);
CREATE INDEX introductions_a ON introductions(a_id);
CREATE INDEX introductions_b ON introductions(b_id);

-- Figures of the whole network at one moment, as JSON, so that trends outlive changes in
-- how the figures are computed.
CREATE TABLE network_snapshots (
    id INTEGER PRIMARY KEY,
    taken_at BIGINT NOT NULL,
    trigger TEXT NOT NULL CHECK (trigger IN ('scheduled', 'manual')),
    figures TEXT NOT NULL
);
CREATE INDEX network_snapshots_taken ON network_snapshots(taken_at);
