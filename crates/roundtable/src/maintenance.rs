//! Housekeeping: what has expired is deleted, so that the database keeps no more personal
//! data, and no more usable secrets, than it needs; daily and weekly notification digests
//! and event reminders go out; the search index's ranges are kept ready (PostgreSQL); once
//! a month the network's health is recorded, and once a quarter its public figures. Runs at
//! start and every ten minutes; on several nodes each runs it, which is harmless (the
//! deletes are idempotent, digests and reminders are claimed before they are written,
//! ranges change under a lock, a month has at most one scheduled snapshot and a quarter one
//! set of figures).

use std::time::Duration;

use crate::accounts::{INVITATION_DAYS, RESET_MINUTES};
use crate::config::Config;
use crate::db::{affected, now_ms, Db};
use crate::metrics::Metrics;
use crate::on_db;

const EVERY: Duration = Duration::from_secs(600);

/// One pass; returns the number of rows deleted.
pub async fn run_once(db: &Db, config: &Config) -> Result<u64, sqlx::Error> {
    let now = now_ms();
    let idle_ms = config.session_idle_minutes * 60_000;
    let mut deleted = 0;
    let statements: [(&str, Vec<i64>); 19] = [
        ("DELETE FROM webhook_deliveries WHERE created_at <= $1", vec![now - crate::webhooks::KEEP_DAYS * 86_400_000]),
        ("DELETE FROM api_tokens WHERE expires_at <= $1", vec![now]),
        // People imported and never sent their invitation are forgotten.
        ("DELETE FROM imported_people WHERE created_at <= $1", vec![now - crate::imports::KEEP_DAYS * 86_400_000]),
        ("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2", vec![now, now - idle_ms]),
        // The longest window that reads these rows is an hour (password-reset requests).
        ("DELETE FROM signin_failures WHERE at <= $1", vec![now - 3_600_000]),
        // The longest window that reads these is a day (`web::limits::Logged`).
        ("DELETE FROM limit_log WHERE at <= $1", vec![now - crate::web::limits::DAY]),
        // A device that has not signed in for half a year is a stranger again.
        ("DELETE FROM signin_devices WHERE last_used_at <= $1", vec![now - crate::accounts::throttle::DEVICE_DAYS * 86_400_000]),
        ("DELETE FROM password_resets WHERE expires_at <= $1", vec![now]),
        ("DELETE FROM signin_pending WHERE expires_at <= $1", vec![now]),
        ("DELETE FROM webauthn_ceremonies WHERE expires_at <= $1", vec![now]),
        // A queued message whose link has expired carries nothing anyone can use.
        ("DELETE FROM outbox WHERE kind = 'password_reset' AND created_at <= $1", vec![now - RESET_MINUTES * 60_000]),
        ("DELETE FROM outbox WHERE kind = 'invitation' AND created_at <= $1", vec![now - INVITATION_DAYS * 86_400_000]),
        // A visitor who never confirmed their address for an event is forgotten, with the link.
        ("DELETE FROM event_registrations WHERE status = 'unconfirmed' AND expires_at <= $1", vec![now]),
        (
            "DELETE FROM outbox WHERE kind = 'event_confirm' AND created_at <= $1",
            vec![now - crate::events::registration::CONFIRM_HOURS * 3_600_000],
        ),
        // Visitors' registrations (name, address, organisation, answers) are kept for the
        // event's follow-up, then forgotten; members' stay, as their attendance makes ties.
        (
            "DELETE FROM event_registrations WHERE user_id IS NULL AND event_id IN (SELECT id FROM events WHERE ends_at <= $1)",
            vec![now - crate::events::registration::VISITOR_RETENTION_DAYS * 86_400_000],
        ),
        // Sent mail is kept a week for troubleshooting, then forgotten; so is mail given up.
        ("DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at <= $1", vec![now - 7 * 86_400_000]),
        // Notifications are for now: read ones go after 90 days, any after a year.
        ("DELETE FROM notifications WHERE read_at IS NOT NULL AND read_at <= $1", vec![now - 90 * 86_400_000]),
        ("DELETE FROM notifications WHERE created_at <= $1", vec![now - 365 * 86_400_000]),
        (
            "DELETE FROM outbox WHERE attempts >= $1 AND created_at <= $2",
            vec![crate::outbox::MAX_ATTEMPTS, now - 7 * 86_400_000],
        ),
    ];
    for (sql, binds) in statements {
        deleted += on_db!(db, pool => {
            let mut q = sqlx::query(sql);
            for b in &binds {
                q = q.bind(*b);
            }
            q.execute(pool).await.map(affected)
        })?;
    }
    Ok(deleted)
}

/// Run [`run_once`] now and every ten minutes, for as long as the process lives.
pub fn spawn(db: Db, config: std::sync::Arc<Config>, visible: crate::notify::Visible, metrics: Metrics) {
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(EVERY);
        loop {
            interval.tick().await;
            let expired = run_once(&db, &config).await;
            metrics.housekeeping("expiry", &expired);
            match expired {
                Ok(n) if n > 0 => tracing::info!(deleted = n, "expired rows removed"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "housekeeping failed"),
            }
            let digests = crate::notify::send_digests(&db, &config, &visible, now_ms()).await;
            metrics.housekeeping("digests", &digests);
            match digests {
                Ok(n) if n > 0 => tracing::info!(digests = n, "notification digests queued"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "notification digests failed"),
            }
            let reminders = crate::events::reminders::send(&db, &config, now_ms()).await;
            metrics.housekeeping("reminders", &reminders);
            match reminders {
                Ok(n) if n > 0 => tracing::info!(reminders = n, "event reminders queued"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "event reminders failed"),
            }
            crate::search::maintain_ranges(&db, crate::search::partitions::AHEAD).await;
            let snapshot = crate::network::health::take_scheduled(&db, now_ms()).await;
            metrics.housekeeping("snapshot", &snapshot);
            match snapshot {
                Ok(true) => tracing::info!("monthly network snapshot stored"),
                Ok(false) => {}
                Err(e) => tracing::warn!(error = %e, "monthly network snapshot failed"),
            }
            let figures = crate::impact::figures::take_due(&db, now_ms()).await;
            metrics.housekeeping("figures", &figures);
            match figures {
                Ok(true) => tracing::info!("quarterly public figures stored"),
                Ok(false) => {}
                Err(e) => tracing::warn!(error = %e, "quarterly public figures failed"),
            }
        }
    });
}
