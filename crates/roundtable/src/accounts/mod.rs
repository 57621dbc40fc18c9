//! Accounts: invitation-only sign-up, sign-in with throttling, sessions, password change
//! and reset.

pub mod bulk;
pub mod confirm;
pub mod domain;
pub mod factors;
pub mod invitations;
pub mod passkeys;
pub mod password;
pub mod recovery;
pub mod throttle;
pub mod tokens;

use axum::extract::{Path, Query, State};
use axum::http::header::{SET_COOKIE, USER_AGENT};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};

use crate::audit::{self, Detail, Entry};
use crate::db::{now_ms, Db, Tx};
use crate::outbox::{self, Mail};
use crate::vocab::Role;
use crate::web::session::{
    cookie_header, create_session, hash_token, random_token, read_cookie, SessionKind, SESSION_COOKIE,
};
use crate::web::Routes;
use crate::web::{safe_next, AppError, AppResult, AppState, ClientIp, Form, Locale, Page, SignedIn};
use crate::{on_db, on_tx};
use domain::{DisplayName, Email, NewPassword};

pub const TEMPLATES: &[(&str, &str)] = &[
    ("accounts/signin.html", include_str!("templates/signin.html")),
    ("accounts/accept.html", include_str!("templates/accept.html")),
    ("accounts/forgot.html", include_str!("templates/forgot.html")),
    ("accounts/reset.html", include_str!("templates/reset.html")),
    ("accounts/password.html", include_str!("templates/password.html")),
    ("accounts/sessions.html", include_str!("templates/sessions.html")),
    ("accounts/invitations.html", include_str!("templates/invitations.html")),
    ("accounts/bulk.html", include_str!("templates/bulk.html")),
    ("accounts/invite_choices.html", include_str!("templates/invite_choices.html")),
    ("accounts/notice.html", include_str!("templates/notice.html")),
    ("accounts/code.html", include_str!("templates/code.html")),
    ("accounts/security.html", include_str!("templates/security.html")),
    ("accounts/totp.html", include_str!("templates/totp.html")),
    ("accounts/recovery.html", include_str!("templates/recovery.html")),
    ("accounts/revoke.html", include_str!("templates/revoke.html")),
    ("accounts/passkey.html", include_str!("templates/passkey.html")),
    ("accounts/confirm.html", include_str!("templates/confirm.html")),
    ("accounts/recovery_admin.html", include_str!("templates/recovery_admin.html")),
    ("accounts/recover.html", include_str!("templates/recover.html")),
    ("accounts/recover_cancel.html", include_str!("templates/recover_cancel.html")),
    ("accounts/tokens.html", include_str!("templates/tokens.html")),
];

pub use invitations::{create_invitation, NewInvitation, INVITATION_DAYS};
pub const RESET_MINUTES: i64 = 60;
/// Reset requests per address typed, per hour: enough for a lost e-mail, too few to spam.
const RESETS_PER_HOUR: i64 = 3;

pub fn routes() -> Routes {
    vec![
        ("/signin", get(signin_form).post(signin)),
        ("/signout", post(signout)),
        ("/password/forgot", get(forgot_form).post(forgot)),
        ("/password/reset/{token}", get(reset_form).post(reset)),
        ("/account/password", get(password_form).post(change_password)),
        ("/account/sessions", get(sessions)),
        ("/account/sessions/{id}/revoke", post(revoke_session)),
        ("/account/sessions/revoke-all", post(revoke_all_sessions)),
        ("/account/sessions/revoke-others", post(revoke_other_sessions)),
        ("/account/delete", post(delete_account)),
    ]
    .into_iter()
    .chain(invitations::routes())
    .chain(bulk::routes())
    .chain(factors::routes())
    .chain(passkeys::routes())
    .chain(confirm::routes())
    .chain(tokens::routes())
    .chain(recovery::routes())
    .collect()
}

/// Re-show a form with the message of a validation error, keeping what was typed;
/// any other error goes on to the error page.
pub(super) fn form_error(page: &Page, state: &AppState, template: &str, ctx: Value, err: AppError) -> Response {
    match err {
        AppError::Invalid(message) | AppError::TooMany(message) => {
            let error = page.locale.t_args(message.id, &message.args);
            match page.render(state, template, context! { error, ..ctx }) {
                Ok(html) => (StatusCode::UNPROCESSABLE_ENTITY, html).into_response(),
                Err(e) => e.into_response(),
            }
        }
        other => other.into_response(),
    }
}

pub(super) fn notice(page: &Page, state: &AppState, title: &str, text: String) -> AppResult<Html<String>> {
    page.render(state, "accounts/notice.html", context! { title => page.t(title), text })
}

pub(super) fn device(headers: &HeaderMap) -> String {
    headers.get(USER_AGENT).and_then(|v| v.to_str().ok()).map(crate::web::session::describe_device).unwrap_or_default()
}

/// The session's cookie: kept for the session's lifetime, or, on a shared device, only
/// until the browser closes.
pub(super) fn session_cookie(
    state: &AppState,
    token: &str,
    how: SessionKind,
) -> (axum::http::HeaderName, axum::http::HeaderValue) {
    let max_age = (!how.shared).then_some(state.config.session_lifetime_hours * 3600);
    (SET_COOKIE, cookie_header(state, SESSION_COOKIE, token, max_age))
}

// ---- sign-in and sign-out -------------------------------------------------------------

#[derive(Deserialize)]
struct NextQuery {
    next: Option<String>,
    done: Option<String>,
}

async fn signin_form(State(state): State<AppState>, page: Page, Query(q): Query<NextQuery>) -> AppResult<Response> {
    if page.viewer.is_member() {
        return Ok(Redirect::to(&safe_next(q.next.as_deref())).into_response());
    }
    let done = q
        .done
        .filter(|d| matches!(d.as_str(), "reset" | "signedout" | "password" | "deleted" | "expired" | "recovered"))
        .map(|d| page.t(&format!("notice-{d}")));
    Ok(page
        .render(
            &state,
            "accounts/signin.html",
            context! { email => "", next => safe_next(q.next.as_deref()), done, passkeys => passkeys::relying_party(&state).is_some() },
        )?
        .into_response())
}

#[derive(Deserialize)]
struct SigninForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
    /// "This is a shared device".
    shared: Option<String>,
}

#[derive(sqlx::FromRow)]
struct Credentials {
    id: i64,
    password_hash: String,
    locale: String,
}

async fn credentials(db: &Db, email: &str) -> Result<Option<Credentials>, sqlx::Error> {
    let sql = "SELECT id, password_hash, locale FROM users WHERE email = $1 AND active = TRUE";
    on_db!(db, pool => sqlx::query_as(sql).bind(email).fetch_optional(pool).await)
}

async fn signin(
    State(state): State<AppState>,
    page: Page,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Form(form): Form<SigninForm>,
) -> AppResult<Response> {
    let next = safe_next(form.next.as_deref());
    let ctx = context! { email => form.email.trim(), next, passkeys => passkeys::relying_party(&state).is_some() };
    let email = form.email.trim().to_lowercase();
    // The same two reads whether the address is known or not, and whether the device is.
    let account = credentials(&state.db, &email).await?;
    let device_cookie = read_cookie(&state, &headers, throttle::DEVICE_COOKIE).unwrap_or_default();
    let known_device = throttle::known_device(&state.db, account.as_ref().map_or(-1, |a| a.id), &device_cookie).await?;
    let keys = throttle::keys_for(&email, ip, known_device.as_deref());
    // The attempt is counted before the password is checked, so that a burst of parallel
    // guesses cannot all slip in under the limit.
    let attempt = match throttle::attempt(&state.db, &keys).await {
        Ok(ids) => ids,
        Err(e) => {
            let target = account.as_ref().map(|c| c.id);
            let mut tx = state.db.begin().await?;
            audit::record(
                &mut tx,
                Entry {
                    actor: None,
                    action: crate::vocab::AuditAction::SigninThrottled,
                    target,
                    detail: Detail::None,
                    ip,
                },
            )
            .await?;
            tx.commit().await?;
            return Ok(form_error(&page, &state, "accounts/signin.html", ctx, e));
        }
    };

    let stored = account.as_ref().map(|a| a.password_hash.clone());
    let valid = !form.password.is_empty() && password::verify(form.password, stored).await?;
    let target = account.as_ref().map(|c| c.id);
    let Some(account) = account.filter(|_| valid) else {
        let mut tx = state.db.begin().await?;
        audit::record(
            &mut tx,
            Entry { actor: None, action: crate::vocab::AuditAction::SigninFailed, target, detail: Detail::None, ip },
        )
        .await?;
        tx.commit().await?;
        // One message whether the address is unknown or the password wrong.
        return Ok(form_error(&page, &state, "accounts/signin.html", ctx, AppError::invalid("error-signin-failed")));
    };
    throttle::forget(&state.db, &attempt).await?;
    let shared = form.shared.is_some();
    if factors::required(&state.db, account.id).await? {
        return factors::ask(&state, account.id, &next, shared).await;
    }
    finish_signin(&state, &headers, ip, account.id, SessionKind { second_factor: false, shared }, &next).await
}

/// Ends a sign-in whose password (and second factor, where one is set) was right: a new
/// session, audited; the address's failed attempts forgotten; the device remembered, and
/// the member told by mail when it is a new one beside those it knew.
pub(super) async fn finish_signin(
    state: &AppState,
    headers: &HeaderMap,
    ip: Option<std::net::IpAddr>,
    user_id: i64,
    how: SessionKind,
    next: &str,
) -> AppResult<Response> {
    let sql = "SELECT email, locale FROM users WHERE id = $1";
    let (email, locale): (String, String) =
        on_db!(&state.db, pool => sqlx::query_as(sql).bind(user_id).fetch_one(pool).await)?;
    let locale = Locale::parse(&locale).unwrap_or(Locale::En);
    let device_cookie = read_cookie(state, headers, throttle::DEVICE_COOKIE).unwrap_or_default();
    let known_device = throttle::known_device(&state.db, user_id, &device_cookie).await?;
    // The very first device an account signs in from is no news to its owner.
    let sql = "SELECT COUNT(*) FROM signin_devices WHERE user_id = $1";
    let devices: i64 = on_db!(&state.db, pool => sqlx::query_scalar(sql).bind(user_id).fetch_one(pool).await)?;
    let mut tx = state.db.begin().await?;
    // A new token at every sign-in: a session id planted before sign-in is worth nothing.
    if let Some(old) = read_cookie(state, headers, SESSION_COOKIE) {
        on_tx!(&mut tx, c => sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(hash_token(&old)).execute(&mut **c).await.map(crate::db::affected))?;
    }
    let device = device(headers);
    let token = create_session(&mut tx, state, user_id, &device, how).await?;
    audit::record(
        &mut tx,
        Entry {
            actor: Some(user_id),
            action: crate::vocab::AuditAction::Signin,
            target: None,
            detail: Detail::None,
            ip,
        },
    )
    .await?;
    if known_device.is_none() && devices > 0 {
        // Browser, system and time; never a place.
        let when = crate::web::zone::datetime(now_ms(), state.config.time_zone).unwrap_or_default();
        let args = [("device", device.clone()), ("when", when)];
        let mail = Mail {
            to: &email,
            subject: locale.t("mail-new-device-subject"),
            body: locale.t_args("mail-new-device-body", &args),
            kind: "new_device",
            unsubscribe: None,
        };
        outbox::enqueue(&mut tx, mail).await?;
    }
    tx.commit().await?;
    throttle::clear(&state.db, &email).await?;
    let mut response = Redirect::to(next).into_response();
    let cookies = response.headers_mut();
    cookies.append(SET_COOKIE, session_cookie(state, &token, how).1);
    if let Some(new_device) = throttle::remember_device(&state.db, user_id, known_device.as_deref()).await? {
        let max_age = throttle::DEVICE_DAYS * 86_400;
        cookies.append(SET_COOKIE, cookie_header(state, throttle::DEVICE_COOKIE, &new_device, Some(max_age)));
    }
    // A language chosen on this device before signing in stays; otherwise the account's applies.
    if read_cookie(state, headers, crate::web::session::LANG_COOKIE).is_none() {
        cookies.append(
            SET_COOKIE,
            cookie_header(state, crate::web::session::LANG_COOKIE, locale.tag(), Some(365 * 86400)),
        );
    }
    Ok(response)
}

#[derive(Deserialize)]
pub(super) struct Empty {}

async fn signout(State(state): State<AppState>, SignedIn(user): SignedIn, Form(_): Form<Empty>) -> AppResult<Response> {
    crate::web::session::end(&state.db, user.session_id).await?;
    let clear = cookie_header(&state, SESSION_COOKIE, "", Some(0));
    // What the browser kept of the pages goes too; the device and language cookies stay, so
    // that the owner's next sign-in is still from a known device.
    let forget = axum::http::HeaderValue::from_static("\"cache\", \"storage\"");
    let headers = [(SET_COOKIE, clear), (axum::http::HeaderName::from_static("clear-site-data"), forget)];
    Ok((headers, Redirect::to("/signin?done=signedout")).into_response())
}

/// Insert an account and its profile with the protective defaults.
pub async fn create_user(
    tx: &mut Tx,
    email: &str,
    password_hash: &str,
    role: Role,
    display_name: &str,
    locale: Locale,
) -> AppResult<i64> {
    let now = now_ms();
    let sql = "INSERT INTO users (id, email, password_hash, role, display_name, locale, created_at) \
               VALUES ($7, $1, $2, $3, $4, $5, $6) RETURNING id";
    let id: i64 = on_tx!(tx, c => sqlx::query_scalar(sql).bind(email).bind(password_hash).bind(role.key())
        .bind(display_name).bind(locale.tag()).bind(now).bind(crate::db::secret_id()).fetch_one(&mut **c).await)?;
    on_tx!(tx, c => sqlx::query("INSERT INTO profiles (user_id, updated_at) VALUES ($1, $2)")
        .bind(id).bind(now).execute(&mut **c).await.map(crate::db::affected))?;
    Ok(id)
}

// ---- password reset ---------------------------------------------------------------------

async fn forgot_form(State(state): State<AppState>, page: Page) -> AppResult<Html<String>> {
    page.render(&state, "accounts/forgot.html", context! { email => "" })
}

#[derive(Deserialize)]
struct ForgotForm {
    #[serde(default)]
    email: String,
}

async fn forgot(State(state): State<AppState>, page: Page, Form(form): Form<ForgotForm>) -> AppResult<Response> {
    let email = match Email::parse(&form.email) {
        Ok(e) => e,
        Err(e) => {
            return Ok(form_error(&page, &state, "accounts/forgot.html", context! { email => form.email }, e));
        }
    };
    let key = format!("reset:{}", hash_token(email.as_str()));
    let now = state.clock.now_ms();
    let (recent, _) = throttle::failures(&state.db, &key, now - crate::web::limits::HOUR).await?;
    // The answer is the same whether or not an account exists.
    let answer = notice(&page, &state, "forgot-sent-title", page.t("forgot-sent-text"))?;
    if recent >= RESETS_PER_HOUR {
        return Ok(answer.into_response());
    }
    // The same work whether or not an account has this address: one read, one token, one
    // mail written, and one transaction that always writes (the request's count) and
    // whose other statements the database carries out only for an account, so that the
    // time of the answer tells nothing.
    let account = credentials(&state.db, email.as_str()).await?;
    let token = random_token();
    let link =
        state.config.base_url.join(&format!("password/reset/{token}")).map_err(|e| AppError::Internal(e.into()))?;
    let locale = account.as_ref().and_then(|a| Locale::parse(&a.locale)).unwrap_or(page.locale);
    let args = [("link", link.to_string()), ("minutes", RESET_MINUTES.to_string())];
    let mut tx = state.db.begin().await?;
    throttle::record_failure_in(&mut tx, &key, now).await?;
    let sql = "INSERT INTO password_resets (user_id, token_hash, created_at, expires_at) \
               SELECT id, $2, $3, $4 FROM users WHERE email = $1 AND active = TRUE";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(email.as_str()).bind(hash_token(&token)).bind(now)
        .bind(now + RESET_MINUTES * 60_000).execute(&mut **c).await.map(crate::db::affected))?;
    let mail = Mail {
        to: email.as_str(),
        subject: locale.t("mail-reset-subject"),
        body: locale.t_args("mail-reset-body", &args),
        kind: "password_reset",
        unsubscribe: None,
    };
    outbox::enqueue_for_account(&mut tx, mail).await?;
    tx.commit().await?;
    Ok(answer.into_response())
}

async fn open_reset(db: &Db, token: &str) -> Result<Option<(i64, i64, String)>, sqlx::Error> {
    let sql = "SELECT r.id, r.user_id, u.email FROM password_resets r JOIN users u ON u.id = r.user_id \
               WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > $2 AND u.active = TRUE";
    on_db!(db, pool => sqlx::query_as(sql).bind(hash_token(token)).bind(now_ms()).fetch_optional(pool).await)
}

fn reset_gone(page: &Page, state: &AppState) -> AppResult<Response> {
    let html = notice(page, state, "reset-gone-title", page.t("reset-gone-text"))?;
    Ok((StatusCode::GONE, html).into_response())
}

async fn reset_form(State(state): State<AppState>, page: Page, Path(token): Path<String>) -> AppResult<Response> {
    match open_reset(&state.db, &token).await? {
        Some(_) => Ok(page.render(&state, "accounts/reset.html", context! { token })?.into_response()),
        None => reset_gone(&page, &state),
    }
}

#[derive(Deserialize)]
struct ResetForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

async fn reset(
    State(state): State<AppState>,
    page: Page,
    ClientIp(ip): ClientIp,
    Path(token): Path<String>,
    Form(form): Form<ResetForm>,
) -> AppResult<Response> {
    let Some((reset_id, user_id, email)) = open_reset(&state.db, &token).await? else {
        return reset_gone(&page, &state);
    };
    let new_password = match NewPassword::parse(&form.password, &form.confirm, &[email.as_str()]) {
        Ok(p) => p,
        Err(e) => return Ok(form_error(&page, &state, "accounts/reset.html", context! { token }, e)),
    };
    let hash = password::hash(new_password.as_str().to_string()).await?;
    let mut tx = state.db.begin().await?;
    let claimed = on_tx!(&mut tx, c => sqlx::query("UPDATE password_resets SET used_at = $1 WHERE id = $2 AND used_at IS NULL")
        .bind(now_ms()).bind(reset_id).execute(&mut **c).await.map(crate::db::affected))?;
    if claimed == 0 {
        return reset_gone(&page, &state);
    }
    set_password(&mut tx, user_id, &hash).await?;
    audit::record(
        &mut tx,
        Entry {
            actor: Some(user_id),
            action: crate::vocab::AuditAction::PasswordReset,
            target: None,
            detail: Detail::None,
            ip,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to("/signin?done=reset").into_response())
}

/// Store a new hash and end every session and API token of the account: whoever knew the old password
/// is signed out everywhere, and no device is known to the account any more.
async fn set_password(tx: &mut Tx, user_id: i64, hash: &str) -> AppResult<()> {
    on_tx!(tx, c => sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2").bind(hash).bind(user_id).execute(&mut **c).await.map(crate::db::affected))?;
    crate::web::session::end_everywhere(tx, user_id).await?;
    throttle::forget_devices(tx, user_id).await?;
    on_tx!(tx, c => sqlx::query("UPDATE password_resets SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL")
        .bind(now_ms()).bind(user_id).execute(&mut **c).await.map(crate::db::affected))?;
    Ok(())
}

// ---- signed-in account pages -----------------------------------------------------------

async fn password_form(State(state): State<AppState>, page: Page, SignedIn(user): SignedIn) -> AppResult<Html<String>> {
    user.require_confirmed("/account/password")?;
    page.render(&state, "accounts/password.html", context! {})
}

#[derive(Deserialize)]
struct ChangeForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

async fn change_password(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Form(form): Form<ChangeForm>,
) -> AppResult<Response> {
    user.require_confirmed("/account/password")?;
    let (stored, email): (String, String) = on_db!(&state.db, pool => sqlx::query_as("SELECT password_hash, email FROM users WHERE id = $1")
        .bind(user.user_id).fetch_one(pool).await)?;
    let attempt =
        match throttle::attempt(&state.db, &[(throttle::current_password_key(user.user_id), throttle::PER_ACCOUNT)])
            .await
        {
            Ok(ids) => ids,
            Err(e) => return Ok(form_error(&page, &state, "accounts/password.html", context! {}, e)),
        };
    if !password::verify(form.current, Some(stored)).await? {
        return Ok(form_error(
            &page,
            &state,
            "accounts/password.html",
            context! {},
            AppError::invalid("error-password-current"),
        ));
    }
    throttle::forget(&state.db, &attempt).await?;
    let new_password =
        match NewPassword::parse(&form.password, &form.confirm, &[email.as_str(), user.display_name.as_str()]) {
            Ok(p) => p,
            Err(e) => return Ok(form_error(&page, &state, "accounts/password.html", context! {}, e)),
        };
    let hash = password::hash(new_password.as_str().to_string()).await?;
    let mut tx = state.db.begin().await?;
    set_password(&mut tx, user.user_id, &hash).await?;
    let token = create_session(&mut tx, &state, user.user_id, &device(&headers), user.how).await?;
    audit::record(
        &mut tx,
        Entry {
            actor: Some(user.user_id),
            action: crate::vocab::AuditAction::PasswordChanged,
            target: None,
            detail: Detail::None,
            ip,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(([session_cookie(&state, &token, user.how)], Redirect::to("/account/sessions?done=password")).into_response())
}

#[derive(sqlx::FromRow, Serialize)]
struct SessionView {
    id: i64,
    device: String,
    created_at: i64,
    last_seen_at: i64,
    second_factor: bool,
    shared: bool,
}

async fn sessions_context(state: &AppState, user: &crate::web::session::SessionUser) -> AppResult<Value> {
    let sql = "SELECT id, device, created_at, last_seen_at, second_factor, shared FROM sessions WHERE user_id = $1 AND expires_at > $2 ORDER BY last_seen_at DESC";
    let list: Vec<SessionView> =
        on_db!(&state.db, pool => sqlx::query_as(sql).bind(user.user_id).bind(now_ms()).fetch_all(pool).await)?;
    let tokens = tokens::of_account(state, user.user_id).await?;
    Ok(context! { sessions => list, current => user.session_id, tokens })
}

async fn sessions(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Query(q): Query<NextQuery>,
) -> AppResult<Html<String>> {
    let done = q
        .done
        .filter(|d| d == "password" || d == "others")
        .map(|d| page.t(if d == "password" { "notice-password" } else { "notice-signed-out-elsewhere" }));
    let ctx = sessions_context(&state, &user).await?;
    page.render(&state, "accounts/sessions.html", context! { done, ..ctx })
}

async fn revoke_session(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    // Scoped to the owner: another member's session id simply matches nothing.
    let done = on_db!(&state.db, pool => sqlx::query("DELETE FROM sessions WHERE id = $1 AND user_id = $2")
        .bind(id).bind(user.user_id).execute(pool).await.map(crate::db::affected))?;
    if done == 0 {
        return Err(AppError::NotFound);
    }
    if id == user.session_id {
        let clear = cookie_header(&state, SESSION_COOKIE, "", Some(0));
        return Ok(([(SET_COOKIE, clear)], Redirect::to("/signin?done=signedout")).into_response());
    }
    Ok(Redirect::to("/account/sessions").into_response())
}

async fn revoke_all_sessions(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ClientIp(ip): ClientIp,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    crate::web::session::end_everywhere(&mut tx, user.user_id).await?;
    // A lost or shared device stops counting as the owner's.
    throttle::forget_devices(&mut tx, user.user_id).await?;
    audit::record(
        &mut tx,
        Entry {
            actor: Some(user.user_id),
            action: crate::vocab::AuditAction::SignedOutEverywhere,
            target: None,
            detail: Detail::None,
            ip,
        },
    )
    .await?;
    crate::members::search::index(&mut tx, user.user_id).await?;
    tx.commit().await?;
    let clear = cookie_header(&state, SESSION_COOKIE, "", Some(0));
    Ok(([(SET_COOKIE, clear)], Redirect::to("/signin?done=signedout")).into_response())
}

/// Every other session ends; this one stays (after adding a factor, say, so that a session
/// someone else may hold must now sign in again with it).
async fn revoke_other_sessions(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ClientIp(ip): ClientIp,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    on_tx!(&mut tx, c => sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id <> $2").bind(user.user_id)
        .bind(user.session_id).execute(&mut **c).await.map(crate::db::affected))?;
    audit::record(
        &mut tx,
        Entry {
            actor: Some(user.user_id),
            action: crate::vocab::AuditAction::SignedOutEverywhere,
            target: None,
            detail: Detail::None,
            ip,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to("/account/sessions?done=others").into_response())
}

#[derive(Deserialize)]
struct DeleteForm {
    #[serde(default)]
    password: String,
}

/// A member leaves: the account and everything attached to it (profile, photo, contacts,
/// affiliations, sessions) is deleted; audit entries keep the event but lose the name.
async fn delete_account(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Form(form): Form<DeleteForm>,
) -> AppResult<Response> {
    user.require_confirmed("/account/sessions")?;
    let (stored, email): (String, String) = on_db!(&state.db, pool => sqlx::query_as("SELECT password_hash, email FROM users WHERE id = $1")
        .bind(user.user_id).fetch_one(pool).await)?;
    // Guessing the password here is throttled like signing in.
    let attempt =
        match throttle::attempt(&state.db, &[(throttle::current_password_key(user.user_id), throttle::PER_ACCOUNT)])
            .await
        {
            Ok(ids) => ids,
            Err(e) => {
                let ctx = sessions_context(&state, &user).await?;
                return Ok(form_error(&page, &state, "accounts/sessions.html", ctx, e));
            }
        };
    if !password::verify(form.password, Some(stored)).await? {
        let ctx = sessions_context(&state, &user).await?;
        return Ok(form_error(
            &page,
            &state,
            "accounts/sessions.html",
            ctx,
            AppError::invalid("error-password-current"),
        ));
    }
    throttle::forget(&state.db, &attempt).await?;
    if user.role == Role::Admin {
        let admins: i64 = on_db!(&state.db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE role = 'admin' AND active = TRUE")
            .fetch_one(pool).await)?;
        if admins <= 1 {
            let ctx = sessions_context(&state, &user).await?;
            return Ok(form_error(&page, &state, "accounts/sessions.html", ctx, AppError::invalid("error-last-admin")));
        }
    }
    let mut tx = state.db.begin().await?;
    // The address also sits in queued mail, in old invitations and (hashed) in throttling rows.
    for sql in ["DELETE FROM outbox WHERE to_addr = $1", "DELETE FROM invitations WHERE email = $1"] {
        on_tx!(&mut tx, c => sqlx::query(sql).bind(&email).execute(&mut **c).await.map(crate::db::affected))?;
    }
    let account_key = throttle::account_key(&email);
    on_tx!(&mut tx, c => sqlx::query("DELETE FROM signin_failures WHERE key = $1 OR key LIKE $2 OR key = $3")
        .bind(&account_key).bind(format!("{account_key}:%")).bind(throttle::current_password_key(user.user_id))
        .execute(&mut **c).await.map(crate::db::affected))?;
    on_tx!(&mut tx, c => sqlx::query("DELETE FROM users WHERE id = $1").bind(user.user_id).execute(&mut **c).await.map(crate::db::affected))?;
    audit::record(
        &mut tx,
        Entry {
            actor: None,
            action: crate::vocab::AuditAction::AccountDeleted,
            target: None,
            detail: Detail::None,
            ip: None,
        },
    )
    .await?;
    crate::members::search::index(&mut tx, user.user_id).await?;
    tx.commit().await?;
    let clear = cookie_header(&state, SESSION_COOKIE, "", Some(0));
    Ok(([(SET_COOKIE, clear)], Redirect::to("/signin?done=deleted")).into_response())
}

/// Used by the command line: an account with a password chosen there.
pub async fn create_account(db: &Db, email: &str, role: Role, name: &str, password: &str) -> anyhow::Result<i64> {
    let email = Email::parse(email).map_err(|e| anyhow::anyhow!(Locale::En.t(e.message().id)))?;
    let name = DisplayName::parse(name).map_err(|e| anyhow::anyhow!(Locale::En.t(e.message().id)))?;
    let password = NewPassword::parse(password, password, &[email.as_str()])
        .map_err(|e| anyhow::anyhow!(Locale::En.t_args(e.message().id, &e.message().args)))?;
    let hash = password::hash(password.as_str().to_string()).await?;
    let mut tx = db.begin().await?;
    let id =
        create_user(&mut tx, email.as_str(), &hash, role, name.as_str(), Locale::En).await.map_err(|e| match e {
            AppError::Db(e) if crate::db::is_unique_violation(&e) => {
                anyhow::anyhow!("an account with this e-mail exists already")
            }
            other => anyhow::anyhow!("{other}"),
        })?;
    let detail = Detail::CommandLine { role };
    audit::record(
        &mut tx,
        Entry { actor: None, action: crate::vocab::AuditAction::AccountCreated, target: Some(id), detail, ip: None },
    )
    .await?;
    crate::members::search::index(&mut tx, id).await?;
    tx.commit().await?;
    Ok(id)
}
