//! Webhooks: made by coordinators for addresses the server may reach, told of new members,
//! registrations and published resources (never of a member at risk or a group's resource),
//! each delivery signed and retried, with its log.

use std::sync::{Arc, Mutex};

use axum::http::HeaderMap;
use hmac::{Hmac, Mac};
use reqwest::StatusCode;
use roundtable::vocab::Role;
use serde_json::Value;
use tokio::sync::mpsc;

use crate::common::{location, TestApp, PASSWORD};
use crate::db_test;

/// What the receiver heard: headers and body.
type Heard = (HeaderMap, String);

/// A receiver on this machine that answers each request with the next status of `answers`
/// (200 once they run out) and hands what it heard to the test.
async fn receiver(answers: Vec<u16>) -> (String, mpsc::UnboundedReceiver<Heard>) {
    let (send, heard) = mpsc::unbounded_channel();
    let answers = Arc::new(Mutex::new(answers.into_iter()));
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |headers: HeaderMap, body: String| {
            let (send, answers) = (send.clone(), answers.clone());
            async move {
                send.send((headers, body)).unwrap();
                let status = answers.lock().unwrap().next().unwrap_or(200);
                axum::http::StatusCode::from_u16(status).unwrap()
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://127.0.0.1:{port}/hook"), heard)
}

/// The next delivery, as soon as the worker sends it.
async fn next(heard: &mut mpsc::UnboundedReceiver<Heard>) -> (HeaderMap, Value, String) {
    let (headers, body) =
        tokio::time::timeout(std::time::Duration::from_secs(30), heard.recv()).await.expect("a delivery").unwrap();
    let json = serde_json::from_str(&body).unwrap();
    (headers, json, body)
}

fn signed(secret: &str, headers: &HeaderMap, body: &str) -> bool {
    let header = headers["roundtable-signature"].to_str().unwrap();
    let (t, v1) = header.split_once(",v1=").unwrap();
    let t = t.trim_start_matches("t=");
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{t}.{body}").as_bytes());
    let expected: String = mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect();
    expected == v1
}

db_test!(
    a_webhook_hears_of_members_registrations_and_resources_signed_and_retried,
    config = |c: &mut roundtable::config::Config| c.webhooks_allow_private = true,
    |app: TestApp| async move {
        let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Coordinator").await;
        let (member, member_id) = app.signed_in("member@example.org", Role::Member, "Ana Hooked").await;
        assert_eq!(member.get("/webhooks").await.status(), StatusCode::FORBIDDEN);
        let (url, mut heard) = receiver(vec![500]).await;

        // Bad addresses and choices are refused, and nothing is made.
        for (address, message) in
            [("ftp://example.org/", "https://"), ("https://u:p@example.org/", "no name or password")]
        {
            let r = coordinator.post("/webhooks", &[("url", address), ("events", "member_joined")]).await;
            assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
            assert!(r.text().await.unwrap().replace("&#x2f;", "/").contains(message), "{address}");
        }
        let r = coordinator.post("/webhooks", &[("url", &url)]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM webhooks").await, 0);

        let events = ["member_joined", "event_registration", "resource_published"];
        let mut form = vec![("url", url.as_str())];
        form.extend(events.iter().map(|e| ("events", *e)));
        let page = coordinator.post("/webhooks", &form).await.text().await.unwrap();
        let start = page.find("value=\"whsec_").unwrap_or_else(|| panic!("the secret is shown once: {page}"))
            + "value=\"".len();
        let secret = page[start..].split('"').next().unwrap().to_string();
        assert!(!coordinator.page("/webhooks").await.contains(&secret));
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'webhook_created'").await, 1);

        // A published resource: refused once (500), then delivered when the retry is due.
        let fields =
            crate::library::fields("Interview guide", &[("access", "public"), ("link", "https://example.org/g")]);
        let r = crate::library::send(&member, "/library", &fields, None).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (headers, first, body) = next(&mut heard).await;
        assert_eq!(headers["roundtable-event"], "resource_published");
        assert!(signed(&secret, &headers, &body), "the signature checks");
        assert!(!signed("whsec_wrong", &headers, &body));
        assert_eq!(first["data"]["resource"]["title"], "Interview guide");
        let hook = app.scalar_i64("SELECT id FROM webhooks").await;
        // The retry comes once its time has come: move the clock on until the worker, which
        // records the failure on its own time, sends it again.
        let again = loop {
            app.clock.advance(10 * 60_000);
            if let Ok(Some((_, body))) = tokio::time::timeout(std::time::Duration::from_secs(3), heard.recv()).await {
                break serde_json::from_str::<Value>(&body).unwrap();
            }
        };
        assert_eq!(again, first, "the same delivery, retried");
        let log = coordinator.page(&format!("/webhooks/{hook}")).await;
        assert!(log.contains("Delivered (200)"), "{log}");
        assert_eq!(app.scalar_i64("SELECT attempts FROM webhook_deliveries").await, 2);

        // A group's resource stays inside.
        let group = crate::groups::create_group(&member, "Quiet circle", "closed", false).await.to_string();
        let fields = crate::library::fields(
            "Circle notes",
            &[("access", "group"), ("group", group.as_str()), ("link", "https://example.org/c")],
        );
        assert_eq!(crate::library::send(&member, "/library", &fields, None).await.status(), StatusCode::SEE_OTHER);

        // Registrations: a member's is told, one at risk is not.
        let at = app.clock.now_ms() + 86_400_000;
        let event = roundtable::db::secret_id();
        app.exec(&format!(
            "INSERT INTO events (id, kind, title, mode, country, time_zone, starts_at, ends_at, visibility, \
             created_by, created_at, updated_at) VALUES ({event}, 'workshop', 'Custody workshop', 'online', 'TH', \
             'Asia/Bangkok', {at}, {}, 'members', NULL, {at}, {at})",
            at + 3_600_000
        ))
        .await;
        let (witness, witness_id) = app.signed_in("witness@example.org", Role::Member, "Hidden Witness").await;
        app.set_profile(witness_id, "at_risk = TRUE").await;
        for b in [&witness, &member] {
            let csrf = b.csrf().await;
            let r = b
                .client
                .post(b.url(&format!("/api/v1/events/{event}/registration")))
                .header("x-csrf-token", csrf)
                .json(&serde_json::json!({}))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), StatusCode::CREATED);
        }
        let (headers, registration, _) = next(&mut heard).await;
        assert_eq!(headers["roundtable-event"], "event_registration");
        assert_eq!(registration["data"]["member"]["id"], member_id);
        assert_eq!(registration["data"]["event"]["title"], "Custody workshop");

        // A test delivery, and the log.
        let r = coordinator.post(&format!("/webhooks/{hook}/ping"), &[]).await;
        assert_eq!(location(&r), format!("/webhooks/{hook}?done=pinged"));
        let (headers, ping, _) = next(&mut heard).await;
        assert_eq!(headers["roundtable-event"], "ping");
        assert_ne!(ping["id"], first["id"], "every delivery has its own id");
        // Test deliveries are limited: each may keep the worker waiting on a slow receiver.
        for _ in 1..roundtable::webhooks::pages::PINGS.max {
            assert_eq!(coordinator.post(&format!("/webhooks/{hook}/ping"), &[]).await.status(), StatusCode::SEE_OTHER);
        }
        assert_eq!(
            coordinator.post(&format!("/webhooks/{hook}/ping"), &[]).await.status(),
            StatusCode::TOO_MANY_REQUESTS
        );
        for _ in 1..roundtable::webhooks::pages::PINGS.max {
            next(&mut heard).await;
        }

        // New members, through their invitations: told a day later, once they could say in
        // the welcome that they are at risk; one who did is never told of.
        for (email, name) in [("new@example.org", "Nok Newcomer"), ("quiet@example.org", "Quiet Newcomer")] {
            coordinator.post("/invitations", &[("email", email), ("role", "member"), ("organisation", "")]).await;
            let link = crate::accounts::invitation_link(&app, email).await;
            let r = app
                .browser()
                .post(&link, &[("display_name", name), ("password", PASSWORD), ("confirm", PASSWORD)])
                .await;
            assert_eq!(location(&r), "/welcome");
        }
        let quiet = app.scalar_i64("SELECT id FROM users WHERE email = 'quiet@example.org'").await;
        app.set_profile(quiet, "at_risk = TRUE").await;
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM webhook_deliveries WHERE delivered_at IS NULL").await, 2);
        app.clock.advance(roundtable::accounts::invitations::WEBHOOK_WAIT_MS + 60_000);
        let (headers, joined, _) = next(&mut heard).await;
        assert_eq!(headers["roundtable-event"], "member_joined");
        assert_eq!(joined["data"]["member"]["name"], "Nok Newcomer");
        // The other was withdrawn unsent, its payload emptied.
        let withdrawn = app
            .strings("SELECT payload || ' ' || last_error FROM webhook_deliveries WHERE last_error = 'withdrawn'")
            .await;
        assert_eq!(withdrawn, ["{} withdrawn"]);

        // Nothing else was queued: not the group's resource, not the members at risk.
        let told = app.strings("SELECT payload FROM webhook_deliveries").await.join("\n");
        assert!(
            !told.contains("Circle notes") && !told.contains("Hidden Witness") && !told.contains("Quiet"),
            "{told}"
        );
        assert_eq!(
            app.scalar_i64("SELECT COUNT(*) FROM webhook_deliveries").await,
            4 + roundtable::webhooks::pages::PINGS.max
        );

        // Deleting the hook takes its deliveries (signing in again: a day has passed).
        coordinator.sign_in("coord@example.org", PASSWORD).await;
        member.sign_in("member@example.org", PASSWORD).await;
        assert_eq!(member.post(&format!("/webhooks/{hook}/delete"), &[]).await.status(), StatusCode::FORBIDDEN);
        let r = coordinator.post(&format!("/webhooks/{hook}/delete"), &[]).await;
        assert_eq!(location(&r), "/webhooks?done=deleted");
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM webhook_deliveries").await, 0);
    }
);

db_test!(without_the_operators_leave_a_webhook_reaches_only_public_https, |app: TestApp| async move {
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Coordinator").await;
    for (address, message) in [
        ("http://127.0.0.1:9/hook", "must begin with https://"),
        ("https://127.0.0.1:9/hook", "local or private"),
        ("https://[::1]/hook", "local or private"),
        ("https://169.254.169.254/latest", "local or private"),
        ("https://10.0.0.8/hook", "local or private"),
    ] {
        let r = coordinator.post("/webhooks", &[("url", address), ("events", "member_joined")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{address}");
        assert!(r.text().await.unwrap().replace("&#x2f;", "/").contains(message), "{address}");
    }
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM webhooks").await, 0);
});
