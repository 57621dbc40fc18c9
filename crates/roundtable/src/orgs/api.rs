//! Organisations in the API: the same rule as the pages ([`super::visible_sql`]).

use axum::extract::{Path, Query, State};
use axum::Json;
use serde::Deserialize;

use super::{visible_sql, with_parent, Org};
use crate::db::{Arg, Args};
use crate::vocab::{Country, Sector};
use crate::web::api::{ErrorBody, PageQuery, Paged};
use crate::web::{AppResult, AppState, Viewer};
use crate::{bind_args, on_db};

#[derive(Deserialize, Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OrgFilter {
    /// Only this sector (a key of the sector vocabulary).
    pub sector: Option<String>,
    /// Only this country (ISO 3166-1 alpha-2).
    pub country: Option<String>,
}

/// Organisations the caller may see, by id.
#[utoipa::path(get, path = "/api/v1/organisations", tag = "organisations",
    params(PageQuery, OrgFilter),
    responses((status = 200, body = Paged<Org>), (status = 422, body = ErrorBody)),
    security(("token" = ["organisations:read"]), ("session" = [])))]
pub async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(page): Query<PageQuery>,
    Query(filter): Query<OrgFilter>,
) -> AppResult<Json<Paged<Org>>> {
    let window = page.window()?;
    let mut args = Args::default();
    let member = args.push(Arg::Bool(viewer.is_member()));
    let mut sql = format!("SELECT {} {} WHERE {}", super::ORG_COLUMNS, with_parent(&member), visible_sql("o", &member));
    if let Some(s) = filter.sector.as_deref().filter(|s| !s.is_empty()) {
        let s: Sector = s.parse()?;
        sql += &format!(" AND o.sector = {}", args.push(Arg::Text(s.key().into())));
    }
    if let Some(c) = filter.country.as_deref().filter(|s| !s.is_empty()) {
        let c: Country = c.parse()?;
        sql += &format!(" AND o.country = {}", args.push(Arg::Text(c.key().into())));
    }
    if let Some(after) = window.after {
        sql += &format!(" AND o.id > {}", args.push(Arg::Int(after)));
    }
    sql += &format!(" ORDER BY o.id LIMIT {}", args.push(Arg::Int(window.limit + 1)));
    let rows: Vec<Org> = on_db!(&state.db, pool => bind_args!(sqlx::query_as(&sql), args).fetch_all(pool).await)?;
    let items = rows.into_iter().map(Org::without_hidden_parent).collect();
    Ok(Json(Paged::of(items, window, |o: &Org| o.id)))
}

/// One organisation.
#[utoipa::path(get, path = "/api/v1/organisations/{id}", tag = "organisations",
    params(("id" = i64, Path, description = "The organisation's id")),
    responses((status = 200, body = Org), (status = 404, body = ErrorBody)),
    security(("token" = ["organisations:read"]), ("session" = [])))]
pub async fn show(State(state): State<AppState>, viewer: Viewer, Path(id): Path<i64>) -> AppResult<Json<Org>> {
    super::visible(&state.db, &viewer, id).await.map(|o| Json(o.without_hidden_parent()))
}
