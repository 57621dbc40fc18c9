//! Recovering an account whose owner lost every factor (and perhaps the password). An admin
//! (never a coordinator) issues a one-time link after checking who the member is by
//! another channel, and hands it over by that channel: the link is shown to the admin once.
//! The member is mailed at once, with a link that cancels the recovery. The link works only
//! [`DELAY_HOURS`] after it is approved, for [`VALID_DAYS`]: a coordinator's or admin's
//! account needs a second admin's approval first, a member's is approved by issuing it.
//! Using it sets a new password and removes every factor, passkey, recovery code and
//! session. Each step is audited.
//!
//! The delay is the protection: someone who talks an admin into issuing a link for another
//! person's account gives the owner three days to see the mail and cancel.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::domain::NewPassword;
use super::{form_error, notice, password, set_password};
use crate::audit::{self, Detail, Entry};
use crate::db::{affected, Db, Tx};
use crate::outbox::{self, Mail};
use crate::vocab::{AuditAction, Role};
use crate::web::session::{hash_token, random_token};
use crate::web::{Admin, AppError, AppResult, AppState, ClientIp, Form, Locale, Page, Routes};
use crate::{on_db, on_tx};

/// A recovery link works this long after its approval, and no sooner.
pub const DELAY_HOURS: i64 = 72;
/// ...and for this many days after that.
pub const VALID_DAYS: i64 = 7;

pub fn routes() -> Routes {
    vec![
        ("/admin/users/{id}/recovery", get(admin_page).post(issue)),
        ("/admin/recoveries/{id}/approve", post(approve)),
        ("/admin/recoveries/{id}/cancel", post(admin_cancel)),
        ("/recover/{token}", get(recover_form).post(recover)),
        ("/recover/cancel/{token}", get(cancel_form).post(cancel)),
    ]
}

#[derive(sqlx::FromRow, Serialize)]
struct Recovery {
    id: i64,
    user_id: i64,
    issued_by: Option<i64>,
    issuer: Option<String>,
    approver: Option<String>,
    created_at: i64,
    effective_at: Option<i64>,
    expires_at: Option<i64>,
    used_at: Option<i64>,
    cancelled_at: Option<i64>,
}

impl Recovery {
    /// Neither used, cancelled nor past its time.
    fn open(&self, now: i64) -> bool {
        self.used_at.is_none() && self.cancelled_at.is_none() && self.expires_at.is_none_or(|e| e > now)
    }

    fn state(&self, now: i64) -> &'static str {
        match self {
            r if r.used_at.is_some() => "used",
            // Closed when a new one was issued, having lapsed before.
            Recovery { cancelled_at: Some(c), expires_at: Some(e), .. } if e <= c => "expired",
            r if r.cancelled_at.is_some() => "cancelled",
            r if !r.open(now) => "expired",
            Recovery { effective_at: None, .. } => "waiting",
            Recovery { effective_at: Some(at), .. } if *at > now => "delayed",
            _ => "usable",
        }
    }
}

const COLUMNS: &str = "r.id, r.user_id, r.issued_by, i.display_name AS issuer, a.display_name AS approver, \
    r.created_at, r.effective_at, r.expires_at, r.used_at, r.cancelled_at \
    FROM account_recoveries r LEFT JOIN users i ON i.id = r.issued_by LEFT JOIN users a ON a.id = r.approved_by";

async fn recoveries_of(db: &Db, user: i64) -> Result<Vec<Recovery>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} WHERE r.user_id = $1 ORDER BY r.created_at DESC, r.id DESC");
    on_db!(db, pool => sqlx::query_as(&sql).bind(user).fetch_all(pool).await)
}

async fn recovery(tx: &mut Tx, id: i64) -> Result<Option<Recovery>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} WHERE r.id = $1");
    on_tx!(tx, c => sqlx::query_as(&sql).bind(id).fetch_optional(&mut **c).await)
}

async fn by_token(db: &Db, column: &str, token: &str) -> Result<Option<Recovery>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} WHERE r.{column} = $1");
    on_db!(db, pool => sqlx::query_as(&sql).bind(hash_token(token)).fetch_optional(pool).await)
}

#[derive(sqlx::FromRow)]
struct Account {
    display_name: String,
    email: String,
    role: String,
    locale: String,
}

async fn account(db: &Db, id: i64) -> AppResult<Account> {
    let sql = "SELECT display_name, email, role, locale FROM users WHERE id = $1";
    let row: Option<Account> = on_db!(db, pool => sqlx::query_as(sql).bind(id).fetch_optional(pool).await)?;
    row.ok_or(AppError::NotFound)
}

fn record(action: AuditAction, actor: Option<i64>, target: i64, ip: Option<std::net::IpAddr>) -> Entry {
    Entry { actor, action, target: Some(target), detail: Detail::None, ip }
}

// ---- the admin's side ----------------------------------------------------------------------

async fn page_context(state: &AppState, id: i64, admin: i64) -> AppResult<minijinja::Value> {
    let member = account(&state.db, id).await?;
    let now = state.clock.now_ms();
    let list: Vec<minijinja::Value> = recoveries_of(&state.db, id)
        .await?
        .into_iter()
        .map(|r| {
            let state = r.state(now);
            let approvable = state == "waiting" && r.issued_by != Some(admin);
            context! { state, approvable, open => r.open(now), ..minijinja::Value::from_serialize(&r) }
        })
        .collect();
    let open = list.iter().any(|r| r.get_attr("open").is_ok_and(|v| v.is_true()));
    Ok(context! {
        id, name => member.display_name, staff => member.role != Role::Member.key(), recoveries => list, open,
        hours => DELAY_HOURS, days => VALID_DAYS, own => id == admin, no_mail => state.config.smtp_url.is_none(),
    })
}

async fn admin_page(
    State(state): State<AppState>,
    page: Page,
    Admin(admin): Admin,
    Path(id): Path<i64>,
) -> AppResult<Html<String>> {
    let ctx = page_context(&state, id, admin.user_id).await?;
    page.render(&state, "accounts/recovery_admin.html", ctx)
}

#[derive(Deserialize)]
struct Empty {}

async fn issue(
    State(state): State<AppState>,
    page: Page,
    Admin(admin): Admin,
    ClientIp(ip): ClientIp,
    Path(id): Path<i64>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    let back = format!("/admin/users/{id}/recovery");
    admin.require_confirmed(&back)?;
    if id == admin.user_id {
        return Err(AppError::invalid("error-recovery-self"));
    }
    // The owner's warning, with the way to cancel, is the protection: without mail, no link.
    if state.config.smtp_url.is_none() {
        return Err(AppError::invalid("error-recovery-no-mail"));
    }
    let member = account(&state.db, id).await?;
    let now = state.clock.now_ms();
    if recoveries_of(&state.db, id).await?.iter().any(|r| r.open(now)) {
        return Err(AppError::invalid("error-recovery-open"));
    }
    let staff = member.role != Role::Member.key();
    let (token, cancel) = (random_token(), random_token());
    // A member's recovery is approved by issuing it; staff wait for a second admin, for as
    // long as a link would work.
    let (approver, effective, expires) = if staff {
        (None, None, Some(now + VALID_DAYS * 86_400_000))
    } else {
        let effective = now + DELAY_HOURS * 3_600_000;
        (Some(admin.user_id), Some(effective), Some(effective + VALID_DAYS * 86_400_000))
    };
    let base = &state.config.base_url;
    let link = base.join(&format!("recover/{token}")).map_err(|e| AppError::Internal(e.into()))?;
    let cancel_link = base.join(&format!("recover/cancel/{cancel}")).map_err(|e| AppError::Internal(e.into()))?;
    let locale = Locale::parse(&member.locale).unwrap_or(Locale::En);
    let body = match effective {
        Some(at) => {
            let when = crate::web::zone::datetime(at, state.config.time_zone).unwrap_or_default();
            locale.t_args("mail-recovery-body", &[("date", when), ("cancel", cancel_link.to_string())])
        }
        None => locale.t_args(
            "mail-recovery-body-staff",
            &[("hours", DELAY_HOURS.to_string()), ("cancel", cancel_link.to_string())],
        ),
    };
    let mut tx = state.db.begin().await?;
    let sql = "UPDATE account_recoveries SET cancelled_at = $1 \
               WHERE user_id = $2 AND used_at IS NULL AND cancelled_at IS NULL AND expires_at <= $1";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(now).bind(id).execute(&mut **c).await.map(affected))?;
    let sql = "INSERT INTO account_recoveries (user_id, issued_by, approved_by, token_hash, cancel_hash, created_at, \
               effective_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    let inserted = on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(admin.user_id).bind(approver).bind(hash_token(&token))
        .bind(hash_token(&cancel)).bind(now).bind(effective).bind(expires).execute(&mut **c).await.map(affected));
    match inserted {
        // Another admin issued one at the same moment.
        Err(e) if crate::db::is_unique_violation(&e) => return Err(AppError::invalid("error-recovery-open")),
        other => other?,
    };
    let mail = Mail {
        to: &member.email,
        subject: locale.t("mail-recovery-subject"),
        body,
        kind: "account_recovery",
        unsubscribe: None,
    };
    outbox::enqueue(&mut tx, mail).await?;
    audit::record(&mut tx, record(AuditAction::RecoveryIssued, Some(admin.user_id), id, ip)).await?;
    tx.commit().await?;
    let ctx = page_context(&state, id, admin.user_id).await?;
    let issued = context! { link => link.to_string(), effective };
    Ok(page.render(&state, "accounts/recovery_admin.html", context! { issued, ..ctx })?.into_response())
}

async fn approve(
    State(state): State<AppState>,
    Admin(admin): Admin,
    ClientIp(ip): ClientIp,
    Path(rid): Path<i64>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    let r = recovery(&mut tx, rid).await?.ok_or(AppError::NotFound)?;
    let back = format!("/admin/users/{}/recovery", r.user_id);
    admin.require_confirmed(&back)?;
    let now = state.clock.now_ms();
    if r.state(now) != "waiting" {
        return Err(AppError::invalid("error-recovery-not-waiting"));
    }
    if r.issued_by == Some(admin.user_id) || r.user_id == admin.user_id {
        return Err(AppError::invalid("error-recovery-second-admin"));
    }
    let effective = now + DELAY_HOURS * 3_600_000;
    // The owner is told when the link will work, with a fresh way to cancel it.
    let cancel = random_token();
    let sql = "UPDATE account_recoveries SET approved_by = $1, effective_at = $2, expires_at = $3, cancel_hash = $4 \
               WHERE id = $5 AND approved_by IS NULL AND cancelled_at IS NULL";
    let approved = on_tx!(&mut tx, c => sqlx::query(sql).bind(admin.user_id).bind(effective).bind(effective + VALID_DAYS * 86_400_000)
        .bind(hash_token(&cancel)).bind(rid).execute(&mut **c).await.map(affected))?;
    if approved != 1 {
        return Err(AppError::invalid("error-recovery-not-waiting"));
    }
    let member = account(&state.db, r.user_id).await?;
    let locale = Locale::parse(&member.locale).unwrap_or(Locale::En);
    let cancel_link =
        state.config.base_url.join(&format!("recover/cancel/{cancel}")).map_err(|e| AppError::Internal(e.into()))?;
    let when = crate::web::zone::datetime(effective, state.config.time_zone).unwrap_or_default();
    let mail = Mail {
        to: &member.email,
        subject: locale.t("mail-recovery-subject"),
        body: locale.t_args("mail-recovery-body", &[("date", when), ("cancel", cancel_link.to_string())]),
        kind: "account_recovery",
        unsubscribe: None,
    };
    outbox::enqueue(&mut tx, mail).await?;
    audit::record(&mut tx, record(AuditAction::RecoveryApproved, Some(admin.user_id), r.user_id, ip)).await?;
    tx.commit().await?;
    Ok(Redirect::to(&back).into_response())
}

async fn admin_cancel(
    State(state): State<AppState>,
    Admin(admin): Admin,
    ClientIp(ip): ClientIp,
    Path(rid): Path<i64>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    let r = recovery(&mut tx, rid).await?.ok_or(AppError::NotFound)?;
    cancel_in(&mut tx, state.clock.now_ms(), r.id).await?;
    audit::record(&mut tx, record(AuditAction::RecoveryCancelled, Some(admin.user_id), r.user_id, ip)).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/admin/users/{}/recovery", r.user_id)).into_response())
}

/// Cancel any open recovery of `user` (their role changed: an approval given for one role
/// does not carry to another).
pub async fn cancel_open(tx: &mut Tx, now: i64, user: i64) -> Result<u64, sqlx::Error> {
    let sql = "UPDATE account_recoveries SET cancelled_at = $1 WHERE user_id = $2 AND cancelled_at IS NULL AND used_at IS NULL";
    on_tx!(tx, c => sqlx::query(sql).bind(now).bind(user).execute(&mut **c).await.map(affected))
}

async fn cancel_in(tx: &mut Tx, now: i64, id: i64) -> Result<u64, sqlx::Error> {
    let sql =
        "UPDATE account_recoveries SET cancelled_at = $1 WHERE id = $2 AND cancelled_at IS NULL AND used_at IS NULL";
    on_tx!(tx, c => sqlx::query(sql).bind(now).bind(id).execute(&mut **c).await.map(affected))
}

// ---- the member's side ---------------------------------------------------------------------

fn gone(page: &Page, state: &AppState) -> AppResult<Response> {
    let html = notice(page, state, "recover-gone-title", page.t("recover-gone-text"))?;
    Ok((StatusCode::GONE, html).into_response())
}

/// The recovery of `token` if it can be used now; otherwise the page to answer with.
async fn usable(state: &AppState, page: &Page, token: &str) -> AppResult<Result<Recovery, Response>> {
    let now = state.clock.now_ms();
    let Some(r) = by_token(&state.db, "token_hash", token).await?.filter(|r| r.open(now)) else {
        return Ok(Err(gone(page, state)?));
    };
    match r.effective_at {
        Some(at) if at <= now => Ok(Ok(r)),
        Some(at) => {
            let date = crate::web::zone::datetime(at, page.zone).unwrap_or_default();
            let text = page.locale.t_args("recover-not-yet", &[("date", date)]);
            Ok(Err(notice(page, state, "recover-title", text)?.into_response()))
        }
        None => Ok(Err(notice(page, state, "recover-title", page.t("recover-not-approved"))?.into_response())),
    }
}

async fn recover_form(State(state): State<AppState>, page: Page, Path(token): Path<String>) -> AppResult<Response> {
    match usable(&state, &page, &token).await? {
        Ok(_) => Ok(page.render(&state, "accounts/recover.html", context! { token })?.into_response()),
        Err(answer) => Ok(answer),
    }
}

#[derive(Deserialize)]
struct RecoverForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

async fn recover(
    State(state): State<AppState>,
    page: Page,
    ClientIp(ip): ClientIp,
    Path(token): Path<String>,
    Form(form): Form<RecoverForm>,
) -> AppResult<Response> {
    let r = match usable(&state, &page, &token).await? {
        Ok(r) => r,
        Err(answer) => return Ok(answer),
    };
    let member = account(&state.db, r.user_id).await?;
    let new_password = match NewPassword::parse(&form.password, &form.confirm, &[member.email.as_str()]) {
        Ok(p) => p,
        Err(e) => return Ok(form_error(&page, &state, "accounts/recover.html", context! { token }, e)),
    };
    let hash = password::hash(new_password.as_str().to_string()).await?;
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    let sql = "UPDATE account_recoveries SET used_at = $1 WHERE id = $2 AND used_at IS NULL AND cancelled_at IS NULL \
               AND effective_at <= $1 AND expires_at > $1";
    let claimed = on_tx!(&mut tx, c => sqlx::query(sql).bind(now).bind(r.id).execute(&mut **c).await.map(affected))?;
    if claimed != 1 {
        return gone(&page, &state);
    }
    set_password(&mut tx, r.user_id, &hash).await?;
    for sql in [
        "DELETE FROM totp_factors WHERE user_id = $1",
        "DELETE FROM passkeys WHERE user_id = $1",
        "DELETE FROM recovery_codes WHERE user_id = $1",
    ] {
        on_tx!(&mut tx, c => sqlx::query(sql).bind(r.user_id).execute(&mut **c).await.map(affected))?;
    }
    audit::record(&mut tx, record(AuditAction::RecoveryUsed, Some(r.user_id), r.user_id, ip)).await?;
    let locale = Locale::parse(&member.locale).unwrap_or(Locale::En);
    let mail = Mail {
        to: &member.email,
        subject: locale.t("mail-recovered-subject"),
        body: locale.t("mail-recovered-body"),
        kind: "account_recovery",
        unsubscribe: None,
    };
    outbox::enqueue(&mut tx, mail).await?;
    tx.commit().await?;
    Ok(Redirect::to("/signin?done=recovered").into_response())
}

async fn cancel_form(State(state): State<AppState>, page: Page, Path(token): Path<String>) -> AppResult<Response> {
    let now = state.clock.now_ms();
    match by_token(&state.db, "cancel_hash", &token).await?.filter(|r| r.open(now)) {
        Some(_) => Ok(page.render(&state, "accounts/recover_cancel.html", context! { token })?.into_response()),
        None => gone(&page, &state),
    }
}

async fn cancel(
    State(state): State<AppState>,
    page: Page,
    ClientIp(ip): ClientIp,
    Path(token): Path<String>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    let now = state.clock.now_ms();
    let Some(r) = by_token(&state.db, "cancel_hash", &token).await?.filter(|r| r.open(now)) else {
        return gone(&page, &state);
    };
    let mut tx = state.db.begin().await?;
    cancel_in(&mut tx, now, r.id).await?;
    audit::record(&mut tx, record(AuditAction::RecoveryCancelled, None, r.user_id, ip)).await?;
    tx.commit().await?;
    Ok(notice(&page, &state, "recover-cancel-title", page.t("recover-cancelled"))?.into_response())
}
