-- A secret group's name must not be discoverable by trying to create a group with it:
-- only groups others can see keep their names unique.
DROP INDEX network_groups_name;
CREATE UNIQUE INDEX network_groups_name ON network_groups(lower(name)) WHERE access <> 'secret';
