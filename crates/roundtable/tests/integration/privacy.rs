//! The privacy rules where they were found broken: at-risk registrants, secret groups'
//! events, events that move out of a member's sight, hidden parent organisations,
//! invitation-only events after a refusal, edit history, the network analysis cache,
//! sign-in lockout and the forum's daily upload limit. Each test failed before its fix.

use rand::{Rng, SeedableRng};
use reqwest::StatusCode;
use roundtable::vocab::Role;

use crate::common::{location, Browser, TestApp, PASSWORD};
use crate::db_test;
use crate::events::{create, event_form, local, text_of};
use crate::forums::{attach, new_group, new_thread};

const PRIVATE: &str =
    "at_risk = TRUE, sector = 'nhri', sector_vis = 'private', country = 'TH', country_vis = 'private', \
     orgs_vis = 'private', region_vis = 'private', languages_vis = 'private', expertise_vis = 'private', \
     bio_vis = 'private', photo_vis = 'private'";

db_test!(organisers_see_an_at_risk_registrant_only_as_a_private_participant, |app: TestApp| async move {
    let (organiser, _) = app.signed_in("org@example.org", Role::Member, "Olivia Organiser").await;
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Corazon Coordinator").await;
    let (risky, risky_id) = app.signed_in("risky@example.org", Role::Member, "Rattana Hidden").await;
    app.set_profile(risky_id, PRIVATE).await;
    // Her sector as members would see it, if she were not at risk: it must not count for the
    // organiser's figures either, where it would point at her.
    app.set_profile(risky_id, "sector_vis = 'members'").await;
    let (plain, plain_id) = app.signed_in("plain@example.org", Role::Member, "Paolo Plain").await;
    app.set_profile(plain_id, "sector = 'police', sector_vis = 'members', country = 'PH', country_vis = 'private'")
        .await;
    let (starts, ends) = (local(10, 9), local(10, 12));
    let id = create(&organiser, &event_form("Interviewing clinic", "members", &[("starts", &starts), ("ends", &ends)]))
        .await;
    for b in [&risky, &plain] {
        assert_eq!(b.post(&format!("/events/{id}/rsvp"), &[]).await.status(), StatusCode::SEE_OTHER);
    }
    let code = app.scalar_i64(&format!("SELECT id FROM event_registrations WHERE user_id = {risky_id}")).await;
    let own = text_of(&risky, &format!("/events/{id}")).await;
    assert!(own.contains("Your check-in code") && own.contains(&code.to_string()), "{own}");

    for path in [format!("/events/{id}/manage"), format!("/events/{id}/checkin")] {
        let page = text_of(&organiser, &path).await;
        assert!(!page.contains("Rattana") && !page.contains("risky@example.org"), "{path} names her");
        assert!(!page.contains(&format!("/members/{risky_id}")), "{path} links her profile");
        assert!(page.contains("A participant who keeps their name private"), "{path}");
        assert!(page.contains(&code.to_string()), "{path} has her code");
        assert!(page.contains("Paolo Plain"), "{path}");
        assert!(!page.contains("plain@example.org"), "{path}: an account's address is not the organiser's");
    }
    // Counts stay right, and she is checked in by her code.
    let manage = text_of(&organiser, &format!("/events/{id}/manage")).await;
    assert!(manage.contains("2 registered"), "{manage}");
    let r = organiser.post(&format!("/events/{id}/checkin/{code}"), &[("present", "yes")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let attended = format!("SELECT COUNT(*) FROM event_registrations WHERE id = {code} AND attended_at IS NOT NULL");
    assert_eq!(app.scalar_i64(&attended).await, 1);
    // Her fields follow her profile: sector shown to members, country hidden.
    assert!(manage.contains("Police") && !manage.contains("Philippines"), "{manage}");
    let report = text_of(&organiser, &format!("/events/{id}/report")).await;
    assert!(!report.contains("Human rights institution"), "{report}");
    let report = text_of(&coordinator, &format!("/events/{id}/report")).await;
    assert!(report.contains("Human rights institution"), "coordinators count her");
    // A coordinator sees everyone, as on the member's profile.
    let full = text_of(&coordinator, &format!("/events/{id}/manage")).await;
    assert!(
        full.contains("Rattana Hidden") && full.contains("risky@example.org") && full.contains("plain@example.org")
    );
});

db_test!(a_secret_groups_events_exist_for_nobody_outside_it, |app: TestApp| async move {
    let (alice, _) = app.signed_in("alice@example.org", Role::Member, "Alice Inside").await;
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Cora Outside").await;
    let (admin, _) = app.signed_in("admin@example.org", Role::Admin, "Adam Outside").await;
    let secret = new_group(&alice, "Safe house circle", "secret", false).await.to_string();
    let (starts, ends) = (local(12, 9), local(12, 12));
    let mut form = event_form("Quiet meeting of the circle", "group", &[("starts", &starts), ("ends", &ends)]);
    form.push(("group", secret.as_str()));
    let id = create(&alice, &form).await;
    assert!(text_of(&alice, "/events").await.contains("Quiet meeting of the circle"));
    assert!(text_of(&alice, &format!("/events/{id}")).await.contains("secret-room"));

    for (who, b) in [("coordinator", &coordinator), ("admin", &admin)] {
        let list = text_of(b, "/events").await;
        assert!(!list.contains("Quiet meeting"), "{who} lists it");
        for path in ["", "/event.ics", "/manage", "/checkin", "/report", "/mix"] {
            let path = format!("/events/{id}{path}");
            assert_eq!(b.get(&path).await.status(), StatusCode::NOT_FOUND, "{who} {path}");
        }
        let r = b.post(&format!("/events/{id}/rsvp"), &[]).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{who} registers");
        let found = text_of(b, "/search?q=Quiet+meeting").await;
        assert!(!found.contains(&format!("/events/{id}")), "{who} finds it");
    }
});

db_test!(an_event_moved_out_of_sight_leaves_lists_calendars_and_reminders, |app: TestApp| async move {
    let (organiser, _) = app.signed_in("org@example.org", Role::Member, "Olivia Organiser").await;
    let (member, member_id) = app.signed_in("member@example.org", Role::Member, "Mali Member").await;
    let (starts, ends) = (local(3, 9), local(3, 12));
    let id =
        create(&organiser, &event_form("Monitoring debrief", "members", &[("starts", &starts), ("ends", &ends)])).await;
    member.post(&format!("/events/{id}/rsvp"), &[]).await;
    let r = member.post("/events/calendar", &[("action", "new")]).await;
    let html = r.text().await.unwrap().replace("&#x2f;", "/");
    let start = html.find("/events/calendar/").unwrap();
    let feed = html[start..].split('"').next().unwrap().to_string();
    let visitor = app.browser();
    assert!(visitor.page(&feed).await.contains("Monitoring debrief"));
    assert!(text_of(&member, "/events/mine").await.contains("Monitoring debrief"));

    // Into a closed group the member is not in.
    let group = new_group(&organiser, "Debrief team", "closed", false).await.to_string();
    let mut moved = event_form("Monitoring debrief", "group", &[("starts", &starts), ("ends", &ends)]);
    moved.push(("group", group.as_str()));
    let r = organiser.post(&format!("/events/{id}"), &moved).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", r.text().await.unwrap());
    assert_eq!(member.get(&format!("/events/{id}")).await.status(), StatusCode::NOT_FOUND);
    let calendar = visitor.page(&feed).await;
    assert!(!calendar.contains("Monitoring debrief") && !calendar.contains("secret-room"), "{calendar}");
    assert!(!text_of(&member, "/events/mine").await.contains("Monitoring debrief"));
    // No reminder either, with its meeting link, when the day comes.
    let starts_at = app.scalar_i64(&format!("SELECT starts_at FROM events WHERE id = {id}")).await;
    let config = roundtable::config::Config::defaults(std::path::Path::new("/nonexistent"));
    let sent = roundtable::events::reminders::send(&app.db, &config, starts_at - 3_600_000).await.unwrap();
    assert_eq!(sent, 0);
    assert!(app.mails_to("member@example.org").await.iter().all(|m| !m.contains("secret-room")));
    // The organiser, in the group, is still reminded of nothing (not registered) and sees it.
    assert!(text_of(&organiser, "/events/mine").await.contains("Monitoring debrief"));
    let _ = member_id;
});

db_test!(the_public_never_reads_a_hidden_parent_organisation, |app: TestApp| async move {
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Corazon Coordinator").await;
    let org = |name: &'static str, parent: String, public: bool| {
        let mut form = vec![
            ("name", name.to_string()),
            ("sector", "government".to_string()),
            ("country", "TH".to_string()),
            ("parent", parent),
        ];
        if public {
            form.push(("public", "on".to_string()));
        }
        form
    };
    let post = |form: Vec<(&'static str, String)>| {
        let coordinator = &coordinator;
        async move {
            let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let r = coordinator.post("/organisations", &fields).await;
            assert_eq!(r.status(), StatusCode::SEE_OTHER);
            location(&r).trim_start_matches("/organisations/").split('?').next().unwrap().to_string()
        }
    };
    let hidden = post(org("Special Investigations Unit", String::new(), false)).await;
    let child = post(org("Interview Training Desk", hidden.clone(), true)).await;
    let visitor = app.browser();
    let list = text_of(&visitor, "/organisations").await;
    assert!(list.contains("Interview Training Desk"));
    assert!(!list.contains("Special Investigations Unit"), "{list}");
    let page = text_of(&visitor, &format!("/organisations/{child}")).await;
    assert!(!page.contains("Special Investigations Unit"));
    assert_eq!(visitor.get(&format!("/organisations/{hidden}")).await.status(), StatusCode::NOT_FOUND);
    // Members see both, and the parent named.
    let (member, _) = app.signed_in("member@example.org", Role::Member, "Mali Member").await;
    assert!(text_of(&member, "/organisations").await.contains("part of"));
});

db_test!(declined_and_cancelled_registrants_lose_an_invitation_only_event, |app: TestApp| async move {
    let (organiser, _) = app.signed_in("org@example.org", Role::Member, "Olivia Organiser").await;
    let (declined, declined_id) = app.signed_in("declined@example.org", Role::Member, "Dao Declined").await;
    let (again, again_id) = app.signed_in("again@example.org", Role::Member, "Anan Again").await;
    let (gone, gone_id) = app.signed_in("gone@example.org", Role::Member, "Gina Gone").await;
    let (starts, ends) = (local(9, 9), local(9, 12));
    let id =
        create(&organiser, &event_form("Closed dialogue", "invitation_only", &[("starts", &starts), ("ends", &ends)]))
            .await;
    for user in [declined_id, again_id, gone_id] {
        let r = organiser.post(&format!("/events/{id}/invitations"), &[("user", &user.to_string())]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
    }
    for b in [&declined, &again, &gone] {
        assert_eq!(b.post(&format!("/events/{id}/rsvp"), &[]).await.status(), StatusCode::SEE_OTHER);
    }
    let registration =
        |user: i64| format!("SELECT id FROM event_registrations WHERE event_id = {id} AND user_id = {user}");
    let declined_reg = app.scalar_i64(&registration(declined_id)).await;
    let r = organiser.post(&format!("/events/{id}/registrations/{declined_reg}"), &[("action", "decline")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    again.post(&format!("/events/{id}/cancel"), &[]).await;
    gone.post(&format!("/events/{id}/cancel"), &[]).await;
    app.exec(&format!("DELETE FROM event_invitations WHERE event_id = {id} AND user_id = {gone_id}")).await;

    for (who, b) in [("declined", &declined), ("uninvited after cancelling", &gone)] {
        assert_eq!(b.get(&format!("/events/{id}")).await.status(), StatusCode::NOT_FOUND, "{who}");
        assert!(!text_of(b, "/events").await.contains("Closed dialogue"), "{who}");
        assert!(!text_of(b, "/notifications").await.contains("Closed dialogue"), "{who}");
    }
    // Still invited, one who cancelled may change their mind.
    assert!(text_of(&again, &format!("/events/{id}")).await.contains("Closed dialogue"));
});

db_test!(earlier_wording_is_for_the_author_and_moderators_alone, |app: TestApp| async move {
    let (author, _) = app.signed_in("author@example.org", Role::Member, "Ana Author").await;
    let (reader, _) = app.signed_in("reader@example.org", Role::Member, "Rui Reader").await;
    let group = new_group(&author, "Open interviewing forum", "open", true).await;
    let thread = new_thread(&author, Some(group), "Custody visits", "We met Officer Somchai Named at the gate.").await;
    let post = app.scalar_i64(&format!("SELECT MIN(id) FROM posts WHERE thread_id = {thread}")).await;
    let r = author.post(&format!("/forum/posts/{post}"), &[("body", "We met an officer at the gate.")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let history = format!("/forum/posts/{post}/history");
    let visitor = app.browser();
    for (who, b) in [("visitor", &visitor), ("reader", &reader)] {
        assert_eq!(b.get(&history).await.status(), StatusCode::NOT_FOUND, "{who}");
        let page = text_of(b, &format!("/forum/threads/{thread}")).await;
        assert!(!page.contains(&history) && !page.contains("Somchai Named"), "{who}");
        assert!(page.contains("edited"), "{who} sees that it was edited");
    }
    // The group's moderator (here the author too) and the author read it; the author removes it.
    let page = text_of(&author, &history).await;
    assert!(page.contains("Somchai Named"));
    let revision = app.scalar_i64(&format!("SELECT id FROM post_revisions WHERE post_id = {post}")).await;
    let r = reader.post(&history, &[("revision", &revision.to_string())]).await;
    assert!(r.status() == StatusCode::FORBIDDEN || r.status() == StatusCode::NOT_FOUND);
    let r = author.post(&history, &[("revision", &revision.to_string())]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(!text_of(&author, &history).await.contains("Somchai Named"));
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM post_revisions WHERE body LIKE '%Somchai%'").await, 0);
});

db_test!(forum_attachments_have_a_daily_limit, |app: TestApp| async move {
    let (ana, ana_id) = app.signed_in("ana@example.org", Role::Member, "Ana Trainer").await;
    let first = new_thread(&ana, None, "Yesterday's files", "Thirty files.").await;
    let second = new_thread(&ana, None, "One more", "And one more.").await;
    let post = |thread: i64| format!("SELECT MIN(id) FROM posts WHERE thread_id = {thread}");
    let (first, second) = (app.scalar_i64(&post(first)).await, app.scalar_i64(&post(second)).await);
    let now = chrono::Utc::now().timestamp_millis();
    for i in 0..roundtable::forums::attachments::PER_DAY {
        app.exec(&format!(
            "INSERT INTO library_files (sha256, size, media_type, created_at) VALUES ('x{i}', 1, 'application/pdf', {now})"
        ))
        .await;
        app.exec(&format!(
            "INSERT INTO post_attachments (post_id, sha256, filename, size, media_type, created_at) \
             VALUES ({first}, 'x{i}', 'f{i}.pdf', 1, 'application/pdf', {now})"
        ))
        .await;
    }
    let pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n".to_vec();
    let r = attach(&ana, second, "more.pdf", pdf.clone()).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(r.text().await.unwrap().contains("Try again tomorrow"));
    assert_eq!(app.scalar_i64(&format!("SELECT COUNT(*) FROM post_attachments WHERE post_id = {second}")).await, 0);
    // A day later, there is room again.
    app.exec(&format!("UPDATE post_attachments SET created_at = created_at - 86400001 WHERE post_id = {first}")).await;
    assert_eq!(attach(&ana, second, "more.pdf", pdf).await.status(), StatusCode::SEE_OTHER);
    let _ = ana_id;
});

db_test!(a_member_turning_at_risk_leaves_members_networks_at_once, |app: TestApp| async move {
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Corazon Coordinator").await;
    let (member, member_id) = app.signed_in("member@example.org", Role::Member, "Mali Member").await;
    let (_, witness_id) = app.signed_in("witness@example.org", Role::Member, "Wanida Witness").await;
    let (_, friend_id) = app.signed_in("friend@example.org", Role::Member, "Fern Friend").await;
    for (a, b) in [(member_id, witness_id), (witness_id, friend_id), (member_id, friend_id)] {
        let fields = [("member", a.to_string()), ("other", b.to_string()), ("kind", "knows".to_string())];
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(coordinator.post("/network/ties", &fields).await.status(), StatusCode::SEE_OTHER);
    }
    assert!(text_of(&member, "/network/map").await.contains("Wanida Witness"));
    // Turned at-risk in the same millisecond as the last change to any profile: a cache keyed
    // on the latest change would not notice.
    app.set_profile(witness_id, "at_risk = TRUE, updated_at = updated_at").await;
    for path in ["/network/map", "/network", "/network/introductions"] {
        assert!(!text_of(&member, path).await.contains("Wanida Witness"), "{path}");
    }
});

/// POST a form as if from `ip` (behind a proxy the application trusts).
async fn post_from(b: &Browser, ip: &str, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    let token = b.csrf().await;
    let mut all = vec![("csrf", token.as_str())];
    all.extend_from_slice(fields);
    b.client
        .post(b.url(path))
        .header("x-forwarded-for", ip)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(serde_html_form::to_string(&all).unwrap())
        .send()
        .await
        .unwrap()
}

db_test!(
    a_guesser_cannot_lock_the_owner_out,
    config = |c: &mut roundtable::config::Config| c.trust_proxy = true,
    |app: TestApp| async move {
        app.create_user("defender@example.org", Role::Coordinator, "Dara Defender").await;
        let owner = app.browser();
        // The owner signed in from her office once: her browser is a known device.
        let r =
            post_from(&owner, "198.51.100.7", "/signin", &[("email", "defender@example.org"), ("password", PASSWORD)])
                .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        owner.post("/signout", &[]).await;

        // Someone guesses from another network, and from the owner's mobile network too.
        let guesser = app.browser();
        let guess = [("email", "defender@example.org"), ("password", "a wrong guess")];
        for ip in ["203.0.113.5", "192.0.2.10"] {
            for _ in 0..6 {
                post_from(&guesser, ip, "/signin", &guess).await;
            }
            let right = [("email", "defender@example.org"), ("password", PASSWORD)];
            let r = post_from(&guesser, ip, "/signin", &right).await;
            assert!(r.text().await.unwrap().contains("Too many attempts"), "guessing stays throttled from {ip}");
        }
        let right = [("email", "defender@example.org"), ("password", PASSWORD)];
        // From her known device, even on the guesser's network, she gets in.
        let r = post_from(&owner, "192.0.2.10", "/signin", &right).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", r.text().await.unwrap());
        owner.post("/signout", &[]).await;
        // From a new device on a network that has not failed, too.
        let r = post_from(&app.browser(), "198.51.100.99", "/signin", &right).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        // Only hashes of devices are kept.
        let stored = app.strings("SELECT token_hash FROM signin_devices").await;
        assert_eq!(stored.len(), 2);
    }
);

// Events of every visibility, in open and secret groups, and people with every relation
// to them, drawn at random: whether a viewer may open an event's page (the Rust rule) must
// agree with whether it is in their list of events (the SQL rule), for every pair.
db_test!(
    who_sees_an_event_agrees_between_its_page_and_its_lists,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let mut rng = rand::rngs::StdRng::seed_from_u64(13);
        let (founder, _) = app.signed_in("founder@example.org", Role::Member, "Founder").await;
        let open = new_group(&founder, "Open circle", "open", false).await;
        let closed = new_group(&founder, "Closed circle", "closed", false).await;
        let secret = new_group(&founder, "Secret circle", "secret", false).await;
        let mut viewers: Vec<(String, Browser, Option<i64>)> = vec![("public".into(), app.browser(), None)];
        for (i, role) in
            [Role::Member, Role::Member, Role::Member, Role::Coordinator, Role::Admin].into_iter().enumerate()
        {
            let (b, id) = app.signed_in(&format!("v{i}@example.org"), role, &format!("Viewer {i}")).await;
            viewers.push((format!("{role:?} {i}"), b, Some(id)));
        }
        let people: Vec<i64> = viewers.iter().filter_map(|v| v.2).collect();
        for group in [open, closed, secret] {
            for &person in &people {
                if rng.random_bool(0.5) {
                    let status = if rng.random_bool(0.8) { "active" } else { "invited" };
                    app.exec(&format!(
                    "INSERT INTO group_members (group_id, user_id, role, status, created_at) VALUES ({group}, {person}, 'member', '{status}', 0)"
                ))
                .await;
                }
            }
        }
        let (starts, ends) = (local(15, 9), local(15, 12));
        let mut events = Vec::new();
        let founder_coordinator = app.signed_in("fc@example.org", Role::Coordinator, "Founding Coordinator").await.0;
        for n in 0..24 {
            let title = format!("Generated event {n:02}");
            let visibility = ["public", "members", "group", "invitation_only"][n % 4];
            let group = [open, closed, secret][(n / 4) % 3].to_string();
            let mut form = event_form(&title, visibility, &[("starts", &starts), ("ends", &ends)]);
            if visibility == "group" {
                form.push(("group", group.as_str()));
            }
            let author = if visibility == "public" { &founder_coordinator } else { &founder };
            let id = create(author, &form).await;
            for &person in &people {
                match rng.random_range(0..6) {
                0 => app.exec(&format!("INSERT INTO event_organisers (event_id, user_id) VALUES ({id}, {person})")).await,
                1 | 2 => {
                    app.exec(&format!("INSERT INTO event_invitations (event_id, user_id, invited_by, created_at) VALUES ({id}, {person}, {person}, 0)")).await
                }
                _ => {}
            }
                if rng.random_bool(0.4) {
                    let status =
                        ["pending", "registered", "waitlisted", "cancelled", "declined"][rng.random_range(0..5)];
                    app.exec(&format!(
                    "INSERT INTO event_registrations (event_id, user_id, name, email, email_key, status, locale, queued_at, created_at, updated_at) \
                     VALUES ({id}, {person}, 'x', 'x{person}@example.org', 'x{person}@example.org', '{status}', 'en', 0, 0, 0)"
                ))
                .await;
                }
            }
            events.push((id, title));
        }
        let mut seen = 0;
        for (who, b, _) in &viewers {
            let list = text_of(b, "/events").await;
            for (id, title) in &events {
                let response = b.get(&format!("/events/{id}")).await;
                let status = response.status();
                assert!(
                    status == StatusCode::OK || status == StatusCode::NOT_FOUND,
                    "{who} {title}: {status} {}",
                    response.text().await.unwrap()
                );
                let page = status == StatusCode::OK;
                assert_eq!(page, list.contains(title.as_str()), "{who}: {title} page {page}");
                seen += page as usize;
            }
        }
        // The draw is varied enough to mean something.
        assert!(seen > 20 && seen < viewers.len() * events.len(), "{seen}");
    }
);

// The group and forum rules, generated the same way: whether a viewer may open a group's
// page or a thread (the Rust rules, `Sight::of` and `Access::of`) must agree with the SQL
// twins (`known_sql`, `readable_sql`) that lists, notifications and mail use.
db_test!(
    group_and_forum_rules_agree_between_pages_and_sql,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        use roundtable::web::Who;
        let mut rng = rand::rngs::StdRng::seed_from_u64(31);
        let (founder, _) = app.signed_in("founder@example.org", Role::Coordinator, "Founder").await;
        // Each viewer: a label, a browser, and their account (id, coordinator) if any.
        type Viewers = Vec<(String, Browser, Option<(i64, bool)>)>;
        let mut viewers: Viewers = vec![("public".into(), app.browser(), None)];
        for (i, role) in [Role::Member, Role::Member, Role::Member, Role::Member, Role::Coordinator, Role::Admin]
            .into_iter()
            .enumerate()
        {
            let (b, id) = app.signed_in(&format!("v{i}@example.org"), role, &format!("Viewer {i}")).await;
            viewers.push((format!("{role:?} {i}"), b, Some((id, role != Role::Member))));
        }
        let mut groups = Vec::new();
        let mut threads = vec![new_thread(&founder, None, "Network thread", "For members.").await];
        for (n, (access, listed, public)) in [
            ("open", false, false),
            ("open", true, true),
            ("closed", false, false),
            ("closed", true, true),
            ("secret", false, false),
            ("secret", false, false),
        ]
        .into_iter()
        .enumerate()
        {
            let name = format!("Generated group {n}");
            let mut form = vec![("name", name.as_str()), ("kind", "working_group"), ("access", access)];
            if listed {
                form.push(("listed_publicly", "on"));
            }
            if public {
                form.push(("public_threads", "on"));
            }
            let r = founder.post("/groups", &form).await;
            assert_eq!(r.status(), StatusCode::SEE_OTHER, "{name}");
            let group: i64 = location(&r).trim_start_matches("/groups/").split('?').next().unwrap().parse().unwrap();
            threads.push(new_thread(&founder, Some(group), &format!("Thread of {name}"), "Words.").await);
            for (_, _, who) in &viewers {
                let Some((id, _)) = who else { continue };
                let standing = ["", "", "active", "invited", "requested"][rng.random_range(0..5)];
                if !standing.is_empty() {
                    let role = if standing == "active" && rng.random_bool(0.3) { "moderator" } else { "member" };
                    app.exec(&format!(
                    "INSERT INTO group_members (group_id, user_id, role, status, created_at) VALUES ({group}, {id}, '{role}', '{standing}', 0)"
                ))
                .await;
                }
            }
            groups.push(group);
        }
        let known = roundtable::groups::access::known_sql("g", &Who::expressions("$1", "$2", "$3"));
        let readable = roundtable::forums::access::readable_sql("t", &Who::expressions("$1", "$2", "$3"));
        let (mut agreed, mut seen) = (0, 0);
        for (who, b, account) in &viewers {
            let (id, member, coordinator) = match account {
                Some((id, coordinator)) => (*id, true, *coordinator),
                None => (-1, false, false),
            };
            for (table, sql_rule, alias, ids, page) in [
                ("network_groups", &known, "g", &groups, "/groups/"),
                ("threads", &readable, "t", &threads, "/forum/threads/"),
            ] {
                let sql = format!("SELECT {alias}.id FROM {table} {alias} WHERE {sql_rule}");
                let listed: Vec<i64> = roundtable::on_db!(&app.db, pool => sqlx::query_scalar(&sql)
                .bind(id).bind(member).bind(coordinator).fetch_all(pool).await)
                .unwrap();
                for item in ids.iter() {
                    let opens = b.get(&format!("{page}{item}")).await.status() == StatusCode::OK;
                    assert_eq!(opens, listed.contains(item), "{who}: {page}{item}");
                    agreed += 1;
                    seen += usize::from(opens);
                }
            }
            // Moderation: the thread page offers its tools (the Rust rule) where the SQL twin
            // that lists reports says so.
            let moderates = roundtable::forums::access::moderates_sql("t", &Who::expressions("$1", "$2", "$3"));
            let sql = format!("SELECT t.id FROM threads t WHERE {moderates}");
            let listed: Vec<i64> = roundtable::on_db!(&app.db, pool => sqlx::query_scalar(&sql)
                .bind(id).bind(member).bind(coordinator).fetch_all(pool).await)
            .unwrap();
            for thread in &threads {
                let page =
                    b.get(&format!("/forum/threads/{thread}")).await.text().await.unwrap().replace("&#x2f;", "/");
                let tools = page.contains(&format!("/forum/threads/{thread}/moderate"));
                assert_eq!(tools, listed.contains(thread), "{who}: moderation of {thread}");
            }
        }
        assert!(seen > 10 && seen < agreed, "{seen} of {agreed}");

        // Through a token the same rules hold, held to what may leave Roundtable: a group's
        // answer (`Sight::of`) agrees with the list (`known_sql`), and no secret group is in either.
        let outside = roundtable::groups::access::known_sql("g", &Who::expressions("$1", "$2", "$3").outside());
        // The rule need not read every placeholder; both databases want each one read.
        let sql = format!("SELECT g.id FROM network_groups g WHERE {outside} AND $1 = $1 AND $3 = $3");
        let secret: Vec<i64> = roundtable::on_db!(&app.db, pool => sqlx::query_scalar(
            "SELECT id FROM network_groups WHERE access = 'secret'").fetch_all(pool).await)
        .unwrap();
        let mut opened = 0;
        for (who, b, account) in &viewers {
            let Some((id, coordinator)) = account else { continue };
            let token = crate::api::make_token(b, &[("groups", "read")]).await;
            let api = Browser::with_token(&app.browser().base, &token);
            let listed: Vec<i64> = roundtable::on_db!(&app.db, pool => sqlx::query_scalar(&sql)
                .bind(id).bind(true).bind(coordinator).fetch_all(pool).await)
            .unwrap();
            let list: serde_json::Value = api.get("/api/v1/groups?limit=100").await.json().await.unwrap();
            let mut from_list: Vec<i64> =
                list["items"].as_array().unwrap().iter().map(|g| g["id"].as_i64().unwrap()).collect();
            from_list.sort_unstable();
            let mut expected = listed.clone();
            expected.sort_unstable();
            assert_eq!(from_list, expected, "{who}: the API's list is the SQL rule's");
            for group in &groups {
                let opens = api.get(&format!("/api/v1/groups/{group}")).await.status() == StatusCode::OK;
                assert_eq!(opens, listed.contains(group), "{who}: token, group {group}");
                assert!(!(opens && secret.contains(group)), "{who}: a token opened a secret group");
                opened += usize::from(opens);
            }
        }
        assert!(opened > 5, "{opened}");
    }
);

// Library resources and members, generated the same way: the page (the Rust rule,
// `library::Rights::of`, `members::access::Audience::sees_member`) and the list (its SQL
// twin) must agree for every viewer.
db_test!(
    resource_and_member_rules_agree_between_pages_and_lists,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let mut rng = rand::rngs::StdRng::seed_from_u64(47);
        let (founder, _) = app.signed_in("founder@example.org", Role::Member, "Founder").await;
        type Viewers = Vec<(String, Browser, Option<i64>)>;
        let mut viewers: Viewers = vec![("public".into(), app.browser(), None)];
        for (i, role) in
            [Role::Member, Role::Member, Role::Member, Role::Coordinator, Role::Admin].into_iter().enumerate()
        {
            let (b, id) = app.signed_in(&format!("v{i}@example.org"), role, &format!("Viewer Person {i}")).await;
            viewers.push((format!("{role:?} {i}"), b, Some(id)));
        }
        // Members: at risk or not, with fields of every visibility, some empty.
        let visibilities = ["private", "coordinators", "members", "public"];
        for (_, _, id) in &viewers {
            let Some(id) = id else { continue };
            let pick = |rng: &mut rand::rngs::StdRng| visibilities[rng.random_range(0..4)];
            let assignments = format!(
            "at_risk = {}, sector = 'police', sector_vis = '{}', country = 'TH', country_vis = '{}', bio = '{}', bio_vis = '{}'",
            rng.random_bool(0.3),
            pick(&mut rng),
            pick(&mut rng),
            if rng.random_bool(0.5) { "Works on custody" } else { "" },
            pick(&mut rng),
        );
            app.set_profile(*id, &assignments).await;
        }
        // Resources of every access, in groups some viewers are in.
        let group = new_group(&founder, "Library circle", "closed", false).await;
        for (_, _, id) in &viewers {
            if let Some(id) = id.filter(|_| rng.random_bool(0.5)) {
                app.exec(&format!(
                "INSERT INTO group_members (group_id, user_id, role, status, created_at) VALUES ({group}, {id}, 'member', 'active', 0)"
            ))
            .await;
            }
        }
        let group = group.to_string();
        let mut resources = Vec::new();
        for n in 0..9 {
            let title = format!("Generated resource {n}");
            let access = ["public", "members", "group"][n % 3];
            let changes = [
                ("access", access),
                ("group", if access == "group" { group.as_str() } else { "" }),
                ("link", "https://example.org/r"),
            ];
            let fields = crate::library::fields(&title, &changes);
            let r = crate::library::send(&founder, "/library", &fields, None).await;
            assert_eq!(r.status(), StatusCode::SEE_OTHER, "{title}");
            resources
                .push((location(&r).trim_start_matches("/library/").split('?').next().unwrap().to_string(), title));
        }
        let people: Vec<(i64, String)> = viewers
            .iter()
            .enumerate()
            .filter_map(|(i, (_, _, id))| id.map(|id| (id, format!("Viewer Person {}", i - 1))))
            .collect();
        let (mut pairs, mut opened) = (0, 0);
        for (who, b, _) in &viewers {
            let library = text_of(b, "/library").await;
            for (id, title) in &resources {
                let opens = b.get(&format!("/library/{id}")).await.status() == StatusCode::OK;
                assert_eq!(opens, library.contains(title.as_str()), "{who}: {title}");
                pairs += 1;
                opened += usize::from(opens);
            }
            let directory = b.get("/api/v1/members").await.text().await.unwrap();
            for (id, name) in &people {
                let opens = b.get(&format!("/members/{id}")).await.status() == StatusCode::OK;
                assert_eq!(opens, directory.contains(name.as_str()), "{who}: {name}");
                pairs += 1;
                opened += usize::from(opens);
            }
        }
        assert!(opened > 10 && opened < pairs, "{opened} of {pairs}");

        // Through a token: each answer agrees with the list, and nobody at risk is in either.
        let at_risk: Vec<i64> = roundtable::on_db!(&app.db, pool => sqlx::query_scalar(
            "SELECT user_id FROM profiles WHERE at_risk").fetch_all(pool).await)
        .unwrap();
        let mut token_opened = 0;
        for (who, b, id) in &viewers {
            if id.is_none() {
                continue;
            }
            let token = crate::api::make_token(b, &[("members", "read"), ("library", "read")]).await;
            let api = Browser::with_token(&app.browser().base, &token);
            let list = api.get("/api/v1/resources?limit=100").await.text().await.unwrap();
            for (id, title) in &resources {
                let opens = api.get(&format!("/api/v1/resources/{id}")).await.status() == StatusCode::OK;
                assert_eq!(opens, list.contains(title.as_str()), "{who}: token, {title}");
                token_opened += usize::from(opens);
            }
            let directory = api.get("/api/v1/members").await.text().await.unwrap();
            for (id, name) in &people {
                let opens = api.get(&format!("/api/v1/members/{id}")).await.status() == StatusCode::OK;
                assert_eq!(opens, directory.contains(name.as_str()), "{who}: token, {name}");
                assert!(!(opens && at_risk.contains(id)), "{who}: a token read {name}, who is at risk");
                token_opened += usize::from(opens);
            }
        }
        assert!(token_opened > 10, "{token_opened}");
    }
);

db_test!(ids_of_things_that_may_be_secret_are_random, |app: TestApp| async move {
    let (member, _) = app.signed_in("one@example.org", Role::Member, "One Member").await;
    app.create_user("two@example.org", Role::Member, "Two Member").await;
    new_group(&member, "First circle", "open", false).await;
    new_group(&member, "Second circle", "secret", false).await;
    let times = [("starts", local(4, 9)), ("ends", local(4, 10))];
    let times: Vec<(&str, &str)> = times.iter().map(|(k, v)| (*k, v.as_str())).collect();
    create(&member, &event_form("First meeting", "members", &times)).await;
    create(&member, &event_form("Second meeting", "members", &times)).await;
    new_thread(&member, None, "First thread", "Words.").await;
    new_thread(&member, None, "Second thread", "Words.").await;
    let (coordinator, _) = app.signed_in("three@example.org", Role::Coordinator, "Three Coordinator").await;
    for title in ["First initiative", "Second initiative"] {
        crate::initiatives::start(&coordinator, title, "members", &[]).await;
    }
    for table in ["users", "network_groups", "events", "threads", "initiatives"] {
        let ids = app.strings(&format!("SELECT CAST(id AS TEXT) FROM {table} ORDER BY created_at, id")).await;
        let ids: Vec<i64> = ids.iter().map(|i| i.parse().unwrap()).collect();
        assert!(ids.len() >= 2, "{table}");
        // Neither small nor in a row: a gap says nothing about a hidden one.
        assert!(ids.iter().all(|id| *id >= 1 << 40 && *id < 1 << 53), "{table}: {ids:?}");
        assert!(ids.windows(2).all(|w| (w[1] - w[0]).abs() > 1), "{table}: {ids:?}");
    }
});

// Equal work, shown by the work itself rather than by timing: take away a table that only
// the longer path would touch, and both paths must answer alike.
db_test!(hidden_and_missing_profiles_do_the_same_work, |app: TestApp| async move {
    let (member, _) = app.signed_in("member@example.org", Role::Member, "Mali Member").await;
    let (_, hidden) = app.signed_in("hidden@example.org", Role::Member, "Hidden Person").await;
    app.set_profile(hidden, "at_risk = TRUE").await;
    let missing = hidden + 1;
    // A visible profile reads the member's languages; a hidden or missing one must not.
    app.exec("ALTER TABLE profile_languages RENAME TO profile_languages_away").await;
    for path in [
        format!("/members/{hidden}"),
        format!("/members/{missing}"),
        format!("/api/v1/members/{hidden}"),
        format!("/api/v1/members/{missing}"),
        format!("/members/{hidden}/photo"),
        format!("/members/{missing}/photo"),
    ] {
        assert_eq!(member.get(&path).await.status(), StatusCode::NOT_FOUND, "{path}");
    }
});

db_test!(reset_requests_do_the_same_work_for_any_address, |app: TestApp| async move {
    app.create_user("known@example.org", Role::Member, "Known Person").await;
    let b = app.browser();
    let ask = |email: &'static str| {
        let b = &b;
        async move { b.post("/password/forgot", &[("email", email)]).await.status() }
    };
    assert_eq!(ask("known@example.org").await, ask("unknown@example.org").await);
    // Where the registered path writes, the unknown one runs the same statement: without the
    // table, both fail alike.
    app.exec("ALTER TABLE password_resets RENAME TO password_resets_away").await;
    let (known, unknown) = (ask("known@example.org").await, ask("unknown@example.org").await);
    assert_eq!(known, unknown);
    assert_eq!(known, StatusCode::INTERNAL_SERVER_ERROR);
});

/// A viewer as a request would carry them (`None`: the public).
pub(crate) fn viewer(account: Option<(i64, Role)>) -> roundtable::web::Viewer {
    roundtable::web::Viewer(account.map(|(user_id, role)| roundtable::web::session::SessionUser {
        session_id: 0,
        user_id,
        role,
        display_name: String::new(),
        locale: roundtable::web::Locale::En,
        csrf: String::new(),
        unread: 0,
        unread_messages: 0,
        how: Default::default(),
        factor_due: Default::default(),
        confirmed: true,
        grant: None,
    }))
}

// Ties, introductions, questions and organisations between generated people (some at risk,
// some deactivated): each rule's Rust decision and its SQL twin agree for every viewer.
db_test!(tie_introduction_question_and_organisation_rules_agree_with_their_sql, |app: TestApp| async move {
    use roundtable::network::ties::{can_see_tie, tie_sql, End};
    use roundtable::web::{Viewer, Who};
    let mut rng = rand::rngs::StdRng::seed_from_u64(59);
    let mut people = Vec::new();
    for (i, role) in
        [Role::Member, Role::Member, Role::Member, Role::Member, Role::Member, Role::Coordinator, Role::Admin]
            .into_iter()
            .enumerate()
    {
        let id = app.create_user(&format!("p{i}@example.org"), role, &format!("Person {i}")).await;
        let (at_risk, active) = (rng.random_bool(0.3), rng.random_bool(0.8));
        app.set_profile(id, &format!("at_risk = {at_risk}")).await;
        app.exec(&format!("UPDATE users SET active = {active} WHERE id = {id}")).await;
        people.push((id, role, at_risk, active));
    }
    let end = |p: &(i64, Role, bool, bool)| End { id: p.0, at_risk: p.2, active: p.3 };
    let (mut ties, mut intros, mut questions) = (Vec::new(), Vec::new(), Vec::new());
    for (n, a) in people.iter().enumerate() {
        for b in &people[n + 1..] {
            let (lo, hi) = if a.0 < b.0 { (a, b) } else { (b, a) };
            if rng.random_bool(0.5) {
                app.exec(&format!(
                    "INSERT INTO ties (a_id, b_id, kind, created_at) VALUES ({}, {}, 'knows', 0)",
                    lo.0, hi.0
                ))
                .await;
                ties.push((lo.0, hi.0, end(lo), end(hi)));
            }
            if rng.random_bool(0.4) {
                let introducer = people[rng.random_range(0..people.len())].0;
                let id = roundtable::db::secret_id();
                app.exec(&format!(
                    "INSERT INTO introductions (id, a_id, b_id, introducer_id, created_at) VALUES ({id}, {}, {}, {introducer}, 0)",
                    a.0, b.0
                ))
                .await;
                intros.push((id, end(a), end(b), introducer));
            }
            if rng.random_bool(0.3) {
                let id = roundtable::db::secret_id();
                app.exec(&format!(
                    "INSERT INTO questions (id, asker_id, area, lang, title, body, body_html, created_at) \
                     VALUES ({id}, {}, 'training', 'en', 'Q', 'B', 'B', 0)",
                    a.0
                ))
                .await;
                app.exec(&format!(
                    "INSERT INTO question_experts (question_id, expert_id, created_at) VALUES ({id}, {}, 0)",
                    b.0
                ))
                .await;
                questions.push((id, a.0, b.0));
            }
        }
    }
    let orgs: Vec<(i64, bool)> = {
        let mut v = Vec::new();
        for (n, public) in [true, false, true].into_iter().enumerate() {
            app.exec(&format!(
                "INSERT INTO organisations (name, sector, country, public, created_at, updated_at) VALUES ('Org {n}', 'legal', 'TH', {public}, 0, 0)"
            ))
            .await;
            v.push((app.scalar_i64(&format!("SELECT id FROM organisations WHERE name = 'Org {n}'")).await, public));
        }
        v
    };
    let who = Who::expressions("$1", "$2", "$3");
    let mut viewers: Vec<Viewer> = vec![viewer(None)];
    viewers.extend(people.iter().filter(|p| p.3).map(|p| viewer(Some((p.0, p.1)))));
    let (mut checked, mut seen) = (0, 0);
    for v in &viewers {
        let (id, member, coordinator) = (v.id().unwrap_or(-1), v.is_member(), v.is_coordinator());
        let rows = |table: &str, alias: &str, rule: String| {
            let sql = format!("SELECT {alias}.id FROM {table} {alias} WHERE {rule}");
            let db = app.db.clone();
            async move {
                roundtable::on_db!(&db, pool => sqlx::query_scalar::<_, i64>(&sql).bind(id).bind(member).bind(coordinator)
                    .fetch_all(pool).await)
                .unwrap()
            }
        };
        let tie_rows = rows("ties", "t", tie_sql("t", &who)).await;
        for (a, b, ea, eb) in &ties {
            let tie = app.scalar_i64(&format!("SELECT id FROM ties WHERE a_id = {a} AND b_id = {b}")).await;
            let rust = can_see_tie(v, *ea, *eb);
            assert_eq!(rust, tie_rows.contains(&tie), "tie {a}-{b} for {:?}", v.id());
            seen += usize::from(rust);
            checked += 1;
        }
        let intro_rows =
            rows("introductions", "i", roundtable::network::introductions::introduction_sql("i", &who)).await;
        for (intro, a, b, introducer) in &intros {
            let rust = roundtable::network::introductions::can_see_introduction(v, *a, *b, Some(*introducer));
            assert_eq!(rust, intro_rows.contains(intro), "introduction for {:?}", v.id());
            seen += usize::from(rust);
            checked += 1;
        }
        let question_rows = rows("questions", "q", roundtable::experts::question_sql("q", &who)).await;
        for (q, asker, expert) in &questions {
            let rust = roundtable::experts::can_see_question(v, Some(*asker), v.id() == Some(*expert));
            assert_eq!(rust, question_rows.contains(q), "question for {:?}", v.id());
            seen += usize::from(rust);
            checked += 1;
        }
        let org_rows = rows("organisations", "o", roundtable::orgs::visible_sql("o", "$2")).await;
        for (org, public) in &orgs {
            assert_eq!(roundtable::orgs::can_view(v, *public), org_rows.contains(org), "organisation for {:?}", v.id());
            checked += 1;
        }
    }
    assert!(seen > 5 && seen < checked, "{seen} of {checked}");
});
