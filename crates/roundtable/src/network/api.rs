//! The network in the API: its ties as the files have them ([`super::export::Graph`]), from
//! the members' scope and without any member at risk, whoever asks.

use axum::extract::{Query, State};
use axum::Json;
use serde::Serialize;

use super::export::Graph;
use super::model::Scope;
use crate::web::api::{ErrorBody, PageQuery, Paged};
use crate::web::{AppResult, AppState, SignedIn};

/// A tie between two members, with how strong it is and where it comes from.
#[derive(Serialize, utoipa::ToSchema)]
pub struct TieItem {
    /// Member ids; `source` is the smaller.
    pub source: i64,
    pub target: i64,
    pub source_name: String,
    pub target_name: String,
    pub weight: f64,
    /// What made the tie: keys of the tie source vocabulary (`declared`, `event`, …).
    pub sources: Vec<String>,
}

/// The network's ties between members, ordered by the pair of ids.
#[utoipa::path(get, path = "/api/v1/ties", tag = "network",
    params(PageQuery),
    responses((status = 200, body = Paged<TieItem>), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = ["network:read"]), ("session" = [])))]
pub async fn ties(
    State(state): State<AppState>,
    _: SignedIn,
    Query(page): Query<PageQuery>,
) -> AppResult<Json<Paged<TieItem>>> {
    let window = page.window()?;
    let views = super::cache(&state).get(&state.db).await?;
    let mut items: Vec<TieItem> = Graph::of(views.scope(Scope::Members)).ties().collect();
    items.sort_unstable_by_key(key);
    let start = window.after.map_or(0, |after| items.partition_point(|t| key(t) <= after));
    let rest: Vec<TieItem> = items.into_iter().skip(start).take(window.limit as usize + 1).collect();
    Ok(Json(Paged::of(rest, window, key)))
}

/// A tie's place in the order: the pair of ids in one number (ids stay far below 2³¹).
fn key(t: &TieItem) -> i64 {
    (t.source << 32) | t.target
}
