//! Recovery of an account whose owner lost every factor: issued by an admin (never a
//! coordinator), mailed to the owner at once with a way to cancel, usable only 72 hours
//! after approval, once; a coordinator's or admin's account needs a second admin.

use reqwest::StatusCode;
use roundtable::vocab::Role;

use crate::common::{location, Browser, TestApp, PASSWORD};
use crate::db_test;

const HOUR: i64 = 3_600_000;
const NEW: &str = "harbour-violet-pepper-82";

fn path_of(text: &str, prefix: &str) -> String {
    let text = text.replace("&#x2f;", "/");
    let start = text.find(prefix).unwrap_or_else(|| panic!("{prefix} in {text}"));
    text[start..].chars().take_while(|c| c.is_ascii_alphanumeric() || "/-_".contains(*c)).collect()
}

/// An account with a one-time-code factor set up, as if its phone had been lost.
async fn lost_phone(app: &TestApp, email: &str, role: Role) -> i64 {
    let id = app.create_user(email, role, "Lost Phone").await;
    app.exec(&format!(
        "INSERT INTO totp_factors (user_id, secret, confirmed_at, created_at) VALUES ({id}, 'JBSWY3DPEHPK3PXP', 1, 1)"
    ))
    .await;
    id
}

/// Issues a recovery as `admin`; returns the link's path shown once.
async fn issue(admin: &Browser, id: i64) -> String {
    let r = admin.post(&format!("/admin/users/{id}/recovery"), &[]).await;
    assert_eq!(r.status(), StatusCode::OK);
    path_of(&r.text().await.unwrap(), "/recover/")
}

async fn password_leads_to(app: &TestApp, email: &str, password: &str) -> String {
    let r = app.browser().post("/signin", &[("email", email), ("password", password)]).await;
    location(&r)
}

/// Recovery needs mail going out (the owner's warning is the protection); the server
/// here accepts no connection, so mail waits in the outbox, where the tests read it.
fn mailing(c: &mut roundtable::config::Config) {
    c.smtp_url = Some("smtp://127.0.0.1:9".into());
    c.rate_limit_burst = 100_000;
}

db_test!(a_recovery_link_works_once_and_only_after_three_days, config = mailing, |app: TestApp| async move {
    let (admin, _) = app.signed_in("ana@example.org", Role::Admin, "Ana Admin").await;
    let (coordinator, _) = app.signed_in("cora@example.org", Role::Coordinator, "Cora").await;
    let id = lost_phone(&app, "lost@example.org", Role::Member).await;

    // Coordinators cannot, nor can an admin recover their own account.
    assert_eq!(coordinator.get(&format!("/admin/users/{id}/recovery")).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(coordinator.post(&format!("/admin/users/{id}/recovery"), &[]).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM account_recoveries").await, 0);

    let link = issue(&admin, id).await;
    let mail = app.mails_to("lost@example.org").await.remove(0);
    assert!(mail.contains("/recover/cancel/") && !mail.contains(&link), "mailed at once, the cancel link only: {mail}");
    assert!(admin.page(&format!("/admin/users/{id}/recovery")).await.contains("works from"));
    let r = admin.post(&format!("/admin/users/{id}/recovery"), &[]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "one open recovery at a time");

    // Before 72 hours the link does nothing.
    let member = app.browser();
    assert!(member.page(&link).await.contains("works from"));
    member.post(&link, &[("password", NEW), ("confirm", NEW)]).await;
    assert_eq!(password_leads_to(&app, "lost@example.org", PASSWORD).await, "/signin/code", "nothing changed");
    app.clock.advance(71 * HOUR);
    assert!(member.page(&link).await.contains("works from"));
    app.clock.advance(2 * HOUR);
    assert!(member.page(&link).await.contains("Choose a new password"));
    let r = member.post(&link, &[("password", NEW), ("confirm", "something else")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = member.post(&link, &[("password", NEW), ("confirm", NEW)]).await;
    assert_eq!(location(&r), "/signin?done=recovered");

    // The new password signs in without the lost factor, which is gone with the rest.
    assert_eq!(password_leads_to(&app, "lost@example.org", NEW).await, "/");
    assert_eq!(password_leads_to(&app, "lost@example.org", PASSWORD).await, "", "the old password is refused");
    assert_eq!(app.scalar_i64(&format!("SELECT COUNT(*) FROM totp_factors WHERE user_id = {id}")).await, 0);
    assert_eq!(member.get(&link).await.status(), StatusCode::GONE, "once only");
    assert!(app.mails_to("lost@example.org").await[0].contains("was just recovered"), "the owner is told");
    let audit = "SELECT COUNT(*) FROM audit_log WHERE action IN ('recovery_issued', 'recovery_used')";
    assert_eq!(app.scalar_i64(audit).await, 2);
});

db_test!(the_owner_cancels_a_recovery_from_the_mail, config = mailing, |app: TestApp| async move {
    let (admin, _) = app.signed_in("ana@example.org", Role::Admin, "Ana Admin").await;
    let id = lost_phone(&app, "target@example.org", Role::Member).await;
    let link = issue(&admin, id).await;
    let cancel = path_of(&app.mails_to("target@example.org").await.remove(0), "/recover/cancel/");
    let owner = app.browser();
    assert!(owner.page(&cancel).await.contains("Cancel this account recovery?"));
    assert_eq!(owner.post(&cancel, &[]).await.status(), StatusCode::OK);
    app.clock.advance(73 * HOUR);
    assert_eq!(owner.get(&link).await.status(), StatusCode::GONE, "a cancelled link never works");
    let r = owner.post(&link, &[("password", NEW), ("confirm", NEW)]).await;
    assert_eq!(r.status(), StatusCode::GONE);
    assert_eq!(owner.get(&cancel).await.status(), StatusCode::GONE);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'recovery_cancelled'").await, 1);
});

db_test!(a_staff_account_recovery_needs_a_second_admin, config = mailing, |app: TestApp| async move {
    let (first, _) = app.signed_in("ana@example.org", Role::Admin, "Ana Admin").await;
    let (second, _) = app.signed_in("ben@example.org", Role::Admin, "Ben Admin").await;
    let id = lost_phone(&app, "coord@example.org", Role::Coordinator).await;
    let link = issue(&first, id).await;
    assert!(app.browser().page(&link).await.contains("waiting for a second admin"));
    let rid = app.scalar_i64("SELECT id FROM account_recoveries").await;
    let r = first.post(&format!("/admin/recoveries/{rid}/approve"), &[]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "not by the admin who issued it");
    assert!(!first.page(&format!("/admin/users/{id}/recovery")).await.contains("Approve"));
    assert!(second.page(&format!("/admin/users/{id}/recovery")).await.contains("Approve"));
    let r = second.post(&format!("/admin/recoveries/{rid}/approve"), &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = second.post(&format!("/admin/recoveries/{rid}/approve"), &[]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "approved once");
    let mails = app.mails_to("coord@example.org").await;
    assert_eq!(mails.len(), 2, "told at issue, and at approval when it will work");
    assert!(mails[0].contains("works from") && mails[0].contains("/recover/cancel/"));
    assert!(app.browser().page(&link).await.contains("works from"), "the delay counts from approval");
    app.clock.advance(73 * HOUR);
    let r = app.browser().post(&link, &[("password", NEW), ("confirm", NEW)]).await;
    assert_eq!(location(&r), "/signin?done=recovered");
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'recovery_approved'").await, 1);
});

db_test!(recovery_needs_mail_lapses_unapproved_and_ends_with_a_role_change, |app: TestApp| async move {
    // Without outgoing mail the owner could not be warned: no link is issued.
    let (admin, _) = app.signed_in("ana@example.org", Role::Admin, "Ana Admin").await;
    let id = lost_phone(&app, "quiet@example.org", Role::Member).await;
    let r = admin.post(&format!("/admin/users/{id}/recovery"), &[]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(admin.page(&format!("/admin/users/{id}/recovery")).await.contains("Mail is not being sent"));
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM account_recoveries").await, 0);
});

db_test!(
    an_open_recovery_ends_when_the_role_changes_and_an_unapproved_one_lapses,
    config = mailing,
    |app: TestApp| async move {
        let (admin, _) = app.signed_in("ana@example.org", Role::Admin, "Ana Admin").await;
        let id = lost_phone(&app, "rising@example.org", Role::Member).await;
        let link = issue(&admin, id).await;
        // Approved by one admin for a member; made coordinator in the meantime.
        let r = admin.post(&format!("/admin/users/{id}/role"), &[("role", "coordinator")]).await;
        assert_eq!(location(&r), "/admin/users");
        app.clock.advance(73 * HOUR);
        assert_eq!(app.browser().get(&link).await.status(), StatusCode::GONE);
        // A staff recovery that nobody approves lapses after a week, and a new one can be issued.
        let (admin, _) = app.signed_in("ben@example.org", Role::Admin, "Ben Admin").await;
        issue(&admin, id).await;
        app.clock.advance(8 * 24 * HOUR);
        let (admin, _) = app.signed_in("cyd@example.org", Role::Admin, "Cyd Admin").await;
        let page = admin.page(&format!("/admin/users/{id}/recovery")).await;
        assert!(page.contains("expired") && !page.contains("Approve"), "{page}");
        issue(&admin, id).await;
    }
);
