use reqwest::StatusCode;
use roundtable::vocab::Role;
use roundtable::{on_db, on_tx};

use crate::common::TestApp;
use crate::db_test;

db_test!(health_and_readiness, |app: TestApp| async move {
    let b = app.browser();
    assert_eq!(b.get("/healthz").await.text().await.unwrap(), "ok");
    let ready: serde_json::Value = b.get("/readyz").await.json().await.unwrap();
    assert_eq!(ready["status"], "ready");
    // When the database is gone, readiness says so.
    app.db.close().await;
    assert_eq!(b.get("/readyz").await.status(), StatusCode::SERVICE_UNAVAILABLE);
});

// SQLite refuses to turn a deferred transaction that has read into a writer once another
// connection has written, with "database is locked" and no wait: a transaction waits its
// turn instead (`Db::begin`).
db_test!(a_transaction_that_reads_then_writes_waits_for_other_writers, |app: TestApp| async move {
    // Recent rows, which housekeeping leaves alone.
    let now = roundtable::db::now_ms();
    let sql = "INSERT INTO signin_failures (key, at) VALUES ($1, $2)";
    let mut tx = app.db.begin().await.unwrap();
    let before: i64 = on_tx!(&mut tx, c => sqlx::query_scalar("SELECT COUNT(*) FROM signin_failures")
        .fetch_one(&mut **c).await)
    .unwrap();
    let db = app.db.clone();
    let other = tokio::spawn(async move {
        on_db!(&db, pool => sqlx::query(sql).bind("other").bind(now).execute(pool).await.map(|_| ()))
    });
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    on_tx!(&mut tx, c => sqlx::query(sql).bind("mine").bind(now).execute(&mut **c).await.map(|_| ()))
        .expect("the transaction writes after another connection wrote");
    tx.commit().await.unwrap();
    other.await.unwrap().expect("the other connection writes after the transaction");
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM signin_failures").await, before + 2);
});

db_test!(pages_speak_the_chosen_language, |app: TestApp| async move {
    let b = app.browser();
    let thai = b
        .client
        .get(b.url("/signin"))
        .header("accept-language", "th-TH,th;q=0.9")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(thai.contains("lang=\"th\""));
    let english = b.page("/signin").await;
    assert_ne!(thai, english);
    // The switch remembers the choice in a cookie, and on the account.
    let (member, id) = app.signed_in("m@example.org", Role::Member, "M").await;
    let r = member.post("/language", &[("lang", "ms"), ("next", "/members")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(member.page("/members").await.contains("lang=\"ms\""));
    assert_eq!(app.strings(&format!("SELECT locale FROM users WHERE id = {id}")).await, vec!["ms"]);
    assert_eq!(member.post("/language", &[("lang", "xx")]).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
});

db_test!(demo_network_seeds_and_pages_stay_small, |app: TestApp| async move {
    let summary = roundtable::demo::seed(&app.db, 7, "demo-password-for-tests", app.data_dir()).await.unwrap();
    assert!(summary.members >= 150 && summary.organisations >= 30);
    assert!(app.scalar_i64("SELECT COUNT(*) FROM endorsements").await > 50, "colleagues vouch for each other");
    // Expert questions in four languages, answered, published and waiting.
    assert_eq!(app.scalar_i64("SELECT COUNT(DISTINCT lang) FROM questions").await, 4);
    assert!(app.scalar_i64("SELECT COUNT(*) FROM questions WHERE thread_id IS NOT NULL").await >= 2);
    assert!(app.scalar_i64("SELECT COUNT(*) FROM questions WHERE answered_at IS NULL").await >= 1);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM questions q WHERE NOT EXISTS (SELECT 1 FROM question_experts e WHERE e.question_id = q.id)").await, 0);
    // Events: feedback on the past ones, a monthly webinar series, a 26 June campaign in
    // the three countries.
    assert!(app.scalar_i64("SELECT COUNT(*) FROM event_feedback").await > 20);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM events WHERE series_id IS NOT NULL").await, 6);
    let june = "SELECT COUNT(DISTINCT country) FROM events WHERE visibility = 'public' AND title LIKE '26 June in %'";
    assert_eq!(app.scalar_i64(june).await, 3);
    let b = app.browser();
    b.sign_in("coordinator@example.org", "demo-password-for-tests").await;
    let org = app.scalar_i64("SELECT MIN(id) FROM organisations").await;
    let member = app.scalar_i64("SELECT id FROM users WHERE email = 'member@example.org'").await;
    // Every page of the foundation, compressed, with its stylesheet: under 60 KB.
    let css_url = {
        let html = b.page("/").await.replace("&#x2f;", "/");
        let start = html.find("/static/app.").unwrap();
        html[start..].split('"').next().unwrap().to_string()
    };
    let css = compressed_size(&b, &css_url).await;
    for path in [
        "/",
        "/members",
        "/members?page=2",
        "/organisations",
        &format!("/organisations/{org}"),
        &format!("/members/{member}"),
        "/profile",
        "/invitations",
        "/account/sessions",
        "/questions",
        "/notifications",
        "/notifications/settings",
        "/groups",
    ] {
        let size = compressed_size(&b, path).await;
        assert!(size + css < 60 * 1024, "{path}: {size} + {css} bytes");
    }
});

async fn compressed_size(b: &crate::common::Browser, path: &str) -> usize {
    // The client has no decompression: what arrives is what travelled.
    let r = b.client.get(b.url(path)).header("accept-encoding", "gzip").send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK, "{path}");
    assert_eq!(r.headers().get("content-encoding").map(|v| v.to_str().unwrap()), Some("gzip"), "{path} is compressed");
    r.bytes().await.unwrap().len()
}

db_test!(signing_in_switches_to_the_account_language_unless_one_was_chosen, |app: TestApp| async move {
    let id = app.create_user("th@example.org", Role::Member, "Thai Speaker").await;
    app.exec(&format!("UPDATE users SET locale = 'th' WHERE id = {id}")).await;
    let b = app.browser();
    b.sign_in("th@example.org", crate::common::PASSWORD).await;
    assert!(b.page("/").await.contains("lang=\"th\""));
    let fresh = app.browser();
    let r = fresh.post("/signin", &[("email", "th@example.org"), ("password", crate::common::PASSWORD)]).await;
    let cookies: Vec<String> =
        r.headers().get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_string()).collect();
    assert!(cookies.iter().any(|c| c.starts_with("rt_lang=th")), "{cookies:?}");
    let chooser = app.browser();
    chooser.post("/language", &[("lang", "fil")]).await;
    let r = chooser.post("/signin", &[("email", "th@example.org"), ("password", crate::common::PASSWORD)]).await;
    let cookies: Vec<String> =
        r.headers().get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_string()).collect();
    assert!(!cookies.iter().any(|c| c.starts_with("rt_lang=")), "the chosen language stays: {cookies:?}");
    assert!(chooser.page("/").await.contains("lang=\"fil\""));
});

db_test!(browsers_find_the_search_and_the_feeds_on_their_own, |app: TestApp| async move {
    let b = app.browser();
    let icon = b.get("/static/icon.svg").await;
    assert_eq!(icon.headers()["content-type"], "image/svg+xml; charset=utf-8");
    let r = b.get("/opensearch.xml").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers()["content-type"].to_str().unwrap().starts_with("application/opensearchdescription+xml"));
    let description = r.text().await.unwrap();
    assert!(description.contains(&format!("template=\"{}/search?q={{searchTerms}}\"", app.base)), "{description}");
    for path in ["/", "/members", "/signin"] {
        let page = b.page(path).await;
        assert!(page.contains(r#"rel="search" type="application/opensearchdescription+xml""#), "{path}");
        assert!(page.contains(r#"action="/search""#), "the header's search box on {path}");
    }
    for (path, feed) in [("/events", "/events/public.atom"), ("/library", "/library/public.atom")] {
        let page = b.page(path).await;
        assert!(
            page.contains(r#"type="application/atom+xml""#) && page.contains(&format!(r#"href="{feed}""#)),
            "{path}"
        );
    }
    let (member, _) = app.signed_in("mia@example.org", Role::Member, "Mia").await;
    let forum = member.page("/forum").await;
    assert!(forum.contains(r#"rel="alternate" type="application/atom+xml""#) && forum.contains("/forum/public.atom"));
});
