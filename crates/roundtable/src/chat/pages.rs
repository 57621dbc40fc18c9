//! The pages of Messages around the conversations: the list (conversations and requests), a
//! new conversation, answering a request, blocking, and the member's settings. A
//! conversation's own page is in `conversation.rs`. Every page works without JavaScript.

use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::access::{self, MessagesFrom, Part};
use super::{Body, Kind, Timer};
use crate::audit::{self, Detail, Entry};
use crate::db::{affected, rows, Arg, Args, Db};
use crate::web::{AppError, AppResult, AppState, ClientIp, DoneQuery, Form, Page, Routes, SignedIn, Viewer, Who};
use crate::{on_db, on_tx};

pub fn routes() -> Routes {
    vec![
        ("/messages", get(list).post(start)),
        ("/messages/new", get(new_form)),
        ("/messages/settings", get(settings).post(save_settings)),
        ("/messages/policy", post(save_policy)),
        ("/messages/{id}/answer", post(answer)),
        ("/messages/{id}/block", post(block)),
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
    pub(super) active: bool,
    /// How far they have read, if they let others see it.
    #[serde(skip)]
    pub(super) read_up_to: Option<i64>,
}

/// The people in `ids`' conversations, other than the viewer, named as everywhere else: a
/// member at risk only to coordinators (the rule of
/// [`crate::members::access::sees_person`]), whoever began the conversation. Whether someone
/// declined, blocked or never saw the conversation is not shown: they all wait.
pub(super) async fn people(db: &Db, viewer: &Viewer, ids: &[i64]) -> Result<Vec<(i64, Person)>, sqlx::Error> {
    people_among(db, viewer, ids, None).await
}

/// As [`people`], only those among `users` (say, the authors of the messages a live page is
/// sent, rather than all the people of a large room).
pub(super) async fn people_among(
    db: &Db,
    viewer: &Viewer,
    ids: &[i64],
    users: Option<&[i64]>,
) -> Result<Vec<(i64, Person)>, sqlx::Error> {
    if ids.is_empty() || users.is_some_and(<[i64]>::is_empty) {
        return Ok(Vec::new());
    }
    let me = viewer.id().unwrap_or(-1);
    // Ids are numbers from our own queries, never input.
    let list = |ids: &[i64]| ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    let among = users.map(|u| format!("AND cm.user_id IN ({})", list(u))).unwrap_or_default();
    let sql = format!(
        "SELECT cm.conversation_id, u.id AS user_id, u.display_name, COALESCE(p.at_risk, FALSE) AS at_risk, cm.state, \
           cm.last_read_id, u.read_receipts \
         FROM conversation_members cm JOIN users u ON u.id = cm.user_id LEFT JOIN profiles p ON p.user_id = u.id \
         WHERE cm.conversation_id IN ({}) AND cm.user_id <> {me} AND cm.state <> 'left' {among} \
           AND (cm.state <> 'active' OR {}) ORDER BY lower(u.display_name), u.id",
        list(ids),
        access::takes_part_sql("cm")
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
        "SELECT c.id, c.kind, {title} AS title, c.last_message_at, cm.pinned, cm.muted, c.timer_ms, \
           (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id AND m.id > cm.last_read_id \
            AND m.author_id <> {me} AND {visible}) AS unread \
         FROM conversations c JOIN conversation_members cm ON cm.conversation_id = c.id AND cm.user_id = {me} \
         WHERE {part} ORDER BY cm.pinned DESC, c.last_message_at DESC, c.id DESC LIMIT 200",
        visible = access::message_sql("m", "cm", &now),
        part = access::takes_part_sql("cm"),
        title = super::title_sql("c"),
    );
    let conversations: Vec<Listed> = rows(&state.db, &sql, &args).await?;
    // Requests: the sender's name and the first line of what they wrote, nothing more.
    let sql = format!(
        "SELECT c.id, c.kind, {title} AS title, c.created_by AS sender_id, \
           (SELECT m.body FROM messages m WHERE m.conversation_id = c.id AND {visible} ORDER BY m.id LIMIT 1) AS first \
         FROM conversations c JOIN conversation_members cm ON cm.conversation_id = c.id AND cm.user_id = {me} \
         WHERE cm.state = 'request' ORDER BY c.last_message_at DESC, c.id DESC LIMIT 100",
        visible = access::message_sql("m", "cm", &now),
        title = super::title_sql("c"),
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
    let reports = super::reports::open_for(&state.db, &crate::web::Who::literal(&page.viewer)).await?;
    page.render(&state, "chat/list.html", context! { conversations, requests, done, reports })
}

/// The first line of a message as plain text, short enough for a request card or a quote.
pub(super) fn first_line(body: &str) -> String {
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
    let message = super::insert_message(&mut tx, &state.config, id, &page.viewer, &body, None, now).await?;
    // An existing one-to-one may be open on the other side.
    super::live::commit(&state, tx, id).await?;
    Ok(Redirect::to(&format!("/messages/{id}#m-{message}")).into_response())
}

#[derive(Deserialize, Default)]
pub(super) struct AnswerForm {
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
    let (c, _) = super::conversation::readable(&state.db, id, me).await?;
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
