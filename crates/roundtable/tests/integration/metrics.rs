//! `/metrics`: closed unless a token is configured, then only to that bearer token; counts
//! requests under their route pattern (never the path, which may hold a secret), and reports
//! the pool, the outbox and the open live sockets.

use reqwest::StatusCode;
use roundtable::config::{Config, Secret};
use roundtable::vocab::Role;

use crate::chat::{tie, write};
use crate::common::TestApp;
use crate::db_test;

const TOKEN: &str = "a-long-metrics-token-for-tests";

async fn scrape(app: &TestApp, token: Option<&str>) -> reqwest::Response {
    let mut request = reqwest::Client::new().get(format!("{}/metrics", app.base));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.unwrap()
}

/// The value of the sample line that starts with `series` (labels in the exposition's order).
fn sample(text: &str, series: &str) -> Option<f64> {
    text.lines().find_map(|l| l.strip_prefix(series).and_then(|v| v.strip_prefix(' '))).map(|v| v.parse().unwrap())
}

db_test!(metrics_are_closed_without_a_token, |app: TestApp| async move {
    assert_eq!(scrape(&app, None).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(scrape(&app, Some(TOKEN)).await.status(), StatusCode::NOT_FOUND);
});

db_test!(
    metrics_answer_the_token_alone_and_name_route_patterns,
    config = |c: &mut Config| c.metrics_token = Some(Secret::new(TOKEN)),
    |app: TestApp| async move {
        let refused = scrape(&app, None).await;
        assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
        assert!(refused.headers()["www-authenticate"].to_str().unwrap().starts_with("Bearer"));
        assert_eq!(scrape(&app, Some("a-long-metrics-token-for-test")).await.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(scrape(&app, Some(&format!("{TOKEN}x"))).await.status(), StatusCode::UNAUTHORIZED);

        let (ana, ana_id) = app.signed_in("ana@example.org", Role::Member, "Ana").await;
        let (ben, ben_id) = app.signed_in("ben@example.org", Role::Member, "Ben").await;
        for _ in 0..3 {
            assert_eq!(ana.get(&format!("/members/{ben_id}")).await.status(), StatusCode::OK);
        }
        // A made-up path, of the kind an invitation link has, is counted without its text.
        assert_eq!(ana.get("/nowhere/sEcReTsEcReT").await.status(), StatusCode::NOT_FOUND);
        app.exec(&format!(
            "INSERT INTO outbox (to_addr, subject, body_text, kind, created_at, next_attempt_at) \
             VALUES ('x@example.org', 's', 'b', 'notice', {}, {})",
            roundtable::db::now_ms() - 120_000,
            roundtable::db::now_ms() + 86_400_000
        ))
        .await;
        app.exec(&tie(ana_id, ben_id)).await;
        let id = write(&ana, &[ben_id], "Hello").await;
        let socket = crate::chat_live::open(&ben, id, "after=0", Some(&app.base)).await.expect("opens");

        let r = scrape(&app, Some(TOKEN)).await;
        assert_eq!(r.status(), StatusCode::OK);
        assert!(r.headers()["content-type"].to_str().unwrap().starts_with("text/plain; version=0.0.4"));
        let text = r.text().await.unwrap();
        let members = r#"roundtable_http_requests_total{method="GET",route="/members/{id}",status="200"}"#;
        assert_eq!(sample(&text, members), Some(3.0), "{text}");
        assert!(sample(&text, r#"roundtable_http_requests_total{method="GET",route="unmatched",status="404"}"#)
            .is_some_and(|n| n >= 1.0));
        assert!(!text.contains("sEcReT") && !text.contains(&format!("/members/{ben_id}")));
        let p99 = r#"roundtable_http_request_duration_seconds_count{method="GET",route="/members/{id}"}"#;
        assert_eq!(sample(&text, p99), Some(3.0));
        assert_eq!(sample(&text, "roundtable_outbox_pending"), Some(1.0), "{text}");
        assert!(sample(&text, "roundtable_outbox_oldest_pending_age_seconds").is_some_and(|s| s >= 119.0));
        assert_eq!(sample(&text, "roundtable_websocket_connections"), Some(1.0));
        assert!(sample(&text, "roundtable_db_pool_max_connections").is_some_and(|n| n >= 1.0));
        assert!(sample(&text, r#"roundtable_db_pool_connections{state="idle"}"#).is_some());
        // Message text, names and addresses never reach the metrics.
        for private in ["Hello", "Ana", "ana@example.org", "x@example.org"] {
            assert!(!text.contains(private), "{private}");
        }

        drop(socket);
    }
);
