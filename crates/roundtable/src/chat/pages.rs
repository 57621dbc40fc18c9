//! The pages of Messages: the list (conversations and requests), a new conversation, a
//! conversation, editing a message, and the member's settings. Every page works without
//! JavaScript: a message is sent with a form, and new ones appear on reload.

use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::access::{self, MessagesFrom, Part};
use super::{expiry, Body, Kind, Timer};
use crate::audit::{self, Detail, Entry};
use crate::db::{affected, rows, Arg, Args, Db};
use crate::web::{AppError, AppResult, AppState, ClientIp, DoneQuery, Form, Page, Routes, SignedIn, Viewer, Who};
use crate::{on_db, on_tx};

/// Messages a conversation page shows at once; older ones are a link away.
const PAGE: i64 = 50;

pub fn routes() -> Routes {
    vec![
        ("/messages", get(list).post(start)),
        ("/messages/new", get(new_form)),
        ("/messages/settings", get(settings).post(save_settings)),
        ("/messages/policy", post(save_policy)),
        ("/messages/{id}", get(conversation).post(send)),
        ("/messages/{id}/answer", post(answer)),
        ("/messages/{id}/options", post(options)),
        ("/messages/{id}/leave", post(leave)),
        ("/messages/{id}/block", post(block)),
        ("/messages/{id}/m/{message}/edit", get(edit_form).post(edit)),
        ("/messages/{id}/m/{message}/delete", post(delete)),
    ]
}

/// Someone in a conversation, named as the privacy rules allow.
#[derive(sqlx::FromRow)]
struct PersonRow {
    conversation_id: i64,
    user_id: i64,
    display_name: String,
    at_risk: bool,
    state: String,
    last_read_id: i64,
    read_receipts: bool,
}

#[derive(Serialize, Clone)]
pub(super) struct Person {
    pub(super) id: i64,
    /// `None`: a participant who keeps their name private (to this viewer).
    pub(super) name: Option<String>,
    /// Takes part (rather than: the conversation waits for them, or they left).
    active: bool,
    /// How far they have read, if they let others see it.
    #[serde(skip)]
    read_up_to: Option<i64>,
}

/// The people in `ids`' conversations, other than the viewer, named as everywhere else: a
/// member at risk only to coordinators (the rule of
/// [`crate::members::access::sees_person`]), whoever began the conversation. Whether someone
/// declined, blocked or never saw the conversation is not shown: they all wait.
pub(super) async fn people(db: &Db, viewer: &Viewer, ids: &[i64]) -> Result<Vec<(i64, Person)>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let me = viewer.id().unwrap_or(-1);
    let list: Vec<String> = ids.iter().map(i64::to_string).collect();
    let sql = format!(
        "SELECT cm.conversation_id, u.id AS user_id, u.display_name, COALESCE(p.at_risk, FALSE) AS at_risk, cm.state, \
           cm.last_read_id, u.read_receipts \
         FROM conversation_members cm JOIN users u ON u.id = cm.user_id LEFT JOIN profiles p ON p.user_id = u.id \
         WHERE cm.conversation_id IN ({}) AND cm.user_id <> {me} AND cm.state <> 'left' ORDER BY lower(u.display_name), u.id",
        list.join(", ")
    );
    let found: Vec<PersonRow> = rows(db, &sql, &Args::default()).await?;
    Ok(found
        .into_iter()
        .map(|r| {
            let named = crate::members::access::sees_person(viewer, r.user_id, r.at_risk);
            let active = r.state == "active";
            let read_up_to = (active && r.read_receipts).then_some(r.last_read_id);
            let person = Person { id: r.user_id, name: named.then_some(r.display_name), active, read_up_to };
            (r.conversation_id, person)
        })
        .collect())
}

#[derive(sqlx::FromRow, Serialize)]
struct Listed {
    id: i64,
    kind: String,
    title: String,
    last_message_at: i64,
    pinned: bool,
    muted: bool,
    unread: i64,
    timer_ms: Option<i64>,
}

#[derive(sqlx::FromRow, Serialize)]
struct Request {
    id: i64,
    kind: String,
    title: String,
    sender_id: Option<i64>,
    first: Option<String>,
}

async fn list(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Query(q): Query<DoneQuery>,
) -> AppResult<Html<String>> {
    let me = user.user_id;
    let mut args = Args::default();
    let now = args.push(Arg::Int(state.clock.now_ms()));
    let sql = format!(
        "SELECT c.id, c.kind, c.title, c.last_message_at, cm.pinned, cm.muted, c.timer_ms, \
           (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id AND m.id > cm.last_read_id \
            AND m.author_id <> {me} AND {visible}) AS unread \
         FROM conversations c JOIN conversation_members cm ON cm.conversation_id = c.id AND cm.user_id = {me} \
         WHERE cm.state = 'active' ORDER BY cm.pinned DESC, c.last_message_at DESC, c.id DESC LIMIT 200",
        visible = access::message_sql("m", "cm", &now)
    );
    let conversations: Vec<Listed> = rows(&state.db, &sql, &args).await?;
    // Requests: the sender's name and the first line of what they wrote, nothing more.
    let sql = format!(
        "SELECT c.id, c.kind, c.title, c.created_by AS sender_id, \
           (SELECT m.body FROM messages m WHERE m.conversation_id = c.id AND {visible} ORDER BY m.id LIMIT 1) AS first \
         FROM conversations c JOIN conversation_members cm ON cm.conversation_id = c.id AND cm.user_id = {me} \
         WHERE cm.state = 'request' ORDER BY c.last_message_at DESC, c.id DESC LIMIT 100",
        visible = access::message_sql("m", "cm", &now)
    );
    let requests: Vec<Request> = rows(&state.db, &sql, &args).await?;
    let ids: Vec<i64> = conversations.iter().map(|c| c.id).chain(requests.iter().map(|r| r.id)).collect();
    let people = people(&state.db, &page.viewer, &ids).await?;
    let with = |id: i64| people.iter().filter(|(c, _)| *c == id).map(|(_, p)| p.clone()).collect::<Vec<_>>();
    let conversations: Vec<minijinja::Value> = conversations
        .into_iter()
        .map(|c| {
            let people = with(c.id);
            let timer = Timer::from_ms(c.timer_ms).key();
            context! { people, timer, ..minijinja::Value::from_serialize(&c) }
        })
        .collect();
    let requests: Vec<minijinja::Value> = requests
        .into_iter()
        .map(|r| {
            let sender = with(r.id).into_iter().find(|p| Some(p.id) == r.sender_id);
            let first = r.first.as_deref().map(first_line).unwrap_or_default();
            context! { id => r.id, kind => r.kind, title => r.title, sender, first }
        })
        .collect();
    let done = page.done(q.done.as_deref(), &["declined", "blocked", "left", "saved"], "chat-done");
    page.render(&state, "chat/list.html", context! { conversations, requests, done })
}

/// The first line of a message as plain text, short enough for a request card or a quote.
fn first_line(body: &str) -> String {
    let line = body.lines().find(|l| !l.trim().is_empty()).unwrap_or_default();
    let plain = crate::web::markdown::plain(line);
    let line = plain.trim();
    if line.chars().count() > 120 {
        format!("{}…", line.chars().take(119).collect::<String>())
    } else {
        line.to_string()
    }
}

#[derive(Deserialize, Default)]
struct NewQuery {
    #[serde(default)]
    to: Vec<String>,
}

fn ids_of(values: &[String]) -> AppResult<Vec<i64>> {
    let mut ids: Vec<i64> = values
        .iter()
        .filter(|v| !v.trim().is_empty())
        .map(|v| v.trim().parse::<i64>().map_err(|_| AppError::invalid("error-form-malformed")))
        .collect::<AppResult<_>>()?;
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

#[derive(sqlx::FromRow, Serialize)]
struct Choice {
    id: i64,
    name: String,
}

/// The people the viewer has a tie with and may see: whom they can add to a conversation
/// without typing anything.
async fn tie_choices(db: &Db, viewer: &Viewer) -> Result<Vec<Choice>, sqlx::Error> {
    let who = Who::literal(viewer);
    let me = who.id().to_string();
    let sql = format!(
        "SELECT u.id, u.display_name AS name FROM users u LEFT JOIN profiles p ON p.user_id = u.id \
         WHERE u.active AND u.id <> {me} AND {} \
         AND EXISTS (SELECT 1 FROM ties t WHERE (t.a_id = {me} AND t.b_id = u.id) OR (t.b_id = {me} AND t.a_id = u.id)) \
         ORDER BY lower(u.display_name), u.id LIMIT 500",
        crate::members::access::person_sql("p", "u.id", &who)
    );
    rows(db, &sql, &Args::default()).await
}

async fn new_form(
    State(state): State<AppState>,
    page: Page,
    SignedIn(_): SignedIn,
    axum::extract::RawQuery(raw): axum::extract::RawQuery,
) -> AppResult<Html<String>> {
    let q: NewQuery = raw
        .as_deref()
        .map(|raw| serde_html_form::from_str(raw).map_err(|_| AppError::invalid("error-form-malformed")))
        .transpose()?
        .unwrap_or_default();
    let chosen = super::recipients(&state.db, &page.viewer, &ids_of(&q.to)?).await?;
    let chosen: Vec<Choice> = chosen.into_iter().map(|r| Choice { id: r.id, name: r.name }).collect();
    let ties: Vec<Choice> = tie_choices(&state.db, &page.viewer)
        .await?
        .into_iter()
        .filter(|c| chosen.iter().all(|x| x.id != c.id))
        .collect();
    page.render(&state, "chat/new.html", context! { chosen, ties, max => super::MAX_PEOPLE - 1 })
}

#[derive(Deserialize, Default)]
struct StartForm {
    #[serde(default)]
    to: Vec<String>,
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
}

/// Start a conversation, or continue the one-to-one conversation the two already have.
async fn start(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    ClientIp(ip): ClientIp,
    Form(form): Form<StartForm>,
) -> AppResult<Response> {
    let ids = ids_of(&form.to)?;
    if ids.is_empty() {
        return Err(AppError::invalid("error-message-nobody"));
    }
    if ids.len() >= super::MAX_PEOPLE {
        return Err(AppError::Invalid(
            crate::web::Message::new("error-message-too-many").arg("max", super::MAX_PEOPLE as i64 - 1),
        ));
    }
    let body = Body::parse(&form.body)?;
    let title = super::parse_title(&form.title)?;
    let recipients = super::recipients(&state.db, &page.viewer, &ids).await?;
    // Someone the viewer may not see, or who is gone, is not there to write to.
    if recipients.len() != ids.len() {
        return Err(AppError::NotFound);
    }
    let kind = if recipients.len() == 1 { Kind::Direct } else { Kind::Group };
    let now = state.clock.now_ms();
    let me = user.user_id;
    let existing: Option<i64> = match kind {
        Kind::Direct => {
            let sql = "SELECT c.id FROM conversations c \
                       JOIN conversation_members a ON a.conversation_id = c.id AND a.user_id = $1 \
                       JOIN conversation_members b ON b.conversation_id = c.id AND b.user_id = $2 \
                       WHERE c.kind = 'direct' ORDER BY c.id LIMIT 1";
            on_db!(&state.db, pool => sqlx::query_scalar(sql).bind(me).bind(recipients[0].id).fetch_optional(pool).await)?
        }
        Kind::Group => None,
    };
    let mut tx = state.db.begin().await?;
    let id = match existing {
        Some(id) => {
            super::set_part(&mut tx, id, me, Part::Active, "owner", now).await?;
            id
        }
        None => {
            super::CONVERSATIONS.check(&mut tx, me, now).await?;
            let sql = "INSERT INTO conversations (id, kind, title, created_by, timer_ms, last_message_at, created_at) \
                       VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id";
            let id: i64 = on_tx!(&mut tx, c => sqlx::query_scalar(sql).bind(crate::db::secret_id()).bind(kind.key())
                .bind(&title).bind(me).bind(Timer::DEFAULT.ms()).bind(now).fetch_one(&mut **c).await)?;
            super::set_part(&mut tx, id, me, Part::Active, "owner", now).await?;
            let action = crate::vocab::AuditAction::ConversationStarted;
            audit::record(&mut tx, Entry { actor: Some(me), action, target: None, detail: Detail::None, ip }).await?;
            id
        }
    };
    for to in &recipients {
        super::reach(&mut tx, id, me, page.viewer.is_coordinator(), to, now).await?;
    }
    let message = super::insert_message(&mut tx, id, me, &body, None, now).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/messages/{id}#m-{message}")).into_response())
}

#[derive(sqlx::FromRow)]
struct ConversationRow {
    id: i64,
    kind: String,
    title: String,
    timer_ms: Option<i64>,
}

#[derive(sqlx::FromRow, Serialize)]
struct Shown {
    id: i64,
    author_id: i64,
    #[serde(skip)]
    body: String,
    body_html: String,
    reply_to: Option<i64>,
    created_at: i64,
    edited_at: Option<i64>,
    deleted: bool,
    expires_at: Option<i64>,
}

#[derive(Deserialize)]
struct ConversationQuery {
    before: Option<i64>,
    reply: Option<i64>,
    done: Option<String>,
}

/// The conversation `id` and the viewer's role in it, if they read it; 404 otherwise, so
/// that nobody learns which conversations exist.
async fn readable(db: &Db, id: i64, me: i64) -> AppResult<(ConversationRow, String)> {
    let sql = "SELECT c.id, c.kind, c.title, c.timer_ms, cm.role FROM conversations c \
               JOIN conversation_members cm ON cm.conversation_id = c.id AND cm.user_id = $2 \
               WHERE c.id = $1 AND cm.state = 'active'";
    let row: Option<(i64, String, String, Option<i64>, String)> =
        on_db!(db, pool => sqlx::query_as(sql).bind(id).bind(me).fetch_optional(pool).await)?;
    let (id, kind, title, timer_ms, role) = row.ok_or(AppError::NotFound)?;
    Ok((ConversationRow { id, kind, title, timer_ms }, role))
}

/// Whether the viewer may change the conversation's timer: anyone in a one-to-one, the
/// owner or a moderator of a group.
fn sets_timer(kind: &str, role: &str) -> bool {
    kind == "direct" || matches!(role, "owner" | "moderator")
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
    let mut args = Args::default();
    let now = args.push(Arg::Int(state.clock.now_ms()));
    let before = args.push(Arg::Int(q.before.unwrap_or(i64::MAX)));
    let sql = format!(
        "SELECT * FROM (SELECT m.id, m.author_id, m.body, m.body_html, m.reply_to, m.created_at, m.edited_at, m.deleted, m.expires_at \
           FROM messages m JOIN conversation_members cm ON cm.conversation_id = m.conversation_id AND cm.user_id = {me} \
           WHERE m.conversation_id = {id} AND m.id < {before} AND {} ORDER BY m.id DESC LIMIT {}) newest ORDER BY id",
        access::message_sql("m", "cm", &now),
        PAGE + 1
    );
    let mut shown: Vec<Shown> = rows(&state.db, &sql, &args).await?;
    let older = shown.len() as i64 > PAGE;
    if older {
        shown.remove(0);
    }
    let people = people(&state.db, &page.viewer, &[id]).await?;
    let others: Vec<Person> = people.into_iter().map(|(_, p)| p).collect();
    let named = |author: i64| -> Option<String> {
        if author == me {
            Some(user.display_name.clone())
        } else {
            others.iter().find(|p| p.id == author).and_then(|p| p.name.clone())
        }
    };
    let (muted, pinned, my_receipts): (bool, bool, bool) = on_db!(&state.db, pool => sqlx::query_as(
        "SELECT cm.muted, cm.pinned, u.read_receipts FROM conversation_members cm JOIN users u ON u.id = cm.user_id \
         WHERE cm.conversation_id = $1 AND cm.user_id = $2")
        .bind(id).bind(me).fetch_one(pool).await)?;
    let seen = seen_by(&shown, me, &others, my_receipts);
    let ids: Vec<i64> = shown.iter().map(|m| m.id).collect();
    let mut reactions = super::reactions::on(&state.db, &ids, me).await?;
    let messages: Vec<minijinja::Value> = shown
        .iter()
        .map(|m| {
            let replied = m.reply_to.and_then(|r| shown.iter().find(|x| x.id == r && !x.deleted));
            let quote = replied.map(|r| context! { id => r.id, author => named(r.author_id), text => first_line(&r.body) });
            let seen: Vec<&Person> = seen.iter().filter(|(at, _)| *at == m.id).map(|(_, p)| *p).collect();
            let reactions = reactions.remove(&m.id).unwrap_or_default();
            context! { author => named(m.author_id), mine => m.author_id == me, quote, seen, reactions, ..minijinja::Value::from_serialize(m) }
        })
        .collect();
    // Everything shown is read now.
    if q.before.is_none() {
        if let Some(last) = shown.last() {
            on_db!(&state.db, pool => sqlx::query(
                "UPDATE conversation_members SET last_read_id = $1 WHERE conversation_id = $2 AND user_id = $3 AND last_read_id < $1")
                .bind(last.id).bind(id).bind(me).execute(pool).await.map(affected))?;
        }
    }
    let reply = q.reply.and_then(|r| shown.iter().find(|m| m.id == r && !m.deleted)).map(|m| m.id);
    let known = ["timer", "muted", "unmuted", "pinned", "unpinned", "blocked", "edited", "deleted"];
    let done = page.done(q.done.as_deref(), &known, "chat-done");
    let waiting = c.kind == "direct" && others.iter().all(|p| !p.active);
    page.render(
        &state,
        "chat/conversation.html",
        context! {
            id => c.id, kind => c.kind, title => c.title, people => others, messages, older,
            oldest => shown.first().map(|m| m.id), timer => Timer::from_ms(c.timer_ms).key(),
            timers => Timer::keys(), reaction_keys => super::reactions::Reaction::ALL.iter().map(|r| (r.key(), r.sign())).collect::<Vec<_>>(), sets_timer => sets_timer(&c.kind, &role), muted, pinned, reply, done, waiting,
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
    let (c, _) = readable(&state.db, id, me).await?;
    let body = Body::parse(&form.body)?;
    let now = state.clock.now_ms();
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
    let message = super::insert_message(&mut tx, id, me, &body, reply_to, now).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/messages/{id}#m-{message}")).into_response())
}

#[derive(Deserialize, Default)]
struct AnswerForm {
    #[serde(default)]
    answer: String,
}

/// Accept, decline or block a request. Declining tells the sender nothing.
async fn answer(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<AnswerForm>,
) -> AppResult<Response> {
    let me = user.user_id;
    if super::part_of(&state.db, id, me).await? != Some(Part::Request) {
        return Err(AppError::NotFound);
    }
    let now = state.clock.now_ms();
    let sender: Option<i64> = on_db!(&state.db, pool => sqlx::query_scalar("SELECT created_by FROM conversations WHERE id = $1")
        .bind(id).fetch_one(pool).await)?;
    let mut tx = state.db.begin().await?;
    let to = match form.answer.as_str() {
        "accept" => {
            super::set_part(&mut tx, id, me, Part::Active, "member", now).await?;
            format!("/messages/{id}")
        }
        "decline" => {
            super::set_part(&mut tx, id, me, Part::Declined, "member", now).await?;
            "/messages?done=declined".to_string()
        }
        "block" => {
            super::set_part(&mut tx, id, me, Part::Declined, "member", now).await?;
            if let Some(sender) = sender.filter(|s| *s != me) {
                block_in(&mut tx, me, sender, now).await?;
            }
            "/messages?done=blocked".to_string()
        }
        _ => return Err(AppError::invalid("error-form-malformed")),
    };
    tx.commit().await?;
    Ok(Redirect::to(&to).into_response())
}

async fn block_in(tx: &mut crate::db::Tx, me: i64, other: i64, now: i64) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
        .bind(me).bind(other).bind(now).execute(&mut **c).await.map(affected))?;
    Ok(())
}

/// Block the other side of a one-to-one conversation: nothing more from them reaches the
/// viewer, here or anywhere else.
async fn block(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(_): Form<AnswerForm>,
) -> AppResult<Response> {
    let me = user.user_id;
    let (c, _) = readable(&state.db, id, me).await?;
    if c.kind != "direct" {
        return Err(AppError::NotFound);
    }
    let other: Option<i64> = on_db!(&state.db, pool => sqlx::query_scalar(
        "SELECT user_id FROM conversation_members WHERE conversation_id = $1 AND user_id <> $2")
        .bind(id).bind(me).fetch_optional(pool).await)?;
    let mut tx = state.db.begin().await?;
    if let Some(other) = other {
        block_in(&mut tx, me, other, state.clock.now_ms()).await?;
    }
    tx.commit().await?;
    Ok(Redirect::to(&format!("/messages/{id}?done=blocked")).into_response())
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
    own_message(&state.db, id, message, user.user_id, now).await?;
    let body = Body::parse(&form.body)?;
    let html = crate::web::markdown::render(body.as_str());
    let mut tx = state.db.begin().await?;
    on_tx!(&mut tx, c => sqlx::query("UPDATE messages SET body = $1, body_html = $2, edited_at = $3 WHERE id = $4")
        .bind(body.as_str()).bind(&html).bind(now).bind(message).execute(&mut **c).await.map(affected))?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/messages/{id}?done=edited#m-{message}")).into_response())
}

/// Delete a message of one's own: its text is removed for everyone.
async fn delete(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path((id, message)): Path<(i64, i64)>,
    Form(_): Form<AnswerForm>,
) -> AppResult<Response> {
    own_message(&state.db, id, message, user.user_id, state.clock.now_ms()).await?;
    let mut tx = state.db.begin().await?;
    on_tx!(&mut tx, c => sqlx::query("UPDATE messages SET body = '', body_html = '', deleted = TRUE WHERE id = $1")
        .bind(message).execute(&mut **c).await.map(affected))?;
    on_tx!(&mut tx, c => sqlx::query("DELETE FROM message_reactions WHERE message_id = $1")
        .bind(message).execute(&mut **c).await.map(affected))?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/messages/{id}?done=deleted")).into_response())
}

#[derive(sqlx::FromRow)]
struct SettingsRow {
    messages_from: Option<String>,
    read_receipts: bool,
    at_risk: bool,
}

async fn settings(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Query(q): Query<DoneQuery>,
) -> AppResult<Html<String>> {
    let sql = "SELECT u.messages_from, u.read_receipts, COALESCE(p.at_risk, FALSE) AS at_risk \
               FROM users u LEFT JOIN profiles p ON p.user_id = u.id WHERE u.id = $1";
    let row: SettingsRow = on_db!(&state.db, pool => sqlx::query_as(sql).bind(user.user_id).fetch_one(pool).await)?;
    let chosen = row.messages_from.as_deref().and_then(|m| m.parse::<MessagesFrom>().ok());
    let from = MessagesFrom::effective(chosen, row.at_risk);
    let blocked: Vec<Choice> = {
        let sql = "SELECT u.id, u.display_name AS name FROM blocks b JOIN users u ON u.id = b.blocked_id \
                   WHERE b.blocker_id = $1 ORDER BY lower(u.display_name), u.id";
        on_db!(&state.db, pool => sqlx::query_as(sql).bind(user.user_id).fetch_all(pool).await)?
    };
    let done = page.done(q.done.as_deref(), &["saved", "unblocked", "policy"], "chat-done");
    let retention: Option<i64> = on_db!(&state.db, pool => sqlx::query_scalar("SELECT max_retention_ms FROM chat_policy WHERE id = 1")
        .fetch_one(pool).await)?;
    page.render(
        &state,
        "chat/settings.html",
        context! {
            from => from.key(), choices => MessagesFrom::keys(), chosen => chosen.is_some(), at_risk => row.at_risk,
            read_receipts => row.read_receipts, blocked, done, admin => page.viewer.role() == Some(crate::vocab::Role::Admin),
            retention => Timer::from_ms(retention).key(), timers => Timer::keys(),
        },
    )
}

#[derive(Deserialize, Default)]
struct SettingsForm {
    #[serde(default)]
    messages_from: String,
    read_receipts: Option<String>,
    #[serde(default)]
    unblock: String,
}

async fn save_settings(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Form(form): Form<SettingsForm>,
) -> AppResult<Response> {
    let me = user.user_id;
    let mut tx = state.db.begin().await?;
    if !form.unblock.is_empty() {
        let other: i64 = form.unblock.parse().map_err(|_| AppError::invalid("error-form-malformed"))?;
        on_tx!(&mut tx, c => sqlx::query("DELETE FROM blocks WHERE blocker_id = $1 AND blocked_id = $2")
            .bind(me).bind(other).execute(&mut **c).await.map(affected))?;
        tx.commit().await?;
        return Ok(Redirect::to("/messages/settings?done=unblocked").into_response());
    }
    let from: MessagesFrom = form.messages_from.parse()?;
    on_tx!(&mut tx, c => sqlx::query("UPDATE users SET messages_from = $1, read_receipts = $2 WHERE id = $3")
        .bind(from.key()).bind(form.read_receipts.is_some()).bind(me).execute(&mut **c).await.map(affected))?;
    tx.commit().await?;
    Ok(Redirect::to("/messages/settings?done=saved").into_response())
}

#[derive(Deserialize, Default)]
struct PolicyForm {
    #[serde(default)]
    retention: String,
}

/// The network's longest retention (admins): every message's expiry is capped by it. "Off"
/// lifts the cap.
async fn save_policy(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Form(form): Form<PolicyForm>,
) -> AppResult<Response> {
    if user.role != crate::vocab::Role::Admin {
        return Err(AppError::Forbidden);
    }
    let retention: Timer = form.retention.parse()?;
    user.require_confirmed("/messages/settings")?;
    let mut tx = state.db.begin().await?;
    on_tx!(&mut tx, c => sqlx::query("UPDATE chat_policy SET max_retention_ms = $1, updated_by = $2, updated_at = $3 WHERE id = 1")
        .bind(retention.ms()).bind(user.user_id).bind(state.clock.now_ms()).execute(&mut **c).await.map(affected))?;
    tx.commit().await?;
    Ok(Redirect::to("/messages/settings?done=policy").into_response())
}
