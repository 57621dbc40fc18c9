//! The API: personal access tokens (made after confirming who one is, shown once, scoped,
//! limited, revocable), the same access rules as the pages (and never a member at risk or
//! a secret group through a token), registration, cursors, JSON errors, and the OpenAPI
//! document with its reference page.

use reqwest::StatusCode;
use roundtable::vocab::Role;
use serde_json::Value;

use crate::common::{location, Browser, TestApp, PASSWORD};
use crate::db_test;

const AT_RISK: &str = "Hidden Witness";

/// Makes a token on the account page; returns it as the page shows it, once.
pub async fn make_token(b: &Browser, areas: &[(&str, &str)]) -> String {
    let mut form = vec![("name", "Sync script".to_string()), ("days", "90".to_string())];
    form.extend(areas.iter().map(|(a, v)| (format!("area_{a}").leak() as &str, v.to_string())));
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = b.post("/account/tokens", &fields).await;
    assert_eq!(r.status(), StatusCode::OK);
    let page = r.text().await.unwrap();
    let start = page.find("value=\"rt_pat_").expect("the new token is shown") + "value=\"".len();
    let end = page[start..].find('"').unwrap() + start;
    page[start..end].to_string()
}

async fn call(app: &TestApp, token: &str, path: &str) -> (StatusCode, Value) {
    let r = reqwest::Client::new().get(app.browser().url(path)).bearer_auth(token).send().await.unwrap();
    let status = r.status();
    (status, r.json().await.unwrap_or(Value::Null))
}

fn names(v: &Value) -> String {
    v.to_string()
}

db_test!(a_token_is_made_after_confirming_shown_once_scoped_and_revocable, |app: TestApp| async move {
    let (member, id) = app.signed_in("member@example.org", Role::Member, "Ana Token").await;
    // A sign-in long ago no longer confirms who one is: the form asks first.
    app.exec(&format!("UPDATE sessions SET confirmed_at = 0 WHERE user_id = {id}")).await;
    let page = member.page("/account/tokens").await;
    assert!(page.contains("/account/confirm?next=%2Faccount%2Ftokens") && !page.contains("name=\"area_events\""));
    let r = member.post("/account/tokens", &[("name", "x"), ("days", "90"), ("area_events", "read")]).await;
    assert_eq!(location(&r), "/account/confirm?next=%2Faccount%2Ftokens");
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM api_tokens").await, 0);
    let r = member.post("/account/confirm", &[("password", PASSWORD), ("next", "/account/tokens")]).await;
    assert_eq!(location(&r), "/account/tokens");

    // Bad requests say what is wrong and make nothing.
    for (fields, message) in [
        (vec![("name", "x"), ("days", "400"), ("area_events", "read")], "a year at most"),
        (vec![("name", "x"), ("days", "90")], "at least one area"),
        (vec![("name", ""), ("days", "90"), ("area_events", "read")], "what the token is for"),
        (vec![("name", "x"), ("days", "90"), ("area_events", "admin")], "not something a token can reach"),
    ] {
        let r = member.post("/account/tokens", &fields).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.unwrap().contains(message), "{message}");
    }
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM api_tokens").await, 0);

    let token = make_token(&member, &[("events", "write"), ("library", "read")]).await;
    assert!(token.starts_with("rt_pat_") && token.len() > 40);
    // Kept as a digest only, and never shown again.
    let stored = app.strings("SELECT token_hash || name || scopes FROM api_tokens").await.join("");
    assert!(!stored.contains(&token[7..]));
    assert_eq!(app.strings("SELECT scopes FROM api_tokens").await, ["events:write library:read"]);
    let page = member.page("/account/tokens").await;
    assert!(!page.contains(&token) && page.contains("Sync script") && page.contains("never used"));
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'token_created'").await, 1);

    // It opens the areas it was given, and only those.
    let (status, body) = call(&app, &token, "/api/v1/events").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body["items"].is_array());
    assert_eq!(call(&app, &token, "/api/v1/resources").await.0, StatusCode::OK);
    let (status, body) = call(&app, &token, "/api/v1/members").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(body["error"]["code"], "insufficient_scope");
    assert_eq!(call(&app, &token, "/api/v1/organisations").await.0, StatusCode::FORBIDDEN);
    // Beyond the API a token is nobody: the account page sends it to sign in.
    let r = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(app.browser().url("/account/tokens"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // Its last use shows beside the sessions.
    assert!(app.scalar_i64("SELECT COUNT(*) FROM api_tokens WHERE last_used_at IS NOT NULL").await == 1);
    let sessions = member.page("/account/sessions").await;
    assert!(sessions.contains("Sync script") && sessions.contains("last used"));

    // A wrong token, an expired one and a revoked one open nothing.
    let (status, body) = call(&app, "rt_pat_nothing", "/api/v1/events").await;
    assert_eq!((status, body["error"]["code"].as_str()), (StatusCode::UNAUTHORIZED, Some("invalid_token")));
    app.exec("UPDATE api_tokens SET expires_at = 1").await;
    assert_eq!(call(&app, &token, "/api/v1/events").await.0, StatusCode::UNAUTHORIZED);
    app.exec("UPDATE api_tokens SET expires_at = 99999999999999").await;
    assert_eq!(call(&app, &token, "/api/v1/events").await.0, StatusCode::OK);
    let token_id = app.scalar_i64("SELECT id FROM api_tokens").await;
    let (other, _) = app.signed_in("other@example.org", Role::Member, "Other").await;
    assert_eq!(other.post(&format!("/account/tokens/{token_id}/revoke"), &[]).await.status(), StatusCode::NOT_FOUND);
    let r = member.post(&format!("/account/tokens/{token_id}/revoke"), &[]).await;
    assert_eq!(location(&r), "/account/tokens?done=revoked");
    let r = reqwest::Client::new().get(app.browser().url("/api/v1/events")).bearer_auth(&token).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert!(r.headers()["www-authenticate"].to_str().unwrap().contains("invalid_token"));
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'token_revoked'").await, 1);

    // Whatever ends every session ends every token: a new password, signing out everywhere.
    let token = make_token(&member, &[("events", "read")]).await;
    let r = member
        .post(
            "/account/password",
            &[("current", PASSWORD), ("password", "river-copper-harbour-93"), ("confirm", "river-copper-harbour-93")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", r.text().await.unwrap());
    assert_eq!(call(&app, &token, "/api/v1/events").await.0, StatusCode::UNAUTHORIZED);
    member.sign_in("member@example.org", "river-copper-harbour-93").await;
    let token = make_token(&member, &[("events", "read")]).await;
    member.post("/account/sessions/revoke-all", &[]).await;
    assert_eq!(call(&app, &token, "/api/v1/events").await.0, StatusCode::UNAUTHORIZED);
    // Nor is one made at a shared computer.
    let shared = app.browser();
    let r = shared.post("/signin", &[("email", "other@example.org"), ("password", PASSWORD), ("shared", "on")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = shared.post("/account/tokens", &[("name", "x"), ("days", "90"), ("area_events", "read")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM api_tokens").await, 0);
});

db_test!(a_token_never_reaches_members_at_risk_or_secret_groups, |app: TestApp| async move {
    let (coordinator, coordinator_id) = app.signed_in("coord@example.org", Role::Coordinator, "Coordinator").await;
    let (_, member) = app.signed_in("member@example.org", Role::Member, "Open Member").await;
    let witness = app.create_user("witness@example.org", Role::Member, AT_RISK).await;
    app.set_profile(witness, "at_risk = TRUE").await;
    app.exec(&crate::chat::tie(member, witness)).await;
    app.exec(&crate::chat::tie(member, coordinator_id)).await;
    let secret = crate::groups::create_group(&coordinator, "Quiet circle", "secret", false).await;
    let open = crate::groups::create_group(&coordinator, "Open circle", "open", true).await;
    let at = app.clock.now_ms() + 86_400_000;
    let end = at + 3_600_000;
    let event = roundtable::db::secret_id();
    app.exec(&format!(
        "INSERT INTO events (id, kind, title, mode, country, time_zone, starts_at, ends_at, visibility, group_id, \
         created_by, created_at, updated_at) VALUES ({event}, 'workshop', 'Circle meeting', 'online', 'TH', \
         'Asia/Bangkok', {at}, {end}, 'group', {secret}, NULL, {at}, {at})"
    ))
    .await;
    app.exec(&format!(
        "INSERT INTO resources (title, summary, summary_html, kind, licence, link, access, group_id, family_id, downloads, \
         created_by, created_at, updated_at) VALUES ('Circle notes', '', '', 'guide', 'cc-by', 'https://example.org/n', \
         'group', {secret}, 0, 0, {coordinator_id}, 0, 0)"
    ))
    .await;
    app.exec("UPDATE resources SET family_id = id").await;
    app.exec(&format!("INSERT INTO group_members (group_id, user_id, role, status, created_at) VALUES ({secret}, {witness}, 'member', 'active', 0)")).await;
    app.exec(&format!("INSERT INTO group_members (group_id, user_id, role, status, created_at) VALUES ({open}, {witness}, 'member', 'active', 0)")).await;

    // Inside Roundtable, the coordinator sees them all, through the same API.
    let inside = [
        (format!("/api/v1/members/{witness}"), AT_RISK),
        ("/api/v1/members".to_string(), AT_RISK),
        ("/api/v1/groups".to_string(), "Quiet circle"),
        (format!("/api/v1/groups/{open}"), AT_RISK),
        ("/api/v1/events?when=all".to_string(), "Circle meeting"),
        ("/api/v1/resources".to_string(), "Circle notes"),
    ];
    for (path, name) in &inside {
        let body = coordinator.get(path).await.text().await.unwrap();
        assert!(body.contains(name), "{path}: {body}");
    }
    // Through a token with every area, none of them.
    let all: Vec<(&str, &str)> =
        ["members", "network", "organisations", "groups", "events", "library"].iter().map(|a| (*a, "read")).collect();
    let token = make_token(&coordinator, &all).await;
    for (path, name) in &inside {
        let (status, body) = call(&app, &token, path).await;
        assert!(!names(&body).contains(name), "{path}: {body}");
        assert!(status == StatusCode::OK || status == StatusCode::NOT_FOUND, "{path}: {status}");
    }
    for path in
        [format!("/api/v1/members/{witness}"), format!("/api/v1/groups/{secret}"), format!("/api/v1/events/{event}")]
    {
        assert_eq!(call(&app, &token, &path).await.0, StatusCode::NOT_FOUND, "{path}");
    }
    let (status, ties) = call(&app, &token, "/api/v1/ties").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!names(&ties).contains(AT_RISK) && names(&ties).contains("Open Member"), "{ties}");
    // The ranking counts every member's ties: it stays inside, for coordinators' sessions.
    let (status, champions) = call(&app, &token, "/api/v1/network/champions").await;
    assert_eq!((status, champions["error"]["code"].as_str()), (StatusCode::FORBIDDEN, Some("insufficient_scope")));
    assert_eq!(coordinator.get("/api/v1/network/champions").await.status(), StatusCode::OK);
    let (_, groups) = call(&app, &token, "/api/v1/groups").await;
    assert!(names(&groups).contains("Open circle"));
});

db_test!(a_member_registers_through_the_api_with_a_token_or_the_sessions_csrf_token, |app: TestApp| async move {
    let (member, _) = app.signed_in("member@example.org", Role::Member, "Ana Register").await;
    let at = app.clock.now_ms() + 86_400_000;
    let end = at + 3_600_000;
    let event = roundtable::db::secret_id();
    app.exec(&format!(
        "INSERT INTO events (id, kind, title, mode, online_url, country, time_zone, starts_at, ends_at, visibility, \
         created_by, created_at, updated_at) VALUES ({event}, 'webinar', 'Interviewing webinar', 'online', \
         'https://meet.example.org/x', 'TH', 'Asia/Bangkok', {at}, {end}, 'members', NULL, {at}, {at})"
    ))
    .await;
    let token = make_token(&member, &[("events", "write")]).await;
    let client = reqwest::Client::new();
    let url = app.browser().url(&format!("/api/v1/events/{event}/registration"));
    let (_, before) = call(&app, &token, &format!("/api/v1/events/{event}")).await;
    assert_eq!(before["title"], "Interviewing webinar");
    assert!(before["online_url"].is_null() && before["my_registration"].is_null(), "{before}");
    // A body that is not JSON is refused and changes nothing.
    let r = client.post(&url).bearer_auth(&token).body("answers=1").send().await.unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = client.post(&url).bearer_auth(&token).json(&serde_json::json!({})).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    assert_eq!(r.json::<Value>().await.unwrap()["status"], "registered");
    let (_, after) = call(&app, &token, &format!("/api/v1/events/{event}")).await;
    assert_eq!(after["my_registration"], "registered");
    assert_eq!(after["online_url"], "https://meet.example.org/x");
    let r = client.post(&url).bearer_auth(&token).json(&serde_json::json!({})).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json::<Value>().await.unwrap()["error"]["detail"], "error-event-already-registered");
    let r = client.delete(&url).bearer_auth(&token).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    // The session's own delete needs its CSRF token too.
    let r = member.client.delete(&url).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    // A read-only token may not write.
    let read = make_token(&member, &[("events", "read")]).await;
    let r = client.post(&url).bearer_auth(&read).json(&serde_json::json!({})).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);

    // The site's own session writes with its CSRF token in a header, never without.
    let r = member.client.post(&url).json(&serde_json::json!({})).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert_eq!(r.json::<Value>().await.unwrap()["error"]["code"], "csrf_failed");
    let csrf = member.csrf().await;
    let r = member.client.post(&url).header("x-csrf-token", csrf).json(&serde_json::json!({})).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    assert_eq!(
        app.scalar_i64(&format!(
            "SELECT COUNT(*) FROM event_registrations WHERE event_id = {event} AND status = 'registered'"
        ))
        .await,
        1
    );
});

db_test!(lists_come_a_page_at_a_time_by_cursor, |app: TestApp| async move {
    let (member, _) = app.signed_in("member@example.org", Role::Member, "Ana Pages").await;
    for n in 0..5 {
        app.exec(&format!(
            "INSERT INTO organisations (name, sector, country, description, public, created_at, updated_at) \
             VALUES ('Org {n}', 'ngo', 'TH', '', {}, 0, 0)",
            if n == 2 { "FALSE" } else { "TRUE" }
        ))
        .await;
    }
    let mut seen = Vec::new();
    let mut path = "/api/v1/organisations?limit=2".to_string();
    loop {
        let body: Value = app.browser().get(&path).await.json().await.unwrap();
        seen.extend(body["items"].as_array().unwrap().iter().map(|o| o["name"].as_str().unwrap().to_string()));
        match body["next"].as_str() {
            Some(next) => path = format!("/api/v1/organisations?limit=2&after={next}"),
            None => break,
        }
    }
    // The public sees the public ones, each once, in order; a member sees all five.
    assert_eq!(seen, ["Org 0", "Org 1", "Org 3", "Org 4"]);
    let all: Value = member.get("/api/v1/organisations?limit=100").await.json().await.unwrap();
    assert_eq!(all["items"].as_array().unwrap().len(), 5);
    assert!(all["next"].is_null());
    for bad in [
        "/api/v1/organisations?after=42",
        "/api/v1/organisations?limit=0",
        "/api/v1/organisations?limit=101",
        "/api/v1/organisations?sector=spies",
    ] {
        let r = member.get(bad).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        let body: Value = r.json().await.unwrap();
        assert_eq!(body["error"]["code"], "invalid", "{bad}");
        assert!(body["error"]["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
    let r = member.get("/api/v1/organisations/999999").await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert_eq!(r.json::<Value>().await.unwrap()["error"]["code"], "not_found");
});

db_test!(the_openapi_document_and_its_reference_page_describe_the_api, |app: TestApp| async move {
    let r = app.browser().get("/api/openapi.json").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers()["content-type"].to_str().unwrap().starts_with("application/json"));
    let doc: Value = r.json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    assert!(doc["components"]["securitySchemes"]["token"]["scheme"] == "bearer");
    let page = app.browser().page("/api/reference").await.replace("&#x2f;", "/");
    for path in doc["paths"].as_object().unwrap().keys() {
        assert!(page.contains(path.as_str()), "{path}");
    }
    assert!(page.contains("events:write") && page.contains("RegistrationRequest"));
});

db_test!(
    a_token_has_its_own_rate_limit,
    config = |c: &mut roundtable::config::Config| c.api_token_per_minute = 2,
    |app: TestApp| async move {
        let (member, _) = app.signed_in("member@example.org", Role::Member, "Ana Busy").await;
        let token = make_token(&member, &[("library", "read")]).await;
        assert_eq!(call(&app, &token, "/api/v1/resources").await.0, StatusCode::OK);
        assert_eq!(call(&app, &token, "/api/v1/resources").await.0, StatusCode::OK);
        let r = reqwest::Client::new()
            .get(app.browser().url("/api/v1/resources"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(r.headers().contains_key("retry-after"));
        assert_eq!(r.json::<Value>().await.unwrap()["error"]["code"], "rate_limited");
        // The member's own pages are not held back by their script.
        assert_eq!(member.get("/api/v1/resources").await.status(), StatusCode::OK);
    }
);
