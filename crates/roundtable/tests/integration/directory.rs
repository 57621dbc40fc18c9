use reqwest::StatusCode;
use roundtable::vocab::Role;

use crate::common::TestApp;
use crate::db_test;

fn count_line(html: &str) -> String {
    let start = html.find("class=\"count\"").expect("count shown");
    let rest = &html[start..];
    let open = rest.find('>').unwrap() + 1;
    let close = rest.find("</p>").unwrap();
    rest[open..close].to_string()
}

db_test!(at_risk_members_vanish_except_for_coordinators, |app: TestApp| async move {
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Coordinator Person").await;
    let (member, _) = app.signed_in("member@example.org", Role::Member, "Member Person").await;
    let (hidden, hidden_id) = app.signed_in("kru.dao@example.org", Role::Member, "Kru Dao").await;
    app.exec("INSERT INTO organisations (name, sector, country, public, created_at, updated_at) VALUES ('Legal Aid Centre', 'civil_society', 'TH', TRUE, 0, 0)").await;
    let org = app.scalar_i64("SELECT id FROM organisations").await;
    for id in [hidden_id] {
        app.exec(&format!("INSERT INTO affiliations (user_id, org_id, title) VALUES ({id}, {org}, 'Paralegal')")).await;
    }
    app.set_profile(hidden_id, "sector = 'civil_society', sector_vis = 'public', orgs_vis = 'public', bio = 'Documents custody cases', bio_vis = 'public'").await;

    // Visible to all before marking at risk.
    let public = app.browser();
    assert!(public.page("/members").await.contains("Kru Dao"));
    assert_eq!(count_line(&member.page("/members").await), "3 members found");

    // She marks herself at risk through her profile form.
    let response = hidden
        .post(
            "/profile",
            &[
                ("display_name", "Kru Dao"),
                ("sector", "civil_society"),
                ("sector_vis", "public"),
                ("orgs_vis", "public"),
                ("country", ""),
                ("country_vis", "members"),
                ("region", ""),
                ("region_vis", "members"),
                ("languages_vis", "members"),
                ("expertise_vis", "members"),
                ("bio", "Documents custody cases"),
                ("bio_vis", "public"),
                ("photo_vis", "members"),
                ("at_risk", "on"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    for (who, browser) in [("member", &member), ("public", &public)] {
        let listing = browser.page("/members").await;
        assert!(!listing.contains("Kru Dao"), "{who} must not see her in the directory");
        for q in [
            "/members?q=kru",
            "/members?q=custody",
            "/members?sector=civil_society",
            &format!("/members?organisation={org}"),
        ] {
            assert!(!browser.page(q).await.contains("Kru Dao"), "{who}: {q}");
        }
        assert_eq!(browser.get(&format!("/members/{hidden_id}")).await.status(), StatusCode::NOT_FOUND, "{who}");
        assert_eq!(browser.get(&format!("/members/{hidden_id}/photo")).await.status(), StatusCode::NOT_FOUND);
        assert!(!browser.page(&format!("/organisations/{org}")).await.contains("Kru Dao"), "{who}: organisation page");
    }
    // Counts never reveal her: the member sees 2 of 3, the public none (nothing public left).
    assert_eq!(count_line(&member.page("/members").await), "2 members found");
    assert_eq!(count_line(&member.page("/members?q=kru").await), "No members found");
    let home = public.page("/").await;
    assert!(!home.contains("1 member") && home.contains("open to everyone"), "nobody to count for the public");

    // Coordinators and she herself still see her, marked as at risk.
    let listing = coordinator.page("/members?q=kru").await;
    assert!(listing.contains("Kru Dao") && listing.contains("At risk"));
    assert!(coordinator.page(&format!("/organisations/{org}")).await.contains("Kru Dao"));
    assert_eq!(count_line(&coordinator.page("/members").await), "3 members found");
    assert!(hidden.page(&format!("/members/{hidden_id}")).await.contains("Kru Dao"));
    assert!(hidden.page("/profile/preview?as=member").await.contains("cannot see your profile"));
    let actions = app.strings("SELECT action FROM audit_log").await;
    assert!(actions.iter().any(|a| a == "at_risk_changed"));
});

db_test!(hidden_fields_cannot_be_inferred_through_filters, |app: TestApp| async move {
    let (member, _) = app.signed_in("member@example.org", Role::Member, "Viewer").await;
    let id = app.create_user("quiet@example.org", Role::Member, "Quiet Prosecutor").await;
    app.set_profile(id, "sector = 'government', sector_vis = 'coordinators', country = 'MY', country_vis = 'private', bio = 'secret word xylophone', bio_vis = 'coordinators'").await;
    app.exec(&format!("INSERT INTO profile_expertise (user_id, area) VALUES ({id}, 'law_reform')")).await;
    app.exec(&format!("UPDATE profiles SET expertise_vis = 'private' WHERE user_id = {id}")).await;
    assert!(member.page("/members").await.contains("Quiet Prosecutor"));
    for q in
        ["/members?sector=government", "/members?country=MY", "/members?q=xylophone", "/members?expertise=law_reform"]
    {
        assert!(!member.page(q).await.contains("Quiet Prosecutor"), "{q} reveals a hidden field");
    }
    let profile = member.page(&format!("/members/{id}")).await;
    assert!(!profile.contains("Government") && !profile.contains("Malaysia") && !profile.contains("xylophone"));
});

db_test!(directory_filters_refuse_unknown_values_and_paginate, |app: TestApp| async move {
    let (member, _) = app.signed_in("member@example.org", Role::Member, "Viewer").await;
    for q in [
        "/members?sector=spies",
        "/members?country=XX",
        "/members?language=klingon",
        "/members?expertise=x",
        "/members?organisation=abc",
    ] {
        assert_eq!(member.get(q).await.status(), StatusCode::UNPROCESSABLE_ENTITY, "{q}");
    }
    let long = format!("/members?q={}", "a".repeat(101));
    assert_eq!(member.get(&long).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(member.get("/members?q=100%25_").await.status(), StatusCode::OK, "wildcards are plain text");
    for i in 0..30 {
        app.create_user(&format!("p{i:02}@example.org"), Role::Member, &format!("Person {i:02}")).await;
    }
    let first = member.page("/members").await;
    assert!(first.contains("31 members found") && first.contains("Page 1 of 2"));
    let second = member.page("/members?page=2").await;
    assert!(second.contains("Person 29") && !second.contains("Person 00"));
});

db_test!(profile_edits_refuse_bad_input_and_change_nothing, |app: TestApp| async move {
    let (b, id) = app.signed_in("m@example.org", Role::Member, "Original Name").await;
    let base = [
        ("display_name", "New Name"),
        ("sector", "police"),
        ("sector_vis", "members"),
        ("orgs_vis", "members"),
        ("country", "TH"),
        ("country_vis", "members"),
        ("region", ""),
        ("region_vis", "members"),
        ("languages_vis", "members"),
        ("expertise_vis", "members"),
        ("bio", ""),
        ("bio_vis", "members"),
        ("photo_vis", "members"),
    ];
    let long_bio = "x".repeat(1001);
    let cases: Vec<(&str, &str)> = vec![
        ("sector", "spies"),
        ("sector_vis", "everyone"),
        ("country", "Atlantis"),
        ("bio", long_bio.as_str()),
        ("display_name", ""),
        ("languages", "klingon"),
        ("expertise", "waterboarding"),
    ];
    for (field, value) in cases {
        let mut form: Vec<(&str, &str)> = base.iter().filter(|(k, _)| *k != field).cloned().collect();
        form.push((field, value));
        let r = b.post("/profile", &form).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}={value}");
    }
    assert_eq!(app.strings(&format!("SELECT display_name FROM users WHERE id = {id}")).await, vec!["Original Name"]);
    assert_eq!(
        app.scalar_i64(&format!("SELECT COUNT(*) FROM profiles WHERE user_id = {id} AND sector IS NULL")).await,
        1
    );

    // Contacts: unknown kinds and malformed e-mails are refused; others get their own visibility.
    assert_eq!(
        b.post("/profile/contacts", &[("kind", "pigeon"), ("value", "x"), ("visibility", "members")]).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        b.post("/profile/contacts", &[("kind", "email"), ("value", "nope"), ("visibility", "members")]).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        b.post("/profile/contacts", &[("kind", "signal"), ("value", "+66 2 555 0101"), ("visibility", "coordinators")])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let (other, _) = app.signed_in("o@example.org", Role::Member, "Other").await;
    assert!(
        !other.page(&format!("/members/{id}")).await.contains("555 0101"),
        "contacts are coordinators-only by default"
    );
    let (coordinator, _) = app.signed_in("c@example.org", Role::Coordinator, "Coord").await;
    assert!(coordinator.page(&format!("/members/{id}")).await.contains("555 0101"));
    // Another member's contact id is not ours to delete.
    let contact = app.scalar_i64("SELECT id FROM contact_channels").await;
    assert_eq!(other.post(&format!("/profile/contacts/{contact}/delete"), &[]).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM contact_channels").await, 1);
});

db_test!(photos_are_checked_and_re_encoded, |app: TestApp| async move {
    let (b, id) = app.signed_in("m@example.org", Role::Member, "Photo Person").await;
    let upload = |bytes: Vec<u8>, token: String| {
        let part = reqwest::multipart::Part::bytes(bytes).file_name("me.jpg").mime_str("image/jpeg").unwrap();
        let form = reqwest::multipart::Form::new().text("csrf", token).part("photo", part);
        b.client.post(b.url("/profile/photo")).multipart(form).send()
    };
    // A script disguised as a JPEG is refused and nothing is stored.
    let r = upload(b"<script>alert(1)</script>".to_vec(), b.csrf().await).await.unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Too large: just over the photo limit is read and refused with a message; far over it
    // is cut off before it is read (the server may close before the client finishes).
    let r = upload(vec![0xFF; 5 * 1024 * 1024 + 10_000], b.csrf().await).await.unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    match upload(vec![0xFF; 7 * 1024 * 1024], b.csrf().await).await {
        Ok(r) => assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE),
        Err(e) => assert!(e.is_request(), "{e}"),
    }
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM profiles WHERE photo IS NOT NULL").await, 0);
    // Without the CSRF token.
    let r = upload(png(), "forged".into()).await.unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    // A real PNG is stored as a small JPEG.
    let r = upload(png(), b.csrf().await).await.unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let photo = b.get(&format!("/members/{id}/photo")).await;
    assert_eq!(photo.status(), StatusCode::OK);
    assert_eq!(photo.headers()["content-type"], "image/jpeg");
    let bytes = photo.bytes().await.unwrap();
    assert_eq!(&bytes[..2], &[0xFF, 0xD8]);
    // Members-only by default: the public cannot fetch it.
    assert_eq!(app.browser().get(&format!("/members/{id}/photo")).await.status(), StatusCode::NOT_FOUND);
});

pub(crate) fn png() -> Vec<u8> {
    let img = image::RgbImage::from_pixel(600, 400, image::Rgb([200, 120, 40]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

db_test!(organisations_are_managed_by_coordinators, |app: TestApp| async move {
    let (coordinator, _) = app.signed_in("c@example.org", Role::Coordinator, "Coord").await;
    let (member, _) = app.signed_in("m@example.org", Role::Member, "Member").await;
    let form = [
        ("name", "National Human Rights Commission of Thailand"),
        ("sector", "nhri"),
        ("country", "TH"),
        ("website", "https://nhrc.example"),
        ("description", "The NHRI."),
        ("parent", ""),
        ("public", "on"),
    ];
    assert_eq!(member.post("/organisations", &form).await.status(), StatusCode::FORBIDDEN);
    let r = coordinator.post("/organisations", &form).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let made = r.headers()["location"].to_str().unwrap().to_string();
    assert!(made.ends_with("?done=created"), "{made}");
    assert!(coordinator.page(&made).await.contains("Organisation created."));
    assert!(!app.browser().page(&made).await.contains("Organisation created."), "said only to coordinators");
    assert_eq!(
        coordinator.post("/organisations", &form).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "posted twice"
    );
    let parent = app.scalar_i64("SELECT id FROM organisations").await;
    let parent_s = parent.to_string();
    let unit = [
        ("name", "Detention Monitoring Unit"),
        ("sector", "nhri"),
        ("country", "TH"),
        ("website", ""),
        ("description", ""),
        ("parent", parent_s.as_str()),
    ];
    assert_eq!(coordinator.post("/organisations", &unit).await.status(), StatusCode::SEE_OTHER);
    let unit_id = app.scalar_i64("SELECT id FROM organisations WHERE parent_id IS NOT NULL").await;
    // Bad input: unknown sector, bad website, a loop, an unknown parent.
    let unit_s = unit_id.to_string();
    for (k, v) in [("sector", "spies"), ("website", "javascript:alert(1)"), ("parent", "424242")] {
        let mut f: Vec<(&str, &str)> = form.iter().filter(|(x, _)| *x != k).cloned().collect();
        f.push((k, v));
        f.retain(|(x, _)| *x != "name");
        f.push(("name", "Another"));
        assert_eq!(coordinator.post("/organisations", &f).await.status(), StatusCode::UNPROCESSABLE_ENTITY, "{k}={v}");
    }
    let mut looped: Vec<(&str, &str)> = form.iter().filter(|(x, _)| *x != "parent").cloned().collect();
    looped.push(("parent", unit_s.as_str()));
    assert_eq!(
        coordinator.post(&format!("/organisations/{parent}"), &looped).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // The unit shows on its parent's page; members-only units are hidden from the public.
    assert!(member.page(&format!("/organisations/{parent}")).await.contains("Detention Monitoring Unit"));
    let public = app.browser();
    assert!(!public.page(&format!("/organisations/{parent}")).await.contains("Detention Monitoring Unit"));
    assert_eq!(public.get(&format!("/organisations/{unit_id}")).await.status(), StatusCode::NOT_FOUND);
    assert!(member.page("/organisations?sector=nhri&country=TH").await.contains("2 organisations"));
    assert_eq!(member.get("/organisations?sector=nope").await.status(), StatusCode::UNPROCESSABLE_ENTITY);
});

db_test!(json_api_applies_the_same_rules, |app: TestApp| async move {
    let (member, _) = app.signed_in("m@example.org", Role::Member, "Viewer").await;
    let hidden = app.create_user("hidden@example.org", Role::Member, "Hidden Person").await;
    app.set_profile(hidden, "at_risk = TRUE, sector = 'legal', sector_vis = 'public'").await;
    let open = app.create_user("open@example.org", Role::Member, "Open Person").await;
    app.set_profile(open, "sector = 'legal', sector_vis = 'public', bio = 'members only bio', bio_vis = 'members'")
        .await;

    let list: serde_json::Value = member.get("/api/v1/members?sector=legal").await.json().await.unwrap();
    assert_eq!(list["total"], 1);
    assert_eq!(list["members"][0]["name"], "Open Person");
    let public: serde_json::Value = app.browser().get("/api/v1/members").await.json().await.unwrap();
    assert_eq!(public["total"], 1, "only the member with something public, not the hidden one");
    let profile: serde_json::Value = app.browser().get(&format!("/api/v1/members/{open}")).await.json().await.unwrap();
    assert_eq!(profile["sector"], "legal");
    assert!(profile["bio"].is_null());
    let missing = member.get(&format!("/api/v1/members/{hidden}")).await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    let body: serde_json::Value = missing.json().await.unwrap();
    assert_eq!(body["error"]["code"], "not_found");
    assert_eq!(body["error"]["detail"], "error-not-found");
    let bad = member.get("/api/v1/members?sector=spies").await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
});

db_test!(the_public_sees_no_hidden_organisation_and_no_empty_public_field, |app: TestApp| async move {
    app.exec("INSERT INTO organisations (name, sector, country, public, created_at, updated_at) VALUES ('Quiet Documentation Group', 'civil_society', 'MY', FALSE, 0, 0)").await;
    app.exec("INSERT INTO organisations (name, sector, country, public, created_at, updated_at) VALUES ('Malaysian Bar', 'legal', 'MY', TRUE, 0, 0)").await;
    let hidden_org = app.scalar_i64("SELECT id FROM organisations WHERE public = FALSE").await;
    let public_org = app.scalar_i64("SELECT id FROM organisations WHERE public = TRUE").await;
    let id = app.create_user("lawyer@example.org", Role::Member, "Suresh Krishnan").await;
    app.exec(&format!("INSERT INTO affiliations (user_id, org_id, title) VALUES ({id}, {hidden_org}, 'Volunteer'), ({id}, {public_org}, 'Advocate')")).await;
    app.set_profile(id, "orgs_vis = 'public'").await;
    let public = app.browser();
    let listing = public.page("/members").await;
    assert!(listing.contains("Suresh Krishnan") && listing.contains("Malaysian Bar"));
    assert!(!listing.contains("Quiet Documentation"), "a members-only organisation shows through an affiliation");
    assert!(!public.page(&format!("/members/{id}")).await.contains("Quiet Documentation"));
    assert!(!public.page("/members?q=quiet").await.contains("Suresh"), "search by a hidden organisation's name");
    assert!(!public.page(&format!("/members?organisation={hidden_org}")).await.contains("Suresh"));
    let api: serde_json::Value = public.get(&format!("/api/v1/members/{id}")).await.json().await.unwrap();
    assert_eq!(api["organisations"].as_array().unwrap().len(), 1);
    let (member, _) = app.signed_in("m@example.org", Role::Member, "Member").await;
    assert!(member.page(&format!("/members/{id}")).await.contains("Quiet Documentation"), "members see it");

    // A public field without content does not put a member on public pages.
    let empty = app.create_user("empty@example.org", Role::Member, "Nobody Public").await;
    app.set_profile(empty, "photo_vis = 'public', region_vis = 'public', bio_vis = 'public', languages_vis = 'public'")
        .await;
    assert!(!public.page("/members").await.contains("Nobody Public"));
    assert_eq!(public.get(&format!("/members/{empty}")).await.status(), StatusCode::NOT_FOUND);
    app.set_profile(empty, "region = 'Ipoh'").await;
    assert!(public.page("/members").await.contains("Nobody Public"));
});

db_test!(members_endorse_colleagues_for_listed_expertise, |app: TestApp| async move {
    let (a, a_id) = app.signed_in("a@example.org", Role::Member, "Endorser One").await;
    let (b, _) = app.signed_in("b@example.org", Role::Member, "Endorser Two").await;
    let target = app.create_user("t@example.org", Role::Member, "Trainer").await;
    app.exec(&format!("INSERT INTO profile_expertise (user_id, area) VALUES ({target}, 'training')")).await;
    let path = format!("/members/{target}/endorsements");
    assert_eq!(a.post(&path, &[("area", "training"), ("action", "add")]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        a.post(&path, &[("area", "training"), ("action", "add")]).await.status(),
        StatusCode::SEE_OTHER,
        "twice is once"
    );
    assert_eq!(b.post(&path, &[("area", "training"), ("action", "add")]).await.status(), StatusCode::SEE_OTHER);
    assert!(b.page(&format!("/members/{target}")).await.contains("endorsed by 2 members"));
    // Bad input changes nothing: an area not listed, an unknown area, oneself, an unknown member.
    assert_eq!(
        a.post(&path, &[("area", "research"), ("action", "add")]).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        a.post(&path, &[("area", "torture"), ("action", "add")]).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    app.exec(&format!("INSERT INTO profile_expertise (user_id, area) VALUES ({a_id}, 'training')")).await;
    let own = format!("/members/{a_id}/endorsements");
    assert_eq!(
        a.post(&own, &[("area", "training"), ("action", "add")]).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        a.post("/members/999999/endorsements", &[("area", "training"), ("action", "add")]).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM endorsements").await, 2);
    // Withdrawn; and an at-risk member cannot be endorsed by those who cannot see them.
    assert_eq!(a.post(&path, &[("area", "training"), ("action", "remove")]).await.status(), StatusCode::SEE_OTHER);
    assert!(b.page(&format!("/members/{target}")).await.contains("endorsed by 1 member"));
    app.set_profile(target, "at_risk = TRUE").await;
    assert_eq!(a.post(&path, &[("area", "training"), ("action", "add")]).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        app.browser().post(&path, &[("area", "training"), ("action", "add")]).await.status(),
        StatusCode::SEE_OTHER,
        "anonymous: sign in"
    );
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM endorsements").await, 1);
});
