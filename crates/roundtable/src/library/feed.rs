//! `/library/public.atom`: an Atom feed (RFC 4287) of the public resources, newest first.
//! Only what anonymous visitors may see goes in, and no names of the people who added them.

use atom_syndication::{Content, Entry, Feed, FixedDateTime, Link, Person, Text};
use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};

use crate::db::now_ms;
use crate::on_db;
use crate::web::{atom_xml, AppResult, AppState, Page};

const ENTRIES: i64 = 50;

/// A public resource as the feed shows it.
#[derive(sqlx::FromRow)]
pub struct Row {
    pub id: i64,
    pub title: String,
    pub summary_html: String,
    pub created_at: i64,
    pub updated_at: i64,
}

fn time(ms: i64) -> FixedDateTime {
    chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default().fixed_offset()
}

fn link(href: String, rel: &str) -> Link {
    let mut l = Link::default();
    l.set_href(href);
    l.set_rel(rel);
    l
}

pub async fn public_resources(State(state): State<AppState>, page: Page) -> AppResult<Response> {
    let base = state.config.base_url.as_str().trim_end_matches('/').to_string();
    let sql = format!(
        "SELECT id, title, summary_html, created_at, updated_at FROM resources WHERE access = 'public' \
         ORDER BY updated_at DESC, id DESC LIMIT {ENTRIES}"
    );
    let rows: Vec<Row> = on_db!(&state.db, pool => sqlx::query_as(&sql).fetch_all(pool).await)?;
    let body = feed_text(&base, &page.t("library-feed-title"), rows);
    Ok(([(CONTENT_TYPE, "application/atom+xml; charset=utf-8")], body).into_response())
}

/// The Atom feed of `rows` (public resources, newest first), titled `title`.
pub fn feed_text(base: &str, title: &str, rows: Vec<Row>) -> String {
    let self_url = format!("{base}/library/public.atom");
    let mut feed = Feed::default();
    feed.set_title(title);
    feed.set_id(self_url.clone());
    feed.set_updated(time(rows.first().map_or_else(now_ms, |r| r.updated_at)));
    let mut author = Person::default();
    author.set_name("Roundtable");
    feed.set_authors(vec![author]);
    feed.set_links(vec![link(self_url, "self")]);
    let entries = rows
        .into_iter()
        .map(|r| {
            let url = format!("{base}/library/{}", r.id);
            let mut entry = Entry::default();
            entry.set_title(Text::plain(r.title));
            entry.set_id(url.clone());
            entry.set_updated(time(r.updated_at));
            entry.set_published(Some(time(r.created_at)));
            entry.set_links(vec![link(url, "alternate")]);
            if !r.summary_html.is_empty() {
                let mut content = Content::default();
                content.set_content_type(Some("html".to_string()));
                content.set_value(Some(r.summary_html));
                entry.set_content(Some(content));
            }
            entry
        })
        .collect::<Vec<_>>();
    feed.set_entries(entries);
    atom_xml(&feed)
}
