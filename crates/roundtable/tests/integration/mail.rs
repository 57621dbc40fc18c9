//! Delivery of the outbox through a real SMTP conversation with a local server.

use reqwest::StatusCode;
use roundtable::vocab::Role;

use crate::common::{Backend, TestApp};
use crate::smtp::SmtpSink;

async fn request_reset(app: &TestApp, email: &str) {
    let visitor = app.browser();
    let response = visitor.post("/password/forgot", &[("email", email)]).await;
    assert_eq!(response.status(), StatusCode::OK);
}

async fn delivered_in_the_members_language_with_both_parts(backend: Backend) {
    let sink = SmtpSink::start().await;
    let url = sink.url.clone();
    let app = TestApp::spawn_with(backend, |c| {
        c.smtp_url = Some(url);
        c.mail_from = Some("Roundtable Network <network@example.org>".into());
    })
    .await;
    let id = app.create_user("somchai@example.org", Role::Member, "Somchai").await;
    app.exec(&format!("UPDATE users SET locale = 'th' WHERE id = {id}")).await;
    request_reset(&app, "somchai@example.org").await;

    let mail = sink.wait_for(1).await.remove(0);
    assert_eq!(mail.to, vec!["somchai@example.org"]);
    assert!(mail.from.contains("network@example.org"));
    let data = mail.data;
    assert!(data.contains("Auto-Submitted: auto-generated"));
    assert!(data.contains("multipart/alternative"));
    assert!(data.contains("text/plain") && data.contains("text/html"));
    // The subject is Thai, encoded as RFC 2047 allows.
    let subject = data.lines().find(|l| l.starts_with("Subject:")).unwrap();
    assert!(subject.contains("=?utf-8?"), "{subject}");
    // The worker marks the message sent just after the server has taken it.
    let sent = "SELECT COUNT(*) FROM outbox WHERE sent_at IS NOT NULL AND attempts = 1 AND last_error IS NULL";
    let mut marked = 0;
    for _ in 0..50 {
        marked = app.scalar_i64(sent).await;
        if marked == 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(marked, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mail_is_delivered_in_the_members_language_sqlite() {
    delivered_in_the_members_language_with_both_parts(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mail_is_delivered_in_the_members_language_postgres() {
    if std::env::var("ROUNDTABLE_TEST_POSTGRES_URL").is_ok_and(|u| !u.is_empty()) {
        delivered_in_the_members_language_with_both_parts(Backend::Postgres).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mail_waits_and_backs_off_while_the_server_is_down() {
    // A port nobody listens on: bind, note, close.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let app = TestApp::spawn_with(Backend::Sqlite, |c| c.smtp_url = Some(format!("smtp://127.0.0.1:{port}"))).await;
    app.create_user("malee@example.org", Role::Member, "Malee").await;
    request_reset(&app, "malee@example.org").await;
    let mut attempts = 0;
    for _ in 0..100 {
        attempts = app.scalar_i64("SELECT attempts FROM outbox").await;
        if attempts > 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(attempts, 1, "one failed attempt, then a pause");
    let (sent, error, wait) = (
        app.scalar_i64("SELECT COUNT(*) FROM outbox WHERE sent_at IS NOT NULL").await,
        app.strings("SELECT last_error FROM outbox").await.remove(0),
        app.scalar_i64("SELECT next_attempt_at - created_at FROM outbox").await,
    );
    assert_eq!(sent, 0, "nothing is lost or marked sent");
    assert!(!error.is_empty() && !error.contains("malee"), "{error}");
    assert!(wait >= 55_000, "the next attempt waits about a minute, not {wait} ms");
}

#[tokio::test]
async fn a_malformed_smtp_url_stops_the_start_without_echoing_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = roundtable::config::Config::defaults(dir.path());
    config.smtp_url = Some("smtp://user:s3cret@[bad".into());
    let error = match roundtable::outbox::Mailer::from_config(&config) {
        Err(e) => e.to_string(),
        Ok(_) => panic!("accepted"),
    };
    assert!(error.contains("ROUNDTABLE_SMTP_URL") && !error.contains("s3cret"), "{error}");
}
