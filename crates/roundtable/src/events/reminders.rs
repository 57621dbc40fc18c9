//! Reminders: a day before an event, everyone with a place (members and visitors) gets a
//! mail in the language they registered in, with the time in the event's zone, the place
//! and, for online and hybrid events, the meeting link (theirs to see: they are registered).
//!
//! Housekeeping sends them ([`crate::maintenance`]), on every node. Each registration is
//! claimed before its mail is queued, in the same transaction (`reminded_at` set only where
//! it is still empty), so that several nodes never send one twice and a registration is
//! reminded once, even if the event moves. A registration made within the last day before
//! the event is reminded at the next pass too: the mail still helps.

use crate::config::Config;
use crate::db::{affected, Db};
use crate::outbox::{self, Mail};
use crate::web::{AppError, Locale};
use crate::{on_db, on_tx};

use super::{time, Event, EVENT_COLUMNS};

/// How long before an event begins its registrants are reminded.
pub const BEFORE_MS: i64 = 86_400_000;
/// Reminders one pass sends at most; the rest wait ten minutes for the next.
const PER_PASS: i64 = 500;

#[derive(sqlx::FromRow)]
struct Due {
    id: i64,
    event_id: i64,
    name: String,
    email: String,
    locale: String,
}

/// The place lines of a reminder: the room, and the meeting link.
fn place(event: &Event, locale: Locale) -> String {
    let mut lines = Vec::new();
    // Where a gathering that is not public meets stays in Roundtable, like its title.
    if event.has_room() && event.visibility() == super::EventVisibility::Public {
        lines.push(event.venue.clone());
        if !event.address.is_empty() {
            lines.push(event.address.clone());
        }
    }
    if event.has_link() {
        lines.push(locale.t_args("mail-event-reminder-online", &[("link", event.online_url.clone())]));
    }
    lines.join("\n")
}

/// Queue the reminders that are due at `now`; returns how many were queued.
pub async fn send(db: &Db, config: &Config, now: i64) -> Result<usize, AppError> {
    // Only those who may still see the event (and so, registered, its link): one moved into
    // a group the registrant is not in is no longer theirs to be reminded of.
    let sql = format!(
        "SELECT r.id, r.event_id, r.name, r.email, r.locale FROM event_registrations r \
         JOIN events e ON e.id = r.event_id \
         WHERE r.status = 'registered' AND r.reminded_at IS NULL AND NOT e.cancelled \
         AND e.starts_at > $1 AND e.starts_at <= $2 AND {} ORDER BY e.starts_at, r.id LIMIT $3",
        super::access::visible_sql("e", &crate::web::Who::account("r.user_id"))
    );
    let due: Vec<Due> =
        on_db!(db, pool => sqlx::query_as(&sql).bind(now).bind(now + BEFORE_MS).bind(PER_PASS).fetch_all(pool).await)?;
    let mut sent = 0;
    for d in due {
        let mut tx = db.begin().await?;
        let claim = "UPDATE event_registrations SET reminded_at = $1 WHERE id = $2 AND reminded_at IS NULL \
                     AND status = 'registered'";
        if on_tx!(&mut tx, c => sqlx::query(claim).bind(now).bind(d.id).execute(&mut **c).await.map(affected))? != 1 {
            continue;
        }
        let sql = format!("SELECT {EVENT_COLUMNS} FROM events e WHERE e.id = $1");
        let event: Event = on_tx!(&mut tx, c => sqlx::query_as(&sql).bind(d.event_id).fetch_one(&mut **c).await)?;
        let locale = Locale::parse(&d.locale).unwrap_or(Locale::En);
        let link = config
            .base_url
            .join(&format!("events/{}", event.id))
            .map_err(|e| AppError::Internal(e.into()))?
            .to_string();
        let args = [
            ("name", d.name.clone()),
            ("title", event.title_in_mail(locale)),
            ("when", time::span(event.starts_at, event.ends_at, event.zone())),
            ("place", place(&event, locale)),
            ("link", link),
        ];
        let mail = Mail {
            to: &d.email,
            subject: locale.t_args("mail-event-reminder-subject", &args),
            body: locale.t_args("mail-event-reminder-body", &args),
            kind: "event_reminder",
            unsubscribe: None,
        };
        outbox::enqueue(&mut tx, mail).await?;
        tx.commit().await?;
        sent += 1;
    }
    Ok(sent)
}
