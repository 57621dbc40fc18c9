//! How much one member may write in a window. Each feature states its limits as [`Limit`]s
//! (the README's table lists them); [`Limit::check`] counts inside the write's own
//! transaction, so that parallel requests cannot all slip under it (SQLite takes the write
//! lock at `BEGIN`; on PostgreSQL the count may let a burst run one or two past the limit,
//! never more than the requests in flight). What is bounded at any one time rather than in
//! a window is a [`Cap`].

use crate::db::Tx;
use crate::on_tx;
use crate::web::{AppError, AppResult, Message};

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
