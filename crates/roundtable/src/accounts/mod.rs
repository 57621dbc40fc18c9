//! Accounts: invitation-only sign-up, sign-in with throttling, sessions, password change
//! and reset.

pub mod domain;
pub mod password;
pub mod throttle;

use axum::extract::{Path, Query, State};
use axum::http::header::{SET_COOKIE, USER_AGENT};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};

use crate::audit::{self, Entry};
use crate::db::{now_ms, Db, Tx};
use crate::outbox::{self, Mail};
use crate::vocab::Role;
use crate::web::session::{cookie_header, create_session, hash_token, random_token, read_cookie, SESSION_COOKIE};
use crate::web::Routes;
use crate::web::{safe_next, AppError, AppResult, AppState, ClientIp, Coordinator, Form, Locale, Page, SignedIn};
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
    ("accounts/notice.html", include_str!("templates/notice.html")),
];

pub const INVITATION_DAYS: i64 = 7;
pub const RESET_MINUTES: i64 = 60;
/// Reset requests per address typed, per hour: enough for a lost e-mail, too few to spam.
const RESETS_PER_HOUR: i64 = 3;

pub fn routes() -> Routes {
    vec![
        ("/signin", get(signin_form).post(signin)),
        ("/signout", post(signout)),
        ("/invite/{token}", get(accept_form).post(accept)),
        ("/password/forgot", get(forgot_form).post(forgot)),
        ("/password/reset/{token}", get(reset_form).post(reset)),
        ("/account/password", get(password_form).post(change_password)),
        ("/account/sessions", get(sessions)),
        ("/account/sessions/{id}/revoke", post(revoke_session)),
        ("/account/sessions/revoke-all", post(revoke_all_sessions)),
        ("/account/delete", post(delete_account)),
        ("/invitations", get(invitations).post(invite)),
        ("/invitations/{id}/revoke", post(revoke_invitation)),
        ("/invitations/{id}/renew", post(renew_invitation)),
    ]
}

/// Re-show a form with the message of a validation error, keeping what was typed;
/// any other error goes on to the error page.
fn form_error(page: &Page, state: &AppState, template: &str, ctx: Value, err: AppError) -> Response {
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

fn notice(page: &Page, state: &AppState, title: &str, text: String) -> AppResult<Html<String>> {
    page.render(state, "accounts/notice.html", context! { title => page.t(title), text })
}

fn device(headers: &HeaderMap) -> String {
    headers.get(USER_AGENT).and_then(|v| v.to_str().ok()).map(crate::web::session::describe_device).unwrap_or_default()
}

fn session_cookie(state: &AppState, token: &str) -> (axum::http::HeaderName, axum::http::HeaderValue) {
    let max_age = state.config.session_lifetime_hours * 3600;
    (SET_COOKIE, cookie_header(state, SESSION_COOKIE, token, Some(max_age)))
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
        .filter(|d| matches!(d.as_str(), "reset" | "signedout" | "password" | "deleted"))
        .map(|d| page.t(&format!("notice-{d}")));
    Ok(page
        .render(&state, "accounts/signin.html", context! { email => "", next => safe_next(q.next.as_deref()), done })?
        .into_response())
}

#[derive(Deserialize)]
struct SigninForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
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
    let ctx = context! { email => form.email.trim(), next };
    let email = form.email.trim().to_lowercase();
    // The same two reads whether the address is known or not, and whether the device is.
    let account = credentials(&state.db, &email).await?;
    let device_cookie = read_cookie(&headers, throttle::DEVICE_COOKIE).unwrap_or_default();
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
                Entry { actor: None, action: crate::vocab::AuditAction::SigninThrottled, target, detail: "", ip },
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
            Entry { actor: None, action: crate::vocab::AuditAction::SigninFailed, target, detail: "", ip },
        )
        .await?;
        tx.commit().await?;
        // One message whether the address is unknown or the password wrong.
        return Ok(form_error(&page, &state, "accounts/signin.html", ctx, AppError::invalid("error-signin-failed")));
    };
    throttle::forget(&state.db, &attempt).await?;

    let mut tx = state.db.begin().await?;
    // A new token at every sign-in: a session id planted before sign-in is worth nothing.
    if let Some(old) = read_cookie(&headers, SESSION_COOKIE) {
        on_tx!(&mut tx, c => sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(hash_token(&old)).execute(&mut **c).await.map(crate::db::affected))?;
    }
    let token = create_session(&mut tx, &state, account.id, &device(&headers)).await?;
    audit::record(
        &mut tx,
        Entry { actor: Some(account.id), action: crate::vocab::AuditAction::Signin, target: None, detail: "", ip },
    )
    .await?;
    tx.commit().await?;
    throttle::clear(&state.db, &email).await?;
    let mut response = Redirect::to(&next).into_response();
    let cookies = response.headers_mut();
    cookies.append(SET_COOKIE, session_cookie(&state, &token).1);
    if let Some(new_device) = throttle::remember_device(&state.db, account.id, known_device.as_deref()).await? {
        let max_age = throttle::DEVICE_DAYS * 86_400;
        cookies.append(SET_COOKIE, cookie_header(&state, throttle::DEVICE_COOKIE, &new_device, Some(max_age)));
    }
    // A language chosen on this device before signing in stays; otherwise the account's applies.
    if read_cookie(&headers, crate::web::session::LANG_COOKIE).is_none() {
        let lang = Locale::parse(&account.locale).unwrap_or(Locale::En);
        cookies
            .append(SET_COOKIE, cookie_header(&state, crate::web::session::LANG_COOKIE, lang.tag(), Some(365 * 86400)));
    }
    Ok(response)
}

#[derive(Deserialize)]
struct Empty {}

async fn signout(State(state): State<AppState>, SignedIn(user): SignedIn, Form(_): Form<Empty>) -> AppResult<Response> {
    on_db!(&state.db, pool => sqlx::query("DELETE FROM sessions WHERE id = $1").bind(user.session_id).execute(pool).await.map(crate::db::affected))?;
    let clear = cookie_header(&state, SESSION_COOKIE, "", Some(0));
    Ok(([(SET_COOKIE, clear)], Redirect::to("/signin?done=signedout")).into_response())
}

// ---- invitations ------------------------------------------------------------------------

#[derive(sqlx::FromRow, Serialize)]
struct PendingInvitation {
    id: i64,
    email: String,
    role: String,
    organisation: Option<String>,
    invited_by: Option<String>,
    created_at: i64,
    expires_at: i64,
}

#[derive(sqlx::FromRow, Serialize)]
pub struct OrgChoice {
    pub id: i64,
    pub name: String,
}

pub async fn org_choices(db: &Db) -> Result<Vec<OrgChoice>, sqlx::Error> {
    on_db!(db, pool => sqlx::query_as("SELECT id, name FROM organisations ORDER BY lower(name)").fetch_all(pool).await)
}

/// The roles a coordinator may hand out; only an admin makes admins.
fn grantable_roles(granter: Role) -> Vec<&'static str> {
    Role::ALL.iter().filter(|r| granter == Role::Admin || **r != Role::Admin).map(|r| r.key()).collect()
}

async fn invitations_context(state: &AppState, granter: Role) -> AppResult<Value> {
    let sql = "SELECT i.id, i.email, i.role, o.name AS organisation, u.display_name AS invited_by, i.created_at, i.expires_at \
               FROM invitations i LEFT JOIN organisations o ON o.id = i.org_id LEFT JOIN users u ON u.id = i.invited_by \
               WHERE i.used_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > $1 ORDER BY i.created_at DESC";
    let pending: Vec<PendingInvitation> =
        on_db!(&state.db, pool => sqlx::query_as(sql).bind(now_ms()).fetch_all(pool).await)?;
    let orgs = org_choices(&state.db).await?;
    Ok(context! { pending, orgs, roles => grantable_roles(granter) })
}

async fn invitations(
    State(state): State<AppState>,
    page: Page,
    Coordinator(user): Coordinator,
) -> AppResult<Html<String>> {
    let ctx = invitations_context(&state, user.role).await?;
    page.render(
        &state,
        "accounts/invitations.html",
        context! { form => context!{ email => "", role => "member" }, ..ctx },
    )
}

#[derive(Deserialize)]
struct InviteForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    organisation: String,
}

pub struct NewInvitation {
    pub email: Email,
    pub role: Role,
    pub org_id: Option<i64>,
}

/// Create an invitation and queue its e-mail; returns the link. Used by the web form and
/// by `roundtable admin invite`.
pub async fn create_invitation(
    tx: &mut Tx,
    state: &AppState,
    invitation: &NewInvitation,
    invited_by: Option<i64>,
    inviter_name: &str,
    locale: Locale,
) -> AppResult<String> {
    let token = random_token();
    let now = now_ms();
    let sql = "INSERT INTO invitations (email, role, org_id, token_hash, invited_by, created_at, expires_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7)";
    on_tx!(tx, c => sqlx::query(sql).bind(invitation.email.as_str()).bind(invitation.role.key())
        .bind(invitation.org_id).bind(hash_token(&token)).bind(invited_by).bind(now)
        .bind(now + INVITATION_DAYS * 86_400_000).execute(&mut **c).await.map(crate::db::affected))?;
    let link = state.config.base_url.join(&format!("invite/{token}")).map_err(|e| AppError::Internal(e.into()))?;
    let args =
        [("inviter", inviter_name.to_string()), ("link", link.to_string()), ("days", INVITATION_DAYS.to_string())];
    outbox::enqueue(
        tx,
        Mail {
            to: invitation.email.as_str(),
            subject: locale.t_args("mail-invitation-subject", &args),
            body: locale.t_args("mail-invitation-body", &args),
            kind: "invitation",
            unsubscribe: None,
        },
    )
    .await?;
    Ok(link.to_string())
}

async fn parse_invitation(state: &AppState, granter: Role, form: &InviteForm) -> AppResult<NewInvitation> {
    let email = Email::parse(&form.email)?;
    let role: Role = form.role.parse()?;
    if !grantable_roles(granter).contains(&role.key()) {
        return Err(AppError::Forbidden);
    }
    let org_id = match form.organisation.trim() {
        "" => None,
        id => {
            let id: i64 = id.parse().map_err(|_| AppError::invalid("error-unknown-organisation"))?;
            let exists: Option<i64> = on_db!(&state.db, pool => sqlx::query_scalar("SELECT id FROM organisations WHERE id = $1")
                .bind(id).fetch_optional(pool).await)?;
            Some(exists.ok_or(AppError::invalid("error-unknown-organisation"))?)
        }
    };
    let taken: Option<i64> = on_db!(&state.db, pool => sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
        .bind(email.as_str()).fetch_optional(pool).await)?;
    if taken.is_some() {
        return Err(AppError::invalid("error-email-taken"));
    }
    Ok(NewInvitation { email, role, org_id })
}

/// The pending invitation for this address, if there is one.
async fn pending_for(db: &Db, email: &str) -> Result<Option<i64>, sqlx::Error> {
    on_db!(db, pool => sqlx::query_scalar(
        "SELECT id FROM invitations WHERE email = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $2")
        .bind(email).bind(now_ms()).fetch_optional(pool).await)
}

/// The invitations page after an invitation was made: its link, shown once.
async fn created_page(state: &AppState, page: &Page, granter: Role, email: &str, link: String) -> AppResult<Response> {
    let ctx = invitations_context(state, granter).await?;
    let created = context! { email, link };
    Ok(page
        .render(
            state,
            "accounts/invitations.html",
            context! { created, form => context!{ email => "", role => "member" }, ..ctx },
        )?
        .into_response())
}

async fn invite(
    State(state): State<AppState>,
    page: Page,
    Coordinator(user): Coordinator,
    ClientIp(ip): ClientIp,
    Form(form): Form<InviteForm>,
) -> AppResult<Response> {
    let invitation = match parse_invitation(&state, user.role, &form).await {
        Ok(i) => i,
        Err(e) => {
            let ctx = invitations_context(&state, user.role).await?;
            let ctx = context! { form => context!{ email => form.email, role => form.role }, ..ctx };
            return Ok(form_error(&page, &state, "accounts/invitations.html", ctx, e));
        }
    };
    // Someone invited already: offer to renew that invitation (its link was shown once and
    // is stored only as a hash) rather than refuse.
    if let Some(pending) = pending_for(&state.db, invitation.email.as_str()).await? {
        let ctx = invitations_context(&state, user.role).await?;
        let renew = context! { id => pending, email => invitation.email.as_str() };
        let ctx = context! { renew, form => context!{ email => form.email, role => form.role }, ..ctx };
        return Ok(page.render(&state, "accounts/invitations.html", ctx)?.into_response());
    }
    let tx = state.db.begin().await?;
    issue(tx, &state, &page, &user, ip, &invitation, crate::vocab::AuditAction::InvitationCreated).await
}

/// Makes the invitation in `tx`, audits it as `action`, commits, and shows its link once.
async fn issue(
    mut tx: Tx,
    state: &AppState,
    page: &Page,
    user: &crate::web::session::SessionUser,
    ip: Option<std::net::IpAddr>,
    invitation: &NewInvitation,
    action: crate::vocab::AuditAction,
) -> AppResult<Response> {
    let link =
        create_invitation(&mut tx, state, invitation, Some(user.user_id), &user.display_name, page.locale).await?;
    let detail = format!("role={}", invitation.role.key());
    audit::record(&mut tx, Entry { actor: Some(user.user_id), action, target: None, detail: &detail, ip }).await?;
    tx.commit().await?;
    created_page(state, page, user.role, invitation.email.as_str(), link).await
}

/// Ends a pending invitation: its link stops working (404 if there is none to end).
async fn withdraw(tx: &mut Tx, id: i64) -> AppResult<()> {
    let sql = "UPDATE invitations SET revoked_at = $1 WHERE id = $2 AND used_at IS NULL AND revoked_at IS NULL";
    let done =
        on_tx!(tx, c => sqlx::query(sql).bind(now_ms()).bind(id).execute(&mut **c).await.map(crate::db::affected))?;
    if done == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

#[derive(sqlx::FromRow)]
struct PendingRow {
    email: String,
    role: String,
    org_id: Option<i64>,
}

/// A pending invitation made again: the old link stops working, a new one is mailed and
/// shown once, valid for the full period. A coordinator renews only what they could have
/// made (an admin's invitation is an admin's to renew).
async fn renew_invitation(
    State(state): State<AppState>,
    page: Page,
    Coordinator(user): Coordinator,
    ClientIp(ip): ClientIp,
    Path(id): Path<i64>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    let sql = "SELECT email, role, org_id FROM invitations WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL";
    let row: PendingRow = on_db!(&state.db, pool => sqlx::query_as(sql).bind(id).fetch_optional(pool).await)?
        .ok_or(AppError::NotFound)?;
    let role: Role = row.role.parse()?;
    if !grantable_roles(user.role).contains(&role.key()) {
        return Err(AppError::Forbidden);
    }
    let invitation = NewInvitation { email: Email::parse(&row.email)?, role, org_id: row.org_id };
    let mut tx = state.db.begin().await?;
    withdraw(&mut tx, id).await?;
    issue(tx, &state, &page, &user, ip, &invitation, crate::vocab::AuditAction::InvitationRenewed).await
}

async fn revoke_invitation(
    State(state): State<AppState>,
    Coordinator(user): Coordinator,
    ClientIp(ip): ClientIp,
    Path(id): Path<i64>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    withdraw(&mut tx, id).await?;
    audit::record(
        &mut tx,
        Entry {
            actor: Some(user.user_id),
            action: crate::vocab::AuditAction::InvitationRevoked,
            target: None,
            detail: "",
            ip,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to("/invitations").into_response())
}

#[derive(sqlx::FromRow)]
struct OpenInvitation {
    id: i64,
    email: String,
    role: String,
    org_id: Option<i64>,
}

/// A usable invitation for this token: not used, not revoked, not expired.
async fn open_invitation(db: &Db, token: &str) -> Result<Option<OpenInvitation>, sqlx::Error> {
    let sql = "SELECT id, email, role, org_id FROM invitations \
               WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $2";
    on_db!(db, pool => sqlx::query_as(sql).bind(hash_token(token)).bind(now_ms()).fetch_optional(pool).await)
}

fn invitation_gone(page: &Page, state: &AppState) -> AppResult<Response> {
    let html = notice(page, state, "invitation-gone-title", page.t("invitation-gone-text"))?;
    Ok((StatusCode::GONE, html).into_response())
}

async fn accept_form(State(state): State<AppState>, page: Page, Path(token): Path<String>) -> AppResult<Response> {
    match open_invitation(&state.db, &token).await? {
        Some(inv) => Ok(page
            .render(&state, "accounts/accept.html", context! { email => inv.email, display_name => "", token })?
            .into_response()),
        None => invitation_gone(&page, &state),
    }
}

#[derive(Deserialize)]
struct AcceptForm {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

async fn accept(
    State(state): State<AppState>,
    page: Page,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Path(token): Path<String>,
    Form(form): Form<AcceptForm>,
) -> AppResult<Response> {
    let Some(inv) = open_invitation(&state.db, &token).await? else {
        return invitation_gone(&page, &state);
    };
    let ctx =
        context! { email => inv.email.clone(), display_name => form.display_name.clone(), token => token.clone() };
    let parsed = DisplayName::parse(&form.display_name).and_then(|name| {
        let local = inv.email.split('@').next().unwrap_or_default();
        let inputs = [inv.email.as_str(), local, name.as_str()];
        NewPassword::parse(&form.password, &form.confirm, &inputs).map(|p| (name, p))
    });
    let (name, new_password) = match parsed {
        Ok(v) => v,
        Err(e) => return Ok(form_error(&page, &state, "accounts/accept.html", ctx, e)),
    };
    let hash = password::hash(new_password.as_str().to_string()).await?;
    let role: Role = inv.role.parse()?;

    let mut tx = state.db.begin().await?;
    // Claim the invitation first: of two simultaneous posts, only one sees a row to update.
    let claimed = on_tx!(&mut tx, c => sqlx::query("UPDATE invitations SET used_at = $1 WHERE id = $2 AND used_at IS NULL AND revoked_at IS NULL")
        .bind(now_ms()).bind(inv.id).execute(&mut **c).await.map(crate::db::affected))?;
    if claimed == 0 {
        return invitation_gone(&page, &state);
    }
    let user_id = match create_user(&mut tx, &inv.email, &hash, role, name.as_str(), page.locale).await {
        Ok(id) => id,
        Err(AppError::Db(e)) if crate::db::is_unique_violation(&e) => {
            return Ok(form_error(&page, &state, "accounts/accept.html", ctx, AppError::invalid("error-email-taken")))
        }
        Err(e) => return Err(e),
    };
    if let Some(org_id) = inv.org_id {
        on_tx!(&mut tx, c => sqlx::query("INSERT INTO affiliations (user_id, org_id, title) VALUES ($1, $2, '')")
            .bind(user_id).bind(org_id).execute(&mut **c).await.map(crate::db::affected))?;
    }
    let session = create_session(&mut tx, &state, user_id, &device(&headers)).await?;
    let detail = format!("role={}", role.key());
    audit::record(
        &mut tx,
        Entry {
            actor: Some(user_id),
            action: crate::vocab::AuditAction::InvitationAccepted,
            target: None,
            detail: &detail,
            ip,
        },
    )
    .await?;
    crate::members::search::index(&mut tx, user_id).await?;
    tx.commit().await?;
    Ok(([session_cookie(&state, &session)], Redirect::to("/profile?done=welcome")).into_response())
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
    let now = now_ms();
    let (recent,): (i64,) = on_db!(&state.db, pool => sqlx::query_as("SELECT COUNT(*) FROM signin_failures WHERE key = $1 AND at > $2")
        .bind(&key).bind(now - 3_600_000).fetch_one(pool).await)?;
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
    throttle::record_failure_in(&mut tx, &key).await?;
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
        Entry { actor: Some(user_id), action: crate::vocab::AuditAction::PasswordReset, target: None, detail: "", ip },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to("/signin?done=reset").into_response())
}

/// Store a new hash and end every session of the account: whoever knew the old password
/// is signed out everywhere, and no device is known to the account any more.
async fn set_password(tx: &mut Tx, user_id: i64, hash: &str) -> AppResult<()> {
    on_tx!(tx, c => sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2").bind(hash).bind(user_id).execute(&mut **c).await.map(crate::db::affected))?;
    on_tx!(tx, c => sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(&mut **c).await.map(crate::db::affected))?;
    throttle::forget_devices(tx, user_id).await?;
    on_tx!(tx, c => sqlx::query("UPDATE password_resets SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL")
        .bind(now_ms()).bind(user_id).execute(&mut **c).await.map(crate::db::affected))?;
    Ok(())
}

// ---- signed-in account pages -----------------------------------------------------------

async fn password_form(State(state): State<AppState>, page: Page, _user: SignedIn) -> AppResult<Html<String>> {
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
    let token = create_session(&mut tx, &state, user.user_id, &device(&headers)).await?;
    audit::record(
        &mut tx,
        Entry {
            actor: Some(user.user_id),
            action: crate::vocab::AuditAction::PasswordChanged,
            target: None,
            detail: "",
            ip,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(([session_cookie(&state, &token)], Redirect::to("/account/sessions?done=password")).into_response())
}

#[derive(sqlx::FromRow, Serialize)]
struct SessionView {
    id: i64,
    device: String,
    created_at: i64,
    last_seen_at: i64,
}

async fn sessions_context(state: &AppState, user: &crate::web::session::SessionUser) -> AppResult<Value> {
    let sql = "SELECT id, device, created_at, last_seen_at FROM sessions WHERE user_id = $1 AND expires_at > $2 ORDER BY last_seen_at DESC";
    let list: Vec<SessionView> =
        on_db!(&state.db, pool => sqlx::query_as(sql).bind(user.user_id).bind(now_ms()).fetch_all(pool).await)?;
    Ok(context! { sessions => list, current => user.session_id })
}

async fn sessions(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Query(q): Query<NextQuery>,
) -> AppResult<Html<String>> {
    let done = q.done.filter(|d| d == "password").map(|_| page.t("notice-password"));
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
    on_tx!(&mut tx, c => sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user.user_id).execute(&mut **c).await.map(crate::db::affected))?;
    // A lost or shared device stops counting as the owner's.
    throttle::forget_devices(&mut tx, user.user_id).await?;
    audit::record(
        &mut tx,
        Entry {
            actor: Some(user.user_id),
            action: crate::vocab::AuditAction::SignedOutEverywhere,
            target: None,
            detail: "",
            ip,
        },
    )
    .await?;
    crate::members::search::index(&mut tx, user.user_id).await?;
    tx.commit().await?;
    let clear = cookie_header(&state, SESSION_COOKIE, "", Some(0));
    Ok(([(SET_COOKIE, clear)], Redirect::to("/signin?done=signedout")).into_response())
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
        Entry { actor: None, action: crate::vocab::AuditAction::AccountDeleted, target: None, detail: "", ip: None },
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
    let detail = format!("role={} (command line)", role.key());
    audit::record(
        &mut tx,
        Entry {
            actor: None,
            action: crate::vocab::AuditAction::AccountCreated,
            target: Some(id),
            detail: &detail,
            ip: None,
        },
    )
    .await?;
    crate::members::search::index(&mut tx, id).await?;
    tx.commit().await?;
    Ok(id)
}
