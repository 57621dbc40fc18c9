//! A member's private Atom feed of the threads in their groups, read by a feed reader that
//! has no session: the secret in its address is the authority. Only the secret's SHA-256 is
//! stored, the address is shown once, and making a new one or revoking ends the old one.
//! Like the public feeds, entries name no authors, and secret groups stay out of it
//! altogether: feed readers are often services elsewhere.

use axum::extract::{Path, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Redirect, Response};

use super::feed::{link, new_feed, thread_entry};
use crate::db::{affected, now_ms};
use crate::web::session::{hash_token, random_token};
use crate::web::{atom_xml, AppError, AppResult, AppState, Form, Page, SignedIn};
use crate::{on_db, on_tx};

const ENTRIES: i64 = 50;

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    title: String,
    group_name: String,
    created_at: i64,
    last_post_at: i64,
    body_html: Option<String>,
}

/// `/feeds/{token}`: the latest threads of the groups the token's member is active in.
pub async fn private_feed(State(state): State<AppState>, page: Page, Path(token): Path<String>) -> AppResult<Response> {
    let token = token.strip_suffix(".atom").ok_or(AppError::NotFound)?;
    let sql =
        "SELECT f.user_id FROM feed_tokens f JOIN users u ON u.id = f.user_id WHERE f.token_hash = $1 AND u.active";
    let user: i64 =
        on_db!(&state.db, pool => sqlx::query_scalar(sql).bind(hash_token(token)).fetch_optional(pool).await)?
            .ok_or(AppError::NotFound)?;
    let sql = "SELECT t.id, t.title, g.name AS group_name, t.created_at, t.last_post_at, \
                 (SELECT p.body_html FROM posts p WHERE p.thread_id = t.id AND NOT p.hidden ORDER BY p.id LIMIT 1) AS body_html \
               FROM threads t JOIN network_groups g ON g.id = t.group_id \
                 JOIN group_members m ON m.group_id = g.id AND m.user_id = $1 AND m.status = 'active' \
               WHERE NOT t.hidden AND g.access <> 'secret' ORDER BY t.last_post_at DESC, t.id DESC LIMIT $2";
    let rows: Vec<Row> = on_db!(&state.db, pool => sqlx::query_as(sql).bind(user).bind(ENTRIES).fetch_all(pool).await)?;
    let base = state.config.base_url.as_str().trim_end_matches('/').to_string();
    // The id must not carry the secret: readers may share ids.
    let id = format!("{base}/feeds/private/{}", &hash_token(token)[..16]);
    let mut feed = new_feed(&page.t("feeds-private-title"), id, rows.first().map(|r| r.last_post_at));
    feed.set_links(vec![link(format!("{base}/forum"), "alternate")]);
    let entries: Vec<_> = rows
        .into_iter()
        .map(|r| {
            let title = format!("{} · {}", r.title, r.group_name);
            thread_entry(&base, r.id, title, r.created_at, r.last_post_at, r.body_html)
        })
        .collect();
    feed.set_entries(entries);
    Ok(([(CONTENT_TYPE, "application/atom+xml; charset=utf-8"), (CACHE_CONTROL, "private, no-store")], atom_xml(&feed))
        .into_response())
}

/// Makes a new secret address (ending the old one) and shows it once.
pub async fn create_token(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Form(_): Form<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    let token = random_token();
    let mut tx = state.db.begin().await?;
    on_tx!(&mut tx, c => sqlx::query("DELETE FROM feed_tokens WHERE user_id = $1").bind(user.user_id)
        .execute(&mut **c).await.map(affected))?;
    on_tx!(&mut tx, c => sqlx::query("INSERT INTO feed_tokens (user_id, token_hash, created_at) VALUES ($1, $2, $3)")
        .bind(user.user_id).bind(hash_token(&token)).bind(now_ms()).execute(&mut **c).await.map(affected))?;
    tx.commit().await?;
    let url = format!("{}/feeds/{token}.atom", state.config.base_url.as_str().trim_end_matches('/'));
    crate::notify::settings_page(&state, &page, user.user_id, Some(url), None).await
}

pub async fn revoke_token(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Form(_): Form<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    on_db!(&state.db, pool => sqlx::query("DELETE FROM feed_tokens WHERE user_id = $1").bind(user.user_id)
        .execute(pool).await.map(affected))?;
    Ok(Redirect::to("/notifications/settings?done=revoked").into_response())
}
