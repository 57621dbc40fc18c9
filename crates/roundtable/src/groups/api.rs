//! Groups in the API, by the same rules as the pages: [`access::known_sql`] and
//! [`Sight::of`] for the group, [`crate::members::access::person_sql`] for its members.

use axum::extract::{Path, Query, State};
use axum::Json;
use serde::{Deserialize, Serialize};

use super::{access, Sight};
use crate::on_db;
use crate::vocab::GroupKind;
use crate::web::api::{ErrorBody, PageQuery, Paged};
use crate::web::{AppResult, AppState, Viewer, Who};

/// A group: a community of practice, a country group or a working group.
#[derive(Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct GroupItem {
    pub id: i64,
    pub name: String,
    pub purpose: String,
    /// `community`, `country` or `working`.
    pub kind: String,
    /// `open`, `closed` or `secret` (a secret group never appears through a token).
    pub access: String,
    /// Whether the caller is an active member.
    pub mine: bool,
}

/// A group with its members, as far as the caller may see them.
#[derive(Serialize, utoipa::ToSchema)]
pub struct GroupDetail {
    #[serde(flatten)]
    pub group: GroupItem,
    /// Active members the caller may see; absent when the caller sees only the group's name
    /// and purpose.
    pub members: Option<Vec<GroupMember>>,
}

#[derive(Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct GroupMember {
    pub id: i64,
    pub name: String,
    /// `member` or `moderator`.
    pub role: String,
}

#[derive(Deserialize, Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct GroupFilter {
    /// Only this kind: `community`, `country` or `working`.
    pub kind: Option<String>,
}

fn columns(who: &Who) -> String {
    format!(
        "g.id, g.name, g.purpose, g.kind, g.access, \
         EXISTS (SELECT 1 FROM group_members me WHERE me.group_id = g.id AND me.user_id = {} AND me.status = 'active') AS mine",
        who.id()
    )
}

/// Groups the caller may know of, by id.
#[utoipa::path(get, path = "/api/v1/groups", tag = "groups",
    params(PageQuery, GroupFilter),
    responses((status = 200, body = Paged<GroupItem>), (status = 422, body = ErrorBody)),
    security(("token" = ["groups:read"]), ("session" = [])))]
pub async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(page): Query<PageQuery>,
    Query(filter): Query<GroupFilter>,
) -> AppResult<Json<Paged<GroupItem>>> {
    let window = page.window()?;
    let kind: Option<GroupKind> = filter.kind.as_deref().filter(|k| !k.is_empty()).map(str::parse).transpose()?;
    // Literal: the viewer's id and flags, never text from the request.
    let who = Who::literal(&viewer);
    let sql = format!(
        "SELECT {} FROM network_groups g WHERE {} AND ($1 = '' OR g.kind = $1) AND g.id > $2 ORDER BY g.id LIMIT $3",
        columns(&who),
        access::known_sql("g", &who)
    );
    let rows: Vec<GroupItem> = on_db!(&state.db, pool => sqlx::query_as(&sql)
        .bind(kind.map_or("", |k| k.key())).bind(window.after.unwrap_or(i64::MIN)).bind(window.limit + 1)
        .fetch_all(pool).await)?;
    Ok(Json(Paged::of(rows, window, |g: &GroupItem| g.id)))
}

/// One group, with its members when the caller sees inside it.
#[utoipa::path(get, path = "/api/v1/groups/{id}", tag = "groups",
    params(("id" = i64, Path, description = "The group's id")),
    responses((status = 200, body = GroupDetail), (status = 404, body = ErrorBody)),
    security(("token" = ["groups:read"]), ("session" = [])))]
pub async fn show(State(state): State<AppState>, viewer: Viewer, Path(id): Path<i64>) -> AppResult<Json<GroupDetail>> {
    let (_, _, sight) = super::visible(&state.db, &viewer, id).await?;
    let who = Who::literal(&viewer);
    let sql = format!("SELECT {} FROM network_groups g WHERE g.id = $1", columns(&who));
    let group: GroupItem = on_db!(&state.db, pool => sqlx::query_as(&sql).bind(id).fetch_one(pool).await)?;
    let members = if sight == Sight::Inside {
        let sql = format!(
            "SELECT u.id, u.display_name AS name, gm.role FROM group_members gm JOIN users u ON u.id = gm.user_id \
             LEFT JOIN profiles p ON p.user_id = gm.user_id \
             WHERE gm.group_id = $1 AND gm.status = 'active' AND u.active AND {} ORDER BY u.id",
            crate::members::access::person_sql("p", "gm.user_id", &who)
        );
        Some(on_db!(&state.db, pool => sqlx::query_as(&sql).bind(id).fetch_all(pool).await)?)
    } else {
        None
    };
    Ok(Json(GroupDetail { group, members }))
}
