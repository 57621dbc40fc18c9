//! A coordinator's first week (issue: mail that never leaves): a network without a mail
//! server says so, and no page claims a mail was sent when it was only queued.

use reqwest::StatusCode;
use roundtable::vocab::Role;

use crate::common::TestApp;
use crate::db_test;
use crate::events::{create, event_form, local, text_of};

db_test!(without_a_mail_server_admins_are_told_and_no_page_claims_a_mail, |app: TestApp| async move {
    let (admin, _) = app.signed_in("admin@example.org", Role::Admin, "Ada Admin").await;
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Cora Coordinator").await;
    let (member, _) = app.signed_in("member@example.org", Role::Member, "Mali Member").await;
    for path in ["/", "/members", "/events", "/invitations"] {
        assert!(text_of(&admin, path).await.contains("Mail is not being sent"), "{path}");
    }
    assert!(!text_of(&member, "/").await.contains("Mail is not being sent"));
    assert!(!text_of(&app.browser(), "/").await.contains("Mail is not being sent"));

    let r = coordinator.post("/invitations", &[("email", "new@example.org"), ("role", "member")]).await;
    let page = r.text().await.unwrap();
    assert!(!page.contains("queued for e-mail"), "{page}");
    assert!(page.contains("does not send mail yet"), "{page}");

    let times = [("starts", local(8, 9)), ("ends", local(8, 11))];
    let times: Vec<(&str, &str)> = times.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let id = create(&coordinator, &event_form("Open forum", "public", &times)).await;
    let fields = [("name", "Vilma Visitor"), ("email", "vilma@example.org"), ("website", "")];
    let r = app.browser().post(&format!("/events/{id}/register"), &fields).await;
    assert_eq!(r.status(), StatusCode::OK);
    let page = r.text().await.unwrap();
    assert!(!page.contains("We have sent you an e-mail"), "{page}");
    assert!(page.contains("does not send mail yet"), "{page}");
});

db_test!(
    with_a_mail_server_the_pages_say_mail_goes_out,
    config = |c: &mut roundtable::config::Config| c.smtp_url = Some("smtp://127.0.0.1:9".into()),
    |app: TestApp| async move {
        let (admin, _) = app.signed_in("admin@example.org", Role::Admin, "Ada Admin").await;
        assert!(!text_of(&admin, "/").await.contains("Mail is not being sent"));
        let r = admin.post("/invitations", &[("email", "new@example.org"), ("role", "member")]).await;
        assert!(r.text().await.unwrap().contains("queued for e-mail"));
    }
);

db_test!(a_pending_invitation_is_renewed_with_a_new_link, |app: TestApp| async move {
    let (admin, _) = app.signed_in("admin@example.org", Role::Admin, "Ada Admin").await;
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Cora Coordinator").await;
    let link_in = |html: String| {
        let html = html.replace("&#x2f;", "/");
        let start = html.find("/invite/").expect("a link is shown");
        html[start..].split('"').next().unwrap().to_string()
    };
    let first = link_in(
        coordinator
            .post("/invitations", &[("email", "new@example.org"), ("role", "member")])
            .await
            .text()
            .await
            .unwrap(),
    );
    let id = app.scalar_i64("SELECT id FROM invitations WHERE email = 'new@example.org'").await;
    let r = coordinator.post(&format!("/invitations/{id}/renew"), &[]).await;
    assert_eq!(r.status(), StatusCode::OK);
    let second = link_in(r.text().await.unwrap());
    assert_ne!(first, second);
    let visitor = app.browser();
    assert_ne!(visitor.get(&first).await.status(), StatusCode::OK, "the old link stops working");
    assert_eq!(visitor.get(&second).await.status(), StatusCode::OK);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM invitations WHERE revoked_at IS NULL").await, 1);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'invitation_renewed'").await, 1);
    // A coordinator renews only what they could have made.
    admin.post("/invitations", &[("email", "boss@example.org"), ("role", "admin")]).await;
    let boss = app.scalar_i64("SELECT id FROM invitations WHERE email = 'boss@example.org'").await;
    assert_eq!(coordinator.post(&format!("/invitations/{boss}/renew"), &[]).await.status(), StatusCode::FORBIDDEN);
});

db_test!(a_new_networks_home_invites_rather_than_counts_nobody, |app: TestApp| async move {
    let visitor = app.browser();
    let home = text_of(&visitor, "/").await;
    assert!(!home.contains("0 members") && !home.contains("0 organisations"), "{home}");
    assert!(home.contains("open to everyone") && home.contains("to read and share"), "{home}");
    // Once there is someone to count, the count shows.
    let id = app.create_user("public@example.org", Role::Member, "Pat Public").await;
    app.set_profile(id, "bio = 'Trainer', bio_vis = 'public'").await;
    assert!(text_of(&visitor, "/").await.contains("1 member"));
});
