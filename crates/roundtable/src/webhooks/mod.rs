//! Webhooks: coordinators name an address to be told when a member joins, someone registers
//! for an event or a resource is published. Each delivery is written in the transaction of
//! the change it tells of (as mail is, in `outbox`), signed with the hook's secret, sent by
//! a worker with the outbox's retries, and kept as the hook's delivery log.
//!
//! A layer: features call [`enqueue`] with what may be told, having applied their own rules
//! (nothing of a member at risk, nothing of a secret group: a webhook's payload is a file
//! that leaves Roundtable).

pub mod address;
pub mod pages;

use std::time::Duration;

use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::Sha256;

use crate::db::{affected, Clock, Db, Tx};
use crate::vocab::WebhookEvent;
use crate::{on_db, on_tx};

pub use pages::{routes, TEMPLATES};

/// Deliveries tried per pass, and how often the worker looks.
const BATCH: i64 = 20;
const POLL: Duration = Duration::from_secs(2);
/// A claimed delivery is retried after this long if its node died while sending.
const LEASE_MS: i64 = 5 * 60_000;
/// Attempts before a delivery is given up: the outbox's, over a day.
pub const MAX_ATTEMPTS: i64 = 12;
/// How long a receiver has to answer, and to accept the connection.
const TIMEOUT: Duration = Duration::from_secs(10);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Deliveries are forgotten after this long (housekeeping).
pub const KEEP_DAYS: i64 = 30;

/// What a receiver gets: a random id (receivers refuse one they have seen: a replay), the
/// event, when, and what the feature chose to tell.
#[derive(Serialize)]
struct Payload<'a> {
    id: String,
    event: &'a str,
    created_at: String,
    data: serde_json::Value,
}

/// The rule, as SQL on `webhook_deliveries.member_id`, of whether the member a delivery
/// names may still go out when it is sent (composed by the application: `rules`).
#[derive(Clone)]
pub struct Named(pub std::sync::Arc<str>);

/// What a feature tells: the event, its data, the member it names (checked again when it is
/// sent), and how long it waits first.
pub struct Told {
    pub event: WebhookEvent,
    pub data: serde_json::Value,
    pub member: Option<i64>,
    pub wait_ms: i64,
}

/// Queue `told` for every active hook that asked for its event, inside `tx`.
pub async fn enqueue(tx: &mut Tx, now: i64, told: Told) -> Result<(), sqlx::Error> {
    let Told { event, data, member, wait_ms } = told;
    let hooks: Vec<i64> = on_tx!(tx, c => sqlx::query_scalar(
        "SELECT id FROM webhooks WHERE active AND (' ' || events || ' ') LIKE $1")
        .bind(format!("% {} %", event.key())).fetch_all(&mut **c).await)?;
    if hooks.is_empty() {
        return Ok(());
    }
    for hook in hooks {
        let body = body(event, now, data.clone());
        enqueue_for(tx, hook, event, &body, now, member, wait_ms).await?;
    }
    Ok(())
}

pub(crate) fn body(event: WebhookEvent, now: i64, data: serde_json::Value) -> String {
    let created_at = chrono::DateTime::from_timestamp_millis(now).map(|t| t.to_rfc3339()).unwrap_or_default();
    let payload = Payload { id: crate::web::session::random_token(), event: event.key(), created_at, data };
    serde_json::to_string(&payload).expect("a payload serialises")
}

async fn enqueue_for(
    tx: &mut Tx,
    hook: i64,
    event: WebhookEvent,
    body: &str,
    now: i64,
    member: Option<i64>,
    wait_ms: i64,
) -> Result<(), sqlx::Error> {
    let sql = "INSERT INTO webhook_deliveries (webhook_id, event, payload, created_at, next_attempt_at, member_id, names_member) \
               VALUES ($1, $2, $3, $4, $5, $6, $7)";
    on_tx!(tx, c => sqlx::query(sql).bind(hook).bind(event.key()).bind(body).bind(now).bind(now + wait_ms)
        .bind(member).bind(member.is_some()).execute(&mut **c).await.map(affected))?;
    Ok(())
}

/// The `Roundtable-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`.
/// Receivers recompute it with the secret and refuse old timestamps (replays).
pub fn signature(secret: &str, unix_seconds: i64, body: &str) -> String {
    format!("t={unix_seconds},v1={}", hmac_hex(secret, &format!("{unix_seconds}.{body}")))
}

fn hmac_hex(key: &str, message: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).expect("HMAC takes any key");
    mac.update(message.as_bytes());
    mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect()
}

#[derive(sqlx::FromRow)]
struct Due {
    id: i64,
    event: String,
    payload: String,
    attempts: i64,
    next_attempt_at: i64,
    url: String,
    secret: String,
}

/// What one pass did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Delivery {
    pub delivered: usize,
    pub failed: usize,
}

/// Sends what is due, each delivery claimed first so that two nodes never send it twice. A
/// delivery whose member may no longer be named (`named`) is withdrawn unsent, its payload
/// emptied.
pub async fn deliver_due(db: &Db, clock: &Clock, allow_private: bool, named: &Named) -> Result<Delivery, sqlx::Error> {
    let withdraw = format!(
        "UPDATE webhook_deliveries SET payload = '{{}}', attempts = $1, last_error = 'withdrawn' \
         WHERE delivered_at IS NULL AND attempts < $1 AND names_member AND NOT (member_id IS NOT NULL AND {})",
        named.0
    );
    on_db!(db, pool => sqlx::query(&withdraw).bind(MAX_ATTEMPTS).execute(pool).await.map(affected))?;
    let sql = "SELECT d.id, d.event, d.payload, d.attempts, d.next_attempt_at, w.url, w.secret \
               FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id \
               WHERE w.active AND d.delivered_at IS NULL AND d.next_attempt_at <= $1 AND d.attempts < $2 \
               ORDER BY d.id LIMIT $3";
    let due: Vec<Due> = on_db!(db, pool => sqlx::query_as(sql).bind(clock.now_ms()).bind(MAX_ATTEMPTS).bind(BATCH)
        .fetch_all(pool).await)?;
    let mut done = Delivery::default();
    for d in due {
        // Each claim from the time it is made: sending the ones before may have taken long.
        let lease = clock.now_ms() + LEASE_MS;
        let claim = "UPDATE webhook_deliveries SET next_attempt_at = $1 \
                     WHERE id = $2 AND delivered_at IS NULL AND next_attempt_at = $3";
        let claimed = on_db!(db, pool => sqlx::query(claim).bind(lease).bind(d.id)
            .bind(d.next_attempt_at).execute(pool).await.map(affected))?;
        if claimed != 1 {
            continue;
        }
        let outcome = send(&d, clock.now_ms() / 1000, allow_private).await;
        let now = clock.now_ms();
        // Only while the claim is still this node's.
        match outcome {
            Ok(status) => {
                on_db!(db, pool => sqlx::query(
                    "UPDATE webhook_deliveries SET delivered_at = $1, attempts = attempts + 1, last_status = $2, \
                     last_error = NULL WHERE id = $3 AND next_attempt_at = $4")
                    .bind(now).bind(status).bind(d.id).bind(lease).execute(pool).await.map(affected))?;
                done.delivered += 1;
            }
            Err((status, error)) => {
                tracing::warn!(delivery = d.id, attempts = d.attempts + 1, %error, "webhook not delivered");
                on_db!(db, pool => sqlx::query(
                    "UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = $1, last_status = $2, \
                     last_error = $3 WHERE id = $4 AND next_attempt_at = $5")
                    .bind(now + crate::outbox::backoff_ms(d.attempts)).bind(status).bind(&error).bind(d.id).bind(lease)
                    .execute(pool).await.map(affected))?;
                done.failed += 1;
            }
        }
    }
    Ok(done)
}

/// One attempt: the address checked again, the request sent to the addresses checked, no
/// redirect followed. `Err` carries the status (if any) and a short reason, never the
/// receiver's answer.
async fn send(d: &Due, unix_seconds: i64, allow_private: bool) -> Result<i64, (Option<i64>, String)> {
    let url = address::parse(&d.url, allow_private).map_err(|_| (None, "address refused".to_string()))?;
    let target = address::resolve(&url, allow_private).await.map_err(|e| (None, reason(&e)))?;
    // No proxy from the environment: a proxy resolves names itself, past the checks above.
    let client = reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(CONNECT_TIMEOUT)
        .timeout(TIMEOUT)
        .resolve_to_addrs(&target.host, &target.addrs)
        .user_agent("Roundtable-Webhooks/1")
        .build()
        .map_err(|_| (None, "client".to_string()))?;
    let response = client
        .post(target.url)
        .header("content-type", "application/json")
        .header("roundtable-event", &d.event)
        .header("roundtable-delivery", d.id.to_string())
        .header("roundtable-signature", signature(&d.secret, unix_seconds, &d.payload))
        .body(d.payload.clone())
        .send()
        .await
        .map_err(|e| {
            let kind = if e.is_timeout() {
                "timed out"
            } else if e.is_connect() {
                "no connection"
            } else {
                "failed"
            };
            (None, kind.to_string())
        })?;
    let status = i64::from(response.status().as_u16());
    if response.status().is_success() {
        Ok(status)
    } else {
        Err((Some(status), format!("HTTP {status}")))
    }
}

fn reason(e: &crate::web::AppError) -> String {
    match e {
        crate::web::AppError::Invalid(m) => m.id.trim_start_matches("error-webhook-").to_string(),
        _ => "address refused".to_string(),
    }
}

/// Deliver every few seconds for as long as the process lives.
pub fn spawn(db: Db, clock: Clock, allow_private: bool, named: Named) {
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(POLL);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            interval.tick().await;
            match deliver_due(&db, &clock, allow_private, &named).await {
                Ok(d) if d.delivered + d.failed > 0 => {
                    tracing::info!(delivered = d.delivered, failed = d.failed, "webhooks delivered")
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "webhook delivery failed"),
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hook stored before the operator withdrew their leave for private addresses is
    /// checked again at delivery, and nothing is sent.
    #[tokio::test]
    async fn every_delivery_checks_the_address_again() {
        let due = Due {
            id: 1,
            event: "ping".into(),
            payload: "{}".into(),
            attempts: 0,
            next_attempt_at: 0,
            url: "http://127.0.0.1:9/hook".into(),
            secret: "s".into(),
        };
        assert_eq!(send(&due, 0, false).await, Err((None, "address refused".to_string())));
        let due = Due { url: "https://127.0.0.1:9/hook".into(), ..due };
        assert_eq!(send(&due, 0, false).await, Err((None, "private".to_string())));
    }

    #[test]
    fn the_signature_is_hmac_sha256_of_time_and_body() {
        // The well-known HMAC-SHA256 example.
        assert_eq!(
            hmac_hex("key", "The quick brown fox jumps over the lazy dog"),
            "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"
        );
        let sig = signature("key", 1_700_000_000, "{}");
        assert_eq!(sig, format!("t=1700000000,v1={}", hmac_hex("key", "1700000000.{}")));
        assert_ne!(signature("other", 1_700_000_000, "{}"), sig);
    }
}
