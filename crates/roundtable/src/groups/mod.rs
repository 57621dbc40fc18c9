//! Groups: communities of practice, country groups and working groups. Open groups take any
//! member; closed groups take members their moderators approve; secret groups do not exist
//! for anyone outside them and are joined by invitation only. A group may show its name and
//! purpose to the public; nothing else of it is ever public.
//!
//! What a viewer may see of a group is decided by [`Sight::of`], and nowhere else. Who is in
//! a group follows the platform's rule for at-risk members: only coordinators, admins and
//! the member themself see them, in lists and in counts.

pub mod access;
pub mod api;
pub mod search;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};

use crate::db::{affected, now_ms, Db};
use crate::members::access::Audience;
use crate::notify::{self, Kind, Notice};
use crate::vocab::{GroupAccess, GroupKind};
use crate::web::Routes;
use crate::web::{page_number, AppError, AppResult, AppState, Form, Page, SignedIn, Viewer, Who};
use crate::{on_db, on_tx};
pub use access::{Sight, Standing};

pub const TEMPLATES: &[(&str, &str)] = &[
    ("groups/list.html", include_str!("templates/list.html")),
    ("groups/show.html", include_str!("templates/show.html")),
    ("groups/edit.html", include_str!("templates/edit.html")),
];

const MAX_NAME: usize = 120;
const GROUPS_PER_PAGE: i64 = 30;
/// Groups one member may start in a day; more would be noise (or an attack on listings).
pub const GROUPS: crate::web::limits::Limit = crate::web::limits::Limit {
    count_sql: "SELECT COUNT(*) FROM network_groups WHERE created_by = $1 AND created_at > $2",
    max: 10,
    window_ms: crate::web::limits::DAY,
};
/// Requests to join closed groups one member may make in a day: each notifies the group's
/// moderators, and a request withdrawn (or declined) leaves no row to count.
pub const REQUESTS: crate::web::limits::Logged =
    crate::web::limits::Logged { action: "group_request", max: 20, window_ms: crate::web::limits::DAY };
const MAX_PURPOSE: usize = 2000;

pub fn routes() -> Routes {
    vec![
        ("/groups", get(list).post(create)),
        ("/groups/new", get(new_form)),
        ("/groups/{id}", get(show).post(update)),
        ("/groups/{id}/edit", get(edit_form)),
        ("/groups/{id}/join", post(join)),
        ("/groups/{id}/leave", post(leave)),
        ("/groups/{id}/invite", post(invite)),
        ("/groups/{id}/members/{user}", post(manage)),
        ("/api/v1/groups", get(api::list)),
        ("/api/v1/groups/{id}", get(api::show)),
    ]
}

#[derive(sqlx::FromRow, Serialize, Clone, Debug)]
pub struct Group {
    pub id: i64,
    pub name: String,
    pub purpose: String,
    pub kind: String,
    pub access: String,
    pub listed_publicly: bool,
    /// Anonymous visitors may read the group's threads (never for secret groups).
    pub public_threads: bool,
}

impl Group {
    pub fn access(&self) -> GroupAccess {
        self.access.parse().unwrap_or(GroupAccess::Secret)
    }
}

pub async fn load(db: &Db, id: i64) -> Result<Option<Group>, sqlx::Error> {
    let sql =
        "SELECT id, name, purpose, kind, access, listed_publicly, public_threads FROM network_groups WHERE id = $1";
    on_db!(db, pool => sqlx::query_as(sql).bind(id).fetch_optional(pool).await)
}

pub async fn standing(db: &Db, group: i64, user: Option<i64>) -> Result<Standing, sqlx::Error> {
    let Some(user) = user else { return Ok(Standing::None) };
    let sql = "SELECT role, status FROM group_members WHERE group_id = $1 AND user_id = $2";
    let row: Option<(String, String)> =
        on_db!(db, pool => sqlx::query_as(sql).bind(group).bind(user).fetch_optional(pool).await)?;
    Ok(Standing::from_row(row))
}

/// The group and the viewer's standing, or 404 when the viewer may not know it exists.
pub async fn visible(db: &Db, viewer: &Viewer, id: i64) -> AppResult<(Group, Standing, Sight)> {
    let group = load(db, id).await?.ok_or(AppError::NotFound)?;
    let standing = standing(db, id, viewer.id()).await?;
    match Sight::of(viewer, &group, standing) {
        Sight::None => Err(AppError::NotFound),
        sight => Ok((group, standing, sight)),
    }
}

// ---- listing ------------------------------------------------------------------------------

#[derive(sqlx::FromRow, Serialize)]
struct ListedGroup {
    id: i64,
    name: String,
    purpose: String,
    kind: String,
    access: String,
    /// Active members the viewer may see.
    members: i64,
    mine: bool,
}

#[derive(Deserialize, Default)]
struct ListQuery {
    kind: Option<String>,
    page: Option<i64>,
}

/// The SQL condition under which a member row `gm` counts for a viewer: the member rule
/// ([`crate::members::access::person_sql`]). `$1` is the viewer's id (or -1).
fn visible_member_sql(coordinator: bool) -> String {
    let who = Who::expressions("$1", "TRUE", if coordinator { "TRUE" } else { "FALSE" });
    crate::members::access::person_sql("p", "gm.user_id", &who)
}

async fn list(State(state): State<AppState>, page: Page, Query(q): Query<ListQuery>) -> AppResult<Html<String>> {
    let kind: Option<GroupKind> = q.kind.as_deref().filter(|k| !k.is_empty()).map(str::parse).transpose()?;
    let viewer_id = page.viewer.id().unwrap_or(-1);
    let sql = format!(
        "SELECT g.id, g.name, g.purpose, g.kind, g.access, \
           (SELECT COUNT(*) FROM group_members gm JOIN users u ON u.id = gm.user_id LEFT JOIN profiles p ON p.user_id = gm.user_id \
            WHERE gm.group_id = g.id AND gm.status = 'active' AND u.active AND {visible}) AS members, \
           EXISTS (SELECT 1 FROM group_members me WHERE me.group_id = g.id AND me.user_id = $1 AND me.status = 'active') AS mine \
         FROM network_groups g \
         WHERE {known} AND ($3 = '' OR g.kind = $3) \
         ORDER BY mine DESC, lower(g.name), g.id LIMIT $4 OFFSET $5",
        visible = visible_member_sql(page.viewer.is_coordinator()),
        known = access::known_sql("g", &Who::expressions("$1", "$2", "FALSE")),
    );
    let number = page_number(q.page);
    let mut groups: Vec<ListedGroup> = on_db!(&state.db, pool => sqlx::query_as(&sql)
        .bind(viewer_id).bind(page.viewer.is_member()).bind(kind.map_or("", |k| k.key()))
        .bind(GROUPS_PER_PAGE + 1).bind((number - 1) * GROUPS_PER_PAGE).fetch_all(pool).await)?;
    let more = groups.len() as i64 > GROUPS_PER_PAGE;
    groups.truncate(GROUPS_PER_PAGE as usize);
    let groups: Vec<ListedGroup> =
        groups.into_iter().map(|g| ListedGroup { purpose: snippet(&g.purpose, 180), ..g }).collect();
    // The public sees names and purposes only, not how many belong.
    let counts = page.viewer.is_member();
    page.render(
        &state,
        "groups/list.html",
        context! { groups, counts, kinds => GroupKind::keys(), selected => kind.map(|k| k.key()), page => number, more },
    )
}

/// The first `max` characters of a text, cut at a word where possible.
pub(crate) fn snippet(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

// ---- one group ----------------------------------------------------------------------------

#[derive(sqlx::FromRow, Serialize)]
struct MemberRow {
    user_id: i64,
    name: String,
    role: String,
    status: String,
    at_risk: bool,
}

async fn members_of(db: &Db, viewer: &Viewer, group: i64) -> Result<Vec<MemberRow>, sqlx::Error> {
    let sql = format!(
        "SELECT gm.user_id, u.display_name AS name, gm.role, gm.status, COALESCE(p.at_risk, FALSE) AS at_risk \
         FROM group_members gm JOIN users u ON u.id = gm.user_id LEFT JOIN profiles p ON p.user_id = gm.user_id \
         WHERE gm.group_id = $2 AND u.active AND {} \
         ORDER BY gm.status, gm.role DESC, lower(u.display_name)",
        visible_member_sql(viewer.is_coordinator())
    );
    on_db!(db, pool => sqlx::query_as(&sql).bind(viewer.id().unwrap_or(-1)).bind(group).fetch_all(pool).await)
}

/// People a moderator may invite: active members they can see, not yet in the group.
async fn invitable(db: &Db, viewer: &Viewer, group: i64) -> Result<Vec<(i64, String)>, sqlx::Error> {
    let who = Who::expressions("$3", "TRUE", "$1");
    let sql = format!(
        "SELECT u.id, u.display_name FROM users u LEFT JOIN profiles p ON p.user_id = u.id \
         WHERE u.active AND {} \
         AND NOT EXISTS (SELECT 1 FROM group_members gm WHERE gm.group_id = $2 AND gm.user_id = u.id AND gm.status <> 'requested') \
         ORDER BY lower(u.display_name), u.id",
        crate::members::access::person_sql("p", "u.id", &who)
    );
    on_db!(db, pool => sqlx::query_as(&sql).bind(viewer.is_coordinator()).bind(group).bind(viewer.id().unwrap_or(-1))
        .fetch_all(pool).await)
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
    let (group, standing, sight) = visible(&state.db, &page.viewer, id).await?;
    if let Some(user) = page.viewer.id() {
        notify::mark_read(&state.db, user, "group_id", id).await?;
    }
    let inside = sight == Sight::Inside;
    let moderator = standing == Standing::Moderator;
    let members = if inside { members_of(&state.db, &page.viewer, id).await? } else { Vec::new() };
    let (active, pending): (Vec<MemberRow>, Vec<MemberRow>) = members.into_iter().partition(|m| m.status == "active");
    let pending: Vec<MemberRow> = if moderator { pending } else { Vec::new() };
    let invitable = if moderator { invitable(&state.db, &page.viewer, id).await? } else { Vec::new() };
    let done = q
        .done
        .as_deref()
        .filter(|d| ["created", "saved", "joined", "requested", "invited", "left", "room_on", "room_off"].contains(d));
    let room = crate::chat::rooms::view(&state.db, &page.viewer, id, standing).await?;
    page.render(
        &state,
        "groups/show.html",
        context! {
            group, inside, moderator, members => active, pending, invitable, done, room,
            standing => format!("{standing:?}").to_lowercase(),
        },
    )
}

// ---- creating and editing -----------------------------------------------------------------

#[derive(Deserialize, Default)]
struct GroupForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    purpose: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    access: String,
    listed_publicly: Option<String>,
    public_threads: Option<String>,
}

struct GroupChange {
    name: String,
    purpose: String,
    kind: GroupKind,
    access: GroupAccess,
    listed_publicly: bool,
    public_threads: bool,
}

fn text(value: &str, max: usize, required: bool) -> AppResult<String> {
    let value = value.trim().replace("\r\n", "\n");
    if required && value.is_empty() {
        return Err(AppError::invalid("error-name-required"));
    }
    if value.chars().count() > max {
        return Err(AppError::Invalid(crate::web::Message::new("error-too-long").arg("max", max as i64)));
    }
    if value.chars().any(|c| c.is_control() && c != '\n') {
        return Err(AppError::invalid("error-control-characters"));
    }
    Ok(value)
}

impl GroupForm {
    fn parse(&self) -> AppResult<GroupChange> {
        let access: GroupAccess = self.access.parse()?;
        let listed_publicly = self.listed_publicly.is_some();
        let public_threads = self.public_threads.is_some();
        if access == GroupAccess::Secret && (listed_publicly || public_threads) {
            return Err(AppError::invalid("error-group-secret-listed"));
        }
        Ok(GroupChange {
            name: text(&self.name, MAX_NAME, true)?,
            purpose: text(&self.purpose, MAX_PURPOSE, false)?,
            kind: self.kind.parse()?,
            access,
            listed_publicly,
            public_threads,
        })
    }

    fn view(&self) -> Value {
        context! {
            name => self.name, purpose => self.purpose, kind => self.kind, access => self.access,
            listed_publicly => self.listed_publicly.is_some(), public_threads => self.public_threads.is_some(),
        }
    }
}

fn edit_page(
    page: &Page,
    state: &AppState,
    form: &GroupForm,
    id: Option<i64>,
    error: Option<String>,
) -> AppResult<Html<String>> {
    page.render(
        state,
        "groups/edit.html",
        context! { form => form.view(), id, error, kinds => GroupKind::keys(), accesses => GroupAccess::keys() },
    )
}

fn invalid(page: &Page, state: &AppState, form: &GroupForm, id: Option<i64>, err: AppError) -> AppResult<Response> {
    let AppError::Invalid(m) = err else { return Err(err) };
    let html = edit_page(page, state, form, id, Some(page.locale.t_args(m.id, &m.args)))?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
}

async fn new_form(State(state): State<AppState>, page: Page, _user: SignedIn) -> AppResult<Html<String>> {
    let form = GroupForm { kind: "community_of_practice".into(), access: "open".into(), ..GroupForm::default() };
    edit_page(&page, &state, &form, None, None)
}

/// Any member may start a group and becomes its first moderator.
async fn create(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Form(form): Form<GroupForm>,
) -> AppResult<Response> {
    let change = match form.parse() {
        Ok(c) => c,
        Err(e) => return invalid(&page, &state, &form, None, e),
    };
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    GROUPS.check(&mut tx, user.user_id, now).await?;
    let sql = "INSERT INTO network_groups (id, name, purpose, kind, access, listed_publicly, public_threads, created_by, created_at, updated_at) \
               VALUES ($9, $1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id";
    let inserted: Result<i64, sqlx::Error> = on_tx!(&mut tx, c => sqlx::query_scalar(sql).bind(&change.name)
        .bind(&change.purpose).bind(change.kind.key()).bind(change.access.key()).bind(change.listed_publicly)
        .bind(change.public_threads).bind(user.user_id).bind(now).bind(crate::db::secret_id()).fetch_one(&mut **c).await);
    let id = match inserted {
        Ok(id) => id,
        Err(e) if crate::db::is_unique_violation(&e) => {
            return invalid(&page, &state, &form, None, AppError::invalid("error-group-name-taken"))
        }
        Err(e) => return Err(e.into()),
    };
    let sql = "INSERT INTO group_members (group_id, user_id, role, status, added_by, created_at) VALUES ($1, $2, 'moderator', 'active', $2, $3)";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(user.user_id).bind(now).execute(&mut **c).await.map(affected))?;
    search::index(&mut tx, id).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/groups/{id}?done=created")).into_response())
}

async fn edit_form(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Html<String>> {
    let (group, standing, _) = visible(&state.db, &page.viewer, id).await?;
    if standing != Standing::Moderator {
        return Err(AppError::Forbidden);
    }
    let form = GroupForm {
        name: group.name,
        purpose: group.purpose,
        kind: group.kind,
        access: group.access,
        listed_publicly: group.listed_publicly.then(|| "on".into()),
        public_threads: group.public_threads.then(|| "on".into()),
    };
    edit_page(&page, &state, &form, Some(id), None)
}

async fn update(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<GroupForm>,
) -> AppResult<Response> {
    let (_, standing, _) = visible(&state.db, &page.viewer, id).await?;
    if standing != Standing::Moderator {
        return Err(AppError::Forbidden);
    }
    let change = match form.parse() {
        Ok(c) => c,
        Err(e) => return invalid(&page, &state, &form, Some(id), e),
    };
    let sql = "UPDATE network_groups SET name = $1, purpose = $2, kind = $3, access = $4, listed_publicly = $5, \
               public_threads = $6, updated_at = $7 WHERE id = $8";
    let mut tx = state.db.begin().await?;
    let result = on_tx!(&mut tx, c => sqlx::query(sql).bind(&change.name).bind(&change.purpose).bind(change.kind.key())
        .bind(change.access.key()).bind(change.listed_publicly).bind(change.public_threads).bind(now_ms()).bind(id)
        .execute(&mut **c).await.map(affected));
    match result {
        Ok(_) => {
            // Access or public reading may have changed: who finds the group's posts follows,
            // with the change.
            crate::forums::search::index_group(&mut tx, id).await?;
            search::index(&mut tx, id).await?;
            tx.commit().await?;
            Ok(Redirect::to(&format!("/groups/{id}?done=saved")).into_response())
        }
        Err(e) if crate::db::is_unique_violation(&e) => {
            invalid(&page, &state, &form, Some(id), AppError::invalid("error-group-name-taken"))
        }
        Err(e) => Err(e.into()),
    }
}

// ---- membership ---------------------------------------------------------------------------

/// Join an open group, request to join a closed one, or accept an invitation.
async fn join(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    let viewer = Viewer(Some(user.clone()));
    let (group, standing, _) = visible(&state.db, &viewer, id).await?;
    let (status, done) = match (standing, group.access()) {
        (Standing::Member | Standing::Moderator, _) => {
            return Ok(Redirect::to(&format!("/groups/{id}")).into_response())
        }
        (Standing::Invited, _) | (_, GroupAccess::Open) => ("active", "joined"),
        (Standing::Requested, _) => return Err(AppError::invalid("error-group-already-requested")),
        (Standing::None, GroupAccess::Closed) => ("requested", "requested"),
        (Standing::None, GroupAccess::Secret) => return Err(AppError::NotFound),
    };
    let sql =
        "INSERT INTO group_members (group_id, user_id, role, status, created_at) VALUES ($1, $2, 'member', $3, $4) \
               ON CONFLICT (group_id, user_id) DO UPDATE SET status = excluded.status";
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    if status == "requested" {
        REQUESTS.check_and_log(&mut tx, user.user_id, now).await?;
    }
    on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(user.user_id).bind(status).bind(now)
        .execute(&mut **c).await.map(affected))?;
    crate::chat::rooms::follow(&mut tx, id, user.user_id, now).await?;
    if status == "requested" {
        let sql = "SELECT user_id FROM group_members WHERE group_id = $1 AND role = 'moderator' AND status = 'active' ORDER BY user_id";
        let moderators: Vec<i64> = on_tx!(&mut tx, c => sqlx::query_scalar(sql).bind(id).fetch_all(&mut **c).await)?;
        for moderator in moderators {
            let notice = Notice {
                actor: Some(user.user_id),
                group: Some(id),
                ..Notice::new(moderator, Kind::Group, "requested")
            };
            notify::notify(&mut tx, &state.config, notice).await?;
        }
    }
    tx.commit().await?;
    Ok(Redirect::to(&format!("/groups/{id}?done={done}")).into_response())
}

#[derive(Deserialize, Default)]
struct Empty {}

/// Leave a group, withdraw a request or decline an invitation. The last moderator of a group
/// with other members must hand over first, so that no group is left without one.
async fn leave(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    let viewer = Viewer(Some(user.clone()));
    let (_, standing, _) = visible(&state.db, &viewer, id).await?;
    if standing == Standing::None {
        return Ok(Redirect::to(&format!("/groups/{id}")).into_response());
    }
    let mut tx = state.db.begin().await?;
    if standing == Standing::Moderator {
        // Only members this moderator can see count: the answer must not reveal hidden ones.
        let sql = format!(
            "SELECT SUM(CASE WHEN gm.role = 'moderator' THEN 1 ELSE 0 END), COUNT(*) FROM group_members gm \
             LEFT JOIN profiles p ON p.user_id = gm.user_id WHERE gm.group_id = $2 AND gm.status = 'active' AND {}",
            visible_member_sql(viewer.is_coordinator())
        );
        let (moderators, active): (Option<i64>, i64) =
            on_tx!(&mut tx, c => sqlx::query_as(&sql).bind(user.user_id).bind(id).fetch_one(&mut **c).await)?;
        if moderators.unwrap_or(0) <= 1 && active > 1 {
            return Err(AppError::invalid("error-group-last-moderator"));
        }
    }
    on_tx!(&mut tx, c => sqlx::query("DELETE FROM group_members WHERE group_id = $1 AND user_id = $2")
        .bind(id).bind(user.user_id).execute(&mut **c).await.map(affected))?;
    crate::chat::rooms::follow(&mut tx, id, user.user_id, state.clock.now_ms()).await?;
    tx.commit().await?;
    // A secret group the person has just left no longer exists for them.
    Ok(Redirect::to("/groups?done=left").into_response())
}

#[derive(Deserialize)]
struct InviteForm {
    #[serde(default)]
    user: String,
}

/// A moderator invites a member (or approves them at once if they had asked to join).
/// People one moderator may invite into groups in a day: each invitation notifies.
pub const INVITES: crate::web::limits::Limit = crate::web::limits::Limit {
    count_sql: "SELECT COUNT(*) FROM group_members WHERE added_by = $1 AND user_id <> $1 AND created_at > $2",
    max: 50,
    window_ms: crate::web::limits::DAY,
};

async fn invite(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<InviteForm>,
) -> AppResult<Response> {
    let viewer = Viewer(Some(user.clone()));
    let (_, standing, _) = visible(&state.db, &viewer, id).await?;
    if standing != Standing::Moderator {
        return Err(AppError::Forbidden);
    }
    let invitee: i64 = form.user.trim().parse().map_err(|_| AppError::invalid("error-group-member"))?;
    let profile = crate::members::load_profile(&state.db, invitee).await?;
    if !profile.is_some_and(|p| p.visible_to(Audience::of(&viewer, invitee))) {
        return Err(AppError::invalid("error-group-member"));
    }
    let mut tx = state.db.begin().await?;
    INVITES.check(&mut tx, user.user_id, state.clock.now_ms()).await?;
    let sql = "SELECT status FROM group_members WHERE group_id = $1 AND user_id = $2";
    let before: Option<String> =
        on_tx!(&mut tx, c => sqlx::query_scalar(sql).bind(id).bind(invitee).fetch_optional(&mut **c).await)?;
    let sql = "INSERT INTO group_members (group_id, user_id, role, status, added_by, created_at) VALUES ($1, $2, 'member', 'invited', $3, $4) \
               ON CONFLICT (group_id, user_id) DO UPDATE SET status = CASE WHEN group_members.status = 'requested' THEN 'active' ELSE group_members.status END";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(invitee).bind(user.user_id).bind(now_ms())
        .execute(&mut **c).await.map(affected))?;
    crate::chat::rooms::follow(&mut tx, id, invitee, state.clock.now_ms()).await?;
    let event = match before.as_deref() {
        None => Some("invited"),
        Some("requested") => Some("approved"),
        Some(_) => None,
    };
    if let Some(event) = event {
        let notice = Notice { actor: Some(user.user_id), group: Some(id), ..Notice::new(invitee, Kind::Group, event) };
        notify::notify(&mut tx, &state.config, notice).await?;
    }
    tx.commit().await?;
    Ok(Redirect::to(&format!("/groups/{id}?done=invited")).into_response())
}

#[derive(Deserialize)]
struct ManageForm {
    #[serde(default)]
    action: String,
}

/// A moderator approves or declines a request, makes someone a moderator or a plain
/// member again, or removes them.
async fn manage(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path((id, member)): Path<(i64, i64)>,
    Form(form): Form<ManageForm>,
) -> AppResult<Response> {
    let viewer = Viewer(Some(user.clone()));
    let (_, standing, _) = visible(&state.db, &viewer, id).await?;
    if standing != Standing::Moderator {
        return Err(AppError::Forbidden);
    }
    if member == user.user_id {
        return Err(AppError::invalid("error-group-self"));
    }
    // A member the moderator may not see is answered as if not in the group at all.
    let profile = crate::members::load_profile(&state.db, member).await?;
    if !profile.is_some_and(|p| p.visible_to(Audience::of(&viewer, member))) {
        return Err(AppError::NotFound);
    }
    let sql = match form.action.as_str() {
        "approve" => {
            "UPDATE group_members SET status = 'active' WHERE group_id = $1 AND user_id = $2 AND status = 'requested'"
        }
        "decline" | "remove" => "DELETE FROM group_members WHERE group_id = $1 AND user_id = $2",
        "moderator" => {
            "UPDATE group_members SET role = 'moderator' WHERE group_id = $1 AND user_id = $2 AND status = 'active'"
        }
        "member" => {
            "UPDATE group_members SET role = 'member' WHERE group_id = $1 AND user_id = $2 AND status = 'active'"
        }
        _ => return Err(AppError::invalid("error-form-malformed")),
    };
    let mut tx = state.db.begin().await?;
    let changed = on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(member).execute(&mut **c).await.map(affected))?;
    if changed == 0 {
        return Err(AppError::NotFound);
    }
    crate::chat::rooms::follow(&mut tx, id, member, state.clock.now_ms()).await?;
    if form.action == "approve" {
        let notice =
            Notice { actor: Some(user.user_id), group: Some(id), ..Notice::new(member, Kind::Group, "approved") };
        notify::notify(&mut tx, &state.config, notice).await?;
    }
    tx.commit().await?;
    Ok(Redirect::to(&format!("/groups/{id}?done=saved")).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::Role;

    fn group(access: &str, listed: bool) -> Group {
        Group {
            id: 1,
            name: "g".into(),
            purpose: String::new(),
            kind: "country".into(),
            access: access.into(),
            listed_publicly: listed,
            public_threads: false,
        }
    }

    #[test]
    fn sight_matrix() {
        use Sight::{Inside, Outside};
        use Standing as S;
        let (public, member, admin) = (
            Viewer::for_tests(5, None),
            Viewer::for_tests(5, Some(Role::Member)),
            Viewer::for_tests(5, Some(Role::Admin)),
        );
        let cases = [
            (&public, group("open", false), S::None, Sight::None),
            (&public, group("open", true), S::None, Outside),
            (&public, group("closed", true), S::None, Outside),
            (&public, group("secret", true), S::None, Sight::None),
            (&member, group("open", false), S::None, Inside),
            (&member, group("closed", false), S::None, Outside),
            (&member, group("closed", false), S::Requested, Outside),
            (&member, group("closed", false), S::Member, Inside),
            (&member, group("secret", false), S::None, Sight::None),
            (&member, group("secret", false), S::Requested, Sight::None),
            (&member, group("secret", false), S::Invited, Outside),
            (&member, group("secret", false), S::Member, Inside),
            // Not even admins see into a secret group they are not in.
            (&admin, group("secret", false), S::None, Sight::None),
        ];
        for (who, g, standing, want) in cases {
            assert_eq!(Sight::of(who, &g, standing), want, "{:?} {} {standing:?}", who.role(), g.access);
        }
    }
}
