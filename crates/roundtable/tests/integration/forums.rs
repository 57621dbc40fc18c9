//! Forums: threads and replies, Markdown, edits with history, unread markers, moderation,
//! and who may read what.

use reqwest::StatusCode;
use roundtable::vocab::Role;

use crate::common::{location, Browser, TestApp};
use crate::db_test;

pub(crate) async fn new_group(b: &Browser, name: &str, access: &str, public_threads: bool) -> i64 {
    let mut form = vec![("name", name), ("kind", "community_of_practice"), ("access", access)];
    if public_threads {
        form.push(("public_threads", "on"));
    }
    let r = b.post("/groups", &form).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    location(&r).trim_start_matches("/groups/").split('?').next().unwrap().parse().unwrap()
}

pub(crate) async fn new_thread(b: &Browser, group: Option<i64>, title: &str, body: &str) -> i64 {
    let g = group.map(|g| g.to_string()).unwrap_or_default();
    let r = b.post("/forum/threads", &[("group", &g), ("title", title), ("body", body)]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "{title}");
    location(&r).trim_start_matches("/forum/threads/").parse().unwrap()
}

db_test!(threads_replies_edits_and_unread_markers, |app: TestApp| async move {
    let (ana, _) = app.signed_in("ana@example.org", Role::Member, "Ana Trainer").await;
    let (ben, _) = app.signed_in("ben@example.org", Role::Member, "Ben Lawyer").await;
    let thread = new_thread(
        &ana,
        None,
        "Moving cadets from interrogation to interviewing",
        "How did **Thai cadets** change? <script>alert(1)</script> ![x](https://tracker.example/p.gif)",
    )
    .await;
    let page = ben.page(&format!("/forum/threads/{thread}")).await;
    assert!(page.contains("<strong>Thai cadets</strong>") && page.contains("&lt;script&gt;"));
    assert!(!page.contains("<script>alert") && !page.contains("tracker.example/p.gif\""), "no script, no remote image");

    // Ben quotes and replies; Ana sees one unread post in the list, then none after reading.
    let quoting =
        ben.page(&format!("/forum/threads/{thread}?quote={}", app.scalar_i64("SELECT MIN(id) FROM posts").await)).await;
    assert!(quoting.contains("&gt; [↩](") && quoting.contains("&gt; How did **Thai cadets** change?"));
    assert!(!quoting.contains("&gt; **Ana Trainer**"), "a quote never writes its author's name into the post");
    let r = ben.post(&format!("/forum/threads/{thread}/replies"), &[("body", "The PEACE model, step by step.")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(ana.page("/forum").await.contains("1 new"));
    ana.page(&format!("/forum/threads/{thread}")).await;
    assert!(!ana.page("/forum").await.contains("1 new"));

    // Edits keep their history; others cannot edit.
    let post = app.scalar_i64("SELECT MAX(id) FROM posts").await;
    assert_eq!(ana.get(&format!("/forum/posts/{post}/edit")).await.status(), StatusCode::FORBIDDEN);
    ben.post(&format!("/forum/posts/{post}"), &[("body", "The PEACE model, with examples.")]).await;
    let history = ben.page(&format!("/forum/posts/{post}/history")).await;
    assert!(history.contains("with examples") && history.contains("step by step"));
    // Earlier wording is the author's (and the moderators'), not every reader's.
    assert_eq!(ana.get(&format!("/forum/posts/{post}/history")).await.status(), StatusCode::NOT_FOUND);

    // Bad input is refused and stores nothing.
    let before = app.scalar_i64("SELECT COUNT(*) FROM posts").await;
    for body in ["", "   ", &"x".repeat(20_001)] {
        let r = ben.post(&format!("/forum/threads/{thread}/replies"), &[("body", body)]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let r = ben.post("/forum/threads", &[("group", ""), ("title", ""), ("body", "x")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM posts").await, before);
    // The network forum is for members only.
    assert_eq!(location(&app.browser().get("/forum").await), "/signin?next=%2Fforum");
    assert_eq!(
        location(&app.browser().get(&format!("/forum/threads/{thread}")).await),
        format!("/signin?next=%2Fforum%2Fthreads%2F{thread}")
    );
});

db_test!(group_forums_follow_group_access_and_moderation, |app: TestApp| async move {
    let (mod_, _) = app.signed_in("mod@example.org", Role::Member, "Group Moderator").await;
    let (member, _) = app.signed_in("member@example.org", Role::Member, "Outsider").await;
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Coordinator").await;
    let (risky, risky_id) = app.signed_in("risky@example.org", Role::Member, "Hidden Defender").await;
    app.set_profile(risky_id, "at_risk = TRUE").await;
    let public = app.browser();

    let secret = new_group(&mod_, "Safety circle", "secret", false).await;
    let closed = new_group(&mod_, "NPM practitioners", "closed", false).await;
    let open = new_group(&mod_, "Interviewing", "open", true).await;
    let secret_thread = new_thread(&mod_, Some(secret), "Relocation plans", "Details only for us").await;
    let closed_thread = new_thread(&mod_, Some(closed), "Visit checklist", "Draft checklist").await;
    let open_thread = new_thread(&mod_, Some(open), "Interview guide", "Open to all readers").await;

    // Secret: unknown to outsiders, coordinators and the public alike.
    for b in [&member, &coordinator, &public] {
        assert_eq!(b.get(&format!("/groups/{secret}/forum")).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(b.get(&format!("/forum/threads/{secret_thread}")).await.status(), StatusCode::NOT_FOUND);
    }
    // Closed: members outside are refused; the public must sign in.
    assert_eq!(member.get(&format!("/forum/threads/{closed_thread}")).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(public.get(&format!("/forum/threads/{closed_thread}")).await.status(), StatusCode::NOT_FOUND);
    // Public threads of an open group: anyone reads, only group members post.
    let read_by_public = public.page(&format!("/forum/threads/{open_thread}")).await;
    assert!(read_by_public.contains("Open to all readers"));
    assert!(!read_by_public.contains("Group Moderator"), "anonymous readers do not learn who wrote");
    let r = member.post(&format!("/forum/threads/{open_thread}/replies"), &[("body", "Can I?")]).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let r = member.post("/forum/threads", &[("group", &closed.to_string()), ("title", "t"), ("body", "b")]).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);

    // An at-risk member posts in the public thread: readers see the words, not her name.
    risky.post(&format!("/groups/{open}/join"), &[]).await;
    risky.post(&format!("/forum/threads/{open_thread}/replies"), &[("body", "From the field: it works.")]).await;
    for b in [&public, &member] {
        let page = b.page(&format!("/forum/threads/{open_thread}")).await;
        assert!(
            page.contains("From the field")
                && !page.contains("Hidden Defender")
                && !page.contains(&format!("/members/{risky_id}"))
        );
    }
    assert!(coordinator.page(&format!("/forum/threads/{open_thread}")).await.contains("Hidden Defender"));

    // Report, hide, lock, pin; hidden words disappear for readers at once.
    let post = app.scalar_i64("SELECT MAX(id) FROM posts").await;
    member.post(&format!("/forum/posts/{post}/report"), &[("reason", "Names a place")]).await;
    assert!(mod_.page("/forum/reports").await.contains("Names a place"));
    assert!(!member.page("/forum/reports").await.contains("Names a place"));
    assert!(coordinator.page("/forum/reports").await.contains("Names a place"), "coordinators look after open groups");
    assert_eq!(
        member.post(&format!("/forum/posts/{post}/moderate"), &[("action", "hide")]).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        mod_.post(&format!("/forum/posts/{post}/moderate"), &[("action", "hide")]).await.status(),
        StatusCode::SEE_OTHER
    );
    assert!(!public.page(&format!("/forum/threads/{open_thread}")).await.contains("From the field"));
    assert!(!mod_.page("/forum/reports").await.contains("Names a place"), "acting settles the report");
    mod_.post(&format!("/forum/threads/{open_thread}/moderate"), &[("action", "lock")]).await;
    let r = risky.post(&format!("/forum/threads/{open_thread}/replies"), &[("body", "Still here")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    mod_.post(&format!("/forum/threads/{open_thread}/moderate"), &[("action", "hide")]).await;
    assert_eq!(public.get(&format!("/forum/threads/{open_thread}")).await.status(), StatusCode::NOT_FOUND);

    // Moving is for coordinators, never into a secret group.
    let r = coordinator
        .post(&format!("/forum/threads/{open_thread}/moderate"), &[("action", "move"), ("target", &secret.to_string())])
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = mod_
        .post(&format!("/forum/threads/{open_thread}/moderate"), &[("action", "move"), ("target", "network")])
        .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let r = coordinator
        .post(&format!("/forum/threads/{open_thread}/moderate"), &[("action", "move"), ("target", "network")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.scalar_i64(&format!("SELECT COUNT(*) FROM threads WHERE id = {open_thread} AND group_id IS NULL")).await,
        1
    );
});

db_test!(posting_is_rate_limited_per_member, |app: TestApp| async move {
    let (ana, _) = app.signed_in("ana@example.org", Role::Member, "Ana").await;
    let thread = new_thread(&ana, None, "Many replies", "first").await;
    for i in 1..20 {
        let r = ana.post(&format!("/forum/threads/{thread}/replies"), &[("body", &format!("reply {i}"))]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "reply {i}");
    }
    let r = ana.post(&format!("/forum/threads/{thread}/replies"), &[("body", "one too many")]).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM posts").await, 20);
});

db_test!(public_threads_have_atom_feeds_that_feed_readers_parse, |app: TestApp| async move {
    let (mod_, _) = app.signed_in("mod@example.org", Role::Member, "Feed Moderator").await;
    let open = new_group(&mod_, "Interviewing", "open", true).await;
    let closed = new_group(&mod_, "Closed circle", "closed", false).await;
    let public_thread = new_thread(&mod_, Some(open), "Interview guide <2026>", "Open to **all** readers").await;
    new_thread(&mod_, Some(closed), "Private plans", "not for feeds").await;
    new_thread(&mod_, None, "Network only", "members only").await;

    let public = app.browser();
    let response = public.get("/forum/public.atom").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("application/atom+xml"));
    let xml = response.text().await.unwrap();
    let feed = feed_rs::parser::parse(xml.as_bytes()).expect("a standard parser reads the feed");
    let titles: Vec<String> = feed.entries.iter().filter_map(|e| e.title.as_ref().map(|t| t.content.clone())).collect();
    assert_eq!(titles, vec!["Interview guide <2026>"]);
    let entry = &feed.entries[0];
    assert!(entry.links.iter().any(|l| l.href.ends_with(&format!("/forum/threads/{public_thread}"))));
    assert!(entry.content.as_ref().and_then(|c| c.body.clone()).unwrap_or_default().contains("<strong>all</strong>"));
    assert!(!xml.contains("Feed Moderator"), "no author names in public feeds");

    let group_feed = public.get(&format!("/groups/{open}/forum.atom")).await.text().await.unwrap();
    assert_eq!(feed_rs::parser::parse(group_feed.as_bytes()).unwrap().entries.len(), 1);
    assert_eq!(public.get(&format!("/groups/{closed}/forum.atom")).await.status(), StatusCode::NOT_FOUND);

    // A hidden thread leaves the feed at once.
    mod_.post(&format!("/forum/threads/{public_thread}/moderate"), &[("action", "hide")]).await;
    let xml = public.get("/forum/public.atom").await.text().await.unwrap();
    assert_eq!(feed_rs::parser::parse(xml.as_bytes()).unwrap().entries.len(), 0);
});

/// POST a file to a post's attachments, as the thread page's form does (CSRF token first).
pub(crate) async fn attach(b: &Browser, post: i64, name: &str, bytes: Vec<u8>) -> reqwest::Response {
    let token = b.csrf().await;
    let form = reqwest::multipart::Form::new()
        .text("csrf", token)
        .part("file", reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()));
    b.client.post(b.url(&format!("/forum/posts/{post}/attachments"))).multipart(form).send().await.unwrap()
}

db_test!(attachments_follow_their_post, |app: TestApp| async move {
    let (ana, _) = app.signed_in("ana@example.org", Role::Member, "Ana Trainer").await;
    let (ben, ben_id) = app.signed_in("ben@example.org", Role::Member, "Ben Lawyer").await;
    let (outsider, _) = app.signed_in("out@example.org", Role::Member, "Olga Outside").await;
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Cora").await;
    let secret = new_group(&ana, "Safe house monitors", "secret", false).await;
    ana.post(&format!("/groups/{secret}/invite"), &[("user", &ben_id.to_string())]).await;
    ben.post(&format!("/groups/{secret}/join"), &[]).await;
    let thread = new_thread(&ana, Some(secret), "Visit checklist", "The checklist is attached.").await;
    let post = app.scalar_i64(&format!("SELECT MIN(id) FROM posts WHERE thread_id = {thread}")).await;
    let pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n".to_vec();

    // Bad files are refused and nothing is kept; only the author attaches.
    let r = attach(&ana, post, "checklist.pdf", b"<html><script>alert(1)</script></html>".to_vec()).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = attach(&ben, post, "checklist.pdf", pdf.clone()).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM post_attachments").await, 0);
    let r = attach(&ana, post, "checklist.pdf", pdf.clone()).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let page = ben.page(&format!("/forum/threads/{thread}")).await.replace("&#x2f;", "/");
    let start = page.find("/forum/attachments/").expect("the file is listed");
    let link = page[start..start + page[start..].find('"').unwrap()].to_string();
    assert!(page.contains("checklist.pdf"));

    // Members of the group download it, with safe headers; nobody else learns it exists.
    let r = ben.get(&link).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    assert!(r.headers()["content-disposition"].to_str().unwrap().starts_with("attachment"));
    assert_eq!(r.bytes().await.unwrap().as_ref(), pdf.as_slice());
    assert_eq!(outsider.get(&link).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(coordinator.get(&link).await.status(), StatusCode::NOT_FOUND);
    assert!(
        location(&app.browser().get(&link).await).is_empty()
            || app.browser().get(&link).await.status() != StatusCode::OK
    );
    assert_eq!(app.browser().get(&link).await.status(), StatusCode::NOT_FOUND);

    // A hidden post takes its files with it, except for moderators.
    let r = ana.post(&format!("/forum/posts/{post}/moderate"), &[("action", "hide")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(ben.get(&link).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(ana.get(&link).await.status(), StatusCode::OK);
});
