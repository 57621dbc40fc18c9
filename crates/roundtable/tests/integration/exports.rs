//! Files that leave Roundtable: the directory (CSV, XLSX) and the ties (CSV edge list,
//! GraphML, GEXF) hold what the person exporting may see, never a member at risk, and no cell
//! a spreadsheet would run; the edge list is one `roundtable analyze` reads.

use reqwest::StatusCode;
use roundtable::vocab::Role;

use crate::chat::tie;
use crate::common::TestApp;
use crate::db_test;

const AT_RISK: &str = "Hidden Witness";

async fn scene(app: &TestApp) -> (crate::common::Browser, crate::common::Browser, i64, i64, i64) {
    let (member, member_id) = app.signed_in("member@example.org", Role::Member, "Ana Export").await;
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Coordinator").await;
    let formula = app.create_user("formula@example.org", Role::Member, "=HYPERLINK(\"http://x\")").await;
    let witness = app.create_user("witness@example.org", Role::Member, AT_RISK).await;
    app.set_profile(member_id, "sector = 'police', sector_vis = 'members', country = 'TH', country_vis = 'members'")
        .await;
    app.set_profile(formula, "sector = 'legal', sector_vis = 'coordinators', country = 'MY', country_vis = 'public'")
        .await;
    app.set_profile(witness, "at_risk = TRUE, sector = 'nhri', sector_vis = 'members'").await;
    app.exec(&format!("INSERT INTO profile_expertise (user_id, area) VALUES ({member_id}, 'training')")).await;
    app.exec(&format!("UPDATE profiles SET expertise_vis = 'members' WHERE user_id = {member_id}")).await;
    app.exec(&tie(member_id, formula)).await;
    app.exec(&tie(member_id, witness)).await;
    app.exec(&tie(formula, witness)).await;
    (member, coordinator, member_id, formula, witness)
}

async fn download(b: &crate::common::Browser, path: &str) -> (String, String, Vec<u8>) {
    let r = b.get(path).await;
    assert_eq!(r.status(), StatusCode::OK, "{path}");
    let kind = r.headers()["content-type"].to_str().unwrap().to_string();
    let disposition = r.headers()["content-disposition"].to_str().unwrap().to_string();
    (kind, disposition, r.bytes().await.unwrap().to_vec())
}

db_test!(the_directory_downloads_as_its_viewer_sees_it_without_anyone_at_risk, |app: TestApp| async move {
    let (member, coordinator, member_id, _formula, _witness) = scene(&app).await;
    assert_eq!(app.browser().get("/members/export?format=csv").await.status(), StatusCode::SEE_OTHER);
    assert_eq!(member.get("/members/export?format=pdf").await.status().as_u16(), 400);

    let (kind, disposition, bytes) = download(&member, "/members/export?format=csv").await;
    assert_eq!(kind, "text/csv; charset=utf-8");
    assert!(disposition.starts_with("attachment; filename=\"roundtable-members-") && disposition.ends_with(".csv\""));
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.starts_with('\u{feff}'));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(&reader.headers().unwrap()[0], "Name");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(!text.contains(AT_RISK), "{text}");
    // The formula is text, and a member does not see a field shown to coordinators only.
    let formula_row = rows.iter().find(|r| r[0].starts_with("'=HYPERLINK")).expect("the formula's row");
    assert_eq!(&formula_row[2], "", "sector shown to coordinators only");
    assert_eq!(&formula_row[3], "Malaysia");
    let own = rows.iter().find(|r| &r[0] == "Ana Export").unwrap();
    assert_eq!((&own[2], &own[3], &own[6]), ("Police", "Thailand", "Training"));
    assert!(own[1].ends_with(&format!("/members/{member_id}")));

    // Coordinators get the fields they may see, and still nobody at risk.
    let (_, _, bytes) = download(&coordinator, "/members/export?format=csv&country=MY").await;
    let text = String::from_utf8(bytes).unwrap();
    assert!(!text.contains(AT_RISK));
    let rows: Vec<csv::StringRecord> =
        csv::Reader::from_reader(text.as_bytes()).records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1, "the filter applies: {text}");
    assert_eq!(&rows[0][2], "Legal profession");

    let (kind, _, bytes) = download(&coordinator, "/members/export?format=xlsx").await;
    assert!(kind.starts_with("application/vnd.openxmlformats"));
    assert_eq!(&bytes[..2], b"PK");

    let audited = app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'directory_exported'").await;
    assert_eq!(audited, 3);
    // The page offers the downloads with its filters.
    let page = member.page("/members?country=TH").await.replace("&#x2f;", "/");
    assert!(page.contains("/members/export?format=csv&amp;country=TH"), "{page}");
});

db_test!(ties_download_for_gephi_and_analyze_without_anyone_at_risk, |app: TestApp| async move {
    let (member, coordinator, member_id, formula, witness) = scene(&app).await;
    assert_eq!(app.browser().get("/network/export?format=gexf").await.status(), StatusCode::SEE_OTHER);
    for who in [&member, &coordinator] {
        let (_, disposition, bytes) = download(who, "/network/export?format=csv").await;
        assert!(disposition.ends_with(".csv\""));
        let text = String::from_utf8(bytes).unwrap();
        assert!(!text.contains(AT_RISK) && !text.contains(&format!(",{witness},")), "{text}");
        let dir = tempfile::tempdir().unwrap();
        let edges = dir.path().join("ties.csv");
        std::fs::write(&edges, &text).unwrap();
        let options = roundtable::network::analyze::Options {
            edges: &edges,
            nodes: None,
            group_by: None,
            weighted: false,
            format: roundtable::network::analyze::Format::Json,
        };
        let analysed: serde_json::Value =
            serde_json::from_str(&roundtable::network::analyze::run(&options).unwrap()).unwrap();
        assert_eq!(analysed["graph"]["edges"], 1, "{analysed}");
        assert!(text.contains(&format!("{},{}", member_id.min(formula), member_id.max(formula))), "{text}");

        let (kind, _, bytes) = download(who, "/network/export?format=graphml").await;
        assert_eq!(kind, "application/graphml+xml");
        let graphml = String::from_utf8(bytes).unwrap();
        assert!(!graphml.contains(AT_RISK) && !graphml.contains(&format!("\"{witness}\"")));
        assert_eq!(graphml.matches("<edge ").count(), 1);
        assert!(graphml.contains("=HYPERLINK(&quot;http://x&quot;)"));
        assert!(graphml.contains(r#"<data key="sector">police</data>"#));

        let (_, _, bytes) = download(who, "/network/export?format=gexf").await;
        let gexf = String::from_utf8(bytes).unwrap();
        assert!(gexf.contains(r#"<gexf xmlns="http://gexf.net/1.3""#));
        assert!(!gexf.contains(AT_RISK));
        assert_eq!(gexf.matches("<edge ").count(), 1);
    }
});

db_test!(an_events_registrants_download_for_its_organisers_without_anyone_at_risk, |app: TestApp| async move {
    let (member, coordinator, _member_id, formula, witness) = scene(&app).await;
    let (at, end) = (app.clock.now_ms() + 86_400_000, app.clock.now_ms() + 90_000_000);
    let event = roundtable::db::secret_id();
    app.exec(&format!(
        "INSERT INTO events (id, kind, title, mode, country, time_zone, starts_at, ends_at, visibility, \
         created_by, created_at, updated_at) VALUES ({event}, 'workshop', 'Roundtable on custody', 'online', 'TH', \
         'Asia/Bangkok', {at}, {end}, 'members', NULL, {at}, {at})"
    ))
    .await;
    let registrations = [
        (formula.to_string(), "=HYPERLINK(\"http://x\")", format!("r{formula}@example.org"), ""),
        (witness.to_string(), AT_RISK, format!("r{witness}@example.org"), ""),
        ("NULL".to_string(), "Visiting Lawyer", "visitor@example.org".to_string(), "Bar Council"),
    ];
    for (user, name, email, organisation) in registrations {
        app.exec(&format!(
            "INSERT INTO event_registrations (event_id, user_id, name, email, email_key, organisation, status, \
             created_at, queued_at, updated_at) VALUES ({event}, {user}, '{}', '{email}', '{email}', '{organisation}', \
             'registered', {at}, {at}, {at})",
            name.replace('\'', "''")
        ))
        .await;
    }
    // The coordinator manages every event; a member who does not organise it may not download.
    assert_eq!(member.get(&format!("/events/{event}/registrants?format=csv")).await.status(), StatusCode::FORBIDDEN);
    let (_, disposition, bytes) = download(&coordinator, &format!("/events/{event}/registrants?format=csv")).await;
    assert!(disposition.contains(&format!("roundtable-event-{event}-registrants-")));
    let text = String::from_utf8(bytes).unwrap();
    assert!(!text.contains(AT_RISK) && !text.contains(&format!("r{witness}@example.org")), "{text}");
    assert!(text.contains("Visiting Lawyer,visitor@example.org,Bar Council"), "{text}");
    assert!(text.contains("\"'=HYPERLINK"), "{text}");
    let (_, _, bytes) = download(&coordinator, &format!("/events/{event}/registrants?format=xlsx")).await;
    assert_eq!(&bytes[..2], b"PK");
    let audited = app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'registrants_exported'").await;
    assert_eq!(audited, 2);
    // A secret group's event stays inside: no file, and no link to one.
    let group = crate::groups::create_group(&coordinator, "Quiet circle", "secret", false).await;
    app.exec(&format!("UPDATE events SET visibility = 'group', group_id = {group} WHERE id = {event}")).await;
    let r = coordinator.get(&format!("/events/{event}/registrants?format=csv")).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!coordinator.page(&format!("/events/{event}/manage")).await.contains("registrants?format"));
});

db_test!(the_library_catalogue_downloads_without_secret_groups, |app: TestApp| async move {
    let (member, _coordinator, member_id, _formula, _witness) = scene(&app).await;
    let group = crate::groups::create_group(&member, "Quiet circle", "secret", false).await;
    for (title, access, group) in [
        ("Public guide", "public", "NULL".to_string()),
        ("=Members manual", "members", "NULL".to_string()),
        ("Circle notes", "group", group.to_string()),
    ] {
        app.exec(&format!(
            "INSERT INTO resources (title, summary, summary_html, kind, licence, link, access, group_id, family_id, downloads, created_by, created_at, updated_at) \
             VALUES ('{title}', '', '', 'guide', 'cc-by', 'https://example.org/{}', '{access}', {group}, 0, 7, {member_id}, 0, 0)",
            title.len()
        ))
        .await;
    }
    app.exec("UPDATE resources SET family_id = id").await;
    // The member sees the secret group's resource in the library, never in the file.
    assert!(member.page("/library").await.contains("Circle notes"));
    let (_, _, bytes) = download(&member, "/library/export?format=csv").await;
    let text = String::from_utf8(bytes).unwrap();
    assert!(!text.contains("Circle notes"), "{text}");
    assert!(text.contains("Public guide,Guide") && text.contains("'=Members manual"), "{text}");
    // Visitors get the public catalogue.
    let (_, _, bytes) = download(&app.browser(), "/library/export?format=csv").await;
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("Public guide") && !text.contains("Members manual"), "{text}");
});

db_test!(a_member_downloads_all_their_own_data_as_one_zip, |app: TestApp| async move {
    let (member, coordinator, member_id, _formula, _witness) = scene(&app).await;
    app.exec(&format!(
        "INSERT INTO contact_channels (user_id, kind, value, visibility) VALUES ({member_id}, 'signal', '+66 81 000 0000', 'coordinators')"
    ))
    .await;
    let pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n".to_vec();
    let r = crate::library::send(
        &member,
        "/library",
        &crate::library::fields("Visit checklist", &[]),
        Some(("checklist.pdf", pdf.clone())),
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let resource = app.scalar_i64("SELECT MAX(id) FROM resources").await;
    let r =
        member.post("/forum/threads", &[("group", ""), ("title", "Interview rooms"), ("body", "Cameras help.")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    assert!(member.page("/account/data").await.contains("leaves Roundtable"));
    let r = member.post("/account/data", &[]).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "application/zip");
    assert!(r.headers()["content-disposition"].to_str().unwrap().contains("roundtable-my-data-"));
    let bytes = r.bytes().await.unwrap().to_vec();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut json = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("data.json").unwrap(), &mut json).unwrap();
    let data: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(data["account"]["details"]["email"], "member@example.org");
    assert_eq!(data["profile"]["sector"], "police");
    assert_eq!(data["contacts"][0]["value"], "+66 81 000 0000");
    let ties: Vec<&str> = data["ties"].as_array().unwrap().iter().map(|t| t["tie"]["with"].as_str().unwrap()).collect();
    assert_eq!(ties.len(), 2);
    assert!(ties.contains(&"=HYPERLINK(\"http://x\")") && ties.contains(&""), "the one at risk is not named: {ties:?}");
    assert!(!json.contains(AT_RISK) && !json.contains("formula@example.org"));
    assert_eq!(data["posts"][0]["post"]["text"], "Cameras help.");
    assert_eq!(data["posts"][0]["post"]["thread"], "Interview rooms");
    let version = app.scalar_i64(&format!("SELECT id FROM resource_versions WHERE resource_id = {resource}")).await;
    let file = format!("files/resources/{resource}/{version}-checklist.pdf");
    assert_eq!(data["resources"][0]["files"][0], file.as_str());
    let mut stored = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_name(&file).unwrap(), &mut stored).unwrap();
    assert_eq!(stored, pdf);
    let audited = app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'own_data_exported'").await;
    assert_eq!(audited, 1);

    // Nothing of a secret group goes in the file, the member's own posts there included; and
    // a coordinator's file names no member at risk either.
    let group = crate::groups::create_group(&member, "Quiet circle", "secret", false).await;
    let r = member
        .post("/forum/threads", &[("group", &group.to_string()), ("title", "Circle plans"), ("body", "Whispered.")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let zipped = |bytes: Vec<u8>| {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut json = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("data.json").unwrap(), &mut json).unwrap();
        json
    };
    // Initiatives they are on go in, with their role and whether they are listed; a secret
    // group's does not.
    for (title, group) in [("Interview reform", "NULL".to_string()), ("Circle initiative", group.to_string())] {
        let id = roundtable::db::secret_id();
        let visibility = if group == "NULL" { "members" } else { "group" };
        app.exec(&format!(
            "INSERT INTO initiatives (id, lang, title, purpose, purpose_html, status, visibility, group_id, created_at, updated_at) \
             VALUES ({id}, 'en', '{title}', '', '', 'active', '{visibility}', {group}, 0, 0)"
        ))
        .await;
        app.exec(&format!(
            "INSERT INTO initiative_people (initiative_id, user_id, role, listed, created_at) VALUES ({id}, {member_id}, 'expert', FALSE, 0)"
        ))
        .await;
    }
    let json = zipped(member.post("/account/data", &[]).await.bytes().await.unwrap().to_vec());
    let data: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(data["initiatives"][0]["initiative"], "Interview reform");
    assert_eq!(data["initiatives"][0]["role"], "expert");
    assert_eq!(data["initiatives"][0]["listed"], false);
    for secret in ["Quiet circle", "Circle plans", "Whispered", "Circle initiative"] {
        assert!(!json.contains(secret), "{secret}");
    }
    assert!(json.contains("Cameras help."));
    app.exec(&tie(app.scalar_i64("SELECT id FROM users WHERE email = 'coord@example.org'").await, _witness)).await;
    let json = zipped(coordinator.post("/account/data", &[]).await.bytes().await.unwrap().to_vec());
    assert!(!json.contains(AT_RISK) && json.contains("\"with\": \"\""), "{json}");
    // Without a token the download is refused.
    assert_eq!(member.post_raw("/account/data", &[]).await.status(), StatusCode::FORBIDDEN);
});
