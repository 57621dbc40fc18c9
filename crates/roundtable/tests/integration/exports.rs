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
