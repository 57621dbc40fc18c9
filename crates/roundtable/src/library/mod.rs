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
pub mod export;
pub mod feed;
pub mod files;
pub mod scrub;
pub mod search;

use std::path::Path as FsPath;

use axum::extract::{DefaultBodyLimit, Multipart, Path, Query, State};
use axum::http::{Method, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::db::{affected, now_ms, Arg, Args, Db, Tx};
use crate::vocab::{Country, Expertise, Language, Licence, ResourceAccess, ResourceKind, WebhookEvent};
use crate::web::csrf::token_matches;
use crate::web::Routes;
use crate::web::{page_number, AppError, AppResult, AppState, Form, Message, Page, SignedIn, Viewer};
use crate::{bind_args, on_db, on_tx};
use files::{Received, Upload};

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
        ("/library", get(list)),
        ("/library/new", get(new_form)),
        ("/library/export", get(export::catalogue)),
        ("/library/public.atom", get(feed::public_resources)),
        ("/library/{id}", get(show).post(update)),
        ("/library/{id}/edit", get(edit_form)),
        ("/library/{id}/delete", post(delete)),
        ("/library/{id}/files/{version}", get(download)),
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
        ("/library", post(create).layer(limit())),
        ("/library/{id}/versions", post(add_version).layer(limit())),
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

// ---- listing ------------------------------------------------------------------------------

#[derive(Deserialize, Default)]
struct ListQuery {
    #[serde(rename = "type")]
    kind: Option<String>,
    topic: Option<String>,
    language: Option<String>,
    country: Option<String>,
    /// One group's resources (of a group the viewer belongs to; any other shows none).
    group: Option<i64>,
    page: Option<i64>,
    done: Option<String>,
}

#[derive(sqlx::FromRow)]
struct Listed {
    id: i64,
    title: String,
    summary: String,
    kind: String,
    published_on: Option<String>,
    access: String,
    is_file: bool,
    downloads: i64,
    organisation: Option<String>,
}

fn parse_filter<T: std::str::FromStr<Err = AppError>>(value: &Option<String>) -> AppResult<Option<T>> {
    value.as_deref().filter(|v| !v.is_empty()).map(str::parse).transpose()
}

async fn list(State(state): State<AppState>, page: Page, Query(q): Query<ListQuery>) -> AppResult<Html<String>> {
    let kind: Option<ResourceKind> = parse_filter(&q.kind)?;
    let topic: Option<Expertise> = parse_filter(&q.topic)?;
    let language: Option<Language> = parse_filter(&q.language)?;
    let country: Option<Country> = parse_filter(&q.country)?;
    let number = page_number(q.page);

    let mut args = Args::default();
    let mut filter = visible_sql("r", &page.viewer);
    if let Some(k) = kind {
        filter += &format!(" AND r.kind = {}", args.push(Arg::Text(k.key().into())));
    }
    for (vocab, key) in [
        ("topic", topic.map(|t| t.key())),
        ("language", language.map(|l| l.key())),
        ("country", country.map(|c| c.key())),
    ] {
        if let Some(key) = key {
            let (v, k) = (args.push(Arg::Text(vocab.into())), args.push(Arg::Text(key.into())));
            filter += &format!(
                " AND EXISTS (SELECT 1 FROM resource_tags t WHERE t.resource_id = r.id AND t.vocab = {v} AND t.key = {k})"
            );
        }
    }
    if let Some(g) = q.group {
        filter += &format!(" AND r.access = 'group' AND r.group_id = {}", args.push(Arg::Int(g)));
    }
    let count_sql = format!("SELECT COUNT(*) FROM resources r WHERE {filter}");
    let total: i64 = on_db!(&state.db, pool => bind_args!(sqlx::query_scalar(&count_sql), args).fetch_one(pool).await)?;
    let member = args.push(Arg::Bool(page.viewer.is_member()));
    let sql = format!(
        "SELECT r.id, r.title, r.summary, r.kind, r.published_on, r.access, (r.link IS NULL) AS is_file, r.downloads, \
           CASE WHEN {org_visible} THEN o.name END AS organisation \
         FROM resources r LEFT JOIN organisations o ON o.id = r.organisation_id WHERE {filter} \
         ORDER BY COALESCE(r.published_on, '') DESC, r.id DESC LIMIT {PER_PAGE} OFFSET {}",
        (number - 1) * PER_PAGE,
        org_visible = crate::orgs::visible_sql("o", &member),
    );
    let rows: Vec<Listed> = on_db!(&state.db, pool => bind_args!(sqlx::query_as(&sql), args).fetch_all(pool).await)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let tags = tags_of(&state.db, &ids).await?;
    let resources: Vec<Value> = rows
        .iter()
        .map(|r| {
            context! {
                id => r.id, title => r.title, summary => crate::groups::snippet(&crate::web::markdown::plain(&r.summary), 200), kind => r.kind,
                published_on => r.published_on, access => r.access, is_file => r.is_file, downloads => r.downloads,
                organisation => r.organisation,
                topics => tags_for(&tags, r.id, "topic"), languages => tags_for(&tags, r.id, "language"),
                countries => tags_for(&tags, r.id, "country"),
            }
        })
        .collect();
    // The group is named only to its members: anyone else could probe secret groups' names.
    let group = match q.group {
        Some(g) if in_group(&state.db, &page.viewer, Some(g)).await? => {
            crate::groups::load(&state.db, g).await?.map(|g| g.name)
        }
        _ => None,
    };
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in [
        ("type", kind.map(|k| k.key())),
        ("topic", topic.map(|t| t.key())),
        ("language", language.map(|l| l.key())),
        ("country", country.map(|c| c.key())),
    ] {
        if let Some(v) = value {
            query.append_pair(name, v);
        }
    }
    if let Some(g) = q.group {
        query.append_pair("group", &g.to_string());
    }
    let done = q.done.as_deref().filter(|d| *d == "deleted");
    page.render(
        &state,
        "library/list.html",
        context! {
            resources, total, page => number, pages => (total + PER_PAGE - 1) / PER_PAGE, query => query.finish(), done, group,
            kinds => ResourceKind::keys(), topics => Expertise::keys(), languages => Language::keys(), countries => Country::keys(),
            selected => context! {
                kind => kind.map(|k| k.key()), topic => topic.map(|t| t.key()),
                language => language.map(|l| l.key()), country => country.map(|c| c.key()),
            },
        },
    )
}

// ---- one resource -------------------------------------------------------------------------

#[derive(sqlx::FromRow, Serialize)]
struct Version {
    id: i64,
    filename: String,
    size: i64,
    media_type: String,
    created_at: i64,
}

#[derive(Deserialize, Default)]
struct ShowQuery {
    done: Option<String>,
}

async fn show(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<ShowQuery>,
) -> AppResult<Html<String>> {
    let (resource, rights) = visible(&state.db, &page.viewer, id).await?;
    let versions: Vec<Version> = on_db!(&state.db, pool => sqlx::query_as(
        "SELECT id, filename, size, media_type, created_at FROM resource_versions WHERE resource_id = $1 ORDER BY id DESC")
        .bind(id).fetch_all(pool).await)?;
    let organisation: Option<(i64, String)> = match resource.organisation_id {
        Some(o) => {
            on_db!(&state.db, pool => sqlx::query_as("SELECT id, name FROM organisations WHERE id = $1 AND (public OR $2)")
            .bind(o).bind(page.viewer.is_member()).fetch_optional(pool).await)?
        }
        None => None,
    };
    let group: Option<String> = match resource.group_id {
        Some(g) => crate::groups::load(&state.db, g).await?.map(|g| g.name),
        None => None,
    };
    // The other languages of this resource, as far as the viewer may see them.
    let mut args = Args::default();
    let visible = visible_sql("r", &page.viewer);
    let (family, me) = (args.push(Arg::Int(resource.family_id)), args.push(Arg::Int(id)));
    let sql = format!("SELECT r.id, r.title FROM resources r WHERE r.family_id = {family} AND r.id <> {me} AND {visible} ORDER BY r.created_at, r.id");
    let variants: Vec<(i64, String)> =
        on_db!(&state.db, pool => bind_args!(sqlx::query_as(&sql), args).fetch_all(pool).await)?;
    let mut ids: Vec<i64> = variants.iter().map(|v| v.0).collect();
    ids.push(id);
    let tags = tags_of(&state.db, &ids).await?;
    let variants: Vec<Value> = variants
        .iter()
        .map(|(vid, title)| context! { id => vid, title, languages => tags_for(&tags, *vid, "language") })
        .collect();
    let done = q.done.as_deref().filter(|d| ["created", "saved", "version"].contains(d));
    page.render(
        &state,
        "library/show.html",
        context! {
            resource, versions, variants, organisation, group, done,
            edit => rights.edit, member => page.viewer.is_member(),
            topics => tags_for(&tags, id, "topic"), languages => tags_for(&tags, id, "language"),
            countries => tags_for(&tags, id, "country"),
            limit_mb => state.config.upload_limit_mb,
        },
    )
}

async fn download(
    State(state): State<AppState>,
    viewer: Viewer,
    method: Method,
    Path((id, version)): Path<(i64, i64)>,
) -> AppResult<Response> {
    visible(&state.db, &viewer, id).await?;
    let row: Option<(String, String, String)> = on_db!(&state.db, pool => sqlx::query_as(
        "SELECT sha256, filename, media_type FROM resource_versions WHERE id = $1 AND resource_id = $2")
        .bind(version).bind(id).fetch_optional(pool).await)?;
    let (sha256, filename, media_type) = row.ok_or(AppError::NotFound)?;
    let bytes = tokio::fs::read(files::path_of(&state.config.data_dir, &sha256))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("library file {sha256} of resource {id} unreadable: {e}")))?;
    // A HEAD request (a link checker, a download manager probing) is not a download.
    if method == Method::GET {
        count_download(&state, id).await?;
    }
    Ok(files::download(bytes, media_type, &filename))
}

/// One more download of resource `id`: in all, and on today's line (UTC) of the per-day
/// counts the impact dashboard reads. Never who downloaded.
async fn count_download(state: &AppState, id: i64) -> Result<(), sqlx::Error> {
    let day = chrono::DateTime::from_timestamp_millis(state.clock.now_ms()).unwrap_or_default().format("%Y-%m-%d");
    let mut tx = state.db.begin().await?;
    on_tx!(&mut tx, c => sqlx::query("UPDATE resources SET downloads = downloads + 1 WHERE id = $1")
        .bind(id).execute(&mut **c).await.map(affected))?;
    let sql = "INSERT INTO resource_downloads (resource_id, day, count) VALUES ($1, $2, 1) \
               ON CONFLICT (resource_id, day) DO UPDATE SET count = resource_downloads.count + 1";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(day.to_string()).execute(&mut **c).await.map(affected))?;
    tx.commit().await
}

// ---- the form -----------------------------------------------------------------------------

#[derive(Deserialize, Default, Serialize)]
struct ResourceForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    summary: String,
    #[serde(default, rename = "type")]
    kind: String,
    #[serde(default)]
    topics: Vec<String>,
    #[serde(default)]
    languages: Vec<String>,
    #[serde(default)]
    countries: Vec<String>,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    published: String,
    #[serde(default)]
    licence: String,
    #[serde(default)]
    link: String,
    #[serde(default)]
    access: String,
    #[serde(default)]
    group: String,
    #[serde(default)]
    translation_of: String,
}

/// A resource's description, parsed.
pub struct Description {
    pub title: String,
    pub summary: String,
    pub kind: ResourceKind,
    pub topics: Vec<Expertise>,
    pub languages: Vec<Language>,
    pub countries: Vec<Country>,
    pub organisation: Option<i64>,
    pub published: Option<chrono::NaiveDate>,
    pub licence: Licence,
    pub link: Option<url::Url>,
    pub access: ResourceAccess,
    pub group: Option<i64>,
}

fn text(value: &str, max: usize) -> AppResult<String> {
    let value = value.trim().replace("\r\n", "\n");
    if value.chars().count() > max {
        return Err(AppError::Invalid(Message::new("error-too-long").arg("max", max as i64)));
    }
    if value.chars().any(|c| c.is_control() && c != '\n') {
        return Err(AppError::invalid("error-control-characters"));
    }
    Ok(value)
}

/// An external address: http or https, with a host, and nothing that could run.
pub fn parse_link(value: &str) -> AppResult<url::Url> {
    let value = value.trim();
    let url = url::Url::parse(value).map_err(|_| AppError::invalid("library-error-link"))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none_or(str::is_empty) || value.len() > MAX_LINK {
        return Err(AppError::invalid("library-error-link"));
    }
    Ok(url)
}

fn parse_all<T: std::str::FromStr<Err = AppError> + Ord>(values: &[String]) -> AppResult<Vec<T>> {
    let mut parsed: Vec<T> = values.iter().filter(|v| !v.is_empty()).map(|v| v.parse()).collect::<AppResult<_>>()?;
    parsed.sort();
    parsed.dedup();
    Ok(parsed)
}

fn optional_id(value: &str, error: &'static str) -> AppResult<Option<i64>> {
    match value.trim() {
        "" => Ok(None),
        v => v.parse().map(Some).map_err(|_| AppError::invalid(error)),
    }
}

impl ResourceForm {
    /// The form of a multipart request, from its text fields.
    fn from_fields(fields: &[(String, String)]) -> AppResult<ResourceForm> {
        let encoded = serde_html_form::to_string(fields).map_err(|_| AppError::invalid("error-form-malformed"))?;
        serde_html_form::from_str(&encoded).map_err(|_| AppError::invalid("error-form-malformed"))
    }

    fn parse(&self) -> AppResult<Description> {
        let title = text(&self.title, MAX_TITLE)?;
        if title.is_empty() {
            return Err(AppError::invalid("library-error-title"));
        }
        let languages: Vec<Language> = parse_all(&self.languages)?;
        if languages.is_empty() {
            return Err(AppError::invalid("library-error-language"));
        }
        let access: ResourceAccess = self.access.parse()?;
        let group = optional_id(&self.group, "library-error-group")?;
        let group = match (access, group) {
            (ResourceAccess::Group, None) => return Err(AppError::invalid("library-error-group")),
            (ResourceAccess::Group, g) => g,
            _ => None,
        };
        let published = match self.published.trim() {
            "" => None,
            d => Some(
                chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                    .map_err(|_| AppError::invalid("library-error-date"))?,
            ),
        };
        Ok(Description {
            title,
            summary: text(&self.summary, MAX_SUMMARY)?,
            kind: self.kind.parse()?,
            topics: parse_all(&self.topics)?,
            languages,
            countries: parse_all(&self.countries)?,
            organisation: optional_id(&self.organisation, "error-unknown-organisation")?,
            published,
            licence: self.licence.parse()?,
            link: match self.link.trim() {
                "" => None,
                l => Some(parse_link(l)?),
            },
            access,
            group,
        })
    }
}

/// Checks what the description points to: the organisation exists, and the group is one
/// the author belongs to.
async fn check_references(db: &Db, viewer: &Viewer, d: &Description) -> AppResult<()> {
    if let Some(o) = d.organisation {
        let found: Option<i64> = on_db!(db, pool => sqlx::query_scalar("SELECT id FROM organisations WHERE id = $1 AND (public OR $2)")
            .bind(o).bind(viewer.is_member()).fetch_optional(pool).await)?;
        found.ok_or(AppError::invalid("error-unknown-organisation"))?;
    }
    if d.group.is_some() && !in_group(db, viewer, d.group).await? {
        return Err(AppError::invalid("library-error-group"));
    }
    Ok(())
}

/// Groups the viewer may file resources under: those they are an active member of.
async fn my_groups(db: &Db, viewer: &Viewer) -> Result<Vec<(i64, String)>, sqlx::Error> {
    let sql = "SELECT g.id, g.name FROM network_groups g JOIN group_members m ON m.group_id = g.id \
               WHERE m.user_id = $1 AND m.status = 'active' ORDER BY lower(g.name)";
    on_db!(db, pool => sqlx::query_as(sql).bind(viewer.id().unwrap_or(-1)).fetch_all(pool).await)
}

struct FormPage<'a> {
    form: &'a ResourceForm,
    /// The resource being edited; `None` for a new one.
    id: Option<i64>,
    /// Whether the resource is a link (editing) — files change through versions.
    is_link: bool,
    /// The resource this one translates, for a new translation.
    source: Option<(i64, String)>,
}

async fn edit_page(state: &AppState, page: &Page, f: FormPage<'_>, error: Option<String>) -> AppResult<Html<String>> {
    let organisations = crate::orgs::visible_choices(&state.db, &page.viewer).await?;
    let groups = my_groups(&state.db, &page.viewer).await?;
    page.render(
        state,
        "library/edit.html",
        context! {
            form => f.form, id => f.id, is_link => f.is_link, source => f.source, error, organisations, groups,
            kinds => ResourceKind::keys(), topics => Expertise::keys(), languages => Language::keys(),
            countries => Country::keys(), licences => Licence::keys(), accesses => ResourceAccess::keys(),
            limit_mb => state.config.upload_limit_mb,
        },
    )
}

/// The form again, with what was wrong (422); other errors pass through.
async fn refused(state: &AppState, page: &Page, f: FormPage<'_>, err: AppError) -> AppResult<Response> {
    let AppError::Invalid(m) = err else { return Err(err) };
    let html = edit_page(state, page, f, Some(page.locale.t_args(m.id, &m.args))).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
}

#[derive(Deserialize, Default)]
struct NewQuery {
    translation_of: Option<i64>,
}

/// The resource a new one translates, if the viewer may see it.
async fn source(db: &Db, viewer: &Viewer, id: Option<i64>) -> AppResult<Option<Resource>> {
    match id {
        Some(id) => match visible(db, viewer, id).await {
            Ok((r, _)) => Ok(Some(r)),
            Err(AppError::NotFound | AppError::SignInRequired) => Err(AppError::invalid("library-error-translation")),
            Err(e) => Err(e),
        },
        None => Ok(None),
    }
}

async fn new_form(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Query(q): Query<NewQuery>,
) -> AppResult<Html<String>> {
    let mut form = ResourceForm {
        kind: "guide".into(),
        licence: "cc-by".into(),
        access: "members".into(),
        languages: vec![page.locale.tag().into()],
        ..ResourceForm::default()
    };
    let source = source(&state.db, &page.viewer, q.translation_of).await?;
    if let Some(s) = &source {
        // A translation starts from what it translates: type, topics, countries, licence, access.
        let tags = tags_of(&state.db, &[s.id]).await?;
        form.kind = s.kind.clone();
        form.topics = tags_for(&tags, s.id, "topic").into_iter().map(String::from).collect();
        form.countries = tags_for(&tags, s.id, "country").into_iter().map(String::from).collect();
        form.organisation = s.organisation_id.map(|o| o.to_string()).unwrap_or_default();
        form.licence = s.licence.clone();
        form.access = s.access.clone();
        form.group = s.group_id.map(|g| g.to_string()).unwrap_or_default();
        form.translation_of = s.id.to_string();
        form.languages = Vec::new();
    }
    let source = source.map(|s| (s.id, s.title));
    edit_page(&state, &page, FormPage { form: &form, id: None, is_link: false, source }, None).await
}

/// The fields and the file of a multipart form. The CSRF token must come before the file:
/// nothing is written to disk for a request that has not shown it.
pub(crate) async fn read_multipart(
    page: &Page,
    mut multipart: Multipart,
    data_dir: &FsPath,
    limit: u64,
) -> AppResult<(Vec<(String, String)>, Option<Received>)> {
    let mut fields = Vec::new();
    let mut token: Option<String> = None;
    let mut file = None;
    while let Some(field) = multipart.next_field().await.map_err(|e| files::multipart_error(&e, limit))? {
        let name = field.name().unwrap_or("").to_string();
        if name == "file" {
            if !token.as_deref().is_some_and(|t| token_matches(&page.csrf, t)) {
                return Err(AppError::Csrf);
            }
            // A form sent without choosing a file carries an empty, nameless part.
            if field.file_name().is_none_or(str::is_empty) {
                field.bytes().await.map_err(|e| files::multipart_error(&e, limit))?;
                continue;
            }
            if file.is_some() {
                return Err(AppError::invalid("error-form-malformed"));
            }
            file = Some(files::receive(field, data_dir, limit).await?);
            continue;
        }
        let value = bounded_text(field, limit).await?;
        if name == "csrf" {
            token = Some(value);
        } else {
            fields.push((name, value));
        }
    }
    if !token.as_deref().is_some_and(|t| token_matches(&page.csrf, t)) {
        return Err(AppError::Csrf);
    }
    Ok((fields, file))
}

/// A text field, refused as soon as it grows past [`MAX_FIELD`].
async fn bounded_text(mut field: axum::extract::multipart::Field<'_>, limit: u64) -> AppResult<String> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(|e| files::multipart_error(&e, limit))? {
        if bytes.len() + chunk.len() > MAX_FIELD {
            return Err(AppError::TooLarge);
        }
        bytes.extend_from_slice(&chunk);
    }
    String::from_utf8(bytes).map_err(|_| AppError::invalid("error-form-malformed"))
}

pub(crate) fn accepted(file: Option<Received>) -> AppResult<Option<Upload>> {
    match file {
        None => Ok(None),
        Some(Received::Upload(u)) => Ok(Some(u)),
        Some(Received::Refused(e)) => Err(e),
    }
}

async fn write_tags(tx: &mut Tx, id: i64, d: &Description) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("DELETE FROM resource_tags WHERE resource_id = $1").bind(id).execute(&mut **c).await.map(affected))?;
    let tags = d
        .topics
        .iter()
        .map(|t| ("topic", t.key()))
        .chain(d.languages.iter().map(|l| ("language", l.key())))
        .chain(d.countries.iter().map(|c| ("country", c.key())));
    for (vocab, key) in tags {
        on_tx!(tx, c => sqlx::query("INSERT INTO resource_tags (resource_id, vocab, key) VALUES ($1, $2, $3)")
            .bind(id).bind(vocab).bind(key).execute(&mut **c).await.map(affected))?;
    }
    Ok(())
}

/// Records a stored file and a version of `resource` pointing to it.
async fn write_version(tx: &mut Tx, resource: i64, upload: &Upload, at: i64) -> Result<(), sqlx::Error> {
    let sql = "INSERT INTO library_files (sha256, size, media_type, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING";
    on_tx!(tx, c => sqlx::query(sql).bind(&upload.sha256).bind(upload.size).bind(upload.media_type).bind(at)
        .execute(&mut **c).await.map(affected))?;
    let sql = "INSERT INTO resource_versions (resource_id, sha256, filename, size, media_type, created_at) VALUES ($1, $2, $3, $4, $5, $6)";
    on_tx!(tx, c => sqlx::query(sql).bind(resource).bind(&upload.sha256).bind(&upload.filename).bind(upload.size)
        .bind(upload.media_type).bind(at).execute(&mut **c).await.map(affected))?;
    Ok(())
}

/// Writes a new resource (with its file, if any) in one transaction; returns its id.
pub async fn insert(
    tx: &mut Tx,
    d: &Description,
    family: Option<i64>,
    author: Option<i64>,
    at: i64,
) -> Result<i64, sqlx::Error> {
    let sql =
        "INSERT INTO resources (id, title, summary, summary_html, kind, organisation_id, published_on, licence, link, \
               access, group_id, family_id, created_by, created_at, updated_at) \
               VALUES ($14, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id";
    let id: i64 = on_tx!(tx, c => sqlx::query_scalar(sql).bind(&d.title).bind(&d.summary)
        .bind(crate::web::markdown::render(&d.summary)).bind(d.kind.key()).bind(d.organisation)
        .bind(d.published.map(|p| p.to_string())).bind(d.licence.key()).bind(d.link.as_ref().map(url::Url::as_str))
        .bind(d.access.key()).bind(d.group).bind(family.unwrap_or(0)).bind(author).bind(at).bind(crate::db::secret_id()).fetch_one(&mut **c).await)?;
    if family.is_none() {
        on_tx!(tx, c => sqlx::query("UPDATE resources SET family_id = id WHERE id = $1").bind(id).execute(&mut **c).await.map(affected))?;
    }
    write_tags(tx, id, d).await?;
    Ok(id)
}

/// Any member adds a resource: a file or a link, never both.
async fn create(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    multipart: Multipart,
) -> AppResult<Response> {
    // Checked before the upload is stored: a member over the limit sends nothing to disk.
    let recent: i64 = on_db!(&state.db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM resources WHERE created_by = $1 AND created_at > $2")
        .bind(user.user_id).bind(now_ms() - 86_400_000).fetch_one(pool).await)?;
    if recent >= RESOURCES_PER_DAY {
        files::drain(multipart).await;
        return Err(AppError::TooMany(Message::new("library-error-too-many")));
    }
    let data_dir = state.config.data_dir.clone();
    let (fields, file) = read_multipart(&page, multipart, &data_dir, state.config.upload_limit()).await?;
    let form = ResourceForm::from_fields(&fields)?;
    let checked = async {
        let upload = accepted(file)?;
        let d = form.parse()?;
        if d.link.is_some() == upload.is_some() {
            return Err(AppError::invalid("library-error-file-or-link"));
        }
        check_references(&state.db, &page.viewer, &d).await?;
        let source =
            source(&state.db, &page.viewer, optional_id(&form.translation_of, "library-error-translation")?).await?;
        Ok((d, upload, source))
    };
    let (d, upload, source) = match checked.await {
        Ok(v) => v,
        Err(e) => {
            let f = FormPage { form: &form, id: None, is_link: false, source: None };
            return refused(&state, &page, f, e).await;
        }
    };
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    // Again inside the transaction: parallel uploads cannot all pass the check above.
    RESOURCES.check(&mut tx, user.user_id, now).await?;
    let id = insert(&mut tx, &d, source.map(|s| s.family_id), Some(user.user_id), now).await?;
    if let Some(upload) = &upload {
        write_version(&mut tx, id, upload, now).await?;
    }
    search::index(&mut tx, id).await?;
    // A group's resource stays inside: only what every member may read goes out.
    if d.access != ResourceAccess::Group {
        let page = state.config.base_url.join(&format!("library/{id}")).map(String::from).ok();
        let resource =
            serde_json::json!({ "id": id, "title": d.title, "kind": d.kind, "access": d.access, "page": page });
        let told = crate::webhooks::Told {
            event: WebhookEvent::ResourcePublished,
            data: serde_json::json!({ "resource": resource }),
            member: None,
            wait_ms: 0,
        };
        crate::webhooks::enqueue(&mut tx, now, told).await?;
    }
    tx.commit().await?;
    if let Some(upload) = upload {
        upload.keep(&data_dir).map_err(|e| AppError::Internal(anyhow::anyhow!("storing library file: {e}")))?;
    }
    Ok(Redirect::to(&format!("/library/{id}?done=created")).into_response())
}

async fn edit_form(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Html<String>> {
    let (r, rights) = visible(&state.db, &page.viewer, id).await?;
    if !rights.edit {
        return Err(AppError::Forbidden);
    }
    let tags = tags_of(&state.db, &[id]).await?;
    let owned = |vocab| tags_for(&tags, id, vocab).into_iter().map(String::from).collect();
    let form = ResourceForm {
        title: r.title.clone(),
        summary: r.summary.clone(),
        kind: r.kind.clone(),
        topics: owned("topic"),
        languages: owned("language"),
        countries: owned("country"),
        organisation: r.organisation_id.map(|o| o.to_string()).unwrap_or_default(),
        published: r.published_on.clone().unwrap_or_default(),
        licence: r.licence.clone(),
        link: r.link.clone().unwrap_or_default(),
        access: r.access.clone(),
        group: r.group_id.map(|g| g.to_string()).unwrap_or_default(),
        translation_of: String::new(),
    };
    edit_page(&state, &page, FormPage { form: &form, id: Some(id), is_link: r.link.is_some(), source: None }, None)
        .await
}

async fn update(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<ResourceForm>,
) -> AppResult<Response> {
    let (r, rights) = visible(&state.db, &page.viewer, id).await?;
    if !rights.edit {
        return Err(AppError::Forbidden);
    }
    let is_link = r.link.is_some();
    let checked = async {
        let d = form.parse()?;
        // A link stays a link and a file a file; files change by new versions.
        if d.link.is_some() != is_link {
            return Err(AppError::invalid("library-error-file-or-link"));
        }
        check_references(&state.db, &page.viewer, &d).await?;
        Ok(d)
    };
    let d = match checked.await {
        Ok(d) => d,
        Err(e) => {
            return refused(&state, &page, FormPage { form: &form, id: Some(id), is_link, source: None }, e).await
        }
    };
    let mut tx = state.db.begin().await?;
    let sql = "UPDATE resources SET title = $1, summary = $2, summary_html = $3, kind = $4, organisation_id = $5, \
               published_on = $6, licence = $7, link = $8, access = $9, group_id = $10, updated_at = $11 WHERE id = $12";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(&d.title).bind(&d.summary).bind(crate::web::markdown::render(&d.summary))
        .bind(d.kind.key()).bind(d.organisation).bind(d.published.map(|p| p.to_string())).bind(d.licence.key())
        .bind(d.link.as_ref().map(url::Url::as_str)).bind(d.access.key()).bind(d.group).bind(now_ms()).bind(id)
        .execute(&mut **c).await.map(affected))?;
    write_tags(&mut tx, id, &d).await?;
    // Who finds it in search changes with its access, in the same transaction.
    search::index(&mut tx, id).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/library/{id}?done=saved")).into_response())
}

/// A new version of a file resource; the earlier ones stay listed and downloadable.
async fn add_version(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
    multipart: Multipart,
) -> AppResult<Response> {
    let (r, rights) = visible(&state.db, &page.viewer, id).await?;
    if !rights.edit {
        return Err(AppError::Forbidden);
    }
    let data_dir = state.config.data_dir.clone();
    let (_, file) = read_multipart(&page, multipart, &data_dir, state.config.upload_limit()).await?;
    if r.link.is_some() {
        return Err(AppError::invalid("library-error-version-of-link"));
    }
    let upload = accepted(file)?.ok_or(AppError::invalid("library-error-file-empty"))?;
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    VERSIONS.check(&mut tx, id, now).await?;
    write_version(&mut tx, id, &upload, now).await?;
    on_tx!(&mut tx, c => sqlx::query("UPDATE resources SET updated_at = $1 WHERE id = $2").bind(now).bind(id)
        .execute(&mut **c).await.map(affected))?;
    search::index(&mut tx, id).await?;
    tx.commit().await?;
    upload.keep(&data_dir).map_err(|e| AppError::Internal(anyhow::anyhow!("storing library file: {e}")))?;
    Ok(Redirect::to(&format!("/library/{id}?done=version")).into_response())
}

#[derive(Deserialize)]
struct Empty {}

/// Deletes a resource, its versions, and every file no other version still uses.
async fn delete(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    let (_, rights) = visible(&state.db, &page.viewer, id).await?;
    if !rights.edit {
        return Err(AppError::Forbidden);
    }
    let mut tx = state.db.begin().await?;
    let shas: Vec<String> = on_tx!(&mut tx, c => sqlx::query_scalar("SELECT DISTINCT sha256 FROM resource_versions WHERE resource_id = $1")
        .bind(id).fetch_all(&mut **c).await)?;
    on_tx!(&mut tx, c => sqlx::query("UPDATE champion_notes SET resource_id = NULL WHERE resource_id = $1").bind(id)
        .execute(&mut **c).await.map(affected))?;
    on_tx!(&mut tx, c => sqlx::query("DELETE FROM resources WHERE id = $1").bind(id).execute(&mut **c).await.map(affected))?;
    let unused = forget_unused(&mut tx, shas).await?;
    search::index(&mut tx, id).await?;
    tx.commit().await?;
    remove_files(&state.config.data_dir, unused).await;
    Ok(Redirect::to("/library?done=deleted").into_response())
}

/// Of the file store's files `shas`, forgets those nothing uses any more (a resource's
/// version, a post's or an initiative update's attachment) and returns them, for
/// [`remove_files`] to delete once the transaction has committed. The one list of what
/// holds a stored file.
pub(crate) async fn forget_unused(tx: &mut Tx, shas: Vec<String>) -> Result<Vec<String>, sqlx::Error> {
    let mut unused = Vec::new();
    for sha in shas {
        let sql = "DELETE FROM library_files WHERE sha256 = $1 AND NOT EXISTS (SELECT 1 FROM resource_versions v WHERE v.sha256 = $1) \
                   AND NOT EXISTS (SELECT 1 FROM post_attachments a WHERE a.sha256 = $1) \
                   AND NOT EXISTS (SELECT 1 FROM initiative_update_files f WHERE f.sha256 = $1)";
        if on_tx!(tx, c => sqlx::query(sql).bind(&sha).execute(&mut **c).await.map(affected))? > 0 {
            unused.push(sha);
        }
    }
    Ok(unused)
}

/// Deletes from disk the files [`forget_unused`] forgot.
pub(crate) async fn remove_files(data_dir: &FsPath, unused: Vec<String>) {
    for sha in unused {
        if let Err(e) = tokio::fs::remove_file(files::path_of(data_dir, &sha)).await {
            tracing::warn!(error = %e, sha, "library file not removed");
        }
    }
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
