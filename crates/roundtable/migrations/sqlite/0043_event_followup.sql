-- After an event: feedback from those who attended (one each), action points with an owner
-- and a due date, and materials (a link, or a resource of the library).

CREATE TABLE event_feedback (
    registration_id INTEGER PRIMARY KEY REFERENCES event_registrations(id) ON DELETE CASCADE,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    rating BIGINT NOT NULL CHECK (rating >= 1 AND rating <= 5),
    comment TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX event_feedback_event ON event_feedback(event_id);

CREATE TABLE event_actions (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    owner_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    -- A calendar date, YYYY-MM-DD.
    due_on TEXT NOT NULL,
    done BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL
);
CREATE INDEX event_actions_event ON event_actions(event_id, due_on);

CREATE TABLE event_materials (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    url TEXT,
    resource_id INTEGER REFERENCES resources(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    CHECK ((url IS NULL) <> (resource_id IS NULL))
);
CREATE INDEX event_materials_event ON event_materials(event_id);
