//! The library in the API: resources by the pages' rule ([`super::visible_sql`]), their
//! organisation named only where the caller may see it.

use axum::extract::{Path, Query, State};
use axum::Json;
use serde::{Deserialize, Serialize};

use crate::on_db;
use crate::vocab::ResourceKind;
use crate::web::api::{ErrorBody, PageQuery, Paged};
use crate::web::{AppResult, AppState, Viewer};

/// A resource of the library: a training material, a guide, a law, a report, a recording.
#[derive(Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct ResourceItem {
    pub id: i64,
    pub title: String,
    /// Markdown.
    pub summary: String,
    /// A key of the resource kind vocabulary.
    pub kind: String,
    /// `public`, `members` or `group`.
    pub access: String,
    pub group_id: Option<i64>,
    pub licence: String,
    /// ISO 8601 date, when known.
    pub published_on: Option<String>,
    /// An outside address the resource points to, if any.
    pub link: Option<String>,
    /// The publishing organisation, when the caller may see it.
    pub organisation_id: Option<i64>,
    pub organisation_name: Option<String>,
    /// The resource's page, where its files are.
    pub page: String,
}

#[derive(Deserialize, Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ResourceFilter {
    /// Only this kind (a key of the resource kind vocabulary).
    pub kind: Option<String>,
}

fn select(viewer: &Viewer) -> String {
    format!(
        "SELECT r.id, r.title, r.summary, r.kind, r.access, r.group_id, r.licence, r.published_on, r.link, \
           o.id AS organisation_id, o.name AS organisation_name, '/library/' || r.id AS page \
         FROM resources r LEFT JOIN organisations o ON o.id = r.organisation_id AND {} \
         WHERE {}",
        crate::orgs::visible_sql("o", if viewer.is_member() { "TRUE" } else { "FALSE" }),
        super::visible_sql("r", viewer)
    )
}

/// Resources the caller may see, by id.
#[utoipa::path(get, path = "/api/v1/resources", tag = "library",
    params(PageQuery, ResourceFilter),
    responses((status = 200, body = Paged<ResourceItem>), (status = 422, body = ErrorBody)),
    security(("token" = ["library:read"]), ("session" = [])))]
pub async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(page): Query<PageQuery>,
    Query(filter): Query<ResourceFilter>,
) -> AppResult<Json<Paged<ResourceItem>>> {
    let window = page.window()?;
    let kind: Option<ResourceKind> = filter.kind.as_deref().filter(|k| !k.is_empty()).map(str::parse).transpose()?;
    let sql = format!("{} AND ($1 = '' OR r.kind = $1) AND r.id > $2 ORDER BY r.id LIMIT $3", select(&viewer));
    let rows: Vec<ResourceItem> = on_db!(&state.db, pool => sqlx::query_as(&sql)
        .bind(kind.map_or("", |k| k.key())).bind(window.after.unwrap_or(i64::MIN)).bind(window.limit + 1)
        .fetch_all(pool).await)?;
    Ok(Json(Paged::of(rows, window, |r: &ResourceItem| r.id)))
}

/// One resource.
#[utoipa::path(get, path = "/api/v1/resources/{id}", tag = "library",
    params(("id" = i64, Path, description = "The resource's id")),
    responses((status = 200, body = ResourceItem), (status = 404, body = ErrorBody)),
    security(("token" = ["library:read"]), ("session" = [])))]
pub async fn show(State(state): State<AppState>, viewer: Viewer, Path(id): Path<i64>) -> AppResult<Json<ResourceItem>> {
    // Sign-in and not-found answers as the page gives them.
    super::visible(&state.db, &viewer, id).await?;
    let sql = format!("{} AND r.id = $1", select(&viewer));
    let row: ResourceItem = on_db!(&state.db, pool => sqlx::query_as(&sql).bind(id).fetch_one(pool).await)?;
    Ok(Json(row))
}
