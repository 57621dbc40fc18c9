//! Disappearing messages. Each conversation has a timer, shown to everyone in it; every new
//! conversation starts with the same one (a week), so that a timer says nothing about who is
//! at risk; an admin may set a longest retention for the whole network. A message's expiry is
//! fixed when it is sent.
//!
//! Expired messages are deleted, not hidden: a sweep of its own runs every minute. On SQLite
//! the database runs with `secure_delete` (freed pages are overwritten) and the sweep
//! checkpoints the write-ahead log, so that deleted text does not linger in either file; on
//! PostgreSQL the sweep vacuums the table, so that dead rows are reclaimed soon rather than
//! whenever autovacuum comes by. Backups taken before a message expired still hold it, for
//! as long as the backups are kept (README, *Operations*).

use std::time::Duration;

use crate::db::{affected, Clock, Db, Tx};
use crate::{on_db, on_tx};

const HOUR: i64 = 3_600_000;
const EVERY: Duration = Duration::from_secs(60);

pub use crate::vocab::ChatTimer as Timer;

impl Timer {
    /// Every new conversation's timer.
    pub const DEFAULT: Timer = Timer::Week;

    /// The `timer_ms` column: `None` keeps messages.
    pub fn ms(self) -> Option<i64> {
        match self {
            Timer::Off => None,
            Timer::Hour => Some(HOUR),
            Timer::Day => Some(24 * HOUR),
            Timer::Week => Some(7 * 24 * HOUR),
            Timer::FourWeeks => Some(28 * 24 * HOUR),
        }
    }

    pub fn from_ms(ms: Option<i64>) -> Timer {
        Timer::ALL.iter().copied().find(|t| t.ms() == ms).unwrap_or(Timer::DEFAULT)
    }
}

/// The network's longest retention, if an admin set one.
pub async fn max_retention(tx: &mut Tx) -> Result<Option<i64>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_scalar("SELECT max_retention_ms FROM chat_policy WHERE id = 1").fetch_one(&mut **c).await)
}

/// Delete every message expired at `now`, the copies in reports left unsettled past their
/// time, and the notices of messages read or gone; returns how many messages and copies.
pub async fn sweep(db: &Db, now: i64) -> Result<u64, sqlx::Error> {
    let deleted = on_db!(db, pool => sqlx::query("DELETE FROM messages WHERE expires_at <= $1").bind(now)
        .execute(pool).await.map(affected))?
        + super::reports::sweep(db, now).await?;
    // Notices of messages are metadata (who wrote to whom, and when): each goes once it is
    // read, or once the messages it told of have disappeared by the conversation's timer or
    // the network's longest retention.
    let sql = "DELETE FROM notifications WHERE conversation_id IS NOT NULL AND (read_at IS NOT NULL \
               OR EXISTS (SELECT 1 FROM conversations c WHERE c.id = notifications.conversation_id \
                 AND c.timer_ms IS NOT NULL AND notifications.created_at + c.timer_ms <= $1) \
               OR EXISTS (SELECT 1 FROM chat_policy cp WHERE cp.id = 1 AND cp.max_retention_ms IS NOT NULL \
                 AND notifications.created_at + cp.max_retention_ms <= $1))";
    on_db!(db, pool => sqlx::query(sql).bind(now).execute(pool).await.map(affected))?;
    if deleted > 0 {
        reclaim(db).await?;
    }
    Ok(deleted)
}

/// Make deleted messages, report copies and file rows unreadable in the database's files:
/// SQLite overwrote their pages already (`secure_delete`) and now checkpoints its log;
/// PostgreSQL vacuums the three tables.
pub async fn reclaim(db: &Db) -> Result<(), sqlx::Error> {
    match db.backend() {
        "sqlite" => db.exec_raw("PRAGMA wal_checkpoint(TRUNCATE)").await?,
        _ => db.exec_raw("VACUUM messages, message_reports, message_attachments").await?,
    };
    Ok(())
}

/// Run [`sweep`] every minute, on the application's clock, then remove the files of the
/// messages gone ([`super::attachments::sweep_files`]).
pub fn spawn(db: Db, clock: Clock, data_dir: std::path::PathBuf, metrics: crate::metrics::Metrics) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            let swept = sweep(&db, clock.now_ms()).await;
            metrics.housekeeping("messages", &swept);
            match swept {
                Ok(0) => {}
                Ok(n) => tracing::info!(deleted = n, "expired messages deleted"),
                Err(e) => tracing::warn!(error = %e, "deleting expired messages failed"),
            }
            let files = super::attachments::sweep_files(&db, &data_dir).await;
            metrics.housekeeping("message_files", &files);
            match files {
                Ok(0) => {}
                Ok(n) => tracing::info!(deleted = n, "files of deleted messages removed"),
                Err(e) => tracing::warn!(error = %e, "removing files of deleted messages failed"),
            }
        }
    });
}

/// Set the timer of conversation `id`: it applies to messages sent from now on.
pub async fn set_timer(tx: &mut Tx, id: i64, timer: Timer) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("UPDATE conversations SET timer_ms = $1 WHERE id = $2").bind(timer.ms()).bind(id)
        .execute(&mut **c).await.map(affected))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timers_round_trip() {
        for &t in Timer::ALL {
            assert_eq!(Timer::from_ms(t.ms()), t);
        }
        assert_eq!(Timer::DEFAULT.ms(), Some(7 * 24 * HOUR));
    }
}
