//! Per-member limits on what a member may write in a window: reports, endorsements, ties,
//! answers, announcements, invitations to the network and to groups. Each refuses past its
//! limit with 429 and a message, writes nothing, and allows again once the window moves on.
//! What came before is set up directly in the database, as the count reads it.

use reqwest::StatusCode;
use roundtable::vocab::Role;

use crate::common::{Browser, TestApp};
use crate::db_test;

const DAY: i64 = 86_400_000;

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
    // Earlier limits moved the clock on by days: the member signs in afresh.
    b.sign_in(email, crate::common::PASSWORD).await;
    let before = app.scalar_i64(count).await;
    let r = b.post(path, form).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS, "{path}");
    assert!(r.text().await.unwrap().contains("Please"), "a message says when to try again");
    assert_eq!(app.scalar_i64(count).await, before, "{path}: nothing written");
    app.clock.advance(window + 60_000);
    // A day idle ends the session too: the member signs in again.
    b.sign_in(email, crate::common::PASSWORD).await;
    let r = b.post(path, form).await;
    assert!(r.status().is_redirection() || r.status() == StatusCode::OK, "{path} after the window: {}", r.status());
    assert_eq!(app.scalar_i64(count).await, before + 1, "{path}: written once allowed");
}

db_test!(
    writes_have_per_member_limits,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (cora, cora_id) = app.signed_in("cora@example.org", Role::Coordinator, "Cora").await;
        let (mia, mia_id) = app.signed_in("mia@example.org", Role::Member, "Mia").await;
        let (exp, exp_id) = app.signed_in("eve@example.org", Role::Member, "Eve Expert").await;
        let mut others = Vec::new();
        for i in 0..5 {
            others.push(app.create_user(&format!("o{i}@example.org"), Role::Member, &format!("Other {i}")).await);
        }
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
        cora.sign_in("cora@example.org", crate::common::PASSWORD).await;
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
        cora.sign_in("cora@example.org", crate::common::PASSWORD).await;
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
