//! Second factors: one-time codes (RFC 6238) from an authenticator app, set up by scanning a
//! QR code drawn here as SVG or typing the key, and ten single-use recovery codes. With a
//! factor set, a sign-in asks for a code after the password; the password alone only opens
//! a short-lived, few-tries step (`signin_pending`) that the code completes.
//!
//! A code is accepted within one time step either side of now, and once: the step of the
//! last accepted code is kept and no code of that step or an earlier one works again, which
//! a single conditional update decides, so that two requests with one code cannot both win.

use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::HeaderMap;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use minijinja::context;
use serde::Deserialize;
use subtle::ConstantTimeEq;
use totp_rs::{Algorithm, Secret, TOTP};

use super::{finish_signin, form_error, passkeys};
use crate::audit::{self, Detail, Entry};
use crate::db::{affected, now_ms, Db, Tx};
use crate::vocab::AuditAction;
use crate::web::session::{cookie_header, hash_token, random_token, read_cookie, SessionKind};
use crate::web::{safe_next, AppError, AppResult, AppState, ClientIp, Form, Page, Routes, SignedIn};
use crate::{on_db, on_tx};

/// Seconds per code.
const STEP: u64 = 30;
/// How many recovery codes a member holds at a time.
pub const RECOVERY_CODES: usize = 10;
/// The second step of a sign-in lasts this long, and allows this many wrong codes.
const PENDING_MINUTES: i64 = 10;
const PENDING_TRIES: i64 = 5;
const PENDING_COOKIE: &str = "rt_pending";

pub fn routes() -> Routes {
    vec![
        ("/signin/code", get(code_form).post(code)),
        ("/signin/code/passkey", post(start_passkey_step)),
        ("/signin/code/passkey/finish", post(finish_passkey_step)),
        ("/account/security", get(security)),
        ("/account/security/totp", post(start_totp)),
        ("/account/security/totp/confirm", post(confirm_totp)),
        ("/account/security/totp/remove", post(remove_totp)),
        ("/account/security/recovery", post(new_recovery_codes)),
    ]
}

fn totp(secret: &str) -> Option<TOTP> {
    let bytes = Secret::Encoded(secret.to_string()).to_bytes().ok()?;
    TOTP::new(Algorithm::SHA1, 6, 1, STEP, bytes).ok()
}

/// The time step of `code` for `secret` at `now` (Unix seconds): now's, or one either side;
/// only steps after `after` count.
pub fn step_of(secret: &str, code: &str, now: u64, after: i64) -> Option<i64> {
    let totp = totp(secret)?;
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let current = now / STEP;
    [current.saturating_sub(1), current, current + 1]
        .into_iter()
        .filter(|s| *s as i64 > after)
        .find(|s| bool::from(totp.generate(s * STEP).as_bytes().ct_eq(code.as_bytes())))
        .map(|s| s as i64)
}

/// A recovery code as typed: lower case, without spaces or dashes.
fn normal(code: &str) -> String {
    code.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase()
}

/// Ten new recovery codes for `user` (the old ones stop working), returned once to be shown.
async fn replace_recovery_codes(tx: &mut Tx, user: i64) -> Result<Vec<String>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1").bind(user).execute(&mut **c).await.map(affected))?;
    let mut codes = Vec::with_capacity(RECOVERY_CODES);
    for _ in 0..RECOVERY_CODES {
        // 50 bits from an alphabet without look-alikes, read out as three groups.
        const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
        let chars: String = (0..10).map(|_| ALPHABET[rand::random_range(0..ALPHABET.len())] as char).collect();
        let code = format!("{}-{}-{}", &chars[..4], &chars[4..8], &chars[8..]);
        on_tx!(tx, c => sqlx::query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)")
            .bind(user).bind(hash_token(&normal(&code))).execute(&mut **c).await.map(affected))?;
        codes.push(code);
    }
    Ok(codes)
}

/// Whether `user` must give a second factor to sign in (a one-time code, a recovery code
/// or a passkey).
pub async fn required(db: &Db, user: i64) -> Result<bool, sqlx::Error> {
    let sql = format!("SELECT {}", crate::web::session::has_factor_sql("$1"));
    on_db!(db, pool => sqlx::query_scalar(&sql).bind(user).fetch_one(pool).await)
}

/// Whether `user` has a confirmed one-time-code key.
pub async fn has_totp(db: &Db, user: i64) -> Result<bool, sqlx::Error> {
    Ok(factor(db, user).await?.is_some_and(|f| f.confirmed_at.is_some()))
}

/// Recovery codes for an account that holds none yet (its first factor), shown once.
pub async fn recovery_codes_if_none(tx: &mut Tx, user: i64) -> Result<Option<Vec<String>>, sqlx::Error> {
    let sql = "SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1";
    let n: i64 = on_tx!(tx, c => sqlx::query_scalar(sql).bind(user).fetch_one(&mut **c).await)?;
    if n > 0 {
        return Ok(None);
    }
    replace_recovery_codes(tx, user).await.map(Some)
}

/// Once an account's last factor is gone, its recovery codes go too: they would otherwise
/// stand in for a factor that no longer exists.
pub async fn forget_recovery_codes_if_no_factor(tx: &mut Tx, user: i64) -> Result<(), sqlx::Error> {
    let sql =
        format!("DELETE FROM recovery_codes WHERE user_id = $1 AND NOT {}", crate::web::session::has_factor_sql("$1"));
    on_tx!(tx, c => sqlx::query(&sql).bind(user).execute(&mut **c).await.map(affected))?;
    Ok(())
}

/// Accepts a one-time code or an unused recovery code of `user`, using it up.
pub(super) async fn accept(tx: &mut Tx, user: i64, code: &str) -> AppResult<bool> {
    let sql = "SELECT secret, last_step FROM totp_factors WHERE user_id = $1 AND confirmed_at IS NOT NULL";
    let factor: Option<(String, i64)> = on_tx!(tx, c => sqlx::query_as(sql).bind(user).fetch_optional(&mut **c).await)?;
    if let Some((secret, last)) = factor {
        let now = (now_ms() / 1000) as u64;
        if let Some(step) = step_of(&secret, code, now, last) {
            let sql = "UPDATE totp_factors SET last_step = $1 WHERE user_id = $2 AND last_step < $1";
            let won = on_tx!(tx, c => sqlx::query(sql).bind(step).bind(user).execute(&mut **c).await.map(affected))?;
            return Ok(won == 1);
        }
    }
    let code = normal(code);
    if code.len() != 10 {
        return Ok(false);
    }
    let sql = "UPDATE recovery_codes SET used_at = $1 WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL";
    let used = on_tx!(tx, c => sqlx::query(sql).bind(now_ms()).bind(user).bind(hash_token(&code))
        .execute(&mut **c).await.map(affected))?;
    Ok(used == 1)
}

// ---- the second step of a sign-in -----------------------------------------------------

/// After a right password: remember the sign-in for a few minutes and ask for a code.
pub async fn ask(state: &AppState, user: i64, next: &str, shared: bool) -> AppResult<Response> {
    let token = random_token();
    let sql = "INSERT INTO signin_pending (token_hash, user_id, next, shared, expires_at) VALUES ($1, $2, $3, $4, $5)";
    let expires = now_ms() + PENDING_MINUTES * 60_000;
    on_db!(&state.db, pool => sqlx::query(sql).bind(hash_token(&token)).bind(user).bind(next).bind(shared)
        .bind(expires).execute(pool).await.map(affected))?;
    let cookie = cookie_header(state, PENDING_COOKIE, &token, Some(PENDING_MINUTES * 60));
    Ok(([(SET_COOKIE, cookie)], Redirect::to("/signin/code")).into_response())
}

#[derive(sqlx::FromRow)]
struct Pending {
    user_id: i64,
    next: String,
    shared: bool,
    tries: i64,
}

async fn pending(state: &AppState, headers: &HeaderMap) -> Result<Option<(String, Pending)>, sqlx::Error> {
    let db = &state.db;
    let Some(token) = read_cookie(state, headers, PENDING_COOKIE) else { return Ok(None) };
    let hash = hash_token(&token);
    let sql = "SELECT user_id, next, shared, tries FROM signin_pending WHERE token_hash = $1 AND expires_at > $2";
    let row: Option<Pending> =
        on_db!(db, pool => sqlx::query_as(sql).bind(&hash).bind(now_ms()).fetch_optional(pool).await)?;
    Ok(row.map(|r| (hash, r)))
}

fn start_again() -> Response {
    Redirect::to("/signin?done=expired").into_response()
}

/// What the second step offers: a passkey where the account has one and passkeys work here.
async fn code_context(state: &AppState, user: i64) -> AppResult<minijinja::Value> {
    let passkey = passkeys::relying_party(state).is_some() && passkeys::has_any(&state.db, user).await?;
    let totp = factor(&state.db, user).await?.is_some_and(|f| f.confirmed_at.is_some());
    Ok(context! { passkey, totp })
}

async fn code_form(State(state): State<AppState>, page: Page, headers: HeaderMap) -> AppResult<Response> {
    let Some((_, p)) = pending(&state, &headers).await? else { return Ok(start_again()) };
    let ctx = code_context(&state, p.user_id).await?;
    Ok(page.render(&state, "accounts/code.html", ctx)?.into_response())
}

/// Count a try of the second step; `false` once the tries are used up (the step is over).
async fn count_try(tx: &mut Tx, hash: &str) -> Result<bool, sqlx::Error> {
    let sql = "UPDATE signin_pending SET tries = tries + 1 WHERE token_hash = $1 AND tries < $2";
    let counted =
        on_tx!(tx, c => sqlx::query(sql).bind(hash).bind(PENDING_TRIES).execute(&mut **c).await.map(affected))?;
    if counted == 0 {
        on_tx!(tx, c => sqlx::query("DELETE FROM signin_pending WHERE token_hash = $1").bind(hash).execute(&mut **c).await.map(affected))?;
    }
    Ok(counted == 1)
}

async fn start_passkey_step(
    State(state): State<AppState>,
    page: Page,
    headers: HeaderMap,
    Form(_): Form<super::Empty>,
) -> AppResult<Response> {
    let Some((_, p)) = pending(&state, &headers).await? else { return Ok(start_again()) };
    let texts = ("code-title", "passkey-second-intro", "/signin/code/passkey/finish");
    passkeys::check_page(&state, &page, p.user_id, passkeys::Purpose::Second, texts, vec![]).await
}

#[derive(Deserialize)]
struct PasskeyAnswer {
    #[serde(default)]
    ceremony: String,
    #[serde(default)]
    credential: String,
}

async fn finish_passkey_step(
    State(state): State<AppState>,
    page: Page,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Form(form): Form<PasskeyAnswer>,
) -> AppResult<Response> {
    let Some((hash, p)) = pending(&state, &headers).await? else { return Ok(start_again()) };
    let mut tx = state.db.begin().await?;
    let counted = count_try(&mut tx, &hash).await?;
    tx.commit().await?;
    if !counted {
        return Ok(start_again());
    }
    if let Err(e) =
        passkeys::finish_check(&state, p.user_id, passkeys::Purpose::Second, &form.ceremony, &form.credential).await
    {
        let mut tx = state.db.begin().await?;
        let entry =
            Entry { actor: None, action: AuditAction::SigninFailed, target: Some(p.user_id), detail: Detail::None, ip };
        audit::record(&mut tx, entry).await?;
        tx.commit().await?;
        let ctx = code_context(&state, p.user_id).await?;
        return Ok(form_error(&page, &state, "accounts/code.html", ctx, e));
    }
    on_db!(&state.db, pool => sqlx::query("DELETE FROM signin_pending WHERE token_hash = $1").bind(&hash).execute(pool).await.map(affected))?;
    let how = SessionKind { second_factor: true, shared: p.shared };
    let mut response = finish_signin(&state, &headers, ip, p.user_id, how, &safe_next(Some(&p.next))).await?;
    response.headers_mut().append(SET_COOKIE, cookie_header(&state, PENDING_COOKIE, "", Some(0)));
    Ok(response)
}

#[derive(Deserialize)]
struct CodeForm {
    #[serde(default)]
    code: String,
}

async fn code(
    State(state): State<AppState>,
    page: Page,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Form(form): Form<CodeForm>,
) -> AppResult<Response> {
    let Some((hash, p)) = pending(&state, &headers).await? else { return Ok(start_again()) };
    let mut tx = state.db.begin().await?;
    // The try is counted before the code is checked, in the same transaction as its use.
    if !count_try(&mut tx, &hash).await? {
        tx.commit().await?;
        return Ok(start_again());
    }
    if !accept(&mut tx, p.user_id, &form.code).await? {
        let entry =
            Entry { actor: None, action: AuditAction::SigninFailed, target: Some(p.user_id), detail: Detail::None, ip };
        audit::record(&mut tx, entry).await?;
        tx.commit().await?;
        let left = PENDING_TRIES - p.tries - 1;
        let error = AppError::Invalid(crate::web::Message::new("error-code-wrong").arg("count", left));
        let ctx = code_context(&state, p.user_id).await?;
        return Ok(form_error(&page, &state, "accounts/code.html", ctx, error));
    }
    on_tx!(&mut tx, c => sqlx::query("DELETE FROM signin_pending WHERE token_hash = $1").bind(&hash).execute(&mut **c).await.map(affected))?;
    tx.commit().await?;
    let how = SessionKind { second_factor: true, shared: p.shared };
    let mut response = finish_signin(&state, &headers, ip, p.user_id, how, &safe_next(Some(&p.next))).await?;
    response.headers_mut().append(SET_COOKIE, cookie_header(&state, PENDING_COOKIE, "", Some(0)));
    Ok(response)
}

// ---- setting factors up -------------------------------------------------------------------

#[derive(sqlx::FromRow)]
struct Factor {
    secret: String,
    confirmed_at: Option<i64>,
}

async fn factor(db: &Db, user: i64) -> Result<Option<Factor>, sqlx::Error> {
    let sql = "SELECT secret, confirmed_at FROM totp_factors WHERE user_id = $1";
    on_db!(db, pool => sqlx::query_as(sql).bind(user).fetch_optional(pool).await)
}

async fn recovery_left(db: &Db, user: i64) -> Result<i64, sqlx::Error> {
    let sql = "SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL";
    on_db!(db, pool => sqlx::query_scalar(sql).bind(user).fetch_one(pool).await)
}

#[derive(Deserialize)]
struct DoneQuery {
    done: Option<String>,
}

async fn security_context(state: &AppState, user: i64) -> AppResult<minijinja::Value> {
    let on = factor(&state.db, user).await?.is_some_and(|f| f.confirmed_at.is_some());
    let left = recovery_left(&state.db, user).await?;
    let passkeys = passkeys::list(&state.db, user).await?;
    let passkeys_work = passkeys::relying_party(state).is_some();
    Ok(context! { on, left, passkeys, passkeys_work, any => on || !passkeys.is_empty() })
}

async fn security(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    axum::extract::Query(q): axum::extract::Query<DoneQuery>,
) -> AppResult<Html<String>> {
    let done = q
        .done
        .filter(|d| matches!(d.as_str(), "removed" | "passkey" | "passkey-removed"))
        .map(|d| page.t(&format!("security-done-{d}")));
    let ctx = security_context(&state, user.user_id).await?;
    page.render(&state, "accounts/security.html", context! { done, confirmed => user.confirmed, ..ctx })
}

/// The QR code of an `otpauth://` address, as inline SVG (an image from a `data:` address
/// would need the policy loosened).
fn qr_svg(text: &str) -> AppResult<String> {
    let code = qrcode::QrCode::new(text.as_bytes()).map_err(|e| AppError::Internal(anyhow::anyhow!("QR code: {e}")))?;
    Ok(code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(200, 200)
        .dark_color(qrcode::render::svg::Color("#000000"))
        .light_color(qrcode::render::svg::Color("#ffffff"))
        .build())
}

fn otpauth(state: &AppState, email: &str, secret: &str) -> String {
    let issuer = state.config.base_url.host_str().unwrap_or("roundtable").to_string();
    let label: String =
        url::form_urlencoded::byte_serialize(format!("Roundtable ({issuer}):{email}").as_bytes()).collect();
    let issuer: String = url::form_urlencoded::byte_serialize(format!("Roundtable ({issuer})").as_bytes()).collect();
    format!("otpauth://totp/{label}?secret={secret}&issuer={issuer}&algorithm=SHA1&digits=6&period={STEP}")
}

async fn setup_page(
    state: &AppState,
    page: &Page,
    user: i64,
    secret: &str,
    error: Option<String>,
) -> AppResult<Response> {
    let email: String = on_db!(&state.db, pool => sqlx::query_scalar("SELECT email FROM users WHERE id = $1")
        .bind(user).fetch_one(pool).await)?;
    let qr = qr_svg(&otpauth(state, &email, secret))?;
    // The key in groups of four, easier to type.
    let key: Vec<String> = secret.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect();
    let status =
        if error.is_some() { axum::http::StatusCode::UNPROCESSABLE_ENTITY } else { axum::http::StatusCode::OK };
    let html = page.render(state, "accounts/totp.html", context! { qr, key => key.join(" "), error })?;
    Ok((status, html).into_response())
}

async fn start_totp(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Form(_): Form<super::Empty>,
) -> AppResult<Response> {
    user.require_confirmed("/account/security")?;
    if factor(&state.db, user.user_id).await?.is_some_and(|f| f.confirmed_at.is_some()) {
        return Err(AppError::invalid("error-totp-on-already"));
    }
    // 160 bits, as RFC 4226 recommends.
    let key: [u8; 20] = rand::random();
    let secret = match Secret::Raw(key.to_vec()).to_encoded() {
        Secret::Encoded(s) => s,
        Secret::Raw(_) => unreachable!("to_encoded gives the encoded form"),
    };
    // A new key each time setting up starts; an unconfirmed one counts for nothing.
    on_db!(&state.db, pool => sqlx::query("DELETE FROM totp_factors WHERE user_id = $1").bind(user.user_id).execute(pool).await.map(affected))?;
    let sql = "INSERT INTO totp_factors (user_id, secret, created_at) VALUES ($1, $2, $3)";
    on_db!(&state.db, pool => sqlx::query(sql).bind(user.user_id).bind(&secret).bind(now_ms()).execute(pool).await.map(affected))?;
    setup_page(&state, &page, user.user_id, &secret, None).await
}

async fn confirm_totp(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    ClientIp(ip): ClientIp,
    Form(form): Form<CodeForm>,
) -> AppResult<Response> {
    user.require_confirmed("/account/security")?;
    let Some(f) = factor(&state.db, user.user_id).await?.filter(|f| f.confirmed_at.is_none()) else {
        return Ok(Redirect::to("/account/security").into_response());
    };
    let now = (now_ms() / 1000) as u64;
    let Some(step) = step_of(&f.secret, &form.code, now, 0) else {
        return setup_page(&state, &page, user.user_id, &f.secret, Some(page.t("error-code-setup"))).await;
    };
    let mut tx = state.db.begin().await?;
    let sql = "UPDATE totp_factors SET confirmed_at = $1, last_step = $2 WHERE user_id = $3 AND confirmed_at IS NULL";
    let done = on_tx!(&mut tx, c => sqlx::query(sql).bind(now_ms()).bind(step).bind(user.user_id).execute(&mut **c).await.map(affected))?;
    if done == 0 {
        return Ok(Redirect::to("/account/security").into_response());
    }
    let codes = recovery_codes_if_none(&mut tx, user.user_id).await?;
    let entry = Entry {
        actor: Some(user.user_id),
        action: AuditAction::SecondFactorAdded,
        target: Some(user.user_id),
        detail: Detail::None,
        ip,
    };
    audit::record(&mut tx, entry).await?;
    tx.commit().await?;
    match codes {
        Some(codes) => {
            Ok(page.render(&state, "accounts/recovery.html", context! { codes, first => true })?.into_response())
        }
        None => Ok(Redirect::to("/account/security").into_response()),
    }
}

async fn remove_totp(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ClientIp(ip): ClientIp,
    Form(_): Form<super::Empty>,
) -> AppResult<Response> {
    user.require_confirmed("/account/security")?;
    let mut tx = state.db.begin().await?;
    on_tx!(&mut tx, c => sqlx::query("DELETE FROM totp_factors WHERE user_id = $1").bind(user.user_id).execute(&mut **c).await.map(affected))?;
    forget_recovery_codes_if_no_factor(&mut tx, user.user_id).await?;
    let entry = Entry {
        actor: Some(user.user_id),
        action: AuditAction::SecondFactorRemoved,
        target: Some(user.user_id),
        detail: Detail::None,
        ip,
    };
    audit::record(&mut tx, entry).await?;
    tx.commit().await?;
    Ok(Redirect::to("/account/security?done=removed").into_response())
}

async fn new_recovery_codes(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Form(_): Form<super::Empty>,
) -> AppResult<Response> {
    user.require_confirmed("/account/security")?;
    if !required(&state.db, user.user_id).await? {
        return Err(AppError::invalid("error-totp-off"));
    }
    let mut tx = state.db.begin().await?;
    let codes = replace_recovery_codes(&mut tx, user.user_id).await?;
    tx.commit().await?;
    Ok(page.render(&state, "accounts/recovery.html", context! { codes, first => false })?.into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238, appendix B, for SHA-1 (its 8-digit codes end in these 6 digits).
    #[test]
    fn codes_match_the_rfc_and_only_within_one_step() {
        let secret = match Secret::Raw(b"12345678901234567890".to_vec()).to_encoded() {
            Secret::Encoded(s) => s,
            Secret::Raw(_) => unreachable!(),
        };
        assert_eq!(step_of(&secret, "287082", 59, 0), Some(1));
        assert_eq!(step_of(&secret, "081804", 1_111_111_109, 0), Some(37_037_036));
        assert_eq!(step_of(&secret, "050471", 1_111_111_111, 0), Some(37_037_037));
        // One step either side is accepted; two are not.
        assert_eq!(step_of(&secret, "081804", 1_111_111_109 + 30, 0), Some(37_037_036));
        assert_eq!(step_of(&secret, "081804", 1_111_111_109 + 60, 0), None);
        // A step already used, or an earlier one, never again.
        assert_eq!(step_of(&secret, "081804", 1_111_111_109, 37_037_036), None);
        assert_eq!(step_of(&secret, "08 18 04", 1_111_111_109, 0), Some(37_037_036));
        for bad in ["", "12345", "1234567", "abcdef", "０８１８０４"] {
            assert_eq!(step_of(&secret, bad, 1_111_111_109, 0), None, "{bad}");
        }
    }

    #[test]
    fn recovery_codes_are_read_as_typed() {
        assert_eq!(normal(" ABCD-efgh-23 "), "abcdefgh23");
    }
}
