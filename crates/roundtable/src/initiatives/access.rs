//! Who may know that an initiative exists, who keeps it up to date, and who is named on it:
//! one rule, written once as the Rust decision ([`can_view`], [`can_manage`],
//! [`sees_person`]) and once as the SQL filter for lists, profiles and organisation pages
//! ([`visible_sql`], [`person_sql`]). An integration test generates initiatives and viewers
//! of every kind and checks that the two agree.
//!
//! The rules, chosen for the person at risk:
//! - an initiative of a **secret group** exists only for the group's active members,
//!   whatever their role (as the group's events do), and never for a request whose answers
//!   leave Roundtable;
//! - otherwise coordinators see every initiative, and the people working on one see it;
//! - public initiatives: anyone; members' initiatives: members; a group's: its active
//!   members; coordinators' initiatives: coordinators;
//! - coordinators and the initiative's leads and focal points keep it up to date;
//! - a person on an initiative is named as the member rule allows (at-risk people only to
//!   coordinators and themselves; to the public only once their profile shows something
//!   publicly, as in the directory), and not at all, except to themselves and to those who
//!   keep the initiative, once they have declined to be listed;
//! - nobody is named on a secret group's initiative who is not an active member of the group.

use crate::members::access::sees_account;
use crate::vocab::{InitiativeRole, InitiativeVisibility};
use crate::web::{Viewer, Who};

/// How a viewer stands to an initiative.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Relation {
    /// The viewer's own role on the initiative.
    pub role: Option<InitiativeRole>,
    /// An active member of the initiative's group.
    pub in_group: bool,
    /// The initiative belongs to a secret group.
    pub group_secret: bool,
}

impl Relation {
    fn shut_out(&self, viewer: &Viewer) -> bool {
        crate::groups::access::shuts_out(viewer, self.group_secret, self.in_group)
    }
}

/// Coordinators and the initiative's leads and focal points edit it, change its status,
/// and name its partners, people and milestones.
pub fn can_manage(viewer: &Viewer, relation: &Relation) -> bool {
    !relation.shut_out(viewer)
        && (viewer.is_coordinator() || (viewer.is_member() && relation.role.is_some_and(InitiativeRole::manages)))
}

/// May `viewer` know that an initiative of `visibility` exists?
pub fn can_view(viewer: &Viewer, visibility: InitiativeVisibility, relation: &Relation) -> bool {
    if relation.shut_out(viewer) {
        return false;
    }
    if viewer.is_coordinator() || (viewer.is_member() && relation.role.is_some()) {
        return true;
    }
    match visibility {
        InitiativeVisibility::Public => true,
        InitiativeVisibility::Members => viewer.is_member(),
        InitiativeVisibility::Group => viewer.is_member() && relation.in_group,
        InitiativeVisibility::Coordinators => false,
    }
}

/// A person on an initiative, as the rules need them.
#[derive(Clone, Copy, Debug)]
pub struct Person {
    pub id: i64,
    pub at_risk: bool,
    pub active: bool,
    /// They agreed to be listed on the initiative.
    pub listed: bool,
    /// Their profile shows something to the public.
    pub anything_public: bool,
    /// The initiative is a secret group's, and they are not an active member of it.
    pub outside_secret_group: bool,
}

/// May `viewer`, who sees the initiative (and keeps it, if `manages`), see `person` named
/// on it?
pub fn sees_person(viewer: &Viewer, manages: bool, person: Person) -> bool {
    !person.outside_secret_group
        && sees_account(viewer, person.id, person.at_risk, person.active)
        && (viewer.is_member() || person.anything_public)
        && (person.listed || manages || viewer.is(person.id))
}

/// [`can_view`] as an SQL condition on the initiatives row `i`.
pub fn visible_sql(i: &str, who: &Who) -> String {
    let (id, member, coordinator) = (who.id(), who.member(), who.coordinator());
    let group = format!("{i}.group_id");
    let in_group = crate::groups::access::member_sql(&group, who);
    format!(
        "({} \
          AND ({coordinator} OR {i}.visibility = 'public' \
               OR ({member} AND {i}.visibility = 'members') \
               OR ({member} AND {i}.visibility = 'group' AND {in_group}) \
               OR ({member} AND EXISTS (SELECT 1 FROM initiative_people vp WHERE vp.initiative_id = {i}.id \
                   AND vp.user_id = {id}))))",
        crate::groups::access::not_shut_out_sql(&group, who)
    )
}

/// Initiatives every member may know of, as SQL on the initiatives row `i`: public and
/// members' initiatives of no secret group. Only work on these makes ties in the network.
pub fn open_to_members_sql(i: &str) -> String {
    format!("({i}.visibility IN ('public', 'members') AND {})", outside_secret_groups_sql(i))
}

/// [`can_manage`] as SQL on the initiatives row `i`, for a query that already keeps to the
/// initiatives [`visible_sql`] lets the viewer see (which shuts out secret groups).
pub fn manages_sql(i: &str, who: &Who) -> String {
    let (id, member, coordinator) = (who.id(), who.member(), who.coordinator());
    format!(
        "({coordinator} OR ({member} AND EXISTS (SELECT 1 FROM initiative_people mp WHERE mp.initiative_id = {i}.id \
              AND mp.user_id = {id} AND mp.role IN ('lead', 'focal_point'))))"
    )
}

/// [`sees_person`] as SQL on the `initiative_people` row `ip`, its person's `users` row,
/// which must be named `u`, and `profiles` row, which must be named `p` (LEFT JOIN): the
/// directory's rule for the public is written on those two. On the initiatives row `i`.
pub fn person_sql(ip: &str, i: &str, who: &Who) -> String {
    let (u, p) = ("u", "p");
    format!(
        "({} AND {} AND ({} OR {}) AND ({ip}.listed OR {ip}.user_id = {} OR {}))",
        crate::groups::access::not_shut_out_sql(&format!("{i}.group_id"), &Who::account(&format!("{ip}.user_id"))),
        crate::members::access::account_sql(u, p, who),
        who.member(),
        crate::members::query::anything_public_sql(),
        who.id(),
        manages_sql(i, who)
    )
}

/// Initiatives outside every secret group, as SQL on the initiatives row `i`: what figures
/// read by everyone outside a group (coordinators' included) may count.
pub fn outside_secret_groups_sql(i: &str) -> String {
    format!("NOT EXISTS (SELECT 1 FROM network_groups os WHERE os.id = {i}.group_id AND os.access = 'secret')")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::Role;
    use InitiativeVisibility::*;

    #[test]
    fn who_sees_an_initiative() {
        let public = Viewer::for_tests(5, None);
        let member = Viewer::for_tests(5, Some(Role::Member));
        let coordinator = Viewer::for_tests(5, Some(Role::Coordinator));
        let admin = Viewer::for_tests(5, Some(Role::Admin));
        let none = Relation::default();
        let on_it = Relation { role: Some(InitiativeRole::Participant), ..none };
        let in_group = Relation { in_group: true, ..none };
        let secret = Relation { group_secret: true, ..none };
        let secret_inside = Relation { group_secret: true, in_group: true, ..none };
        let secret_lead = Relation { group_secret: true, role: Some(InitiativeRole::Lead), ..none };
        let cases = [
            (&public, Public, &none, true),
            (&public, Members, &on_it, false),
            (&member, Members, &none, true),
            (&member, Group, &none, false),
            (&member, Group, &in_group, true),
            (&member, Coordinators, &none, false),
            (&member, Coordinators, &on_it, true),
            (&coordinator, Coordinators, &none, true),
            (&coordinator, Group, &none, true),
            (&coordinator, Group, &secret, false),
            (&admin, Public, &secret, false),
            (&member, Group, &secret_lead, false),
            (&member, Group, &secret_inside, true),
        ];
        for (who, visibility, relation, want) in cases {
            assert_eq!(can_view(who, visibility, relation), want, "{:?} {visibility:?} {relation:?}", who.role());
        }
    }

    #[test]
    fn leads_focal_points_and_coordinators_keep_an_initiative() {
        let member = Viewer::for_tests(5, Some(Role::Member));
        let coordinator = Viewer::for_tests(6, Some(Role::Coordinator));
        let role = |r| Relation { role: Some(r), ..Relation::default() };
        assert!(can_manage(&member, &role(InitiativeRole::Lead)));
        assert!(can_manage(&member, &role(InitiativeRole::FocalPoint)));
        assert!(!can_manage(&member, &role(InitiativeRole::Expert)));
        assert!(!can_manage(&member, &Relation::default()));
        assert!(can_manage(&coordinator, &Relation::default()));
        assert!(!can_manage(&coordinator, &Relation { group_secret: true, ..Relation::default() }));
    }

    #[test]
    fn people_who_declined_or_are_at_risk_are_not_named() {
        let member = Viewer::for_tests(5, Some(Role::Member));
        let coordinator = Viewer::for_tests(6, Some(Role::Coordinator));
        let person = Person {
            id: 9,
            at_risk: false,
            active: true,
            listed: true,
            anything_public: true,
            outside_secret_group: false,
        };
        let declined = Person { listed: false, ..person };
        let at_risk = Person { at_risk: true, ..person };
        assert!(sees_person(&member, false, person));
        assert!(!sees_person(&member, false, declined));
        assert!(sees_person(&member, true, declined), "those who keep it know who works on it");
        assert!(sees_person(&Viewer::for_tests(9, Some(Role::Member)), false, declined), "and so do they");
        assert!(!sees_person(&member, true, at_risk), "a lead does not see an at-risk person");
        assert!(sees_person(&coordinator, false, at_risk));
        assert!(!sees_person(&Viewer::for_tests(5, None), false, at_risk));
        assert!(!sees_person(&member, false, Person { active: false, ..person }));
        let public = Viewer::for_tests(5, None);
        assert!(sees_person(&public, false, person));
        assert!(!sees_person(&public, false, Person { anything_public: false, ..person }), "as in the directory");
        assert!(sees_person(&member, false, Person { anything_public: false, ..person }));
        let outside = Person { outside_secret_group: true, ..person };
        assert!(!sees_person(&coordinator, true, outside));
        assert!(!sees_person(&Viewer::for_tests(9, Some(Role::Member)), false, outside));
    }
}
