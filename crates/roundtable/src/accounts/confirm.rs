//! Confirming who one is before a sensitive action (making one's profile more visible,
//! turning off the at-risk switch, adding or removing a factor, changing the password,
//! deleting the account, changing someone's role): the password, with a code where the
//! account has a second factor, or a passkey alone. A session left open on a shared
//! computer is then not enough to do any of these. A confirmation lasts
//! [`CONFIRM_MINUTES`](crate::web::session::CONFIRM_MINUTES), as does a fresh sign-in.

use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use minijinja::context;
use serde::Deserialize;

use super::{factors, form_error, passkeys, password, throttle};
use crate::db::affected;
use crate::web::session::{create_session, SessionUser};
use crate::web::{safe_next, AppError, AppResult, AppState, Form, Page, Routes, SignedIn};
use crate::{on_db, on_tx};

pub fn routes() -> Routes {
    vec![
        ("/account/confirm", get(confirm_form).post(confirm)),
        ("/account/confirm/passkey", post(start_passkey)),
        ("/account/confirm/passkey/finish", post(finish_passkey)),
    ]
}

#[derive(Deserialize)]
struct NextQuery {
    next: Option<String>,
}

async fn context_for(state: &AppState, user: &SessionUser, next: &str) -> AppResult<minijinja::Value> {
    let code = factors::required(&state.db, user.user_id).await?;
    // Without a one-time-code key, the code beside a password can only be a recovery code.
    let totp = factors::has_totp(&state.db, user.user_id).await?;
    let passkey = passkeys::relying_party(state).is_some() && passkeys::has_any(&state.db, user.user_id).await?;
    Ok(context! { next, code, totp, passkey })
}

async fn confirm_form(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Query(q): Query<NextQuery>,
) -> AppResult<Response> {
    let next = safe_next(q.next.as_deref());
    let ctx = context_for(&state, &user, &next).await?;
    Ok(page.render(&state, "accounts/confirm.html", ctx)?.into_response())
}

/// Confirmed: a new session replaces this one (a fresh token, as at sign-in, so that a token
/// seen before the confirmation is worth nothing after it), and the member goes back to `next`.
async fn confirmed(state: &AppState, user: &SessionUser, headers: &HeaderMap, next: &str) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    let token = create_session(&mut tx, state, user.user_id, &super::device(headers), user.how).await?;
    on_tx!(&mut tx, c => sqlx::query("DELETE FROM sessions WHERE id = $1").bind(user.session_id)
        .execute(&mut **c).await.map(affected))?;
    tx.commit().await?;
    Ok(([super::session_cookie(state, &token, user.how)], Redirect::to(next)).into_response())
}

#[derive(Deserialize)]
struct ConfirmForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    code: String,
    next: Option<String>,
}

async fn check(state: &AppState, user: &SessionUser, form: ConfirmForm) -> AppResult<()> {
    // Counted apart from sign-in, like every check of a signed-in member's password.
    let keys = [(throttle::current_password_key(user.user_id), throttle::PER_ACCOUNT)];
    let attempt = throttle::attempt(&state.db, &keys).await?;
    let sql = "SELECT password_hash FROM users WHERE id = $1";
    let stored: Option<String> =
        on_db!(&state.db, pool => sqlx::query_scalar(sql).bind(user.user_id).fetch_optional(pool).await)?;
    if form.password.is_empty() || !password::verify(form.password, stored).await? {
        return Err(AppError::invalid("error-password-current"));
    }
    if factors::required(&state.db, user.user_id).await? {
        let mut tx = state.db.begin().await?;
        let accepted = factors::accept(&mut tx, user.user_id, &form.code).await?;
        tx.commit().await?;
        if !accepted {
            return Err(AppError::invalid("error-confirm-code"));
        }
    }
    throttle::forget(&state.db, &attempt).await?;
    Ok(())
}

async fn confirm(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    headers: HeaderMap,
    Form(form): Form<ConfirmForm>,
) -> AppResult<Response> {
    let next = safe_next(form.next.as_deref());
    if let Err(e) = check(&state, &user, form).await {
        let ctx = context_for(&state, &user, &next).await?;
        return Ok(form_error(&page, &state, "accounts/confirm.html", ctx, e));
    }
    confirmed(&state, &user, &headers, &next).await
}

async fn start_passkey(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Form(form): Form<NextQuery>,
) -> AppResult<Response> {
    let next = safe_next(form.next.as_deref());
    let texts = ("confirm-title", "passkey-confirm-intro", "/account/confirm/passkey/finish");
    passkeys::check_page(&state, &page, user.user_id, passkeys::Purpose::Confirm, texts, vec![("next", next)]).await
}

#[derive(Deserialize)]
struct PasskeyAnswer {
    #[serde(default)]
    ceremony: String,
    #[serde(default)]
    credential: String,
    next: Option<String>,
}

async fn finish_passkey(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    headers: HeaderMap,
    Form(form): Form<PasskeyAnswer>,
) -> AppResult<Response> {
    let next = safe_next(form.next.as_deref());
    let keys = [(throttle::current_password_key(user.user_id), throttle::PER_ACCOUNT)];
    let checked = match throttle::attempt(&state.db, &keys).await {
        Ok(attempt) => {
            passkeys::finish_check(&state, user.user_id, passkeys::Purpose::Confirm, &form.ceremony, &form.credential)
                .await
                .map(|()| attempt)
        }
        Err(e) => Err(e),
    };
    match checked {
        Ok(attempt) => {
            throttle::forget(&state.db, &attempt).await?;
            confirmed(&state, &user, &headers, &next).await
        }
        Err(e) => {
            let ctx = context_for(&state, &user, &next).await?;
            Ok(form_error(&page, &state, "accounts/confirm.html", ctx, e))
        }
    }
}
