//! Sign-in throttling. Failures are counted in the database, per account and per address,
//! so the limits hold across every node behind a load balancer.

use std::net::IpAddr;

use crate::db::{now_ms, Db};
use crate::on_db;
use crate::web::{AppError, Message};

/// Failures counted over this window.
pub const WINDOW_MS: i64 = 15 * 60 * 1000;
pub const PER_ACCOUNT: i64 = 5;
pub const PER_ADDRESS: i64 = 30;

/// Keyed by a hash of the e-mail as typed, so unknown addresses are throttled exactly like
/// known ones and the table holds no address in the clear.
pub fn account_key(email: &str) -> String {
    format!("account:{}", crate::web::session::hash_token(&email.trim().to_lowercase()))
}

pub fn address_key(ip: Option<IpAddr>) -> Option<String> {
    ip.map(|ip| format!("ip:{}", crate::audit::network_prefix(ip)))
}

async fn failures(db: &Db, key: &str, since: i64) -> Result<(i64, Option<i64>), sqlx::Error> {
    let sql = "SELECT COUNT(*), MIN(at) FROM signin_failures WHERE key = $1 AND at > $2";
    on_db!(db, pool => sqlx::query_as::<_, (i64, Option<i64>)>(sql).bind(key).bind(since).fetch_one(pool).await)
}

/// Count one attempt under every key, then refuse if any key is over its limit (saying
/// how long to wait). Returns the rows written, for [`forget`] once the attempt succeeds.
pub async fn attempt(db: &Db, keys: &[(String, i64)]) -> Result<Vec<i64>, AppError> {
    let now = now_ms();
    let mut ids = Vec::with_capacity(keys.len());
    for (key, _) in keys {
        let id: i64 = on_db!(db, pool => sqlx::query_scalar("INSERT INTO signin_failures (key, at) VALUES ($1, $2) RETURNING id")
            .bind(key).bind(now).fetch_one(pool).await)?;
        ids.push(id);
    }
    for (key, limit) in keys {
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

pub async fn record_failure(db: &Db, keys: &[&str]) -> Result<(), sqlx::Error> {
    let now = now_ms();
    for key in keys {
        on_db!(db, pool => sqlx::query("INSERT INTO signin_failures (key, at) VALUES ($1, $2)")
            .bind(*key).bind(now).execute(pool).await.map(crate::db::affected))?;
    }
    Ok(())
}

/// After a successful sign-in, the account's earlier failures no longer count against it.
pub async fn clear(db: &Db, key: &str) -> Result<(), sqlx::Error> {
    on_db!(db, pool => sqlx::query("DELETE FROM signin_failures WHERE key = $1").bind(key).execute(pool).await.map(crate::db::affected))?;
    Ok(())
}
