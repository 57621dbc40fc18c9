//! Search: words in four languages (Thai inside running text), and never a result or a
//! count the viewer may not see.

use reqwest::StatusCode;
use roundtable::vocab::Role;

use crate::common::{location, Browser, TestApp};
use crate::db_test;

async fn thread_in(b: &Browser, group: Option<i64>, title: &str, body: &str) -> i64 {
    let g = group.map(|g| g.to_string()).unwrap_or_default();
    let r = b.post("/forum/threads", &[("group", &g), ("title", title), ("body", body)]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    location(&r).trim_start_matches("/forum/threads/").parse().unwrap()
}

async fn group(b: &Browser, name: &str, access: &str, public_threads: bool) -> i64 {
    let mut form = vec![("name", name), ("kind", "working_group"), ("access", access)];
    if public_threads {
        form.push(("public_threads", "on"));
    }
    let r = b.post("/groups", &form).await;
    location(&r).trim_start_matches("/groups/").split('?').next().unwrap().parse().unwrap()
}

fn found(page: &str, text: &str) -> bool {
    page.contains(text)
}

db_test!(words_are_found_in_four_languages, |app: TestApp| async move {
    let (ana, _) = app.signed_in("ana@example.org", Role::Member, "Ana").await;
    thread_in(&ana, None, "บทเรียนจากโรงเรียนนายร้อย", "ฝ่ายคุ้มครองสิทธิมนุษยชนของเราสนใจเรื่องการบันทึกภาพและเสียง").await;
    thread_in(&ana, None, "Pemantauan lokap", "Kami gunakan senarai semak untuk lawatan pemantauan ke lokap polis.")
        .await;
    thread_in(
        &ana,
        None,
        "Anti-Torture Act sa mga presinto",
        "Madalas walang nakapaskil na karapatan ng mga inaresto.",
    )
    .await;
    thread_in(&ana, None, "Interviewing curriculum", "Recorded role plays, reviewed together the next morning.").await;

    for (query, expect) in [
        ("สิทธิมนุษยชน", "บทเรียนจากโรงเรียนนายร้อย"),
        ("การบันทึกภาพ", "บทเรียนจากโรงเรียนนายร้อย"),
        ("lokap", "Pemantauan lokap"),
        ("pemantau", "Pemantauan lokap"),
        ("karapatan inaresto", "Anti-Torture Act sa mga presinto"),
        ("RECORDED role", "Interviewing curriculum"),
    ] {
        let page = ana.page(&format!("/search?q={}", urlencode(query))).await;
        assert!(found(&page, expect), "{query} should find {expect}");
        assert!(page.contains("<mark>"), "{query}: words are marked in the snippet");
    }
    // Replies and edits are indexed as they happen.
    let thread = thread_in(&ana, None, "Replies", "first words").await;
    ana.post(&format!("/forum/threads/{thread}/replies"), &[("body", "a capybara appears")]).await;
    assert!(ana.page("/search?q=capybara").await.contains("Replies"));
    let reply = app.scalar_i64(&format!("SELECT MAX(id) FROM posts WHERE thread_id = {thread}")).await;
    ana.post(&format!("/forum/posts/{reply}"), &[("body", "an okapi appears")]).await;
    assert!(ana.page("/search?q=capybara").await.contains("Nothing found"));
    assert!(ana.page("/search?q=okapi").await.contains("Replies"));
    let none = ana.page("/search?q=zebra").await;
    assert!(none.contains("Nothing found"));
    assert_eq!(ana.get("/search?q=x&kind=spies").await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(ana.get("/search?q=x&country=XX").await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(ana.get(&format!("/search?q={}", "a".repeat(201))).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
});

fn urlencode(s: &str) -> String {
    s.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

db_test!(search_never_reveals_what_the_viewer_may_not_see, |app: TestApp| async move {
    let (mod_, _) = app.signed_in("mod@example.org", Role::Member, "Moderator Person").await;
    let (member, _) = app.signed_in("member@example.org", Role::Member, "Plain Member").await;
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Coordinator").await;
    let public = app.browser();

    // A member at risk, and a quiet one whose bio only coordinators may read.
    let (risky, risky_id) = app.signed_in("risky@example.org", Role::Member, "Xylo Defender").await;
    app.set_profile(risky_id, "bio = 'quokka', bio_vis = 'members'").await;
    let quiet = app.create_user("quiet@example.org", Role::Member, "Quiet Prosecutor").await;
    app.set_profile(quiet, "bio = 'narwhal specialist', bio_vis = 'coordinators'").await;
    // Index what the direct updates changed, as a restart would.
    roundtable::search::rebuild(&app.db, &roundtable::rules::search_indexers()).await.unwrap();
    // She then marks herself at risk through the form, which re-indexes her.
    let r = risky
        .post(
            "/profile",
            &[
                ("display_name", "Xylo Defender"),
                ("sector_vis", "members"),
                ("orgs_vis", "members"),
                ("country_vis", "members"),
                ("region_vis", "members"),
                ("languages_vis", "members"),
                ("expertise_vis", "members"),
                ("bio", "quokka"),
                ("bio_vis", "members"),
                ("photo_vis", "members"),
                ("at_risk", "on"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    assert!(!member.page("/search?q=xylo").await.contains("Xylo Defender"));
    assert!(member.page("/search?q=xylo").await.contains("Nothing found"), "not even a count");
    assert!(!member.page("/search?q=quokka").await.contains("Xylo"));
    assert!(coordinator.page("/search?q=xylo").await.contains("Xylo Defender"));
    assert!(!member.page("/search?q=narwhal").await.contains("Quiet Prosecutor"), "a coordinators-only bio");
    assert!(coordinator.page("/search?q=narwhal").await.contains("Quiet Prosecutor"));
    assert!(!public.page("/search?q=quiet").await.contains("Quiet Prosecutor"), "nothing of hers is public");
    // A public contact makes her findable by the public; removing it takes her out again.
    let (quiet_b, _) = (app.browser(), ());
    quiet_b.sign_in("quiet@example.org", crate::common::PASSWORD).await;
    quiet_b
        .post("/profile/contacts", &[("kind", "email"), ("value", "office@example.org"), ("visibility", "public")])
        .await;
    assert!(public.page("/search?q=quiet").await.contains("Quiet Prosecutor"));
    let contact = app.scalar_i64(&format!("SELECT id FROM contact_channels WHERE user_id = {quiet}")).await;
    quiet_b.post(&format!("/profile/contacts/{contact}/delete"), &[]).await;
    assert!(!public.page("/search?q=quiet").await.contains("Quiet Prosecutor"));

    // Secret group posts: found by its members only; public threads by anyone.
    let secret = group(&mod_, "Circle", "secret", false).await;
    let open = group(&mod_, "Open works", "open", true).await;
    thread_in(&mod_, Some(secret), "Relocation", "safehouse logistics").await;
    let public_thread = thread_in(&mod_, Some(open), "Guide", "interview wombat guide").await;
    assert!(mod_.page("/search?q=safehouse").await.contains("Relocation"));
    for b in [&member, &coordinator, &public] {
        let page = b.page("/search?q=safehouse").await;
        assert!(!page.contains("Relocation") && page.contains("Nothing found"));
    }
    assert!(public.page("/search?q=wombat").await.contains("Guide"));
    thread_in(&mod_, None, "Network only", "platypus matters").await;
    assert!(!public.page("/search?q=platypus").await.contains("Network only"));
    assert!(member.page("/search?q=platypus").await.contains("Network only"));

    // A hidden post leaves search at once.
    let post = app.scalar_i64(&format!("SELECT MIN(id) FROM posts WHERE thread_id = {public_thread}")).await;
    mod_.post(&format!("/forum/posts/{post}/moderate"), &[("action", "hide")]).await;
    assert!(public.page("/search?q=wombat").await.contains("Nothing found"));
    assert!(mod_.page("/search?q=wombat").await.contains("Nothing found"));
});

#[test]
fn reindex_command_rebuilds_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .arg("reindex")
        .env("ROUNDTABLE_DATA_DIR", dir.path())
        .env_remove("ROUNDTABLE_DATABASE_URL")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("search index rebuilt"));
}

// A rebuild (bulk) indexes exactly what writing post by post did: the same documents for
// the same audiences and groups, hidden posts and threads left out, found by the same words.
db_test!(rebuilding_indexes_what_writing_indexed, |app: TestApp| async move {
    let (ana, _) = app.signed_in("ana@example.org", Role::Member, "Ana Trainer").await;
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Cora").await;
    let mut threads = Vec::new();
    for (name, access, public) in
        [("Open okapis", "open", false), ("Public pandas", "open", true), ("Secret stoats", "secret", false)]
    {
        let mut form = vec![("name", name), ("kind", "working_group"), ("access", access)];
        if public {
            form.push(("public_threads", "on"));
        }
        let r = ana.post("/groups", &form).await;
        let group = location(&r).trim_start_matches("/groups/").split('?').next().unwrap().to_string();
        let r =
            ana.post("/forum/threads", &[("group", &group), ("title", name), ("body", "การป้องกันการทรมาน first")]).await;
        threads.push(location(&r).trim_start_matches("/forum/threads/").parse::<i64>().unwrap());
    }
    let r =
        ana.post("/forum/threads", &[("group", ""), ("title", "Network narwhals"), ("body", "*marked* words")]).await;
    threads.push(location(&r).trim_start_matches("/forum/threads/").parse::<i64>().unwrap());
    for t in &threads {
        ana.post(&format!("/forum/threads/{t}/replies"), &[("body", "a reply about custody registers")]).await;
    }
    let hidden_post = app.scalar_i64(&format!("SELECT MAX(id) FROM posts WHERE thread_id = {}", threads[0])).await;
    coordinator.post(&format!("/forum/posts/{hidden_post}/moderate"), &[("action", "hide")]).await;
    coordinator.post(&format!("/forum/threads/{}/moderate", threads[1]), &[("action", "hide")]).await;

    let snapshot = "SELECT kind || '|' || ref_id || '|' || audience || '|' || COALESCE(CAST(group_id AS TEXT), '-') || '|' || \
                    COALESCE(CAST(thread_id AS TEXT), '-') || '|' || title || '|' || body FROM search_docs WHERE kind = 'post' ORDER BY ref_id";
    let written = app.strings(snapshot).await;
    assert!(written.len() >= 4, "{written:?}");
    let found = ana.page("/search?q=custody").await;
    roundtable::search::rebuild(&app.db, &roundtable::rules::search_indexers()).await.unwrap();
    assert_eq!(app.strings(snapshot).await, written);
    assert_eq!(ana.page("/search?q=custody").await, found);
    assert!(ana.page(&format!("/search?q={}", urlencode("ทรมาน"))).await.contains("Secret stoats"));
});

db_test!(filters_by_language_and_topic_and_caps_counts, |app: TestApp| async move {
    let (ana, _) = app.signed_in("ana@example.org", Role::Member, "Ana Trainer").await;
    let posts = [
        ("English", "The SUHAKAM team visited three police lock-ups last week and found the custody registers incomplete."),
        ("Malay", "Pasukan SUHAKAM telah melawat tiga lokap polis minggu lepas dan mendapati daftar tahanan tidak lengkap."),
        ("Filipino", "Binisita ng pangkat ng SUHAKAM ang tatlong selda ng pulis noong nakaraang linggo at hindi kumpleto ang mga talaan."),
        ("Thai", "คณะทำงาน SUHAKAM ได้ไปตรวจเยี่ยมห้องควบคุมตัวของตำรวจสามแห่งเมื่อสัปดาห์ที่แล้ว และพบว่าทะเบียนไม่ครบถ้วน"),
    ];
    for (title, body) in posts {
        let r = ana.post("/forum/threads", &[("group", ""), ("title", title), ("body", body)]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
    }
    let all = ana.page("/search?q=suhakam").await;
    assert!(["English", "Malay", "Filipino", "Thai"].iter().all(|t| all.contains(t)), "{all}");
    for (lang, title) in [("en", "English"), ("ms", "Malay"), ("fil", "Filipino"), ("th", "Thai")] {
        let page = ana.page(&format!("/search?q=suhakam&lang={lang}")).await;
        let found: Vec<&str> = ["English", "Malay", "Filipino", "Thai"]
            .into_iter()
            .filter(|t| page.contains(&format!("<strong>{t}</strong>")))
            .collect();
        assert_eq!(found, vec![title], "lang={lang}");
    }
    assert_eq!(ana.get("/search?q=x&lang=klingon").await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(ana.get("/search?q=x&topic=cooking").await.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Topics: members by the expertise they show, resources by theirs.
    let monitor = app.create_user("mon@example.org", Role::Member, "Mona Monitor").await;
    let other = app.create_user("oth@example.org", Role::Member, "Otto Okapi").await;
    for id in [monitor, other] {
        app.set_profile(id, "bio = 'okapi keeper'").await;
    }
    app.exec(&format!("INSERT INTO profile_expertise (user_id, area) VALUES ({monitor}, 'detention_monitoring')"))
        .await;
    roundtable::search::rebuild(&app.db, &roundtable::rules::search_indexers()).await.unwrap();
    let page = ana.page("/search?q=okapi&topic=detention_monitoring").await;
    assert!(page.contains("Mona Monitor") && !page.contains("Otto Okapi"), "{page}");
    let page = ana.page("/search?q=okapi").await;
    assert!(page.contains("Mona Monitor") && page.contains("Otto Okapi"));

    // However common a word, counting stops at five hundred (threads, each counted once).
    let threads: Vec<String> = (0..505).map(|i| format!("({}, 'Capybaras {i}', {i}, {i})", 10_000 + i)).collect();
    app.exec(&format!("INSERT INTO threads (id, title, created_at, last_post_at) VALUES {}", threads.join(", "))).await;
    let values: Vec<String> =
        (0..505).map(|i| format!("({}, NULL, 'capybara number {i}', '<p></p>', {i})", 10_000 + i)).collect();
    app.exec(&format!(
        "INSERT INTO posts (thread_id, author_id, body, body_html, created_at) VALUES {}",
        values.join(", ")
    ))
    .await;
    // Newer posts without the word: the newest documents alone no longer hold enough
    // matches, and the search looks through the rest.
    for chunk in 0..20 {
        let values: Vec<String> = (0..1000)
            .map(|i| format!("({}, NULL, 'tapir {chunk} {i}', '<p></p>', {})", 10_000 + i % 505, 1000 + i))
            .collect();
        let sql = format!(
            "INSERT INTO posts (thread_id, author_id, body, body_html, created_at) VALUES {}",
            values.join(", ")
        );
        app.exec(&sql).await;
    }
    roundtable::search::rebuild(&app.db, &roundtable::rules::search_indexers()).await.unwrap();
    let page = ana.page("/search?q=capybara").await;
    assert!(page.contains("More than 500 results") && page.contains("(500+)"), "{page}");
    assert_eq!(page.matches("capybara</mark> number").count(), 30, "one page of results");
    // Twenty thousand matching posts in 505 threads: counting still stops, and what it
    // counts are threads.
    let page = ana.page("/search?q=tapir").await;
    assert!(page.contains("More than ") && page.contains("+)"), "{page}");
    assert!(page.matches("<mark>tapir</mark>").count() <= 30, "{page}");
});

db_test!(older_matches_are_found_past_the_newest_documents, |app: TestApp| async move {
    let (ana, _) = app.signed_in("ana@example.org", Role::Member, "Ana").await;
    thread_in(&ana, None, "An old lesson", "Notes on the okapi habitat.").await;
    // A quarter of a million documents later (their ids, that is): the search looks through
    // the newest first, and reaches back only when they do not hold enough.
    let filler = "INSERT INTO search_docs (id, kind, ref_id, audience, title, body, updated_at{}) \
                  VALUES (250000, 'organisation', -1, 'coordinators', '', '', 0{})";
    match &app.db {
        roundtable::db::Db::Sqlite(_) => {
            app.exec(&filler.replace("{}", "")).await;
            app.exec("INSERT INTO search_fts (rowid, words) VALUES (250000, 'qqkorganisation')").await;
        }
        roundtable::db::Db::Postgres(_) => {
            app.exec(&filler.replacen("{}", ", words", 1).replacen(
                "{}",
                ", to_tsvector('simple', 'qqkorganisation')",
                1,
            ))
            .await;
            app.exec("SELECT setval(pg_get_serial_sequence('search_docs', 'id'), 250000)").await;
        }
    }
    thread_in(&ana, None, "A new lesson", "Okapi sightings near the station.").await;
    assert!(app.scalar_i64("SELECT MAX(id) FROM search_docs").await > 250000);
    let both = ana.page("/search?q=okapi").await;
    assert!(found(&both, "An old lesson") && found(&both, "A new lesson"));
    let new = ana.page("/search?q=okapi+sightings").await;
    assert!(found(&new, "A new lesson") && !found(&new, "An old lesson"));
    let old = ana.page("/search?q=habitat").await;
    assert!(found(&old, "An old lesson") && !found(&old, "A new lesson"));
});

db_test!(dense_recent_matches_and_an_old_one_are_all_counted, |app: TestApp| async move {
    let (ana, _) = app.signed_in("ana@example.org", Role::Member, "Ana").await;
    thread_in(&ana, None, "The first pangolin", "A pangolin crossed the yard of the station.").await;
    // 300 recent documents hold the word, far past the old one: fewer than the candidates,
    // so every window is searched in turn, and the old match is still found and counted.
    let numbers =
        "(WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 300) SELECT n FROM c) AS numbers";
    match &app.db {
        roundtable::db::Db::Sqlite(_) => {
            app.exec(&format!(
                "INSERT INTO search_docs (id, kind, ref_id, audience, title, body, updated_at) \
                 SELECT 250000 + n, 'organisation', n, 'public', 'Watchers ' || n, 'pangolin', 0 FROM {numbers}"
            ))
            .await;
            app.exec(&format!(
                "INSERT INTO search_fts (rowid, words) SELECT 250000 + n, 'pangolin qqkorganisation' FROM {numbers}"
            ))
            .await;
        }
        roundtable::db::Db::Postgres(_) => {
            app.exec(&format!(
                "INSERT INTO search_docs (id, kind, ref_id, audience, title, body, updated_at, words) \
                 SELECT 250000 + n, 'organisation', n, 'public', 'Watchers ' || n, 'pangolin', 0, \
                 to_tsvector('simple', 'pangolin qqkorganisation') FROM {numbers}"
            ))
            .await;
            app.exec("SELECT setval(pg_get_serial_sequence('search_docs', 'id'), 250300)").await;
        }
    }
    let page = ana.page("/search?q=pangolin").await;
    assert!(page.contains("301 results"), "every match counted");
    let posts = ana.page("/search?q=pangolin&kind=post").await;
    assert!(found(&posts, "The first pangolin"));
});

db_test!(documents_beyond_the_index_ranges_are_found_and_moved_into_them, |app: TestApp| async move {
    use roundtable::search::partitions::{self, SPAN};
    let (ana, _) = app.signed_in("ana@example.org", Role::Member, "Ana").await;
    thread_in(&ana, None, "An old lesson", "Notes on the quokka habitat.").await;
    let roundtable::db::Db::Postgres(pool) = &app.db else {
        return; // SQLite's index has no ranges.
    };
    let ranges = || async { partitions::ranges(pool).await.unwrap() };
    let strays = "SELECT COUNT(*) FROM search_docs_default";
    assert_eq!(app.scalar_i64(strays).await, 0, "ranges are made ready at start");
    // Ids jump past every range made ready: the next document has none yet.
    let beyond = ranges().await.last().copied().unwrap() + 3;
    app.exec(&format!("SELECT setval('search_docs_id_seq', {})", beyond * SPAN + 10)).await;
    thread_in(&ana, None, "A new lesson", "Quokka sightings near the station.").await;
    assert_eq!(app.scalar_i64(strays).await, 1, "waits in the default partition");
    let page = ana.page("/search?q=quokka").await;
    assert!(found(&page, "An old lesson") && found(&page, "A new lesson") && page.contains("2 results"), "{page}");
    let page = ana.page("/search?q=habitat").await;
    assert!(found(&page, "An old lesson") && !found(&page, "A new lesson"), "{page}");

    partitions::maintain(&app.db, partitions::AHEAD).await.unwrap();
    assert_eq!(app.scalar_i64(strays).await, 0, "moved into its range");
    let now = ranges().await;
    assert!(now.contains(&beyond), "{now:?}");
    assert!(now.windows(2).all(|w| w[1] == w[0] + 1), "no gaps between ranges: {now:?}");
    let page = ana.page("/search?q=quokka").await;
    assert!(found(&page, "An old lesson") && found(&page, "A new lesson") && page.contains("2 results"), "{page}");

    // A rebuild writes every document again with new ids: the ranges left empty below
    // them are dropped.
    roundtable::search::rebuild(&app.db, &roundtable::rules::search_indexers()).await.unwrap();
    let oldest = app.scalar_i64("SELECT MIN(id) FROM search_docs").await;
    let now = ranges().await;
    assert_eq!(now.first().copied(), Some(oldest / SPAN), "{now:?}");
    let page = ana.page("/search?q=quokka").await;
    assert!(found(&page, "An old lesson") && found(&page, "A new lesson") && page.contains("2 results"), "{page}");

    // Nodes starting together on an emptied index build it once, without duplicates (no
    // unique key can refuse them on a partitioned table).
    let before = app.scalar_i64("SELECT COUNT(*) FROM search_docs").await;
    app.exec("DELETE FROM search_docs").await;
    let indexers = roundtable::rules::search_indexers();
    let (a, b) = tokio::join!(
        roundtable::search::rebuild_if_empty(&app.db, &indexers),
        roundtable::search::rebuild_if_empty(&app.db, &indexers)
    );
    a.unwrap();
    b.unwrap();
    let distinct = "SELECT COUNT(*) FROM (SELECT DISTINCT kind, ref_id, audience FROM search_docs) d";
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM search_docs").await, before);
    assert_eq!(app.scalar_i64(distinct).await, before);
});

db_test!(events_are_found_by_those_who_may_see_them, |app: TestApp| async move {
    let (ana, _) = app.signed_in("ana@example.org", Role::Member, "Ana").await;
    let (ben, _) = app.signed_in("ben@example.org", Role::Member, "Ben").await;
    let (cora, _) = app.signed_in("cora@example.org", Role::Coordinator, "Cora").await;
    let anonymous = app.browser();
    let closed = group(&ana, "Custody lawyers", "closed", false).await;
    let day = (chrono::Utc::now() + chrono::Duration::days(12)).date_naive().format("%Y-%m-%d").to_string();
    let (starts, ends) = (format!("{day}T09:00"), format!("{day}T12:00"));
    // Public events are published by coordinators.
    let event = |by: &'static str, title: &'static str, visibility: &'static str, group: String| {
        let (starts, ends) = (starts.clone(), ends.clone());
        let who = if by == "cora" { &cora } else { &ana };
        async move {
            let form = [
                ("title", title),
                ("kind", "workshop"),
                ("description", "Wombat **safeguards** in custody, with [the checklist](https://example.org/list)."),
                ("mode", "in_person"),
                ("venue", "Hidden venue of the wombat workshop"),
                ("country", "MY"),
                ("time_zone", "Asia/Kuala_Lumpur"),
                ("visibility", visibility),
                ("group", &group),
                ("languages", "ms"),
                ("starts", &starts),
                ("ends", &ends),
            ];
            let r = who.post("/events", &form).await;
            assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", r.text().await.unwrap());
            location(&r).trim_start_matches("/events/").split('?').next().unwrap().parse::<i64>().unwrap()
        }
    };
    let public = event("cora", "Open wombat forum", "public", String::new()).await;
    event("ana", "Members' wombat seminar", "members", String::new()).await;
    event("ana", "Lawyers' wombat clinic", "group", closed.to_string()).await;
    event("ana", "Invited wombat roundtable", "invitation_only", String::new()).await;

    let seen = |page: &str| {
        ["Open wombat forum", "Members' wombat seminar", "Lawyers' wombat clinic", "Invited wombat roundtable"]
            .map(|t| page.contains(&t.replace('\'', "&#x27;")))
    };
    let page = anonymous.page("/search?q=wombat").await;
    assert_eq!(seen(&page), [true, false, false, false], "{page}");
    assert!(page.contains("1 result") && page.replace("&#x2f;", "/").contains(&format!("/events/{public}\"")));
    assert_eq!(seen(&ben.page("/search?q=wombat").await), [true, true, false, false]);
    assert_eq!(seen(&ana.page("/search?q=wombat").await), [true, true, true, false]);
    assert_eq!(seen(&cora.page("/search?q=wombat").await), [true, true, false, true]);
    // Filters: kind, country and language; text as written, links without their address;
    // the venue below.
    let page = ben.page("/search?q=safeguards&kind=event&country=MY&lang=ms").await;
    assert!(
        page.contains("2 results") && page.contains("the checklist") && !page.contains("example.org/list"),
        "{page}"
    );
    assert!(ben.page("/search?q=safeguards&country=TH").await.contains("Nothing found"));
    // The venue, as the event's page shows it, to those who may see the event.
    assert_eq!(seen(&ben.page("/search?q=hidden+venue").await), [true, true, false, false]);
    assert_eq!(seen(&anonymous.page("/search?q=hidden+venue").await), [true, false, false, false]);

    // A public event made members-only leaves anonymous results at once.
    let mut form = vec![("title", "Open wombat forum"), ("kind", "workshop"), ("description", "Wombat safeguards.")];
    form.extend([
        ("mode", "in_person"),
        ("venue", "Town hall"),
        ("country", "MY"),
        ("time_zone", "Asia/Kuala_Lumpur"),
        ("visibility", "members"),
    ]);
    form.extend([("starts", starts.as_str()), ("ends", ends.as_str())]);
    let r = cora.post(&format!("/events/{public}"), &form).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", r.text().await.unwrap());
    assert!(anonymous.page("/search?q=wombat").await.contains("Nothing found"));
    assert_eq!(seen(&ben.page("/search?q=wombat").await), [true, true, false, false]);

    // A rebuild indexes them alike.
    roundtable::search::rebuild(&app.db, &roundtable::rules::search_indexers()).await.unwrap();
    assert!(anonymous.page("/search?q=wombat").await.contains("Nothing found"));
    assert_eq!(seen(&ana.page("/search?q=wombat").await), [true, true, true, false]);
});

db_test!(groups_are_found_by_name_and_purpose_as_their_rule_allows, |app: TestApp| async move {
    let (ana, _) = app.signed_in("ana@example.org", Role::Member, "Ana").await;
    let (ben, _) = app.signed_in("ben@example.org", Role::Member, "Ben").await;
    let (cora, _) = app.signed_in("cora@example.org", Role::Coordinator, "Cora").await;
    let anonymous = app.browser();
    let form = |name: &'static str, access: &'static str, listed: bool| {
        let mut form = vec![
            ("name", name),
            ("purpose", "Interviewing without coercion: a pangolin of practice"),
            ("kind", "working_group"),
            ("access", access),
        ];
        if listed {
            form.push(("listed_publicly", "on"));
        }
        form
    };
    for (name, access, listed) in [
        ("Listed pangolins", "open", true),
        ("Closed pangolins", "closed", false),
        ("Secret pangolins", "secret", false),
    ] {
        let r = ana.post("/groups", &form(name, access, listed)).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", r.text().await.unwrap());
    }
    let seen = |page: String| ["Listed pangolins", "Closed pangolins", "Secret pangolins"].map(|t| page.contains(t));
    assert_eq!(seen(ana.page("/search?q=pangolin").await), [true, true, true]);
    assert_eq!(seen(ben.page("/search?q=pangolin&kind=group").await), [true, true, false]);
    // A secret group exists only for its members, whatever the viewer's role.
    assert_eq!(seen(cora.page("/search?q=pangolins").await), [true, true, false]);
    let page = anonymous.page("/search?q=pangolin").await;
    assert_eq!(seen(page.clone()), [true, false, false]);
    assert!(page.contains("1 result"), "{page}");
    // By purpose, too, and the same after a rebuild.
    assert_eq!(seen(ben.page("/search?q=coercion").await), [true, true, false]);
    roundtable::search::rebuild(&app.db, &roundtable::rules::search_indexers()).await.unwrap();
    assert_eq!(seen(ben.page("/search?q=coercion").await), [true, true, false]);
    assert_eq!(seen(anonymous.page("/search?q=coercion").await), [true, false, false]);
});

db_test!(a_thread_is_one_result_however_many_posts_match, |app: TestApp| async move {
    let (ana, _) = app.signed_in("ana@example.org", Role::Member, "Ana").await;
    let thread = thread_in(&ana, None, "Custody registers", "The first quokka post.").await;
    for body in ["A quokka reply.", "Quokka quokka quokka: the best match.", "One more quokka."] {
        let r = ana.post(&format!("/forum/threads/{thread}/replies"), &[("body", body)]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
    }
    let page = ana.page("/search?q=quokka").await;
    assert_eq!(page.matches("Custody registers").count(), 1, "{page}");
    assert!(page.contains("1 result"), "{page}");
    assert!(page.contains("the best match"), "the best post's snippet: {page}");
});
