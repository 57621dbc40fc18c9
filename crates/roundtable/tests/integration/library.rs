//! The resource library: files and links, bad input that stores nothing, who sees what
//! (lists, pages, downloads, search, feed, counts), versions, translations, download
//! counts and the headers downloads carry.

use std::path::Path;

use reqwest::multipart::{Form, Part};
use reqwest::{Response, StatusCode};
use roundtable::config::Config;
use roundtable::vocab::Role;

use crate::common::{location, Browser, TestApp};
use crate::db_test;

pub(crate) fn pdf(text: &str) -> Vec<u8> {
    format!("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% {text}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
        .into_bytes()
}

const PNG: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, b'I', b'H', b'D', b'R', 0, 0, 0, 1];

/// The fields of a valid public guide in English, with `changes` applied.
pub(crate) fn fields<'a>(title: &'a str, changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut all = vec![
        ("title", title),
        ("summary", "A **short** summary."),
        ("type", "guide"),
        ("languages", "en"),
        ("topics", "detention_monitoring"),
        ("countries", "TH"),
        ("licence", "cc-by"),
        ("access", "public"),
        ("published", "2026-03-31"),
    ];
    for (key, value) in changes {
        all.retain(|(k, _)| k != key);
        if !value.is_empty() {
            all.push((key, value));
        }
    }
    all
}

/// A file to send: its name and bytes.
type Upload<'a> = Option<(&'a str, Vec<u8>)>;

/// A refused request: its fields, its file, and what the answer must say.
type Case<'a> = (Vec<(&'a str, &'a str)>, Upload<'a>, &'a str);

/// POST a multipart form (CSRF token first, the file last) to `path`.
pub(crate) async fn send(b: &Browser, path: &str, fields: &[(&str, &str)], file: Option<(&str, Vec<u8>)>) -> Response {
    let token = b.csrf().await;
    let mut form = Form::new().text("csrf", token);
    for (k, v) in fields {
        form = form.text(k.to_string(), v.to_string());
    }
    if let Some((name, bytes)) = file {
        form = form.part("file", Part::bytes(bytes).file_name(name.to_string()));
    }
    b.client.post(b.url(path)).multipart(form).send().await.expect("request sent")
}

async fn create(b: &Browser, fields: &[(&str, &str)], file: Option<(&str, Vec<u8>)>) -> i64 {
    let r = send(b, "/library", fields, file).await;
    let status = r.status();
    let place = location(&r);
    assert_eq!(status, StatusCode::SEE_OTHER, "{}", r.text().await.unwrap());
    place.trim_start_matches("/library/").split('?').next().unwrap().parse().unwrap()
}

/// Files in the store, temporary ones included.
fn files_on_disk(dir: &Path) -> usize {
    fn walk(p: &Path) -> usize {
        let Ok(entries) = std::fs::read_dir(p) else { return 0 };
        entries.map(|e| e.unwrap().path()).map(|p| if p.is_dir() { walk(&p) } else { 1 }).sum()
    }
    walk(&dir.join("files"))
}

/// A page as text, with the slashes the template engine escapes in attributes put back.
async fn read(b: &Browser, path: &str) -> String {
    b.page(path).await.replace("&#x2f;", "/")
}

async fn new_group(b: &Browser, name: &str, access: &str) -> i64 {
    let r = b.post("/groups", &[("name", name), ("kind", "working_group"), ("access", access)]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    location(&r).trim_start_matches("/groups/").split('?').next().unwrap().parse().unwrap()
}

db_test!(files_and_links_versions_downloads_and_deletion, |app: TestApp| async move {
    let (ana, _) = app.signed_in("ana@example.org", Role::Member, "Ana Trainer").await;
    let (ben, _) = app.signed_in("ben@example.org", Role::Member, "Ben Lawyer").await;
    let (coordinator, _) = app.signed_in("co@example.org", Role::Coordinator, "Co Ordinator").await;
    let v1 = pdf("first edition");
    let file = create(&ana, &fields("Checklist for lock-up visits", &[]), Some(("คู่มือ ตรวจเยี่ยม.pdf", v1.clone()))).await;
    let link =
        create(&ana, &fields("Méndez Principles online", &[("link", "https://interviewingprinciples.com/")]), None)
            .await;

    let page = read(&ben, &format!("/library/{file}")).await;
    assert!(page.contains("Checklist for lock-up visits") && page.contains("<strong>short</strong>"));
    // The list shows the summary as plain text; the resource's page renders it.
    let list = read(&ben, "/library").await;
    assert!(list.contains("A short summary.") && !list.contains("**"), "{list}");
    assert!(page.contains("คู่มือ ตรวจเยี่ยม.pdf"));
    assert!(read(&ben, &format!("/library/{link}")).await.contains("href=\"https://interviewingprinciples.com/\""));

    // Downloads carry safe headers, and count per resource.
    let version: i64 =
        app.scalar_i64(&format!("SELECT MIN(id) FROM resource_versions WHERE resource_id = {file}")).await;
    let anonymous = app.browser();
    let r = anonymous.get(&format!("/library/{file}/files/{version}")).await;
    assert_eq!(r.status(), StatusCode::OK);
    let h = r.headers().clone();
    assert_eq!(h["content-type"], "application/pdf");
    assert_eq!(h["x-content-type-options"], "nosniff");
    let disposition = h["content-disposition"].to_str().unwrap();
    assert!(disposition.starts_with("attachment; filename=\""), "{disposition}");
    assert!(disposition.contains("filename*=UTF-8''%E0%B8%84"), "{disposition}");
    assert!(h["content-security-policy"].to_str().unwrap().contains("sandbox"));
    assert_eq!(r.bytes().await.unwrap().to_vec(), v1);
    ben.get(&format!("/library/{file}/files/{version}")).await;
    let head = ben.client.head(ben.url(&format!("/library/{file}/files/{version}"))).send().await.unwrap();
    assert_eq!(head.status(), StatusCode::OK);
    assert_eq!(app.scalar_i64(&format!("SELECT downloads FROM resources WHERE id = {file}")).await, 2);
    // Per day too, for the impact dashboard (two lines only if the test ran over midnight).
    let per_day = format!("SELECT CAST(SUM(count) AS BIGINT) FROM resource_downloads WHERE resource_id = {file}");
    assert_eq!(app.scalar_i64(&per_day).await, 2);
    let days = app.scalar_i64(&format!("SELECT COUNT(*) FROM resource_downloads WHERE resource_id = {file}")).await;
    assert!((1..=2).contains(&days));
    assert!(read(&anonymous, &format!("/library/{file}")).await.contains("Downloaded 2 times"));
    // A version of another resource is not reachable through this one.
    assert_eq!(anonymous.get(&format!("/library/{link}/files/{version}")).await.status(), StatusCode::NOT_FOUND);

    // A new version keeps the old one listed and downloadable.
    let r =
        send(&ana, &format!("/library/{file}/versions"), &[], Some(("checklist-v2.pdf", pdf("second edition")))).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let page = read(&ben, &format!("/library/{file}")).await;
    assert!(page.contains("checklist-v2.pdf") && page.contains("คู่มือ ตรวจเยี่ยม.pdf"));
    assert_eq!(ben.get(&format!("/library/{file}/files/{version}")).await.bytes().await.unwrap().to_vec(), v1);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM resource_versions").await, 2);
    // Ten new files a day for one resource, then no more (nothing reaches the disk's list).
    app.exec(&format!(
        "INSERT INTO resource_versions (resource_id, sha256, filename, size, media_type, created_at) \
         SELECT resource_id, sha256, filename, size, media_type, created_at FROM resource_versions WHERE id = {version}"
    ))
    .await;
    for _ in 0..7 {
        app.exec(&format!(
            "INSERT INTO resource_versions (resource_id, sha256, filename, size, media_type, created_at) \
             SELECT resource_id, sha256, filename, size, media_type, {} FROM resource_versions WHERE id = {version}",
            app.clock.now_ms()
        ))
        .await;
    }
    let r = send(&ana, &format!("/library/{file}/versions"), &[], Some(("v11.pdf", pdf("eleventh")))).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(app.scalar_i64(&format!("SELECT COUNT(*) FROM resource_versions WHERE resource_id = {file}")).await, 10);
    app.exec(&format!("DELETE FROM resource_versions WHERE resource_id = {file} AND id NOT IN ({version}, (SELECT MAX(id) FROM resource_versions WHERE filename = 'checklist-v2.pdf'))")).await;
    // Links have no versions.
    let r = send(&ana, &format!("/library/{link}/versions"), &[], Some(("x.pdf", pdf("x")))).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // The same content is stored once.
    let copy = create(&ben, &fields("The same checklist again", &[]), Some(("copy.pdf", v1.clone()))).await;
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM library_files").await, 2);
    assert_eq!(files_on_disk(app.data_dir()), 2);

    // Only the creator, coordinators and admins change or delete.
    assert_eq!(ben.get(&format!("/library/{file}/edit")).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(ben.post(&format!("/library/{file}/delete"), &[]).await.status(), StatusCode::FORBIDDEN);
    let r = send(&ben, &format!("/library/{file}/versions"), &[], Some(("v3.pdf", pdf("third")))).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let r = coordinator.post(&format!("/library/{file}"), &fields("Checklist for lock-up visits (2026)", &[])).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(read(&ben, &format!("/library/{file}")).await.contains("Checklist for lock-up visits (2026)"));

    // Deleting keeps a file another resource still uses, and removes the rest.
    assert_eq!(ana.post(&format!("/library/{file}/delete"), &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(ben.get(&format!("/library/{file}")).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM library_files").await, 1);
    assert_eq!(files_on_disk(app.data_dir()), 1);
    assert_eq!(ben.post(&format!("/library/{copy}/delete"), &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM library_files").await, 0);
    assert_eq!(files_on_disk(app.data_dir()), 0);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM resources").await, 1, "the link remains");
});

db_test!(
    bad_input_is_refused_with_a_reason_and_stores_nothing,
    config = |c: &mut Config| c.upload_limit_mb = 1,
    |app: TestApp| async move {
        let (ana, _) = app.signed_in("ana@example.org", Role::Member, "Ana").await;
        let closed = new_group(&ana, "Closed circle", "closed").await;
        let (ben, _) = app.signed_in("ben@example.org", Role::Member, "Ben").await;
        let closed = closed.to_string();
        let html = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".to_vec();
        let mut large = pdf("large");
        large.resize(1024 * 1024 + 1, b' ');
        let cases: Vec<Case> = vec![
            (fields("", &[]), Some(("a.pdf", pdf("a"))), "Give the resource a title"),
            (fields("   ", &[]), Some(("a.pdf", pdf("a"))), "Give the resource a title"),
            (fields("Bad link", &[("link", "javascript:alert(1)")]), None, "must be a web address"),
            (fields("Bad link", &[("link", "ftp://example.org/x.pdf")]), None, "must be a web address"),
            (fields("Both", &[("link", "https://example.org/")]), Some(("a.pdf", pdf("a"))), "not both"),
            (fields("Neither", &[]), None, "not both"),
            (fields("Too large", &[]), Some(("big.pdf", large)), "too large: at most 1 MB"),
            (fields("HTML as PDF", &[]), Some(("report.pdf", html.clone())), "not accepted"),
            (fields("HTML as text", &[]), Some(("notes.txt", html)), "not accepted"),
            (fields("Picture as PDF", &[]), Some(("report.pdf", PNG.to_vec())), "does not match its name"),
            (fields("Broken picture", &[]), Some(("photo.png", PNG.to_vec())), "cannot be read"),
            (fields("Text as PDF", &[]), Some(("report.pdf", b"just some text".to_vec())), "does not match its name"),
            (
                fields("Program", &[]),
                Some(("tool.exe", b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff".to_vec())),
                "not accepted",
            ),
            (fields("Empty", &[]), Some(("empty.pdf", Vec::new())), "Choose a file"),
            (fields("Magazine", &[("type", "magazine")]), Some(("a.pdf", pdf("a"))), "Unknown type of resource"),
            (fields("Licence", &[("licence", "wtfpl")]), Some(("a.pdf", pdf("a"))), "Unknown licence"),
            (fields("No language", &[("languages", "")]), Some(("a.pdf", pdf("a"))), "at least one language"),
            (fields("Bad date", &[("published", "31/03/2026")]), Some(("a.pdf", pdf("a"))), "year-month-day"),
            (
                fields("Group", &[("access", "group"), ("group", closed.as_str())]),
                Some(("a.pdf", pdf("a"))),
                "group you are a member of",
            ),
            (fields("Group", &[("access", "group")]), Some(("a.pdf", pdf("a"))), "group you are a member of"),
            (fields("Translation", &[("translation_of", "999")]), Some(("a.pdf", pdf("a"))), "cannot be found"),
        ];
        for (form, file, message) in cases {
            let title = form.iter().find(|(k, _)| *k == "title").map(|(_, v)| v.to_string()).unwrap_or_default();
            let r = send(&ben, "/library", &form, file).await;
            assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{title}");
            let body = r.text().await.unwrap();
            assert!(body.contains(message), "{title}: no “{message}” in the answer");
        }
        let long = "x".repeat(70 * 1024);
        let r = send(&ben, "/library", &fields("Long", &[("summary", long.as_str())]), Some(("a.pdf", pdf("a")))).await;
        assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
        let long = "x".repeat(5001);
        let r = send(&ben, "/library", &fields("Long", &[("summary", long.as_str())]), Some(("a.pdf", pdf("a")))).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        // No CSRF token, or the file before it: refused before anything is written.
        let form = Form::new().part("file", Part::bytes(pdf("a")).file_name("a.pdf")).text("title", "x");
        let r = ben.client.post(ben.url("/library")).multipart(form).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        let token = ben.csrf().await;
        let form = Form::new().part("file", Part::bytes(pdf("a")).file_name("a.pdf")).text("csrf", token);
        assert_eq!(
            ben.client.post(ben.url("/library")).multipart(form).send().await.unwrap().status(),
            StatusCode::FORBIDDEN
        );

        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM resources").await, 0);
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM library_files").await, 0);
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM search_docs WHERE kind = 'resource'").await, 0);
        assert_eq!(files_on_disk(app.data_dir()), 0, "no file and no temporary file left");

        // A file just under the limit is fine; a bad edit changes nothing.
        let mut fits = pdf("fits");
        fits.resize(1024 * 1024, b' ');
        let id = create(&ben, &fields("Fits", &[]), Some(("fits.pdf", fits))).await;
        let r = ben.post(&format!("/library/{id}"), &fields("", &[])).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let r = ben.post(&format!("/library/{id}"), &fields("Now a link", &[("link", "https://example.org/")])).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(app.strings("SELECT title FROM resources").await, vec!["Fits"]);
        // A version that is too large or disguised is refused the same way.
        let r = send(&ben, &format!("/library/{id}/versions"), &[], Some(("v2.pdf", PNG.to_vec()))).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM resource_versions").await, 1);
        assert_eq!(files_on_disk(app.data_dir()), 1);
        // Unknown filters are refused too.
        assert_eq!(ben.get("/library?type=magazine").await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
);

db_test!(who_sees_what_in_lists_pages_downloads_search_feeds_and_counts, |app: TestApp| async move {
    let (ana, _) = app.signed_in("ana@example.org", Role::Member, "Ana").await;
    let (ben, _) = app.signed_in("ben@example.org", Role::Member, "Ben").await;
    let (admin, _) = app.signed_in("admin@example.org", Role::Admin, "Admin").await;
    let open = new_group(&ana, "Open circle", "open").await.to_string();
    let secret = new_group(&ana, "Hidden circle", "secret").await.to_string();
    let public = create(&ana, &fields("Alphaguide public", &[]), Some(("alpha.pdf", pdf("alpha")))).await;
    let members =
        create(&ana, &fields("Betaguide members", &[("access", "members")]), Some(("beta.pdf", pdf("beta")))).await;
    let in_open = create(
        &ana,
        &fields("Gammaguide opengroup", &[("access", "group"), ("group", open.as_str())]),
        Some(("gamma.pdf", pdf("gamma"))),
    )
    .await;
    let hidden = create(
        &ana,
        &fields("Deltaguide secretgroup", &[("access", "group"), ("group", secret.as_str())]),
        Some(("delta.pdf", pdf("delta"))),
    )
    .await;
    let file_of = |id: i64| format!("SELECT MIN(id) FROM resource_versions WHERE resource_id = {id}");
    let hidden_file = format!("/library/{hidden}/files/{}", app.scalar_i64(&file_of(hidden)).await);
    let members_file = format!("/library/{members}/files/{}", app.scalar_i64(&file_of(members)).await);

    let anonymous = app.browser();
    let list = read(&anonymous, "/library").await;
    assert!(list.contains("Alphaguide") && list.contains("1 resource"));
    assert!(!list.contains("Betaguide") && !list.contains("Gammaguide") && !list.contains("Deltaguide"));
    assert!(location(&anonymous.get(&format!("/library/{members}")).await).starts_with("/signin"));
    assert!(location(&anonymous.get(&members_file).await).starts_with("/signin"));
    for path in [format!("/library/{in_open}"), format!("/library/{hidden}"), hidden_file.clone()] {
        assert_eq!(anonymous.get(&path).await.status(), StatusCode::NOT_FOUND, "{path}");
    }

    // Ben is a member, but in neither group; not even an admin sees into a group from outside.
    let list = read(&ben, "/library").await;
    assert!(list.contains("Alphaguide") && list.contains("Betaguide") && list.contains("2 resources"));
    assert!(!list.contains("Gammaguide") && !list.contains("Deltaguide"));
    for who in [&ben, &admin] {
        for path in [format!("/library/{in_open}"), format!("/library/{hidden}"), hidden_file.clone()] {
            assert_eq!(who.get(&path).await.status(), StatusCode::NOT_FOUND, "{path}");
        }
        let found = read(who, "/search?q=deltaguide").await;
        assert!(!found.contains(&format!("/library/{hidden}")) && found.contains("Nothing found"));
        assert!(!read(who, "/library?topic=detention_monitoring").await.contains("Deltaguide"));
    }
    assert!(read(&ben, "/search?q=betaguide").await.contains(&format!("/library/{members}")));
    assert!(!read(&anonymous, "/search?q=betaguide").await.contains(&format!("/library/{members}")));
    // Counts in search never include what the viewer may not see.
    assert!(read(&ben, "/search?q=summary").await.contains("2 results"));
    assert!(read(&anonymous, "/search?q=summary").await.contains("1 result"));

    // A group's library names the group to its members only.
    let only_secret = read(&ben, &format!("/library?group={secret}")).await;
    assert!(only_secret.contains("0 resources") && !only_secret.contains("Hidden circle"));
    let theirs = read(&ana, &format!("/library?group={secret}")).await;
    assert!(theirs.contains("1 resource") && theirs.contains("Hidden circle") && theirs.contains("Deltaguide"));
    assert!(read(&ana, &format!("/groups/{secret}")).await.contains(&format!("/library?group={secret}")));

    // Ana, in both groups, sees all four, everywhere.
    let list = read(&ana, "/library").await;
    assert!(list.contains("4 resources") && list.contains("Deltaguide"));
    assert!(read(&ana, "/search?q=deltaguide").await.contains(&format!("/library/{hidden}")));
    assert_eq!(ana.get(&hidden_file).await.status(), StatusCode::OK);
    assert_eq!(app.scalar_i64(&format!("SELECT downloads FROM resources WHERE id = {hidden}")).await, 1);
    // Refused downloads count nothing.
    assert_eq!(app.scalar_i64(&format!("SELECT downloads FROM resources WHERE id = {members}")).await, 0);

    // A secret group's translation of a public resource stays out of its list of languages.
    let public_id = public.to_string();
    create(
        &ana,
        &fields(
            "Deltaguide ภาษาไทย",
            &[
                ("access", "group"),
                ("group", secret.as_str()),
                ("languages", "th"),
                ("translation_of", public_id.as_str()),
            ],
        ),
        Some(("delta-th.pdf", pdf("delta th"))),
    )
    .await;
    assert!(!read(&anonymous, &format!("/library/{public}")).await.contains("Deltaguide"));
    assert!(read(&ana, &format!("/library/{public}")).await.contains("Deltaguide ภาษาไทย"));

    // The public feed holds the public resource only.
    let xml = anonymous.get("/library/public.atom").await.text().await.unwrap();
    let feed = feed_rs::parser::parse(xml.as_bytes()).expect("a standard parser reads the feed");
    let titles: Vec<String> = feed.entries.iter().filter_map(|e| e.title.as_ref().map(|t| t.content.clone())).collect();
    assert_eq!(titles, vec!["Alphaguide public"]);

    // Access changes reach search at once; so does deletion.
    let r = ana.post(&format!("/library/{members}"), &fields("Betaguide members", &[("access", "public")])).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(read(&anonymous, "/search?q=betaguide").await.contains(&format!("/library/{members}")));
    let r = ana
        .post(
            &format!("/library/{members}"),
            &fields("Betaguide members", &[("access", "group"), ("group", secret.as_str())]),
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(!read(&ben, "/search?q=betaguide").await.contains(&format!("/library/{members}")));
    assert!(read(&ana, "/search?q=betaguide").await.contains(&format!("/library/{members}")));
    ana.post(&format!("/library/{members}/delete"), &[]).await;
    assert!(!read(&ana, "/search?q=betaguide").await.contains(&format!("/library/{members}")));
    assert_eq!(
        app.scalar_i64(&format!("SELECT COUNT(*) FROM search_docs WHERE kind = 'resource' AND ref_id = {members}"))
            .await,
        0
    );

    // Leaving the group is leaving its library.
    ana.post(&format!("/groups/{secret}/leave"), &[]).await;
    assert_eq!(ana.get(&format!("/library/{hidden}")).await.status(), StatusCode::NOT_FOUND);
    assert!(!read(&ana, "/search?q=deltaguide").await.contains(&format!("/library/{hidden}")));
});

db_test!(translations_are_linked_variants_and_filters_work, |app: TestApp| async move {
    let (ana, _) = app.signed_in("ana@example.org", Role::Member, "Ana").await;
    let english =
        create(&ana, &fields("Interviewing guide", &[("type", "training_material")]), Some(("guide.pdf", pdf("en"))))
            .await;
    let form = read(&ana, &format!("/library/new?translation_of={english}")).await;
    assert!(
        form.contains("Interviewing guide") && form.contains(&format!("name=\"translation_of\" value=\"{english}\""))
    );
    let english_id = english.to_string();
    let thai = create(
        &ana,
        &fields(
            "คู่มือการสัมภาษณ์เชิงสืบสวน",
            &[
                ("type", "training_material"),
                ("languages", "th"),
                ("countries", "TH"),
                ("translation_of", english_id.as_str()),
                ("summary", "แนวทางการสัมภาษณ์ที่เคารพสิทธิมนุษยชนสำหรับพนักงานสอบสวนและครูฝึก"),
            ],
        ),
        Some(("guide-th.txt", "คู่มือการสัมภาษณ์".as_bytes().to_vec())),
    )
    .await;
    let thai_id = thai.to_string();
    let malay = create(
        &ana,
        &fields("Panduan temu duga", &[("languages", "ms"), ("translation_of", thai_id.as_str())]),
        Some(("panduan.csv", b"a,b\n1,2\n".to_vec())),
    )
    .await;
    // Each page lists the others, by language.
    let public = app.browser();
    let page = read(&public, &format!("/library/{english}")).await;
    assert!(page.contains(&format!("/library/{thai}")) && page.contains(&format!("/library/{malay}")));
    assert!(page.contains("Thai") && page.contains("Malay"));
    let page = read(&public, &format!("/library/{malay}")).await;
    assert!(page.contains(&format!("/library/{english}")) && page.contains(&format!("/library/{thai}")));
    // Text files are served as UTF-8 text.
    let version = app.scalar_i64(&format!("SELECT id FROM resource_versions WHERE resource_id = {thai}")).await;
    let r = public.get(&format!("/library/{thai}/files/{version}")).await;
    assert_eq!(r.headers()["content-type"], "text/plain; charset=utf-8");

    // A Thai word inside running text is found.
    assert!(read(&public, "/search?q=สิทธิมนุษยชน").await.contains(&format!("/library/{thai}")));
    assert!(read(&public, "/search?q=สิทธิมนุษยชน&kind=resource").await.contains("1 result"));
    // Filters by type, topic, language and country.
    let only = |page: String, id: i64, others: &[i64]| {
        assert!(page.contains(&format!("/library/{id}\"")), "{id} listed");
        for o in others {
            assert!(!page.contains(&format!("/library/{o}\"")), "{o} not listed");
        }
    };
    only(read(&public, "/library?language=th").await, thai, &[english, malay]);
    only(read(&public, "/library?type=guide").await, malay, &[english, thai]);
    assert!(read(&public, "/library?country=MY").await.contains("0 resources"));
    assert!(read(&public, "/library?topic=detention_monitoring").await.contains("3 resources"));
    assert_eq!(public.get("/library?language=xx").await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // The Atom feed carries the summaries as HTML.
    let xml = public.get("/library/public.atom").await.text().await.unwrap();
    let feed = feed_rs::parser::parse(xml.as_bytes()).unwrap();
    assert_eq!(feed.entries.len(), 3);
    let body = feed.entries.iter().find_map(|e| e.content.as_ref().and_then(|c| c.body.clone())).unwrap();
    assert!(body.contains("<strong>short</strong>") || body.contains("สิทธิมนุษยชน"));
    assert!(!xml.contains("Ana"), "no names in the public feed");
});

db_test!(demo_library_speaks_four_languages_and_is_searchable_in_thai, |app: TestApp| async move {
    roundtable::demo::seed(&app.db, 7, "demo-password-for-tests", app.data_dir()).await.unwrap();
    assert!(app.scalar_i64("SELECT COUNT(*) FROM resources").await >= 40);
    for lang in ["en", "th", "ms", "fil"] {
        let n = app
            .scalar_i64(&format!("SELECT COUNT(*) FROM resource_tags WHERE vocab = 'language' AND key = '{lang}'"))
            .await;
        assert!(n >= 8, "{lang}: {n}");
    }
    assert!(app.scalar_i64("SELECT COUNT(*) FROM resources WHERE family_id <> id").await >= 5, "translations linked");
    assert!(files_on_disk(app.data_dir()) >= 20);
    assert!(app.scalar_i64("SELECT COUNT(*) FROM champion_notes WHERE resource_id IS NOT NULL").await > 0);
    let public = app.browser();
    let found = read(&public, "/search?q=การทรมาน&kind=resource").await;
    assert!(found.contains("/library/"), "a Thai word inside running text finds a library resource");
    // Every demo file downloads with the type it was checked to be.
    let versions: Vec<String> = app
        .strings("SELECT '/library/' || CAST(r.id AS TEXT) || '/files/' || CAST(v.id AS TEXT) FROM resource_versions v JOIN resources r ON r.id = v.resource_id WHERE r.access = 'public'")
        .await;
    assert!(versions.len() >= 10);
    for path in versions {
        assert_eq!(public.get(&path).await.status(), StatusCode::OK, "{path}");
    }
    let member = app.browser();
    member.sign_in("member@example.org", "demo-password-for-tests").await;
    let list = read(&member, "/library").await;
    assert!(list.contains("resources") && list.contains("rel=\"next\""), "the list has pages");
    assert!(read(&member, "/library?page=2").await.contains("/library/"));
});

db_test!(champions_support_points_to_library_resources, |app: TestApp| async move {
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Cora").await;
    let (ana, _) = app.signed_in("ana@example.org", Role::Member, "Ana").await;
    let (_, mali) = app.signed_in("mali@example.org", Role::Member, "Mali").await;
    let guide = create(&ana, &fields("Trainer's pack on interviewing", &[]), Some(("pack.pdf", pdf("pack")))).await;
    let secret = new_group(&ana, "Hidden circle", "secret").await.to_string();
    let hidden = create(
        &ana,
        &fields("Hidden pack", &[("access", "group"), ("group", secret.as_str())]),
        Some(("hidden.pdf", pdf("hidden"))),
    )
    .await;
    let path = format!("/network/champions/{mali}");
    assert_eq!(
        coordinator.post(&format!("{path}/stage"), &[("stage", "candidate")]).await.status(),
        StatusCode::SEE_OTHER
    );
    let form = read(&coordinator, &path).await;
    assert!(form.contains("Trainer&#x27;s pack on interviewing") && !form.contains("Hidden pack"));

    let (guide_id, hidden_id) = (guide.to_string(), hidden.to_string());
    let notes = format!("{path}/notes");
    for (support, resource) in
        [("mentoring", guide_id.as_str()), ("training_materials", hidden_id.as_str()), ("training_materials", "x")]
    {
        let r = coordinator.post(&notes, &[("support", support), ("resource", resource)]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{support} {resource}");
    }
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM champion_notes WHERE resource_id IS NOT NULL").await, 0);
    let r = coordinator
        .post(&notes, &[("support", "training_materials"), ("resource", guide_id.as_str()), ("note", "Sent the pack")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let timeline = read(&coordinator, &path).await;
    assert!(timeline.contains(&format!("<a href=\"/library/{guide}\">Trainer&#x27;s pack on interviewing</a>")));
    // A deleted resource leaves the record of the support, without the link.
    ana.post(&format!("/library/{guide}/delete"), &[]).await;
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM champion_notes WHERE support = 'training_materials'").await, 1);
    assert!(!read(&coordinator, &path).await.contains(&format!("/library/{guide}\"")));
});

db_test!(members_add_at_most_thirty_resources_a_day, |app: TestApp| async move {
    let (ana, _) = app.signed_in("ana@example.org", Role::Member, "Ana").await;
    for i in 0..30 {
        let title = format!("Resource {i}");
        create(&ana, &fields(&title, &[("link", "https://example.org/")]), None).await;
    }
    let r = send(&ana, "/library", &fields("One too many", &[]), Some(("a.pdf", pdf("a")))).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(r.text().await.unwrap().contains("try again tomorrow"));
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM resources").await, 30);
    assert_eq!(files_on_disk(app.data_dir()), 0);
});

/// A photo as a phone would send it: a JPEG with an EXIF block and a comment that say where
/// and by whom it was taken.
pub(crate) fn photo_with_metadata(secret: &str) -> Vec<u8> {
    use img_parts::jpeg::{markers, Jpeg, JpegSegment};
    use img_parts::{Bytes, ImageEXIF};
    let picture = image::RgbImage::from_fn(64, 48, |x, y| image::Rgb([x as u8 * 4, y as u8 * 5, 120]));
    let mut out = std::io::Cursor::new(Vec::new());
    picture.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    let mut jpeg = Jpeg::from_bytes(Bytes::from(out.into_inner())).unwrap();
    jpeg.set_exif(Some(Bytes::from(format!("MM\0*\0\0\0\x08GPS {secret}"))));
    jpeg.segments_mut().insert(1, JpegSegment::new_with_contents(markers::COM, Bytes::from(secret.to_string())));
    jpeg.encoder().bytes().to_vec()
}

db_test!(uploaded_photos_lose_their_metadata, |app: TestApp| async move {
    let (ana, _) = app.signed_in("ana@example.org", Role::Member, "Ana").await;
    let secret = "13.7563N 100.5018E Somchai";
    let original = photo_with_metadata(secret);
    assert!(original.windows(7).any(|w| w == b"Somchai"));
    let id = create(&ana, &fields("Workshop photo", &[]), Some(("workshop.jpg", original.clone()))).await;
    let version: i64 = app.scalar_i64(&format!("SELECT MIN(id) FROM resource_versions WHERE resource_id = {id}")).await;
    let r = ana.get(&format!("/library/{id}/files/{version}")).await;
    assert_eq!(r.status(), StatusCode::OK);
    let kept = r.bytes().await.unwrap().to_vec();
    assert!(!kept.windows(7).any(|w| w == b"Somchai"), "no trace of the metadata");
    assert!(!kept.windows(4).any(|w| w == b"Exif"));
    assert_eq!(
        image::load_from_memory(&kept).unwrap().to_rgb8(),
        image::load_from_memory(&original).unwrap().to_rgb8(),
        "the same picture"
    );
    // The store knows the file by what it keeps, not by what came.
    assert_eq!(app.scalar_i64("SELECT size FROM library_files").await, kept.len() as i64);
    let sha: String = app.strings("SELECT sha256 FROM library_files").await.remove(0);
    let on_disk = std::fs::read(app.data_dir().join("files").join(&sha[..2]).join(&sha[2..])).unwrap();
    assert_eq!(on_disk, kept);
});
