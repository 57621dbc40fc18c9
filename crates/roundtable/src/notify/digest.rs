//! Daily and weekly digests: one mail per member and period, telling how many of each kind
//! of notification wait for them, never what or from whom.

use super::{footer, recipient, url, Delivery, Kind, Visible, DAY_MS};
use crate::config::Config;
use crate::db::{affected, Db};
use crate::outbox::{self, Mail};
use crate::web::AppError;
use crate::{on_db, on_tx};

/// Sends the daily and weekly digests that are due at `now`; returns how many went out.
/// A digest is due a period after the last one (or after the oldest thing it would
/// gather, for a member's first). Each member's digest is claimed before it is written, so
/// that several nodes never send the same one.
pub async fn send_digests(db: &Db, config: &Config, visible: &Visible, now: i64) -> Result<usize, AppError> {
    let visible = &*visible.0;
    let mut sent = 0;
    for frequency in [Delivery::Daily, Delivery::Weekly] {
        let period = frequency.period_ms().unwrap_or(DAY_MS);
        // The kinds this member gets at this frequency, default or chosen.
        let defaults: Vec<&str> =
            Kind::ALL.iter().filter(|k| k.default_delivery() == frequency).map(|k| k.key()).collect();
        let kinds_sql = format!(
            "(COALESCE((SELECT s.delivery FROM notification_settings s WHERE s.user_id = n.user_id AND s.kind = n.kind), \
               CASE WHEN n.kind IN ('{}') THEN '{}' ELSE '' END) = $1)",
            defaults.join("', '"),
            frequency.key()
        );
        let sql = format!(
            "SELECT n.user_id, MIN(n.created_at) FROM notifications n WHERE n.mail = 'digest' AND n.read_at IS NULL AND {kinds_sql} \
             GROUP BY n.user_id"
        );
        let pending: Vec<(i64, i64)> =
            on_db!(db, pool => sqlx::query_as(&sql).bind(frequency.key()).fetch_all(pool).await)?;
        for (user, oldest) in pending {
            let mut tx = db.begin().await?;
            let sql = "SELECT sent_at FROM notification_digests WHERE user_id = $1 AND frequency = $2";
            let last: Option<i64> = on_tx!(&mut tx, c => sqlx::query_scalar(sql).bind(user).bind(frequency.key())
                .fetch_optional(&mut **c).await)?;
            if now - last.unwrap_or(oldest) < period {
                continue;
            }
            let claim = "INSERT INTO notification_digests (user_id, frequency, sent_at) VALUES ($1, $2, $3) \
                         ON CONFLICT (user_id, frequency) DO UPDATE SET sent_at = excluded.sent_at \
                         WHERE notification_digests.sent_at = $4";
            let claimed = on_tx!(&mut tx, c => sqlx::query(claim).bind(user).bind(frequency.key()).bind(now)
                .bind(last.unwrap_or(-1)).execute(&mut **c).await.map(affected))?;
            if claimed != 1 {
                continue;
            }
            let sql = format!(
                "SELECT n.kind, COUNT(*) FROM notifications n WHERE n.user_id = $2 AND n.mail = 'digest' AND n.read_at IS NULL \
                 AND {kinds_sql} AND {visible} GROUP BY n.kind ORDER BY n.kind"
            );
            let counts: Vec<(String, i64)> = on_tx!(&mut tx, c => sqlx::query_as(&sql).bind(frequency.key()).bind(user)
                .fetch_all(&mut **c).await)?;
            let sql = format!(
                "UPDATE notifications SET mail = 'sent' WHERE user_id = $2 AND mail = 'digest' AND id IN \
                 (SELECT n.id FROM notifications n WHERE n.user_id = $2 AND {kinds_sql})"
            );
            on_tx!(&mut tx, c => sqlx::query(&sql).bind(frequency.key()).bind(user).execute(&mut **c).await.map(affected))?;
            let total: i64 = counts.iter().map(|(_, n)| n).sum();
            if total > 0 {
                if let Some((email, locale)) = recipient(&mut tx, user).await? {
                    let lines: Vec<String> = counts
                        .iter()
                        .filter_map(|(kind, n)| Kind::parse(kind).map(|k| (k, n)))
                        .map(|(k, n)| {
                            locale.t_args(&format!("mail-digest-line-{}", k.key()), &[("count", n.to_string())])
                        })
                        .collect();
                    let (footer, _) = footer(config, locale, &(user, String::new()), None);
                    let body = locale.t_args(
                        "mail-digest-body",
                        &[("lines", lines.join("\n")), ("link", url(config, "/notifications"))],
                    );
                    let subject_id = format!("mail-digest-{}-subject", frequency.key());
                    let mail = Mail {
                        to: &email,
                        subject: locale.t_args(&subject_id, &[("count", total.to_string())]),
                        body: format!("{body}\n\n{footer}"),
                        kind: "digest",
                        unsubscribe: None,
                    };
                    outbox::enqueue(&mut tx, mail).await?;
                    sent += 1;
                }
            }
            tx.commit().await?;
        }
    }
    Ok(sent)
}
