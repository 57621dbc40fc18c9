//! Messages: one-to-one and small group conversations between members, under the same
//! privacy rules as everything else. Who reads and who writes is decided in `access.rs`;
//! a conversation's page is in `conversation.rs`, the others in `pages.rs`; live delivery
//! is in `live.rs`; what disappears, and when, is in `expiry.rs`.
//!
//! Message text never enters logs, the audit log or the site-wide search; the audit log
//! records only that a conversation was created and by whom.

pub mod access;
pub mod attachments;
mod conversation;
pub mod event_chat;
pub mod expiry;
mod export;
mod find;
pub mod live;
mod pages;
pub mod reactions;
pub mod reports;
pub mod rooms;

use serde::Serialize;

use crate::db::{affected, Db, Tx};
use crate::web::limits::{Limit, DAY, MINUTE};
use crate::web::{AppError, AppResult, Message, Routes};
use crate::{on_db, on_tx};
pub use access::Part;
use access::{Between, Delivery, MessagesFrom};

pub use expiry::{sweep, Timer};

pub const TEMPLATES: &[(&str, &str)] = &[
    ("chat/list.html", include_str!("templates/list.html")),
    ("chat/new.html", include_str!("templates/new.html")),
    ("chat/conversation.html", include_str!("templates/conversation.html")),
    ("chat/message.html", include_str!("templates/message.html")),
    ("chat/live.html", include_str!("templates/live.html")),
    ("chat/edit.html", include_str!("templates/edit.html")),
    ("chat/settings.html", include_str!("templates/settings.html")),
    ("chat/find.html", include_str!("templates/find.html")),
    ("chat/event.html", include_str!("templates/event.html")),
    ("chat/report.html", include_str!("templates/report.html")),
    ("chat/export.html", include_str!("templates/export.html")),
    ("chat/export_file.html", include_str!("templates/export_file.html")),
    ("chat/reports.html", include_str!("templates/reports.html")),
];

pub fn routes() -> Routes {
    pages::routes()
        .into_iter()
        .chain(conversation::routes())
        .chain(live::routes())
        .chain(rooms::routes())
        .chain(event_chat::routes())
        .chain(reactions::routes())
        .chain(reports::routes())
        .chain(find::routes())
        .chain(export::routes())
        .chain(attachments::routes())
        .collect()
}

/// The most people in a conversation a member starts, themselves included.
pub const MAX_PEOPLE: usize = 100;
const MAX_BODY: usize = 4000;
const MAX_TITLE: usize = 120;

/// Messages one member may send: a conversation is quick, a flood is not.
pub const MESSAGES: Limit = Limit {
    count_sql: "SELECT COUNT(*) FROM messages WHERE author_id = $1 AND created_at > $2",
    max: 30,
    window_ms: MINUTE,
};
/// Conversations one member may start in a day: each may put a request before people who
/// do not know them.
pub const CONVERSATIONS: Limit = Limit {
    count_sql: "SELECT COUNT(*) FROM conversations WHERE created_by = $1 AND created_at > $2",
    max: 30,
    window_ms: DAY,
};

/// A kind of conversation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Direct,
    Group,
}

impl Kind {
    pub fn key(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Group => "group",
        }
    }
}

/// A message's text: Markdown, trimmed, not empty, not too long, no control characters.
pub struct Body(String);

impl Body {
    pub fn parse(value: &str) -> AppResult<Body> {
        let value = value.trim().replace("\r\n", "\n");
        if value.is_empty() {
            return Err(AppError::invalid("error-message-empty"));
        }
        if value.chars().count() > MAX_BODY {
            return Err(AppError::Invalid(Message::new("error-too-long").arg("max", MAX_BODY)));
        }
        if value.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
            return Err(AppError::invalid("error-control-characters"));
        }
        Ok(Body(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A conversation's title as SQL on the `conversations` row `c`: a room is called by its
/// group's name and an event's chat by the event's title (as they are now), other
/// conversations by the title they were given, if any.
pub fn title_sql(c: &str) -> String {
    format!(
        "COALESCE((SELECT tg.name FROM network_groups tg WHERE tg.id = {c}.group_id), \
           (SELECT te.title FROM events te WHERE te.id = {c}.event_id), {c}.title)"
    )
}

/// A group conversation's title: optional, one line.
pub fn parse_title(value: &str) -> AppResult<String> {
    let value = value.trim();
    if value.chars().count() > MAX_TITLE {
        return Err(AppError::Invalid(Message::new("error-too-long").arg("max", MAX_TITLE)));
    }
    if value.chars().any(char::is_control) {
        return Err(AppError::invalid("error-control-characters"));
    }
    Ok(value.to_string())
}

/// A member the viewer may write to: active, and someone the viewer can see.
#[derive(sqlx::FromRow, Clone, Debug)]
pub struct Recipient {
    pub id: i64,
    pub name: String,
    pub at_risk: bool,
    pub messages_from: Option<String>,
}

/// The members among `ids` whom `viewer` may name in a new conversation, with what decides
/// how a message reaches them.
pub async fn recipients(db: &Db, viewer: &crate::web::Viewer, ids: &[i64]) -> Result<Vec<Recipient>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let who = crate::web::Who::literal(viewer);
    let list: Vec<String> = ids.iter().map(i64::to_string).collect();
    let sql = format!(
        "SELECT u.id, u.display_name AS name, COALESCE(p.at_risk, FALSE) AS at_risk, u.messages_from \
         FROM users u LEFT JOIN profiles p ON p.user_id = u.id WHERE u.id IN ({}) AND u.active AND u.id <> {} AND {} \
         ORDER BY lower(u.display_name), u.id",
        list.join(", "),
        who.id(),
        crate::members::access::person_sql("p", "u.id", &who)
    );
    crate::db::rows(db, &sql, &crate::db::Args::default()).await
}

/// How a message from `sender` reaches `to`, from the facts in the database.
pub async fn delivery_to(tx: &mut Tx, sender: i64, sender_is_coordinator: bool, to: &Recipient) -> AppResult<Delivery> {
    let (a, b) = (sender.min(to.id), sender.max(to.id));
    let tie: bool = on_tx!(tx, c => sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM ties WHERE a_id = $1 AND b_id = $2)")
        .bind(a).bind(b).fetch_one(&mut **c).await)?;
    let blocked: bool = on_tx!(tx, c => sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM blocks WHERE (blocker_id = $1 AND blocked_id = $2) OR (blocker_id = $2 AND blocked_id = $1))")
        .bind(sender).bind(to.id).fetch_one(&mut **c).await)?;
    let chosen = to.messages_from.as_deref().and_then(|m| m.parse::<MessagesFrom>().ok());
    let from = MessagesFrom::effective(chosen, to.at_risk);
    Ok(access::delivery(Between { sender_is_coordinator, tie, blocked, from }))
}

/// The viewer's part in conversation `id`, if any.
pub async fn part_of(db: &Db, id: i64, user: i64) -> Result<Option<Part>, sqlx::Error> {
    let sql = "SELECT state FROM conversation_members WHERE conversation_id = $1 AND user_id = $2";
    let state: Option<String> =
        on_db!(db, pool => sqlx::query_scalar(sql).bind(id).bind(user).fetch_optional(pool).await)?;
    Ok(state.as_deref().and_then(Part::parse))
}

/// Add `user` to conversation `id` with `part` (or set their part, if they were in it).
pub async fn set_part(tx: &mut Tx, id: i64, user: i64, part: Part, role: &str, now: i64) -> Result<(), sqlx::Error> {
    let sql = "INSERT INTO conversation_members (conversation_id, user_id, role, state, joined_at) VALUES ($1, $2, $3, $4, $5) \
               ON CONFLICT (conversation_id, user_id) DO UPDATE SET state = excluded.state";
    on_tx!(tx, c => sqlx::query(sql).bind(id).bind(user).bind(role).bind(part.key()).bind(now)
        .execute(&mut **c).await.map(affected))?;
    Ok(())
}

/// Put `user` into conversation `id` (a room or an event's chat that they belong in) as
/// `role`, unless they are at risk (they join by their own choice) or already have a row
/// (in it, or having left it: their choice stands).
pub async fn put_in(tx: &mut Tx, id: i64, user: i64, role: &str, now: i64) -> Result<(), sqlx::Error> {
    let sql = format!(
        "INSERT INTO conversation_members (conversation_id, user_id, role, state, joined_at) \
         SELECT $1, u.id, $3, 'active', $4 FROM users u LEFT JOIN profiles p ON p.user_id = u.id WHERE u.id = $2 AND {} \
         ON CONFLICT (conversation_id, user_id) DO NOTHING",
        access::put_in_sql("u", "p")
    );
    on_tx!(tx, c => sqlx::query(&sql).bind(id).bind(user).bind(role).bind(now).execute(&mut **c).await.map(affected))?;
    Ok(())
}

/// `user` joins conversation `id` by their own choice, as `role`, from now: what was said
/// while they were not in it stays out of their sight.
pub async fn join_afresh(tx: &mut Tx, id: i64, user: i64, role: &str, now: i64) -> Result<(), sqlx::Error> {
    set_part(tx, id, user, Part::Active, role, now).await?;
    on_tx!(tx, c => sqlx::query("UPDATE conversation_members SET joined_at = $1 WHERE conversation_id = $2 AND user_id = $3")
        .bind(now).bind(id).bind(user).execute(&mut **c).await.map(affected))?;
    Ok(())
}

/// Put `to` into conversation `id` as a message from `sender` reaches them now. Someone who
/// takes part, or who declined, stays as they are (declining is their answer); someone
/// waiting, withheld or gone is reached afresh, so that a tie recorded since, a setting
/// widened or a block lifted takes effect.
pub async fn reach(
    tx: &mut Tx,
    id: i64,
    sender: i64,
    sender_is_coordinator: bool,
    to: &Recipient,
    now: i64,
) -> AppResult<()> {
    let sql = "SELECT state FROM conversation_members WHERE conversation_id = $1 AND user_id = $2";
    let current: Option<String> =
        on_tx!(tx, c => sqlx::query_scalar(sql).bind(id).bind(to.id).fetch_optional(&mut **c).await)?;
    if matches!(current.as_deref().and_then(Part::parse), Some(Part::Active | Part::Declined)) {
        return Ok(());
    }
    let delivery = delivery_to(tx, sender, sender_is_coordinator, to).await?;
    set_part(tx, id, to.id, delivery.part(), "member", now).await?;
    Ok(())
}

/// Write a message into conversation `id`, its expiry set by the conversation's timer and
/// the network's longest retention, and tell those in it; returns its id.
pub async fn insert_message(
    tx: &mut Tx,
    config: &crate::config::Config,
    id: i64,
    writer: &crate::web::Viewer,
    body: &Body,
    reply_to: Option<i64>,
    now: i64,
) -> AppResult<i64> {
    let author = writer.id().ok_or(AppError::Forbidden)?;
    MESSAGES.check(tx, author, now).await?;
    let timer: Option<i64> = on_tx!(tx, c => sqlx::query_scalar("SELECT timer_ms FROM conversations WHERE id = $1")
        .bind(id).fetch_one(&mut **c).await)?;
    let cap = expiry::max_retention(tx).await?;
    let keep = match (timer, cap) {
        (Some(t), Some(c)) => Some(t.min(c)),
        (t, c) => t.or(c),
    };
    let html = crate::web::markdown::render(body.as_str());
    let sql = "INSERT INTO messages (conversation_id, author_id, reply_to, body, body_html, created_at, expires_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
    let message: i64 = on_tx!(tx, c => sqlx::query_scalar(sql).bind(id).bind(author).bind(reply_to).bind(body.as_str())
        .bind(&html).bind(now).bind(keep.map(|k| now + k)).fetch_one(&mut **c).await)?;
    on_tx!(tx, c => sqlx::query("UPDATE conversations SET last_message_at = $1 WHERE id = $2").bind(now).bind(id)
        .execute(&mut **c).await.map(affected))?;
    // The author has read what they wrote.
    on_tx!(tx, c => sqlx::query("UPDATE conversation_members SET last_read_id = $1 WHERE conversation_id = $2 AND user_id = $3")
        .bind(message).bind(id).bind(author).execute(&mut **c).await.map(affected))?;
    // Everyone else who reads it and has not muted it hears of it (once, until they read),
    // unless they blocked the author.
    let recipients = format!(
        "SELECT cm.user_id FROM conversation_members cm WHERE cm.conversation_id = $1 AND cm.user_id <> $2 \
         AND NOT cm.muted AND {} AND {}",
        access::takes_part_sql("cm"),
        access::unblocked_sql("cm.user_id", "$2")
    );
    crate::notify::new_messages(tx, config, id, author, &recipients, now).await?;
    mentions(tx, config, id, writer, body).await?;
    Ok(message)
}

/// The people in conversation `id` whom `body` mentions by name (`@Name`, as in the forum)
/// hear of it as a mention, even with the conversation muted, unless they blocked the
/// writer. Nobody outside the conversation can be mentioned into it.
async fn mentions(
    tx: &mut Tx,
    config: &crate::config::Config,
    id: i64,
    writer: &crate::web::Viewer,
    body: &Body,
) -> AppResult<()> {
    let sees = |user: i64, at_risk: bool| crate::members::access::sees_person(writer, user, at_risk);
    let named = crate::notify::mentioned(tx, writer, body.as_str(), sees).await?;
    let sql = format!(
        "SELECT COUNT(*) FROM conversation_members cm WHERE cm.conversation_id = $1 AND cm.user_id = $2 AND {} AND {}",
        access::takes_part_sql("cm"),
        access::unblocked_sql("cm.user_id", "$3")
    );
    for user in named {
        let inside: i64 = on_tx!(tx, c => sqlx::query_scalar(&sql).bind(id).bind(user).bind(writer.id())
            .fetch_one(&mut **c).await)?;
        if inside > 0 {
            let notice = crate::notify::Notice {
                actor: writer.id(),
                conversation: Some(id),
                ..crate::notify::Notice::new(user, crate::notify::Kind::Mention, "message")
            };
            crate::notify::notify(tx, config, notice).await?;
        }
    }
    Ok(())
}

/// How many first messages wait for `user`'s answer (accept, decline or block).
pub async fn requests_waiting(db: &Db, user: i64) -> Result<i64, sqlx::Error> {
    let sql = "SELECT COUNT(*) FROM conversation_members WHERE user_id = $1 AND state = $2";
    on_db!(db, pool => sqlx::query_scalar(sql).bind(user).bind(Part::Request.key()).fetch_one(pool).await)
}

/// Delete conversation `id`, not hide it: its messages, their reactions and files, everyone's
/// place, and the copies its reports hold.
pub async fn delete_conversation(tx: &mut Tx, id: i64) -> Result<(), sqlx::Error> {
    for sql in ["DELETE FROM message_reports WHERE conversation_id = $1", "DELETE FROM conversations WHERE id = $1"] {
        on_tx!(tx, c => sqlx::query(sql).bind(id).execute(&mut **c).await.map(affected))?;
    }
    Ok(())
}

/// What goes with a message's text when it is deleted: its reactions and its files (whose
/// bytes the sweep then removes).
pub async fn forget_message_extras(tx: &mut Tx, message: i64) -> Result<(), sqlx::Error> {
    for table in ["message_reactions", "message_attachments"] {
        let sql = format!("DELETE FROM {table} WHERE message_id = $1");
        on_tx!(tx, c => sqlx::query(&sql).bind(message).execute(&mut **c).await.map(affected))?;
    }
    Ok(())
}

/// Conversations with messages `user_col`'s account has not read, as an SQL count (capped
/// at 100), for the header. `$2` is now.
pub fn unread_sql(user_col: &str) -> String {
    format!(
        "(SELECT COUNT(*) FROM (SELECT 1 FROM conversation_members cm WHERE cm.user_id = {user_col} AND {} \
           AND NOT cm.muted AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = cm.conversation_id \
             AND m.id > cm.last_read_id AND m.author_id <> cm.user_id AND {}) LIMIT 100) unread_conversations)",
        access::takes_part_sql("cm"),
        access::message_sql("m", "cm", "$2")
    )
}
