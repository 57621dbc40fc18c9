//! The resource library: training materials, guides, case studies, laws, reports,
//! presentations and recordings, each a file (with its versions) or a link, described by
//! type, topics, languages, countries, author organisation, date and licence. Translations
//! are resources of their own, linked as variants of one family.
//!
//! Who may see and change a resource is decided by [`Rights::of`], and, for lists, counts,
//! feeds and search, by the same rule written as SQL in [`visible_sql`]: public resources
//! for anyone, members' resources for members, a group's resources for the active members
//! of that group only (so a secret group's resources exist for nobody else).

pub mod api;
pub mod demo;
mod edit;
pub mod export;
pub mod feed;
pub mod files;
mod list;
pub mod scrub;
pub mod search;
mod show;

pub(crate) use edit::{accepted, read_multipart};
pub use edit::{insert, parse_link, Description};
pub(crate) use files::{forget_unused, remove_files};

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use serde::Serialize;

use crate::config::Config;
use crate::db::{Arg, Args, Db};
use crate::vocab::ResourceAccess;
use crate::web::Routes;
use crate::web::{AppError, AppResult, Viewer};
use crate::{bind_args, on_db};

pub const TEMPLATES: &[(&str, &str)] = &[
    ("library/list.html", include_str!("templates/list.html")),
    ("library/show.html", include_str!("templates/show.html")),
    ("library/edit.html", include_str!("templates/edit.html")),
];

const PER_PAGE: i64 = 20;
const MAX_TITLE: usize = 200;
const MAX_SUMMARY: usize = 5000;
const MAX_LINK: usize = 2000;
/// Room for the form's other fields around the file.
const FORM_SLACK: u64 = 1024 * 1024;
/// Resources one member may add in a day: plenty for a librarian, and a bound on how fast
/// one account can fill the disk.
const RESOURCES_PER_DAY: i64 = 30;
const RESOURCES: crate::web::limits::Limit = crate::web::limits::Limit {
    count_sql: "SELECT COUNT(*) FROM resources WHERE created_by = $1 AND created_at > $2",
    max: RESOURCES_PER_DAY,
    window_ms: crate::web::limits::DAY,
};
/// New files one resource may take in a day: a corrected edition or two, not a disk filler.
const VERSIONS: crate::web::limits::Limit = crate::web::limits::Limit {
    count_sql: "SELECT COUNT(*) FROM resource_versions WHERE resource_id = $1 AND created_at > $2",
    max: 10,
    window_ms: crate::web::limits::DAY,
};
/// Largest text field of an upload form (the summary is the longest).
const MAX_FIELD: usize = 64 * 1024;

pub fn routes() -> Routes {
    vec![
        ("/library", get(list::list)),
        ("/library/new", get(edit::new_form)),
        ("/library/export", get(export::catalogue)),
        ("/library/public.atom", get(feed::public_resources)),
        ("/library/{id}", get(show::show).post(edit::update)),
        ("/library/{id}/edit", get(edit::edit_form)),
        ("/library/{id}/delete", post(edit::delete)),
        ("/library/{id}/files/{version}", get(show::download)),
        ("/api/v1/resources", get(api::list)),
        ("/api/v1/resources/{id}", get(api::show)),
    ]
}

/// The routes that take files. They have a body limit of their own (the upload limit and
/// the form around it), where every other route keeps the application's small one. A file
/// over the limit is still read to its end (up to twice the limit), so that the browser
/// receives the explanation instead of a broken connection.
pub fn upload_routes(config: &Config) -> Routes {
    let cap = usize::try_from(config.upload_limit() * 2 + FORM_SLACK).unwrap_or(usize::MAX);
    let limit = || DefaultBodyLimit::max(cap);
    vec![
        ("/library", post(edit::create).layer(limit())),
        ("/library/{id}/versions", post(edit::add_version).layer(limit())),
        ("/forum/posts/{id}/attachments", post(crate::forums::attachments::upload).layer(limit())),
        ("/messages/{id}/attach", post(crate::chat::attachments::upload).layer(limit())),
        ("/initiatives/{id}/updates", post(crate::initiatives::updates::post).layer(limit())),
    ]
}

// ---- the resource and who may do what with it ---------------------------------------------

#[derive(sqlx::FromRow, Serialize, Clone, Debug)]
pub struct Resource {
    pub id: i64,
    pub title: String,
    pub summary: String,
    pub summary_html: String,
    pub kind: String,
    pub organisation_id: Option<i64>,
    pub published_on: Option<String>,
    pub licence: String,
    pub link: Option<String>,
    pub access: String,
    pub group_id: Option<i64>,
    pub family_id: i64,
    pub downloads: i64,
    pub created_by: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

const COLUMNS: &str = "id, title, summary, summary_html, kind, organisation_id, published_on, licence, link, \
                       access, group_id, family_id, downloads, created_by, created_at, updated_at";

impl Resource {
    /// An unreadable access level counts as the narrowest.
    pub fn access(&self) -> ResourceAccess {
        self.access.parse().unwrap_or(ResourceAccess::Group)
    }
}

/// What a viewer may do with a resource.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rights {
    pub view: bool,
    /// Change, add versions to, and delete: its creator, coordinators and admins.
    pub edit: bool,
}

impl Rights {
    /// `in_group`: the viewer is an active member of the resource's group (if it has one).
    pub fn of(viewer: &Viewer, resource: &Resource, in_group: bool) -> Rights {
        let view = match resource.access() {
            ResourceAccess::Public => true,
            ResourceAccess::Members => viewer.is_member(),
            ResourceAccess::Group => viewer.is_member() && in_group && resource.group_id.is_some(),
        };
        let own = resource.created_by.is_some_and(|c| viewer.is(c));
        Rights { view, edit: view && viewer.is_member() && (own || viewer.is_coordinator()) }
    }
}

/// [`Rights::of`]'s `view` as an SQL condition over the `resources` row `r`.
pub fn visible_sql(r: &str, viewer: &Viewer) -> String {
    // Literal: a number and booleans from the session, and not every query binds the same.
    let who = crate::web::Who::literal(viewer);
    let member = who.member();
    format!(
        "({r}.access = 'public' OR ({member} AND {r}.access = 'members') OR ({member} AND {r}.access = 'group' AND {}))",
        crate::groups::access::member_sql(&format!("{r}.group_id"), &who)
    )
}

/// Resources every member may see, as SQL on the `resources` row `r`: what the demo links
/// from initiatives and what the public figures count.
pub fn open_to_members_sql(r: &str) -> String {
    format!("{r}.access IN ('public', 'members')")
}

/// Resources a viewer may point to (from a champion's support record): id and title.
pub async fn choices(db: &Db, viewer: &Viewer) -> Result<Vec<(i64, String)>, sqlx::Error> {
    let sql = format!(
        "SELECT r.id, r.title FROM resources r WHERE {} ORDER BY lower(r.title), r.id",
        visible_sql("r", viewer)
    );
    on_db!(db, pool => sqlx::query_as(&sql).fetch_all(pool).await)
}

pub async fn load(db: &Db, id: i64) -> Result<Option<Resource>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM resources WHERE id = $1");
    on_db!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await)
}

async fn in_group(db: &Db, viewer: &Viewer, group: Option<i64>) -> Result<bool, sqlx::Error> {
    let Some(group) = group else { return Ok(false) };
    let sql = format!("SELECT {}", crate::groups::access::member_sql("$1", &crate::web::Who::literal(viewer)));
    on_db!(db, pool => sqlx::query_scalar(&sql).bind(group).fetch_one(pool).await)
}

/// The resource and the viewer's rights, or the error for one who may not see it: sign in
/// for a members' resource, and otherwise as if it did not exist.
pub async fn visible(db: &Db, viewer: &Viewer, id: i64) -> AppResult<(Resource, Rights)> {
    let resource = load(db, id).await?.ok_or(AppError::NotFound)?;
    let rights = Rights::of(viewer, &resource, in_group(db, viewer, resource.group_id).await?);
    match (rights.view, resource.access(), viewer.is_member()) {
        (true, _, _) => Ok((resource, rights)),
        (false, ResourceAccess::Members, false) => Err(AppError::SignInRequired),
        (false, _, _) => Err(AppError::NotFound),
    }
}

/// Topics, languages and countries of some resources: (resource, vocabulary, key).
async fn tags_of(db: &Db, ids: &[i64]) -> Result<Vec<(i64, String, String)>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut args = Args::default();
    let list: Vec<String> = ids.iter().map(|id| args.push(Arg::Int(*id))).collect();
    let sql = format!(
        "SELECT resource_id, vocab, key FROM resource_tags WHERE resource_id IN ({}) ORDER BY resource_id, vocab, key",
        list.join(", ")
    );
    on_db!(db, pool => bind_args!(sqlx::query_as(&sql), args).fetch_all(pool).await)
}

fn tags_for<'a>(tags: &'a [(i64, String, String)], id: i64, vocab: &str) -> Vec<&'a str> {
    tags.iter().filter(|(r, v, _)| *r == id && v == vocab).map(|(_, _, k)| k.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::Role;

    fn resource(access: &str, group: Option<i64>, creator: i64) -> Resource {
        Resource {
            id: 1,
            title: "t".into(),
            summary: String::new(),
            summary_html: String::new(),
            kind: "guide".into(),
            organisation_id: None,
            published_on: None,
            licence: "cc-by".into(),
            link: None,
            access: access.into(),
            group_id: group,
            family_id: 1,
            downloads: 0,
            created_by: Some(creator),
            created_at: 0,
            updated_at: 0,
        }
    }

    #[test]
    fn rights_matrix() {
        let public = Viewer::for_tests(5, None);
        let member = Viewer::for_tests(5, Some(Role::Member));
        let other = Viewer::for_tests(6, Some(Role::Member));
        let admin = Viewer::for_tests(7, Some(Role::Admin));
        let r = |view, edit| Rights { view, edit };
        let cases = [
            (&public, resource("public", None, 5), false, r(true, false)),
            (&public, resource("members", None, 5), false, r(false, false)),
            (&member, resource("members", None, 5), false, r(true, true)),
            (&other, resource("members", None, 5), false, r(true, false)),
            (&admin, resource("members", None, 5), false, r(true, true)),
            (&other, resource("group", Some(3), 5), false, r(false, false)),
            (&other, resource("group", Some(3), 5), true, r(true, false)),
            // Not even admins see a group's resources from outside it.
            (&admin, resource("group", Some(3), 5), false, r(false, false)),
            (&admin, resource("group", Some(3), 5), true, r(true, true)),
            (&public, resource("group", Some(3), 5), true, r(false, false)),
            (&member, resource("nonsense", None, 5), true, r(false, false)),
        ];
        for (who, res, in_group, want) in cases {
            assert_eq!(Rights::of(who, &res, in_group), want, "{:?} {} {in_group}", who.role(), res.access);
        }
    }

    #[test]
    fn links_are_http_or_https_only() {
        assert!(parse_link("https://www.ohchr.org/en/publications").is_ok());
        assert!(parse_link(" http://example.org/a?b=c ").is_ok());
        for bad in [
            "javascript:alert(1)",
            "data:text/html,<script>",
            "ftp://example.org/x",
            "file:///etc/passwd",
            "example.org",
            "https://",
            "http://",
        ] {
            assert!(parse_link(bad).is_err(), "{bad}");
        }
    }
}
