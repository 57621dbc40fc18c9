//! Bulk invitations: a pasted list invites everyone who can be, each with a link mailed and
//! shown once, and names every refused line with its reason.

use reqwest::StatusCode;
use roundtable::vocab::Role;

use crate::common::TestApp;
use crate::db_test;

db_test!(a_pasted_list_invites_everyone_who_can_be_and_says_why_not_the_rest, |app: TestApp| async move {
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Coordinator").await;
    let (member, _) = app.signed_in("member@example.org", Role::Member, "Member").await;
    app.exec("INSERT INTO organisations (name, sector, country, public, created_at, updated_at) VALUES ('Lawyers Council', 'legal', 'TH', TRUE, 0, 0)").await;
    assert_eq!(member.get("/invitations/bulk").await.status(), StatusCode::FORBIDDEN);
    assert!(coordinator.page("/invitations").await.replace("&#x2f;", "/").contains("href=\"/invitations/bulk\""));

    let list = "E-mail\tName\tOrganisation\n\
                somchai@example.org\tSomchai Dee\tLawyers Council\n\
                maria@example.org\tMaria Santos\n\
                member@example.org\tAlready Here\n\
                not-an-address\tNobody\n\
                maria@example.org\tMaria Again\n\
                siti@example.org\tSiti\tNo Such Organisation\n";
    let r = coordinator
        .post("/invitations/bulk", &[("people", list), ("role", "member"), ("locale", "th"), ("note", "")])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let page = r.text().await.unwrap().replace("&#x2f;", "/");
    assert!(page.contains("2 invitations sent"), "{page}");
    assert!(page.contains("4 lines refused"));
    for reason in ["already", "not a valid", "twice", "organisation"] {
        assert!(page.to_lowercase().contains(reason), "{reason}: {page}");
    }
    assert_eq!(page.matches("/invite/").count(), 2, "each link shown once");
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM invitations").await, 2);
    let org = app.scalar_i64("SELECT org_id FROM invitations WHERE email = 'somchai@example.org'").await;
    assert_eq!(org, app.scalar_i64("SELECT id FROM organisations").await);
    assert_eq!(app.strings("SELECT locale FROM invitations").await, ["th", "th"]);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM outbox WHERE kind = 'invitation'").await, 2);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'invitation_created'").await, 2);

    // Those invited are refused the second time, as still open; nothing more is sent.
    let r = coordinator.post("/invitations/bulk", &[("people", list), ("role", "member"), ("locale", "en")]).await;
    let page = r.text().await.unwrap();
    assert!(page.contains("0 invitations sent") || page.contains("No invitations"), "{page}");
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM invitations").await, 2);

    // An empty list and a role the coordinator may not give change nothing.
    let r = coordinator.post("/invitations/bulk", &[("people", "\n\n"), ("role", "member")]).await;
    assert!(r.text().await.unwrap().contains("holds nobody"));
    let r = coordinator.post("/invitations/bulk", &[("people", "x@example.org"), ("role", "admin")]).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM invitations").await, 2);
});
