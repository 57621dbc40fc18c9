//! One resource's page, and the downloads of its versions (counted per resource, and per
//! day for the impact figures; never per person).

use axum::extract::{Path, Query, State};
use axum::http::Method;
use axum::response::{Html, Response};
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};

use super::files::{self};
use super::{tags_for, tags_of, visible, visible_sql};
use crate::db::{affected, Arg, Args};
use crate::web::{AppError, AppResult, AppState, Page, Viewer};
use crate::{bind_args, on_db, on_tx};

#[derive(sqlx::FromRow, Serialize)]
pub(super) struct Version {
    id: i64,
    filename: String,
    size: i64,
    media_type: String,
    created_at: i64,
}

#[derive(Deserialize, Default)]
pub(super) struct ShowQuery {
    done: Option<String>,
}

pub(super) async fn show(
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

pub(super) async fn download(
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
pub(super) async fn count_download(state: &AppState, id: i64) -> Result<(), sqlx::Error> {
    let day = chrono::DateTime::from_timestamp_millis(state.clock.now_ms()).unwrap_or_default().format("%Y-%m-%d");
    let mut tx = state.db.begin().await?;
    on_tx!(&mut tx, c => sqlx::query("UPDATE resources SET downloads = downloads + 1 WHERE id = $1")
        .bind(id).execute(&mut **c).await.map(affected))?;
    let sql = "INSERT INTO resource_downloads (resource_id, day, count) VALUES ($1, $2, 1) \
               ON CONFLICT (resource_id, day) DO UPDATE SET count = resource_downloads.count + 1";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(day.to_string()).execute(&mut **c).await.map(affected))?;
    tx.commit().await
}
