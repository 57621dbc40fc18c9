-- What the network analysis is computed from, as two counters that every change bumps:
-- `data` for any change the analysis reads, `privacy` for a change of who or what may be
-- seen (a member hidden or shown, a visibility, an event's audience). The analysis cache
-- compares one row instead of summing seven tables on every request. The counters change
-- in the writing transaction, so no one sees new counters before the data they count.
--
-- The triggers are deferred to the commit: the counter row is then locked last and only
-- for the moment of the commit, so two writers never wait for each other through it
-- while holding other locks.
CREATE TABLE network_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    data BIGINT NOT NULL DEFAULT 0,
    privacy BIGINT NOT NULL DEFAULT 0
);
INSERT INTO network_version (id) VALUES (1);

CREATE FUNCTION network_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE network_version SET data = data + 1, privacy = privacy + TG_ARGV[0]::BIGINT WHERE id = 1;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER network_users_insert_delete AFTER INSERT OR DELETE ON users
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    EXECUTE FUNCTION network_changed('1');
CREATE CONSTRAINT TRIGGER network_users_active AFTER UPDATE OF active ON users
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.active IS DISTINCT FROM NEW.active)
    EXECUTE FUNCTION network_changed('1');
CREATE CONSTRAINT TRIGGER network_profiles_insert_delete AFTER INSERT OR DELETE ON profiles
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    EXECUTE FUNCTION network_changed('1');
CREATE CONSTRAINT TRIGGER network_profiles_privacy AFTER UPDATE ON profiles
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.at_risk IS DISTINCT FROM NEW.at_risk OR OLD.sector_vis IS DISTINCT FROM NEW.sector_vis OR OLD.country_vis IS DISTINCT FROM NEW.country_vis OR OLD.orgs_vis IS DISTINCT FROM NEW.orgs_vis)
    EXECUTE FUNCTION network_changed('1');
CREATE CONSTRAINT TRIGGER network_profiles_update AFTER UPDATE ON profiles
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NOT (OLD.at_risk IS DISTINCT FROM NEW.at_risk OR OLD.sector_vis IS DISTINCT FROM NEW.sector_vis OR OLD.country_vis IS DISTINCT FROM NEW.country_vis OR OLD.orgs_vis IS DISTINCT FROM NEW.orgs_vis))
    EXECUTE FUNCTION network_changed('0');
CREATE CONSTRAINT TRIGGER network_ties AFTER INSERT OR UPDATE OR DELETE ON ties
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    EXECUTE FUNCTION network_changed('0');
CREATE CONSTRAINT TRIGGER network_affiliations AFTER INSERT OR UPDATE OR DELETE ON affiliations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    EXECUTE FUNCTION network_changed('0');
CREATE CONSTRAINT TRIGGER network_endorsements AFTER INSERT OR UPDATE OR DELETE ON endorsements
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    EXECUTE FUNCTION network_changed('0');

-- Attendance makes co-attendance ties; registrations alone do not.
CREATE CONSTRAINT TRIGGER network_attendance_insert AFTER INSERT ON event_registrations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NEW.attended_at IS NOT NULL)
    EXECUTE FUNCTION network_changed('0');
CREATE CONSTRAINT TRIGGER network_attendance_update AFTER UPDATE OF attended_at, event_id, user_id ON event_registrations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.attended_at IS NOT NULL OR NEW.attended_at IS NOT NULL)
    EXECUTE FUNCTION network_changed('0');
CREATE CONSTRAINT TRIGGER network_attendance_delete AFTER DELETE ON event_registrations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.attended_at IS NOT NULL)
    EXECUTE FUNCTION network_changed('0');

CREATE CONSTRAINT TRIGGER network_events_insert_delete AFTER INSERT OR DELETE ON events
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    EXECUTE FUNCTION network_changed('1');
CREATE CONSTRAINT TRIGGER network_events_visibility AFTER UPDATE ON events
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.visibility IS DISTINCT FROM NEW.visibility)
    EXECUTE FUNCTION network_changed('1');
CREATE CONSTRAINT TRIGGER network_events_update AFTER UPDATE ON events
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.visibility IS NOT DISTINCT FROM NEW.visibility)
    EXECUTE FUNCTION network_changed('0');
