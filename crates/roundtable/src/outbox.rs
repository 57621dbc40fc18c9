//! Outgoing mail waits in the `outbox` table, written in the same transaction as the change
//! that causes it, so no message is lost and none is sent for a change that rolled back.

use crate::db::{now_ms, Tx};
use crate::on_tx;
use crate::web::AppError;

pub struct Mail<'a> {
    pub to: &'a str,
    pub subject: String,
    pub body: String,
    /// What kind of message this is (`invitation`, `password_reset`, ...), for delivery
    /// preferences and for tests.
    pub kind: &'static str,
    /// The one-click unsubscribe address (RFC 8058) of mail a member may turn off.
    pub unsubscribe: Option<String>,
}

pub async fn enqueue(tx: &mut Tx, mail: Mail<'_>) -> Result<(), AppError> {
    let now = now_ms();
    let sql = "INSERT INTO outbox (to_addr, subject, body_text, kind, created_at, next_attempt_at, unsubscribe_url) \
               VALUES ($1, $2, $3, $4, $5, $5, $6)";
    on_tx!(tx, c => sqlx::query(sql).bind(mail.to).bind(&mail.subject).bind(&mail.body)
        .bind(mail.kind).bind(now).bind(&mail.unsubscribe).execute(&mut **c).await.map(crate::db::affected))?;
    Ok(())
}

/// As [`enqueue`], but the mail is written only if an active account has the address `to`;
/// the statement is the same either way, so a caller answering the same whether an account
/// exists or not also takes the same time.
/// Takes back the mails of `kind` to `to` not sent yet: a withdrawn invitation's, whose link
/// no longer works and whose note should not travel.
pub async fn withdraw(tx: &mut Tx, to: &str, kind: &str) -> Result<(), AppError> {
    let sql = "DELETE FROM outbox WHERE to_addr = $1 AND kind = $2 AND sent_at IS NULL";
    on_tx!(tx, c => sqlx::query(sql).bind(to).bind(kind).execute(&mut **c).await.map(crate::db::affected))?;
    Ok(())
}

pub async fn enqueue_for_account(tx: &mut Tx, mail: Mail<'_>) -> Result<(), AppError> {
    let now = now_ms();
    let sql = "INSERT INTO outbox (to_addr, subject, body_text, kind, created_at, next_attempt_at, unsubscribe_url) \
               SELECT $1, $2, $3, $4, $5, $5, $6 WHERE EXISTS (SELECT 1 FROM users WHERE email = $1 AND active = TRUE)";
    on_tx!(tx, c => sqlx::query(sql).bind(mail.to).bind(&mail.subject).bind(&mail.body)
        .bind(mail.kind).bind(now).bind(&mail.unsubscribe).execute(&mut **c).await.map(crate::db::affected))?;
    Ok(())
}

// ---- delivery -----------------------------------------------------------------------------

use std::time::Duration;

use lettre::message::{header::ContentType, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::Config;
use crate::db::{affected, Db};
use crate::on_db;

/// How often the worker looks for mail that is due.
const POLL: Duration = Duration::from_secs(2);
/// How many messages one pass claims.
const BATCH: i64 = 20;
/// A claimed message is left alone by other nodes for this long, then retried.
const LEASE_MS: i64 = 5 * 60_000;
/// After this many failed attempts a message is given up (and removed by housekeeping).
pub const MAX_ATTEMPTS: i64 = 12;

/// Delay before attempt `attempts + 1`: one minute, doubling, at most six hours; twelve
/// attempts span more than a day, long enough to outlast a mail server's outage.
pub fn backoff_ms(attempts: i64) -> i64 {
    (60_000i64 << attempts.clamp(0, 20)).min(6 * 3_600_000)
}

/// Sends the outbox through SMTP.
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    /// The mailer of `config`, `None` when no SMTP server is configured (mail then waits in
    /// the outbox). URLs as lettre reads them: `smtp://host:25` (plain, for a local relay),
    /// `smtp://user:pass@host:587?tls=required` (STARTTLS), `smtps://user:pass@host:465`.
    pub fn from_config(config: &Config) -> anyhow::Result<Option<Mailer>> {
        let Some(url) = &config.smtp_url else { return Ok(None) };
        refuse_clear_credentials(url)?;
        // The URL may hold a password: never echo it in the error.
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|_| anyhow::anyhow!("ROUNDTABLE_SMTP_URL is not a valid smtp:// or smtps:// URL"))?
            .timeout(Some(Duration::from_secs(30)))
            .build();
        let from = match &config.mail_from {
            Some(from) => from.parse().map_err(|e| anyhow::anyhow!("ROUNDTABLE_MAIL_FROM `{from}`: {e}"))?,
            None => {
                let host = config.base_url.host_str().unwrap_or("localhost");
                format!("Roundtable <noreply@{host}>").parse().map_err(|e| anyhow::anyhow!("sender address: {e}"))?
            }
        };
        Ok(Some(Mailer { transport, from }))
    }

    fn message(&self, mail: &Due) -> anyhow::Result<Message> {
        let (to, subject, body) = (&mail.to_addr, &mail.subject, &mail.body_text);
        let to: Mailbox = to.parse()?;
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            // Tell autoresponders not to answer (RFC 3834).
            .header(AutoSubmitted);
        if let Some(url) = &mail.unsubscribe_url {
            use lettre::message::header::{HeaderName, HeaderValue};
            builder = builder
                .raw_header(HeaderValue::new(HeaderName::new_from_ascii_str("List-Unsubscribe"), format!("<{url}>")))
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                    "List-Unsubscribe=One-Click".into(),
                ));
        }
        Ok(builder.multipart(
            MultiPart::alternative()
                .singlepart(SinglePart::builder().header(ContentType::TEXT_PLAIN).body(body.to_string()))
                .singlepart(SinglePart::builder().header(ContentType::TEXT_HTML).body(html_body(body))),
        )?)
    }
}

/// A password (and the reset links in the mail) must not cross a network in clear: with
/// credentials, a server other than this machine needs `smtps://` or `?tls=required`.
fn refuse_clear_credentials(url: &str) -> anyhow::Result<()> {
    let Ok(parsed) = url::Url::parse(url) else { return Ok(()) };
    let local = matches!(parsed.host_str(), Some("localhost" | "127.0.0.1" | "[::1]" | "::1"));
    let tls = parsed.scheme() == "smtps" || parsed.query_pairs().any(|(k, v)| k == "tls" && v == "required");
    if parsed.password().is_some() && !tls && !local {
        anyhow::bail!("ROUNDTABLE_SMTP_URL sends a password without TLS: use smtps:// or add ?tls=required");
    }
    Ok(())
}

#[derive(Clone)]
struct AutoSubmitted;

impl lettre::message::header::Header for AutoSubmitted {
    fn name() -> lettre::message::header::HeaderName {
        lettre::message::header::HeaderName::new_from_ascii_str("Auto-Submitted")
    }
    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(AutoSubmitted)
    }
    fn display(&self) -> lettre::message::header::HeaderValue {
        lettre::message::header::HeaderValue::new(Self::name(), "auto-generated".into())
    }
}

/// The HTML part of a plain-text message: paragraphs, and links where a line is one. No
/// images, no styles from elsewhere: nothing in our mail calls home.
pub fn html_body(text: &str) -> String {
    let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    let mut html = String::from("<!doctype html><html><body style=\"font-family:sans-serif;line-height:1.6\">");
    for paragraph in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let lines: Vec<String> = paragraph
            .lines()
            .map(|line| {
                let line = line.trim();
                if (line.starts_with("https://") || line.starts_with("http://")) && !line.contains(char::is_whitespace)
                {
                    format!("<a href=\"{0}\">{0}</a>", escape(line))
                } else {
                    escape(line)
                }
            })
            .collect();
        html.push_str(&format!("<p>{}</p>", lines.join("<br>")));
    }
    html.push_str("</body></html>");
    html
}

#[derive(sqlx::FromRow)]
struct Due {
    id: i64,
    to_addr: String,
    subject: String,
    body_text: String,
    attempts: i64,
    next_attempt_at: i64,
    unsubscribe_url: Option<String>,
}

/// What one pass did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Delivery {
    pub sent: usize,
    pub failed: usize,
}

/// Sends what is due. Each message is claimed first (by moving its next attempt past a
/// lease), so that several nodes never send the same message twice at once.
pub async fn deliver_due(db: &Db, mailer: &Mailer) -> Result<Delivery, sqlx::Error> {
    let now = now_ms();
    let sql = "SELECT id, to_addr, subject, body_text, attempts, next_attempt_at, unsubscribe_url FROM outbox \
               WHERE sent_at IS NULL AND next_attempt_at <= $1 AND attempts < $2 ORDER BY id LIMIT $3";
    let due: Vec<Due> =
        on_db!(db, pool => sqlx::query_as(sql).bind(now).bind(MAX_ATTEMPTS).bind(BATCH).fetch_all(pool).await)?;
    let mut done = Delivery::default();
    for mail in due {
        let claim = "UPDATE outbox SET next_attempt_at = $1 WHERE id = $2 AND sent_at IS NULL AND next_attempt_at = $3";
        let claimed = on_db!(db, pool => sqlx::query(claim).bind(now + LEASE_MS).bind(mail.id)
            .bind(mail.next_attempt_at).execute(pool).await.map(affected))?;
        if claimed != 1 {
            continue;
        }
        let result = match mailer.message(&mail) {
            Ok(message) => mailer.transport.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        match result {
            Ok(()) => {
                on_db!(db, pool => sqlx::query("UPDATE outbox SET sent_at = $1, attempts = attempts + 1, last_error = NULL WHERE id = $2")
                    .bind(now_ms()).bind(mail.id).execute(pool).await.map(affected))?;
                done.sent += 1;
            }
            Err(error) => {
                // The error names the server's answer, never the message or the recipient.
                tracing::warn!(outbox_id = mail.id, attempts = mail.attempts + 1, %error, "mail not delivered");
                let sql =
                    "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $1, last_error = $2 WHERE id = $3";
                on_db!(db, pool => sqlx::query(sql).bind(now_ms() + backoff_ms(mail.attempts)).bind(&error)
                    .bind(mail.id).execute(pool).await.map(affected))?;
                done.failed += 1;
            }
        }
    }
    Ok(done)
}

/// Deliver the outbox every few seconds for as long as the process lives.
pub fn spawn(db: Db, mailer: Mailer, metrics: crate::metrics::Metrics) {
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(POLL);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            interval.tick().await;
            let delivery = deliver_due(&db, &mailer).await;
            if let Ok(d) = &delivery {
                metrics.mail(d.sent, d.failed);
            }
            match delivery {
                Ok(d) if d.sent + d.failed > 0 => tracing::info!(sent = d.sent, failed = d.failed, "outbox delivered"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "outbox delivery failed"),
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_need_tls_unless_the_server_is_this_machine() {
        assert!(refuse_clear_credentials("smtp://user:pw@mail.example.org:587").is_err());
        assert!(refuse_clear_credentials("smtp://user:pw@mail.example.org:587?tls=required").is_ok());
        assert!(refuse_clear_credentials("smtps://user:pw@mail.example.org:465").is_ok());
        assert!(refuse_clear_credentials("smtp://user:pw@127.0.0.1:25").is_ok());
        assert!(refuse_clear_credentials("smtp://relay.example.org:25").is_ok());
        let message = refuse_clear_credentials("smtp://user:s3cret@mail.example.org").unwrap_err().to_string();
        assert!(!message.contains("s3cret"));
    }

    #[test]
    fn backoff_doubles_up_to_six_hours() {
        assert_eq!(backoff_ms(0), 60_000);
        assert_eq!(backoff_ms(1), 120_000);
        assert_eq!(backoff_ms(8), 256 * 60_000);
        assert_eq!(backoff_ms(9), 6 * 3_600_000);
        assert_eq!(backoff_ms(500), 6 * 3_600_000);
        let total: i64 = (0..MAX_ATTEMPTS).map(backoff_ms).sum();
        assert!((24 * 3_600_000..36 * 3_600_000).contains(&total), "{total}");
    }

    #[test]
    fn html_part_escapes_and_links_whole_line_urls_only() {
        let html = html_body("Hello <b>you</b> & co\n\nhttps://example.org/a?b=1&c=2\nnot a link: https://x y");
        assert!(html.contains("Hello &lt;b&gt;you&lt;/b&gt; &amp; co"));
        assert!(html.contains("<a href=\"https://example.org/a?b=1&amp;c=2\">https://example.org/a?b=1&amp;c=2</a>"));
        assert!(html.contains("not a link: https://x y"));
        assert!(!html.contains("<img") && !html.contains("<b>"));
    }
}
