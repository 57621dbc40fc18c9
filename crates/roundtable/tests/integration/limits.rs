//! Per-member limits on what a member may write in a window: reports, endorsements, ties,
//! answers, announcements, invitations to the network, to groups and to events, events,
//! registrations, questions, requests to join groups, photos, passkey requests and health
//! snapshots; per-address ones on visitors' registrations and password-reset mails; and
//! caps on what one may hold at once (passkeys among them). Each refuses past its limit
//! with a message, writes nothing, and allows again once the window moves on (or, for a
//! cap, once one is gone). What came before is set up directly in the database, as the
//! count reads it.

use std::future::Future;

use reqwest::{Response, StatusCode};
use roundtable::vocab::Role;
use roundtable::web::limits::Logged;

use crate::common::{Browser, TestApp, PASSWORD};
use crate::db_test;

const HOUR: i64 = 3_600_000;
const DAY: i64 = 86_400_000;

fn burst(c: &mut roundtable::config::Config) {
    c.rate_limit_burst = 100_000;
}

/// Posts `form` to `path`: refused at the limit (nothing written, as `count` shows), then
/// allowed once the clock has moved on by `window`.
async fn refused_then_allowed(
    app: &TestApp,
    (b, email): (&Browser, &str),
    path: &str,
    form: &[(&str, &str)],
    count: &str,
    window: i64,
) {
    refused_then_allowed_by(app, (b, Some(email)), path, || b.post(path, form), count, window).await;
}

/// [`refused_then_allowed`] for the write `send` makes, `what` by name, from `b` signed in
/// as `email` (or a visitor's).
async fn refused_then_allowed_by<F: Future<Output = Response>>(
    app: &TestApp,
    (b, email): (&Browser, Option<&str>),
    what: &str,
    send: impl Fn() -> F,
    count: &str,
    window: i64,
) {
    // Earlier limits moved the clock on by days: the member signs in afresh.
    if let Some(email) = email {
        b.sign_in(email, PASSWORD).await;
    }
    let before = app.scalar_i64(count).await;
    let r = send().await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS, "{what}");
    assert!(r.text().await.unwrap().contains("Please"), "a message says when to try again");
    assert_eq!(app.scalar_i64(count).await, before, "{what}: nothing written");
    app.clock.advance(window + 60_000);
    // A day idle ends the session too: the member signs in again.
    if let Some(email) = email {
        b.sign_in(email, PASSWORD).await;
    }
    let r = send().await;
    assert!(r.status().is_redirection() || r.status() == StatusCode::OK, "{what} after the window: {}", r.status());
    assert_eq!(app.scalar_i64(count).await, before + 1, "{what}: written once allowed");
}

/// Sends the write `send` makes at a cap: refused with 422 and a message that `says` the
/// cap (nothing written, as `count` shows), then allowed once `free` (SQL) has taken one
/// away. Returns the answer once allowed.
async fn refused_until_one_goes<F: Future<Output = Response>>(
    app: &TestApp,
    what: &str,
    send: impl Fn() -> F,
    (count, free): (&str, &str),
    says: &str,
) -> Response {
    let before = app.scalar_i64(count).await;
    let r = send().await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{what}");
    let text = r.text().await.unwrap();
    assert!(text.contains(says), "{what}: {says:?} in {text}");
    assert_eq!(app.scalar_i64(count).await, before, "{what}: nothing written");
    app.exec(free).await;
    let freed = app.scalar_i64(count).await;
    let r = send().await;
    assert!(r.status().is_redirection() || r.status() == StatusCode::OK, "{what} once one went: {}", r.status());
    assert_eq!(app.scalar_i64(count).await, freed + 1, "{what}: written once allowed");
    r
}

/// Brings `user` to `limit`: entries in the log of writes that leave no row, up to as many
/// as it allows in its window.
async fn logged_up_to(app: &TestApp, limit: &Logged, user: i64) {
    let (action, now) = (limit.action, app.clock.now_ms());
    let since = now - limit.window_ms;
    let sql = format!("SELECT COUNT(*) FROM limit_log WHERE action = '{action}' AND user_id = {user} AND at > {since}");
    for _ in app.scalar_i64(&sql).await..limit.max {
        app.exec(&format!("INSERT INTO limit_log (action, user_id, at) VALUES ('{action}', {user}, {now})")).await;
    }
}

/// `n` members more, for a test to write to and about.
async fn members(app: &TestApp, n: usize) -> Vec<i64> {
    let mut ids = Vec::new();
    for i in 0..n {
        ids.push(app.create_user(&format!("o{i}@example.org"), Role::Member, &format!("Other {i}")).await);
    }
    ids
}

/// `n` events made by `by` just now, as the count of events made reads them.
async fn events_by(app: &TestApp, by: i64, n: usize) -> Vec<i64> {
    let now = app.clock.now_ms();
    let (starts, ends) = (now + 30 * DAY, now + 30 * DAY + HOUR);
    let mut ids = Vec::new();
    for i in 0..n {
        let id = roundtable::db::secret_id();
        app.exec(&format!(
            "INSERT INTO events (id, kind, title, mode, country, time_zone, starts_at, ends_at, visibility, \
             created_by, created_at, updated_at) VALUES ({id}, 'seminar', 'e{i}', 'online', 'TH', 'Asia/Bangkok', \
             {starts}, {ends}, 'members', {by}, {now}, {now})"
        ))
        .await;
        ids.push(id);
    }
    ids
}

db_test!(
    writes_have_per_member_limits,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (cora, cora_id) = app.signed_in("cora@example.org", Role::Coordinator, "Cora").await;
        let (mia, mia_id) = app.signed_in("mia@example.org", Role::Member, "Mia").await;
        let (exp, exp_id) = app.signed_in("eve@example.org", Role::Member, "Eve Expert").await;
        let others = members(&app, 5).await;
        let now = app.clock.now_ms();

        // Reports: 20 a day.
        let thread = crate::forums::new_thread(&cora, None, "A thread", "First post").await;
        for i in 0..20 {
            let post = roundtable::db::secret_id();
            app.exec(&format!("INSERT INTO posts (id, thread_id, author_id, body, body_html, created_at) VALUES ({post}, {thread}, {cora_id}, 'p{i}', 'p{i}', {now})")).await;
            app.exec(&format!("INSERT INTO post_reports (post_id, reporter_id, reason, created_at) VALUES ({post}, {mia_id}, 'x', {now})")).await;
        }
        let first = app
            .scalar_i64(&format!("SELECT MIN(id) FROM posts WHERE thread_id = {thread} AND body = 'First post'"))
            .await;
        let count = format!("SELECT COUNT(*) FROM post_reports WHERE reporter_id = {mia_id}");
        refused_then_allowed(
            &app,
            (&mia, "mia@example.org"),
            &format!("/forum/posts/{first}/report"),
            &[("reason", "off topic")],
            &count,
            DAY,
        )
        .await;

        // Endorsements: 30 a day.
        let now = app.clock.now_ms();
        for i in 0..30 {
            app.exec(&format!("INSERT INTO endorsements (endorser_id, member_id, area, created_at) VALUES ({mia_id}, {}, 'area{i}', {now})", others[0])).await;
        }
        app.exec(&format!(
            "INSERT INTO profile_expertise (user_id, area) VALUES ({}, 'detention_monitoring')",
            others[1]
        ))
        .await;
        let count = format!("SELECT COUNT(*) FROM endorsements WHERE endorser_id = {mia_id}");
        let path = format!("/members/{}/endorsements", others[1]);
        refused_then_allowed(
            &app,
            (&mia, "mia@example.org"),
            &path,
            &[("area", "detention_monitoring"), ("action", "add")],
            &count,
            DAY,
        )
        .await;

        // Ties: 50 a day for a member.
        let now = app.clock.now_ms();
        let people: Vec<i64> = [cora_id, exp_id].into_iter().chain(others.iter().copied()).collect();
        let mut n = 0;
        'ties: for (i, a) in people.iter().enumerate() {
            for b in &people[i + 1..] {
                for kind in ["knows", "worked_together", "trained_or_mentored", "co_organised"] {
                    let (x, y) = ((*a).min(*b), (*a).max(*b));
                    app.exec(&format!("INSERT INTO ties (a_id, b_id, kind, recorded_by, created_at) VALUES ({x}, {y}, '{kind}', {mia_id}, {now})")).await;
                    n += 1;
                    if n == 50 {
                        break 'ties;
                    }
                }
            }
        }
        let count = format!("SELECT COUNT(*) FROM ties WHERE recorded_by = {mia_id}");
        let other = others[4].to_string();
        let form = [("member", ""), ("other", other.as_str()), ("kind", "knows")];
        let mia_s = mia_id.to_string();
        let form: Vec<(&str, &str)> =
            form.iter().map(|(k, v)| if *k == "member" { (*k, mia_s.as_str()) } else { (*k, *v) }).collect();
        refused_then_allowed(&app, (&mia, "mia@example.org"), "/network/ties", &form, &count, DAY).await;

        // Answers: 20 in ten minutes.
        let now = app.clock.now_ms();
        let question = roundtable::db::secret_id();
        app.exec(&format!("INSERT INTO questions (id, asker_id, area, lang, title, body, body_html, created_at) VALUES ({question}, {mia_id}, 'detention_monitoring', 'en', 'Q', 'B', 'B', {now})")).await;
        app.exec(&format!(
            "INSERT INTO question_experts (question_id, expert_id, created_at) VALUES ({question}, {exp_id}, {now})"
        ))
        .await;
        for i in 0..20 {
            app.exec(&format!("INSERT INTO answers (question_id, author_id, body, body_html, created_at) VALUES ({question}, {exp_id}, 'a{i}', 'a{i}', {now})")).await;
        }
        let count = format!("SELECT COUNT(*) FROM answers WHERE author_id = {exp_id}");
        refused_then_allowed(
            &app,
            (&exp, "eve@example.org"),
            &format!("/questions/{question}/answers"),
            &[("body", "Visit at night too.")],
            &count,
            10 * 60_000,
        )
        .await;

        // Network invitations: 50 a day per coordinator (the clock moved: sign in again).
        let (cora, _) = (app.browser(), ());
        cora.sign_in("cora@example.org", PASSWORD).await;
        let now = app.clock.now_ms();
        for i in 0..50 {
            app.exec(&format!("INSERT INTO invitations (email, role, token_hash, invited_by, created_at, expires_at) VALUES ('i{i}@example.org', 'member', 'h{i}', {cora_id}, {now}, {})", now + DAY)).await;
        }
        let count = format!("SELECT COUNT(*) FROM invitations WHERE invited_by = {cora_id}");
        refused_then_allowed(
            &app,
            (&cora, "cora@example.org"),
            "/invitations",
            &[("email", "late@example.org"), ("role", "member"), ("locale", "en")],
            &count,
            DAY,
        )
        .await;

        // Invitations into groups: 50 a day per moderator.
        let (moe, moe_id) = app.signed_in("moe@example.org", Role::Member, "Moe").await;
        let group = crate::forums::new_group(&moe, "Monitors", "closed", false).await;
        let now = app.clock.now_ms();
        for g in 0..10 {
            let gid = roundtable::db::secret_id();
            app.exec(&format!("INSERT INTO network_groups (id, name, kind, access, created_by, created_at, updated_at) VALUES ({gid}, 'g{g}', 'working_group', 'closed', {moe_id}, {now}, {now})")).await;
            for u in &others {
                app.exec(&format!("INSERT INTO group_members (group_id, user_id, role, status, added_by, created_at) VALUES ({gid}, {u}, 'member', 'invited', {moe_id}, {now})")).await;
            }
        }
        let count = format!("SELECT COUNT(*) FROM group_members WHERE added_by = {moe_id} AND user_id <> {moe_id}");
        let invitee = mia_id.to_string();
        refused_then_allowed(
            &app,
            (&moe, "moe@example.org"),
            &format!("/groups/{group}/invite"),
            &[("user", invitee.as_str())],
            &count,
            DAY,
        )
        .await;

        // Announcements: 5 a day.
        let (cora, _) = (app.browser(), ());
        cora.sign_in("cora@example.org", PASSWORD).await;
        let now = app.clock.now_ms();
        for i in 0..5 {
            app.exec(&format!("INSERT INTO announcements (author_id, lang, title, body, body_html, ends_at, created_at) VALUES ({cora_id}, 'en', 't{i}', 'b', 'b', {}, {now})", now + DAY)).await;
        }
        let ends = chrono::DateTime::from_timestamp_millis(app.clock.now_ms() + 3 * DAY)
            .unwrap()
            .format("%Y-%m-%d")
            .to_string();
        let form =
            [("audience", "network"), ("lang", "en"), ("title", "News"), ("body", "Text"), ("ends", ends.as_str())];
        let count = format!("SELECT COUNT(*) FROM announcements WHERE author_id = {cora_id}");
        refused_then_allowed(&app, (&cora, "cora@example.org"), "/announcements", &form, &count, DAY).await;
    }
);

db_test!(events_have_per_member_limits, config = burst, |app: TestApp| async move {
    let (cora, _) = app.signed_in("cora@example.org", Role::Coordinator, "Cora").await;
    let (eve, eve_id) = app.signed_in("eve@example.org", Role::Member, "Eve").await;
    let (mia, mia_id) = app.signed_in("mia@example.org", Role::Member, "Mia").await;
    let others = members(&app, 5).await;
    let (starts, ends) = (crate::events::local(30, 9), crate::events::local(30, 12));
    let when = [("starts", starts.as_str()), ("ends", ends.as_str())];
    let form = crate::events::event_form("Monthly webinar", "members", &when);
    let template = crate::events::create(&eve, &form).await;

    // Events: 20 a day, the one above among them.
    let made = format!("SELECT COUNT(*) FROM events WHERE created_by = {eve_id}");
    let mut filler = events_by(&app, eve_id, 19).await;
    refused_then_allowed(&app, (&eve, "eve@example.org"), "/events", &form, &made, DAY).await;

    // A repeat is refused at the limit too; once allowed, its occurrences count.
    filler.extend(events_by(&app, eve_id, 19).await);
    let repeat = [("frequency", "weekly"), ("end", "count"), ("count", "2")];
    let path = format!("/events/{template}/repeat");
    refused_then_allowed(&app, (&eve, "eve@example.org"), &path, &repeat, &made, DAY).await;
    filler.extend(events_by(&app, eve_id, 19).await);
    let r = eve.post("/events", &form).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS, "the occurrence is one of the day's 20");

    // Invitations to events: 100 a day.
    let now = app.clock.now_ms();
    for event in &filler[..20] {
        for user in &others {
            app.exec(&format!("INSERT INTO event_invitations (event_id, user_id, invited_by, created_at) VALUES ({event}, {user}, {eve_id}, {now})")).await;
        }
    }
    let invited = format!("SELECT COUNT(*) FROM event_invitations WHERE invited_by = {eve_id}");
    let path = format!("/events/{template}/invitations");
    let mia_s = mia_id.to_string();
    refused_then_allowed(&app, (&eve, "eve@example.org"), &path, &[("user", &mia_s)], &invited, DAY).await;

    // Registrations and cancellations: 30 a day, a cancellation leaving nothing to count.
    logged_up_to(&app, &roundtable::events::registration::CHANGES, mia_id).await;
    let registered = format!("SELECT COUNT(*) FROM event_registrations WHERE user_id = {mia_id}");
    let path = format!("/events/{template}/rsvp");
    refused_then_allowed(&app, (&mia, "mia@example.org"), &path, &[], &registered, DAY).await;
    logged_up_to(&app, &roundtable::events::registration::CHANGES, mia_id).await;
    let cancelled =
        format!("SELECT COUNT(*) FROM event_registrations WHERE user_id = {mia_id} AND status = 'cancelled'");
    let path = format!("/events/{template}/cancel");
    refused_then_allowed(&app, (&mia, "mia@example.org"), &path, &[], &cancelled, DAY).await;

    // Visitors' registrations: 30 an hour from one network.
    cora.sign_in("cora@example.org", PASSWORD).await;
    let public = crate::events::create(&cora, &crate::events::event_form("Open forum", "public", &when)).await;
    let network = roundtable::accounts::throttle::address_key(Some("127.0.0.1".parse().unwrap())).unwrap();
    let now = app.clock.now_ms();
    for _ in 0..30 {
        app.exec(&format!("INSERT INTO signin_failures (key, at) VALUES ('event-register:{network}', {now})")).await;
    }
    let visitor = app.browser();
    let path = format!("/events/{public}/register");
    let fields = [("name", "Vilma Visitor"), ("email", "vilma@example.org")];
    let count = format!("SELECT COUNT(*) FROM event_registrations WHERE event_id = {public}");
    refused_then_allowed_by(&app, (&visitor, None), &path, || visitor.post(&path, &fields), &count, HOUR).await;
});

db_test!(other_writes_have_per_member_limits, config = burst, |app: TestApp| async move {
    let (cora, cora_id) = app.signed_in("cora@example.org", Role::Coordinator, "Cora").await;
    let (mia, mia_id) = app.signed_in("mia@example.org", Role::Member, "Mia").await;

    // Questions to experts: 10 a day.
    let now = app.clock.now_ms();
    for i in 0..10 {
        let id = roundtable::db::secret_id();
        app.exec(&format!("INSERT INTO questions (id, asker_id, area, lang, title, body, body_html, created_at) VALUES ({id}, {mia_id}, 'detention_monitoring', 'en', 'Q{i}', 'B', 'B', {now})")).await;
    }
    let asked = format!("SELECT COUNT(*) FROM questions WHERE asker_id = {mia_id}");
    let form = [
        ("area", "detention_monitoring"),
        ("lang", "en"),
        ("title", "Night visits"),
        ("body", "Who has tried unannounced night visits?"),
    ];
    refused_then_allowed(&app, (&mia, "mia@example.org"), "/questions", &form, &asked, DAY).await;

    // Requests to join groups: 20 a day, counted whether or not they were withdrawn.
    cora.sign_in("cora@example.org", PASSWORD).await;
    let group = crate::forums::new_group(&cora, "Monitors", "closed", false).await;
    logged_up_to(&app, &roundtable::groups::REQUESTS, mia_id).await;
    let asked = format!("SELECT COUNT(*) FROM group_members WHERE group_id = {group} AND user_id = {mia_id}");
    let path = format!("/groups/{group}/join");
    refused_then_allowed(&app, (&mia, "mia@example.org"), &path, &[], &asked, DAY).await;
    logged_up_to(&app, &roundtable::groups::REQUESTS, mia_id).await;
    assert!(mia.post(&format!("/groups/{group}/leave"), &[]).await.status().is_redirection());
    refused_then_allowed(&app, (&mia, "mia@example.org"), &path, &[], &asked, DAY).await;

    // Profile photos: 20 a day, each one decoded whether or not it is kept.
    logged_up_to(&app, &roundtable::members::PHOTOS, mia_id).await;
    let upload = || async {
        let part = reqwest::multipart::Part::bytes(crate::directory::png()).file_name("me.png");
        let form = reqwest::multipart::Form::new().text("csrf", mia.csrf().await).part("photo", part);
        mia.client.post(mia.url("/profile/photo")).multipart(form).send().await.unwrap()
    };
    let count = format!("SELECT COUNT(*) FROM profiles WHERE user_id = {mia_id} AND photo IS NOT NULL");
    refused_then_allowed_by(&app, (&mia, Some("mia@example.org")), "/profile/photo", upload, &count, DAY).await;

    // Snapshots of the network's health taken by hand: 10 a day.
    logged_up_to(&app, &roundtable::network::health::SNAPSHOTS, cora_id).await;
    let taken = "SELECT COUNT(*) FROM network_snapshots WHERE trigger = 'manual'";
    refused_then_allowed(&app, (&cora, "cora@example.org"), "/network/health/snapshots", &[], taken, DAY).await;

    // Updates on initiatives: 30 a day, with a file or without; removing one gives nothing back.
    let initiative = crate::initiatives::start(&cora, "Limits", "members", &[]).await;
    logged_up_to(&app, &roundtable::initiatives::updates::PER_DAY, cora_id).await;
    let at = format!("/initiatives/{initiative}/updates");
    let post = || crate::library::send(&cora, &at, &[("body", "News")], None);
    let posted = "SELECT COUNT(*) FROM initiative_updates";
    refused_then_allowed_by(&app, (&cora, Some("cora@example.org")), &at, post, posted, DAY).await;
});

db_test!(what_one_holds_at_once_is_capped, config = burst, |app: TestApp| async move {
    let (mia, mia_id) = app.signed_in("mia@example.org", Role::Member, "Mia").await;
    let now = app.clock.now_ms();

    // Contact channels: 8.
    for i in 0..8 {
        app.exec(&format!("INSERT INTO contact_channels (user_id, kind, value, visibility) VALUES ({mia_id}, 'phone', '+66 2 555 010{i}', 'coordinators')")).await;
    }
    let form = [("kind", "phone"), ("value", "+66 2 555 0199"), ("visibility", "coordinators")];
    let count = format!("SELECT COUNT(*) FROM contact_channels WHERE user_id = {mia_id}");
    let free = format!(
        "DELETE FROM contact_channels WHERE id = (SELECT MIN(id) FROM contact_channels WHERE user_id = {mia_id})"
    );
    refused_until_one_goes(&app, "contacts", || mia.post("/profile/contacts", &form), (&count, &free), "at most 8")
        .await;

    // Organisations on a profile: 5.
    let mut orgs = Vec::new();
    for i in 0..6 {
        app.exec(&format!("INSERT INTO organisations (name, sector, country, created_at, updated_at) VALUES ('Org {i}', 'nhri', 'TH', {now}, {now})")).await;
        orgs.push(app.scalar_i64(&format!("SELECT id FROM organisations WHERE name = 'Org {i}'")).await);
    }
    for org in &orgs[..5] {
        app.exec(&format!("INSERT INTO affiliations (user_id, org_id, title) VALUES ({mia_id}, {org}, 'Adviser')"))
            .await;
    }
    let last = orgs[5].to_string();
    let form = [("organisation", last.as_str()), ("title", "Adviser")];
    let count = format!("SELECT COUNT(*) FROM affiliations WHERE user_id = {mia_id}");
    let free = format!("DELETE FROM affiliations WHERE user_id = {mia_id} AND org_id = {}", orgs[0]);
    let send = || mia.post("/profile/affiliations", &form);
    refused_until_one_goes(&app, "organisations", send, (&count, &free), "at most 5").await;

    // Files on one post: 5.
    let thread = crate::forums::new_thread(&mia, None, "Checklists", "Five files").await;
    let post = app.scalar_i64(&format!("SELECT MIN(id) FROM posts WHERE thread_id = {thread}")).await;
    for i in 0..5 {
        app.exec(&format!("INSERT INTO library_files (sha256, size, media_type, created_at) VALUES ('x{i}', 1, 'application/pdf', {now})")).await;
        app.exec(&format!("INSERT INTO post_attachments (post_id, sha256, filename, size, media_type, created_at) VALUES ({post}, 'x{i}', 'f{i}.pdf', 1, 'application/pdf', {now})")).await;
    }
    let pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n".to_vec();
    let send = || crate::forums::attach(&mia, post, "more.pdf", pdf.clone());
    let count = format!("SELECT COUNT(*) FROM post_attachments WHERE post_id = {post}");
    let free = format!(
        "DELETE FROM post_attachments WHERE id = (SELECT MIN(id) FROM post_attachments WHERE post_id = {post})"
    );
    refused_until_one_goes(&app, "attachments", send, (&count, &free), "at most 5 files").await;

    // Introductions waiting for answers: 20, among the 21 pairs of seven people.
    let mut people = members(&app, 6).await;
    people.push(mia_id);
    people.sort();
    let mut pairs = Vec::new();
    for (i, a) in people.iter().enumerate() {
        pairs.extend(people[i + 1..].iter().map(|b| (*a, *b)));
    }
    let answer = |id: i64| if id == mia_id { "accepted" } else { "pending" };
    for (a, b) in &pairs[..20] {
        let (x, y) = (answer(*a), answer(*b));
        app.exec(&format!("INSERT INTO introductions (a_id, b_id, introducer_id, message, a_answer, b_answer, created_at) VALUES ({a}, {b}, {mia_id}, 'Meet', '{x}', '{y}', {now})")).await;
    }
    let (first, second) = (pairs[20].0.to_string(), pairs[20].1.to_string());
    let form = [("first", first.as_str()), ("second", second.as_str()), ("message", "You both train interviewers.")];
    let count = format!("SELECT COUNT(*) FROM introductions WHERE introducer_id = {mia_id} AND closed_at IS NULL");
    let free = format!("UPDATE introductions SET closed_at = {now} WHERE id = (SELECT MIN(id) FROM introductions WHERE introducer_id = {mia_id})");
    let send = || mia.post("/network/introductions", &form);
    refused_until_one_goes(&app, "introductions", send, (&count, &free), "20 introductions waiting").await;
});

db_test!(password_reset_mails_are_limited_per_address, config = burst, |app: TestApp| async move {
    app.create_user("rita@example.org", Role::Member, "Rita").await;
    let visitor = app.browser();
    let mails = "SELECT COUNT(*) FROM outbox WHERE to_addr = 'rita@example.org' AND kind = 'password_reset'";
    let forgot = || async {
        let r = visitor.post("/password/forgot", &[("email", "rita@example.org")]).await;
        assert_eq!(r.status(), StatusCode::OK);
        r.text().await.unwrap()
    };
    let answer = forgot().await;
    for _ in 1..3 {
        forgot().await;
    }
    assert_eq!(app.scalar_i64(mails).await, 3);
    // The fourth in the hour is answered the same, so the limit tells nothing, and sends nothing.
    assert_eq!(forgot().await, answer);
    assert_eq!(app.scalar_i64(mails).await, 3);
    app.clock.advance(HOUR + 60_000);
    forgot().await;
    assert_eq!(app.scalar_i64(mails).await, 4, "allowed again an hour later");
});

db_test!(passkeys_are_limited_per_account, config = crate::passkeys::by_name, |app: TestApp| async move {
    use webauthn_authenticator_rs::softpasskey::SoftPasskey;
    use webauthn_authenticator_rs::WebauthnAuthenticator;
    use webauthn_rs::prelude::CreationChallengeResponse;

    // Ten passkeys: one registered, nine more stored as copies of it.
    let (pia, pia_id) = app.signed_in("pia@example.org", Role::Member, "Pia").await;
    let mut phone = SoftPasskey::new(true);
    let (status, page) = crate::passkeys::register(&app, &pia, &mut phone, "My phone").await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let copy = |i: usize| {
        format!(
            "INSERT INTO passkeys (user_id, credential_id, name, credential, created_at) \
             SELECT user_id, credential_id || '-{i}', 'Copy {i}', credential, created_at FROM passkeys \
             WHERE user_id = {pia_id} AND name = 'My phone'"
        )
    };
    for i in 0..9 {
        app.exec(&copy(i)).await;
    }
    let held = format!("SELECT COUNT(*) FROM passkeys WHERE user_id = {pia_id}");
    let begun = format!("SELECT COUNT(*) FROM webauthn_ceremonies WHERE user_id = {pia_id}");
    let free = format!("DELETE FROM passkeys WHERE user_id = {pia_id} AND name = 'Copy 0'");
    let send = || pia.post("/account/security/passkeys", &[]);
    let r = refused_until_one_goes(&app, "passkeys", send, (&begun, &free), "has 10 passkeys").await;

    // Counted again when the passkey is kept: one added meanwhile takes the last place.
    let (options, token): (CreationChallengeResponse, String) = crate::passkeys::ceremony(&r.text().await.unwrap());
    let mut laptop = SoftPasskey::new(true);
    let answer = laptop.do_registration(crate::passkeys::origin(&app), options).expect("the authenticator registers");
    let answer = serde_json::to_string(&answer).unwrap();
    app.exec(&copy(9)).await;
    let fields = [("ceremony", token.as_str()), ("credential", answer.as_str()), ("name", "Laptop")];
    let r = pia.post("/account/security/passkeys/finish", &fields).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.scalar_i64(&held).await, 10, "nothing written");

    // Passkey requests: 20 an hour for one account.
    let (cas, cas_id) = app.signed_in("cas@example.org", Role::Member, "Cas").await;
    logged_up_to(&app, &roundtable::accounts::passkeys::CEREMONIES, cas_id).await;
    let begun = format!("SELECT COUNT(*) FROM webauthn_ceremonies WHERE user_id = {cas_id}");
    refused_then_allowed(&app, (&cas, "cas@example.org"), "/account/security/passkeys", &[], &begun, HOUR).await;
});
