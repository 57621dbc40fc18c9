//! Cross-site request forgery defence, in two layers: browsers' own `Sec-Fetch-Site` /
//! `Origin` headers checked on every write, and a token that every form and API write
//! must carry.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use subtle::ConstantTimeEq;

use super::session::RequestContext;
use super::{AppError, AppState};

/// Largest urlencoded form accepted: a forum post of 20,000 characters in Thai takes about
/// 180 KB once form-encoded (9 bytes a character).
const FORM_LIMIT: usize = 256 * 1024;

/// Refuse writes that a browser tells us come from another site.
pub async fn check_origin(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if !safe {
        let headers = req.headers();
        if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
            if !matches!(site, "same-origin" | "none") {
                return AppError::Csrf.into_response();
            }
        }
        if headers.contains_key("origin") && !from_our_site(&state, headers) {
            return AppError::Csrf.into_response();
        }
    }
    next.run(req).await
}

/// Whether the request's `Origin` is this site (its configured origin, or the host it was
/// asked for). A request without one is not: browsers send it on every write and on every
/// WebSocket opened by a page.
pub fn from_our_site(state: &AppState, headers: &axum::http::HeaderMap) -> bool {
    let Some(origin) = headers.get("origin").and_then(|v| v.to_str().ok()) else { return false };
    let host = headers.get("host").and_then(|v| v.to_str().ok()).unwrap_or("");
    let same_host = origin.split_once("://").is_some_and(|(_, rest)| rest.eq_ignore_ascii_case(host));
    origin == state.config.origin() || same_host
}

pub fn token_matches(expected: &str, given: &str) -> bool {
    !expected.is_empty() && expected.as_bytes().ct_eq(given.as_bytes()).into()
}

#[derive(Deserialize)]
struct CsrfField {
    #[serde(default)]
    csrf: String,
}

/// An urlencoded form whose `csrf` field matched, parsed into `T`
/// (repeated keys become `Vec`s, so multi-selects work).
pub struct Form<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Form<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let expected = req.extensions().get::<RequestContext>().map(|c| c.csrf.clone()).unwrap_or_default();
        let header_token = req.headers().get("x-csrf-token").and_then(|v| v.to_str().ok()).map(str::to_string);
        let body = Bytes::from_request(req, state).await.map_err(|e| {
            if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                AppError::TooLarge
            } else {
                AppError::invalid("error-body-unreadable")
            }
        })?;
        if body.len() > FORM_LIMIT {
            return Err(AppError::TooLarge);
        }
        let given = match header_token {
            Some(t) => t,
            None => serde_html_form::from_bytes::<CsrfField>(&body).map(|f| f.csrf).unwrap_or_default(),
        };
        if !token_matches(&expected, &given) {
            return Err(AppError::Csrf);
        }
        serde_html_form::from_bytes::<T>(&body).map(Form).map_err(|e| {
            tracing::debug!(error = %e, "form rejected");
            AppError::invalid("error-form-malformed")
        })
    }
}
