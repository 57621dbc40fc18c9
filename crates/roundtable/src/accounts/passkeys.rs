//! Passkeys (WebAuthn): several per account, named by their owner; a passkey alone signs
//! in (it is a discoverable credential that asks for the device's lock, so it is two
//! factors in one), or serves as the second factor after the password, or confirms who one
//! is before a sensitive action.
//!
//! Every ceremony's state is kept in the database (`webauthn_ceremonies`), so any node can
//! finish what another began; it is taken when it is finished, so an answer works once,
//! and it lasts [`CEREMONY_MINUTES`]. The relying party is the base URL's host: WebAuthn
//! refuses IP addresses there, so a network reached by address alone has one-time codes
//! and no passkeys.

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use base64::Engine;
use minijinja::{context, Value};
use serde::Deserialize;
use webauthn_rs::prelude::{
    CreationChallengeResponse, DiscoverableAuthentication, Passkey, PasskeyAuthentication, PasskeyRegistration,
    PublicKeyCredential, RegisterPublicKeyCredential, RequestChallengeResponse, Uuid, Webauthn, WebauthnBuilder,
};

use super::{factors, finish_signin, throttle};
use crate::audit::{self, Detail, Entry};
use crate::db::{affected, Db, Tx};
use crate::vocab::AuditAction;
use crate::web::session::{hash_token, random_token, SessionKind};
use crate::web::{safe_next, AppError, AppResult, AppState, ClientIp, Form, Message, Page, Routes, SignedIn};
use crate::{on_db, on_tx};

/// A ceremony not finished within this long is void.
pub const CEREMONY_MINUTES: i64 = 5;
/// The longest name a passkey may have.
const MAX_NAME: usize = 60;
/// Passkeys one account may hold: a phone, a laptop and a key or two each for a few
/// years, and a bound on the list every check of the account reads.
pub const PASSKEYS: crate::web::limits::Cap = crate::web::limits::Cap {
    count_sql: "SELECT COUNT(*) FROM passkeys WHERE user_id = $1",
    max: 10,
    message: "error-passkey-too-many",
};
/// Ceremonies begun for one account (adding a passkey, the second step of signing in,
/// confirming who one is) in an hour: each keeps a row until it is finished or expires.
/// Signing in with a passkey alone names no account until it is finished, and is counted
/// per network instead ([`throttle`]).
pub const CEREMONIES: crate::web::limits::Logged =
    crate::web::limits::Logged { action: "passkey_ceremony", max: 20, window_ms: crate::web::limits::HOUR };

pub fn routes() -> Routes {
    vec![
        ("/account/security/passkeys", post(start_register)),
        ("/account/security/passkeys/finish", post(finish_register)),
        ("/account/security/passkeys/{id}/remove", post(remove)),
        ("/signin/passkey", post(start_signin)),
        ("/signin/passkey/finish", post(finish_passkey_signin)),
    ]
}

/// The relying party for this network, or `None` where passkeys cannot work (the base URL
/// names the host by IP address).
pub fn relying_party(state: &AppState) -> Option<Webauthn> {
    let url = &state.config.base_url;
    let host = match url.host()? {
        url::Host::Domain(d) => d.to_string(),
        url::Host::Ipv4(_) | url::Host::Ipv6(_) => return None,
    };
    WebauthnBuilder::new(&host, url).ok()?.rp_name("Roundtable").build().ok()
}

fn unavailable() -> AppError {
    AppError::invalid("error-passkeys-unavailable")
}

/// What a browser's answer failing any check of WebAuthn (origin, relying party, challenge,
/// signature, counter) is told: one message, so nothing is learnt from which check failed.
fn refused() -> AppError {
    AppError::invalid("error-passkey-refused")
}

fn credential_key(id: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(id)
}

// ---- ceremonies ----------------------------------------------------------------------------

/// What a ceremony is for; a ceremony begun for one purpose finishes no other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Register,
    Signin,
    Second,
    Confirm,
}

impl Purpose {
    fn key(self) -> &'static str {
        match self {
            Purpose::Register => "register",
            Purpose::Signin => "signin",
            Purpose::Second => "second",
            Purpose::Confirm => "confirm",
        }
    }
}

/// Keep a ceremony's state; the token returned goes to the browser in the form.
async fn begin<S: serde::Serialize>(
    state: &AppState,
    purpose: Purpose,
    user: Option<i64>,
    ceremony: &S,
) -> AppResult<String> {
    let token = random_token();
    let json = serde_json::to_string(ceremony).map_err(|e| AppError::Internal(e.into()))?;
    let now = state.clock.now_ms();
    let expires = now + CEREMONY_MINUTES * 60_000;
    // Anyone may begin a sign-in: the table is kept to the ceremonies still running.
    let sql = "DELETE FROM webauthn_ceremonies WHERE expires_at <= $1";
    on_db!(&state.db, pool => sqlx::query(sql).bind(now).execute(pool).await.map(affected))?;
    let mut tx = state.db.begin().await?;
    if let Some(user) = user {
        CEREMONIES.check_and_log(&mut tx, user, now).await?;
    }
    let sql =
        "INSERT INTO webauthn_ceremonies (token_hash, purpose, user_id, state, expires_at) VALUES ($1, $2, $3, $4, $5)";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(hash_token(&token)).bind(purpose.key()).bind(user).bind(&json)
        .bind(expires).execute(&mut **c).await.map(affected))?;
    tx.commit().await?;
    Ok(token)
}

/// Take a ceremony (it is deleted whatever follows: an answer works once). `None` when it
/// is unknown, used, expired, of another purpose or another account's.
async fn take<S: serde::de::DeserializeOwned>(
    tx: &mut Tx,
    now: i64,
    token: &str,
    purpose: Purpose,
    user: Option<i64>,
) -> AppResult<Option<S>> {
    let hash = hash_token(token);
    let sql = "SELECT purpose, user_id, state, expires_at FROM webauthn_ceremonies WHERE token_hash = $1";
    let row: Option<(String, Option<i64>, String, i64)> =
        on_tx!(tx, c => sqlx::query_as(sql).bind(&hash).fetch_optional(&mut **c).await)?;
    let Some((p, owner, json, expires)) = row else { return Ok(None) };
    let sql = "DELETE FROM webauthn_ceremonies WHERE token_hash = $1";
    let taken = on_tx!(tx, c => sqlx::query(sql).bind(&hash).execute(&mut **c).await.map(affected))?;
    if taken != 1 || p != purpose.key() || owner != user || expires <= now {
        return Ok(None);
    }
    Ok(serde_json::from_str(&json).ok())
}

/// The browser's answer, as the form carries it (JSON), or a clear message.
fn parse_answer<T: serde::de::DeserializeOwned>(text: &str) -> AppResult<T> {
    if text.is_empty() || text.len() > 64 * 1024 {
        return Err(AppError::invalid("error-passkey-unreadable"));
    }
    serde_json::from_str(text).map_err(|_| AppError::invalid("error-passkey-unreadable"))
}

/// Options for the browser as JSON, for the form's `data-options`.
fn options_json<T: serde::Serialize>(options: &T) -> AppResult<String> {
    serde_json::to_string(options).map_err(|e| AppError::Internal(e.into()))
}

/// The page that asks the browser for a passkey: `mode` "create" or "get".
pub struct Ask<'a> {
    pub title: &'a str,
    pub intro: &'a str,
    pub action: &'a str,
    pub mode: &'a str,
    pub options: String,
    pub ceremony: String,
    /// Further fields the form carries on (name, value).
    pub hidden: Vec<(&'a str, String)>,
    /// Whether the form asks for a name (registration).
    pub named: bool,
    pub error: Option<String>,
}

pub fn ask_page(state: &AppState, page: &Page, ask: Ask) -> AppResult<Response> {
    let hidden: Vec<Value> = ask.hidden.iter().map(|(n, v)| context! { name => n, value => v }).collect();
    let status =
        if ask.error.is_some() { axum::http::StatusCode::UNPROCESSABLE_ENTITY } else { axum::http::StatusCode::OK };
    let ctx = context! {
        title => page.t(ask.title), intro => page.t(ask.intro), action => ask.action, mode => ask.mode,
        options => ask.options, ceremony => ask.ceremony, hidden, named => ask.named, error => ask.error,
    };
    Ok((status, page.render(state, "accounts/passkey.html", ctx)?).into_response())
}

// ---- an account's passkeys -------------------------------------------------------------

#[derive(sqlx::FromRow, serde::Serialize)]
pub struct PasskeyView {
    id: i64,
    name: String,
    created_at: i64,
    last_used_at: Option<i64>,
}

pub async fn list(db: &Db, user: i64) -> Result<Vec<PasskeyView>, sqlx::Error> {
    let sql = "SELECT id, name, created_at, last_used_at FROM passkeys WHERE user_id = $1 ORDER BY created_at, id";
    on_db!(db, pool => sqlx::query_as(sql).bind(user).fetch_all(pool).await)
}

/// The account's passkeys as WebAuthn reads them.
async fn credentials_of(db: &Db, user: i64) -> AppResult<Vec<Passkey>> {
    let sql = "SELECT credential FROM passkeys WHERE user_id = $1";
    let rows: Vec<String> = on_db!(db, pool => sqlx::query_scalar(sql).bind(user).fetch_all(pool).await)?;
    rows.iter().map(|j| serde_json::from_str(j).map_err(|e| AppError::Internal(e.into()))).collect()
}

pub async fn has_any(db: &Db, user: i64) -> Result<bool, sqlx::Error> {
    let sql = "SELECT COUNT(*) FROM passkeys WHERE user_id = $1";
    let n: i64 = on_db!(db, pool => sqlx::query_scalar(sql).bind(user).fetch_one(pool).await)?;
    Ok(n > 0)
}

/// The account's passkey handle, made the first time it registers one.
async fn handle(db: &Db, user: i64) -> AppResult<Uuid> {
    let sql = "SELECT passkey_handle FROM users WHERE id = $1";
    let current: Option<String> = on_db!(db, pool => sqlx::query_scalar(sql).bind(user).fetch_one(pool).await)?;
    if let Some(h) = current.and_then(|h| Uuid::parse_str(&h).ok()) {
        return Ok(h);
    }
    let fresh = Uuid::new_v4();
    let sql = "UPDATE users SET passkey_handle = $1 WHERE id = $2 AND passkey_handle IS NULL";
    on_db!(db, pool => sqlx::query(sql).bind(fresh.to_string()).bind(user).execute(pool).await.map(affected))?;
    let sql = "SELECT passkey_handle FROM users WHERE id = $1";
    let stored: Option<String> = on_db!(db, pool => sqlx::query_scalar(sql).bind(user).fetch_one(pool).await)?;
    stored
        .and_then(|h| Uuid::parse_str(&h).ok())
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("no passkey handle")))
}

#[derive(Deserialize)]
struct Empty {}

async fn start_register(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    user.require_confirmed("/account/security")?;
    // A passkey kept by a shared computer would sign anyone at it in.
    if user.how.shared {
        return Err(AppError::invalid("error-passkey-shared-device"));
    }
    let rp = relying_party(&state).ok_or_else(unavailable)?;
    // Told before the device makes a passkey that could not be kept (and counted again
    // when it is kept).
    let mut tx = state.db.begin().await?;
    PASSKEYS.check(&mut tx, user.user_id).await?;
    tx.commit().await?;
    let handle = handle(&state.db, user.user_id).await?;
    let email: String = on_db!(&state.db, pool => sqlx::query_scalar("SELECT email FROM users WHERE id = $1")
        .bind(user.user_id).fetch_one(pool).await)?;
    let existing: Vec<_> = credentials_of(&state.db, user.user_id).await?.iter().map(|p| p.cred_id().clone()).collect();
    let (options, registration): (CreationChallengeResponse, PasskeyRegistration) = rp
        .start_passkey_registration(handle, &email, &user.display_name, Some(existing))
        .map_err(|e| AppError::Internal(anyhow::anyhow!("passkey registration: {e}")))?;
    // Ask for a passkey the device keeps (discoverable), so that it alone can sign in.
    let mut options = serde_json::to_value(&options).map_err(|e| AppError::Internal(e.into()))?;
    if let Some(selection) = options.pointer_mut("/publicKey/authenticatorSelection") {
        selection["residentKey"] = "preferred".into();
    }
    let ceremony = begin(&state, Purpose::Register, Some(user.user_id), &registration).await?;
    let ask = Ask {
        title: "passkey-add-title",
        intro: "passkey-add-intro",
        action: "/account/security/passkeys/finish",
        mode: "create",
        options: options_json(&options)?,
        ceremony,
        hidden: vec![],
        named: true,
        error: None,
    };
    ask_page(&state, &page, ask)
}

#[derive(Deserialize)]
struct FinishForm {
    #[serde(default)]
    ceremony: String,
    #[serde(default)]
    credential: String,
    #[serde(default)]
    name: String,
    next: Option<String>,
    shared: Option<String>,
}

async fn finish_register(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    ClientIp(ip): ClientIp,
    Form(form): Form<FinishForm>,
) -> AppResult<Response> {
    user.require_confirmed("/account/security")?;
    let rp = relying_party(&state).ok_or_else(unavailable)?;
    let name = crate::members::bounded(&form.name, MAX_NAME)?;
    let name = if name.is_empty() { page.t("passkey-unnamed") } else { name };
    let answer: RegisterPublicKeyCredential = parse_answer(&form.credential)?;
    let mut tx = state.db.begin().await?;
    let now = state.clock.now_ms();
    let Some(registration) =
        take::<PasskeyRegistration>(&mut tx, now, &form.ceremony, Purpose::Register, Some(user.user_id)).await?
    else {
        tx.commit().await?;
        return Err(AppError::invalid("error-passkey-expired"));
    };
    // The ceremony is spent whatever the answer: commit its removal before judging it.
    tx.commit().await?;
    let passkey = rp.finish_passkey_registration(&answer, &registration).map_err(|_| refused())?;
    let credential = serde_json::to_string(&passkey).map_err(|e| AppError::Internal(e.into()))?;
    let mut tx = state.db.begin().await?;
    PASSKEYS.check(&mut tx, user.user_id).await?;
    let sql = "INSERT INTO passkeys (user_id, credential_id, name, credential, created_at) VALUES ($1, $2, $3, $4, $5)";
    let inserted = on_tx!(&mut tx, c => sqlx::query(sql).bind(user.user_id).bind(credential_key(passkey.cred_id().as_ref()))
        .bind(&name).bind(&credential).bind(now).execute(&mut **c).await.map(affected));
    match inserted {
        Err(e) if crate::db::is_unique_violation(&e) => return Err(AppError::invalid("error-passkey-known")),
        other => other?,
    };
    let entry = Entry {
        actor: Some(user.user_id),
        action: AuditAction::SecondFactorAdded,
        target: Some(user.user_id),
        detail: Detail::None,
        ip,
    };
    audit::record(&mut tx, entry).await?;
    // A first factor brings recovery codes, for the day the device is lost.
    let codes = factors::recovery_codes_if_none(&mut tx, user.user_id).await?;
    tx.commit().await?;
    match codes {
        Some(codes) => {
            Ok(page.render(&state, "accounts/recovery.html", context! { codes, first => true })?.into_response())
        }
        None => Ok(Redirect::to("/account/security?done=passkey").into_response()),
    }
}

async fn remove(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ClientIp(ip): ClientIp,
    Path(id): Path<i64>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    user.require_confirmed("/account/security")?;
    let mut tx = state.db.begin().await?;
    // Scoped to the owner: another member's passkey id matches nothing.
    let sql = "DELETE FROM passkeys WHERE id = $1 AND user_id = $2";
    let gone =
        on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(user.user_id).execute(&mut **c).await.map(affected))?;
    if gone == 0 {
        return Err(AppError::NotFound);
    }
    let entry = Entry {
        actor: Some(user.user_id),
        action: AuditAction::SecondFactorRemoved,
        target: Some(user.user_id),
        detail: Detail::None,
        ip,
    };
    audit::record(&mut tx, entry).await?;
    factors::forget_recovery_codes_if_no_factor(&mut tx, user.user_id).await?;
    tx.commit().await?;
    Ok(Redirect::to("/account/security?done=passkey-removed").into_response())
}

// ---- signing in with a passkey alone ------------------------------------------------------

#[derive(Deserialize)]
struct StartSignin {
    next: Option<String>,
    shared: Option<String>,
}

async fn start_signin(State(state): State<AppState>, page: Page, Form(form): Form<StartSignin>) -> AppResult<Response> {
    let rp = relying_party(&state).ok_or_else(unavailable)?;
    let (options, auth): (RequestChallengeResponse, DiscoverableAuthentication) =
        rp.start_discoverable_authentication().map_err(|e| AppError::Internal(anyhow::anyhow!("passkey: {e}")))?;
    let ceremony = begin(&state, Purpose::Signin, None, &auth).await?;
    let mut hidden = vec![("next", safe_next(form.next.as_deref()))];
    if form.shared.is_some() {
        hidden.push(("shared", "on".to_string()));
    }
    let ask = Ask {
        title: "passkey-signin-title",
        intro: "passkey-signin-intro",
        action: "/signin/passkey/finish",
        mode: "get",
        options: options_json(&options)?,
        ceremony,
        hidden,
        named: false,
        error: None,
    };
    ask_page(&state, &page, ask)
}

/// Check an assertion against the stored passkey and record its use. The signature
/// counter must grow (where the device keeps one): a passkey whose counter goes back has
/// been copied, and is refused. One conditional update decides, so two answers to one
/// ceremony cannot both count.
async fn record_use(
    tx: &mut Tx,
    now: i64,
    passkey_id: i64,
    mut passkey: Passkey,
    result: &webauthn_rs::prelude::AuthenticationResult,
) -> AppResult<()> {
    passkey.update_credential(result);
    let credential = serde_json::to_string(&passkey).map_err(|e| AppError::Internal(e.into()))?;
    let counter = i64::from(result.counter());
    // A device without a counter always answers 0; one with a counter never goes back to it.
    let sql = "UPDATE passkeys SET credential = $1, sign_count = $2, last_used_at = $3 \
               WHERE id = $4 AND (sign_count < $2 OR (sign_count = 0 AND $2 = 0))";
    let done = on_tx!(tx, c => sqlx::query(sql).bind(&credential).bind(counter).bind(now).bind(passkey_id)
        .execute(&mut **c).await.map(affected))?;
    if done == 1 {
        Ok(())
    } else {
        Err(refused())
    }
}

/// A stored passkey by its credential id: (row id, owner, passkey).
async fn find(tx: &mut Tx, credential_id: &[u8]) -> AppResult<Option<(i64, i64, Passkey)>> {
    let sql = "SELECT id, user_id, credential FROM passkeys WHERE credential_id = $1";
    let row: Option<(i64, i64, String)> = on_tx!(tx, c => sqlx::query_as(sql).bind(credential_key(credential_id))
        .fetch_optional(&mut **c).await)?;
    row.map(|(id, user, json)| {
        serde_json::from_str(&json).map(|p| (id, user, p)).map_err(|e| AppError::Internal(e.into()))
    })
    .transpose()
}

async fn finish_passkey_signin(
    State(state): State<AppState>,
    page: Page,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Form(form): Form<FinishForm>,
) -> AppResult<Response> {
    let next = safe_next(form.next.as_deref());
    let shared = form.shared.is_some();
    match check_signin(&state, ip, &form).await {
        Ok(user) => {
            let how = SessionKind { second_factor: true, shared };
            finish_signin(&state, &headers, ip, user, how, &next).await
        }
        Err(e @ (AppError::Invalid(_) | AppError::TooMany(_))) => {
            let action = if matches!(e, AppError::TooMany(_)) {
                AuditAction::SigninThrottled
            } else {
                AuditAction::SigninFailed
            };
            let mut tx = state.db.begin().await?;
            audit::record(&mut tx, Entry { actor: None, action, target: None, detail: Detail::None, ip }).await?;
            tx.commit().await?;
            let message = e.message();
            let error = page.locale.t_args(message.id, &message.args);
            let ctx = context! { email => "", next, error, passkeys => true };
            let status = e.status();
            Ok((status, page.render(&state, "accounts/signin.html", ctx)?).into_response())
        }
        Err(e) => Err(e),
    }
}

/// Whose passkey answered, once every check passed. Attempts are counted per network like
/// password guesses, before anything is checked.
async fn check_signin(state: &AppState, ip: Option<std::net::IpAddr>, form: &FinishForm) -> AppResult<i64> {
    let rp = relying_party(state).ok_or_else(unavailable)?;
    let keys: Vec<(String, i64)> = throttle::address_key(ip).map(|k| (k, throttle::PER_ADDRESS)).into_iter().collect();
    let attempt = throttle::attempt(&state.db, &keys).await?;
    let answer: PublicKeyCredential = parse_answer(&form.credential)?;
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    let auth: Option<DiscoverableAuthentication> = take(&mut tx, now, &form.ceremony, Purpose::Signin, None).await?;
    tx.commit().await?;
    let auth = auth.ok_or_else(|| AppError::invalid("error-passkey-expired"))?;
    let (handle, credential_id) = rp.identify_discoverable_authentication(&answer).map_err(|_| refused())?;
    let mut tx = state.db.begin().await?;
    let found = find(&mut tx, credential_id).await?;
    let sql = "SELECT passkey_handle FROM users WHERE id = $1 AND active = TRUE";
    let Some((passkey_id, user, passkey)) = found else { return Err(refused()) };
    let owner_handle: Option<Option<String>> =
        on_tx!(&mut tx, c => sqlx::query_scalar(sql).bind(user).fetch_optional(&mut **c).await)?;
    // The handle the device gave must be the account's that holds this passkey.
    if owner_handle.flatten() != Some(handle.to_string()) {
        return Err(refused());
    }
    let result = rp.finish_discoverable_authentication_v2(&answer, auth, &passkey).map_err(|_| refused())?;
    record_use(&mut tx, now, passkey_id, passkey, &result).await?;
    tx.commit().await?;
    throttle::forget(&state.db, &attempt).await?;
    Ok(user)
}

// ---- a passkey as the second factor, or to confirm who one is -----------------------------

/// Begin a passkey check of a known account (the second step of a sign-in, or confirming
/// before a sensitive action). `None` when the account has no passkey or passkeys cannot
/// work here.
async fn start_check(state: &AppState, user: i64, purpose: Purpose) -> AppResult<Option<(String, String)>> {
    let Some(rp) = relying_party(state) else { return Ok(None) };
    let passkeys = credentials_of(&state.db, user).await?;
    if passkeys.is_empty() {
        return Ok(None);
    }
    let (options, auth): (RequestChallengeResponse, PasskeyAuthentication) =
        rp.start_passkey_authentication(&passkeys).map_err(|e| AppError::Internal(anyhow::anyhow!("passkey: {e}")))?;
    let ceremony = begin(state, purpose, Some(user), &auth).await?;
    Ok(Some((options_json(&options)?, ceremony)))
}

/// The page that asks for a passkey check of `user`: its form goes to `action` with
/// `hidden` fields; refused where the account has no passkey or passkeys cannot work here.
pub async fn check_page(
    state: &AppState,
    page: &Page,
    user: i64,
    purpose: Purpose,
    (title, intro, action): (&str, &str, &str),
    hidden: Vec<(&str, String)>,
) -> AppResult<Response> {
    let Some((options, ceremony)) = start_check(state, user, purpose).await? else {
        return Err(unavailable());
    };
    let ask = Ask { title, intro, action, mode: "get", options, ceremony, hidden, named: false, error: None };
    ask_page(state, page, ask)
}

/// Finish a passkey check of `user` begun by [`start_check`].
pub async fn finish_check(
    state: &AppState,
    user: i64,
    purpose: Purpose,
    ceremony: &str,
    credential: &str,
) -> AppResult<()> {
    let rp = relying_party(state).ok_or_else(unavailable)?;
    let answer: PublicKeyCredential = parse_answer(credential)?;
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    let auth: Option<PasskeyAuthentication> = take(&mut tx, now, ceremony, purpose, Some(user)).await?;
    tx.commit().await?;
    let auth = auth.ok_or_else(|| AppError::invalid("error-passkey-expired"))?;
    let mut tx = state.db.begin().await?;
    let Some((passkey_id, owner, passkey)) = find(&mut tx, answer.get_credential_id()).await? else {
        return Err(refused());
    };
    if owner != user {
        return Err(refused());
    }
    let result = rp.finish_passkey_authentication(&answer, &auth).map_err(|_| refused())?;
    record_use(&mut tx, now, passkey_id, passkey, &result).await?;
    tx.commit().await?;
    Ok(())
}

/// The message of an error from a passkey check, for a form to show.
pub fn message_of(page: &Page, e: &AppError) -> String {
    let m: Message = e.message();
    page.locale.t_args(m.id, &m.args)
}
