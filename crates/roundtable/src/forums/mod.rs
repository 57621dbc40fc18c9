//! Forums: threads and replies inside groups and in one network-wide forum. Markdown,
//! quoting, edits with history, following, unread markers and moderation (report, hide,
//! lock, pin, move). A group may open its threads to anonymous readers; nothing else is
//! public.
//!
//! Who may read, post and moderate where is decided by [`Access::of`], and nowhere else.
//! Posts by at-risk members keep their content but lose their author's name for everyone
//! who may not see that member.

pub mod access;
pub mod attachments;
pub mod feed;
mod notices;
pub mod private_feed;
pub mod search;

use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use minijinja::context;
use serde::{Deserialize, Serialize};

use crate::db::{affected, now_ms, Db, Tx};
use crate::groups;
use crate::notify;
use crate::vocab::GroupAccess;
use crate::web::markdown;
use crate::web::Routes;
use crate::web::{page_number, AppError, AppResult, AppState, Form, Message, Page, SignedIn, Viewer, Who};
use crate::{on_db, on_tx};
pub use access::{Access, Place};

pub const TEMPLATES: &[(&str, &str)] = &[
    ("forums/list.html", include_str!("templates/list.html")),
    ("forums/thread.html", include_str!("templates/thread.html")),
    ("forums/new.html", include_str!("templates/new.html")),
    ("forums/edit.html", include_str!("templates/edit.html")),
    ("forums/history.html", include_str!("templates/history.html")),
    ("forums/reports.html", include_str!("templates/reports.html")),
];

const THREADS_PER_PAGE: i64 = 30;
const POSTS_PER_PAGE: i64 = 30;
const MAX_TITLE: usize = 150;
const MAX_BODY: usize = 20_000;
const MAX_REASON: usize = 500;
/// At most this many posts per member in [`POSTING_WINDOW_MS`].
const POSTING_LIMIT: i64 = 20;
const POSTING_WINDOW_MS: i64 = 10 * 60_000;

pub fn routes() -> Routes {
    vec![
        ("/forum", get(network_forum)),
        ("/groups/{id}/forum", get(group_forum)),
        ("/forum/new", get(new_form)),
        ("/forum/threads", post(create_thread)),
        ("/forum/threads/{id}", get(thread)),
        ("/forum/threads/{id}/replies", post(reply)),
        ("/forum/threads/{id}/follow", post(follow)),
        ("/forum/threads/{id}/moderate", post(moderate_thread)),
        ("/forum/posts/{id}", post(save_edit)),
        ("/forum/posts/{id}/edit", get(edit_form)),
        ("/forum/posts/{id}/history", get(history).post(remove_revision)),
        ("/forum/posts/{id}/report", post(report)),
        ("/forum/posts/{id}/moderate", post(moderate_post)),
        ("/forum/reports", get(reports)),
        ("/forum/public.atom", get(feed::public_threads)),
        ("/forum/attachments/{id}", get(attachments::download)),
        ("/groups/{id}/forum.atom", get(feed::group_threads)),
        ("/notifications/feed", post(private_feed::create_token)),
        ("/notifications/feed/revoke", post(private_feed::revoke_token)),
        ("/feeds/{token}", get(private_feed::private_feed)),
    ]
}

// ---- thread lists -------------------------------------------------------------------------

#[derive(sqlx::FromRow, Serialize)]
struct ThreadRow {
    id: i64,
    title: String,
    pinned: bool,
    locked: bool,
    hidden: bool,
    last_post_at: i64,
    posts: i64,
    unread: i64,
    author_id: Option<i64>,
    author_name: Option<String>,
    author_at_risk: bool,
}

/// The author's name as this viewer may see it. Anonymous readers of public threads never
/// see who wrote (members write for the network, not for the world); at-risk members stay
/// anonymous to everyone who may not see them.
fn author_name(viewer: &Viewer, id: Option<i64>, name: Option<String>, at_risk: bool) -> Option<String> {
    let id = id?;
    // The public never reads who wrote what; members, as the member rule says.
    let sees = viewer.is_member() && crate::members::access::sees_person(viewer, id, at_risk);
    sees.then_some(name).flatten()
}

fn place_condition(place: &Place) -> &'static str {
    match place {
        Place::Network => "t.group_id IS NULL",
        Place::Group(..) => "t.group_id = $4",
    }
}

#[derive(Deserialize, Default)]
struct ListQuery {
    page: Option<i64>,
}

async fn list_threads(state: &AppState, page: &Page, place: Place, q: ListQuery) -> AppResult<Html<String>> {
    let access = Access::of(&page.viewer, &place);
    access.require_read(&page.viewer)?;
    let number = page_number(q.page);
    let viewer_id = page.viewer.id().unwrap_or(-1);
    let sql = format!(
        "SELECT t.id, t.title, t.pinned, t.locked, t.hidden, t.last_post_at, \
           (SELECT COUNT(*) FROM posts p WHERE p.thread_id = t.id AND NOT p.hidden) AS posts, \
           (SELECT COUNT(*) FROM posts p WHERE p.thread_id = t.id AND NOT p.hidden AND p.id > \
              COALESCE((SELECT r.last_post_id FROM thread_reads r WHERE r.thread_id = t.id AND r.user_id = $1), 0)) AS unread, \
           t.author_id, u.display_name AS author_name, COALESCE(pr.at_risk, FALSE) AS author_at_risk \
         FROM threads t LEFT JOIN users u ON u.id = t.author_id LEFT JOIN profiles pr ON pr.user_id = t.author_id \
         WHERE {} AND (NOT t.hidden OR $2) \
         ORDER BY t.pinned DESC, t.last_post_at DESC, t.id DESC LIMIT {} OFFSET $3",
        place_condition(&place),
        THREADS_PER_PAGE + 1
    );
    let offset = (number - 1) * THREADS_PER_PAGE;
    let group_id = place.group_id().unwrap_or(-1);
    let mut rows: Vec<ThreadRow> = on_db!(&state.db, pool => sqlx::query_as(&sql).bind(viewer_id).bind(access.moderate)
        .bind(offset).bind(group_id).fetch_all(pool).await)?;
    let more = rows.len() as i64 > THREADS_PER_PAGE;
    rows.truncate(THREADS_PER_PAGE as usize);
    for r in &mut rows {
        r.author_name = author_name(&page.viewer, r.author_id, r.author_name.take(), r.author_at_risk);
        if !page.viewer.is_member() {
            r.unread = 0;
        }
    }
    let group = match &place {
        Place::Group(g, _) => Some(g.clone()),
        Place::Network => None,
    };
    page.render(
        state,
        "forums/list.html",
        context! { threads => rows, group, access => access_view(access), page => number, more, base => place.path() },
    )
}

fn access_view(a: Access) -> minijinja::Value {
    context! { read => a.read, post => a.post, moderate => a.moderate }
}

async fn network_forum(
    State(state): State<AppState>,
    page: Page,
    Query(q): Query<ListQuery>,
) -> AppResult<Html<String>> {
    list_threads(&state, &page, Place::Network, q).await
}

async fn group_forum(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<ListQuery>,
) -> AppResult<Html<String>> {
    let place = Place::load(&state.db, &page.viewer, Some(id)).await?;
    list_threads(&state, &page, place, q).await
}

// ---- one thread ---------------------------------------------------------------------------

#[derive(sqlx::FromRow, Clone)]
struct ThreadFacts {
    id: i64,
    group_id: Option<i64>,
    title: String,
    pinned: bool,
    locked: bool,
    hidden: bool,
}

/// The thread, where it lives and what the viewer may do there; 404 when the viewer may not
/// know of it (a hidden thread is hidden from all but moderators).
async fn load_thread(db: &Db, viewer: &Viewer, id: i64) -> AppResult<(ThreadFacts, Place, Access)> {
    let sql = "SELECT id, group_id, title, pinned, locked, hidden FROM threads WHERE id = $1";
    let facts: ThreadFacts =
        on_db!(db, pool => sqlx::query_as(sql).bind(id).fetch_optional(pool).await)?.ok_or(AppError::NotFound)?;
    let place = Place::load(db, viewer, facts.group_id).await?;
    let access = Access::of(viewer, &place);
    access.require_read(viewer)?;
    if facts.hidden && !access.moderate {
        return Err(AppError::NotFound);
    }
    Ok((facts, place, access))
}

#[derive(sqlx::FromRow)]
struct PostRow {
    id: i64,
    author_id: Option<i64>,
    author_name: Option<String>,
    author_at_risk: bool,
    body: String,
    body_html: String,
    hidden: bool,
    created_at: i64,
    edited_at: Option<i64>,
    reports: i64,
}

#[derive(Serialize)]
struct PostView {
    id: i64,
    author_id: Option<i64>,
    author_name: Option<String>,
    body_html: String,
    hidden: bool,
    created_at: i64,
    edited_at: Option<i64>,
    reports: i64,
    mine: bool,
    files: Vec<attachments::Attachment>,
}

#[derive(Deserialize, Default)]
struct ThreadQuery {
    page: Option<i64>,
    quote: Option<i64>,
    /// Open the page that holds this post (links from notifications).
    post: Option<i64>,
}

async fn thread(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<ThreadQuery>,
) -> AppResult<Html<String>> {
    let (facts, place, access) = load_thread(&state.db, &page.viewer, id).await?;
    let number = match (q.page, q.post) {
        (None, Some(post)) => {
            let sql = "SELECT COUNT(*) FROM posts WHERE thread_id = $1 AND id <= $2";
            let position: i64 =
                on_db!(&state.db, pool => sqlx::query_scalar(sql).bind(id).bind(post).fetch_one(pool).await)?;
            (position.max(1) - 1) / POSTS_PER_PAGE + 1
        }
        (page, _) => page_number(page),
    };
    let sql = format!(
        "SELECT p.id, p.author_id, u.display_name AS author_name, COALESCE(pr.at_risk, FALSE) AS author_at_risk, \
           p.body, p.body_html, p.hidden, p.created_at, p.edited_at, \
           (SELECT COUNT(*) FROM post_reports r WHERE r.post_id = p.id AND r.resolved_at IS NULL) AS reports \
         FROM posts p LEFT JOIN users u ON u.id = p.author_id LEFT JOIN profiles pr ON pr.user_id = p.author_id \
         WHERE p.thread_id = $1 ORDER BY p.id LIMIT {} OFFSET $2",
        POSTS_PER_PAGE + 1
    );
    let mut rows: Vec<PostRow> = on_db!(&state.db, pool => sqlx::query_as(&sql).bind(id)
        .bind((number - 1) * POSTS_PER_PAGE).fetch_all(pool).await)?;
    let more = rows.len() as i64 > POSTS_PER_PAGE;
    rows.truncate(POSTS_PER_PAGE as usize);
    let quote = q
        .quote
        .and_then(|qid| rows.iter().find(|r| r.id == qid && !r.hidden))
        .map(|r| markdown::quote(&format!("/forum/threads/{id}#post-{}", r.id), &r.body));
    let last_seen = rows.last().map(|r| r.id);
    let visible_posts: Vec<i64> = rows.iter().filter(|r| !r.hidden || access.moderate).map(|r| r.id).collect();
    let files = attachments::of_posts(&state.db, &visible_posts).await?;
    let posts: Vec<PostView> = rows
        .into_iter()
        .map(|r| PostView {
            id: r.id,
            mine: r.author_id.is_some_and(|a| page.viewer.is(a)),
            author_name: author_name(&page.viewer, r.author_id, r.author_name, r.author_at_risk),
            author_id: r.author_id,
            // A hidden post's words are for moderators only.
            body_html: if r.hidden && !access.moderate { String::new() } else { r.body_html },
            hidden: r.hidden,
            created_at: r.created_at,
            edited_at: r.edited_at,
            reports: if access.moderate { r.reports } else { 0 },
            files: files.iter().filter(|f| f.post_id == r.id).cloned().collect(),
        })
        .collect();
    let mut following = false;
    if let (Some(user), Some(last)) = (page.viewer.id(), last_seen) {
        let sql = "INSERT INTO thread_reads (user_id, thread_id, last_post_id) VALUES ($1, $2, $3) \
                   ON CONFLICT (user_id, thread_id) DO UPDATE SET last_post_id = \
                   CASE WHEN excluded.last_post_id > thread_reads.last_post_id THEN excluded.last_post_id ELSE thread_reads.last_post_id END";
        on_db!(&state.db, pool => sqlx::query(sql).bind(user).bind(id).bind(last).execute(pool).await.map(affected))?;
        notify::mark_read(&state.db, user, "thread_id", id).await?;
        let sql = "SELECT COUNT(*) FROM thread_follows WHERE user_id = $1 AND thread_id = $2";
        following =
            on_db!(&state.db, pool => sqlx::query_scalar::<_, i64>(sql).bind(user).bind(id).fetch_one(pool).await)? > 0;
    }
    let targets =
        if access.moderate && page.viewer.is_coordinator() { move_targets(&state.db).await? } else { Vec::new() };
    let group = match &place {
        Place::Group(g, _) => Some(g.clone()),
        Place::Network => None,
    };
    page.render(
        &state,
        "forums/thread.html",
        context! {
            thread => context! { id => facts.id, title => facts.title, pinned => facts.pinned, locked => facts.locked, hidden => facts.hidden },
            group, posts, access => access_view(access), page => number, more, quote, following, targets,
            base => place.path(),
            can_reply => access.post && (!facts.locked || access.moderate),
        },
    )
}

/// Forums a coordinator may move a thread to: the network forum and every group that is not
/// secret.
async fn move_targets(db: &Db) -> Result<Vec<(i64, String)>, sqlx::Error> {
    let sql = "SELECT id, name FROM network_groups WHERE access <> 'secret' ORDER BY lower(name)";
    on_db!(db, pool => sqlx::query_as(sql).fetch_all(pool).await)
}

// ---- writing ------------------------------------------------------------------------------

fn body_text(value: &str) -> AppResult<String> {
    let value = value.trim().replace("\r\n", "\n");
    if value.is_empty() {
        return Err(AppError::invalid("error-post-empty"));
    }
    if value.chars().count() > MAX_BODY {
        return Err(AppError::Invalid(Message::new("error-too-long").arg("max", MAX_BODY)));
    }
    if value.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(AppError::invalid("error-control-characters"));
    }
    Ok(value)
}

fn title_text(value: &str) -> AppResult<String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(AppError::invalid("error-thread-title"));
    }
    if value.chars().count() > MAX_TITLE {
        return Err(AppError::Invalid(Message::new("error-too-long").arg("max", MAX_TITLE)));
    }
    if value.chars().any(char::is_control) {
        return Err(AppError::invalid("error-control-characters"));
    }
    Ok(value.to_string())
}

/// Posting (and editing) is limited per member, across nodes: the count is in the database.
async fn check_posting_rate(tx: &mut Tx, user: i64) -> AppResult<()> {
    let sql = "SELECT (SELECT COUNT(*) FROM posts WHERE author_id = $1 AND created_at > $2) \
               + (SELECT COUNT(*) FROM post_revisions r JOIN posts p ON p.id = r.post_id \
                  WHERE p.author_id = $1 AND r.replaced_at > $2)";
    let recent: i64 = on_tx!(tx, c => sqlx::query_scalar(sql).bind(user).bind(now_ms() - POSTING_WINDOW_MS).fetch_one(&mut **c).await)?;
    if recent >= POSTING_LIMIT {
        return Err(AppError::TooMany(Message::new("error-posting-too-fast")));
    }
    Ok(())
}

/// Adds a post to a thread, follows it for the author and marks it read for them.
async fn insert_post(tx: &mut Tx, thread: i64, author: i64, body: &str) -> AppResult<i64> {
    let now = now_ms();
    let sql = "INSERT INTO posts (thread_id, author_id, body, body_html, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id";
    let id: i64 = on_tx!(tx, c => sqlx::query_scalar(sql).bind(thread).bind(author).bind(body)
        .bind(markdown::render(body)).bind(now).fetch_one(&mut **c).await)?;
    on_tx!(tx, c => sqlx::query("UPDATE threads SET last_post_at = $1 WHERE id = $2").bind(now).bind(thread)
        .execute(&mut **c).await.map(affected))?;
    on_tx!(tx, c => sqlx::query("INSERT INTO thread_follows (user_id, thread_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
        .bind(author).bind(thread).execute(&mut **c).await.map(affected))?;
    let sql = "INSERT INTO thread_reads (user_id, thread_id, last_post_id) VALUES ($1, $2, $3) \
               ON CONFLICT (user_id, thread_id) DO UPDATE SET last_post_id = excluded.last_post_id";
    on_tx!(tx, c => sqlx::query(sql).bind(author).bind(thread).bind(id).execute(&mut **c).await.map(affected))?;
    Ok(id)
}

/// Starts a thread in the network forum from posts written elsewhere (an expert question
/// and its answers, published by the asker), each under its author's name, and indexes it.
pub(crate) async fn publish_thread(tx: &mut Tx, title: &str, posts: &[(i64, &str)]) -> AppResult<i64> {
    let now = now_ms();
    let first = posts.first().map(|(author, _)| *author);
    let sql = "INSERT INTO threads (id, group_id, title, author_id, created_at, last_post_at) VALUES ($4, NULL, $1, $2, $3, $3) RETURNING id";
    let id: i64 = on_tx!(tx, c => sqlx::query_scalar(sql).bind(title).bind(first).bind(now).bind(crate::db::secret_id()).fetch_one(&mut **c).await)?;
    for (author, body) in posts {
        insert_post(tx, id, *author, body).await?;
    }
    search::index_thread(tx, id).await?;
    Ok(id)
}

#[derive(Deserialize, Default)]
struct NewQuery {
    group: Option<i64>,
}

async fn new_form(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Query(q): Query<NewQuery>,
) -> AppResult<Html<String>> {
    let place = Place::load(&state.db, &page.viewer, q.group).await?;
    let access = Access::of(&page.viewer, &place);
    if !access.post {
        return Err(access.refuse(&page.viewer));
    }
    let group = match place {
        Place::Group(g, _) => Some(g),
        Place::Network => None,
    };
    page.render(&state, "forums/new.html", context! { group, title => "", body => "" })
}

#[derive(Deserialize)]
struct NewThreadForm {
    #[serde(default)]
    group: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
}

async fn create_thread(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Form(form): Form<NewThreadForm>,
) -> AppResult<Response> {
    let viewer = Viewer(Some(user.clone()));
    let group = match form.group.trim() {
        "" => None,
        g => Some(g.parse::<i64>().map_err(|_| AppError::NotFound)?),
    };
    let place = Place::load(&state.db, &viewer, group).await?;
    let access = Access::of(&viewer, &place);
    if !access.post {
        return Err(access.refuse(&viewer));
    }
    let (title, body) = (title_text(&form.title)?, body_text(&form.body)?);
    let mut tx = state.db.begin().await?;
    check_posting_rate(&mut tx, user.user_id).await?;
    let now = now_ms();
    let sql = "INSERT INTO threads (id, group_id, title, author_id, created_at, last_post_at) VALUES ($5, $1, $2, $3, $4, $4) RETURNING id";
    let id: i64 = on_tx!(&mut tx, c => sqlx::query_scalar(sql).bind(group).bind(&title).bind(user.user_id).bind(now)
        .bind(crate::db::secret_id()).fetch_one(&mut **c).await)?;
    let post = insert_post(&mut tx, id, user.user_id, &body).await?;
    search::index_thread(&mut tx, id).await?;
    notices::post_written(&mut tx, &state.config, &viewer, id, post, &body, false).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/forum/threads/{id}")).into_response())
}

#[derive(Deserialize)]
struct BodyForm {
    #[serde(default)]
    body: String,
}

async fn reply(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<BodyForm>,
) -> AppResult<Response> {
    let viewer = Viewer(Some(user.clone()));
    let (facts, _, access) = load_thread(&state.db, &viewer, id).await?;
    if !access.post {
        return Err(AppError::Forbidden);
    }
    if facts.locked && !access.moderate {
        return Err(AppError::invalid("error-thread-locked"));
    }
    let body = body_text(&form.body)?;
    let mut tx = state.db.begin().await?;
    check_posting_rate(&mut tx, user.user_id).await?;
    let post = insert_post(&mut tx, id, user.user_id, &body).await?;
    search::index_post(&mut tx, post).await?;
    notices::post_written(&mut tx, &state.config, &viewer, id, post, &body, true).await?;
    tx.commit().await?;
    let sql = "SELECT COUNT(*) FROM posts WHERE thread_id = $1 AND id <= $2";
    let position: i64 = on_db!(&state.db, pool => sqlx::query_scalar(sql).bind(id).bind(post).fetch_one(pool).await)?;
    let page = (position - 1) / POSTS_PER_PAGE + 1;
    Ok(Redirect::to(&format!("/forum/threads/{id}?page={page}#post-{post}")).into_response())
}

#[derive(sqlx::FromRow)]
struct PostFacts {
    thread_id: i64,
    author_id: Option<i64>,
    body: String,
    hidden: bool,
}

async fn load_post(db: &Db, viewer: &Viewer, id: i64) -> AppResult<(PostFacts, ThreadFacts, Access)> {
    let sql = "SELECT thread_id, author_id, body, hidden FROM posts WHERE id = $1";
    let post: PostFacts =
        on_db!(db, pool => sqlx::query_as(sql).bind(id).fetch_optional(pool).await)?.ok_or(AppError::NotFound)?;
    let (thread, _, access) = load_thread(db, viewer, post.thread_id).await?;
    Ok((post, thread, access))
}

/// Authors edit their own posts while the thread is open and the post not hidden.
fn may_edit(viewer: &Viewer, post: &PostFacts, thread: &ThreadFacts) -> bool {
    post.author_id.is_some_and(|a| viewer.is(a)) && !post.hidden && !thread.locked
}

async fn edit_form(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Html<String>> {
    let (post, thread, _) = load_post(&state.db, &page.viewer, id).await?;
    if !may_edit(&page.viewer, &post, &thread) {
        return Err(AppError::Forbidden);
    }
    page.render(
        &state,
        "forums/edit.html",
        context! { id, thread_id => thread.id, title => thread.title, body => post.body },
    )
}

async fn save_edit(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<BodyForm>,
) -> AppResult<Response> {
    let viewer = Viewer(Some(user));
    let (post, thread, _) = load_post(&state.db, &viewer, id).await?;
    if !may_edit(&viewer, &post, &thread) {
        return Err(AppError::Forbidden);
    }
    let body = body_text(&form.body)?;
    if body != post.body {
        let now = now_ms();
        let mut tx = state.db.begin().await?;
        check_posting_rate(&mut tx, viewer.id().expect("signed in")).await?;
        on_tx!(&mut tx, c => sqlx::query("INSERT INTO post_revisions (post_id, body, replaced_at) VALUES ($1, $2, $3)")
            .bind(id).bind(&post.body).bind(now).execute(&mut **c).await.map(affected))?;
        on_tx!(&mut tx, c => sqlx::query("UPDATE posts SET body = $1, body_html = $2, edited_at = $3 WHERE id = $4")
            .bind(&body).bind(markdown::render(&body)).bind(now).bind(id).execute(&mut **c).await.map(affected))?;
        search::index_post(&mut tx, id).await?;
        // Someone the edit newly mentions is told; followers heard of the post already.
        notices::post_written(&mut tx, &state.config, &viewer, thread.id, id, &body, false).await?;
        tx.commit().await?;
    }
    Ok(Redirect::to(&format!("/forum/threads/{}#post-{id}", thread.id)).into_response())
}

#[derive(sqlx::FromRow, Serialize)]
struct Revision {
    id: i64,
    body: String,
    replaced_at: i64,
}

async fn history(State(state): State<AppState>, page: Page, Path(id): Path<i64>) -> AppResult<Html<String>> {
    let (post, thread, access) = load_post(&state.db, &page.viewer, id).await?;
    if !access.reads_history(&page.viewer, post.author_id, post.hidden) {
        return Err(AppError::NotFound);
    }
    // The latest versions are what readers compare; very old ones stay stored, unshown.
    let sql =
        "SELECT id, body, replaced_at FROM post_revisions WHERE post_id = $1 AND body <> '' ORDER BY id DESC LIMIT 20";
    let revisions: Vec<Revision> = on_db!(&state.db, pool => sqlx::query_as(sql).bind(id).fetch_all(pool).await)?;
    let revisions: Vec<minijinja::Value> = revisions
        .into_iter()
        .map(|r| context! { id => r.id, html => markdown::render(&r.body), replaced_at => r.replaced_at })
        .collect();
    let mine = post.author_id.is_some_and(|a| page.viewer.is(a));
    page.render(
        &state,
        "forums/history.html",
        context! { id, thread_id => thread.id, title => thread.title, current => markdown::render(&post.body), revisions, mine },
    )
}

#[derive(Deserialize)]
struct RevisionForm {
    #[serde(default)]
    revision: String,
}

/// The author removes an earlier version of their post for good.
async fn remove_revision(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<RevisionForm>,
) -> AppResult<Response> {
    let viewer = Viewer(Some(user));
    let (post, thread, _) = load_post(&state.db, &viewer, id).await?;
    // As for edits: not once the post is hidden (its history is then the moderators'
    // evidence) nor in a locked thread.
    if !may_edit(&viewer, &post, &thread) {
        return Err(AppError::Forbidden);
    }
    let revision: i64 = form.revision.trim().parse().map_err(|_| AppError::invalid("error-form-malformed"))?;
    // The wording goes; the row stays, so that it still counts towards the posting rate.
    let removed = on_db!(&state.db, pool => sqlx::query("UPDATE post_revisions SET body = '' WHERE id = $1 AND post_id = $2 AND body <> ''")
        .bind(revision).bind(id).execute(pool).await.map(affected))?;
    if removed == 0 {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&format!("/forum/posts/{id}/history")).into_response())
}

#[derive(Deserialize)]
struct FollowForm {
    #[serde(default)]
    action: String,
}

async fn follow(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<FollowForm>,
) -> AppResult<Response> {
    let viewer = Viewer(Some(user.clone()));
    load_thread(&state.db, &viewer, id).await?;
    let sql = match form.action.as_str() {
        "follow" => "INSERT INTO thread_follows (user_id, thread_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        "unfollow" => "DELETE FROM thread_follows WHERE user_id = $1 AND thread_id = $2",
        _ => return Err(AppError::invalid("error-form-malformed")),
    };
    on_db!(&state.db, pool => sqlx::query(sql).bind(user.user_id).bind(id).execute(pool).await.map(affected))?;
    Ok(Redirect::to(&format!("/forum/threads/{id}")).into_response())
}

// ---- moderation ---------------------------------------------------------------------------

#[derive(Deserialize)]
struct ReportForm {
    #[serde(default)]
    reason: String,
}

/// Reports one member may file in a day: enough for any real trouble, too few to flood
/// the moderators' queue.
pub const REPORTS: crate::web::limits::Limit = crate::web::limits::Limit {
    count_sql: "SELECT COUNT(*) FROM post_reports WHERE reporter_id = $1 AND created_at > $2",
    max: 20,
    window_ms: crate::web::limits::DAY,
};

async fn report(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<ReportForm>,
) -> AppResult<Response> {
    let viewer = Viewer(Some(user.clone()));
    let (_, thread, _) = load_post(&state.db, &viewer, id).await?;
    let reason = form.reason.trim();
    if reason.is_empty() || reason.chars().count() > MAX_REASON || reason.chars().any(char::is_control) {
        return Err(AppError::invalid("error-report-reason"));
    }
    let sql = "INSERT INTO post_reports (post_id, reporter_id, reason, created_at) VALUES ($1, $2, $3, $4) \
               ON CONFLICT (post_id, reporter_id) DO UPDATE SET reason = excluded.reason, resolved_at = NULL";
    let mut tx = state.db.begin().await?;
    REPORTS.check(&mut tx, user.user_id, state.clock.now_ms()).await?;
    on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(user.user_id).bind(reason).bind(now_ms())
        .execute(&mut **c).await.map(affected))?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/forum/threads/{}?reported=1#post-{id}", thread.id)).into_response())
}

#[derive(Deserialize)]
struct ModerateForm {
    #[serde(default)]
    action: String,
    /// For `move`: `network` or a group id.
    #[serde(default)]
    target: String,
}

async fn moderate_post(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<ModerateForm>,
) -> AppResult<Response> {
    let viewer = Viewer(Some(user));
    let (_, thread, access) = load_post(&state.db, &viewer, id).await?;
    if !access.moderate {
        return Err(AppError::Forbidden);
    }
    let hidden = match form.action.as_str() {
        "hide" => Some(true),
        "unhide" => Some(false),
        "dismiss" => None,
        _ => return Err(AppError::invalid("error-form-malformed")),
    };
    let mut tx = state.db.begin().await?;
    if let Some(hidden) = hidden {
        on_tx!(&mut tx, c => sqlx::query("UPDATE posts SET hidden = $1 WHERE id = $2").bind(hidden).bind(id)
            .execute(&mut **c).await.map(affected))?;
    }
    // Acting on a post settles the reports about it.
    on_tx!(&mut tx, c => sqlx::query("UPDATE post_reports SET resolved_at = $1 WHERE post_id = $2 AND resolved_at IS NULL")
        .bind(now_ms()).bind(id).execute(&mut **c).await.map(affected))?;
    // A hidden post leaves search in the same transaction.
    search::index_post(&mut tx, id).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/forum/threads/{}#post-{id}", thread.id)).into_response())
}

async fn moderate_thread(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<ModerateForm>,
) -> AppResult<Response> {
    let viewer = Viewer(Some(user));
    let (_, _, access) = load_thread(&state.db, &viewer, id).await?;
    if !access.moderate {
        return Err(AppError::Forbidden);
    }
    let column_value = match form.action.as_str() {
        "pin" => Some(("pinned", true)),
        "unpin" => Some(("pinned", false)),
        "lock" => Some(("locked", true)),
        "unlock" => Some(("locked", false)),
        "hide" => Some(("hidden", true)),
        "unhide" => Some(("hidden", false)),
        "move" => None,
        _ => return Err(AppError::invalid("error-form-malformed")),
    };
    // Moving crosses forums: only coordinators, and never into a secret group. The group is
    // read before the transaction begins, which must not wait for a second connection.
    let target = match (column_value, form.target.as_str()) {
        (Some(_), _) => None,
        (None, _) if !viewer.is_coordinator() => return Err(AppError::Forbidden),
        (None, "network") => None,
        (None, t) => {
            let gid: i64 = t.parse().map_err(|_| AppError::invalid("error-move-target"))?;
            let group = groups::load(&state.db, gid).await?.ok_or(AppError::invalid("error-move-target"))?;
            if group.access() == GroupAccess::Secret {
                return Err(AppError::invalid("error-move-target"));
            }
            Some(gid)
        }
    };
    let mut tx = state.db.begin().await?;
    match column_value {
        Some((column, value)) => {
            let sql = format!("UPDATE threads SET {column} = $1 WHERE id = $2");
            on_tx!(&mut tx, c => sqlx::query(&sql).bind(value).bind(id).execute(&mut **c).await.map(affected))?;
        }
        None => {
            on_tx!(&mut tx, c => sqlx::query("UPDATE threads SET group_id = $1 WHERE id = $2")
                .bind(target).bind(id).execute(&mut **c).await.map(affected))?;
        }
    }
    search::index_thread(&mut tx, id).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/forum/threads/{id}")).into_response())
}

#[derive(sqlx::FromRow, Serialize)]
struct ReportRow {
    post_id: i64,
    thread_id: i64,
    title: String,
    reason: String,
    created_at: i64,
}

/// Open reports in the forums the viewer moderates, selected in SQL by the rule of
/// [`Access::of`]: moderators of a group; coordinators for the network forum and every group
/// they can read that is not secret.
async fn reports(State(state): State<AppState>, page: Page, SignedIn(user): SignedIn) -> AppResult<Html<String>> {
    let sql = format!(
        "SELECT r.post_id, p.thread_id, t.title, r.reason, r.created_at FROM post_reports r \
         JOIN posts p ON p.id = r.post_id JOIN threads t ON t.id = p.thread_id \
         WHERE r.resolved_at IS NULL AND {} ORDER BY r.created_at LIMIT 200",
        access::moderates_sql("t", &Who::expressions("$1", "TRUE", "$2"))
    );
    let reports: Vec<ReportRow> = on_db!(&state.db, pool => sqlx::query_as(&sql).bind(user.user_id)
        .bind(page.viewer.is_coordinator()).fetch_all(pool).await)?;
    page.render(&state, "forums/reports.html", context! { reports })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::groups::{Group, Standing};
    use crate::vocab::Role;

    fn group(access: &str, public_threads: bool) -> Group {
        Group {
            id: 1,
            name: "g".into(),
            purpose: String::new(),
            kind: "country".into(),
            access: access.into(),
            listed_publicly: false,
            public_threads,
        }
    }

    #[test]
    fn access_matrix() {
        let (public, member, coordinator) = (
            Viewer::for_tests(5, None),
            Viewer::for_tests(5, Some(Role::Member)),
            Viewer::for_tests(5, Some(Role::Coordinator)),
        );
        let a = |v: &Viewer, p: Place| {
            let a = Access::of(v, &p);
            (a.read, a.post, a.moderate, a.known)
        };
        assert_eq!(a(&public, Place::Network), (false, false, false, true));
        assert_eq!(a(&member, Place::Network), (true, true, false, true));
        assert_eq!(a(&coordinator, Place::Network), (true, true, true, true));
        // Open group: members read; only those who joined post.
        assert_eq!(a(&member, Place::Group(group("open", false), Standing::None)), (true, false, false, true));
        assert_eq!(a(&member, Place::Group(group("open", false), Standing::Member)), (true, true, false, true));
        assert_eq!(a(&public, Place::Group(group("open", false), Standing::None)), (false, false, false, false));
        // Public threads open reading to everyone, never posting.
        assert_eq!(a(&public, Place::Group(group("closed", true), Standing::None)), (true, false, false, true));
        // Closed group from outside: known, not readable.
        assert_eq!(a(&member, Place::Group(group("closed", false), Standing::Requested)), (false, false, false, true));
        // Secret: unknown even to coordinators, even if someone set public threads.
        assert_eq!(a(&coordinator, Place::Group(group("secret", true), Standing::None)), (false, false, false, false));
        assert_eq!(a(&member, Place::Group(group("secret", false), Standing::Moderator)), (true, true, true, true));
        // Coordinators moderate every forum they can see.
        assert_eq!(a(&coordinator, Place::Group(group("open", false), Standing::None)), (true, false, true, true));
        assert_eq!(a(&coordinator, Place::Group(group("closed", false), Standing::None)), (false, false, false, true));
    }
}
