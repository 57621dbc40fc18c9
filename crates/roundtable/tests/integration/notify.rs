//! Notifications: mentions, replies, group requests; the centre and its counts; mail at once
//! or in digests as each member chooses, one-click unsubscribe; the private feed of one's
//! groups; and that nothing leaks from where the member may not read.

use reqwest::StatusCode;
use roundtable::config::Config;
use roundtable::vocab::Role;

use crate::common::{location, Backend, Browser, TestApp};
use crate::db_test;
use crate::smtp::SmtpSink;

async fn new_thread(b: &Browser, group: Option<i64>, title: &str, body: &str) -> i64 {
    let g = group.map(|g| g.to_string()).unwrap_or_default();
    let r = b.post("/forum/threads", &[("group", &g), ("title", title), ("body", body)]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "{title}");
    location(&r).trim_start_matches("/forum/threads/").parse().unwrap()
}

async fn new_group(b: &Browser, name: &str, access: &str) -> i64 {
    let r = b.post("/groups", &[("name", name), ("kind", "working_group"), ("access", access)]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    location(&r).trim_start_matches("/groups/").split('?').next().unwrap().parse().unwrap()
}

/// The unread badge in the page header.
async fn badge(b: &Browser) -> Option<String> {
    let html = b.page("/forum").await;
    let start = html.find("href=\"/notifications\"")?;
    let rest = &html[start..];
    let badge = rest.find("<span class=\"badge new\">")?;
    if badge > rest.find("</a>")? {
        return None;
    }
    let text = &rest[badge + "<span class=\"badge new\">".len()..];
    Some(text[..text.find('<').unwrap()].to_string())
}

fn config() -> Config {
    Config::defaults(std::path::Path::new("/nonexistent"))
}

/// The rule for notifications, as the application composes it.
fn visible() -> roundtable::notify::Visible {
    roundtable::notify::Visible(roundtable::rules::notice_filter().into())
}

const DAY_MS: i64 = 86_400_000;

fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64
}

db_test!(mentions_notify_at_once_and_vanish_with_what_they_point_to, |app: TestApp| async move {
    let (ana, _) = app.signed_in("ana@example.org", Role::Member, "Ana Trainer").await;
    let (ben, ben_id) = app.signed_in("ben@example.org", Role::Member, "Ben Lawyer").await;
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Cora").await;
    app.exec(&format!("UPDATE users SET locale = 'th' WHERE id = {ben_id}")).await;
    assert_eq!(badge(&ben).await, None);

    // An email address is not a mention; a name after @ is, in any case.
    let thread = new_thread(
        &ana,
        None,
        "Interview checklists",
        "Write to ana@example.org, or ask @ben lawyer: he drafted the checklist.",
    )
    .await;
    assert_eq!(badge(&ben).await.as_deref(), Some("1"));
    let list = ben.page("/notifications").await.replace("&#x2f;", "/");
    assert!(list.contains("Ana Trainer mentioned you in “Interview checklists”"), "{list}");
    assert!(list.contains(&format!("/forum/threads/{thread}?post=")));

    // The mail went at once, in Ben's language, naming no one and quoting nothing, with a
    // one-click unsubscribe.
    let kinds = app.strings("SELECT kind FROM outbox WHERE to_addr = 'ben@example.org'").await;
    assert_eq!(kinds, vec!["notify_mention"]);
    let body = &app.mails_to("ben@example.org").await[0];
    assert!(body.contains("มีคนกล่าวถึงคุณ") && body.contains(&format!("/forum/threads/{thread}")), "{body}");
    assert!(!body.contains("Ana") && !body.contains("checklist"), "{body}");
    let unsubscribe = app.strings("SELECT unsubscribe_url FROM outbox WHERE to_addr = 'ben@example.org'").await;
    assert!(unsubscribe[0].contains("/unsubscribe/") && unsubscribe[0].contains("/mention/"));
    assert!(body.contains(&unsubscribe[0]));
    // Nobody else was told anything, and the author is not told of their own post.
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM notifications").await, 1);

    // Opening the thread reads the notification.
    ben.page(&format!("/forum/threads/{thread}")).await;
    assert_eq!(badge(&ben).await, None);

    // A reply: Ana follows her thread, so she is told (by digest, the default for replies).
    let r = ben.post(&format!("/forum/threads/{thread}/replies"), &[("body", "Attached, @Ana Trainer.")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // Mentioned in the reply, she gets the mention rather than a reply notice as well.
    let ana_kinds = app
        .strings(
            "SELECT n.kind FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = 'ana@example.org'",
        )
        .await;
    assert_eq!(ana_kinds, vec!["mention"]);
    let r = coordinator.post(&format!("/forum/threads/{thread}/replies"), &[("body", "Thanks both.")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(ana.page("/notifications").await.contains("Cora replied in “Interview checklists”"));
    assert_eq!(badge(&ana).await.as_deref(), Some("2"));

    // A moderator hides the post that mentioned Ana: her notification goes with it, count too.
    let post: i64 = app
        .scalar_i64(
            "SELECT MAX(p.id) FROM posts p JOIN users u ON u.id = p.author_id WHERE u.email = 'ben@example.org'",
        )
        .await;
    let r = coordinator.post(&format!("/forum/posts/{post}/moderate"), &[("action", "hide")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(badge(&ana).await.as_deref(), Some("1"));
    assert!(!ana.page("/notifications").await.contains("mentioned you"));

    // Mark all read.
    let r = ana.post("/notifications/read", &[]).await;
    assert_eq!(location(&r), "/notifications");
    assert_eq!(badge(&ana).await, None);
    // Someone signed out has no notifications page.
    let r = app.browser().get("/notifications").await;
    assert!(location(&r).starts_with("/signin"));
});

db_test!(secret_groups_never_leak_through_notifications, |app: TestApp| async move {
    let (ana, _) = app.signed_in("ana@example.org", Role::Member, "Ana Trainer").await;
    let (ben, ben_id) = app.signed_in("ben@example.org", Role::Member, "Ben Lawyer").await;
    let (outsider, _) = app.signed_in("out@example.org", Role::Member, "Olga Outside").await;
    let group = new_group(&ana, "Safe house monitors", "secret").await;
    let r = ana.post(&format!("/groups/{group}/invite"), &[("user", &ben_id.to_string())]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // Ben is told of the invitation (group notices go in the daily digest by default).
    assert!(ben.page("/notifications").await.contains("Ana Trainer invited you to join Safe house monitors"));
    let r = ben.post(&format!("/groups/{group}/join"), &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    // Mentioning someone outside the secret group tells them nothing.
    let thread = new_thread(&ana, Some(group), "Visit schedule", "@Olga Outside and @Ben Lawyer, see the plan.").await;
    assert_eq!(badge(&outsider).await, None);
    assert!(!outsider.page("/notifications").await.contains("Visit schedule"));
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM notifications WHERE kind = 'mention'").await, 1);
    assert!(app.mails_to("out@example.org").await.is_empty());

    // Ben follows by replying; after he leaves the group, a new reply is not shown to him,
    // and what he was told before stops showing (and counting) too.
    let r = ben.post(&format!("/forum/threads/{thread}/replies"), &[("body", "Noted.")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(ben.page("/notifications").await.contains("Visit schedule"));
    let r = ben.post(&format!("/groups/{group}/leave"), &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = ana.post(&format!("/forum/threads/{thread}/replies"), &[("body", "Updated plan.")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let page = ben.page("/notifications").await;
    assert!(!page.contains("Visit schedule") && !page.contains("Safe house"), "{page}");
    assert_eq!(badge(&ben).await, None);
    // Nor does a digest mention any of it.
    roundtable::notify::send_digests(&app.db, &config(), &visible(), now_ms() + 2 * DAY_MS).await.unwrap();
    let kinds = app.strings("SELECT kind FROM outbox WHERE to_addr = 'ben@example.org'").await;
    assert_eq!(kinds, vec!["notify_mention"]);
});

db_test!(digests_preferences_and_one_click_unsubscribe, |app: TestApp| async move {
    let (ana, _) = app.signed_in("ana@example.org", Role::Member, "Ana Trainer").await;
    let (ben, ben_id) = app.signed_in("ben@example.org", Role::Member, "Ben Lawyer").await;
    app.exec(&format!("UPDATE users SET locale = 'ms' WHERE id = {ben_id}")).await;
    let thread = new_thread(&ben, None, "Custody registers", "How do you keep them?").await;
    for n in 0..3 {
        let r = ana.post(&format!("/forum/threads/{thread}/replies"), &[("body", &format!("Answer {n}"))]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
    }
    // Replies wait for the daily digest: no mail yet, and none before a day has passed.
    assert!(app.mails_to("ben@example.org").await.is_empty());
    let db = &app.db;
    assert_eq!(roundtable::notify::send_digests(db, &config(), &visible(), now_ms()).await.unwrap(), 0);
    assert_eq!(roundtable::notify::send_digests(db, &config(), &visible(), now_ms() + DAY_MS + 1000).await.unwrap(), 1);
    let subjects =
        app.strings("SELECT subject FROM outbox WHERE to_addr = 'ben@example.org' AND kind = 'digest'").await;
    assert_eq!(subjects, vec!["Ringkasan harian Roundtable anda: 3 pemberitahuan baharu"]);
    let digest = &app.mails_to("ben@example.org").await[0];
    assert!(digest.contains("3 balasan baharu") && digest.contains("/notifications"), "{digest}");
    // Sent once: the next pass has nothing to send.
    assert_eq!(roundtable::notify::send_digests(db, &config(), &visible(), now_ms() + DAY_MS + 2000).await.unwrap(), 0);

    // Bad settings are refused and change nothing.
    let r = ben.post("/notifications/settings", &[("mention", "hourly"), ("reply", "immediate")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM notification_settings").await, 0);
    // Ben wants replies at once.
    let settings = [
        ("mention", "immediate"),
        ("reply", "immediate"),
        ("group", "weekly"),
        ("introduction", "never"),
        ("question", "daily"),
        ("event", "immediate"),
        ("message", "daily"),
        ("initiative", "weekly"),
    ];
    let r = ben.post("/notifications/settings", &settings).await;
    assert_eq!(location(&r), "/notifications/settings?done=saved");
    let page = ben.page("/notifications/settings?done=saved").await;
    assert!(page.contains("value=\"weekly\" checked") && page.contains("Your notification settings are saved."));
    let r = ana.post(&format!("/forum/threads/{thread}/replies"), &[("body", "One more")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let kinds = app.strings("SELECT kind FROM outbox WHERE to_addr = 'ben@example.org' ORDER BY id").await;
    assert_eq!(kinds, vec!["digest", "notify_reply"]);

    // One click from the mail turns replies off, without a session or a form token; a
    // mail scanner opening the link changes nothing.
    let url = app.strings("SELECT unsubscribe_url FROM outbox WHERE kind = 'notify_reply'").await.remove(0);
    let path = &url[url.find("/unsubscribe/").unwrap()..];
    let stranger = app.browser();
    assert_eq!(stranger.get(path).await.status(), StatusCode::OK);
    assert_eq!(app.strings("SELECT delivery FROM notification_settings WHERE kind = 'reply'").await, vec!["immediate"]);
    let r = stranger
        .client
        .post(stranger.url(path))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(app.strings("SELECT delivery FROM notification_settings WHERE kind = 'reply'").await, vec!["never"]);
    // A made-up token or kind is not found.
    assert_eq!(stranger.get(&format!("/unsubscribe/{ben_id}/reply/nope")).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(stranger.get(&path.replace("/reply/", "/everything/")).await.status(), StatusCode::NOT_FOUND);
    // The address of one kind cannot stop another.
    let other_kind = path.replace("/reply/", "/mention/");
    assert_eq!(stranger.client.post(stranger.url(&other_kind)).send().await.unwrap().status(), StatusCode::NOT_FOUND);
    assert_eq!(
        app.strings("SELECT delivery FROM notification_settings WHERE kind = 'mention'").await,
        vec!["immediate"]
    );
    let r = ana.post(&format!("/forum/threads/{thread}/replies"), &[("body", "Last one")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM outbox WHERE to_addr = 'ben@example.org'").await, 2);
    // Still in the centre.
    assert!(ben.page("/notifications").await.contains("Ana Trainer replied in “Custody registers”"));
});

db_test!(group_requests_reach_moderators_and_answers_reach_members, |app: TestApp| async move {
    let (ana, _) = app.signed_in("ana@example.org", Role::Member, "Ana Trainer").await;
    let (ben, ben_id) = app.signed_in("ben@example.org", Role::Member, "Ben Lawyer").await;
    let group = new_group(&ana, "Istanbul Protocol readers", "closed").await;
    let r = ben.post(&format!("/groups/{group}/join"), &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(ana.page("/notifications").await.contains("Ben Lawyer asks to join Istanbul Protocol readers"));
    assert_eq!(badge(&ana).await.as_deref(), Some("1"));
    // The group page is where the request is answered; seeing it reads the notice.
    ana.page(&format!("/groups/{group}")).await;
    assert_eq!(badge(&ana).await, None);
    let r = ana.post(&format!("/groups/{group}/members/{ben_id}"), &[("action", "approve")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(ben.page("/notifications").await.contains("You are now a member of Istanbul Protocol readers"));
});

db_test!(private_group_feeds_by_revocable_token, |app: TestApp| async move {
    let (ana, _) = app.signed_in("ana@example.org", Role::Member, "Ana Trainer").await;
    let (ben, _) = app.signed_in("ben@example.org", Role::Member, "Ben Lawyer").await;
    let closed = new_group(&ana, "Custody lawyers", "closed").await;
    let secret = new_group(&ana, "Safe house monitors", "secret").await;
    new_thread(&ana, Some(closed), "Visit schedule", "Next visit on Monday.").await;
    new_thread(&ana, Some(secret), "Safe house list", "Not for any feed reader.").await;
    new_thread(&ana, None, "Network news", "Hello all").await;

    let r = ana.post("/notifications/feed", &[]).await;
    assert_eq!(r.status(), StatusCode::OK);
    let page = r.text().await.unwrap().replace("&#x2f;", "/");
    let start = page.find("/feeds/").expect("the address is shown once");
    let token_path = &page[start..start + page[start..].find('"').unwrap()];
    assert!(token_path.ends_with(".atom"));
    // Only a hash is kept.
    let token = token_path.trim_start_matches("/feeds/").trim_end_matches(".atom");
    assert!(app.strings("SELECT token_hash FROM feed_tokens").await.iter().all(|h| h != token && h.len() == 64));
    assert!(!ana.page("/notifications/settings").await.contains(token));

    // A feed reader without a session reads it; a standard parser understands it.
    let reader = app.browser();
    let r = reader.get(token_path).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers()["content-type"].to_str().unwrap().starts_with("application/atom+xml"));
    let feed = feed_rs::parser::parse(r.bytes().await.unwrap().as_ref()).unwrap();
    let titles: Vec<String> = feed.entries.iter().map(|e| e.title.clone().unwrap().content).collect();
    // The groups' threads, but never a secret group's: feed readers are services elsewhere.
    assert_eq!(titles, vec!["Visit schedule · Custody lawyers"]);
    assert!(!feed.id.contains(token));

    // Ben's own feed has nothing of a group he is not in.
    let page = ben.post("/notifications/feed", &[]).await.text().await.unwrap().replace("&#x2f;", "/");
    let start = page.find("/feeds/").unwrap();
    let ben_path = page[start..start + page[start..].find('"').unwrap()].to_string();
    let body = reader.get(&ben_path).await.text().await.unwrap();
    assert!(!body.contains("Visit schedule") && !body.contains("Custody lawyers"));

    // A new address ends the old one; revoking ends it too.
    let page = ana.post("/notifications/feed", &[]).await.text().await.unwrap().replace("&#x2f;", "/");
    assert_eq!(reader.get(token_path).await.status(), StatusCode::NOT_FOUND);
    let start = page.find("/feeds/").unwrap();
    let second = page[start..start + page[start..].find('"').unwrap()].to_string();
    assert_eq!(reader.get(&second).await.status(), StatusCode::OK);
    let r = ana.post("/notifications/feed/revoke", &[]).await;
    assert_eq!(location(&r), "/notifications/settings?done=revoked");
    assert_eq!(reader.get(&second).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(reader.get("/feeds/made-up.atom").await.status(), StatusCode::NOT_FOUND);
});

/// A mention's mail crosses a real SMTP connection with both parts and the one-click
/// unsubscribe headers (RFC 8058), in the member's language.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mention_mail_is_delivered_with_unsubscribe_headers() {
    let sink = SmtpSink::start().await;
    let app = TestApp::spawn_with(Backend::Sqlite, |c| c.smtp_url = Some(sink.url.clone())).await;
    let (ana, _) = app.signed_in("ana@example.org", Role::Member, "Ana Trainer").await;
    let (_, ben_id) = app.signed_in("ben@example.org", Role::Member, "Ben Lawyer").await;
    app.exec(&format!("UPDATE users SET locale = 'fil' WHERE id = {ben_id}")).await;
    new_thread(&ana, None, "Checklists", "@Ben Lawyer, please look.").await;
    let mail = sink.wait_for(1).await.remove(0);
    assert_eq!(mail.to, vec!["ben@example.org"]);
    let data = mail.data;
    assert!(data.contains("List-Unsubscribe: <http") && data.contains("/mention/"), "{data}");
    assert!(data.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    assert!(data.contains("text/plain") && data.contains("text/html"));
}

/// Mail reaches a real SMTP server rendered in each member's language: a standard MIME
/// parser reads the subject, the plain-text part and the HTML part, with the link in both.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mail_is_delivered_and_rendered_in_each_language() {
    let sink = SmtpSink::start().await;
    let app = TestApp::spawn_with(Backend::Sqlite, |c| c.smtp_url = Some(sink.url.clone())).await;
    let (ana, _) = app.signed_in("ana@example.org", Role::Member, "Ana Trainer").await;
    let expected = [
        ("en", "You were mentioned on Roundtable", "Someone mentioned you in a discussion"),
        ("th", "มีคนกล่าวถึงคุณใน Roundtable", "มีคนกล่าวถึงคุณในการสนทนา"),
        ("ms", "Anda disebut di Roundtable", "Seseorang menyebut anda dalam satu perbincangan"),
        ("fil", "Binanggit ka sa Roundtable", "May bumanggit sa iyo sa isang talakayan"),
    ];
    let mut names = Vec::new();
    for (locale, _, _) in expected {
        let name = format!("Reader {locale}");
        let id = app.create_user(&format!("{locale}@example.org"), Role::Member, &name).await;
        app.exec(&format!("UPDATE users SET locale = '{locale}' WHERE id = {id}")).await;
        names.push(format!("@{name}"));
    }
    let thread = new_thread(&ana, None, "Checklists", &format!("{} please look.", names.join(", "))).await;
    let mails = sink.wait_for(4).await;
    for (locale, subject, line) in expected {
        let mail = mails.iter().find(|m| m.to == vec![format!("{locale}@example.org")]).expect(locale);
        let message = mail_parser::MessageParser::default().parse(mail.data.as_bytes()).expect("a MIME message");
        assert_eq!(message.subject(), Some(subject), "{locale}");
        let text = message.body_text(0).expect("a plain-text part");
        let html = message.body_html(0).expect("an HTML part");
        assert!(text.contains(line) && text.contains(&format!("/forum/threads/{thread}")), "{locale}: {text}");
        assert!(html.contains(&format!("/forum/threads/{thread}")) && html.contains("<a href="), "{locale}: {html}");
        assert!(!text.contains("Ana") && !text.contains("Checklists"), "mail names no one and quotes nothing");
    }
}
