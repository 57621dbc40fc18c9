//! An event's chat. Its organisers switch it on (and off, which deletes it with its
//! messages) and choose how long after the event it stays open; the organisers and every
//! member with a place are in it, and nobody else. Once it closes, nobody writes in it any
//! more; what was said stays readable to those in it until the timer takes it.
//!
//! As in a group's room, members at risk are never put in: they join by their own choice,
//! from the event's page, and others see them as the privacy rules say. Who reads is decided
//! by [`super::access::takes_part_sql`], which checks the event itself; [`follow`] keeps the
//! participant rows in step with registrations, so that lists and unread counts are right.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use serde::{Deserialize, Serialize};

use super::access;
use super::Timer;
use crate::audit::{self, Detail, Entry};
use crate::db::{affected, Db, Tx};
use crate::web::{AppError, AppResult, AppState, ClientIp, Form, Routes, SignedIn, Viewer, Who};
use crate::{on_db, on_tx};

pub fn routes() -> Routes {
    vec![("/events/{id}/chat", post(change))]
}

const DAY: i64 = 24 * 3_600_000;

/// How long after the event its chat stays open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenFor {
    Day,
    Week,
    FourWeeks,
}

impl OpenFor {
    pub const ALL: &'static [OpenFor] = &[OpenFor::Day, OpenFor::Week, OpenFor::FourWeeks];
    pub const DEFAULT: OpenFor = OpenFor::Week;

    pub fn key(self) -> &'static str {
        match self {
            OpenFor::Day => "day",
            OpenFor::Week => "week",
            OpenFor::FourWeeks => "four_weeks",
        }
    }

    pub fn parse(key: &str) -> Option<OpenFor> {
        Self::ALL.iter().copied().find(|o| o.key() == key)
    }

    fn ms(self) -> i64 {
        match self {
            OpenFor::Day => DAY,
            OpenFor::Week => 7 * DAY,
            OpenFor::FourWeeks => 28 * DAY,
        }
    }

    pub fn keys() -> Vec<&'static str> {
        Self::ALL.iter().map(|o| o.key()).collect()
    }
}

/// An event's chat as its page shows it to the viewer.
#[derive(Serialize, Default)]
pub struct ChatView {
    /// The chat's conversation, if it is on.
    pub id: Option<i64>,
    /// When it closes (UTC milliseconds).
    pub closes_at: Option<i64>,
    /// It has closed: nobody writes in it.
    pub closed: bool,
    /// The viewer reads it.
    pub inside: bool,
    /// The viewer may join it (an organiser or a participant not in it: at risk, or left).
    pub may_join: bool,
    /// The viewer keeps their name private (at risk): the page says what joining means.
    pub at_risk: bool,
    /// The viewer switches it on and off.
    pub organiser: bool,
    /// Choices for how long it stays open, for the form that switches it on.
    pub open_for: Vec<&'static str>,
}

/// The chat of event `event`, if it is on, and when it closes.
async fn of_event(db: &Db, event: i64) -> Result<Option<(i64, Option<i64>)>, sqlx::Error> {
    on_db!(db, pool => sqlx::query_as("SELECT id, closes_at FROM conversations WHERE event_id = $1 AND kind = 'event'")
        .bind(event).fetch_optional(pool).await)
}

/// Whether `user` takes part in event `event`: an organiser, or a member with a place.
async fn takes_part(tx: &mut Tx, event: i64, user: i64) -> Result<(bool, bool), sqlx::Error> {
    on_tx!(tx, c => sqlx::query_as(
        "SELECT EXISTS (SELECT 1 FROM event_organisers WHERE event_id = $1 AND user_id = $2), \
                EXISTS (SELECT 1 FROM event_registrations WHERE event_id = $1 AND user_id = $2 AND status = 'registered')")
        .bind(event).bind(user).fetch_one(&mut **c).await)
}

/// What the event's page says of its chat to `viewer`; `organiser` and `registered` are the
/// viewer's relation to the event.
pub async fn view(
    db: &Db,
    viewer: &Viewer,
    event: i64,
    organiser: bool,
    registered: bool,
    now: i64,
) -> AppResult<ChatView> {
    let open_for = OpenFor::keys();
    let Some((id, closes_at)) = of_event(db, event).await? else {
        return Ok(ChatView { organiser, open_for, ..ChatView::default() });
    };
    let closed = closes_at.is_some_and(|c| c <= now);
    let Some(me) = viewer.id().filter(|_| organiser || registered) else {
        return Ok(ChatView { id: Some(id), closes_at, closed, ..ChatView::default() });
    };
    let sql = format!(
        "SELECT EXISTS (SELECT 1 FROM conversations c WHERE c.id = $1 AND {}), \
           COALESCE((SELECT p.at_risk FROM profiles p WHERE p.user_id = $2), FALSE)",
        access::reads_sql("c", &Who::literal(viewer))
    );
    let (inside, at_risk): (bool, bool) =
        on_db!(db, pool => sqlx::query_as(&sql).bind(id).bind(me).fetch_one(pool).await)?;
    Ok(ChatView { id: Some(id), closes_at, closed, inside, may_join: !inside && !closed, at_risk, organiser, open_for })
}

/// Keep the place in its event's chat (if it is on) of the member whose registration is
/// `registration` in step with it, in the transaction that changed it: in once they have a
/// place (a member at risk only once they chose to join), out once they have none and do not
/// organise the event. A visitor's registration changes nothing.
pub async fn follow(tx: &mut Tx, registration: i64, now: i64) -> Result<(), sqlx::Error> {
    let sql = "SELECT c.id, r.user_id, r.event_id FROM event_registrations r \
               JOIN conversations c ON c.event_id = r.event_id AND c.kind = 'event' WHERE r.id = $1 AND r.user_id IS NOT NULL";
    let found: Option<(i64, i64, i64)> =
        on_tx!(tx, c => sqlx::query_as(sql).bind(registration).fetch_optional(&mut **c).await)?;
    let Some((chat, user, event)) = found else { return Ok(()) };
    let (organiser, registered) = takes_part(tx, event, user).await?;
    if !organiser && !registered {
        on_tx!(tx, c => sqlx::query("DELETE FROM conversation_members WHERE conversation_id = $1 AND user_id = $2")
            .bind(chat).bind(user).execute(&mut **c).await.map(affected))?;
        return Ok(());
    }
    super::put_in(tx, chat, user, "member", now).await
}

/// `user` began or stopped organising event `event`: in its chat (if on, and they are in it)
/// they moderate as long as they organise, and can set the timer no longer once they stop.
pub async fn organiser_changed(tx: &mut Tx, event: i64, user: i64) -> Result<(), sqlx::Error> {
    let sql = "UPDATE conversation_members SET role = CASE WHEN EXISTS (SELECT 1 FROM event_organisers o \
                 WHERE o.event_id = $1 AND o.user_id = $2) THEN 'moderator' ELSE 'member' END \
               WHERE user_id = $2 AND conversation_id IN (SELECT id FROM conversations WHERE event_id = $1 AND kind = 'event')";
    on_tx!(tx, c => sqlx::query(sql).bind(event).bind(user).execute(&mut **c).await.map(affected))?;
    Ok(())
}

/// The event `event` ends `by` milliseconds later (or earlier) than it did: its chat, if
/// on, closes as much later, so that a rescheduled event keeps its chat open as long after.
pub async fn moved(tx: &mut Tx, event: i64, by: i64) -> Result<(), sqlx::Error> {
    if by != 0 {
        on_tx!(tx, c => sqlx::query("UPDATE conversations SET closes_at = closes_at + $1 WHERE event_id = $2 AND kind = 'event'")
            .bind(by).bind(event).execute(&mut **c).await.map(affected))?;
    }
    Ok(())
}

#[derive(Deserialize, Default)]
struct ChangeForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    open_for: String,
}

/// Switch an event's chat on or off (its organisers), or join it (an organiser or a member
/// with a place who is not in it: at risk, or having left it).
async fn change(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ClientIp(ip): ClientIp,
    Path(event): Path<i64>,
    Form(form): Form<ChangeForm>,
) -> AppResult<Response> {
    let viewer = Viewer(Some(user.clone()));
    let (ev, relation) = crate::events::visible(&state.db, &viewer, event).await?;
    let organiser = relation.organiser && crate::events::access::can_manage(&viewer, &relation);
    let registered = relation.status == Some(crate::events::registration::RegStatus::Registered);
    let me = user.user_id;
    let now = state.clock.now_ms();
    let chat = of_event(&state.db, event).await?;
    let back = format!("/events/{event}#chat");
    let mut tx = state.db.begin().await?;
    let (to, action) = match (form.action.as_str(), chat) {
        ("on", None) if organiser => {
            let open_for = OpenFor::parse(&form.open_for).ok_or_else(|| AppError::invalid("error-form-malformed"))?;
            let closes_at = ev.ends_at + open_for.ms();
            if closes_at <= now {
                return Err(AppError::invalid("error-chat-event-over"));
            }
            let sql = "INSERT INTO conversations (id, kind, event_id, created_by, timer_ms, closes_at, last_message_at, created_at) \
                       VALUES ($1, 'event', $2, $3, $4, $5, $6, $6) RETURNING id";
            let id: i64 = on_tx!(&mut tx, c => sqlx::query_scalar(sql).bind(crate::db::secret_id()).bind(event).bind(me)
                .bind(Timer::DEFAULT.ms()).bind(closes_at).bind(now).fetch_one(&mut **c).await)?;
            // The organisers (as moderators: 'moderator' sorts after 'member') and everyone
            // with a place, except members at risk.
            let sql = format!(
                "INSERT INTO conversation_members (conversation_id, user_id, role, state, joined_at) \
                 SELECT $1, x.user_id, MAX(x.role), 'active', $2 FROM ( \
                   SELECT user_id, 'moderator' AS role FROM event_organisers WHERE event_id = $3 \
                   UNION ALL SELECT user_id, 'member' FROM event_registrations WHERE event_id = $3 AND status = 'registered' AND user_id IS NOT NULL \
                 ) x JOIN users u ON u.id = x.user_id LEFT JOIN profiles p ON p.user_id = x.user_id \
                 WHERE {} GROUP BY x.user_id",
                access::put_in_sql("u", "p")
            );
            on_tx!(&mut tx, c => sqlx::query(&sql).bind(id).bind(now).bind(event).execute(&mut **c).await.map(affected))?;
            (format!("/events/{event}?done=chat_on#chat"), Some(crate::vocab::AuditAction::EventChatOpened))
        }
        ("off", Some((id, _))) if organiser => {
            user.require_confirmed(&back)?;
            super::delete_conversation(&mut tx, id).await?;
            (format!("/events/{event}?done=chat_off#chat"), Some(crate::vocab::AuditAction::EventChatClosed))
        }
        ("join", Some((id, closes_at))) if organiser || registered => {
            if closes_at.is_some_and(|c| c <= now) {
                return Err(AppError::invalid("error-chat-closed"));
            }
            let role = if organiser { "moderator" } else { "member" };
            super::join_afresh(&mut tx, id, me, role, now).await?;
            (format!("/messages/{id}"), None)
        }
        ("on", Some(_)) | ("off", None) if organiser => (back, None),
        ("join", None) if organiser || registered => (back, None),
        ("on" | "off" | "join", _) => return Err(AppError::Forbidden),
        _ => return Err(AppError::invalid("error-form-malformed")),
    };
    if let Some(action) = action {
        audit::record(&mut tx, Entry { actor: Some(me), action, target: None, detail: Detail::None, ip }).await?;
    }
    tx.commit().await?;
    Ok(Redirect::to(&to).into_response())
}
