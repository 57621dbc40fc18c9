//! Who sees what of a member. Every page, listing and count that shows members asks here
//! (or uses the SQL these rules generate); nothing else decides.

use crate::vocab::{Role, Visibility};
use crate::web::{Viewer, Who};

/// How a viewer stands towards one member's profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// Anonymous visitors.
    Public,
    /// Any signed-in member.
    Member,
    /// Coordinators and admins.
    Coordinator,
    /// The member themself.
    Owner,
}

impl Audience {
    pub fn of(viewer: &Viewer, member_id: i64) -> Audience {
        match viewer.role() {
            _ if viewer.is(member_id) => Audience::Owner,
            Some(Role::Admin | Role::Coordinator) => Audience::Coordinator,
            Some(Role::Member) => Audience::Member,
            None => Audience::Public,
        }
    }

    /// The audience of a viewer towards people other than themself.
    pub fn of_viewer(viewer: &Viewer) -> Audience {
        Audience::of(viewer, i64::MIN)
    }

    /// May this audience see a field with this visibility?
    pub fn sees(self, visibility: Visibility) -> bool {
        match self {
            Audience::Owner => true,
            Audience::Coordinator => visibility >= Visibility::Coordinators,
            Audience::Member => visibility >= Visibility::Members,
            Audience::Public => visibility == Visibility::Public,
        }
    }

    /// The visibilities this audience sees, for SQL `IN (...)` lists.
    pub fn visible_keys(self) -> Vec<&'static str> {
        Visibility::ALL.iter().filter(|v| self.sees(**v)).map(|v| v.key()).collect()
    }

    /// May this audience see a member at all?
    /// At-risk members exist only for themselves, coordinators and admins. The public sees
    /// a member only once they have made something of their profile public.
    pub fn sees_member(self, at_risk: bool, anything_public: bool) -> bool {
        match self {
            Audience::Owner | Audience::Coordinator => true,
            Audience::Member => !at_risk,
            Audience::Public => !at_risk && anything_public,
        }
    }
}

/// May `viewer` see member `id` named beside something else (an organiser, a speaker, an
/// author, an action point's owner)? At-risk members only for coordinators and themselves.
pub fn sees_person(viewer: &Viewer, id: i64, at_risk: bool) -> bool {
    reaches(viewer, at_risk) && Audience::of(viewer, id).sees_member(at_risk, true)
}

/// Whether a request may carry member `at_risk` at all: any request inside Roundtable, and
/// one whose answers leave it (an API token's) only as far as [`goes_in_files`] allows.
pub fn reaches(viewer: &Viewer, at_risk: bool) -> bool {
    !viewer.leaving() || goes_in_files(at_risk)
}

/// [`sees_person`] as SQL on the `profiles` row `p` (which may be missing: LEFT JOIN) of the
/// member whose id is `user`, for lists of people to pick or count.
pub fn person_sql(p: &str, user: &str, who: &Who) -> String {
    if who.leaving() {
        return files_sql(p);
    }
    format!("({} OR NOT COALESCE({p}.at_risk, FALSE) OR {user} = {})", who.coordinator(), who.id())
}

/// [`sees_person`] for a member who may since have been deactivated (the end of a tie, a
/// side of an introduction): a deactivated member stays visible to coordinators and
/// themselves only.
pub fn sees_account(viewer: &Viewer, id: i64, at_risk: bool, active: bool) -> bool {
    let audience = Audience::of(viewer, id);
    reaches(viewer, at_risk)
        && (active || matches!(audience, Audience::Owner | Audience::Coordinator))
        && audience.sees_member(at_risk, true)
}

/// [`sees_account`] as SQL on the `users` row `u` and its `profiles` row `p` (LEFT JOIN).
pub fn account_sql(u: &str, p: &str, who: &Who) -> String {
    format!(
        "(({u}.active OR {u}.id = {} OR {}) AND {})",
        who.id(),
        who.coordinator(),
        person_sql(p, &format!("{u}.id"), who)
    )
}

/// May member `at_risk` be in a file that leaves Roundtable (an export of the directory, of
/// ties, of an event's registrants)? Never a member at risk, whoever exports: a file leaves
/// the platform's protection, and coordinators see those members inside Roundtable only.
pub fn goes_in_files(at_risk: bool) -> bool {
    !at_risk
}

/// [`goes_in_files`] as SQL on the `profiles` row `p` (which may be missing: LEFT JOIN).
pub fn files_sql(p: &str) -> String {
    format!("NOT COALESCE({p}.at_risk, FALSE)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audiences() {
        assert_eq!(Audience::of(&Viewer(None), 7), Audience::Public);
        assert_eq!(Audience::of(&Viewer::for_tests(7, Some(Role::Member)), 7), Audience::Owner);
        assert_eq!(Audience::of(&Viewer::for_tests(7, Some(Role::Admin)), 7), Audience::Owner);
        assert_eq!(Audience::of(&Viewer::for_tests(8, Some(Role::Member)), 7), Audience::Member);
        assert_eq!(Audience::of(&Viewer::for_tests(8, Some(Role::Coordinator)), 7), Audience::Coordinator);
        assert_eq!(Audience::of(&Viewer::for_tests(8, Some(Role::Admin)), 7), Audience::Coordinator);
    }

    /// The whole matrix of field visibility against audience.
    #[test]
    fn field_matrix() {
        let expect = [
            (Audience::Owner, [true, true, true, true]),
            (Audience::Coordinator, [false, true, true, true]),
            (Audience::Member, [false, false, true, true]),
            (Audience::Public, [false, false, false, true]),
        ];
        for (audience, row) in expect {
            for (vis, want) in Visibility::ALL.iter().copied().zip(row) {
                assert_eq!(audience.sees(vis), want, "{audience:?} / {vis:?}");
            }
        }
        assert_eq!(Audience::Member.visible_keys(), vec!["members", "public"]);
    }

    #[test]
    fn at_risk_members_vanish_for_members_and_public() {
        use Audience::*;
        assert!(Owner.sees_member(true, false));
        assert!(Coordinator.sees_member(true, false));
        assert!(!Member.sees_member(true, true));
        assert!(!Public.sees_member(true, true));
        assert!(Member.sees_member(false, false));
        assert!(!Public.sees_member(false, false));
        assert!(Public.sees_member(false, true));
    }
}
