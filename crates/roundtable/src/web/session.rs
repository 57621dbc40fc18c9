//! Who is asking: the session cookie resolved once per request into a [`Viewer`].
//!
//! Sessions live in the database (only the SHA-256 of the token is stored) so that any
//! node can check them and a member can list and revoke theirs.

use axum::extract::{FromRequestParts, Request, State};
use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use cookie::{Cookie, SameSite};

use super::i18n::Locale;
use super::{AppError, AppState};
use crate::vocab::Role;
use crate::{on_db, on_tx};

pub const SESSION_COOKIE: &str = "rt_session";
pub const CSRF_COOKIE: &str = "rt_csrf";
pub const LANG_COOKIE: &str = "rt_lang";

/// Refresh `last_seen_at` at most this often, so reading pages does not write on every request.
const TOUCH_INTERVAL_MS: i64 = 60_000;

#[derive(Clone, Debug)]
pub struct SessionUser {
    pub session_id: i64,
    pub user_id: i64,
    pub role: Role,
    pub display_name: String,
    pub locale: Locale,
    pub csrf: String,
    /// Unread notifications, for the badge in every page's header.
    pub unread: i64,
    /// Conversations with unread messages, for the header's Messages link.
    pub unread_messages: i64,
    /// How the session began.
    pub how: SessionKind,
    /// Whether the network's policy wants a second factor of this account, which has none.
    pub factor_due: FactorDue,
    /// Whether the member proved who they are (password or passkey, and the second factor
    /// where one is set) within the last [`CONFIRM_MINUTES`]: sensitive actions ask for it.
    pub confirmed: bool,
    /// Set when the request came with a personal access token instead of a session: what
    /// the token may reach. Its answers leave Roundtable, so the access rules treat it as a
    /// file ([`Viewer::leaving`]).
    pub grant: Option<super::api::Grant>,
}

impl SessionUser {
    /// Sensitive actions go on only when the member confirmed who they are lately; if not,
    /// they are sent to confirm it and come back to `back` (the page of the action's form).
    pub fn require_confirmed(&self, back: &str) -> Result<(), AppError> {
        if self.confirmed {
            Ok(())
        } else {
            Err(AppError::ConfirmFirst(back.to_string()))
        }
    }
}

/// How long a sign-in or a confirmation of one's password lets sensitive actions through.
pub const CONFIRM_MINUTES: i64 = 10;

/// The rule of whether an account has a second factor (a confirmed one-time-code key or a
/// passkey), as SQL on the account id in `user_col`: the sign-in, the policy and the admin
/// pages all ask it, so it lives here once.
pub fn has_factor_sql(user_col: &str) -> String {
    format!(
        "(EXISTS (SELECT 1 FROM totp_factors tf WHERE tf.user_id = {user_col} AND tf.confirmed_at IS NOT NULL) \
          OR EXISTS (SELECT 1 FROM passkeys pk WHERE pk.user_id = {user_col}))"
    )
}

/// A second factor the network's policy asks of an account that has none yet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FactorDue {
    /// Not asked, or given.
    #[default]
    No,
    /// Asked by this moment (Unix ms); until then everything stays open.
    By(i64),
    /// Overdue: staff pages are closed until one is set up.
    Now,
}

/// How a session began: whether a second factor was given, and whether it is on a shared
/// device (then it ends with the browser, and after [`SHARED_IDLE_MINUTES`] idle).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SessionKind {
    pub second_factor: bool,
    pub shared: bool,
}

/// A shared-device session ends after this long without a request.
pub const SHARED_IDLE_MINUTES: i64 = 30;

/// The person behind a request, or nobody.
#[derive(Clone, Debug, Default)]
pub struct Viewer(pub Option<SessionUser>);

impl Viewer {
    /// A viewer with this id and role (`None`: the public), for unit tests of access rules.
    #[cfg(test)]
    pub fn for_tests(user_id: i64, role: Option<Role>) -> Viewer {
        Viewer(role.map(|role| SessionUser {
            session_id: 1,
            user_id,
            role,
            display_name: "x".into(),
            locale: crate::web::Locale::En,
            csrf: "t".into(),
            unread: 0,
            unread_messages: 0,
            how: SessionKind::default(),
            factor_due: FactorDue::No,
            confirmed: true,
            grant: None,
        }))
    }

    pub fn user(&self) -> Option<&SessionUser> {
        self.0.as_ref()
    }
    pub fn id(&self) -> Option<i64> {
        self.0.as_ref().map(|u| u.user_id)
    }
    pub fn role(&self) -> Option<Role> {
        self.0.as_ref().map(|u| u.role)
    }
    pub fn is_member(&self) -> bool {
        self.0.is_some()
    }
    pub fn is_coordinator(&self) -> bool {
        self.role().is_some_and(Role::is_coordinator)
    }
    pub fn is_admin(&self) -> bool {
        self.role() == Some(Role::Admin)
    }
    pub fn is(&self, user_id: i64) -> bool {
        self.id() == Some(user_id)
    }
    /// Whether what this request reads leaves Roundtable's protection: a personal access
    /// token's request, whose answers go to another system. The access rules then hold it
    /// to what may go in files: no member at risk, nothing of a secret group.
    pub fn leaving(&self) -> bool {
        self.0.as_ref().is_some_and(|u| u.grant.is_some())
    }
}

/// The request's language and the token its forms must carry; set by [`load_session`].
#[derive(Clone, Debug)]
pub struct RequestContext {
    pub locale: Locale,
    pub csrf: String,
    /// The zone times are shown in: the viewer's choice, else the network's.
    pub zone: chrono_tz::Tz,
}

impl<S: Send + Sync> FromRequestParts<S> for Viewer {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(parts.extensions.get::<Viewer>().cloned().unwrap_or_default())
    }
}

/// A signed-in member; anyone else is sent to sign in.
pub struct SignedIn(pub SessionUser);

impl<S: Send + Sync> FromRequestParts<S> for SignedIn {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        match parts.extensions.get::<Viewer>() {
            Some(Viewer(Some(user))) => Ok(SignedIn(user.clone())),
            _ => Err(AppError::SignInRequired),
        }
    }
}

/// A coordinator or an admin.
pub struct Coordinator(pub SessionUser);

impl<S: Send + Sync> FromRequestParts<S> for Coordinator {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let SignedIn(user) = SignedIn::from_request_parts(parts, state).await?;
        if user.role.is_coordinator() && user.factor_due == FactorDue::Now {
            Err(AppError::SecondFactorRequired)
        } else if user.role.is_coordinator() {
            Ok(Coordinator(user))
        } else {
            Err(AppError::Forbidden)
        }
    }
}

pub struct Admin(pub SessionUser);

impl<S: Send + Sync> FromRequestParts<S> for Admin {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let SignedIn(user) = SignedIn::from_request_parts(parts, state).await?;
        if user.role == Role::Admin && user.factor_due == FactorDue::Now {
            Err(AppError::SecondFactorRequired)
        } else if user.role == Role::Admin {
            Ok(Admin(user))
        } else {
            Err(AppError::Forbidden)
        }
    }
}

/// 256 random bits, URL-safe.
pub fn random_token() -> String {
    use base64::Engine;
    let bytes: [u8; 32] = rand::random();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What the database keeps of a secret token.
pub fn hash_token(token: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A cookie's name as this network sets it: over HTTPS with the `__Host-` prefix, which
/// browsers accept only from this very host, secure, for the whole site (no subdomain or
/// plain-HTTP page can plant or overwrite it).
pub fn cookie_name(state: &AppState, name: &str) -> String {
    if state.config.secure_cookies() {
        format!("__Host-{name}")
    } else {
        name.to_string()
    }
}

pub fn read_cookie(state: &AppState, headers: &axum::http::HeaderMap, name: &str) -> Option<String> {
    let name = cookie_name(state, name);
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .map(|c| c.value().to_string())
}

pub fn cookie_header(state: &AppState, name: &str, value: &str, max_age_secs: Option<i64>) -> HeaderValue {
    let mut c = Cookie::build((cookie_name(state, name), value.to_string()))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.config.secure_cookies());
    if let Some(secs) = max_age_secs {
        c = c.max_age(cookie::time::Duration::seconds(secs));
    }
    HeaderValue::from_str(&c.build().to_string()).expect("cookie values are header-safe")
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    id: i64,
    user_id: i64,
    csrf_token: String,
    last_seen_at: i64,
    expires_at: i64,
    role: String,
    display_name: String,
    locale: String,
    unread: i64,
    unread_messages: i64,
    second_factor: bool,
    shared: bool,
    confirmed_at: i64,
}

/// SQL counting the conversations with messages the account in `s.user_id` has not read
/// (at most 100), with `$2` the time now; the messages' own rule, given by the application
/// (the web layer does not know features).
#[derive(Clone)]
pub struct UnreadMessages(pub std::sync::Arc<str>);

/// What the network's second-factor policy asks of this account. The factor is looked up
/// only when the policy applies, so most requests pay for one single-row read.
pub(super) async fn factor_due(state: &AppState, user_id: i64, role: Role, now: i64) -> Result<FactorDue, AppError> {
    let (policy, grace_until): (String, Option<i64>) = on_db!(&state.db, pool =>
        sqlx::query_as("SELECT required_for, grace_until FROM signin_policy WHERE id = 1").fetch_one(pool).await)?;
    if !policy.parse::<crate::vocab::FactorPolicy>().is_ok_and(|p| p.applies_to(role)) {
        return Ok(FactorDue::No);
    }
    let sql = format!("SELECT {}", has_factor_sql("$1"));
    let has_factor: bool = on_db!(&state.db, pool => sqlx::query_scalar(&sql).bind(user_id).fetch_one(pool).await)?;
    Ok(match grace_until {
        _ if has_factor => FactorDue::No,
        Some(until) if until > now => FactorDue::By(until),
        _ => FactorDue::Now,
    })
}

/// Whether a session has ended: past its expiry, or idle for longer than allowed (less on a
/// shared device).
fn lapsed(state: &AppState, expires_at: i64, last_seen_at: i64, shared: bool, now: i64) -> bool {
    let idle_minutes = if shared {
        state.config.session_idle_minutes.min(SHARED_IDLE_MINUTES)
    } else {
        state.config.session_idle_minutes
    };
    expires_at <= now || last_seen_at + idle_minutes * 60_000 <= now
}

/// Whether session `id` is still open, for what outlives the request that checked it (a
/// live page's socket): signing out, an ended session or a deactivated account closes it.
pub async fn still_open(state: &AppState, id: i64) -> Result<bool, sqlx::Error> {
    let sql = "SELECT s.expires_at, s.last_seen_at, s.shared FROM sessions s JOIN users u ON u.id = s.user_id \
               WHERE s.id = $1 AND u.active = TRUE";
    let row: Option<(i64, i64, bool)> =
        on_db!(&state.db, pool => sqlx::query_as(sql).bind(id).fetch_optional(pool).await)?;
    Ok(row.is_some_and(|(expires_at, last_seen_at, shared)| {
        !lapsed(state, expires_at, last_seen_at, shared, state.clock.now_ms())
    }))
}

async fn find_session(state: &AppState, token: &str) -> Result<Option<SessionUser>, AppError> {
    let hash = hash_token(token);
    let sql = format!(
        "SELECT s.id, s.user_id, s.csrf_token, s.last_seen_at, s.expires_at, s.second_factor, s.shared, s.confirmed_at, \
           u.role, u.display_name, u.locale, \
           (SELECT COUNT(*) FROM (SELECT 1 FROM notifications n WHERE n.user_id = s.user_id AND n.read_at IS NULL AND {} \
            LIMIT 100) capped) AS unread, {} AS unread_messages \
         FROM sessions s JOIN users u ON u.id = s.user_id \
         WHERE s.token_hash = $1 AND u.active = TRUE",
        &*state.part::<crate::notify::Visible>().0,
        &*state.part::<UnreadMessages>().0,
    );
    let now = state.clock.now_ms();
    let row: Option<SessionRow> =
        on_db!(&state.db, pool => sqlx::query_as(&sql).bind(&hash).bind(now).fetch_optional(pool).await)?;
    let Some(row) = row else { return Ok(None) };
    if lapsed(state, row.expires_at, row.last_seen_at, row.shared, now) {
        on_db!(&state.db, pool => sqlx::query("DELETE FROM sessions WHERE id = $1").bind(row.id).execute(pool).await.map(crate::db::affected))?;
        return Ok(None);
    }
    if now - row.last_seen_at > TOUCH_INTERVAL_MS {
        on_db!(&state.db, pool => sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id = $2")
            .bind(now).bind(row.id).execute(pool).await.map(crate::db::affected))?;
    }
    let role: Role = row.role.parse()?;
    Ok(Some(SessionUser {
        session_id: row.id,
        user_id: row.user_id,
        role,
        display_name: row.display_name,
        locale: Locale::parse(&row.locale).unwrap_or(Locale::En),
        csrf: row.csrf_token,
        unread: row.unread,
        unread_messages: row.unread_messages,
        how: SessionKind { second_factor: row.second_factor, shared: row.shared },
        factor_due: factor_due(state, row.user_id, role, now).await?,
        confirmed: row.confirmed_at > now - CONFIRM_MINUTES * 60_000,
        grant: None,
    }))
}

/// Resolve the session, the language and the CSRF token of every request.
pub async fn load_session(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    if req.uri().path().starts_with("/api/v1/") {
        if let Some(token) = super::api::bearer(req.headers()).map(str::to_string) {
            return load_token(state, req, next, &token).await;
        }
    }
    let headers = req.headers();
    let token = read_cookie(&state, headers, SESSION_COOKIE);
    let user = match &token {
        Some(token) => match find_session(&state, token).await {
            Ok(user) => user,
            Err(e) => return axum::response::IntoResponse::into_response(e),
        },
        None => None,
    };
    let stale_cookie = token.is_some() && user.is_none();

    let chosen = read_cookie(&state, headers, LANG_COOKIE).and_then(|l| Locale::parse(&l));
    let locale = chosen
        .or(user.as_ref().map(|u| u.locale))
        .or_else(|| {
            headers.get(axum::http::header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(Locale::negotiate)
        })
        .unwrap_or(Locale::En);

    // Signed-in forms carry the session's own token; anonymous forms (sign-in, sign-up,
    // password reset) use a double-submit cookie.
    let anon_csrf = read_cookie(&state, headers, CSRF_COOKIE);
    let mut new_anon_csrf = None;
    let csrf = match (&user, anon_csrf) {
        (Some(u), _) => u.csrf.clone(),
        (None, Some(c)) if c.len() >= 32 => c,
        (None, _) => {
            let fresh = random_token();
            new_anon_csrf = Some(fresh.clone());
            fresh
        }
    };

    req.extensions_mut().insert(Viewer(user));
    let zone = super::zone::chosen(&state, req.headers()).unwrap_or(state.config.time_zone);
    req.extensions_mut().insert(RequestContext { locale, csrf, zone });
    let mut response = next.run(req).await;
    if let Some(fresh) = new_anon_csrf {
        response.headers_mut().append(SET_COOKIE, cookie_header(&state, CSRF_COOKIE, &fresh, None));
    }
    if stale_cookie && !response.headers().contains_key(SET_COOKIE) {
        response.headers_mut().append(SET_COOKIE, cookie_header(&state, SESSION_COOKIE, "", Some(0)));
    }
    response
}

/// A request with a personal access token: its account and grant, or a refusal in JSON. No
/// cookie is read or set: the token alone says who asks.
async fn load_token(state: AppState, mut req: Request, next: Next, token: &str) -> Response {
    let locale = req
        .headers()
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Locale::negotiate)
        .unwrap_or(Locale::En);
    let path = req.uri().path().to_string();
    let user = match super::api::viewer_of_token(&state, token, req.method(), &path).await {
        Ok(Ok(user)) => user,
        Ok(Err(refusal)) => return refusal.into_response(locale),
        Err(e) => return axum::response::IntoResponse::into_response(e),
    };
    let locale = user.locale;
    req.extensions_mut().insert(Viewer(Some(user)));
    req.extensions_mut().insert(RequestContext { locale, csrf: String::new(), zone: chrono_tz::UTC });
    next.run(req).await
}

/// A short description of the device, so a member recognises their sessions without us
/// keeping the full user-agent string.
pub fn describe_device(user_agent: &str) -> String {
    let browser = [("Edg/", "Edge"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari")]
        .iter()
        .find(|(needle, _)| user_agent.contains(needle))
        .map(|(_, name)| *name);
    let system = [
        ("Android", "Android"),
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Windows", "Windows"),
        ("Mac OS", "macOS"),
        ("Linux", "Linux"),
    ]
    .iter()
    .find(|(needle, _)| user_agent.contains(needle))
    .map(|(_, name)| *name);
    match (browser, system) {
        (Some(b), Some(s)) => format!("{b}, {s}"),
        (Some(b), None) => b.to_string(),
        (None, Some(s)) => s.to_string(),
        (None, None) => String::new(),
    }
}

/// Ends everything that signs account `user_id` in: its sessions and its API tokens (a new
/// password, signing out everywhere, a recovery or a deactivation must leave no way in).
pub async fn end_everywhere(tx: &mut crate::db::Tx, user_id: i64) -> Result<(), sqlx::Error> {
    for sql in ["DELETE FROM sessions WHERE user_id = $1", "DELETE FROM api_tokens WHERE user_id = $1"] {
        on_tx!(tx, c => sqlx::query(sql).bind(user_id).execute(&mut **c).await.map(crate::db::affected))?;
    }
    Ok(())
}

/// Ends one session.
pub async fn end(db: &crate::db::Db, session_id: i64) -> Result<(), sqlx::Error> {
    on_db!(db, pool => sqlx::query("DELETE FROM sessions WHERE id = $1").bind(session_id).execute(pool).await.map(crate::db::affected))?;
    Ok(())
}

pub async fn create_session(
    tx: &mut crate::db::Tx,
    state: &AppState,
    user_id: i64,
    device: &str,
    how: SessionKind,
) -> Result<String, AppError> {
    let token = random_token();
    let csrf = random_token();
    let now = state.clock.now_ms();
    let expires = now + state.config.session_lifetime_hours * 3_600_000;
    // Signing in is itself a confirmation of who one is.
    let sql = "INSERT INTO sessions (token_hash, user_id, csrf_token, device, created_at, last_seen_at, expires_at, \
               second_factor, shared, confirmed_at) VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8, $5)";
    on_tx!(tx, c => sqlx::query(sql).bind(hash_token(&token)).bind(user_id).bind(&csrf)
        .bind(device).bind(now).bind(expires).bind(how.second_factor).bind(how.shared)
        .execute(&mut **c).await.map(crate::db::affected))?;
    Ok(token)
}
