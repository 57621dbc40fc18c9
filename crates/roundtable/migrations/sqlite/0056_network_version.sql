-- What the network analysis is computed from, as two counters that every change bumps:
-- `data` for any change the analysis reads, `privacy` for a change of who or what may be
-- seen (a member hidden or shown, a visibility, an event's audience). The analysis cache
-- compares one row instead of summing seven tables on every request. The counters change
-- in the writing transaction, so no one sees new counters before the data they count.
CREATE TABLE network_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    data BIGINT NOT NULL DEFAULT 0,
    privacy BIGINT NOT NULL DEFAULT 0
);
INSERT INTO network_version (id) VALUES (1);

CREATE TRIGGER network_users_insert AFTER INSERT ON users
BEGIN UPDATE network_version SET data = data + 1, privacy = privacy + 1 WHERE id = 1; END;
CREATE TRIGGER network_users_delete AFTER DELETE ON users
BEGIN UPDATE network_version SET data = data + 1, privacy = privacy + 1 WHERE id = 1; END;
CREATE TRIGGER network_users_active AFTER UPDATE OF active ON users WHEN OLD.active IS NOT NEW.active
BEGIN UPDATE network_version SET data = data + 1, privacy = privacy + 1 WHERE id = 1; END;

CREATE TRIGGER network_profiles_insert AFTER INSERT ON profiles
BEGIN UPDATE network_version SET data = data + 1, privacy = privacy + 1 WHERE id = 1; END;
CREATE TRIGGER network_profiles_delete AFTER DELETE ON profiles
BEGIN UPDATE network_version SET data = data + 1, privacy = privacy + 1 WHERE id = 1; END;
CREATE TRIGGER network_profiles_update AFTER UPDATE ON profiles
BEGIN
    UPDATE network_version SET data = data + 1,
        privacy = privacy + (OLD.at_risk IS NOT NEW.at_risk OR OLD.sector_vis IS NOT NEW.sector_vis
            OR OLD.country_vis IS NOT NEW.country_vis OR OLD.orgs_vis IS NOT NEW.orgs_vis)
    WHERE id = 1;
END;

CREATE TRIGGER network_ties_insert AFTER INSERT ON ties
BEGIN UPDATE network_version SET data = data + 1 WHERE id = 1; END;
CREATE TRIGGER network_ties_update AFTER UPDATE ON ties
BEGIN UPDATE network_version SET data = data + 1 WHERE id = 1; END;
CREATE TRIGGER network_ties_delete AFTER DELETE ON ties
BEGIN UPDATE network_version SET data = data + 1 WHERE id = 1; END;

CREATE TRIGGER network_affiliations_insert AFTER INSERT ON affiliations
BEGIN UPDATE network_version SET data = data + 1 WHERE id = 1; END;
CREATE TRIGGER network_affiliations_update AFTER UPDATE ON affiliations
BEGIN UPDATE network_version SET data = data + 1 WHERE id = 1; END;
CREATE TRIGGER network_affiliations_delete AFTER DELETE ON affiliations
BEGIN UPDATE network_version SET data = data + 1 WHERE id = 1; END;

CREATE TRIGGER network_endorsements_insert AFTER INSERT ON endorsements
BEGIN UPDATE network_version SET data = data + 1 WHERE id = 1; END;
CREATE TRIGGER network_endorsements_update AFTER UPDATE ON endorsements
BEGIN UPDATE network_version SET data = data + 1 WHERE id = 1; END;
CREATE TRIGGER network_endorsements_delete AFTER DELETE ON endorsements
BEGIN UPDATE network_version SET data = data + 1 WHERE id = 1; END;

-- Attendance makes co-attendance ties; registrations alone do not.
CREATE TRIGGER network_attendance_insert AFTER INSERT ON event_registrations WHEN NEW.attended_at IS NOT NULL
BEGIN UPDATE network_version SET data = data + 1 WHERE id = 1; END;
CREATE TRIGGER network_attendance_update AFTER UPDATE OF attended_at, event_id, user_id ON event_registrations
    WHEN OLD.attended_at IS NOT NULL OR NEW.attended_at IS NOT NULL
BEGIN UPDATE network_version SET data = data + 1 WHERE id = 1; END;
CREATE TRIGGER network_attendance_delete AFTER DELETE ON event_registrations WHEN OLD.attended_at IS NOT NULL
BEGIN UPDATE network_version SET data = data + 1 WHERE id = 1; END;

CREATE TRIGGER network_events_insert AFTER INSERT ON events
BEGIN UPDATE network_version SET data = data + 1, privacy = privacy + 1 WHERE id = 1; END;
CREATE TRIGGER network_events_delete AFTER DELETE ON events
BEGIN UPDATE network_version SET data = data + 1, privacy = privacy + 1 WHERE id = 1; END;
CREATE TRIGGER network_events_update AFTER UPDATE ON events
BEGIN
    UPDATE network_version SET data = data + 1, privacy = privacy + (OLD.visibility IS NOT NEW.visibility)
    WHERE id = 1;
END;
