//! The viewer of an access rule's SQL: a viewer of this request, bound as arguments, or the
//! account in a column of the query (the recipient of a notification or a reminder). Each
//! feature's `access.rs` writes its rule once against a [`Who`].

use crate::db::{Arg, Args};
use crate::web::Viewer;

/// Who asks, as SQL expressions: either one viewer's values, bound as arguments, or columns
/// of the query (the recipient of a notification or of a reminder).
pub struct Who {
    id: String,
    member: String,
    coordinator: String,
    /// The request's answers leave Roundtable ([`Viewer::leaving`]): the rules then keep to
    /// what may go in files. Known in Rust, never a column: only requests leave.
    leaving: bool,
}

impl Who {
    /// A viewer known to the request; their values are pushed onto `args`.
    pub fn viewer(viewer: &Viewer, args: &mut Args) -> Who {
        Who {
            id: args.push(Arg::Int(viewer.id().unwrap_or(-1))),
            member: args.push(Arg::Bool(viewer.is_member())),
            coordinator: args.push(Arg::Bool(viewer.is_coordinator())),
            leaving: viewer.leaving(),
        }
    }

    /// A viewer known to the request, written into the SQL as literals rather than bound: a
    /// query may use some of the three and not the others, and both databases refuse bound
    /// arguments a statement does not use. Safe to inline: a number and two booleans from
    /// the session, never text from a request.
    pub fn literal(viewer: &Viewer) -> Who {
        let flag = |b: bool| if b { "TRUE" } else { "FALSE" }.to_string();
        Who {
            id: viewer.id().unwrap_or(-1).to_string(),
            member: flag(viewer.is_member()),
            coordinator: flag(viewer.is_coordinator()),
            leaving: viewer.leaving(),
        }
    }

    /// The account whose id is in `column` (which may be NULL: nobody signed in). Roles are
    /// read as they are now, not as they were when a row was written.
    pub fn account(column: &str) -> Who {
        Who {
            id: column.to_string(),
            member: format!("EXISTS (SELECT 1 FROM users wm WHERE wm.id = {column} AND wm.active)"),
            coordinator: format!(
                "EXISTS (SELECT 1 FROM users wc WHERE wc.id = {column} AND wc.active AND wc.role IN ('coordinator', 'admin'))"
            ),
            leaving: false,
        }
    }

    /// Expressions the query already holds: placeholders bound by the caller, or columns.
    pub fn expressions(id: &str, member: &str, coordinator: &str) -> Who {
        Who { id: id.into(), member: member.into(), coordinator: coordinator.into(), leaving: false }
    }

    /// The same viewer, asking for answers that leave Roundtable (tests of the rules' SQL
    /// twins build such a viewer from placeholders, as a token's request would be).
    pub fn outside(self) -> Who {
        Who { leaving: true, ..self }
    }

    /// The viewer's id (or the column that holds it).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Whether the viewer is signed in, as an SQL boolean.
    pub fn member(&self) -> &str {
        &self.member
    }

    /// Whether the viewer is a coordinator or an admin, as an SQL boolean.
    pub fn coordinator(&self) -> &str {
        &self.coordinator
    }

    /// Whether the answers leave Roundtable: the rules then keep to what may go in files.
    pub fn leaving(&self) -> bool {
        self.leaving
    }
}
