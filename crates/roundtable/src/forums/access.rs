//! Who may read, post in and moderate a forum, decided once: [`Access::of`] in Rust, and
//! [`readable_sql`] as SQL for lists, feeds, notifications and search. The network's forum
//! is for members; a group's follows what the viewer sees of the group
//! ([`crate::groups::access`]), and a group may open its threads to the public, never a
//! secret one.

use crate::db::Db;
use crate::groups::{self, Group, Sight, Standing};
use crate::vocab::GroupAccess;
use crate::web::{AppError, AppResult, Viewer, Who};

/// Where a thread lives.
pub enum Place {
    Network,
    Group(Group, Standing),
}

impl Place {
    pub(super) async fn load(db: &Db, viewer: &Viewer, group_id: Option<i64>) -> AppResult<Place> {
        match group_id {
            None => Ok(Place::Network),
            Some(id) => {
                let group = groups::load(db, id).await?.ok_or(AppError::NotFound)?;
                let standing = groups::standing(db, id, viewer.id()).await?;
                Ok(Place::Group(group, standing))
            }
        }
    }

    pub(super) fn group_id(&self) -> Option<i64> {
        match self {
            Place::Network => None,
            Place::Group(g, _) => Some(g.id),
        }
    }

    pub(super) fn path(&self) -> String {
        match self {
            Place::Network => "/forum".into(),
            Place::Group(g, _) => format!("/groups/{}/forum", g.id),
        }
    }
}

/// What a viewer may do in a forum.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Access {
    pub read: bool,
    pub post: bool,
    pub moderate: bool,
    /// Whether the viewer may know the forum exists at all (a secret group's is unknown).
    pub known: bool,
}

impl Access {
    pub fn of(viewer: &Viewer, place: &Place) -> Access {
        match place {
            Place::Network => Access {
                read: viewer.is_member(),
                post: viewer.is_member(),
                moderate: viewer.is_coordinator(),
                known: true,
            },
            Place::Group(group, standing) => {
                let sight = Sight::of(viewer, group, *standing);
                let secret = group.access() == GroupAccess::Secret;
                let public = group.public_threads && !secret;
                let read = sight == Sight::Inside || public;
                Access {
                    read,
                    post: standing.is_member(),
                    // Coordinators look after every forum they can read, except secret ones.
                    moderate: *standing == Standing::Moderator || (viewer.is_coordinator() && read && !secret),
                    known: sight != Sight::None || public,
                }
            }
        }
    }

    /// The error for a viewer who may not read: sign in, not allowed, or no such thing.
    pub(super) fn refuse(self, viewer: &Viewer) -> AppError {
        match (self.known, viewer.is_member()) {
            (false, _) => AppError::NotFound,
            (true, false) => AppError::SignInRequired,
            (true, true) => AppError::Forbidden,
        }
    }

    /// Whether the viewer may read a post's earlier wording (its author's, `hidden` if a
    /// moderator hid it): the author's and the moderators' to read; readers see that a post
    /// was edited, never what it said before (an author who took a name out meant it gone).
    pub fn reads_history(self, viewer: &Viewer, author: Option<i64>, hidden: bool) -> bool {
        self.read && (self.moderate || (author.is_some_and(|a| viewer.is(a)) && !hidden))
    }

    pub(super) fn require_read(self, viewer: &Viewer) -> AppResult<()> {
        if self.read {
            Ok(())
        } else {
            Err(self.refuse(viewer))
        }
    }
}

/// [`Access::of`]`.read` for the forum of the `threads` row `t`, as SQL.
pub fn readable_sql(t: &str, who: &Who) -> String {
    format!(
        "(({t}.group_id IS NULL AND {member}) OR EXISTS (SELECT 1 FROM network_groups fg WHERE fg.id = {t}.group_id \
          AND {readable}))",
        member = who.member(),
        readable = group_readable_sql("fg", who),
    )
}

/// A thread whose page `who` may open, as SQL on the `threads` row `t`: its forum is
/// readable to them and it is not hidden, unless they moderate it.
pub fn openable_sql(t: &str, who: &Who) -> String {
    format!("({} AND (NOT {t}.hidden OR {}))", readable_sql(t, who), moderates_sql(t, who))
}

/// [`Access::of`]`.read` for the forum of the `network_groups` row `g`, as SQL.
pub fn group_readable_sql(g: &str, who: &Who) -> String {
    format!("({} OR {})", groups::access::inside_sql(g, who), public_threads_sql(g))
}

/// A group whose threads anyone may read (and public feeds carry), as SQL on `g`: never a
/// secret one.
pub fn public_threads_sql(g: &str) -> String {
    format!("({g}.public_threads AND {g}.access <> 'secret')")
}

/// [`Access::of`]`.moderate` for the forum of the `threads` row `t`, as SQL: the group's
/// moderators; coordinators for the network forum and every group they can read that is not
/// secret.
pub fn moderates_sql(t: &str, who: &Who) -> String {
    format!(
        "(({t}.group_id IS NULL AND {coordinator}) \
          OR EXISTS (SELECT 1 FROM group_members fm WHERE fm.group_id = {t}.group_id AND fm.user_id = {id} \
                     AND fm.status = 'active' AND fm.role = 'moderator') \
          OR ({coordinator} AND EXISTS (SELECT 1 FROM network_groups mg WHERE mg.id = {t}.group_id \
                     AND mg.access <> 'secret' AND {readable})))",
        coordinator = who.coordinator(),
        id = who.id(),
        readable = group_readable_sql("mg", who),
    )
}
