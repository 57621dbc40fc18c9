-- A member vouches for a colleague's expertise in one area.
CREATE TABLE endorsements (
    endorser_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    member_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    area TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (endorser_id, member_id, area),
    CHECK (endorser_id <> member_id)
);
CREATE INDEX endorsements_member ON endorsements(member_id, area);
