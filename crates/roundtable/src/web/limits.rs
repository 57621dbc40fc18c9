//! How much one member may write in a window. Each feature states its limits as [`Limit`]s
//! (the README's table lists them); [`Limit::check`] counts inside the write's own
//! transaction, so that parallel requests cannot all slip under it (SQLite takes the write
//! lock at `BEGIN`; on PostgreSQL the count may let a burst run one or two past the limit,
//! never more than the requests in flight). What leaves no row of its own to count is
//! [`Logged`]; what is bounded at any one time rather than in a window is a [`Cap`].

use crate::db::{affected, Db, Tx};
use crate::web::{AppError, AppResult, Message};
use crate::{on_db, on_tx};

pub const MINUTE: i64 = 60_000;
pub const HOUR: i64 = 3_600_000;
pub const DAY: i64 = 86_400_000;

/// At most `max` in `window_ms`, as `count_sql` counts them: its `$1` is whose count it is
/// (a member, or the thing written to), `$2` the start of the window.
pub struct Limit {
    pub count_sql: &'static str,
    pub max: i64,
    pub window_ms: i64,
}

impl Limit {
    /// Refuses (429, saying when to try again) once `whose` count reached the limit at `now`.
    pub async fn check(&self, tx: &mut Tx, whose: i64, now: i64) -> AppResult<()> {
        let done: i64 = on_tx!(tx, c => sqlx::query_scalar(self.count_sql).bind(whose).bind(now - self.window_ms)
            .fetch_one(&mut **c).await)?;
        within(done, self.max, self.window_ms)
    }
}

/// The refusal once `done` reached `max` in `window_ms`.
fn within(done: i64, max: i64, window_ms: i64) -> AppResult<()> {
    if done < max {
        return Ok(());
    }
    let id = if window_ms >= DAY { "error-limit-day" } else { "error-limit-minutes" };
    Err(AppError::TooMany(Message::new(id).arg("max", max).arg("minutes", window_ms / MINUTE)))
}

/// A [`Limit`] on a member's writes that leave no row of their own to count, because the
/// rows they write go again or change (a join request withdrawn, a photo replaced, a
/// registration cancelled, a passkey ceremony finished): each one allowed is logged under
/// `action` in `limit_log`, and the log is what is counted. Housekeeping forgets entries
/// older than a day, so no window may be longer.
pub struct Logged {
    pub action: &'static str,
    pub max: i64,
    pub window_ms: i64,
}

impl Logged {
    /// Refuses as [`Logged::check_and_log`] would, without logging: a check before work that
    /// should not start (an upload written to disk), which the write's transaction repeats.
    pub async fn check(&self, db: &Db, user: i64, now: i64) -> AppResult<()> {
        let sql = "SELECT COUNT(*) FROM limit_log WHERE user_id = $1 AND action = $2 AND at > $3";
        let done: i64 = on_db!(db, pool => sqlx::query_scalar(sql).bind(user).bind(self.action)
            .bind(now - self.window_ms).fetch_one(pool).await)?;
        within(done, self.max, self.window_ms)
    }

    /// Refuses as [`Limit::check`] does, else logs one more for `user` at `now` (in the
    /// caller's transaction: committed with the write, or not at all).
    pub async fn check_and_log(&self, tx: &mut Tx, user: i64, now: i64) -> AppResult<()> {
        let sql = "SELECT COUNT(*) FROM limit_log WHERE user_id = $1 AND action = $2 AND at > $3";
        let done: i64 = on_tx!(tx, c => sqlx::query_scalar(sql).bind(user).bind(self.action).bind(now - self.window_ms)
            .fetch_one(&mut **c).await)?;
        within(done, self.max, self.window_ms)?;
        let sql = "INSERT INTO limit_log (action, user_id, at) VALUES ($1, $2, $3)";
        on_tx!(tx, c => sqlx::query(sql).bind(self.action).bind(user).bind(now).execute(&mut **c).await.map(affected))?;
        Ok(())
    }
}

/// At most `max` at any one time, as `count_sql` counts them (its `$1` is whose they are):
/// a profile's contact channels, a post's files, an introducer's open introductions.
/// Waiting does not help and removing one does, so the refusal is a form's (422), with
/// `message` (which may say `$max`).
pub struct Cap {
    pub count_sql: &'static str,
    pub max: i64,
    pub message: &'static str,
}

impl Cap {
    /// Refuses once `whose` holds `max`; counted in the write's transaction, as [`Limit`]s are.
    pub async fn check(&self, tx: &mut Tx, whose: i64) -> AppResult<()> {
        let held: i64 = on_tx!(tx, c => sqlx::query_scalar(self.count_sql).bind(whose).fetch_one(&mut **c).await)?;
        if held < self.max {
            return Ok(());
        }
        Err(AppError::Invalid(Message::new(self.message).arg("max", self.max)))
    }
}
