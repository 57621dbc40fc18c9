-- Announcements from coordinators to the whole network (group_id NULL) or from a group's
-- moderators to its members, shown on home until dismissed or ended. A translation is a
-- row with translation_of set; the original holds the audience and the end.
CREATE TABLE announcements (
    id INTEGER PRIMARY KEY,
    group_id INTEGER REFERENCES network_groups(id) ON DELETE CASCADE,
    author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    translation_of INTEGER REFERENCES announcements(id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    body_html TEXT NOT NULL,
    ends_at BIGINT NOT NULL,
    mailed BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL
);
CREATE INDEX announcements_current ON announcements(ends_at);
CREATE UNIQUE INDEX announcements_one_per_language ON announcements(translation_of, lang);

CREATE TABLE announcement_dismissals (
    announcement_id INTEGER NOT NULL REFERENCES announcements(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (announcement_id, user_id)
);
