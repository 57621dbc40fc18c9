//! Plumbing shared by the features: state, errors, sessions, CSRF, templates, i18n,
//! static assets and security headers.

pub mod api;
pub mod assets;
pub mod csrf;
pub mod error;
pub mod i18n;
pub mod limits;
pub mod markdown;
pub mod rate_limit;
pub mod session;
pub mod shed;
pub mod sheet;
pub mod svg;
pub mod templates;
pub mod who;
pub mod zone;

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use minijinja::{context, Value};
use serde::Serialize;

pub use csrf::Form;

/// A feature's routes: each path with its handlers by method. Features list theirs in
/// `routes()`; the application builds its router from the one table of them all
/// ([`crate::app::route_table`]), which the persona matrix test walks too, so that no route
/// is served without being tried by every kind of viewer.
pub type Routes = Vec<(&'static str, axum::routing::MethodRouter<AppState>)>;
pub use error::{AppError, AppResult, Message};
pub use i18n::Locale;
pub use session::{Admin, Coordinator, SignedIn, Viewer};
pub use who::Who;

use crate::config::Config;
use crate::db::Db;
use session::RequestContext;
use templates::Templates;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub templates: Arc<Templates>,
    /// What features keep for the whole application, by type (the network analysis's cache,
    /// the rule for notifications): this layer holds them without knowing them. They are
    /// put in when the application is built.
    pub parts: Arc<axum::http::Extensions>,
    /// Where time-bound decisions (confirmations, recovery links, ceremonies) read the time.
    pub clock: crate::db::Clock,
}

impl AppState {
    /// The part of type `T`, put in when the application was built.
    pub fn part<T: Clone + Send + Sync + 'static>(&self) -> &T {
        self.parts
            .get::<T>()
            .unwrap_or_else(|| panic!("{} is put in when the application is built", std::any::type_name::<T>()))
    }
}

pub const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("templates/base.html")),
    ("error.html", include_str!("templates/error.html")),
    ("macros.html", include_str!("templates/macros.html")),
];

/// Everything a page needs to render for this request: who asks, in which language, the
/// CSRF token for its forms, and the path (for the language switch to come back to).
pub struct Page {
    pub viewer: Viewer,
    pub locale: Locale,
    pub csrf: String,
    pub path: String,
    /// The zone this viewer reads times in.
    pub zone: chrono_tz::Tz,
}

#[derive(Serialize)]
struct ViewerView<'a> {
    id: i64,
    name: &'a str,
    role: &'a str,
    coordinator: bool,
    unread: i64,
    unread_messages: i64,
    admin: bool,
    /// The second factor the network asks of them: by when, or overdue.
    factor_by: Option<i64>,
    factor_overdue: bool,
}

impl<S: Send + Sync> FromRequestParts<S> for Page {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let viewer = Viewer::from_request_parts(parts, state).await?;
        let ctx = parts.extensions.get::<RequestContext>().cloned();
        let (locale, csrf, zone) =
            ctx.map(|c| (c.locale, c.csrf, c.zone)).unwrap_or((Locale::En, String::new(), chrono_tz::UTC));
        let path = parts.uri.path_and_query().map(|p| p.as_str().to_string()).unwrap_or_default();
        Ok(Page { viewer, locale, csrf, path, zone })
    }
}

impl Page {
    fn base_context(&self) -> Value {
        let viewer = self.viewer.user().map(|u| ViewerView {
            id: u.user_id,
            name: &u.display_name,
            role: u.role.key(),
            coordinator: u.role.is_coordinator(),
            admin: u.role == crate::vocab::Role::Admin,
            unread: u.unread,
            unread_messages: u.unread_messages,
            factor_by: match u.factor_due {
                session::FactorDue::By(t) => Some(t),
                _ => None,
            },
            factor_overdue: u.factor_due == session::FactorDue::Now,
        });
        let locales: Vec<Value> =
            Locale::ALL.iter().map(|l| context! { tag => l.tag(), name => l.autonym() }).collect();
        context! {
            locale => self.locale.tag(),
            viewer => viewer,
            csrf => self.csrf,
            path => self.path,
            locales => locales,
            css => assets::css_url(),
            exit_js => assets::exit_js_url(),
            passkey_js => assets::passkey_js_url(),
            time_zone => self.zone.name(),
            zones => zone::COMMON_ZONES,
        }
    }

    pub fn render(&self, state: &AppState, name: &str, ctx: Value) -> AppResult<Html<String>> {
        // Admins see on every page that mail is not being sent, until it is set up.
        let mail_off = state.config.smtp_url.is_none() && self.viewer.role() == Some(crate::vocab::Role::Admin);
        let mail = context! { mail_off => mail_off, sends_mail => state.config.smtp_url.is_some() };
        let full = context! { ..ctx, ..self.base_context(), ..mail };
        state
            .templates
            .render(name, full)
            .map(Html)
            .map_err(|e| AppError::Internal(anyhow::anyhow!("rendering {name}: {e}")))
    }

    pub fn t(&self, id: &str) -> String {
        self.locale.t(id)
    }

    /// The notice after a form was handled (`?done=saved`), as the message `{prefix}-{done}`;
    /// only the outcomes in `known` are said, so that a link cannot put words on the page.
    pub fn done(&self, done: Option<&str>, known: &[&str], prefix: &str) -> Option<String> {
        done.filter(|d| known.contains(d)).map(|d| self.t(&format!("{prefix}-{d}")))
    }
}

/// The `?done=` of a page that a form redirected to.
#[derive(serde::Deserialize)]
pub struct DoneQuery {
    pub done: Option<String>,
}

/// Render the bodies of error responses as a page in the viewer's language (or JSON under
/// `/api/`); sign-in-required on a page becomes a redirect to the sign-in form.
pub async fn render_errors(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let path = req.uri().path_and_query().map(|p| p.as_str().to_string()).unwrap_or_default();
    let viewer = req.extensions().get::<Viewer>().cloned().unwrap_or_default();
    let ctx = req.extensions().get::<RequestContext>().cloned();
    let response = next.run(req).await;
    // The framework's own refusals (an id in the path that is not a number, a query that
    // does not parse) come as plain text: they get the page, in the viewer's language, too.
    let plain_refusal = response.status() == StatusCode::BAD_REQUEST
        && response.headers().get(CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(b"text/plain"));
    let info = match response.extensions().get::<error::ErrorInfo>().cloned() {
        Some(info) => info,
        None if plain_refusal => {
            error::ErrorInfo { status: StatusCode::BAD_REQUEST, message: Message::new("error-bad-address") }
        }
        None => return response,
    };
    let (locale, csrf, zone) =
        ctx.map(|c| (c.locale, c.csrf, c.zone)).unwrap_or((Locale::En, String::new(), chrono_tz::UTC));
    let text = locale.t_args(info.message.id, &info.message.args);
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(CONTENT_TYPE);
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    if api {
        let body = api::ErrorBody {
            error: api::ErrorDetail { code: api::code(&info).into(), message: text, detail: info.message.id.into() },
        };
        return (parts, axum::Json(body)).into_response();
    }
    if info.status == StatusCode::UNAUTHORIZED {
        let target =
            format!("/signin?next={}", url::form_urlencoded::byte_serialize(path.as_bytes()).collect::<String>());
        let mut redirect = Redirect::to(&target).into_response();
        redirect.headers_mut().extend(parts.headers);
        return redirect;
    }
    let page = Page { viewer, locale, csrf, path, zone };
    let ctx = context! { status => info.status.as_u16(), message => text };
    match page.render(&state, "error.html", ctx) {
        Ok(html) => (parts, html).into_response(),
        Err(_) => (parts, text).into_response(),
    }
}

/// Headers every response carries. The policy allows nothing but our own origin, no
/// inline script or style, and no framing.
pub fn security_headers() -> Vec<(axum::http::HeaderName, HeaderValue)> {
    use axum::http::header::{HeaderName, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS};
    vec![
        (
            axum::http::header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
                 font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; \
                 base-uri 'none'",
            ),
        ),
        (X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
        (X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
        // `same-origin` keeps the `Origin` header on our own form posts, which the CSRF check reads.
        (REFERRER_POLICY, HeaderValue::from_static("same-origin")),
        (HeaderName::from_static("cross-origin-opener-policy"), HeaderValue::from_static("same-origin")),
        (HeaderName::from_static("cross-origin-resource-policy"), HeaderValue::from_static("same-origin")),
        (
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"),
        ),
    ]
}

/// Pages carry personal data: shared computers and proxies must not keep them.
pub async fn no_store(req: Request, next: Next) -> Response {
    let mut response = next.run(req).await;
    let headers = response.headers_mut();
    let is_asset = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/css") || t.starts_with("image/svg"));
    if !headers.contains_key(CACHE_CONTROL) && !is_asset {
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// The client's address: the peer, or the last hop of `X-Forwarded-For` behind a trusted proxy.
pub struct ClientIp(pub Option<IpAddr>);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        if state.config.trust_proxy {
            if let Some(ip) = forwarded_for(&parts.headers) {
                return Ok(ClientIp(Some(ip)));
            }
        }
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
        Ok(ClientIp(peer))
    }
}

pub(crate) fn forwarded_for(headers: &HeaderMap) -> Option<IpAddr> {
    headers.get("x-forwarded-for")?.to_str().ok()?.rsplit(',').next()?.trim().parse().ok()
}

/// Only a redirect target on our own site is followed (`/members?page=2`, never `//evil`).
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        // Browsers drop tabs and newlines from a Location and read `\` as `/`: any of them
        // could turn `/x` into `//evil.example`.
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && n.chars().all(|c| !c.is_control() && !c.is_whitespace() && c != '\\') =>
        {
            n.to_string()
        }
        _ => "/".to_string(),
    }
}

/// An Atom feed as XML, without the characters XML 1.0 cannot carry (most control
/// characters), which the writer passes through and every reader refuses. The forms refuse
/// them too; a feed stays readable whatever else reached the database.
pub fn atom_xml(feed: &atom_syndication::Feed) -> String {
    feed.to_string()
        .chars()
        .filter(|c| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..))
        .collect()
}

/// `?page=N` of a listing, 1-based and clamped.
pub fn page_number(page: Option<i64>) -> i64 {
    page.unwrap_or(1).clamp(1, 100_000)
}

#[cfg(test)]
mod tests {
    use super::{atom_xml, safe_next};

    /// Found by fuzzing: a control character in a title went into the feed as it was, and
    /// made the whole feed unreadable XML.
    #[test]
    fn feeds_carry_no_characters_xml_forbids() {
        let mut feed = atom_syndication::Feed::default();
        feed.set_title("Workshop\u{3}\u{0} <one> \u{FFFE}& two");
        let xml = atom_xml(&feed);
        assert!(xml.contains("<title>Workshop &lt;one&gt; &amp; two</title>"), "{xml}");
        assert!(!xml.contains(['\u{3}', '\u{0}', '\u{FFFE}']));
    }

    #[test]
    fn redirects_stay_on_this_site() {
        assert_eq!(safe_next(Some("/members?page=2")), "/members?page=2");
        for bad in
            ["//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/x", "https://evil.example", "evil", "/ /x"]
        {
            assert_eq!(safe_next(Some(bad)), "/", "{bad:?}");
        }
        assert_eq!(safe_next(None), "/");
    }
}
