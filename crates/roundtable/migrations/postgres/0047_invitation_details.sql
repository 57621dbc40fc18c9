-- What the inviter tells about the invitee: the name to greet them by (and to propose as
-- their display name), the language of the invitation mail, and a personal note. Emptied
-- once the invitation is used or withdrawn: nothing of it is needed after.
ALTER TABLE invitations ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE invitations ADD COLUMN locale TEXT NOT NULL DEFAULT 'en';
ALTER TABLE invitations ADD COLUMN note TEXT NOT NULL DEFAULT '';
