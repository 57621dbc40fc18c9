//! Who may know that an event exists, manage it, and read its meeting link: one rule,
//! written once as a Rust decision ([`can_view`], [`can_manage`], [`can_see_link`]) and once
//! as the SQL filter for lists, counts, feeds, notifications and mail ([`visible_sql`]).
//! Integration tests generate events and viewers of every kind and check that the two
//! agree.
//!
//! The rules, chosen for the person at risk:
//! - an event of a **secret group** exists only for the group's active members, whatever
//!   their role: coordinators and admins outside the group do not see it, and neither do
//!   organisers who have left the group;
//! - otherwise organisers and coordinators see and manage every event;
//! - public events: anyone; members' events: members; group events: the group's active
//!   members; invitation-only events: the people invited or registered, but not someone
//!   whose registration the organisers declined, nor someone who cancelled without an
//!   invitation.

use crate::vocab::EventVisibility;
use crate::web::{Viewer, Who};

use super::registration::RegStatus;
use super::Event;

/// How a viewer stands to an event.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Relation {
    pub organiser: bool,
    pub invited: bool,
    /// The viewer's own registration, if they have one.
    pub status: Option<RegStatus>,
    /// An active member of the event's group.
    pub in_group: bool,
    /// The event belongs to a secret group.
    pub group_secret: bool,
}

impl Relation {
    /// A secret group's event is closed to everyone outside the group.
    /// And to every request whose answers leave Roundtable (an API token's).
    fn shut_out(&self, viewer: &Viewer) -> bool {
        crate::groups::access::shuts_out(viewer, self.group_secret, self.in_group)
    }
}

/// Organisers and coordinators manage an event: edit it, see and handle its registrants,
/// check people in.
pub fn can_manage(viewer: &Viewer, relation: &Relation) -> bool {
    !relation.shut_out(viewer) && (viewer.is_coordinator() || (viewer.is_member() && relation.organiser))
}

/// Registrations that let their holder see an invitation-only event.
fn status_grants_sight(status: RegStatus, invited: bool) -> bool {
    match status {
        RegStatus::Unconfirmed | RegStatus::Pending | RegStatus::Registered | RegStatus::Waitlisted => true,
        RegStatus::Cancelled => invited,
        RegStatus::Declined => false,
    }
}

/// May `viewer` know that `event` exists?
pub fn can_view(viewer: &Viewer, event: &Event, relation: &Relation) -> bool {
    if relation.shut_out(viewer) {
        return false;
    }
    if can_manage(viewer, relation) {
        return true;
    }
    match event.visibility() {
        EventVisibility::Public => true,
        EventVisibility::Members => viewer.is_member(),
        EventVisibility::Group => viewer.is_member() && relation.in_group,
        EventVisibility::InvitationOnly => {
            viewer.is_member()
                && match relation.status {
                    Some(status) => status_grants_sight(status, relation.invited),
                    None => relation.invited,
                }
        }
    }
}

/// The meeting link of an online or hybrid event: for its registered participants, its
/// organisers and coordinators, never for the waitlist, the pending or the public.
pub fn can_see_link(viewer: &Viewer, event: &Event, relation: &Relation) -> bool {
    can_view(viewer, event, relation)
        && (can_manage(viewer, relation) || (viewer.is_member() && relation.status == Some(RegStatus::Registered)))
}

/// May `viewer`, who sees the event, ask for a place in it (leaving aside whether
/// registration is still open and what they did before)? An invitation-only event takes the
/// invited and its managers; every other event anyone who sees it (visitors only see public
/// ones, and register by mail).
pub fn can_register(viewer: &Viewer, event: &Event, relation: &Relation) -> bool {
    can_view(viewer, event, relation)
        && match event.visibility() {
            EventVisibility::InvitationOnly => relation.invited || can_manage(viewer, relation),
            EventVisibility::Public => true,
            EventVisibility::Members | EventVisibility::Group => viewer.is_member(),
        }
}

/// Events anyone may see, as SQL on the events row `e`: the public calendar, feed and
/// campaign pages list these.
pub fn public_sql(e: &str) -> String {
    format!("{e}.visibility = 'public'")
}

/// Events every member may see, as SQL on the events row `e`. Only attendance at these makes
/// ties in the network, so that a tie never reveals a group's or an invitation-only meeting.
pub fn open_to_members_sql(e: &str) -> String {
    format!("{e}.visibility IN ('public', 'members')")
}

/// [`can_view`] as an SQL condition on the events row `e` (the alias is given).
pub fn visible_sql(e: &str, who: &Who) -> String {
    let (id, member, coordinator) = (who.id(), who.member(), who.coordinator());
    let in_group = crate::groups::access::member_sql(&format!("{e}.group_id"), who);
    let organiser =
        format!("EXISTS (SELECT 1 FROM event_organisers vo WHERE vo.event_id = {e}.id AND vo.user_id = {id})");
    let invited =
        format!("EXISTS (SELECT 1 FROM event_invitations vi WHERE vi.event_id = {e}.id AND vi.user_id = {id})");
    let reg = |statuses: &str| {
        format!(
            "EXISTS (SELECT 1 FROM event_registrations vr WHERE vr.event_id = {e}.id AND vr.user_id = {id} AND vr.status IN ({statuses}))"
        )
    };
    let any_reg =
        format!("EXISTS (SELECT 1 FROM event_registrations va WHERE va.event_id = {e}.id AND va.user_id = {id})");
    format!(
        "({} \
          AND ({coordinator} OR {e}.visibility = 'public' \
               OR ({member} AND {e}.visibility = 'members') \
               OR ({member} AND {organiser}) \
               OR ({member} AND {e}.visibility = 'group' AND {in_group}) \
               OR ({member} AND {e}.visibility = 'invitation_only' AND ( \
                   {active} OR ({invited} AND {cancelled}) OR ({invited} AND NOT {any_reg})))))",
        crate::groups::access::not_shut_out_sql(&format!("{e}.group_id"), who),
        active = reg("'unconfirmed', 'pending', 'registered', 'waitlisted'"),
        cancelled = reg("'cancelled'"),
    )
}

/// [`can_see_link`] as an SQL condition on `e`, for a query that already keeps to the
/// events [`visible_sql`] lets the viewer see (the link is never more than the event).
pub fn link_sql(e: &str, who: &Who) -> String {
    let (id, member, coordinator) = (who.id(), who.member(), who.coordinator());
    format!(
        "({coordinator} \
          OR ({member} AND EXISTS (SELECT 1 FROM event_organisers lo WHERE lo.event_id = {e}.id AND lo.user_id = {id})) \
          OR ({member} AND EXISTS (SELECT 1 FROM event_registrations lr WHERE lr.event_id = {e}.id AND lr.user_id = {id} \
              AND lr.status = 'registered')))"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::Role;

    fn event(visibility: &str) -> Event {
        Event {
            id: 1,
            series_id: None,
            kind: "seminar".into(),
            title: "t".into(),
            description: String::new(),
            mode: "online".into(),
            venue: String::new(),
            address: String::new(),
            online_url: "https://meet.example.org/x".into(),
            country: "TH".into(),
            time_zone: "Asia/Bangkok".into(),
            starts_at: 10,
            ends_at: 20,
            interpretation: String::new(),
            visibility: visibility.into(),
            group_id: Some(3),
            capacity: None,
            registration_closes_at: None,
            requires_approval: false,
            cancelled: false,
            updated_at: 0,
        }
    }

    #[test]
    fn who_sees_an_event() {
        let public = Viewer::for_tests(5, None);
        let member = Viewer::for_tests(5, Some(Role::Member));
        let coordinator = Viewer::for_tests(5, Some(Role::Coordinator));
        let admin = Viewer::for_tests(5, Some(Role::Admin));
        let none = Relation::default();
        let organiser = Relation { organiser: true, ..Relation::default() };
        let invited = Relation { invited: true, ..Relation::default() };
        let in_group = Relation { in_group: true, ..Relation::default() };
        let secret = Relation { group_secret: true, ..Relation::default() };
        let secret_inside = Relation { group_secret: true, in_group: true, ..Relation::default() };
        let secret_organiser = Relation { group_secret: true, organiser: true, ..Relation::default() };
        let declined = Relation { invited: true, status: Some(RegStatus::Declined), ..Relation::default() };
        let cancelled = Relation { status: Some(RegStatus::Cancelled), ..Relation::default() };
        let cancelled_invited = Relation { invited: true, status: Some(RegStatus::Cancelled), ..Relation::default() };
        let waiting = Relation { status: Some(RegStatus::Waitlisted), ..Relation::default() };
        let cases = [
            (&public, "public", &none, true),
            (&public, "members", &none, false),
            (&public, "group", &in_group, false),
            (&public, "invitation_only", &invited, false),
            (&member, "members", &none, true),
            (&member, "group", &none, false),
            (&member, "group", &in_group, true),
            (&member, "invitation_only", &none, false),
            (&member, "invitation_only", &invited, true),
            (&member, "invitation_only", &organiser, true),
            (&member, "invitation_only", &declined, false),
            (&member, "invitation_only", &cancelled, false),
            (&member, "invitation_only", &cancelled_invited, true),
            (&member, "invitation_only", &waiting, true),
            (&coordinator, "invitation_only", &none, true),
            (&coordinator, "group", &none, true),
            // A secret group's events: nobody outside the group, whatever their role.
            (&coordinator, "group", &secret, false),
            (&admin, "group", &secret, false),
            (&member, "group", &secret_organiser, false),
            (&member, "group", &secret_inside, true),
            (&coordinator, "group", &secret_inside, true),
        ];
        for (who, visibility, relation, want) in cases {
            assert_eq!(can_view(who, &event(visibility), relation), want, "{:?} {visibility} {relation:?}", who.role());
        }
        assert!(!can_manage(&admin, &secret));
        assert!(!can_see_link(&admin, &event("group"), &secret));
        let left_the_group = Relation { status: Some(RegStatus::Registered), ..Relation::default() };
        assert!(!can_see_link(&member, &event("group"), &left_the_group));
        assert!(can_manage(&member, &Relation { in_group: true, ..secret_organiser.clone() }));
    }

    #[test]
    fn the_meeting_link_is_for_registered_participants_and_managers() {
        let member = Viewer::for_tests(5, Some(Role::Member));
        let registered = Relation { status: Some(RegStatus::Registered), ..Relation::default() };
        let waiting = Relation { status: Some(RegStatus::Waitlisted), ..Relation::default() };
        let pending = Relation { status: Some(RegStatus::Pending), ..Relation::default() };
        assert!(can_see_link(&member, &event("members"), &registered));
        assert!(!can_see_link(&member, &event("members"), &waiting));
        assert!(!can_see_link(&member, &event("members"), &pending));
        assert!(!can_see_link(&member, &event("members"), &Relation::default()));
        assert!(!can_see_link(&Viewer::for_tests(5, None), &event("members"), &registered), "the public never");
        assert!(can_see_link(&member, &event("members"), &Relation { organiser: true, ..Relation::default() }));
        assert!(can_see_link(&Viewer::for_tests(5, Some(Role::Coordinator)), &event("members"), &Relation::default()));
    }
}
