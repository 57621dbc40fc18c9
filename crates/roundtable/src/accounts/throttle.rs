//! Sign-in throttling. Failures are counted in the database, so the limits hold across
//! every node behind a load balancer.
//!
//! Guessing must stay slow without letting a guesser lock the owner out (anyone who knows
//! a defender's address could otherwise keep them out of their account). So a sign-in from
//! a device that has signed in to the account before counts only its own failures; any
//! other is counted per account *and* network together (a guesser's network is shut, the
//! owner's is not), per network across accounts, and per account from everywhere with a
//! limit high enough that only a guesser spread over many networks meets it: that bounds
//! how fast an account can be guessed at, and its owner still gets in from their device.

use std::net::IpAddr;

use crate::db::{now_ms, Db, Tx};
use crate::web::{AppError, Message};
use crate::{on_db, on_tx};

/// Failures counted over this window.
pub const WINDOW_MS: i64 = 15 * 60 * 1000;
/// Per account from one network, per known device, and per account for the checks of a
/// signed-in member's current password.
pub const PER_ACCOUNT: i64 = 5;
/// Per network, across accounts.
pub const PER_ADDRESS: i64 = 30;
/// Per account from networks and devices it does not know.
pub const PER_ACCOUNT_ANYWHERE: i64 = 100;
/// A device unused this long is forgotten.
pub const DEVICE_DAYS: i64 = 180;
/// The cookie that marks a device that has signed in.
pub const DEVICE_COOKIE: &str = "rt_device";

/// The keys and limits an attempt on `email` is counted under: a known device's own, or
/// the account-and-network, network and account-wide ones.
pub fn keys_for(email: &str, ip: Option<IpAddr>, known_device: Option<&str>) -> Vec<(String, i64)> {
    let account = account_key(email);
    if let Some(device) = known_device {
        return vec![(format!("device:{device}"), PER_ACCOUNT)];
    }
    let network = ip.map(crate::audit::network_prefix).unwrap_or_default();
    let mut keys = vec![(format!("{account}:{network}"), PER_ACCOUNT)];
    keys.extend(address_key(ip).map(|k| (k, PER_ADDRESS)));
    keys.push((account, PER_ACCOUNT_ANYWHERE));
    keys
}

/// Keyed by a hash of the e-mail as typed, so unknown addresses are throttled exactly like
/// known ones and the table holds no address in the clear.
pub fn account_key(email: &str) -> String {
    format!("account:{}", crate::web::session::hash_token(&email.trim().to_lowercase()))
}

/// Checks of a signed-in member's current password, counted apart from sign-in so that
/// nobody's guessing elsewhere keeps the owner from changing their password.
pub fn current_password_key(user: i64) -> String {
    format!("current:{user}")
}

pub fn address_key(ip: Option<IpAddr>) -> Option<String> {
    ip.map(|ip| format!("ip:{}", crate::audit::network_prefix(ip)))
}

/// How many times `key` was counted since `since`, and the first of them.
pub async fn failures(db: &Db, key: &str, since: i64) -> Result<(i64, Option<i64>), sqlx::Error> {
    let sql = "SELECT COUNT(*), MIN(at) FROM signin_failures WHERE key = $1 AND at > $2";
    on_db!(db, pool => sqlx::query_as::<_, (i64, Option<i64>)>(sql).bind(key).bind(since).fetch_one(pool).await)
}

/// Count one attempt under each key in turn, from the narrowest, and refuse at the first
/// that is over its limit (saying how long to wait): an attempt refused under a narrow key
/// is not counted under the wider ones, so that one guesser, refused on their own network,
/// cannot use up the account's count for everyone else. Counted before the password is
/// checked, so that parallel guesses cannot all slip in under a limit. Returns the rows
/// written, for [`forget`] once the attempt succeeds.
pub async fn attempt(db: &Db, keys: &[(String, i64)]) -> Result<Vec<i64>, AppError> {
    let now = now_ms();
    let mut ids = Vec::with_capacity(keys.len());
    for (key, limit) in keys {
        let id: i64 = on_db!(db, pool => sqlx::query_scalar("INSERT INTO signin_failures (key, at) VALUES ($1, $2) RETURNING id")
            .bind(key).bind(now).fetch_one(pool).await)?;
        ids.push(id);
        let (count, oldest) = failures(db, key, now - WINDOW_MS).await?;
        if count > *limit {
            let wait_ms = oldest.unwrap_or(now) + WINDOW_MS - now;
            let minutes = (wait_ms + 59_999) / 60_000;
            return Err(AppError::TooMany(Message::new("error-signin-throttled").arg("minutes", minutes.max(1))));
        }
    }
    Ok(ids)
}

/// A successful sign-in was not a failure after all.
pub async fn forget(db: &Db, ids: &[i64]) -> Result<(), sqlx::Error> {
    for id in ids {
        on_db!(db, pool => sqlx::query("DELETE FROM signin_failures WHERE id = $1").bind(*id).execute(pool).await.map(crate::db::affected))?;
    }
    Ok(())
}

/// [`record_failure`] for one key, inside the caller's transaction.
pub async fn record_failure_in(tx: &mut Tx, key: &str, now: i64) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("INSERT INTO signin_failures (key, at) VALUES ($1, $2)")
        .bind(key).bind(now).execute(&mut **c).await.map(crate::db::affected))?;
    Ok(())
}

/// No device counts as the account's own any more (a password change, "sign out
/// everywhere", a deactivation).
pub async fn forget_devices(tx: &mut Tx, user: i64) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("DELETE FROM signin_devices WHERE user_id = $1").bind(user)
        .execute(&mut **c).await.map(crate::db::affected))?;
    Ok(())
}

pub async fn record_failure(db: &Db, keys: &[&str], now: i64) -> Result<(), sqlx::Error> {
    for key in keys {
        on_db!(db, pool => sqlx::query("INSERT INTO signin_failures (key, at) VALUES ($1, $2)")
            .bind(*key).bind(now).execute(pool).await.map(crate::db::affected))?;
    }
    Ok(())
}

/// After a successful sign-in, the account's earlier failures no longer count against it
/// (from anywhere: the owner is back in).
pub async fn clear(db: &Db, email: &str) -> Result<(), sqlx::Error> {
    let account = account_key(email);
    on_db!(db, pool => sqlx::query("DELETE FROM signin_failures WHERE key = $1 OR key LIKE $2")
        .bind(&account).bind(format!("{account}:%")).execute(pool).await.map(crate::db::affected))?;
    Ok(())
}

/// The hash of the device cookie `token`, if that device has signed in to account `user`.
pub async fn known_device(db: &Db, user: i64, token: &str) -> Result<Option<String>, sqlx::Error> {
    let hash = crate::web::session::hash_token(token);
    let sql = "SELECT token_hash FROM signin_devices WHERE token_hash = $1 AND user_id = $2";
    on_db!(db, pool => sqlx::query_scalar(sql).bind(hash).bind(user).fetch_optional(pool).await)
}

/// Remember the device of a successful sign-in: the one it came with if known, else a new
/// one, whose cookie value is returned.
pub async fn remember_device(db: &Db, user: i64, known: Option<&str>) -> Result<Option<String>, sqlx::Error> {
    let now = now_ms();
    if let Some(hash) = known {
        on_db!(db, pool => sqlx::query("UPDATE signin_devices SET last_used_at = $1 WHERE token_hash = $2")
            .bind(now).bind(hash).execute(pool).await.map(crate::db::affected))?;
        return Ok(None);
    }
    let token = crate::web::session::random_token();
    let sql = "INSERT INTO signin_devices (token_hash, user_id, created_at, last_used_at) VALUES ($1, $2, $3, $3)";
    on_db!(db, pool => sqlx::query(sql).bind(crate::web::session::hash_token(&token)).bind(user).bind(now)
        .execute(pool).await.map(crate::db::affected))?;
    Ok(Some(token))
}
