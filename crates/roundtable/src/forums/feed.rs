//! Atom feeds (RFC 4287) of public threads: the whole network's, and one group's. Only what
//! anonymous readers may read goes in, and, as on the pages, no author names.

use atom_syndication::{Content, Entry, Feed, FixedDateTime, Link, Person, Text};
use axum::extract::{Path, State};
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};

use crate::db::now_ms;
use crate::groups;
use crate::on_db;
use crate::vocab::GroupAccess;
use crate::web::{atom_xml, AppError, AppResult, AppState, Page};

const ENTRIES: i64 = 50;

/// A public thread as the feed shows it, with its first post.
#[derive(sqlx::FromRow)]
pub struct Row {
    pub id: i64,
    pub title: String,
    pub created_at: i64,
    pub last_post_at: i64,
    pub body_html: Option<String>,
}

fn time(ms: i64) -> FixedDateTime {
    chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default().fixed_offset()
}

pub(crate) fn link(href: String, rel: &str) -> Link {
    let mut l = Link::default();
    l.set_href(href);
    l.set_rel(rel);
    l
}

/// A feed by Roundtable, updated when its newest entry was (or now, when empty).
pub(crate) fn new_feed(title: &str, id: String, updated: Option<i64>) -> Feed {
    let mut feed = Feed::default();
    feed.set_title(title);
    feed.set_id(id);
    feed.set_updated(time(updated.unwrap_or_else(now_ms)));
    let mut author = Person::default();
    author.set_name("Roundtable");
    feed.set_authors(vec![author]);
    feed
}

/// One thread as a feed entry, with its first post as content; no author names.
pub(crate) fn thread_entry(
    base: &str,
    id: i64,
    title: String,
    created_at: i64,
    last_post_at: i64,
    body_html: Option<String>,
) -> Entry {
    let url = format!("{base}/forum/threads/{id}");
    let mut entry = Entry::default();
    entry.set_title(Text::plain(title));
    entry.set_id(url.clone());
    entry.set_updated(time(last_post_at));
    entry.set_published(Some(time(created_at)));
    entry.set_links(vec![link(url, "alternate")]);
    if let Some(html) = body_html {
        let mut content = Content::default();
        content.set_content_type(Some("html".to_string()));
        content.set_value(Some(html));
        entry.set_content(Some(content));
    }
    entry
}

async fn feed(state: &AppState, group: Option<i64>, title: &str, self_path: &str) -> AppResult<Response> {
    let base = state.config.base_url.as_str().trim_end_matches('/').to_string();
    // One group's threads, or (with no group given) those of every group that opened them.
    let place = if group.is_some() { "AND g.id = $1" } else { "" };
    let sql = format!(
        "SELECT t.id, t.title, t.created_at, t.last_post_at, \
           (SELECT p.body_html FROM posts p WHERE p.thread_id = t.id AND NOT p.hidden ORDER BY p.id LIMIT 1) AS body_html \
         FROM threads t JOIN network_groups g ON g.id = t.group_id \
         WHERE NOT t.hidden AND {public} {place} \
         ORDER BY t.last_post_at DESC, t.id DESC LIMIT {ENTRIES}",
        public = super::access::public_threads_sql("g"),
    );
    let rows: Vec<Row> =
        on_db!(&state.db, pool => sqlx::query_as(&sql).bind(group.unwrap_or(0)).fetch_all(pool).await)?;
    let body = feed_text(&base, title, self_path, rows);
    Ok(([(CONTENT_TYPE, "application/atom+xml; charset=utf-8")], body).into_response())
}

/// The Atom feed of `rows` (public threads, latest first), titled `title`, found at
/// `self_path` under `base`.
pub fn feed_text(base: &str, title: &str, self_path: &str, rows: Vec<Row>) -> String {
    let mut feed = new_feed(title, format!("{base}{self_path}"), rows.first().map(|r| r.last_post_at));
    feed.set_links(vec![link(format!("{base}{self_path}"), "self")]);
    let entries: Vec<_> = rows
        .into_iter()
        .map(|r| thread_entry(base, r.id, r.title, r.created_at, r.last_post_at, r.body_html))
        .collect();
    feed.set_entries(entries);
    atom_xml(&feed)
}

/// `/forum/public.atom`: the public threads of every group that opened them.
pub async fn public_threads(State(state): State<AppState>, page: Page) -> AppResult<Response> {
    feed(&state, None, &page.t("feeds-public-title"), "/forum/public.atom").await
}

/// `/groups/{id}/forum.atom`: one group's public threads; 404 unless it opened them.
pub async fn group_threads(State(state): State<AppState>, page: Page, Path(id): Path<i64>) -> AppResult<Response> {
    let group = groups::load(&state.db, id).await?.ok_or(AppError::NotFound)?;
    if !group.public_threads || group.access() == GroupAccess::Secret {
        return Err(AppError::NotFound);
    }
    let title = page.locale.t_args("feeds-group-title", &[("name", group.name.clone())]);
    feed(&state, Some(id), &title, &format!("/groups/{id}/forum.atom")).await
}
