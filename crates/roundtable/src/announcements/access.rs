//! Who reads and who writes an announcement, decided once. A network-wide announcement is
//! for every member and written by coordinators; a group's is for the group's active members
//! and written by its moderators. [`can_read`] decides in Rust, [`readable_sql`] filters
//! lists, and a test holds them together.

use crate::groups::access::Standing;
use crate::web::{Viewer, Who};

/// Whom an announcement is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    Network,
    Group(i64),
}

impl Audience {
    pub fn of(group_id: Option<i64>) -> Audience {
        group_id.map_or(Audience::Network, Audience::Group)
    }
}

/// May `viewer`, with `standing` in the announcement's group (if it has one), read it?
pub fn can_read(viewer: &Viewer, audience: Audience, standing: Standing) -> bool {
    viewer.is_member()
        && match audience {
            Audience::Network => true,
            Audience::Group(_) => standing.is_member(),
        }
}

/// May `viewer` write for this audience (post, translate, end)?
pub fn can_write(viewer: &Viewer, audience: Audience, standing: Standing) -> bool {
    match audience {
        Audience::Network => viewer.is_coordinator(),
        Audience::Group(_) => viewer.is_member() && standing == Standing::Moderator,
    }
}

/// [`can_read`] as SQL, for an announcement whose group id (NULL: the network) is the SQL
/// expression `group`.
pub fn readable_sql(group: &str, who: &Who) -> String {
    format!("({} AND ({group} IS NULL OR {}))", who.member(), crate::groups::access::member_sql(group, who))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::Role;

    #[test]
    fn the_network_reads_network_news_and_a_group_its_own() {
        let member = Viewer::for_tests(1, Some(Role::Member));
        let coordinator = Viewer::for_tests(2, Some(Role::Coordinator));
        let public = Viewer::for_tests(3, None);
        assert!(can_read(&member, Audience::Network, Standing::None));
        assert!(!can_read(&public, Audience::Network, Standing::None));
        assert!(!can_read(&coordinator, Audience::Group(7), Standing::None), "not even a coordinator outside");
        assert!(can_read(&member, Audience::Group(7), Standing::Member));
        assert!(!can_read(&member, Audience::Group(7), Standing::Invited));
        assert!(can_write(&coordinator, Audience::Network, Standing::None));
        assert!(!can_write(&member, Audience::Network, Standing::None));
        assert!(can_write(&member, Audience::Group(7), Standing::Moderator));
        assert!(
            !can_write(&coordinator, Audience::Group(7), Standing::Member),
            "a group's own moderators write for it"
        );
    }
}
