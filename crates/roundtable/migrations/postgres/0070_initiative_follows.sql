-- Following an initiative: its followers hear of its news (a status changed, a milestone
-- done, a story of change), as followers of a thread hear of replies. Starting an
-- initiative, or being named on one, follows it; anyone who may see it may follow it.
CREATE TABLE initiative_follows (
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    initiative_id BIGINT NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, initiative_id)
);
CREATE INDEX initiative_follows_of ON initiative_follows (initiative_id);

ALTER TABLE notifications ADD COLUMN initiative_id BIGINT REFERENCES initiatives(id) ON DELETE CASCADE;
