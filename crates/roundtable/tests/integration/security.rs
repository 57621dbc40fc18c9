use reqwest::StatusCode;
use roundtable::vocab::Role;

use crate::common::{location, TestApp};
use crate::db_test;

const SEE_OTHER: u16 = 303;

/// A write: path, form fields, expected status for anonymous, member, coordinator, admin.
type Write<'a> = (String, Vec<(&'a str, &'a str)>, [u16; 4]);

db_test!(authorisation_matrix, |app: TestApp| async move {
    let anon = app.browser();
    let (member, member_id) = app.signed_in("member@example.org", Role::Member, "Member").await;
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Coordinator").await;
    let (admin, _) = app.signed_in("admin@example.org", Role::Admin, "Admin").await;
    let target = app.create_user("target@example.org", Role::Member, "Target").await;
    app.exec("INSERT INTO organisations (name, sector, country, public, created_at, updated_at) VALUES ('Members-only CSO', 'civil_society', 'PH', FALSE, 0, 0)").await;
    let org = app.scalar_i64("SELECT id FROM organisations").await;
    let browsers = [("anonymous", &anon), ("member", &member), ("coordinator", &coordinator), ("admin", &admin)];

    // GET routes: expected status for anonymous, member, coordinator, admin.
    let gets: Vec<(String, [u16; 4])> = vec![
        ("/".into(), [200, 200, 200, 200]),
        ("/members".into(), [200, 200, 200, 200]),
        ("/organisations".into(), [200, 200, 200, 200]),
        ("/signin".into(), [200, SEE_OTHER, SEE_OTHER, SEE_OTHER]),
        ("/password/forgot".into(), [200, 200, 200, 200]),
        ("/healthz".into(), [200, 200, 200, 200]),
        ("/readyz".into(), [200, 200, 200, 200]),
        ("/profile".into(), [SEE_OTHER, 200, 200, 200]),
        ("/profile/preview?as=public".into(), [SEE_OTHER, 200, 200, 200]),
        ("/account/sessions".into(), [SEE_OTHER, 200, 200, 200]),
        ("/account/password".into(), [SEE_OTHER, 200, 200, 200]),
        ("/invitations".into(), [SEE_OTHER, 403, 200, 200]),
        ("/organisations/new".into(), [SEE_OTHER, 403, 200, 200]),
        (format!("/organisations/{org}/edit"), [SEE_OTHER, 403, 200, 200]),
        ("/admin/users".into(), [SEE_OTHER, 403, 403, 200]),
        ("/admin/audit".into(), [SEE_OTHER, 403, 403, 200]),
        (format!("/members/{target}"), [404, 200, 200, 200]),
        (format!("/members/{target}/photo"), [404, 404, 404, 404]),
        (format!("/organisations/{org}"), [404, 200, 200, 200]),
        ("/members/999999".into(), [404, 404, 404, 404]),
        ("/no/such/page".into(), [404, 404, 404, 404]),
    ];
    for (path, expected) in &gets {
        for ((who, browser), want) in browsers.iter().zip(expected) {
            let status = browser.get(path).await.status().as_u16();
            assert_eq!(status, *want, "GET {path} as {who}");
        }
    }
    // Signing in is what anonymous visitors are sent to.
    assert!(location(&anon.get("/profile").await).starts_with("/signin?next=%2Fprofile"));

    // Writes, each with a valid CSRF token.
    let profile_form: Vec<(&str, &str)> = vec![
        ("display_name", "Same Name"),
        ("sector_vis", "members"),
        ("orgs_vis", "members"),
        ("country_vis", "members"),
        ("region_vis", "members"),
        ("languages_vis", "members"),
        ("expertise_vis", "members"),
        ("bio_vis", "members"),
        ("photo_vis", "members"),
    ];
    let role_path = format!("/admin/users/{target}/role");
    let posts: Vec<Write> = vec![
        ("/invitations".into(), vec![("email", "x1@example.org"), ("role", "member")], [SEE_OTHER, 403, 200, 200]),
        (
            "/organisations".into(),
            vec![("name", "Org A"), ("sector", "legal"), ("country", "MY")],
            [SEE_OTHER, 403, SEE_OTHER, 422],
        ),
        (role_path.clone(), vec![("role", "member")], [SEE_OTHER, 403, 403, SEE_OTHER]),
        ("/profile".into(), profile_form, [SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER]),
    ];
    for (path, form, expected) in &posts {
        for ((who, browser), want) in browsers.iter().zip(expected) {
            // Each invitation needs its own address.
            let mut form = form.clone();
            let email = format!("{who}-invitee@example.org");
            if path == "/invitations" {
                form[0] = ("email", email.as_str());
            }
            let status = browser.post(path, &form).await.status().as_u16();
            assert_eq!(status, *want, "POST {path} as {who}");
        }
    }
    // The anonymous profile post was sent to sign in, not saved anywhere.
    assert_eq!(
        app.scalar_i64(&format!("SELECT COUNT(*) FROM users WHERE display_name = 'Same Name' AND id <> {member_id}"))
            .await,
        2
    );
});

db_test!(csrf_is_required_on_every_write, |app: TestApp| async move {
    let (member, id) = app.signed_in("m@example.org", Role::Member, "Member").await;
    // No token, a wrong token, another session's token.
    let (other, _) = app.signed_in("o@example.org", Role::Member, "Other").await;
    let others_token = other.csrf().await;
    for fields in [
        vec![("display_name", "Hacked")],
        vec![("csrf", "forged"), ("display_name", "Hacked")],
        vec![("csrf", others_token.as_str()), ("display_name", "Hacked")],
    ] {
        let r = member.post_raw("/profile", &fields).await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
    }
    for path in ["/signout", "/account/sessions/revoke-all", "/language", "/profile/contacts"] {
        assert_eq!(member.post_raw(path, &[]).await.status(), StatusCode::FORBIDDEN, "{path}");
    }
    // Anonymous forms need the token too.
    let anon = app.browser();
    assert_eq!(
        anon.post_raw("/signin", &[("email", "m@example.org"), ("password", crate::common::PASSWORD)]).await.status(),
        StatusCode::FORBIDDEN
    );

    // A browser telling us the request comes from another site is refused even with a token.
    let token = member.csrf().await;
    let body = format!("csrf={token}&lang=th");
    let cross_site = member
        .client
        .post(member.url("/language"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "cross-site")
        .body(body.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(cross_site.status(), StatusCode::FORBIDDEN);
    let foreign = member
        .client
        .post(member.url("/language"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("origin", "https://evil.example")
        .body(body.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(foreign.status(), StatusCode::FORBIDDEN);
    let same = member
        .client
        .post(member.url("/language"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("origin", member.base.clone())
        .header("sec-fetch-site", "same-origin")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(same.status(), StatusCode::SEE_OTHER);
    // A JSON-style write may carry the token in a header instead.
    let header = member
        .client
        .post(member.url("/signout"))
        .header("x-csrf-token", token)
        .header("content-type", "application/x-www-form-urlencoded")
        .send()
        .await
        .unwrap();
    assert_eq!(header.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.strings(&format!("SELECT display_name FROM users WHERE id = {id}")).await, vec!["Member"]);
});

db_test!(security_headers_and_limits, |app: TestApp| async move {
    let b = app.browser();
    let r = b.get("/").await;
    let h = r.headers();
    let csp = h["content-security-policy"].to_str().unwrap();
    for directive in ["default-src 'none'", "script-src 'self'", "frame-ancestors 'none'", "form-action 'self'"] {
        assert!(csp.contains(directive), "{directive} in {csp}");
    }
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["referrer-policy"], "same-origin");
    assert_eq!(h["cache-control"], "no-store");
    let cookie = h.get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_string()).collect::<Vec<_>>().join("\n");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
    let html = r.text().await.unwrap();
    // Nothing from any other host: no absolute URLs in src or href except our own pages' links.
    assert!(
        !html.contains("src=\"http")
            && !html.contains("href=\"http")
            && !html.contains("<script>")
            && !html.contains(" style=")
    );

    // Over-large bodies are refused before they are read.
    let token = b.csrf().await;
    // The server may answer 413 and close before a client has written all of the body: the client then
    // sees a broken pipe instead of the answer. Either way nothing is processed.
    for size in [300 * 1024, 3 * 1024 * 1024, 7 * 1024 * 1024] {
        match b
            .client
            .post(b.url("/signin"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!("csrf={token}&email={}", "a".repeat(size)))
            .send()
            .await
        {
            Ok(r) => assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE, "{size} bytes"),
            // A body this small fits the socket's buffers: the answer must be read.
            Err(e) => assert!(size > 1024 * 1024 && e.is_request(), "{size} bytes: {e}"),
        }
    }
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM signin_failures").await, 0, "nothing was processed");

    // Redirects after sign-in stay on this site.
    app.create_user("m@example.org", Role::Member, "M").await;
    let r = b
        .post(
            "/signin",
            &[("email", "m@example.org"), ("password", crate::common::PASSWORD), ("next", "//evil.example/")],
        )
        .await;
    assert_eq!(location(&r), "/");
    // Session cookies are never readable by scripts and the token is stored only hashed.
    let stored = app.strings("SELECT token_hash FROM sessions").await;
    assert!(stored.iter().all(|t| t.len() == 64));
});

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_address_cannot_flood_a_node() {
    let app = TestApp::spawn_with(crate::common::Backend::Sqlite, |c| {
        c.rate_limit_burst = 5;
        c.rate_limit_per_minute = 6;
    })
    .await;
    let visitor = app.browser();
    for _ in 0..5 {
        assert_eq!(visitor.get("/members").await.status(), StatusCode::OK);
    }
    let refused = visitor.client.get(visitor.url("/members")).header("Accept-Language", "th").send().await.unwrap();
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = refused.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=10).contains(&wait), "{wait}");
    let page = refused.text().await.unwrap();
    assert!(page.contains("มีคำขอจากที่อยู่ของคุณมากเกินไป"), "a page in the visitor's language");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_node_at_its_limit_refuses_at_once_and_changes_nothing() {
    use std::sync::Arc;

    use roundtable::web::shed::Gate;
    use sqlx::Connection;
    use tokio::io::AsyncWriteExt;

    let app = TestApp::spawn_with(crate::common::Backend::Sqlite, |c| c.max_in_flight = 1).await;
    let gate = app.state.part::<Arc<Gate>>().clone();
    let visitor = app.browser();
    let csrf = visitor.csrf().await;

    // A client that sends its body slowly holds no turn: the one turn stays free.
    let mut slow = tokio::net::TcpStream::connect(app.base.trim_start_matches("http://")).await.unwrap();
    let head = "POST /signin HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n\
                Content-Length: 1000\r\n\r\ncsrf=";
    slow.write_all(head.as_bytes()).await.unwrap();
    assert_eq!(visitor.get("/members").await.status(), StatusCode::OK);

    // The database is held by someone else, so a sign-in attempt (which writes) waits for
    // it, holding the node's one turn.
    let mut holder = sqlx::SqliteConnection::connect(&roundtable::config::sqlite_url(&app.data_dir().join("test.db")))
        .await
        .unwrap();
    sqlx::query("BEGIN IMMEDIATE").execute(&mut holder).await.unwrap();
    let attempt = tokio::spawn({
        let form = [("csrf", csrf.as_str()), ("email", "nobody@example.org"), ("password", "not-this-one")];
        let request = visitor.client.post(visitor.url("/signin")).form(&form);
        async move { request.send().await.unwrap().status() }
    });
    while gate.busy() < 1 {
        tokio::task::yield_now().await;
    }

    // Everything else is refused, in the asker's language, with a time to come back; a
    // refused form is not handled.
    let pages: Vec<_> = (0..3)
        .map(|_| {
            let request = visitor.client.get(visitor.url("/members")).header("Accept-Language", "th");
            tokio::spawn(async move { request.send().await.unwrap() })
        })
        .collect();
    for page in pages {
        let refused = page.await.unwrap();
        assert_eq!(refused.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(refused.headers()["retry-after"], "2");
        assert!(refused.text().await.unwrap().contains("ขณะนี้ Roundtable มีผู้ใช้งานจำนวนมาก"));
    }
    let form = [("csrf", csrf.as_str()), ("email", "someone@example.org"), ("password", "not-this-one")];
    let refused = visitor.client.post(visitor.url("/signin")).form(&form).send().await.unwrap();
    assert_eq!(refused.status(), StatusCode::SERVICE_UNAVAILABLE);
    // A busy node is alive and ready.
    assert_eq!(visitor.get("/readyz").await.status(), StatusCode::OK);

    sqlx::query("ROLLBACK").execute(&mut holder).await.unwrap();
    assert_eq!(attempt.await.unwrap(), StatusCode::UNPROCESSABLE_ENTITY, "the attempt that had the turn is handled");
    let counted = app.strings("SELECT key FROM signin_failures").await;
    let key = |email: &str| format!("account:{}", roundtable::web::session::hash_token(email));
    assert!(counted.contains(&key("nobody@example.org")), "{counted:?}");
    assert!(!counted.contains(&key("someone@example.org")), "the refused one was not counted: {counted:?}");
    assert_eq!(visitor.get("/members").await.status(), StatusCode::OK);
    drop(slow);
}

db_test!(
    over_https_cookies_carry_the_host_prefix_and_sign_out_clears_the_pages,
    config =
        |c: &mut roundtable::config::Config| c.base_url = url::Url::parse("https://roundtable.example.org/").unwrap(),
    |app: TestApp| async move {
        app.create_user("hana@example.org", Role::Member, "Hana").await;
        // A client without a cookie store: the test carries the cookies itself, as a browser
        // would over HTTPS.
        let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        let r = client.get(format!("{}/signin", app.base)).send().await.unwrap();
        let cookies: Vec<String> =
            r.headers().get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_string()).collect();
        let csrf_cookie = cookies.iter().find(|c| c.starts_with("__Host-rt_csrf=")).expect("the prefixed CSRF cookie");
        assert!(
            csrf_cookie.contains("Secure") && csrf_cookie.contains("Path=/") && !csrf_cookie.contains("Domain"),
            "{csrf_cookie}"
        );
        let pair = |c: &str| c.split(';').next().unwrap().to_string();
        let page = r.text().await.unwrap();
        let csrf = crate::common::csrf_in(&page).unwrap();
        let body = serde_html_form::to_string([
            ("csrf", csrf.as_str()),
            ("email", "hana@example.org"),
            ("password", crate::common::PASSWORD),
        ])
        .unwrap();
        let r = client
            .post(format!("{}/signin", app.base))
            .header("cookie", pair(csrf_cookie))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let session = r
            .headers()
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_string())
            .find(|c| c.starts_with("__Host-rt_session="))
            .expect("the prefixed session cookie");
        assert!(session.contains("Secure") && session.contains("HttpOnly"));
        // The prefixed cookie is the session; the same token without the prefix is nothing.
        let token = pair(&session).trim_start_matches("__Host-rt_session=").to_string();
        let signed_in =
            client.get(format!("{}/profile", app.base)).header("cookie", pair(&session)).send().await.unwrap();
        assert_eq!(signed_in.status(), StatusCode::OK);
        let planted = client
            .get(format!("{}/profile", app.base))
            .header("cookie", format!("rt_session={token}"))
            .send()
            .await
            .unwrap();
        assert_eq!(planted.status(), StatusCode::SEE_OTHER, "an unprefixed cookie is not read");
        // Signing out asks the browser to forget the pages it kept.
        let page = signed_in.text().await.unwrap();
        let csrf = crate::common::csrf_in(&page).unwrap();
        let r = client
            .post(format!("{}/signout", app.base))
            .header("cookie", pair(&session))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!("csrf={csrf}"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(r.headers()["clear-site-data"], "\"cache\", \"storage\"");
    }
);
