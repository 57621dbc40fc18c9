//! A member's home: what needs them today. Every tile is one query that goes through the
//! access rule of what it lists (events, introductions, groups, questions, threads,
//! resources, people), so that a tile never shows what its page would not.

use minijinja::{context, Value};
use serde::Serialize;

use crate::db::{rows, Arg, Args, Db};
use crate::web::{AppResult, AppState, Page, Who};
use crate::{bind_args, on_db};

/// How many items a tile lists at most; each links to the page with the rest.
const TILE: i64 = 4;
/// Resources this recent count as new.
const NEW_DAYS: i64 = 60;

fn who(page: &Page) -> Who {
    Who::literal(&page.viewer)
}

#[derive(sqlx::FromRow, Serialize)]
struct NextEvent {
    id: i64,
    title: String,
    starts_at: i64,
    ends_at: i64,
    status: String,
    /// The meeting link, where the member has a place.
    link: Option<String>,
}

/// My next events: those I registered for (or wait for), soonest first.
async fn next_events(db: &Db, page: &Page, now: i64) -> AppResult<Vec<NextEvent>> {
    let mut args = Args::default();
    let who = who(page);
    let (visible, link) = (crate::events::access::visible_sql("e", &who), crate::events::access::link_sql("e", &who));
    let now = args.push(Arg::Int(now));
    let sql = format!(
        "SELECT e.id, e.title, e.starts_at, e.ends_at, r.status, CASE WHEN {link} THEN e.online_url END AS link \
         FROM event_registrations r JOIN events e ON e.id = r.event_id \
         WHERE r.user_id = {me} AND r.status IN ('registered', 'pending', 'waitlisted') AND e.ends_at > {now} \
         AND NOT e.cancelled AND {visible} ORDER BY e.starts_at, e.id LIMIT {TILE}",
        me = who.id(),
    );
    Ok(rows(db, &sql, &args).await?)
}

#[derive(sqlx::FromRow, Serialize)]
struct Named {
    id: i64,
    name: String,
}

/// What waits for my answer: introductions, invitations to groups, questions put to me,
/// message requests.
async fn waiting(db: &Db, page: &Page) -> AppResult<Value> {
    let args = Args::default();
    let who = who(page);
    let me = who.id().to_string();
    let sql = format!(
        "SELECT COUNT(*) FROM introductions i WHERE i.closed_at IS NULL \
         AND ((i.a_id = {me} AND i.a_answer = 'pending') OR (i.b_id = {me} AND i.b_answer = 'pending')) AND {}",
        crate::network::introductions::introduction_sql("i", &who)
    );
    let introductions: i64 = on_db!(db, pool => bind_args!(sqlx::query_scalar(&sql), args).fetch_one(pool).await)?;
    let sql = format!(
        "SELECT g.id, g.name FROM group_members gm JOIN network_groups g ON g.id = gm.group_id \
         WHERE gm.user_id = {me} AND gm.status = 'invited' AND {} ORDER BY gm.created_at DESC LIMIT {TILE}",
        crate::groups::access::known_sql("g", &who)
    );
    let invitations: Vec<Named> = rows(db, &sql, &args).await?;
    let sql = format!(
        "SELECT q.id, q.title AS name FROM questions q \
         WHERE q.answered_at IS NULL AND EXISTS (SELECT 1 FROM question_experts qe WHERE qe.question_id = q.id \
         AND qe.expert_id = {me}) AND {} ORDER BY q.created_at DESC LIMIT {TILE}",
        crate::experts::question_sql("q", &who)
    );
    let questions: Vec<Named> = rows(db, &sql, &args).await?;
    let requests = match page.viewer.id() {
        Some(me) => crate::chat::requests_waiting(db, me).await?,
        None => 0,
    };
    let any = introductions > 0 || !invitations.is_empty() || !questions.is_empty() || requests > 0;
    Ok(context! { introductions, invitations, questions, requests, any })
}

#[derive(sqlx::FromRow, Serialize)]
struct Discussion {
    id: i64,
    title: String,
    group_name: Option<String>,
    last_post_at: i64,
    unread: i64,
}

/// Threads with posts I have not read, in my groups and among those I follow.
async fn unread(db: &Db, page: &Page) -> AppResult<Vec<Discussion>> {
    let args = Args::default();
    let who = who(page);
    let me = who.id().to_string();
    let sql = format!(
        "SELECT * FROM (SELECT t.id, t.title, g.name AS group_name, t.last_post_at, \
           (SELECT COUNT(*) FROM posts p WHERE p.thread_id = t.id AND NOT p.hidden AND p.id > \
             COALESCE((SELECT tr.last_post_id FROM thread_reads tr WHERE tr.user_id = {me} AND tr.thread_id = t.id), 0)) \
             AS unread \
         FROM threads t LEFT JOIN network_groups g ON g.id = t.group_id \
         WHERE NOT t.hidden AND {readable} \
         AND (EXISTS (SELECT 1 FROM thread_follows f WHERE f.thread_id = t.id AND f.user_id = {me}) \
              OR (t.group_id IS NOT NULL AND {member}))) news \
         WHERE news.unread > 0 ORDER BY news.last_post_at DESC, news.id DESC LIMIT {TILE}",
        readable = crate::forums::access::readable_sql("t", &who),
        member = crate::groups::access::member_sql("t.group_id", &who),
    );
    Ok(rows(db, &sql, &args).await?)
}

#[derive(sqlx::FromRow, Serialize)]
struct Resource {
    id: i64,
    title: String,
    kind: String,
    created_at: i64,
}

/// New resources in my topics or languages (or simply new ones, when I have named none).
async fn new_resources(db: &Db, page: &Page, now: i64) -> AppResult<Vec<Resource>> {
    let mut args = Args::default();
    let visible = crate::library::visible_sql("r", &page.viewer);
    let me = args.push(Arg::Int(page.viewer.id().unwrap_or(-1)));
    let since = args.push(Arg::Int(now - NEW_DAYS * 86_400_000));
    let sql = format!(
        "SELECT r.id, r.title, r.kind, r.created_at FROM resources r WHERE {visible} AND r.created_at > {since} \
         AND (EXISTS (SELECT 1 FROM resource_tags rt WHERE rt.resource_id = r.id AND \
               ((rt.vocab = 'topic' AND rt.key IN (SELECT area FROM profile_expertise WHERE user_id = {me})) \
                OR (rt.vocab = 'language' AND rt.key IN (SELECT lang FROM profile_languages WHERE user_id = {me})))) \
              OR NOT EXISTS (SELECT 1 FROM profile_expertise WHERE user_id = {me} \
                             UNION ALL SELECT 1 FROM profile_languages WHERE user_id = {me})) \
         ORDER BY r.created_at DESC, r.id DESC LIMIT {TILE}"
    );
    Ok(rows(db, &sql, &args).await?)
}

/// The fields of my profile still empty, in the order the profile form asks them.
async fn empty_fields(db: &Db, me: i64) -> AppResult<Vec<&'static str>> {
    let sql = "SELECT p.sector IS NULL, p.country IS NULL, p.bio = '', p.photo IS NULL, \
               NOT EXISTS (SELECT 1 FROM profile_languages l WHERE l.user_id = p.user_id), \
               NOT EXISTS (SELECT 1 FROM profile_expertise x WHERE x.user_id = p.user_id), \
               NOT EXISTS (SELECT 1 FROM affiliations a WHERE a.user_id = p.user_id) \
               FROM profiles p WHERE p.user_id = $1";
    type Empty = (bool, bool, bool, bool, bool, bool, bool);
    let row: Option<Empty> = on_db!(db, pool => sqlx::query_as(sql).bind(me).fetch_optional(pool).await)?;
    let Some(e) = row else { return Ok(Vec::new()) };
    let fields = [
        ("sector", e.0),
        ("organisations", e.6),
        ("country", e.1),
        ("languages", e.4),
        ("expertise", e.5),
        ("bio", e.2),
        ("photo", e.3),
    ];
    Ok(fields.into_iter().filter(|(_, empty)| *empty).map(|(f, _)| f).collect())
}

/// Every tile of a member's home.
pub async fn member(state: &AppState, page: &Page, me: i64) -> AppResult<Value> {
    let now = state.clock.now_ms();
    let db = &state.db;
    let end = crate::network::ties::end(db, me).await?;
    let people = match &end {
        Some(end) => crate::network::introductions::suggestions(state, &page.viewer, end, 3, page.locale).await?,
        None => Vec::new(),
    };
    Ok(context! {
        events => next_events(db, page, now).await?,
        waiting => waiting(db, page).await?,
        unread => unread(db, page).await?,
        resources => new_resources(db, page, now).await?,
        empty => empty_fields(db, me).await?,
        people,
        at_risk => end.is_some_and(|e| e.at_risk),
    })
}
