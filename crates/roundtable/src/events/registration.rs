//! Registration for events: members RSVP; visitors register for public events and confirm
//! their address through a link in a mail. A registration takes a place, waits for the
//! organiser's approval, or joins the waitlist; when a place frees up the first in line
//! moves up and is told by mail. Organisers and coordinators see registrants, approve or
//! decline them, and check them in at the door.
//!
//! Visitors are kept from abusing the form without any third-party CAPTCHA: the per-address
//! request limit every page has, a count of registrations per network address in the
//! database, a honeypot field that people never see, and one registration per address per
//! event. A second registration with the same address changes nothing and is told by mail,
//! so that the form never reveals who registered.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use minijinja::context;
use serde::Serialize;

use super::{lock, managed, text, time, visible, Empty, Event, Question};
use crate::accounts::domain::{DisplayName, Email};
use crate::db::{affected, now_ms, Db, Tx};
use crate::members::access::Audience;
use crate::outbox::{self, Mail};
use crate::vocab::{Country, Sector};
use crate::web::limits::HOUR;
use crate::web::session::{hash_token, random_token, SessionUser};
use crate::web::Routes;
use crate::web::{AppError, AppResult, AppState, ClientIp, Form, Locale, Message, Page, SignedIn, Viewer};
use crate::{on_db, on_tx};

/// How long after an event its visitors' registrations are deleted (housekeeping).
pub const VISITOR_RETENTION_DAYS: i64 = 180;
/// How long a visitor has to confirm their address.
pub const CONFIRM_HOURS: i64 = 24;
/// Visitor registrations one network address may start in an hour: generous, for a whole
/// office behind one router, and still far from a flood.
const PER_ADDRESS_PER_HOUR: i64 = 30;
/// Registrations and cancellations one member may make in a day: each may move someone on
/// or off a waitlist, and mail them, and a registration cancelled leaves no row to count.
pub const CHANGES: crate::web::limits::Logged =
    crate::web::limits::Logged { action: "registration", max: 30, window_ms: crate::web::limits::DAY };
const MAX_ANSWER: usize = 1000;
const MAX_ORGANISATION: usize = 200;

pub fn routes() -> Routes {
    vec![
        ("/events/{id}/rsvp", post(rsvp)),
        ("/events/{id}/cancel", get(confirm_cancel).post(cancel_own)),
        ("/events/{id}/register", post(register)),
        ("/events/{id}/registrations/{registration}", post(decide)),
        ("/events/{id}/checkin", get(checkin_list)),
        ("/events/{id}/checkin/{registration}", post(check_in)),
        ("/events/registration/{token}", get(registration_page)),
        ("/events/registration/{token}/confirm", post(confirm)),
        ("/events/registration/{token}/cancel", post(cancel_by_link)),
    ]
}

/// Where a registration stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RegStatus {
    /// A visitor has not confirmed their address yet.
    Unconfirmed,
    /// Waiting for the organiser's approval.
    Pending,
    /// Has a place.
    Registered,
    Waitlisted,
    Cancelled,
    /// The organiser said no.
    Declined,
}

impl RegStatus {
    pub fn key(self) -> &'static str {
        match self {
            RegStatus::Unconfirmed => "unconfirmed",
            RegStatus::Pending => "pending",
            RegStatus::Registered => "registered",
            RegStatus::Waitlisted => "waitlisted",
            RegStatus::Cancelled => "cancelled",
            RegStatus::Declined => "declined",
        }
    }

    /// Still in the running: counts as registered twice if one tried again.
    pub fn is_active(self) -> bool {
        matches!(self, RegStatus::Unconfirmed | RegStatus::Pending | RegStatus::Registered | RegStatus::Waitlisted)
    }
}

impl std::str::FromStr for RegStatus {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Ok(match s {
            "unconfirmed" => RegStatus::Unconfirmed,
            "pending" => RegStatus::Pending,
            "registered" => RegStatus::Registered,
            "waitlisted" => RegStatus::Waitlisted,
            "cancelled" => RegStatus::Cancelled,
            "declined" => RegStatus::Declined,
            _ => return Err(()),
        })
    }
}

/// Where a newly confirmed registration goes: to the organiser first if they approve
/// registrations, else a place while there is one, else the waitlist.
async fn admission(tx: &mut Tx, event: &Event, skip_approval: bool) -> Result<RegStatus, sqlx::Error> {
    if event.requires_approval && !skip_approval {
        return Ok(RegStatus::Pending);
    }
    let Some(capacity) = event.capacity else { return Ok(RegStatus::Registered) };
    let taken: i64 = on_tx!(tx, c => sqlx::query_scalar(
        "SELECT COUNT(*) FROM event_registrations WHERE event_id = $1 AND status = 'registered'")
        .bind(event.id).fetch_one(&mut **c).await)?;
    Ok(if taken < capacity { RegStatus::Registered } else { RegStatus::Waitlisted })
}

#[derive(sqlx::FromRow)]
struct Waiting {
    id: i64,
    email: String,
    locale: String,
}

/// Move people up from the waitlist while there are places, in the order they joined it,
/// and tell each by mail. Runs inside the transaction that freed the place.
pub async fn promote(tx: &mut Tx, state: &AppState, event_id: i64) -> AppResult<usize> {
    let sql = format!("SELECT {} FROM events e WHERE e.id = $1", super::EVENT_COLUMNS);
    let event: Event = on_tx!(tx, c => sqlx::query_as(&sql).bind(event_id).fetch_one(&mut **c).await)?;
    let mut promoted = 0;
    loop {
        if event.cancelled || admission(tx, &event, true).await? != RegStatus::Registered {
            break;
        }
        let next: Option<Waiting> = on_tx!(tx, c => sqlx::query_as(
            "SELECT id, email, locale FROM event_registrations WHERE event_id = $1 AND status = 'waitlisted' \
             ORDER BY queued_at, id LIMIT 1")
            .bind(event_id).fetch_optional(&mut **c).await)?;
        let Some(next) = next else { break };
        on_tx!(tx, c => sqlx::query("UPDATE event_registrations SET status = 'registered', updated_at = $1 WHERE id = $2")
            .bind(now_ms()).bind(next.id).execute(&mut **c).await.map(affected))?;
        crate::chat::event_chat::follow(tx, next.id, now_ms()).await?;
        let locale = Locale::parse(&next.locale).unwrap_or(Locale::En);
        tell(tx, state, &event, &next.email, locale, "promoted").await?;
        promoted += 1;
    }
    Ok(promoted)
}

/// Mail a registrant about their registration: `what` is `promoted`, `approved`,
/// `waitlisted`, `declined` or `duplicate`.
async fn tell(
    tx: &mut Tx,
    state: &AppState,
    event: &Event,
    to: &str,
    locale: Locale,
    what: &'static str,
) -> AppResult<()> {
    let link = state.config.base_url.join(&format!("events/{}", event.id)).map_err(|e| AppError::Internal(e.into()))?;
    let args = [
        ("title", event.title_in_mail(locale)),
        ("when", time::span(event.starts_at, event.ends_at, event.zone())),
        ("link", link.to_string()),
    ];
    let (subject, body, kind) = match what {
        "promoted" => ("mail-event-promoted-subject", "mail-event-promoted-body", "event_promoted"),
        "approved" => ("mail-event-approved-subject", "mail-event-approved-body", "event_approved"),
        "waitlisted" => ("mail-event-waitlisted-subject", "mail-event-waitlisted-body", "event_waitlisted"),
        "declined" => ("mail-event-declined-subject", "mail-event-declined-body", "event_declined"),
        "cancelled" => ("mail-event-cancelled-subject", "mail-event-cancelled-body", "event_cancelled"),
        _ => ("mail-event-duplicate-subject", "mail-event-duplicate-body", "event_duplicate"),
    };
    let mail =
        Mail { to, subject: locale.t_args(subject, &args), body: locale.t_args(body, &args), kind, unsubscribe: None };
    outbox::enqueue(tx, mail).await
}

/// Tell everyone still registered, waiting or awaiting approval that the event is cancelled.
pub async fn tell_cancelled(tx: &mut Tx, state: &AppState, event_id: i64) -> AppResult<()> {
    let sql = format!("SELECT {} FROM events e WHERE e.id = $1", super::EVENT_COLUMNS);
    let event: Event = on_tx!(tx, c => sqlx::query_as(&sql).bind(event_id).fetch_one(&mut **c).await)?;
    let people: Vec<(String, String)> = on_tx!(tx, c => sqlx::query_as(
        "SELECT email, locale FROM event_registrations WHERE event_id = $1 AND status IN ('pending', 'registered', 'waitlisted')")
        .bind(event_id).fetch_all(&mut **c).await)?;
    for (email, locale) in people {
        tell(tx, state, &event, &email, Locale::parse(&locale).unwrap_or(Locale::En), "cancelled").await?;
    }
    Ok(())
}

/// Answers to the event's questions, from form fields `q<question id>`.
fn answers(questions: &[Question], fields: &HashMap<String, String>) -> AppResult<Vec<(i64, String)>> {
    let mut out = Vec::new();
    for q in questions {
        let answer = text(fields.get(&format!("q{}", q.id)).map_or("", String::as_str), MAX_ANSWER, None)?;
        if !answer.is_empty() {
            out.push((q.id, answer));
        }
    }
    Ok(out)
}

async fn write_answers(tx: &mut Tx, registration: i64, answers: &[(i64, String)]) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("DELETE FROM event_answers WHERE registration_id = $1").bind(registration)
        .execute(&mut **c).await.map(affected))?;
    for (question, answer) in answers {
        on_tx!(tx, c => sqlx::query("INSERT INTO event_answers (registration_id, question_id, answer) VALUES ($1, $2, $3)")
            .bind(registration).bind(*question).bind(answer).execute(&mut **c).await.map(affected))?;
    }
    Ok(())
}

fn closed_or_gone(event: &Event, now: i64) -> AppResult<()> {
    if event.cancelled {
        return Err(AppError::invalid("error-event-cancelled"));
    }
    if !event.registration_open(now) {
        return Err(AppError::invalid("error-event-registration-closed"));
    }
    Ok(())
}

type Fields = Vec<(String, String)>;

fn field_map(fields: Fields) -> HashMap<String, String> {
    fields.into_iter().collect()
}

// ---- members --------------------------------------------------------------------------------

/// A member registers (or registers again after cancelling).
async fn rsvp(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> AppResult<Response> {
    let status = register_member(&state, &page.viewer, &user, id, &field_map(fields)).await?;
    Ok(Redirect::to(&format!("/events/{id}?done={}", status.key())).into_response())
}

/// A member registers for event `id` with the answers to its questions (`q<id>` fields):
/// the one way, for the page's form and for the API. Returns where they stand.
pub async fn register_member(
    state: &AppState,
    viewer: &Viewer,
    user: &SessionUser,
    id: i64,
    fields: &HashMap<String, String>,
) -> AppResult<RegStatus> {
    let (event, relation) = visible(&state.db, viewer, id).await?;
    let now = state.clock.now_ms();
    closed_or_gone(&event, now)?;
    if !super::access::can_register(viewer, &event, &relation) {
        return Err(AppError::invalid("error-event-not-invited"));
    }
    match relation.status {
        Some(s) if s.is_active() => return Err(AppError::invalid("error-event-already-registered")),
        Some(RegStatus::Declined) => return Err(AppError::invalid("error-event-declined")),
        _ => {}
    }
    let answers = answers(&super::questions_of(&state.db, id).await?, fields)?;
    let (email, locale): (String, String) = on_db!(&state.db, pool => sqlx::query_as("SELECT email, locale FROM users WHERE id = $1")
        .bind(user.user_id).fetch_one(pool).await)?;
    let mut tx = state.db.begin().await?;
    CHANGES.check_and_log(&mut tx, user.user_id, now).await?;
    lock(&mut tx, id).await?;
    let status = admission(&mut tx, &event, false).await?;
    // A visitor registration with the member's own address counts as theirs.
    let taken: Option<(i64, Option<i64>, String)> = on_tx!(&mut tx, c => sqlx::query_as(
        "SELECT id, user_id, status FROM event_registrations WHERE event_id = $1 AND (email_key = $2 OR user_id = $3)")
        .bind(id).bind(email.to_lowercase()).bind(user.user_id).fetch_optional(&mut **c).await)?;
    let registration = match taken {
        Some((rid, _, s)) if s == "cancelled" || (s == "unconfirmed") => {
            on_tx!(&mut tx, c => sqlx::query(
                "UPDATE event_registrations SET user_id = $1, name = $2, email = $3, email_key = $4, locale = $5, status = $6, \
                 token_hash = NULL, expires_at = NULL, queued_at = $7, updated_at = $7 WHERE id = $8")
                .bind(user.user_id).bind(&user.display_name).bind(&email).bind(email.to_lowercase()).bind(&locale)
                .bind(status.key()).bind(now).bind(rid).execute(&mut **c).await.map(affected))?;
            rid
        }
        Some(_) => return Err(AppError::invalid("error-event-already-registered")),
        None => on_tx!(&mut tx, c => sqlx::query_scalar(
                "INSERT INTO event_registrations (event_id, user_id, name, email, email_key, locale, status, queued_at, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $8) RETURNING id")
                .bind(id).bind(user.user_id).bind(&user.display_name).bind(&email).bind(email.to_lowercase())
                .bind(&locale).bind(status.key()).bind(now).fetch_one(&mut **c).await)?,
    };
    write_answers(&mut tx, registration, &answers).await?;
    crate::chat::event_chat::follow(&mut tx, registration, now).await?;
    tell_webhooks(&mut tx, state, &event, &relation, user, status, now).await?;
    tx.commit().await?;
    Ok(status)
}

/// Webhooks hear of a member's registration as the registrants' download would hold it:
/// never for a secret group's event, never of a member at risk.
async fn tell_webhooks(
    tx: &mut Tx,
    state: &AppState,
    event: &Event,
    relation: &super::access::Relation,
    user: &SessionUser,
    status: RegStatus,
    now: i64,
) -> AppResult<()> {
    let at_risk: bool = on_tx!(tx, c => sqlx::query_scalar(
        "SELECT COALESCE((SELECT at_risk FROM profiles WHERE user_id = $1), FALSE)")
        .bind(user.user_id).fetch_one(&mut **c).await)?;
    if relation.group_secret || !crate::members::access::goes_in_files(at_risk) {
        return Ok(());
    }
    let page = state.config.base_url.join(&format!("events/{}", event.id)).map(String::from).ok();
    let data = serde_json::json!({
        "event": {
            "id": event.id, "title": event.title, "page": page,
            "starts_at": chrono::DateTime::from_timestamp_millis(event.starts_at).map(|t| t.to_rfc3339()),
        },
        "registration": { "status": status.key() },
        "member": { "id": user.user_id, "name": user.display_name },
    });
    let told = crate::webhooks::Told {
        event: crate::vocab::WebhookEvent::EventRegistration,
        data,
        member: Some(user.user_id),
        wait_ms: 0,
    };
    crate::webhooks::enqueue(tx, now, told).await?;
    Ok(())
}

/// Cancel a registration (a place, a place on the waitlist or a request); a freed place
/// goes to the first on the waitlist. A member's cancellation counts toward their
/// [`CHANGES`]; a visitor's link is one registration's and changes only it.
async fn cancel_registration(state: &AppState, event: &Event, registration: i64, member: Option<i64>) -> AppResult<()> {
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    if let Some(member) = member {
        CHANGES.check_and_log(&mut tx, member, now).await?;
    }
    lock(&mut tx, event.id).await?;
    let changed = on_tx!(&mut tx, c => sqlx::query(
        "UPDATE event_registrations SET status = 'cancelled', token_hash = NULL, updated_at = $1 \
         WHERE id = $2 AND event_id = $3 AND status IN ('unconfirmed', 'pending', 'registered', 'waitlisted')")
        .bind(now).bind(registration).bind(event.id).execute(&mut **c).await.map(affected))?;
    if changed == 0 {
        return Err(AppError::invalid("error-event-not-registered"));
    }
    crate::chat::event_chat::follow(&mut tx, registration, now).await?;
    promote(&mut tx, state, event.id).await?;
    tx.commit().await?;
    Ok(())
}

/// Asks before a member gives up their place: it may go to the next on the waitlist at once,
/// and coming back means queueing again.
async fn confirm_cancel(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let (event, _) = visible(&state.db, &page.viewer, id).await?;
    let status: Option<String> = on_db!(&state.db, pool => sqlx::query_scalar(
        "SELECT status FROM event_registrations WHERE event_id = $1 AND user_id = $2")
        .bind(id).bind(user.user_id).fetch_optional(pool).await)?;
    let active = status.as_deref().is_some_and(|s| ["pending", "registered", "waitlisted", "unconfirmed"].contains(&s));
    if !active || event.ends_at < now_ms() {
        return Ok(Redirect::to(&format!("/events/{id}")).into_response());
    }
    Ok(page.render(&state, "events/cancel.html", context! { event, status })?.into_response())
}

async fn cancel_own(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    cancel_member(&state, &page.viewer, user.user_id, id).await?;
    Ok(Redirect::to(&format!("/events/{id}?done=cancelled")).into_response())
}

/// A member gives up their registration for event `id`: for the page's form and the API.
pub async fn cancel_member(state: &AppState, viewer: &Viewer, user_id: i64, id: i64) -> AppResult<()> {
    let (event, _) = visible(&state.db, viewer, id).await?;
    if event.ends_at < state.clock.now_ms() {
        return Err(AppError::invalid("error-event-over"));
    }
    let registration: Option<i64> = on_db!(&state.db, pool => sqlx::query_scalar(
        "SELECT id FROM event_registrations WHERE event_id = $1 AND user_id = $2")
        .bind(id).bind(user_id).fetch_optional(pool).await)?;
    let registration = registration.ok_or(AppError::invalid("error-event-not-registered"))?;
    cancel_registration(state, &event, registration, Some(user_id)).await
}

// ---- visitors -------------------------------------------------------------------------------

/// A visitor's registration for a public event, as the form sends it.
struct VisitorForm {
    name: DisplayName,
    email: Email,
    organisation: String,
    sector: Option<Sector>,
    country: Option<Country>,
}

impl VisitorForm {
    fn parse(fields: &HashMap<String, String>) -> AppResult<VisitorForm> {
        let get = |k: &str| fields.get(k).map_or("", String::as_str);
        let optional = |k: &str| Some(get(k).trim()).filter(|v| !v.is_empty());
        Ok(VisitorForm {
            name: DisplayName::parse(get("name"))?,
            email: Email::parse(get("email"))?,
            organisation: text(get("organisation"), MAX_ORGANISATION, None)?,
            sector: optional("sector").map(str::parse).transpose()?,
            country: optional("country").map(str::parse).transpose()?,
        })
    }
}

fn notice(page: &Page, state: &AppState, status: StatusCode, title: &str, text: String) -> AppResult<Response> {
    let html = page.render(state, "events/notice.html", context! { title => page.t(title), text })?;
    Ok((status, html).into_response())
}

async fn register(
    State(state): State<AppState>,
    page: Page,
    ClientIp(ip): ClientIp,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> AppResult<Response> {
    let (event, _) = visible(&state.db, &page.viewer, id).await?;
    if page.viewer.is_member() {
        return Err(AppError::invalid("error-event-members-rsvp"));
    }
    // Only public events are visible to visitors; anything else was a 404 above.
    let now = state.clock.now_ms();
    closed_or_gone(&event, now)?;
    let fields = field_map(fields);
    // Only what is true: without a mail server the confirmation waits, and the visitor is
    // told so rather than to look for a mail that will not come.
    let (title, text) = if state.config.smtp_url.is_some() {
        ("event-check-mail-title", "event-check-mail-text")
    } else {
        ("event-check-mail-title-no-mail", "event-check-mail-text-no-mail")
    };
    let sent = || notice(&page, &state, StatusCode::OK, title, page.t(text));
    // People never see the honeypot field; software that fills in every field does.
    if fields.get("website").is_some_and(|w| !w.is_empty()) {
        return sent();
    }
    let form = VisitorForm::parse(&fields)?;
    let answers = answers(&super::questions_of(&state.db, id).await?, &fields)?;
    if let Some(key) = crate::accounts::throttle::address_key(ip).map(|k| format!("event-register:{k}")) {
        let (recent, _) = crate::accounts::throttle::failures(&state.db, &key, now - HOUR).await?;
        if recent >= PER_ADDRESS_PER_HOUR {
            return Err(AppError::TooMany(Message::new("error-event-register-throttled")));
        }
        crate::accounts::throttle::record_failure(&state.db, &[&key], now).await?;
    }
    let email_key = form.email.as_str().to_lowercase();
    let mut tx = state.db.begin().await?;
    lock(&mut tx, id).await?;
    let existing: Option<(i64, String, Option<i64>)> = on_tx!(&mut tx, c => sqlx::query_as(
        "SELECT id, status, expires_at FROM event_registrations WHERE event_id = $1 AND email_key = $2")
        .bind(id).bind(&email_key).fetch_optional(&mut **c).await)?;
    match existing {
        // A lapsed confirmation or a cancelled registration makes way for a new one.
        Some((rid, status, expires))
            if status == "cancelled" || (status == "unconfirmed" && expires.is_some_and(|e| e <= now)) =>
        {
            on_tx!(&mut tx, c => sqlx::query("DELETE FROM event_registrations WHERE id = $1").bind(rid)
                .execute(&mut **c).await.map(affected))?;
        }
        Some(_) => {
            // Already registered: nothing changes, and the answer is the same as for a new
            // registration; the address's owner is told by mail.
            tell(&mut tx, &state, &event, form.email.as_str(), page.locale, "duplicate").await?;
            tx.commit().await?;
            return sent();
        }
        None => {}
    }
    let token = random_token();
    let sql = "INSERT INTO event_registrations (event_id, name, email, email_key, organisation, sector, country, locale, status, \
               token_hash, expires_at, queued_at, created_at, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'unconfirmed', $9, $10, $11, $11, $11) RETURNING id";
    let registration: i64 = on_tx!(&mut tx, c => sqlx::query_scalar(sql).bind(id).bind(form.name.as_str())
        .bind(form.email.as_str()).bind(&email_key).bind(&form.organisation).bind(form.sector.map(|s| s.key()))
        .bind(form.country.map(|c| c.key())).bind(page.locale.tag()).bind(hash_token(&token))
        .bind(now + CONFIRM_HOURS * 3_600_000).bind(now).fetch_one(&mut **c).await)?;
    write_answers(&mut tx, registration, &answers).await?;
    let link = state
        .config
        .base_url
        .join(&format!("events/registration/{token}"))
        .map_err(|e| AppError::Internal(e.into()))?;
    let args = [
        ("title", event.title.clone()),
        ("when", time::span(event.starts_at, event.ends_at, event.zone())),
        ("link", link.to_string()),
        ("hours", CONFIRM_HOURS.to_string()),
    ];
    let mail = Mail {
        to: form.email.as_str(),
        subject: page.locale.t_args("mail-event-confirm-subject", &args),
        body: page.locale.t_args("mail-event-confirm-body", &args),
        kind: "event_confirm",
        unsubscribe: None,
    };
    outbox::enqueue(&mut tx, mail).await?;
    tx.commit().await?;
    sent()
}

#[derive(sqlx::FromRow)]
struct ByToken {
    id: i64,
    event_id: i64,
    name: String,
    status: String,
    expires_at: Option<i64>,
}

async fn by_token(db: &Db, token: &str) -> Result<Option<(ByToken, Event)>, sqlx::Error> {
    let sql = "SELECT id, event_id, name, status, expires_at FROM event_registrations WHERE token_hash = $1";
    let row: Option<ByToken> =
        on_db!(db, pool => sqlx::query_as(sql).bind(hash_token(token)).fetch_optional(pool).await)?;
    let Some(row) = row else { return Ok(None) };
    if row.status == "unconfirmed" && row.expires_at.is_some_and(|e| e <= now_ms()) {
        return Ok(None);
    }
    let event = super::load(db, row.event_id).await?;
    Ok(event.map(|e| (row, e)))
}

fn gone(page: &Page, state: &AppState) -> AppResult<Response> {
    notice(page, state, StatusCode::GONE, "event-link-gone-title", page.t("event-link-gone-text"))
}

/// The page a visitor's link opens: confirm the address, see where the registration
/// stands, cancel it. Opening the link changes nothing (mail scanners open links too).
async fn registration_page(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let Some((row, event)) = by_token(&state.db, &token).await? else { return gone(&page, &state) };
    let html = page.render(
        &state,
        "events/registration.html",
        context! {
            token, name => row.name, status => row.status, event_id => event.id, title => event.title,
            when => time::span(event.starts_at, event.ends_at, event.zone()),
            past => event.ends_at < now_ms(), cancelled_event => event.cancelled,
        },
    )?;
    Ok(html.into_response())
}

async fn confirm(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    let Some((row, event)) = by_token(&state.db, &token).await? else { return gone(&page, &state) };
    if row.status != "unconfirmed" {
        return Ok(Redirect::to(&format!("/events/registration/{token}")).into_response());
    }
    let now = now_ms();
    closed_or_gone(&event, now)?;
    let mut tx = state.db.begin().await?;
    lock(&mut tx, event.id).await?;
    let status = admission(&mut tx, &event, false).await?;
    on_tx!(&mut tx, c => sqlx::query(
        "UPDATE event_registrations SET status = $1, expires_at = NULL, queued_at = $2, updated_at = $2 WHERE id = $3 AND status = 'unconfirmed'")
        .bind(status.key()).bind(now).bind(row.id).execute(&mut **c).await.map(affected))?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/events/registration/{token}")).into_response())
}

async fn cancel_by_link(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    let Some((row, event)) = by_token(&state.db, &token).await? else { return gone(&page, &state) };
    if event.ends_at < now_ms() {
        return Err(AppError::invalid("error-event-over"));
    }
    cancel_registration(&state, &event, row.id, None).await?;
    notice(&page, &state, StatusCode::OK, "event-cancelled-title", page.t("event-cancelled-text"))
}

// ---- organisers -----------------------------------------------------------------------------

#[derive(sqlx::FromRow)]
struct RegistrantRow {
    id: i64,
    user_id: Option<i64>,
    name: String,
    email: String,
    organisation: String,
    sector: Option<String>,
    country: Option<String>,
    status: String,
    attended_at: Option<i64>,
    member_sector: Option<String>,
    member_country: Option<String>,
    at_risk: bool,
    sector_vis: Option<String>,
    country_vis: Option<String>,
    orgs_vis: Option<String>,
}

#[derive(Serialize)]
pub struct Registrant {
    pub(super) id: i64,
    pub(super) user_id: Option<i64>,
    pub(super) name: String,
    /// A member whom this viewer may not see: shown as "a participant who keeps their name
    /// private" with their check-in code, and nothing else that could name them.
    pub(super) private: bool,
    pub(super) email: String,
    pub(super) organisation: String,
    pub(super) sector: Option<String>,
    pub(super) country: Option<String>,
    pub(super) status: String,
    pub(super) attended: bool,
    pub(super) answers: Vec<(String, String)>,
    /// Whether this registration may go in a file ([`crate::members::access::goes_in_files`]).
    #[serde(skip)]
    pub(super) in_files: bool,
}

impl Registrant {
    /// What `viewer` may read of one registration. A visitor gave their details to the
    /// organisers to register; a member's come from their account and profile, so the
    /// member rules decide: an at-risk member is named only to coordinators, sector and
    /// country show as their fields allow, and the account's e-mail only to coordinators.
    fn of(viewer: &Viewer, r: RegistrantRow, answers: Vec<(String, String)>, orgs: Vec<String>) -> Registrant {
        let attended = r.attended_at.is_some();
        let Some(member) = r.user_id else {
            return Registrant {
                id: r.id,
                user_id: None,
                name: r.name,
                private: false,
                email: r.email,
                organisation: r.organisation,
                sector: r.sector,
                country: r.country,
                status: r.status,
                attended,
                answers,
                in_files: true,
            };
        };
        let audience = Audience::of(viewer, member);
        if !audience.sees_member(r.at_risk, true) {
            return Registrant {
                id: r.id,
                user_id: None,
                name: String::new(),
                private: true,
                email: String::new(),
                organisation: String::new(),
                sector: None,
                country: None,
                status: r.status,
                attended,
                // Free answers could name them.
                answers: Vec::new(),
                in_files: false,
            };
        }
        let shown = |vis: Option<String>| vis.and_then(|v| v.parse().ok()).is_some_and(|v| audience.sees(v));
        let field = |given: Option<String>, profile: Option<String>, vis: Option<String>| {
            given.or(profile.filter(|_| shown(vis)))
        };
        // A member registers in one click: their organisations come from their profile.
        let organisation =
            if r.organisation.is_empty() && shown(r.orgs_vis) { orgs.join(", ") } else { r.organisation };
        Registrant {
            id: r.id,
            user_id: Some(member),
            name: r.name,
            private: false,
            email: if audience == Audience::Public || audience == Audience::Member { String::new() } else { r.email },
            organisation,
            sector: field(r.sector, r.member_sector, r.sector_vis),
            country: field(r.country, r.member_country, r.country_vis),
            status: r.status,
            attended,
            answers,
            in_files: crate::members::access::goes_in_files(r.at_risk),
        }
    }
}

/// Everyone who registered (but not the lapsed unconfirmed), for the event's managers only,
/// each as much as `viewer` may see of them.
pub async fn registrants(db: &Db, viewer: &Viewer, event: &Event) -> Result<Vec<Registrant>, sqlx::Error> {
    let sql = "SELECT r.id, r.user_id, r.name, r.email, r.organisation, r.sector, r.country, r.status, r.attended_at, \
               p.sector AS member_sector, p.country AS member_country, COALESCE(p.at_risk, FALSE) AS at_risk, \
               p.sector_vis, p.country_vis, p.orgs_vis \
               FROM event_registrations r LEFT JOIN profiles p ON p.user_id = r.user_id \
               WHERE r.event_id = $1 AND NOT (r.status = 'unconfirmed' AND r.expires_at <= $2) \
               ORDER BY CASE r.status WHEN 'registered' THEN 0 WHEN 'pending' THEN 1 WHEN 'waitlisted' THEN 2 ELSE 3 END, \
                        r.queued_at, r.id";
    let rows: Vec<RegistrantRow> =
        on_db!(db, pool => sqlx::query_as(sql).bind(event.id).bind(now_ms()).fetch_all(pool).await)?;
    let sql = "SELECT a.registration_id, q.prompt, a.answer FROM event_answers a JOIN event_questions q ON q.id = a.question_id \
               WHERE q.event_id = $1 ORDER BY q.id";
    let answers: Vec<(i64, String, String)> =
        on_db!(db, pool => sqlx::query_as(sql).bind(event.id).fetch_all(pool).await)?;
    // The registered members' organisations, those this viewer may know of (a hidden one is
    // never named); whether the member shows them at all is decided per registrant.
    let sql = format!(
        "SELECT DISTINCT a.user_id, o.name FROM affiliations a JOIN organisations o ON o.id = a.org_id \
         JOIN event_registrations r ON r.user_id = a.user_id WHERE r.event_id = $1 AND {} ORDER BY o.name",
        crate::orgs::visible_sql("o", "$2")
    );
    let orgs: Vec<(i64, String)> = on_db!(db, pool => sqlx::query_as(&sql).bind(event.id)
        .bind(viewer.is_member()).fetch_all(pool).await)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let mine = answers.iter().filter(|a| a.0 == r.id).map(|a| (a.1.clone(), a.2.clone())).collect();
            let theirs = orgs.iter().filter(|o| Some(o.0) == r.user_id).map(|o| o.1.clone()).collect();
            Registrant::of(viewer, r, mine, theirs)
        })
        .collect())
}

#[derive(serde::Deserialize)]
struct Decision {
    #[serde(default)]
    action: String,
}

/// The organiser approves or declines a pending registration, or declines one already in.
async fn decide(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path((id, registration)): Path<(i64, i64)>,
    Form(form): Form<Decision>,
) -> AppResult<Response> {
    let (event, _) = managed(&state.db, &page.viewer, id).await?;
    let mut tx = state.db.begin().await?;
    lock(&mut tx, id).await?;
    let row: Option<(String, String, String)> = on_tx!(&mut tx, c => sqlx::query_as(
        "SELECT status, email, locale FROM event_registrations WHERE id = $1 AND event_id = $2")
        .bind(registration).bind(id).fetch_optional(&mut **c).await)?;
    let (status, email, locale) = row.ok_or(AppError::NotFound)?;
    let locale = Locale::parse(&locale).unwrap_or(Locale::En);
    let now = now_ms();
    match (form.action.as_str(), status.as_str()) {
        ("approve", "pending") => {
            let next = admission(&mut tx, &event, true).await?;
            on_tx!(&mut tx, c => sqlx::query("UPDATE event_registrations SET status = $1, updated_at = $2 WHERE id = $3")
                .bind(next.key()).bind(now).bind(registration).execute(&mut **c).await.map(affected))?;
            let what = if next == RegStatus::Registered { "approved" } else { "waitlisted" };
            tell(&mut tx, &state, &event, &email, locale, what).await?;
        }
        ("decline", "pending" | "registered" | "waitlisted") => {
            on_tx!(&mut tx, c => sqlx::query("UPDATE event_registrations SET status = 'declined', token_hash = NULL, updated_at = $1 WHERE id = $2")
                .bind(now).bind(registration).execute(&mut **c).await.map(affected))?;
            tell(&mut tx, &state, &event, &email, locale, "declined").await?;
            promote(&mut tx, &state, id).await?;
        }
        ("approve" | "decline", _) => return Err(AppError::invalid("error-event-decision")),
        _ => return Err(AppError::invalid("error-form-malformed")),
    }
    crate::chat::event_chat::follow(&mut tx, registration, now).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/events/{id}/manage")).into_response())
}

/// The list at the door: everyone with a place, one button each. Works on a phone without
/// JavaScript and prints as a sign-in sheet.
async fn checkin_list(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Html<String>> {
    let (event, _) = managed(&state.db, &page.viewer, id).await?;
    let mut people: Vec<Registrant> =
        registrants(&state.db, &page.viewer, &event).await?.into_iter().filter(|r| r.status == "registered").collect();
    // Named people by name; those who keep their name private by their code, after them.
    people.sort_by_key(|p| (p.private, p.name.to_lowercase(), p.id));
    let present = people.iter().filter(|p| p.attended).count();
    page.render(
        &state,
        "events/checkin.html",
        context! {
            event_id => event.id, title => event.title, people, present,
            when => time::span(event.starts_at, event.ends_at, event.zone()),
        },
    )
}

#[derive(serde::Deserialize)]
struct CheckIn {
    #[serde(default)]
    present: String,
}

async fn check_in(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path((id, registration)): Path<(i64, i64)>,
    Form(form): Form<CheckIn>,
) -> AppResult<Response> {
    managed(&state.db, &page.viewer, id).await?;
    let attended = match form.present.as_str() {
        "yes" => Some(now_ms()),
        "no" => None,
        _ => return Err(AppError::invalid("error-form-malformed")),
    };
    let changed = on_db!(&state.db, pool => sqlx::query(
        "UPDATE event_registrations SET attended_at = $1, updated_at = $2 WHERE id = $3 AND event_id = $4 AND status = 'registered'")
        .bind(attended).bind(now_ms()).bind(registration).bind(id).execute(pool).await.map(affected))?;
    if changed == 0 {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&format!("/events/{id}/checkin#r{registration}")).into_response())
}
