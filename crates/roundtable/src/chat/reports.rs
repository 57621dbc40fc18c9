//! Reporting a message. A participant reports one message (not their own) with a reason; the
//! report goes to those who moderate where it was said ([`access::handles_report_sql`]): a
//! group's chat room to the group's moderators, every other conversation to coordinators.
//! Nobody reads a conversation they are not in, so the report carries a copy of that message
//! alone, and nothing else of the conversation. Those who handle it dismiss it, or delete
//! the message for everyone; either settles every report of that message and removes the
//! copies. A copy left unsettled goes after [`KEEP_MS`], swept with expired messages.

use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::access;
use crate::db::{affected, rows, Args, Db};
use crate::web::limits::{Limit, DAY};
use crate::web::{AppError, AppResult, AppState, DoneQuery, Form, Page, Routes, SignedIn, Who};
use crate::{on_db, on_tx};

pub fn routes() -> Routes {
    vec![
        ("/messages/{id}/m/{message}/report", get(form).post(file)),
        ("/messages/reports", get(list)),
        ("/messages/reports/{report}", post(settle)),
    ]
}

/// How long an unsettled report keeps its copy of the message.
pub const KEEP_MS: i64 = 30 * DAY;
const MAX_REASON: usize = 500;

/// Reports one member may file in a day: enough for real trouble, too few to flood anyone.
pub const REPORTS: Limit = Limit {
    count_sql: "SELECT COUNT(*) FROM message_reports WHERE reporter_id = $1 AND created_at > $2",
    max: 20,
    window_ms: DAY,
};

/// The message `message` of conversation `id`, as `me` reads it, if it may be reported: not
/// their own, not deleted. Returns its author, text and when it was sent, and the room's group.
async fn reportable(db: &Db, id: i64, message: i64, me: i64, now: i64) -> AppResult<(i64, String, i64, Option<i64>)> {
    super::conversation::readable(db, id, me).await?;
    let sql = format!(
        "SELECT m.author_id, m.body_html, m.created_at, c.group_id FROM messages m \
         JOIN conversations c ON c.id = m.conversation_id \
         JOIN conversation_members cm ON cm.conversation_id = m.conversation_id AND cm.user_id = $3 \
         WHERE m.id = $1 AND m.conversation_id = $2 AND m.author_id <> $3 AND NOT m.deleted AND {}",
        access::message_sql("m", "cm", "$4")
    );
    let found: Option<(i64, String, i64, Option<i64>)> =
        on_db!(db, pool => sqlx::query_as(&sql).bind(message).bind(id).bind(me).bind(now).fetch_optional(pool).await)?;
    found.ok_or(AppError::NotFound)
}

async fn form(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Path((id, message)): Path<(i64, i64)>,
) -> AppResult<Html<String>> {
    let (_, body_html, _, group) = reportable(&state.db, id, message, user.user_id, state.clock.now_ms()).await?;
    page.render(&state, "chat/report.html", context! { id, message, body_html, room => group.is_some() })
}

#[derive(Deserialize, Default)]
struct ReportForm {
    #[serde(default)]
    reason: String,
}

async fn file(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path((id, message)): Path<(i64, i64)>,
    Form(form): Form<ReportForm>,
) -> AppResult<Response> {
    let (me, now) = (user.user_id, state.clock.now_ms());
    let (author, body_html, sent_at, group) = reportable(&state.db, id, message, me, now).await?;
    let reason = form.reason.trim();
    if reason.is_empty() || reason.chars().count() > MAX_REASON || reason.chars().any(char::is_control) {
        return Err(AppError::invalid("error-report-reason"));
    }
    let mut tx = state.db.begin().await?;
    REPORTS.check(&mut tx, me, now).await?;
    let sql = "INSERT INTO message_reports (message_id, conversation_id, group_id, author_id, reporter_id, body_html, sent_at, \
                 reason, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
               ON CONFLICT (message_id, reporter_id) DO UPDATE SET conversation_id = excluded.conversation_id, \
                 group_id = excluded.group_id, author_id = excluded.author_id, body_html = excluded.body_html, \
                 sent_at = excluded.sent_at, reason = excluded.reason, created_at = excluded.created_at, \
                 expires_at = excluded.expires_at";
    // A second report by the same member replaces the first; so does one of a later message
    // that SQLite gave the same id, whose copy must not keep the old text.
    on_tx!(&mut tx, c => sqlx::query(sql).bind(message).bind(id).bind(group).bind(author).bind(me).bind(&body_html)
        .bind(sent_at).bind(reason).bind(now).bind(now + KEEP_MS).execute(&mut **c).await.map(affected))?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/messages/{id}?done=reported#m-{message}")).into_response())
}

#[derive(sqlx::FromRow, Serialize)]
struct ReportRow {
    id: i64,
    message_id: i64,
    author_id: i64,
    #[serde(skip)]
    display_name: String,
    #[serde(skip)]
    at_risk: bool,
    /// The author as the viewer may see them; `None`: a member who keeps their name private.
    #[sqlx(skip)]
    author: Option<String>,
    body_html: String,
    sent_at: i64,
    reason: String,
    created_at: i64,
    group_id: Option<i64>,
    group_name: Option<String>,
    /// Whether the message is still there to delete.
    present: bool,
}

/// The open reports the viewer handles, newest first.
async fn list(
    State(state): State<AppState>,
    page: Page,
    SignedIn(_): SignedIn,
    Query(q): Query<DoneQuery>,
) -> AppResult<Html<String>> {
    let mut args = Args::default();
    let who = Who::viewer(&page.viewer, &mut args);
    let sql = format!(
        "SELECT r.id, r.message_id, r.author_id, u.display_name, COALESCE(p.at_risk, FALSE) AS at_risk, r.body_html, r.sent_at, \
           r.reason, r.created_at, r.group_id, g.name AS group_name, \
           EXISTS (SELECT 1 FROM messages m WHERE {same} AND NOT m.deleted) AS present \
         FROM message_reports r JOIN users u ON u.id = r.author_id LEFT JOIN profiles p ON p.user_id = r.author_id \
         LEFT JOIN network_groups g ON g.id = r.group_id \
         WHERE {handles} ORDER BY r.created_at DESC, r.id DESC LIMIT 200",
        same = access::reported_sql("m", "r"),
        handles = access::handles_report_sql("r", &who)
    );
    let mut reports: Vec<ReportRow> = rows(&state.db, &sql, &args).await?;
    for r in &mut reports {
        let named = crate::members::access::sees_person(&page.viewer, r.author_id, r.at_risk);
        r.author = named.then(|| r.display_name.clone());
    }
    let done = page.done(q.done.as_deref(), &["dismissed", "removed"], "chat-done");
    page.render(&state, "chat/reports.html", context! { reports, done })
}

#[derive(Deserialize, Default)]
struct SettleForm {
    #[serde(default)]
    action: String,
}

/// Dismiss a report, or delete the reported message for everyone; either settles every
/// report of that message.
async fn settle(
    State(state): State<AppState>,
    page: Page,
    SignedIn(_): SignedIn,
    Path(report): Path<i64>,
    Form(form): Form<SettleForm>,
) -> AppResult<Response> {
    let mut args = Args::default();
    let who = Who::viewer(&page.viewer, &mut args);
    let id = args.push(crate::db::Arg::Int(report));
    let sql = format!(
        "SELECT r.message_id, r.conversation_id, r.sent_at, \
           (SELECT m.id FROM messages m WHERE {} AND NOT m.deleted) AS present \
         FROM message_reports r WHERE r.id = {id} AND {}",
        access::reported_sql("m", "r"),
        access::handles_report_sql("r", &who)
    );
    let found: Vec<(i64, i64, i64, Option<i64>)> = rows(&state.db, &sql, &args).await?;
    let Some(&(message, conversation, sent_at, present)) = found.first() else { return Err(AppError::NotFound) };
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    let done = match (form.action.as_str(), present) {
        ("dismiss", _) => "dismissed",
        ("remove", Some(message)) => {
            on_tx!(&mut tx, c => sqlx::query(
                "UPDATE messages SET body = '', body_html = '', deleted = TRUE, edited_at = $2 WHERE id = $1 AND NOT deleted")
                .bind(message).bind(now).execute(&mut **c).await.map(affected))?;
            super::forget_message_extras(&mut tx, message).await?;
            "removed"
        }
        // Already gone: nothing to delete, the report is settled all the same.
        ("remove", None) => "removed",
        _ => return Err(AppError::invalid("error-form-malformed")),
    };
    on_tx!(&mut tx, c => sqlx::query("DELETE FROM message_reports WHERE message_id = $1 AND sent_at = $2")
        .bind(message).bind(sent_at).execute(&mut **c).await.map(affected))?;
    super::live::commit(&state, tx, conversation).await?;
    // The copies are gone from the table; on PostgreSQL, from its files too.
    super::expiry::reclaim(&state.db).await?;
    Ok(Redirect::to(&format!("/messages/reports?done={done}")).into_response())
}

/// How many open reports `who` handles (for the desk and the list of conversations).
pub async fn open_for(db: &Db, who: &Who) -> Result<i64, sqlx::Error> {
    let sql = format!("SELECT COUNT(*) FROM message_reports r WHERE {}", access::handles_report_sql("r", who));
    on_db!(db, pool => sqlx::query_scalar(&sql).fetch_one(pool).await)
}

/// Delete the copies of reports left unsettled past their time; returns how many.
pub async fn sweep(db: &Db, now: i64) -> Result<u64, sqlx::Error> {
    on_db!(db, pool => sqlx::query("DELETE FROM message_reports WHERE expires_at <= $1").bind(now)
        .execute(pool).await.map(affected))
}
