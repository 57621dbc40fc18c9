//! The coordinators' pages: the network's webhooks, a new one (its secret shown once), a
//! hook's delivery log, a test delivery, and deleting one.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};

use super::address;
use crate::audit::{self, Detail, Entry};
use crate::vocab::{AuditAction, WebhookEvent};
use crate::web::{AppError, AppResult, AppState, ClientIp, Coordinator, DoneQuery, Form, Message, Page, Routes};
use crate::{on_db, on_tx};

pub const TEMPLATES: &[(&str, &str)] = &[
    ("webhooks/list.html", include_str!("templates/list.html")),
    ("webhooks/show.html", include_str!("templates/show.html")),
];

/// Hooks a network may keep.
pub const MAX_HOOKS: i64 = 20;
/// Deliveries a hook's page lists.
const LOG_LENGTH: i64 = 50;
/// Test deliveries one coordinator may ask for in an hour: each may keep the worker waiting
/// on a slow receiver.
pub const PINGS: crate::web::limits::Logged =
    crate::web::limits::Logged { action: "webhook_ping", max: 10, window_ms: crate::web::limits::HOUR };

pub fn routes() -> Routes {
    vec![
        ("/webhooks", get(list).post(create)),
        ("/webhooks/{id}", get(show)),
        ("/webhooks/{id}/ping", post(ping)),
        ("/webhooks/{id}/delete", post(delete)),
    ]
}

/// The events a coordinator may choose (a test delivery is always allowed).
fn choosable() -> Vec<&'static str> {
    WebhookEvent::ALL.iter().filter(|e| **e != WebhookEvent::Ping).map(|e| e.key()).collect()
}

#[derive(sqlx::FromRow, Serialize)]
struct Hook {
    id: i64,
    url: String,
    events: String,
    /// `events`, one by one, for the page.
    #[sqlx(skip)]
    chosen: Vec<String>,
    created_at: i64,
    /// Deliveries not yet made, and the last one's outcome.
    waiting: i64,
    last_status: Option<i64>,
    last_error: Option<String>,
}

impl Hook {
    fn listed(self) -> Hook {
        Hook { chosen: self.events.split_whitespace().map(str::to_string).collect(), ..self }
    }
}

const HOOK_SQL: &str = "SELECT w.id, w.url, w.events, w.created_at, \
       (SELECT COUNT(*) FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.delivered_at IS NULL) AS waiting, \
       (SELECT d.last_status FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.attempts > 0 \
        ORDER BY d.id DESC LIMIT 1) AS last_status, \
       (SELECT d.last_error FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.attempts > 0 \
        ORDER BY d.id DESC LIMIT 1) AS last_error \
     FROM webhooks w";

async fn list_context(state: &AppState) -> AppResult<Value> {
    let sql = format!("{HOOK_SQL} ORDER BY w.created_at DESC, w.id DESC");
    let hooks: Vec<Hook> = on_db!(&state.db, pool => sqlx::query_as(&sql).fetch_all(pool).await)?;
    let hooks: Vec<Hook> = hooks.into_iter().map(Hook::listed).collect();
    Ok(context! {
        hooks, events => choosable(), max => MAX_HOOKS, allow_private => state.config.webhooks_allow_private,
    })
}

async fn list(
    State(state): State<AppState>,
    page: Page,
    Coordinator(user): Coordinator,
    Query(q): Query<DoneQuery>,
) -> AppResult<Html<String>> {
    let done = page.done(q.done.as_deref(), &["deleted"], "webhooks-done");
    let ctx = list_context(&state).await?;
    page.render(&state, "webhooks/list.html", context! { done, confirmed => user.confirmed, ..ctx })
}

#[derive(Deserialize)]
struct HookForm {
    #[serde(default)]
    url: String,
    #[serde(default)]
    events: Vec<String>,
}

/// A new hook, checked: an address it may send to, and at least one event.
struct NewHook {
    url: url::Url,
    events: Vec<WebhookEvent>,
}

async fn check(state: &AppState, form: &HookForm) -> AppResult<NewHook> {
    let allow = state.config.webhooks_allow_private;
    let url = address::parse(&form.url, allow)?;
    address::resolve(&url, allow).await?;
    let mut events: Vec<WebhookEvent> = form.events.iter().map(|e| e.parse()).collect::<Result<_, _>>()?;
    events.retain(|e| *e != WebhookEvent::Ping);
    events.sort_unstable();
    events.dedup();
    if events.is_empty() {
        return Err(AppError::invalid("error-webhook-events"));
    }
    Ok(NewHook { url, events })
}

async fn create(
    State(state): State<AppState>,
    page: Page,
    Coordinator(user): Coordinator,
    ClientIp(ip): ClientIp,
    Form(form): Form<HookForm>,
) -> AppResult<Response> {
    user.require_confirmed("/webhooks")?;
    let secret = format!("whsec_{}", crate::web::session::random_token());
    let stored = async {
        let new = check(&state, &form).await?;
        let mut tx = state.db.begin().await?;
        let held: i64 =
            on_tx!(&mut tx, c => sqlx::query_scalar("SELECT COUNT(*) FROM webhooks").fetch_one(&mut **c).await)?;
        if held >= MAX_HOOKS {
            return Err(AppError::Invalid(Message::new("error-webhook-too-many").arg("max", MAX_HOOKS)));
        }
        let events: Vec<&str> = new.events.iter().map(|e| e.key()).collect();
        let sql = "INSERT INTO webhooks (url, secret, events, created_by, created_at) VALUES ($1, $2, $3, $4, $5)";
        on_tx!(&mut tx, c => sqlx::query(sql).bind(new.url.as_str()).bind(&secret).bind(events.join(" "))
            .bind(user.user_id).bind(state.clock.now_ms()).execute(&mut **c).await.map(crate::db::affected))?;
        let entry = Entry {
            actor: Some(user.user_id),
            action: AuditAction::WebhookCreated,
            target: None,
            detail: Detail::None,
            ip,
        };
        audit::record(&mut tx, entry).await?;
        tx.commit().await?;
        Ok(new.url)
    }
    .await;
    let ctx = list_context(&state).await?;
    match stored {
        // Shown in this answer only: receivers check signatures with it.
        Ok(url) => Ok(page
            .render(
                &state,
                "webhooks/list.html",
                context! { secret, created => url.as_str(), confirmed => true, ..ctx },
            )?
            .into_response()),
        Err(AppError::Invalid(m)) => {
            let error = page.locale.t_args(m.id, &m.args);
            let html = page.render(
                &state,
                "webhooks/list.html",
                context! { error, url => form.url, ticked => form.events, confirmed => true, ..ctx },
            )?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
        Err(e) => Err(e),
    }
}

#[derive(sqlx::FromRow, Serialize)]
struct LogRow {
    id: i64,
    event: String,
    created_at: i64,
    attempts: i64,
    next_attempt_at: i64,
    delivered_at: Option<i64>,
    last_status: Option<i64>,
    last_error: Option<String>,
}

async fn show(
    State(state): State<AppState>,
    page: Page,
    _: Coordinator,
    Path(id): Path<i64>,
    Query(q): Query<DoneQuery>,
) -> AppResult<Html<String>> {
    let sql = format!("{HOOK_SQL} WHERE w.id = $1");
    let hook: Hook = on_db!(&state.db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await)?
        .ok_or(AppError::NotFound)?;
    let hook = hook.listed();
    let sql = "SELECT id, event, created_at, attempts, next_attempt_at, delivered_at, last_status, last_error \
               FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY id DESC LIMIT $2";
    let log: Vec<LogRow> =
        on_db!(&state.db, pool => sqlx::query_as(sql).bind(id).bind(LOG_LENGTH).fetch_all(pool).await)?;
    let done = page.done(q.done.as_deref(), &["pinged"], "webhooks-done");
    page.render(&state, "webhooks/show.html", context! { hook, log, done, given_up => super::MAX_ATTEMPTS })
}

#[derive(Deserialize)]
struct Empty {}

async fn ping(
    State(state): State<AppState>,
    Coordinator(user): Coordinator,
    Path(id): Path<i64>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    PINGS.check_and_log(&mut tx, user.user_id, now).await?;
    let exists: Option<i64> = on_tx!(&mut tx, c => sqlx::query_scalar("SELECT id FROM webhooks WHERE id = $1")
        .bind(id).fetch_optional(&mut **c).await)?;
    exists.ok_or(AppError::NotFound)?;
    let body = super::body(WebhookEvent::Ping, now, serde_json::json!({}));
    super::enqueue_for(&mut tx, id, WebhookEvent::Ping, &body, now, None, 0).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/webhooks/{id}?done=pinged")).into_response())
}

async fn delete(
    State(state): State<AppState>,
    Coordinator(user): Coordinator,
    ClientIp(ip): ClientIp,
    Path(id): Path<i64>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    on_tx!(&mut tx, c => sqlx::query("DELETE FROM webhook_deliveries WHERE webhook_id = $1").bind(id)
        .execute(&mut **c).await.map(crate::db::affected))?;
    let done = on_tx!(&mut tx, c => sqlx::query("DELETE FROM webhooks WHERE id = $1").bind(id)
        .execute(&mut **c).await.map(crate::db::affected))?;
    if done == 0 {
        return Err(AppError::NotFound);
    }
    let entry = Entry {
        actor: Some(user.user_id),
        action: AuditAction::WebhookDeleted,
        target: None,
        detail: Detail::None,
        ip,
    };
    audit::record(&mut tx, entry).await?;
    tx.commit().await?;
    Ok(Redirect::to("/webhooks?done=deleted").into_response())
}
