//! Personal access tokens for the API, on the account page: made after the member has just
//! proved who they are (password or passkey, and the second factor where one is set), with
//! scopes per area and an expiry of at most a year; shown once, kept as a SHA-256 digest,
//! listed with their last use, revoked with one click. What a token reaches is decided in
//! `web::api` and by the access rules, which treat its answers as files leaving Roundtable.

use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::Empty;
use crate::audit::{self, Detail, Entry};
use crate::vocab::{ApiArea, AuditAction};
use crate::web::api::{self, Scope};
use crate::web::session::hash_token;
use crate::web::{AppError, AppResult, AppState, ClientIp, DoneQuery, Form, Message, Page, Routes, SignedIn};
use crate::{on_db, on_tx};

/// Lifetimes a token may be given, in days; a year at most.
pub const LIFETIMES: [i64; 4] = [30, 90, 180, 365];
const MAX_NAME: usize = 80;
/// Tokens one account may hold at once.
pub const MAX_TOKENS: i64 = 20;

pub fn routes() -> Routes {
    vec![("/account/tokens", get(list).post(create)), ("/account/tokens/{id}/revoke", post(revoke))]
}

#[derive(sqlx::FromRow, Serialize)]
pub struct TokenView {
    id: i64,
    name: String,
    scopes: String,
    created_at: i64,
    expires_at: i64,
    last_used_at: Option<i64>,
}

/// The account's tokens still in force, newest first (the sessions page lists them too).
pub async fn of_account(state: &AppState, user_id: i64) -> Result<Vec<TokenView>, sqlx::Error> {
    let sql = "SELECT id, name, scopes, created_at, expires_at, last_used_at FROM api_tokens \
               WHERE user_id = $1 AND expires_at > $2 ORDER BY created_at DESC, id DESC";
    on_db!(&state.db, pool => sqlx::query_as(sql).bind(user_id).bind(state.clock.now_ms()).fetch_all(pool).await)
}

/// A token's request, checked: a name, one choice per area, a lifetime from [`LIFETIMES`].
pub struct NewToken {
    name: String,
    scopes: Vec<Scope>,
    days: i64,
}

#[derive(Deserialize, Default)]
pub struct TokenForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    days: String,
    /// Per area: `none`, `read` or `write`, in fields named `area_<key>`.
    #[serde(flatten)]
    areas: std::collections::HashMap<String, String>,
}

impl NewToken {
    pub fn parse(form: &TokenForm) -> AppResult<NewToken> {
        let name = crate::members::bounded(&form.name, MAX_NAME)?;
        if name.is_empty() {
            return Err(AppError::invalid("error-token-name-required"));
        }
        let days: i64 = form.days.trim().parse().map_err(|_| AppError::invalid("error-token-lifetime"))?;
        if !LIFETIMES.contains(&days) {
            return Err(AppError::invalid("error-token-lifetime"));
        }
        let mut scopes = Vec::new();
        for area in ApiArea::ALL {
            match form.areas.get(&format!("area_{}", area.key())).map(String::as_str).unwrap_or("none") {
                "none" => {}
                "read" => scopes.push(Scope { area: *area, write: false }),
                "write" => scopes.push(Scope { area: *area, write: true }),
                _ => return Err(AppError::invalid("error-unknown-scope")),
            }
        }
        if scopes.is_empty() {
            return Err(AppError::invalid("error-token-scopes-required"));
        }
        Ok(NewToken { name, scopes, days })
    }
}

async fn context_of(state: &AppState, user_id: i64, confirmed: bool) -> AppResult<minijinja::Value> {
    let tokens = of_account(state, user_id).await?;
    Ok(context! { tokens, confirmed, lifetimes => LIFETIMES, areas => ApiArea::keys(), max => MAX_TOKENS })
}

async fn list(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Query(q): Query<DoneQuery>,
) -> AppResult<Html<String>> {
    let done = page.done(q.done.as_deref(), &["revoked"], "tokens-done");
    let ctx = context_of(&state, user.user_id, user.confirmed).await?;
    page.render(&state, "accounts/tokens.html", context! { done, ..ctx })
}

async fn create(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    ClientIp(ip): ClientIp,
    Form(form): Form<TokenForm>,
) -> AppResult<Response> {
    user.require_confirmed("/account/tokens")?;
    // A token made at a shared computer would outlive the session there.
    if user.how.shared {
        let ctx = context_of(&state, user.user_id, true).await?;
        let e = AppError::invalid("error-token-shared-device");
        return Ok(super::form_error(&page, &state, "accounts/tokens.html", context! { name => form.name, ..ctx }, e));
    }
    let token = api::new_token();
    match insert(&state, user.user_id, ip, &form, &token).await {
        Ok(name) => {
            // Shown in this answer only (which no cache keeps: `web::no_store`); never again.
            let ctx = context_of(&state, user.user_id, true).await?;
            Ok(page.render(&state, "accounts/tokens.html", context! { token, created => name, ..ctx })?.into_response())
        }
        Err(e) => {
            let ctx = context_of(&state, user.user_id, true).await?;
            Ok(super::form_error(&page, &state, "accounts/tokens.html", context! { name => form.name, ..ctx }, e))
        }
    }
}

/// Checks the form and stores the token's digest, all or nothing; returns its name.
async fn insert(
    state: &AppState,
    user_id: i64,
    ip: Option<std::net::IpAddr>,
    form: &TokenForm,
    token: &str,
) -> AppResult<String> {
    let new = NewToken::parse(form)?;
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    // Counted under the account's row lock, so two forms sent at once cannot pass the cap.
    on_tx!(&mut tx, c => sqlx::query("UPDATE users SET id = id WHERE id = $1").bind(user_id)
        .execute(&mut **c).await.map(crate::db::affected))?;
    let held: i64 = on_tx!(&mut tx, c => sqlx::query_scalar(
        "SELECT COUNT(*) FROM api_tokens WHERE user_id = $1 AND expires_at > $2")
        .bind(user_id).bind(now).fetch_one(&mut **c).await)?;
    if held >= MAX_TOKENS {
        return Err(AppError::Invalid(Message::new("error-token-too-many").arg("max", MAX_TOKENS)));
    }
    let sql = "INSERT INTO api_tokens (user_id, name, token_hash, scopes, created_at, expires_at) \
               VALUES ($1, $2, $3, $4, $5, $6)";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(user_id).bind(&new.name).bind(hash_token(token))
        .bind(Scope::list_key(&new.scopes)).bind(now).bind(now + new.days * 86_400_000)
        .execute(&mut **c).await.map(crate::db::affected))?;
    let entry =
        Entry { actor: Some(user_id), action: AuditAction::TokenCreated, target: None, detail: Detail::None, ip };
    audit::record(&mut tx, entry).await?;
    tx.commit().await?;
    Ok(new.name)
}

async fn revoke(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ClientIp(ip): ClientIp,
    Path(id): Path<i64>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    // Scoped to the owner: another member's token id matches nothing.
    let done = on_tx!(&mut tx, c => sqlx::query("DELETE FROM api_tokens WHERE id = $1 AND user_id = $2")
        .bind(id).bind(user.user_id).execute(&mut **c).await.map(crate::db::affected))?;
    if done == 0 {
        return Err(AppError::NotFound);
    }
    let entry =
        Entry { actor: Some(user.user_id), action: AuditAction::TokenRevoked, target: None, detail: Detail::None, ip };
    audit::record(&mut tx, entry).await?;
    tx.commit().await?;
    Ok(Redirect::to("/account/tokens?done=revoked").into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(name: &str, days: &str, areas: &[(&str, &str)]) -> TokenForm {
        TokenForm {
            name: name.into(),
            days: days.into(),
            areas: areas.iter().map(|(a, v)| (format!("area_{a}"), v.to_string())).collect(),
        }
    }

    #[test]
    fn a_token_needs_a_name_a_scope_and_a_lifetime_of_a_year_at_most() {
        let ok = NewToken::parse(&form(" Sync ", "90", &[("events", "write"), ("library", "read")])).unwrap();
        assert_eq!(ok.name, "Sync");
        assert_eq!(Scope::list_key(&ok.scopes), "events:write library:read");
        assert!(NewToken::parse(&form("", "90", &[("events", "read")])).is_err());
        assert!(NewToken::parse(&form("x", "366", &[("events", "read")])).is_err());
        assert!(NewToken::parse(&form("x", "7", &[("events", "read")])).is_err());
        assert!(NewToken::parse(&form("x", "90", &[("events", "none")])).is_err());
        assert!(NewToken::parse(&form("x", "90", &[("events", "admin")])).is_err());
    }
}
