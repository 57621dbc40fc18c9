//! Second factors: one-time codes set up from a QR code or a typed key, asked for after the
//! password, each code once and only near its time; recovery codes once each; a sign-in
//! step that expires after a few wrong codes; and shared-device sessions.

use reqwest::StatusCode;
use roundtable::vocab::Role;
use totp_rs::{Algorithm, Secret, TOTP};

use crate::common::{location, Browser, TestApp, PASSWORD};
use crate::db_test;

fn now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs()
}

/// The code of `key` at `at` (Unix seconds).
fn code(key: &str, at: u64) -> String {
    let bytes = Secret::Encoded(key.to_string()).to_bytes().unwrap();
    TOTP::new(Algorithm::SHA1, 6, 1, 30, bytes).unwrap().generate(at)
}

/// Turns one-time codes on for the signed-in `b`: returns the key and the recovery codes.
async fn turn_on(b: &Browser) -> (String, Vec<String>) {
    let r = b.post("/account/security/totp", &[]).await;
    assert_eq!(r.status(), StatusCode::OK);
    let page = r.text().await.unwrap();
    assert!(page.contains("<svg") && page.contains("<path"), "a QR code drawn inline: {page}");
    let key = page.split("<code class=\"key\">").nth(1).unwrap().split('<').next().unwrap().replace(' ', "");
    // A wrong code keeps the page, with the same key.
    let r = b.post("/account/security/totp/confirm", &[("code", "000000")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = b.post("/account/security/totp/confirm", &[("code", &code(&key, now()))]).await;
    assert_eq!(r.status(), StatusCode::OK);
    let page = r.text().await.unwrap();
    let codes: Vec<String> =
        page.split("<li><code>").skip(1).map(|c| c.split('<').next().unwrap().to_string()).collect();
    assert_eq!(codes.len(), 10, "{page}");
    (key, codes)
}

/// Signs in with the password; returns the second step's address.
async fn password_step(b: &Browser, email: &str) -> String {
    let r = b.post("/signin", &[("email", email), ("password", PASSWORD)]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    location(&r)
}

db_test!(
    one_time_codes_work_once_near_their_time_and_recovery_codes_once,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (member, _) = app.signed_in("mia@example.org", Role::Member, "Mia Member").await;
        // Ten minutes after signing in, setting up asks for the password again.
        app.clock.advance(11 * 60_000);
        let r = member.post("/account/security/totp", &[]).await;
        assert_eq!(location(&r), "/account/confirm?next=%2Faccount%2Fsecurity");
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM totp_factors").await, 0, "nothing begun");
        let r =
            member.post("/account/confirm", &[("password", "not my password"), ("next", "/account/security")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let r = member.post("/account/confirm", &[("password", PASSWORD), ("next", "/account/security")]).await;
        assert_eq!(location(&r), "/account/security");
        let (key, recovery) = turn_on(&member).await;
        assert!(member.page("/account/security").await.contains("10 recovery codes left"));

        // The password alone no longer signs in: it leads to the code.
        let phone = app.browser();
        assert_eq!(password_step(&phone, "mia@example.org").await, "/signin/code");
        assert_eq!(phone.get("/profile").await.status(), StatusCode::SEE_OTHER, "not signed in yet");
        // A code two steps old is refused; the next step's code is taken.
        let old = code(&key, now() - 90);
        let r = phone.post("/signin/code", &[("code", &old)]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let next = code(&key, now() + 30);
        let r = phone.post("/signin/code", &[("code", &next)]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(phone.get("/profile").await.status(), StatusCode::OK);
        assert!(phone.page("/account/sessions").await.contains("with a second factor"));

        // The same code again, from another device, is refused.
        let thief = app.browser();
        password_step(&thief, "mia@example.org").await;
        let r = thief.post("/signin/code", &[("code", &next)]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "a replayed code");
        // A recovery code works once, typed any way.
        let typed = recovery[0].to_uppercase().replace('-', " ");
        let r = thief.post("/signin/code", &[("code", &typed)]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let again = app.browser();
        password_step(&again, "mia@example.org").await;
        let r = again.post("/signin/code", &[("code", &recovery[0])]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(member.page("/account/security").await.contains("9 recovery codes left"));
        // Five wrong codes end the step: the password must be given again.
        for _ in 0..4 {
            again.post("/signin/code", &[("code", "123456")]).await;
        }
        let r = again.post("/signin/code", &[("code", &recovery[1])]).await;
        assert_eq!(location(&r), "/signin?done=expired", "the fifth try is past the limit");
        assert_eq!(again.get("/profile").await.status(), StatusCode::SEE_OTHER);

        // New recovery codes replace the old; turning the factor off needs the password and a
        // code once the confirmation is old.
        let r = member.post("/account/security/recovery", &[]).await;
        assert_eq!(r.status(), StatusCode::OK);
        let page = r.text().await.unwrap();
        let renewed: Vec<String> =
            page.split("<li><code>").skip(1).map(|c| c.split('<').next().unwrap().to_string()).collect();
        let fresh = app.browser();
        password_step(&fresh, "mia@example.org").await;
        let r = fresh.post("/signin/code", &[("code", &recovery[1])]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "old recovery codes stop working");
        app.clock.advance(11 * 60_000);
        let r = member.post("/account/security/totp/remove", &[]).await;
        assert_eq!(location(&r), "/account/confirm?next=%2Faccount%2Fsecurity");
        let r = member.post("/account/confirm", &[("password", PASSWORD), ("next", "/account/security")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "the password alone is not enough");
        let r = member.post("/account/confirm", &[("password", PASSWORD), ("code", &renewed[0])]).await;
        assert_eq!(location(&r), "/");
        let r = member.post("/account/security/totp/remove", &[]).await;
        assert_eq!(location(&r), "/account/security?done=removed");
        assert_eq!(password_step(&app.browser(), "mia@example.org").await, "/");
        let audit = "SELECT COUNT(*) FROM audit_log WHERE action IN ('second_factor_added', 'second_factor_removed')";
        assert_eq!(app.scalar_i64(audit).await, 2);
    }
);

db_test!(a_shared_device_session_ends_with_the_browser_and_after_half_an_hour, |app: TestApp| async move {
    app.create_user("sam@example.org", Role::Member, "Sam Shared").await;
    let b = app.browser();
    let r = b.post("/signin", &[("email", "sam@example.org"), ("password", PASSWORD), ("shared", "on")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let cookie = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.contains("rt_session="))
        .unwrap();
    assert!(!cookie.to_lowercase().contains("max-age"), "a cookie that ends with the browser: {cookie}");
    assert!(b.page("/account/sessions").await.contains("shared device"));
    // Thirty-one minutes without a request end it; an ordinary session lasts longer.
    app.exec("UPDATE sessions SET last_seen_at = last_seen_at - 31 * 60000").await;
    assert_eq!(b.get("/profile").await.status(), StatusCode::SEE_OTHER);
});

db_test!(a_sign_in_from_a_new_device_is_mailed_without_a_place, |app: TestApp| async move {
    app.create_user("nina@example.org", Role::Member, "Nina New").await;
    // The first device is no news.
    let laptop = app.browser();
    laptop.sign_in("nina@example.org", PASSWORD).await;
    assert!(app.mails_to("nina@example.org").await.is_empty());
    // Another is.
    let phone = app.browser();
    phone.sign_in("nina@example.org", PASSWORD).await;
    let mails = app.mails_to("nina@example.org").await;
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert!(mails[0].contains("device it had not seen before") && mails[0].contains("UTC"), "{}", mails[0]);
    // The same device again: no mail.
    phone.post("/signout", &[]).await;
    phone.sign_in("nina@example.org", PASSWORD).await;
    assert_eq!(app.mails_to("nina@example.org").await.len(), 1);
});

db_test!(
    the_quick_exit_ends_the_session_and_leaves_for_a_blank_page,
    config = |c: &mut roundtable::config::Config| c.quick_exit_url = Some("https://weather.example/".parse().unwrap()),
    |app: TestApp| async move {
        let (member, _) = app.signed_in("mia@example.org", Role::Member, "Mia Member").await;
        let page = member.page("/events").await;
        assert!(page.contains("action=\"&#x2f;exit\"") || page.contains("action=\"/exit\""), "on every page");
        let r = member.post("/exit", &[]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&r), "/exit");
        assert!(r.headers().get("clear-site-data").unwrap().to_str().unwrap().contains("cookies"));
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM sessions").await, 0, "the session is gone at once");
        assert_eq!(member.get("/profile").await.status(), StatusCode::SEE_OTHER);
        let blank = app.browser().page("/exit").await;
        assert!(!blank.contains("Roundtable") && blank.contains("url=https://weather.example/"), "{blank}");
        // A visitor leaves the same way.
        assert_eq!(app.browser().post("/exit", &[]).await.status(), StatusCode::SEE_OTHER);
    }
);

db_test!(
    a_policy_asks_staff_for_a_second_factor_and_closes_their_pages_after_the_grace_period,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (admin, _) = app.signed_in("ada@example.org", Role::Admin, "Ada Admin").await;
        let (coordinator, _) = app.signed_in("cora@example.org", Role::Coordinator, "Cora Coordinator").await;
        let (member, _) = app.signed_in("mia@example.org", Role::Member, "Mia Member").await;
        // Not before the admin has one: it would close their own pages.
        let r = admin.post("/admin/security", &[("required_for", "staff"), ("grace_days", "7")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        turn_on(&admin).await;
        for bad in [("required_for", "some"), ("grace_days", "91"), ("grace_days", "-1")] {
            let mut form = vec![("required_for", "staff"), ("grace_days", "7")];
            form.retain(|(k, _)| *k != bad.0);
            form.push(bad);
            assert_eq!(
                admin.post("/admin/security", &form).await.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{bad:?}"
            );
        }
        let r = admin.post("/admin/security", &[("required_for", "staff"), ("grace_days", "7")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);

        // During the grace period: access, and a reminder on every page.
        let r = coordinator.get("/invitations").await;
        assert_eq!(r.status(), StatusCode::OK);
        assert!(r.text().await.unwrap().contains("asks you to turn on a second factor by"));
        assert!(!member.page("/").await.contains("second factor"), "members are not asked");
        // After it: staff pages close, the rest stays open, and setting one up opens them.
        admin.post("/admin/security", &[("required_for", "staff"), ("grace_days", "0")]).await;
        let r = coordinator.get("/invitations").await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        assert!(r.text().await.unwrap().contains("requires a second factor"));
        assert_eq!(coordinator.get("/members").await.status(), StatusCode::OK);
        assert_eq!(coordinator.get("/account/security").await.status(), StatusCode::OK);
        assert_eq!(admin.get("/admin/users").await.status(), StatusCode::OK, "the admin has one");
        turn_on(&coordinator).await;
        assert_eq!(coordinator.get("/invitations").await.status(), StatusCode::OK);
        // Asked of everyone, members are reminded and keep their pages.
        admin.post("/admin/security", &[("required_for", "everyone"), ("grace_days", "0")]).await;
        let r = member.get("/members").await;
        assert_eq!(r.status(), StatusCode::OK);
        assert!(r.text().await.unwrap().contains("requires a second factor for your account"));
        let changes = "SELECT COUNT(*) FROM audit_log WHERE action = 'signin_policy_changed'";
        assert_eq!(app.scalar_i64(changes).await, 3);
    }
);

db_test!(after_a_change_every_other_session_can_be_signed_out, |app: TestApp| async move {
    let (here, id) = app.signed_in("lia@example.org", Role::Member, "Lia").await;
    let elsewhere = app.browser();
    elsewhere.sign_in("lia@example.org", PASSWORD).await;
    let r = here.post("/account/sessions/revoke-others", &[]).await;
    assert_eq!(location(&r), "/account/sessions?done=others");
    assert_eq!(here.get("/profile").await.status(), StatusCode::OK, "this session stays");
    assert_eq!(elsewhere.get("/profile").await.status(), StatusCode::SEE_OTHER, "the other ends");
    assert_eq!(app.scalar_i64(&format!("SELECT COUNT(*) FROM sessions WHERE user_id = {id}")).await, 1);
    assert!(here.page("/account/sessions?done=others").await.contains("Every other session was signed out"));
});
