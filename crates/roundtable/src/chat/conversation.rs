//! A conversation's page: its messages (the newest page, or an older one), sending, editing
//! and deleting one's own, the options (timer, mute, pin) and leaving. What the page shows
//! is read by [`messages_in`] and [`present`], which the live socket uses too.

use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::access;
use super::pages::{people, AnswerForm, Person};
use super::{expiry, Body, Part, Timer};
use crate::db::{affected, rows, Arg, Args, Db};
use crate::web::session::SessionUser;
use crate::web::{AppError, AppResult, AppState, Form, Page, Routes, SignedIn};
use crate::{on_db, on_tx};

/// Messages a conversation page shows at once; older ones are a link away.
pub(super) const PAGE: i64 = 50;

pub fn routes() -> Routes {
    vec![
        ("/messages/{id}", get(conversation).post(send)),
        ("/messages/{id}/options", post(options)),
        ("/messages/{id}/leave", post(leave)),
        ("/messages/{id}/m/{message}/edit", get(edit_form).post(edit)),
        ("/messages/{id}/m/{message}/delete", post(delete)),
    ]
}

#[derive(sqlx::FromRow)]
pub(super) struct ConversationRow {
    pub(super) id: i64,
    pub(super) kind: String,
    title: String,
    timer_ms: Option<i64>,
    /// A room's group.
    group_id: Option<i64>,
    /// An event's chat: its event, and when it closes.
    event_id: Option<i64>,
    closes_at: Option<i64>,
}

#[derive(sqlx::FromRow, Serialize)]
pub(super) struct Shown {
    pub(super) id: i64,
    pub(super) author_id: i64,
    body_html: String,
    reply_to: Option<i64>,
    created_at: i64,
    edited_at: Option<i64>,
    deleted: bool,
    expires_at: Option<i64>,
    /// The message replied to, if the reader still reads it.
    #[serde(skip)]
    pub(super) quote_author: Option<i64>,
    #[serde(skip)]
    quote_body: Option<String>,
}

/// Which of a conversation's messages: a page of the newest before a message, or (for a
/// live page catching up) the oldest after one, with or without those edited or deleted at
/// or after a time.
#[derive(Clone, Copy)]
pub(super) enum Span {
    Before(i64),
    After(i64),
    /// New after a message, or up to it and edited or deleted at or after a time.
    Fresh(i64, i64),
}

#[derive(Deserialize)]
struct ConversationQuery {
    before: Option<i64>,
    reply: Option<i64>,
    done: Option<String>,
}

/// The conversation `id` and the viewer's role in it, if they read it; 404 otherwise, so
/// that nobody learns which conversations exist.
pub(super) async fn readable(db: &Db, id: i64, me: i64) -> AppResult<(ConversationRow, String)> {
    let sql = format!(
        "SELECT c.id, c.kind, {} AS title, c.timer_ms, c.group_id, c.event_id, c.closes_at, cm.role FROM conversations c \
         JOIN conversation_members cm ON cm.conversation_id = c.id AND cm.user_id = $2 WHERE c.id = $1 AND {}",
        super::title_sql("c"),
        access::takes_part_sql("cm")
    );
    #[derive(sqlx::FromRow)]
    struct Found {
        #[sqlx(flatten)]
        conversation: ConversationRow,
        role: String,
    }
    let found: Option<Found> = on_db!(db, pool => sqlx::query_as(&sql).bind(id).bind(me).fetch_optional(pool).await)?;
    let found = found.ok_or(AppError::NotFound)?;
    Ok((found.conversation, found.role))
}

/// As [`readable`], and the conversation still takes messages: an event's chat that has
/// closed answers so.
pub(super) async fn writable(db: &Db, id: i64, me: i64, now: i64) -> AppResult<(ConversationRow, String)> {
    let (c, role) = readable(db, id, me).await?;
    if !access::open(c.closes_at, now) {
        return Err(AppError::invalid("error-chat-closed"));
    }
    Ok((c, role))
}

/// Whether the viewer may change the conversation's timer: anyone in a one-to-one, the
/// owner or a moderator of a group.
fn sets_timer(kind: &str, role: &str) -> bool {
    kind == "direct" || matches!(role, "owner" | "moderator")
}

/// Up to `PAGE + 1` messages of conversation `id` in `span` that `me` reads at `now`, oldest
/// first, each with the message it replies to where `me` reads that too (the same rule).
pub(super) async fn messages_in(db: &Db, me: i64, id: i64, span: Span, now: i64) -> Result<Vec<Shown>, sqlx::Error> {
    let mut args = Args::default();
    let now = args.push(Arg::Int(now));
    let (bound, order) = match span {
        Span::Before(before) => (format!("m.id < {}", args.push(Arg::Int(before))), "DESC"),
        Span::After(after) => (format!("m.id > {}", args.push(Arg::Int(after))), "ASC"),
        Span::Fresh(after, since) => {
            let (after, since) = (args.push(Arg::Int(after)), args.push(Arg::Int(since)));
            (format!("(m.id > {after} OR m.edited_at >= {since})"), "ASC")
        }
    };
    let sql = format!(
        "SELECT * FROM (SELECT m.id, m.author_id, m.body_html, m.reply_to, m.created_at, m.edited_at, m.deleted, m.expires_at, \
           q.author_id AS quote_author, q.body AS quote_body \
           FROM messages m JOIN conversation_members cm ON cm.conversation_id = m.conversation_id AND cm.user_id = {me} \
             AND {part} \
           LEFT JOIN messages q ON q.id = m.reply_to AND q.conversation_id = m.conversation_id AND NOT q.deleted AND {quoted} \
           WHERE m.conversation_id = {id} AND {bound} AND {visible} ORDER BY m.id {order} LIMIT {}) chosen ORDER BY id",
        PAGE + 1,
        visible = access::message_sql("m", "cm", &now),
        quoted = access::message_sql("q", "cm", &now),
        part = access::takes_part_sql("cm"),
    );
    rows(db, &sql, &args).await
}

/// What a message template needs of each message: names as the privacy rules give them,
/// the quote, read markers and reactions.
pub(super) async fn present(
    db: &Db,
    user: &SessionUser,
    shown: &[Shown],
    others: &[Person],
    seen: &[(i64, &Person)],
) -> Result<Vec<minijinja::Value>, sqlx::Error> {
    let me = user.user_id;
    let named = |author: i64| -> Option<String> {
        if author == me {
            Some(user.display_name.clone())
        } else {
            others.iter().find(|p| p.id == author).and_then(|p| p.name.clone())
        }
    };
    let ids: Vec<i64> = shown.iter().map(|m| m.id).collect();
    let mut reactions = super::reactions::on(db, &ids, me).await?;
    let mut files = super::attachments::of_messages(db, &ids).await?;
    Ok(shown
        .iter()
        .map(|m| {
            let quote = m.reply_to.zip(m.quote_body.as_deref()).map(|(r, body)| {
                context! { id => r, author => m.quote_author.and_then(named), text => super::pages::first_line(body) }
            });
            let seen: Vec<&Person> = seen.iter().filter(|(at, _)| *at == m.id).map(|(_, p)| *p).collect();
            let reactions = reactions.remove(&m.id).unwrap_or_default();
            let files: Vec<minijinja::Value> = files
                .remove(&m.id)
                .unwrap_or_default()
                .into_iter()
                .map(|f| context! { image => f.image(), ..minijinja::Value::from_serialize(&f) })
                .collect();
            context! { author => named(m.author_id), mine => m.author_id == me, quote, seen, reactions, files, ..minijinja::Value::from_serialize(m) }
        })
        .collect())
}

/// The reactions a message can get, as (key, sign), for the templates.
pub(super) fn reaction_keys() -> Vec<(&'static str, &'static str)> {
    super::reactions::Reaction::ALL.iter().map(|r| (r.key(), r.sign())).collect()
}

/// Mark conversation `id` read by `me` up to message `last`.
pub(super) async fn mark_read(db: &Db, id: i64, me: i64, last: i64) -> Result<(), sqlx::Error> {
    on_db!(db, pool => sqlx::query(
        "UPDATE conversation_members SET last_read_id = $1 WHERE conversation_id = $2 AND user_id = $3 AND last_read_id < $1")
        .bind(last).bind(id).bind(me).execute(pool).await.map(affected))?;
    crate::notify::mark_read(db, me, "conversation_id", id).await?;
    Ok(())
}

async fn conversation(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Query(q): Query<ConversationQuery>,
) -> AppResult<Html<String>> {
    let me = user.user_id;
    let (c, role) = readable(&state.db, id, me).await?;
    let span = Span::Before(q.before.unwrap_or(i64::MAX));
    let mut shown = messages_in(&state.db, me, id, span, state.clock.now_ms()).await?;
    let older = shown.len() as i64 > PAGE;
    if older {
        shown.remove(0);
    }
    let people = people(&state.db, &page.viewer, &[id]).await?;
    let others: Vec<Person> = people.into_iter().map(|(_, p)| p).collect();
    let (muted, pinned, my_receipts): (bool, bool, bool) = on_db!(&state.db, pool => sqlx::query_as(
        "SELECT cm.muted, cm.pinned, u.read_receipts FROM conversation_members cm JOIN users u ON u.id = cm.user_id \
         WHERE cm.conversation_id = $1 AND cm.user_id = $2")
        .bind(id).bind(me).fetch_one(pool).await)?;
    let seen = seen_by(&shown, me, &others, my_receipts);
    let messages = present(&state.db, &user, &shown, &others, &seen).await?;
    // Everything shown is read now.
    if q.before.is_none() {
        if let Some(last) = shown.last() {
            mark_read(&state.db, id, me, last.id).await?;
        }
    }
    let reply = q.reply.and_then(|r| shown.iter().find(|m| m.id == r && !m.deleted)).map(|m| m.id);
    let known = ["timer", "muted", "unmuted", "pinned", "unpinned", "blocked", "edited", "deleted", "reported"];
    let done = page.done(q.done.as_deref(), &known, "chat-done");
    let waiting = c.kind == "direct" && others.iter().all(|p| !p.active);
    // The newest page follows new messages as they come (a script, if it runs); an older
    // page stays as it is.
    let live = q.before.is_none().then(|| {
        context! {
            script => crate::web::assets::chat_js_url(),
            after => shown.last().map_or(0, |m| m.id),
            since => state.clock.now_ms(),
        }
    });
    page.render(
        &state,
        "chat/conversation.html",
        context! {
            id => c.id, kind => c.kind, title => c.title, group_id => c.group_id, event_id => c.event_id,
            closes_at => c.closes_at.and_then(|at| crate::web::zone::datetime(at, page.zone)),
            closed => !access::open(c.closes_at, state.clock.now_ms()), people => others, messages, older,
            oldest => shown.first().map(|m| m.id), timer => Timer::from_ms(c.timer_ms).key(),
            timers => Timer::keys(), reaction_keys => reaction_keys(), sets_timer => sets_timer(&c.kind, &role),
            muted, pinned, reply, done, waiting, live,
        },
    )
}

/// Read markers: each participant who lets others see how far they have read, placed under
/// the newest of the viewer's own messages (among those shown) that they have read. Only
/// for a viewer who lets others see theirs: markers are given in exchange.
fn seen_by<'a>(shown: &[Shown], me: i64, others: &'a [Person], my_receipts: bool) -> Vec<(i64, &'a Person)> {
    if !my_receipts {
        return Vec::new();
    }
    others
        .iter()
        .filter_map(|p| {
            let up_to = p.read_up_to?;
            let at = shown.iter().rev().find(|m| m.author_id == me && !m.deleted && m.id <= up_to)?;
            Some((at.id, p))
        })
        .collect()
}

#[derive(Deserialize, Default)]
struct SendForm {
    #[serde(default)]
    body: String,
    #[serde(default)]
    reply_to: String,
}

async fn send(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<SendForm>,
) -> AppResult<Response> {
    let me = user.user_id;
    let now = state.clock.now_ms();
    let (c, _) = writable(&state.db, id, me, now).await?;
    let body = Body::parse(&form.body)?;
    let reply_to = match form.reply_to.trim() {
        "" => None,
        r => {
            let r: i64 = r.parse().map_err(|_| AppError::invalid("error-form-malformed"))?;
            let sql = "SELECT COUNT(*) FROM messages WHERE id = $1 AND conversation_id = $2 AND NOT deleted";
            let found: i64 = on_db!(&state.db, pool => sqlx::query_scalar(sql).bind(r).bind(id).fetch_one(pool).await)?;
            (found > 0).then_some(r)
        }
    };
    // The other side of a one-to-one conversation who has not taken part yet, or left, is
    // reached as a first message would reach them (a tie recorded since lets it through).
    let other = if c.kind == "direct" {
        let sql = "SELECT user_id FROM conversation_members WHERE conversation_id = $1 AND user_id <> $2";
        on_db!(&state.db, pool => sqlx::query_scalar::<_, i64>(sql).bind(id).bind(me).fetch_optional(pool).await)?
    } else {
        None
    };
    let recipient = match other {
        Some(other) => super::recipients(&state.db, &page.viewer, &[other]).await?.into_iter().next(),
        None => None,
    };
    let mut tx = state.db.begin().await?;
    if let Some(to) = &recipient {
        super::reach(&mut tx, id, me, page.viewer.is_coordinator(), to, now).await?;
    }
    let message = super::insert_message(&mut tx, &state.config, id, &page.viewer, &body, reply_to, now).await?;
    super::live::commit(&state, tx, id).await?;
    Ok(Redirect::to(&format!("/messages/{id}#m-{message}")).into_response())
}

#[derive(Deserialize, Default)]
struct OptionsForm {
    #[serde(default)]
    timer: String,
    #[serde(default)]
    toggle: String,
}

/// The timer (for those who may set it), mute and pin (each member's own).
async fn options(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<OptionsForm>,
) -> AppResult<Response> {
    let me = user.user_id;
    let (c, role) = readable(&state.db, id, me).await?;
    let mut tx = state.db.begin().await?;
    let done = match (form.timer.as_str(), form.toggle.as_str()) {
        ("", toggle @ ("mute" | "pin")) => {
            let column = if toggle == "mute" { "muted" } else { "pinned" };
            let sql = format!(
                "UPDATE conversation_members SET {column} = NOT {column} WHERE conversation_id = $1 AND user_id = $2 RETURNING {column}"
            );
            let on: bool = on_tx!(&mut tx, c => sqlx::query_scalar(&sql).bind(id).bind(me).fetch_one(&mut **c).await)?;
            match (toggle, on) {
                ("mute", true) => "muted",
                ("mute", false) => "unmuted",
                (_, true) => "pinned",
                _ => "unpinned",
            }
        }
        (timer, "") => {
            let timer: Timer = timer.parse()?;
            if !sets_timer(&c.kind, &role) {
                return Err(AppError::Forbidden);
            }
            expiry::set_timer(&mut tx, id, timer).await?;
            "timer"
        }
        _ => return Err(AppError::invalid("error-form-malformed")),
    };
    tx.commit().await?;
    Ok(Redirect::to(&format!("/messages/{id}?done={done}")).into_response())
}

async fn leave(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(_): Form<AnswerForm>,
) -> AppResult<Response> {
    let me = user.user_id;
    readable(&state.db, id, me).await?;
    let mut tx = state.db.begin().await?;
    super::set_part(&mut tx, id, me, Part::Left, "member", state.clock.now_ms()).await?;
    tx.commit().await?;
    Ok(Redirect::to("/messages?done=left").into_response())
}

/// A message of the viewer's own, still there, in a conversation they read.
async fn own_message(db: &Db, id: i64, message: i64, me: i64, now: i64) -> AppResult<String> {
    readable(db, id, me).await?;
    let sql = "SELECT body FROM messages WHERE id = $1 AND conversation_id = $2 AND author_id = $3 AND NOT deleted \
               AND (expires_at IS NULL OR expires_at > $4)";
    let body: Option<String> = on_db!(db, pool => sqlx::query_scalar(sql).bind(message).bind(id).bind(me).bind(now).fetch_optional(pool).await)?;
    body.ok_or(AppError::NotFound)
}

async fn edit_form(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Path((id, message)): Path<(i64, i64)>,
) -> AppResult<Html<String>> {
    let body = own_message(&state.db, id, message, user.user_id, state.clock.now_ms()).await?;
    page.render(&state, "chat/edit.html", context! { id, message, body })
}

/// Edit a message of one's own: marked as edited, and no earlier text is kept.
async fn edit(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path((id, message)): Path<(i64, i64)>,
    Form(form): Form<SendForm>,
) -> AppResult<Response> {
    let now = state.clock.now_ms();
    writable(&state.db, id, user.user_id, now).await?;
    own_message(&state.db, id, message, user.user_id, now).await?;
    let body = Body::parse(&form.body)?;
    let html = crate::web::markdown::render(body.as_str());
    let mut tx = state.db.begin().await?;
    on_tx!(&mut tx, c => sqlx::query("UPDATE messages SET body = $1, body_html = $2, edited_at = $3 WHERE id = $4")
        .bind(body.as_str()).bind(&html).bind(now).bind(message).execute(&mut **c).await.map(affected))?;
    super::live::commit(&state, tx, id).await?;
    Ok(Redirect::to(&format!("/messages/{id}?done=edited#m-{message}")).into_response())
}

/// Delete a message of one's own: its text is removed for everyone.
async fn delete(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path((id, message)): Path<(i64, i64)>,
    Form(_): Form<AnswerForm>,
) -> AppResult<Response> {
    let now = state.clock.now_ms();
    own_message(&state.db, id, message, user.user_id, now).await?;
    let mut tx = state.db.begin().await?;
    // Marked changed, so that live pages take the text away too.
    on_tx!(&mut tx, c => sqlx::query("UPDATE messages SET body = '', body_html = '', deleted = TRUE, edited_at = $2 WHERE id = $1")
        .bind(message).bind(now).execute(&mut **c).await.map(affected))?;
    super::forget_message_extras(&mut tx, message).await?;
    super::live::commit(&state, tx, id).await?;
    Ok(Redirect::to(&format!("/messages/{id}?done=deleted")).into_response())
}
