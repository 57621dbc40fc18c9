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
    assert!(!page.contains("We have sent you an e-mail") && !page.contains("Check your e-mail"), "{page}");
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
    // ... and withdraws only what they could have made; the admin's invitation stays.
    let withdraw = format!("/invitations/{boss}/revoke");
    assert_eq!(coordinator.get(&withdraw).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(coordinator.post(&withdraw, &[]).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(visitor.get(&second).await.status(), StatusCode::OK);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM invitations WHERE revoked_at IS NULL").await, 2);

    // Withdrawing asks first, then says it is done.
    let id = app.scalar_i64("SELECT id FROM invitations WHERE email = 'new@example.org' AND revoked_at IS NULL").await;
    let ask = text_of(&coordinator, &format!("/invitations/{id}/revoke")).await;
    assert!(ask.contains("Withdraw this invitation?") && ask.contains("new@example.org"), "{ask}");
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM invitations WHERE revoked_at IS NULL").await,
        2,
        "asking changes nothing"
    );
    let r = coordinator.post(&format!("/invitations/{id}/revoke"), &[]).await;
    assert_eq!(r.headers()["location"], "/invitations?done=withdrawn");
    assert!(text_of(&coordinator, "/invitations?done=withdrawn").await.contains("Invitation withdrawn"));
    assert_ne!(visitor.get(&second).await.status(), StatusCode::OK);
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

db_test!(each_search_box_is_labelled_by_what_it_searches, |app: TestApp| async move {
    let (admin, _) = app.signed_in("admin@example.org", Role::Admin, "Ada Admin").await;
    assert!(text_of(&admin, "/members").await.contains("Name, organisation or bio"));
    let orgs = text_of(&admin, "/organisations").await;
    assert!(orgs.contains("Name or description") && !orgs.contains("organisation or bio"), "{orgs}");
    let accounts = text_of(&admin, "/admin/users").await;
    assert!(accounts.contains("Name or e-mail address") && !accounts.contains("organisation or bio"), "{accounts}");
});

db_test!(
    times_read_in_the_networks_zone_or_the_viewers_own,
    config = |c: &mut roundtable::config::Config| c.time_zone = chrono_tz::Asia::Bangkok,
    |app: TestApp| async move {
        let (admin, _) = app.signed_in("admin@example.org", Role::Admin, "Ada Admin").await;
        let thread = crate::forums::new_thread(&admin, None, "Custody safeguards", "Where do we start?").await;
        let thread = format!("/forum/threads/{thread}");
        for path in [thread.as_str(), "/admin/audit", "/account/sessions"] {
            let page = text_of(&admin, path).await;
            assert!(page.contains("UTC+07:00"), "{path}: {page}");
            assert!(!page.contains(" UTC<") && !page.contains(" UTC\n"), "{path}: {page}");
        }
        // A viewer's own choice wins, on every page, and goes back to the network's on request.
        admin.post("/timezone", &[("zone", "Asia/Manila"), ("next", "/")]).await;
        assert!(text_of(&admin, &thread).await.contains("UTC+08:00"));
        assert!(text_of(&admin, "/admin/audit").await.contains("UTC+08:00"));
        admin.post("/timezone", &[("zone", ""), ("next", "/")]).await;
        assert!(text_of(&admin, &thread).await.contains("UTC+07:00"));
    }
);

db_test!(
    the_audit_log_names_people_in_words_and_filters_by_kind_and_person,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (admin, _) = app.signed_in("admin@example.org", Role::Admin, "Ada Admin").await;
        let (_, ana_id) = app.signed_in("ana@example.org", Role::Member, "Ana Trainer").await;
        let (_, ben_id) = app.signed_in("ben@example.org", Role::Member, "Ben Lawyer").await;
        // Ties a coordinator records for others are audited.
        let (ana_key, ben_key) = (ana_id.to_string(), ben_id.to_string());
        let tie = [
            ("member", ana_key.as_str()),
            ("other", ben_key.as_str()),
            ("kind", "worked_together"),
            ("next", "/network/ties"),
        ];
        let r = admin.post("/network/ties", &tie).await;
        assert_eq!(crate::common::location(&r), "/network/ties?done=recorded");
        assert!(text_of(&admin, "/network/ties?done=recorded").await.contains("The tie is recorded."));
        let r = admin.post(&format!("/admin/users/{ana_id}/role"), &[("role", "coordinator")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        // A few sign-ins, as a real log has many.
        for _ in 0..3 {
            app.browser().sign_in("ben@example.org", crate::common::PASSWORD).await;
        }
        let log = text_of(&admin, "/admin/audit").await;
        assert!(log.contains("Ana Trainer and Ben Lawyer: Worked together"), "{log}");
        assert!(log.contains("Member → Coordinator"), "{log}");
        assert!(!log.contains("role=member") && !log.contains("worked_together") && !log.contains("\"is\":"), "{log}");
        assert!(log.contains(">Signed in</td>"));
        let quiet = text_of(&admin, "/admin/audit?kind=not_signins").await;
        assert!(!quiet.contains(">Signed in</td>"), "{quiet}");
        assert!(quiet.contains(">Tie recorded</td>") && quiet.contains(">Role changed</td>"), "{quiet}");
        let ties = text_of(&admin, "/admin/audit?kind=tie_recorded").await;
        assert!(ties.contains("Worked together") && !ties.contains("Member → Coordinator"));
        let bens = text_of(&admin, "/admin/audit?person=ben%40example").await;
        assert!(bens.contains("Worked together") && !bens.contains("Member → Coordinator"), "{bens}");
        let r = admin.get("/admin/audit?kind=nonsense").await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
);

db_test!(
    events_take_their_countrys_zone_reach_every_part_from_the_page_and_ask_before_cancelling,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (organiser, _) = app.signed_in("org@example.org", Role::Member, "Olga Organiser").await;
        let (mia, mia_id) = app.signed_in("mia@example.org", Role::Member, "Mia Member").await;
        let (_, hana_id) = app.signed_in("hana@example.org", Role::Member, "Hana Hidden").await;

        // The form offers a list of zones; left as the country's own, Malaysia's is taken.
        let form = text_of(&organiser, "/events/new").await;
        assert!(form.contains("<select id=\"time_zone\"") && form.contains("Asia/Kuching"), "{form}");
        let times = [("starts", local(8, 9)), ("ends", local(8, 11))];
        let mut extra: Vec<(&str, &str)> = times.iter().map(|(k, v)| (*k, v.as_str())).collect();
        extra.extend([("country", "MY"), ("time_zone", "")]);
        let id = create(&organiser, &event_form("Lokap visits", "members", &extra)).await;
        let page = text_of(&organiser, &format!("/events/{id}")).await;
        assert!(page.contains("Asia/Kuala_Lumpur"), "{page}");
        // Every part of the event is a link away from its page.
        for part in ["manage#agenda", "manage#questions", "manage#organisers", "manage#invitations"] {
            assert!(page.contains(&format!("/events/{id}/{part}")), "{part}");
        }
        let manage = text_of(&organiser, &format!("/events/{id}/manage")).await;
        for anchor in ["id=\"agenda\"", "id=\"questions\"", "id=\"organisers\"", "id=\"invitations\""] {
            assert!(manage.contains(anchor), "{anchor}");
        }

        // The registrations show each member's organisation as their profile allows.
        app.exec("INSERT INTO organisations (name, sector, country, public, created_at, updated_at) VALUES ('Suhakam', 'nhri', 'MY', TRUE, 0, 0)").await;
        let org = app.scalar_i64("SELECT id FROM organisations").await;
        for who in [mia_id, hana_id] {
            app.exec(&format!("INSERT INTO affiliations (user_id, org_id, title) VALUES ({who}, {org}, '')")).await;
        }
        app.set_profile(mia_id, "orgs_vis = 'members'").await;
        app.set_profile(hana_id, "orgs_vis = 'private'").await;
        let hana = app.browser();
        hana.sign_in("hana@example.org", crate::common::PASSWORD).await;
        for b in [&mia, &hana] {
            assert_eq!(b.post(&format!("/events/{id}/rsvp"), &[]).await.status(), StatusCode::SEE_OTHER);
        }
        let manage = text_of(&organiser, &format!("/events/{id}/manage")).await;
        assert_eq!(manage.matches(">Suhakam</td>").count(), 1, "Mia's shows, Hana's does not: {manage}");

        // Cancelling asks first; only the answer cancels.
        let page = text_of(&mia, &format!("/events/{id}")).await;
        assert!(page.contains(&format!("href=\"/events/{id}/cancel\"")), "{page}");
        let confirm = text_of(&mia, &format!("/events/{id}/cancel")).await;
        assert!(confirm.contains("Yes, cancel my registration") && confirm.contains("Keep my registration"));
        let status = "SELECT status FROM event_registrations WHERE user_id = ";
        assert_eq!(app.strings(&format!("{status}{mia_id}")).await, ["registered"]);
        let r = mia.post(&format!("/events/{id}/cancel"), &[]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(app.strings(&format!("{status}{mia_id}")).await, ["cancelled"]);
        // With nothing to cancel, the question is not asked.
        let r = mia.get(&format!("/events/{id}/cancel")).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
    }
);

db_test!(an_invitation_greets_by_name_in_the_invitees_language_with_a_note, |app: TestApp| async move {
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Cora Coordinator").await;
    app.exec("INSERT INTO organisations (name, sector, country, public, created_at, updated_at) VALUES ('Suhakam', 'nhri', 'MY', TRUE, 0, 0)").await;
    let org = app.scalar_i64("SELECT id FROM organisations").await.to_string();
    // The form proposes the inviter's language.
    assert!(text_of(&coordinator, "/invitations").await.contains("<option value=\"en\" lang=\"en\" selected>"));
    let fields = [
        ("email", "siti@example.org"),
        ("name", "Siti Aminah"),
        ("role", "member"),
        ("organisation", org.as_str()),
        ("locale", "ms"),
        ("note", "We met at the Penang workshop.\nThe network would welcome you."),
    ];
    let r = coordinator.post("/invitations", &fields).await;
    assert_eq!(r.status(), StatusCode::OK);
    let page = r.text().await.unwrap().replace("&#x2f;", "/");
    let link = &page[page.find("/invite/").unwrap()..];
    let link = link.split('"').next().unwrap().to_string();
    let mail = app.mails_to("siti@example.org").await.remove(0);
    assert!(mail.starts_with("Salam sejahtera Siti Aminah,"), "{mail}");
    assert!(mail.contains("menjemput anda") && mail.contains("Cora Coordinator menambah:"), "{mail}");
    assert!(mail.contains("> We met at the Penang workshop.\n> The network would welcome you."), "{mail}");
    assert!(text_of(&coordinator, "/invitations").await.contains("(Siti Aminah)"));

    // Renewed, it keeps its language, name and note.
    let id = app.scalar_i64("SELECT id FROM invitations WHERE email = 'siti@example.org'").await;
    let r = coordinator.post(&format!("/invitations/{id}/renew"), &[]).await;
    let renewed = r.text().await.unwrap().replace("&#x2f;", "/");
    let link = {
        let l = &renewed[renewed.find("/invite/").unwrap()..];
        assert_ne!(l.split('"').next().unwrap(), link);
        l.split('"').next().unwrap().to_string()
    };
    let mails = app.mails_to("siti@example.org").await;
    assert_eq!(mails.len(), 1, "the first invitation's mail is taken back: {mails:?}");
    assert!(mails[0].starts_with("Salam sejahtera Siti Aminah,"));

    // The name is proposed, and sector and country come from the organisation.
    let siti = app.browser();
    let form = text_of(&siti, &link).await;
    assert!(form.contains("value=\"Siti Aminah\"") && form.contains("Suhakam"), "{form}");
    let password = crate::common::PASSWORD;
    let r = siti.post(&link, &[("display_name", "Siti A."), ("password", password), ("confirm", password)]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let sql = "SELECT p.sector || ' ' || p.country FROM profiles p JOIN users u ON u.id = p.user_id WHERE u.email = 'siti@example.org'";
    assert_eq!(app.strings(sql).await, ["nhri MY"]);
    let sql = "SELECT locale FROM users WHERE email = 'siti@example.org'";
    assert_eq!(app.strings(sql).await, ["ms"], "mail goes on in the invitation's language");
    // Nothing of the name or note is kept once the invitation is used.
    let left = "SELECT COUNT(*) FROM invitations WHERE name <> '' OR note <> ''";
    assert_eq!(app.scalar_i64(left).await, 0);

    // A withdrawn invitation's mail, still waiting, is not sent.
    coordinator.post("/invitations", &[("email", "gone@example.org"), ("role", "member"), ("note", "See you")]).await;
    assert_eq!(app.mails_to("gone@example.org").await.len(), 1);
    let gone = app.scalar_i64("SELECT id FROM invitations WHERE email = 'gone@example.org'").await;
    assert_eq!(coordinator.post(&format!("/invitations/{gone}/revoke"), &[]).await.status(), StatusCode::SEE_OTHER);
    assert!(app.mails_to("gone@example.org").await.is_empty());

    // A note too long, or a language not offered, is refused and changes nothing.
    let long = "x".repeat(1001);
    for (field, value) in [("note", long.as_str()), ("locale", "klingon")] {
        let mut bad = vec![("email", "new@example.org"), ("role", "member"), ("locale", "en")];
        bad.retain(|(k, _)| *k != field);
        bad.push((field, value));
        assert_eq!(coordinator.post("/invitations", &bad).await.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}");
    }
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM invitations WHERE email = 'new@example.org'").await, 0);
});

db_test!(an_address_that_does_not_parse_gets_a_page_in_the_viewers_language, |app: TestApp| async move {
    let visitor = app.browser();
    for path in ["/groups/abc", "/events/past", "/members/x", "/library/abc?page=x"] {
        let r = visitor.get(path).await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{path}");
        let kind = r.headers().get("content-type").unwrap().to_str().unwrap().to_string();
        assert!(kind.starts_with("text/html"), "{path}: {kind}");
        let page = r.text().await.unwrap();
        assert!(page.contains("This address is not one Roundtable knows") && !page.contains("Cannot parse"), "{page}");
    }
    let thai = visitor.client.get(visitor.url("/groups/abc")).header("accept-language", "th").send().await.unwrap();
    assert!(thai.text().await.unwrap().contains("Roundtable ไม่รู้จักที่อยู่นี้"));
});

db_test!(an_empty_network_says_so_without_blaming_filters, |app: TestApp| async move {
    let (admin, _) = app.signed_in("admin@example.org", Role::Admin, "Ada Admin").await;
    let page = text_of(&admin, "/organisations").await;
    assert!(page.contains("No organisations yet.") && !page.contains("matches these filters"), "{page}");
    let page = text_of(&admin, "/organisations?sector=police").await;
    assert!(page.contains("No organisation matches these filters."), "{page}");
    let page = text_of(&admin, "/admin/audit?kind=tie_removed").await;
    assert!(page.contains("Nothing matches these filters."), "{page}");
});
