//! People from a spreadsheet: `roundtable import people FILE` checks every row and names each
//! problem by row and column, imports nothing while any remains, and keeps the people until a
//! coordinator sends their invitations; the invitation carries the sector and country of the
//! file into the profile.

use reqwest::StatusCode;
use roundtable::vocab::Role;

use crate::accounts::invitation_link;
use crate::common::{location, TestApp};
use crate::db_test;

async fn import(app: &TestApp, file: &std::path::Path, extra: &[&str]) -> (bool, String) {
    import_what(app, "people", file, extra).await
}

async fn import_what(app: &TestApp, what: &str, file: &std::path::Path, extra: &[&str]) -> (bool, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec!["import", what, file.to_str().unwrap()];
    args.extend_from_slice(extra);
    let mut command = crate::cli::roundtable(dir.path(), &args);
    command.env("ROUNDTABLE_DATA_DIR", app.data_dir()).env("ROUNDTABLE_DATABASE_URL", app.database_url());
    let out = command.output().await.unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.success(), text)
}

db_test!(a_spreadsheet_of_people_is_checked_kept_and_invited, |app: TestApp| async move {
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Coordinator").await;
    app.create_user("member@example.org", Role::Member, "Already Here").await;
    app.exec("INSERT INTO organisations (name, sector, country, public, created_at, updated_at) VALUES ('Lawyers Council', 'legal', 'TH', TRUE, 0, 0)").await;
    let dir = tempfile::tempdir().unwrap();

    // Thai headers, semicolons and a byte-order mark, as Excel saves them; two rows wrong.
    let file = dir.path().join("people.csv");
    let rows = "\u{feff}อีเมล;ชื่อ;หน่วยงาน;ภาค;ประเทศ\n\
                somchai@example.org;สมชาย ใจดี;Lawyers Council;ตำรวจ;ไทย\n\
                not-an-address;Nobody;;;\n\
                siti@example.my;Siti Aminah;;civil_society;Malaysia\n\
                member@example.org;Already;;;\n\
                ana@example.org;Ana;No Such Org;;\n";
    std::fs::write(&file, rows).unwrap();
    let (ok, said) = import(&app, &file, &[]).await;
    assert!(!ok, "{said}");
    assert!(said.contains("row 3, อีเมล: This is not a valid e-mail address."), "{said}");
    assert!(said.contains("row 6, หน่วยงาน:"), "{said}");
    assert!(said.contains("nothing was imported"));
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM imported_people").await, 0);

    let fixed = rows.replace("not-an-address;Nobody;;;\n", "").replace("No Such Org", "");
    std::fs::write(&file, &fixed).unwrap();
    let (ok, said) = import(&app, &file, &["--dry-run"]).await;
    assert!(ok && said.contains("3 people to invite, 1 members already"), "{said}");
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM imported_people").await, 0);
    let (ok, said) = import(&app, &file, &[]).await;
    assert!(ok && said.contains("3 people imported"), "{said}");
    // Nobody imported is listed, or mailed, before the invitations are sent.
    assert!(!coordinator.page("/members").await.contains("Siti Aminah"));
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM outbox").await, 0);
    // The same file again: every row is already waiting.
    let (ok, _) = import(&app, &file, &[]).await;
    assert!(!ok);

    let page = coordinator.page("/invitations").await;
    assert!(page.contains("3 people imported from a spreadsheet"), "{page}");
    let r = coordinator.post("/invitations/imported/send", &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&r), "/invitations?done=sent");
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM imported_people").await, 0);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM invitations").await, 3);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM outbox WHERE kind = 'invitation'").await, 3);

    // Somchai accepts: the organisation, and the sector and country the file gave.
    let link = invitation_link(&app, "somchai@example.org").await;
    let invitee = app.browser();
    let password = "teak-harbor-saffron-82";
    let r = invitee.post(&link, &[("display_name", "สมชาย ใจดี"), ("password", password), ("confirm", password)]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let profile = app.strings("SELECT sector || ' ' || country FROM profiles p JOIN users u ON u.id = p.user_id WHERE u.email = 'somchai@example.org'").await;
    assert_eq!(profile, ["police TH"]);
    let org = app.scalar_i64("SELECT COUNT(*) FROM affiliations a JOIN users u ON u.id = a.user_id WHERE u.email = 'somchai@example.org'").await;
    assert_eq!(org, 1);
});

db_test!(a_coordinator_checks_and_imports_a_spreadsheet_on_the_web, |app: TestApp| async move {
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Coordinator").await;
    let (member, _) = app.signed_in("member@example.org", Role::Member, "Member").await;
    assert_eq!(member.get("/invitations/import").await.status(), StatusCode::FORBIDDEN);
    assert!(coordinator.page("/invitations").await.replace("&#x2f;", "/").contains("href=\"/invitations/import\""));

    let wrong = "Email,Name,Country\nana@example.org,Ana,Atlantis\nben@example.org,Ben,PH\n".as_bytes().to_vec();
    let r =
        crate::library::send(&coordinator, "/invitations/import", &[("action", "import")], Some(("people.csv", wrong)))
            .await;
    assert_eq!(r.status(), StatusCode::OK);
    let page = r.text().await.unwrap();
    assert!(page.contains("Row 2, Country:") && page.contains("Atlantis"), "{page}");
    assert!(page.contains("2 rows: 1 people to invite, 0 already members"), "{page}");
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM imported_people").await, 0, "nothing imported with a problem");

    // A workbook without problems: checked, then imported.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, text) in ["Emel", "Nama", "Negara"].iter().enumerate() {
        sheet.write_string(0, col as u16, *text).unwrap();
    }
    for (col, text) in ["siti@example.my", "Siti Aminah", "Malaysia"].iter().enumerate() {
        sheet.write_string(1, col as u16, *text).unwrap();
    }
    let xlsx = book.save_to_buffer().unwrap();
    let r = crate::library::send(
        &coordinator,
        "/invitations/import",
        &[("action", "check")],
        Some(("people.xlsx", xlsx.clone())),
    )
    .await;
    let page = r.text().await.unwrap();
    assert!(page.contains("No problems") && page.contains("Siti Aminah"), "{page}");
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM imported_people").await, 0, "a check imports nothing");
    let r =
        crate::library::send(&coordinator, "/invitations/import", &[("action", "import")], Some(("people.xlsx", xlsx)))
            .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(location(&r).starts_with("/invitations?done=imported"));
    assert_eq!(app.strings("SELECT email || ' ' || country FROM imported_people").await, ["siti@example.my MY"]);

    // A file that is no spreadsheet is refused with the reason, in the page's language.
    let r = crate::library::send(
        &coordinator,
        "/invitations/import",
        &[("action", "check")],
        Some(("x.csv", vec![0xff, 0xfe, 0xfd])),
    )
    .await;
    let page = r.text().await.unwrap();
    assert!(page.contains("cannot be read"), "{page}");

    // Headers it cannot guess: the coordinator chooses the columns and sends the file again.
    let spanish = "Correo,Nombre\nben@example.org,Ben Reyes\n".as_bytes().to_vec();
    let r = crate::library::send(
        &coordinator,
        "/invitations/import",
        &[("action", "check")],
        Some(("p.csv", spanish.clone())),
    )
    .await;
    let page = r.text().await.unwrap();
    assert!(page.contains("No column holds e-mail addresses") && page.contains("name=\"map_email\""), "{page}");
    let chosen = [("action", "import"), ("map_email", "0"), ("map_name", "1")];
    let r = crate::library::send(&coordinator, "/invitations/import", &chosen, Some(("p.csv", spanish.clone()))).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.strings("SELECT name FROM imported_people WHERE email = 'ben@example.org'").await, ["Ben Reyes"]);
    let r = crate::library::send(
        &coordinator,
        "/invitations/import",
        &[("action", "check"), ("map_email", "7")],
        Some(("p.csv", spanish)),
    )
    .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
});

db_test!(a_spreadsheet_of_organisations_is_checked_as_the_form_checks, |app: TestApp| async move {
    app.exec("INSERT INTO organisations (name, sector, country, public, created_at, updated_at) VALUES ('Lawyers Council', 'legal', 'TH', TRUE, 0, 0)").await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("organisations.csv");
    let rows = "ชื่อองค์กร,ภาคส่วน,ประเทศ,เว็บไซต์\n\
                Union for Civil Liberty,Civil society,ประเทศไทย,https://ucl.example.org\n\
                Lawyers Council,legal,TH,\n\
                Bad Site,police,PH,javascript:alert(1)\n\
                No Sector,,MY,\n";
    std::fs::write(&file, rows).unwrap();
    let (ok, said) = import_what(&app, "organisations", &file, &[]).await;
    assert!(!ok, "{said}");
    assert!(said.contains("row 3, ชื่อองค์กร: An organisation with this name already exists"), "{said}");
    assert!(said.contains("row 4, เว็บไซต์:"), "{said}");
    assert!(said.contains("row 5, ภาคส่วน: This column must be filled in."), "{said}");
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM organisations").await, 1);

    std::fs::write(
        &file,
        "ชื่อองค์กร,ภาคส่วน,ประเทศ,เว็บไซต์\nUnion for Civil Liberty,Civil society,ประเทศไทย,https://ucl.example.org\n",
    )
    .unwrap();
    let (ok, said) = import_what(&app, "organisations", &file, &[]).await;
    assert!(ok && said.contains("1 organisations imported"), "{said}");
    let added = app.strings("SELECT sector || ' ' || country || ' ' || CASE WHEN public THEN 'public' ELSE 'members' END FROM organisations WHERE name = 'Union for Civil Liberty'").await;
    assert_eq!(added, ["civil_society TH members"]);
    // Found by the search, as one made with the form is.
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Coordinator").await;
    assert!(coordinator.page("/search?q=Liberty").await.contains("Union for Civil Liberty"));
});

db_test!(ties_come_in_from_an_edge_list_kumu_or_gephi, |app: TestApp| async move {
    let (coordinator, ana) = app.signed_in("coord@example.org", Role::Coordinator, "Ana Coordinator").await;
    let bo = app.create_user("bo@example.org", Role::Member, "Bo Trainer").await;
    let chai = app.create_user("chai@example.org", Role::Member, "Chai Lawyer").await;
    let twin_a = app.create_user("twin.a@example.org", Role::Member, "Dara").await;
    app.create_user("twin.b@example.org", Role::Member, "Dara").await;
    let dir = tempfile::tempdir().unwrap();

    // Problems are named by row and column; nothing is recorded while any remains.
    let file = dir.path().join("ties.csv");
    let rows = "source,target,kind,strength,since\n\
                bo@example.org,Chai Lawyer,worked_together,4,2019-06\n\
                Dara,bo@example.org,,,\n\
                nobody@example.org,Bo Trainer,,,\n\
                Bo Trainer,bo@example.org,,,\n\
                chai@example.org,bo@example.org,cousins,9,1900\n";
    std::fs::write(&file, rows).unwrap();
    let (ok, said) = import_what(&app, "ties", &file, &[]).await;
    assert!(!ok, "{said}");
    for line in [
        "row 3, source: “Dara” is the name of 2 members: use their e-mail address.",
        "row 4, source: No member is “nobody@example.org”.",
        "row 5, target: A tie joins two different people.",
        "row 6, kind:",
        "row 6, strength:",
        "row 6, since:",
    ] {
        assert!(said.contains(line), "{line}\n{said}");
    }
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM ties").await, 0);

    // Kumu's connections, with From and To, and a dry run that records nothing.
    let rows =
        "From,To,Type,Strength\nbo@example.org,Chai Lawyer,worked_together,4\ntwin.a@example.org,Bo Trainer,Knows,\n";
    std::fs::write(&file, rows).unwrap();
    let (ok, said) = import_what(&app, "ties", &file, &["--dry-run"]).await;
    assert!(ok && said.contains("2 ties to record, 0 problems") && said.contains("dry run"), "{said}");
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM ties").await, 0);
    let (ok, said) = import_what(&app, "ties", &file, &[]).await;
    assert!(ok && said.contains("2 ties recorded"), "{said}");
    let (a, b) = (bo.min(chai), bo.max(chai));
    let recorded = app
        .strings(&format!("SELECT kind || ' ' || CAST(strength AS TEXT) FROM ties WHERE a_id = {a} AND b_id = {b}"))
        .await;
    assert_eq!(recorded, ["worked_together 4"]);
    assert_eq!(
        app.scalar_i64(&format!("SELECT COUNT(*) FROM ties WHERE a_id = {} OR b_id = {}", twin_a, twin_a)).await,
        1
    );
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'ties_imported'").await, 1);

    // The ties download is an edge list this reads back: the same ties, none twice.
    let csv = coordinator.get("/network/export?format=csv").await.text().await.unwrap();
    app.exec("DELETE FROM ties").await;
    let file = dir.path().join("download.csv");
    std::fs::write(&file, &csv).unwrap();
    let (ok, said) = import_what(&app, "ties", &file, &[]).await;
    assert!(ok && said.contains("2 ties recorded"), "{said}\n{csv}");
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM ties").await, 2);

    // Gephi: nodes by id, by an e-mail attribute or by label.
    let gexf = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="undirected">
<attributes class="node"><attribute id="0" title="email" type="string"/></attributes>
<nodes><node id="{ana}" label="Ana"/><node id="x" label="Dara"><attvalues><attvalue for="0" value="twin.a@example.org"/></attvalues></node>
<node id="y" label="Chai Lawyer"/></nodes>
<edges><edge id="0" source="{ana}" target="x" weight="2.5"/><edge id="1" source="x" target="y"/></edges>
</graph></gexf>"#
    );
    let file = dir.path().join("map.gexf");
    std::fs::write(&file, gexf).unwrap();
    let (ok, said) = import_what(&app, "ties", &file, &[]).await;
    assert!(ok && said.contains("2 ties recorded"), "{said}");
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM ties").await, 4);
    std::fs::write(&file, "<gexf><nodes><node id='1'></gexf>").unwrap();
    let (ok, said) = import_what(&app, "ties", &file, &[]).await;
    assert!(!ok && said.contains("map.gexf"), "{said}");
});

db_test!(coordinators_import_ties_on_the_web, |app: TestApp| async move {
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Coordinator").await;
    let (member, _) = app.signed_in("member@example.org", Role::Member, "Bo Trainer").await;
    app.create_user("chai@example.org", Role::Member, "Chai Lawyer").await;
    assert_eq!(member.get("/network/ties/import").await.status(), StatusCode::FORBIDDEN);
    assert!(coordinator.page("/network").await.replace("&#x2f;", "/").contains("href=\"/network/ties/import\""));

    let wrong = "From,To,Type\nBo Trainer,Nobody Known,knows\n".as_bytes().to_vec();
    let r =
        crate::library::send(&coordinator, "/network/ties/import", &[("action", "import")], Some(("kumu.csv", wrong)))
            .await;
    let page = r.text().await.unwrap();
    assert!(page.contains("Row 2, To:") && page.contains("Ties to record: 0. Problems: 1."), "{page}");
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM ties").await, 0);

    let gexf = r#"<gexf><graph><nodes><node id="a" label="Bo Trainer"/><node id="b" label="Chai Lawyer"/></nodes>
<edges><edge source="a" target="b"/></edges></graph></gexf>"#;
    let r = crate::library::send(
        &coordinator,
        "/network/ties/import",
        &[("action", "check")],
        Some(("map.gexf", gexf.as_bytes().to_vec())),
    )
    .await;
    assert!(r.text().await.unwrap().contains("No problems"));
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM ties").await, 0, "a check records nothing");
    // Recording asks who one is first, as other sensitive actions do.
    app.exec("UPDATE sessions SET confirmed_at = 0").await;
    let r = crate::library::send(
        &coordinator,
        "/network/ties/import",
        &[("action", "import")],
        Some(("map.gexf", gexf.as_bytes().to_vec())),
    )
    .await;
    assert!(location(&r).starts_with("/account/confirm"));
    coordinator.post("/account/confirm", &[("password", crate::common::PASSWORD), ("next", "/network")]).await;
    let r = crate::library::send(
        &coordinator,
        "/network/ties/import",
        &[("action", "import")],
        Some(("map.gexf", gexf.as_bytes().to_vec())),
    )
    .await;
    assert_eq!(location(&r), "/network/ties/import?done=1");
    assert!(coordinator.page("/network/ties/import?done=1").await.contains("Ties recorded: 1."));
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM ties").await, 1);
});
