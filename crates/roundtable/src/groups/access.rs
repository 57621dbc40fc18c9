//! How much of a group a viewer sees, decided once: [`Sight::of`] in Rust, and
//! [`known_sql`] and [`inside_sql`] as SQL for lists, counts, notifications and search. A
//! secret group exists only for its members and the people invited to it, whatever their
//! role; a closed group shows its name and purpose; an open one is open to every member.

use crate::vocab::GroupAccess;
use crate::web::{Viewer, Who};

use super::Group;

/// The viewer's own standing in a group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    None,
    Invited,
    Requested,
    Member,
    Moderator,
}

impl Standing {
    pub fn from_row(row: Option<(String, String)>) -> Standing {
        match row.as_ref().map(|(r, s)| (r.as_str(), s.as_str())) {
            Some((_, "invited")) => Standing::Invited,
            Some((_, "requested")) => Standing::Requested,
            Some(("moderator", "active")) => Standing::Moderator,
            Some((_, "active")) => Standing::Member,
            _ => Standing::None,
        }
    }

    pub fn is_member(self) -> bool {
        matches!(self, Standing::Member | Standing::Moderator)
    }
}

/// How much of a group a viewer sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Sight {
    /// Nothing: the group does not exist for them.
    None,
    /// Name and purpose (a public listing, a closed group seen from outside, an invitation).
    Outside,
    /// Everything: members, and later the group's forum and library.
    Inside,
}

impl Sight {
    pub fn of(viewer: &Viewer, group: &Group, standing: Standing) -> Sight {
        if viewer.leaving() && !goes_in_files(group.access()) {
            return Sight::None;
        }
        if standing.is_member() {
            return Sight::Inside;
        }
        match (group.access(), viewer.is_member()) {
            (GroupAccess::Secret, _) if standing == Standing::Invited => Sight::Outside,
            (GroupAccess::Secret, _) => Sight::None,
            (GroupAccess::Open, true) => Sight::Inside,
            (GroupAccess::Closed, true) => Sight::Outside,
            (_, false) if group.listed_publicly => Sight::Outside,
            (_, false) => Sight::None,
        }
    }
}

/// May a group's content (its resources, its threads) go in a file that leaves Roundtable?
/// Never a secret group's, whoever exports it: a file leaves the platform's protection.
pub fn goes_in_files(access: GroupAccess) -> bool {
    access != GroupAccess::Secret
}

/// [`goes_in_files`] as SQL on the `network_groups` row `g`.
pub fn files_sql(g: &str) -> String {
    format!("{g}.access <> 'secret'")
}

/// [`Sight::of`] is not `None`, as SQL on the `network_groups` row `g`.
pub fn known_sql(g: &str, who: &Who) -> String {
    let (id, member) = (who.id(), who.member());
    if who.leaving() {
        return format!("({} AND ({member} OR {g}.listed_publicly))", files_sql(g));
    }
    format!(
        "(EXISTS (SELECT 1 FROM group_members gk WHERE gk.group_id = {g}.id AND gk.user_id = {id} AND gk.status = 'active') \
          OR ({g}.access = 'secret' AND EXISTS (SELECT 1 FROM group_members gi WHERE gi.group_id = {g}.id AND gi.user_id = {id} \
              AND gi.status = 'invited')) \
          OR ({g}.access <> 'secret' AND ({member} OR {g}.listed_publicly)))"
    )
}

/// Is what a group holds (its events, its initiatives) closed to `viewer`? A secret group's
/// exists only for the group's active members, whatever their role, and never for a
/// request whose answers leave Roundtable.
pub fn shuts_out(viewer: &Viewer, group_secret: bool, in_group: bool) -> bool {
    group_secret && (viewer.leaving() || !(viewer.is_member() && in_group))
}

/// Not [`shuts_out`], as SQL on the group id in the SQL expression `group` (NULL: no group).
pub fn not_shut_out_sql(group: &str, who: &Who) -> String {
    let inside =
        if who.leaving() { "FALSE".to_string() } else { format!("({} AND {})", who.member(), member_sql(group, who)) };
    format!(
        "NOT EXISTS (SELECT 1 FROM network_groups gs WHERE gs.id = {group} AND gs.access = 'secret' AND NOT {inside})"
    )
}

/// [`Standing::is_member`]: an active member (or moderator) of the group whose id is the
/// SQL expression `group`.
pub fn member_sql(group: &str, who: &Who) -> String {
    if who.leaving() {
        return format!(
            "EXISTS (SELECT 1 FROM group_members gn JOIN network_groups gl ON gl.id = gn.group_id \
              WHERE gn.group_id = {group} AND gn.user_id = {} AND gn.status = 'active' AND {})",
            who.id(),
            files_sql("gl")
        );
    }
    format!(
        "EXISTS (SELECT 1 FROM group_members gn WHERE gn.group_id = {group} AND gn.user_id = {} AND gn.status = 'active')",
        who.id()
    )
}

/// [`Sight::of`] is `Inside`, as SQL on the `network_groups` row `g`.
pub fn inside_sql(g: &str, who: &Who) -> String {
    format!("({} OR ({} AND {g}.access = 'open'))", member_sql(&format!("{g}.id"), who), who.member())
}
