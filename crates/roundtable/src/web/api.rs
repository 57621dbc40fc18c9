//! The API's share of the web layer: personal access tokens turned into a viewer, the
//! scopes a token holds and the area each `/api/v1` path belongs to, per-token rate limits,
//! JSON errors with stable codes, JSON bodies and pagination cursors.
//!
//! A token is read only on `/api/v1` paths, and only from `Authorization: Bearer`; there it
//! replaces the session cookie (a request never mixes the two). What a token may reach is
//! decided here once, from the path and the method, before any handler runs: a path of no
//! known area is closed to every token.

use std::num::NonZeroU32;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header::{AUTHORIZATION, RETRY_AFTER, WWW_AUTHENTICATE};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::error::ErrorInfo;
use super::session::{hash_token, RequestContext, SessionKind, SessionUser};
use super::{AppError, AppState, Locale, Viewer};
use crate::on_db;
use crate::vocab::{ApiArea, Role};

/// Every token starts so, which lets secret scanners (and people) recognise one.
pub const TOKEN_PREFIX: &str = "rt_pat_";

/// Refresh a token's `last_used_at` at most this often.
const TOUCH_INTERVAL_MS: i64 = 60_000;

/// One area of the API, read or write. Write includes read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Scope {
    pub area: ApiArea,
    pub write: bool,
}

impl Scope {
    pub fn key(self) -> String {
        format!("{}:{}", self.area.key(), if self.write { "write" } else { "read" })
    }

    /// Every scope a token may hold, in the order the token form lists them.
    pub fn all() -> Vec<Scope> {
        ApiArea::ALL.iter().flat_map(|&area| [Scope { area, write: false }, Scope { area, write: true }]).collect()
    }

    /// A space-separated list of scope keys, as stored; unknown keys are refused.
    pub fn parse_list(text: &str) -> Result<Vec<Scope>, AppError> {
        let mut scopes: Vec<Scope> = text.split_whitespace().map(str::parse).collect::<Result<_, _>>()?;
        scopes.sort_unstable();
        scopes.dedup();
        Ok(scopes)
    }

    pub fn list_key(scopes: &[Scope]) -> String {
        scopes.iter().map(|s| s.key()).collect::<Vec<_>>().join(" ")
    }
}

impl std::str::FromStr for Scope {
    type Err = AppError;
    fn from_str(s: &str) -> Result<Scope, AppError> {
        let (area, access) = s.split_once(':').ok_or(AppError::invalid("error-unknown-scope"))?;
        let area: ApiArea = area.parse().map_err(|_| AppError::invalid("error-unknown-scope"))?;
        match access {
            "read" => Ok(Scope { area, write: false }),
            "write" => Ok(Scope { area, write: true }),
            _ => Err(AppError::invalid("error-unknown-scope")),
        }
    }
}

/// What a request made with a token may do: the token and its scopes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grant {
    pub token_id: i64,
    pub scopes: Vec<Scope>,
}

impl Grant {
    pub fn allows(&self, wanted: Scope) -> bool {
        self.scopes.iter().any(|s| s.area == wanted.area && (s.write || !wanted.write))
    }
}

/// The area an `/api/v1` path belongs to; `None` for anything a token may not reach.
pub fn area_of(path: &str) -> Option<ApiArea> {
    let rest = path.strip_prefix("/api/v1/")?;
    match rest.split('/').next()? {
        "members" => Some(ApiArea::Members),
        // Not `network/champions`: the ranking counts every member's ties, those at risk
        // included, so it stays inside Roundtable.
        "ties" => Some(ApiArea::Network),
        "organisations" => Some(ApiArea::Organisations),
        "groups" => Some(ApiArea::Groups),
        "events" => Some(ApiArea::Events),
        "resources" => Some(ApiArea::Library),
        _ => None,
    }
}

/// The scope a request needs: its path's area, read for safe methods and write otherwise.
pub fn scope_for(method: &Method, path: &str) -> Option<Scope> {
    let write = !matches!(*method, Method::GET | Method::HEAD);
    area_of(path).map(|area| Scope { area, write })
}

/// The token of an `Authorization: Bearer …` header (the scheme in any case).
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// A new token: the prefix and 256 random bits.
pub fn new_token() -> String {
    format!("{TOKEN_PREFIX}{}", super::session::random_token())
}

/// Requests per token on this node, like the per-address limit (`web::rate_limit`): in
/// memory, to keep one script from flooding a node.
pub struct TokenLimiter(governor::DefaultKeyedRateLimiter<i64>);

impl TokenLimiter {
    pub fn new(per_minute: u32) -> Arc<TokenLimiter> {
        let n = NonZeroU32::new(per_minute.max(1)).expect("at least one");
        Arc::new(TokenLimiter(governor::RateLimiter::keyed(governor::Quota::per_minute(n))))
    }

    /// `Err(seconds to wait)` when the token has used its share.
    fn check(&self, token_id: i64) -> Result<(), u64> {
        use governor::clock::Clock;
        self.0.check_key(&token_id).map_err(|not_until| {
            not_until.wait_time_from(governor::clock::DefaultClock::default().now()).as_secs().max(1)
        })
    }
}

#[derive(sqlx::FromRow)]
struct TokenRow {
    id: i64,
    user_id: i64,
    scopes: String,
    expires_at: i64,
    last_used_at: Option<i64>,
    role: String,
    display_name: String,
    locale: String,
}

/// Why a token request is refused before it reaches a handler.
pub enum Refusal {
    /// Unknown, revoked or expired token, or the account is no longer active.
    InvalidToken,
    /// The token lacks the scope of this path and method, or no token reaches this path.
    InsufficientScope,
    RateLimited(u64),
}

/// The viewer behind a bearer token asking for `method` `path`: its account, with the
/// token's grant, once the scope and the per-token rate limit let it through.
pub async fn viewer_of_token(
    state: &AppState,
    token: &str,
    method: &Method,
    path: &str,
) -> Result<Result<SessionUser, Refusal>, AppError> {
    let sql = "SELECT t.id, t.user_id, t.scopes, t.expires_at, t.last_used_at, u.role, u.display_name, u.locale \
               FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1 AND u.active = TRUE";
    let hash = hash_token(token);
    let row: Option<TokenRow> = on_db!(&state.db, pool => sqlx::query_as(sql).bind(&hash).fetch_optional(pool).await)?;
    let now = state.clock.now_ms();
    let Some(row) = row.filter(|r| r.expires_at > now) else { return Ok(Err(Refusal::InvalidToken)) };
    let grant = Grant { token_id: row.id, scopes: Scope::parse_list(&row.scopes)? };
    if !scope_for(method, path).is_some_and(|s| grant.allows(s)) {
        return Ok(Err(Refusal::InsufficientScope));
    }
    if let Err(wait) = state.part::<Arc<TokenLimiter>>().check(row.id) {
        return Ok(Err(Refusal::RateLimited(wait)));
    }
    if row.last_used_at.is_none_or(|at| now - at > TOUCH_INTERVAL_MS) {
        on_db!(&state.db, pool => sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
            .bind(now).bind(row.id).execute(pool).await.map(crate::db::affected))?;
    }
    let role: Role = row.role.parse()?;
    Ok(Ok(SessionUser {
        // No session: the id matches none, so nothing tied to a session applies.
        session_id: 0,
        user_id: row.user_id,
        role,
        display_name: row.display_name,
        locale: Locale::parse(&row.locale).unwrap_or(Locale::En),
        // Forms need a session's token, which a bearer has not: forms stay closed to it.
        csrf: String::new(),
        unread: 0,
        unread_messages: 0,
        how: SessionKind::default(),
        factor_due: super::session::factor_due(state, row.user_id, role, now).await?,
        // Sensitive actions need a person who has just proved who they are; never a token.
        confirmed: false,
        grant: Some(grant),
    }))
}

/// The stable code of an API error, from which clients decide; the message is for people.
pub fn code(info: &ErrorInfo) -> &'static str {
    match (info.status, info.message.id) {
        (_, "error-csrf") => "csrf_failed",
        (_, "error-second-factor-required") => "second_factor_required",
        (StatusCode::BAD_REQUEST, _) => "bad_request",
        (StatusCode::UNAUTHORIZED, _) => "unauthorized",
        (StatusCode::FORBIDDEN, _) => "forbidden",
        (StatusCode::NOT_FOUND, _) => "not_found",
        (StatusCode::CONFLICT, _) => "conflict",
        (StatusCode::PAYLOAD_TOO_LARGE, _) => "too_large",
        (StatusCode::UNPROCESSABLE_ENTITY, _) => "invalid",
        (StatusCode::TOO_MANY_REQUESTS, _) => "rate_limited",
        (StatusCode::SERVICE_UNAVAILABLE, _) => "unavailable",
        _ => "internal",
    }
}

/// The body of every API error: `{"error": {"code", "message", "detail"}}`, where `detail`
/// names the precise message (e.g. `error-email-invalid`).
#[derive(Serialize, Deserialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, Deserialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// Stable: `bad_request`, `unauthorized`, `invalid_token`, `insufficient_scope`,
    /// `forbidden`, `csrf_failed`, `second_factor_required`, `not_found`, `conflict`,
    /// `too_large`, `invalid`, `rate_limited`, `unavailable` or `internal`.
    pub code: String,
    /// For people, in the account's language.
    pub message: String,
    /// The message's id, stable too.
    pub detail: String,
}

pub fn error_response(status: StatusCode, code: &str, locale: Locale, message_id: &str) -> Response {
    let body = ErrorBody {
        error: ErrorDetail { code: code.into(), message: locale.t(message_id), detail: message_id.into() },
    };
    (status, axum::Json(body)).into_response()
}

impl Refusal {
    pub fn into_response(self, locale: Locale) -> Response {
        match self {
            Refusal::InvalidToken => {
                let mut r = error_response(StatusCode::UNAUTHORIZED, "invalid_token", locale, "error-token-invalid");
                r.headers_mut().insert(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer error=\"invalid_token\""));
                r
            }
            Refusal::InsufficientScope => {
                let mut r = error_response(StatusCode::FORBIDDEN, "insufficient_scope", locale, "error-token-scope");
                r.headers_mut()
                    .insert(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer error=\"insufficient_scope\""));
                r
            }
            Refusal::RateLimited(wait) => {
                let mut r = error_response(StatusCode::TOO_MANY_REQUESTS, "rate_limited", locale, "error-rate-limited");
                if let Ok(v) = HeaderValue::from_str(&wait.to_string()) {
                    r.headers_mut().insert(RETRY_AFTER, v);
                }
                r
            }
        }
    }
}

/// A session's write must carry its CSRF token in `X-CSRF-Token`; a token's needs nothing
/// more (no browser sends a bearer token by itself).
fn csrf_ok(parts: &axum::http::request::Parts) -> bool {
    if parts.extensions.get::<Viewer>().is_some_and(Viewer::leaving) {
        return true;
    }
    let expected = parts.extensions.get::<RequestContext>().map(|c| c.csrf.clone()).unwrap_or_default();
    let given = parts.headers.get("x-csrf-token").and_then(|v| v.to_str().ok()).unwrap_or("");
    super::csrf::token_matches(&expected, given)
}

/// An API write without a body (a `DELETE`), checked as [`Json`] checks one with a body.
pub struct Write;

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Write {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut axum::http::request::Parts, _: &S) -> Result<Self, AppError> {
        if csrf_ok(parts) {
            Ok(Write)
        } else {
            Err(AppError::Csrf)
        }
    }
}

/// Largest JSON body an API write accepts.
const JSON_LIMIT: usize = 256 * 1024;

/// A JSON body of an API write, checked by [`Write`] first.
pub struct Json<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Json<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = req.into_parts();
        <Write as axum::extract::FromRequestParts<S>>::from_request_parts(&mut parts, state).await?;
        let req = Request::from_parts(parts, body);
        let json =
            req.headers().get(axum::http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| {
                v.split(';').next().is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"))
            });
        if !json {
            return Err(AppError::invalid("error-json-expected"));
        }
        let body = Bytes::from_request(req, state).await.map_err(|_| AppError::TooLarge)?;
        if body.len() > JSON_LIMIT {
            return Err(AppError::TooLarge);
        }
        // The parser's message may quote the body: it is not logged.
        serde_json::from_slice(&body).map(Json).map_err(|_| AppError::invalid("error-json-malformed"))
    }
}

/// Where a page of a listing starts: after the row with this key. Opaque to clients, who
/// pass back the `next` of the page before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cursor(pub i64);

impl Cursor {
    pub fn encode(self) -> String {
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("v1:{}", self.0))
    }

    pub fn decode(text: &str) -> Result<Cursor, AppError> {
        let bad = || AppError::invalid("error-cursor-invalid");
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(text).map_err(|_| bad())?;
        let text = std::str::from_utf8(&bytes).map_err(|_| bad())?;
        text.strip_prefix("v1:").and_then(|n| n.parse().ok()).map(Cursor).ok_or_else(bad)
    }
}

/// `?after=CURSOR&limit=N` of every listing: at most [`MAX_LIMIT`] a page.
#[derive(Deserialize, Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// The `next` of the page before; absent for the first page.
    pub after: Option<String>,
    /// Items a page, 1 to 100 (50 when absent).
    pub limit: Option<i64>,
}

pub const MAX_LIMIT: i64 = 100;
const DEFAULT_LIMIT: i64 = 50;

/// A page's window, checked: where it starts and how many it takes.
#[derive(Clone, Copy, Debug)]
pub struct Window {
    pub after: Option<i64>,
    pub limit: i64,
}

impl PageQuery {
    pub fn window(&self) -> Result<Window, AppError> {
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(AppError::invalid("error-limit-invalid"));
        }
        let after = self.after.as_deref().map(Cursor::decode).transpose()?.map(|c| c.0);
        Ok(Window { after, limit })
    }
}

/// One page of a listing, with the cursor of the next when there is one.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Paged<T> {
    pub items: Vec<T>,
    /// Pass as `after` for the next page; absent on the last.
    pub next: Option<String>,
}

impl<T> Paged<T> {
    /// `rows` fetched with `limit + 1`, so that one more row tells there is a next page;
    /// `key` gives the key a row is ordered by.
    pub fn of(mut rows: Vec<T>, window: Window, key: impl Fn(&T) -> i64) -> Paged<T> {
        let more = rows.len() as i64 > window.limit;
        rows.truncate(window.limit as usize);
        let next = if more { rows.last().map(|r| Cursor(key(r)).encode()) } else { None };
        Paged { items: rows, next }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_parse_and_write_includes_read() {
        let scopes = Scope::parse_list("events:write members:read events:write").unwrap();
        assert_eq!(Scope::list_key(&scopes), "members:read events:write");
        let grant = Grant { token_id: 1, scopes };
        assert!(grant.allows(Scope { area: ApiArea::Events, write: false }));
        assert!(grant.allows(Scope { area: ApiArea::Members, write: false }));
        assert!(!grant.allows(Scope { area: ApiArea::Members, write: true }));
        assert!(!grant.allows(Scope { area: ApiArea::Library, write: false }));
        assert!(Scope::parse_list("events:admin").is_err());
        assert!(Scope::parse_list("secrets:read").is_err());
    }

    #[test]
    fn areas_come_from_the_path_and_unknown_paths_reach_none() {
        assert_eq!(area_of("/api/v1/events/4/registration"), Some(ApiArea::Events));
        assert_eq!(area_of("/api/v1/ties"), Some(ApiArea::Network));
        assert_eq!(area_of("/api/v1/network/champions"), None);
        assert_eq!(area_of("/api/v1/resources"), Some(ApiArea::Library));
        assert_eq!(area_of("/api/v1/secrets"), None);
        assert_eq!(area_of("/api/openapi.json"), None);
        assert_eq!(area_of("/members"), None);
        assert_eq!(scope_for(&Method::POST, "/api/v1/events/1/registration").map(|s| s.write), Some(true));
    }

    #[test]
    fn cursors_round_trip_and_garbage_is_refused() {
        assert_eq!(Cursor::decode(&Cursor(42).encode()).unwrap(), Cursor(42));
        assert!(Cursor::decode("42").is_err());
        assert!(Cursor::decode("!!").is_err());
        assert!(PageQuery { after: None, limit: Some(0) }.window().is_err());
        assert!(PageQuery { after: None, limit: Some(101) }.window().is_err());
    }

    #[test]
    fn bearer_is_read_in_any_case() {
        let mut h = HeaderMap::new();
        h.insert(AUTHORIZATION, HeaderValue::from_static("bEaReR rt_pat_x"));
        assert_eq!(bearer(&h), Some("rt_pat_x"));
        h.insert(AUTHORIZATION, HeaderValue::from_static("Basic abc"));
        assert_eq!(bearer(&h), None);
    }
}
