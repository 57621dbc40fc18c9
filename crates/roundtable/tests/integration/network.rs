//! Ties between members, the network pages, and who may see them.

use reqwest::StatusCode;
use roundtable::vocab::Role;

use crate::common::{location, TestApp};
use crate::db_test;

db_test!(members_record_and_remove_ties_and_bad_input_changes_nothing, |app: TestApp| async move {
    let (alice, alice_id) = app.signed_in("alice@example.org", Role::Member, "Alice Police").await;
    let (bob, bob_id) = app.signed_in("bob@example.org", Role::Member, "Bob Lawyer").await;
    let (carol, _) = app.signed_in("carol@example.org", Role::Member, "Carol Doctor").await;
    let other = bob_id.to_string();

    let r = alice
        .post(
            "/network/ties",
            &[("other", &other), ("kind", "worked_together"), ("strength", "4"), ("since", "2019-6")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&r), format!("/members/{bob_id}#ties"));
    // Recording the same kind again updates it rather than duplicating it.
    alice.post("/network/ties", &[("other", &other), ("kind", "worked_together"), ("strength", "5")]).await;
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM ties").await, 1);
    assert_eq!(
        app.strings("SELECT CAST(strength AS TEXT) || '/' || COALESCE(since, '-') FROM ties").await,
        vec!["5/-"]
    );

    let bad: [&[(&str, &str)]; 7] = [
        &[("other", &other), ("kind", "enemies")],
        &[("other", &other), ("kind", "knows"), ("strength", "9")],
        &[("other", &other), ("kind", "knows"), ("since", "1066")],
        &[("other", &other), ("kind", "knows"), ("since", "2019-13")],
        &[("other", "abc"), ("kind", "knows")],
        &[("other", "999999"), ("kind", "knows")],
        &[("other", &alice_id.to_string()), ("kind", "knows")],
    ];
    for form in bad {
        assert_eq!(alice.post("/network/ties", form).await.status(), StatusCode::UNPROCESSABLE_ENTITY, "{form:?}");
    }
    // A plain member cannot record ties on someone else's behalf.
    let r =
        carol.post("/network/ties", &[("member", &alice_id.to_string()), ("other", &other), ("kind", "knows")]).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM ties").await, 1);

    // Both ends and other members see it; the public does not, not even on the profile.
    for b in [&alice, &bob, &carol] {
        let profile = b.page(&format!("/members/{bob_id}")).await;
        assert!(profile.contains("Alice Police") && profile.contains("Worked together"));
    }
    app.set_profile(bob_id, "bio = 'Public bio', bio_vis = 'public'").await;
    let public = app.browser().page(&format!("/members/{bob_id}")).await;
    assert!(public.contains("Public bio") && !public.contains("Alice Police") && !public.contains("Worked together"));
    assert_eq!(location(&app.browser().get("/network/ties").await), "/signin?next=%2Fnetwork%2Fties");

    // Carol is neither end nor recorder: she cannot remove it. Bob, the other end, can.
    let tie = app.scalar_i64("SELECT id FROM ties").await;
    assert_eq!(carol.post(&format!("/network/ties/{tie}/delete"), &[]).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(bob.post(&format!("/network/ties/{tie}/delete"), &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM ties").await, 0);
});

db_test!(ties_touching_at_risk_members_are_for_coordinators_only, |app: TestApp| async move {
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Coordinator").await;
    let (member, member_id) = app.signed_in("member@example.org", Role::Member, "Plain Member").await;
    let (_, friend_id) = app.signed_in("friend@example.org", Role::Member, "Friendly Officer").await;
    let risky_id = app.create_user("risky@example.org", Role::Member, "Hidden Witness").await;
    app.set_profile(risky_id, "at_risk = TRUE").await;

    // A member cannot record a tie with someone they cannot see.
    let r = member.post("/network/ties", &[("other", &risky_id.to_string()), ("kind", "knows")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // A coordinator records ties for her (audited), and one between two plain members.
    for (a, b) in [(risky_id, friend_id), (risky_id, member_id), (member_id, friend_id)] {
        let r = coordinator
            .post(
                "/network/ties",
                &[("member", &a.to_string()), ("other", &b.to_string()), ("kind", "knows"), ("next", "/network/ties")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
    }
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'tie_recorded'").await, 3);

    let friend_profile = member.page(&format!("/members/{friend_id}")).await;
    assert!(friend_profile.contains("Plain Member") && !friend_profile.contains("Hidden Witness"));
    let mine = member.page("/network/ties").await;
    assert!(mine.contains("Friendly Officer") && !mine.contains("Hidden Witness"), "not even the other end sees it");
    let hub = member.page("/network").await;
    assert!(hub.contains("You have 1 ties") || hub.contains("You have 1 tie"), "{hub}");
    assert!(coordinator.page(&format!("/members/{friend_id}")).await.contains("Hidden Witness"));
    // Removing a tie one cannot see answers as if it did not exist.
    let hidden_tie = app.scalar_i64(&format!("SELECT id FROM ties WHERE a_id = {member_id} AND b_id = {risky_id} OR a_id = {risky_id} AND b_id = {member_id}")).await;
    assert_eq!(member.post(&format!("/network/ties/{hidden_tie}/delete"), &[]).await.status(), StatusCode::NOT_FOUND);
});

db_test!(marking_oneself_at_risk_closes_pending_introductions, |app: TestApp| async move {
    let (risky, risky_id) = app.signed_in("risky@example.org", Role::Member, "Soon Hidden").await;
    let other = app.create_user("other@example.org", Role::Member, "Other").await;
    app.exec(&format!(
        "INSERT INTO introductions (a_id, b_id, introducer_id, message, created_at) VALUES ({}, {}, {other}, 'meet', 0)",
        risky_id.min(other),
        risky_id.max(other)
    ))
    .await;
    let fields = [
        ("display_name", "Soon Hidden"),
        ("sector_vis", "members"),
        ("orgs_vis", "members"),
        ("country_vis", "members"),
        ("region_vis", "members"),
        ("languages_vis", "members"),
        ("expertise_vis", "members"),
        ("bio_vis", "members"),
        ("photo_vis", "members"),
        ("at_risk", "on"),
    ];
    assert_eq!(risky.post("/profile", &fields).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM introductions WHERE closed_at IS NULL").await, 0);
});

db_test!(every_change_the_analysis_reads_moves_its_counters_and_privacy_ones_move_privacy, |app: TestApp| async move {
    let counters = || async {
        let data = app.scalar_i64("SELECT data FROM network_version WHERE id = 1").await;
        (data, app.scalar_i64("SELECT privacy FROM network_version WHERE id = 1").await)
    };
    // What each change does to (data, privacy): moves it (true) or not (false).
    let expect = |before: (i64, i64), after: (i64, i64), data: bool, privacy: bool, what: &str| {
        assert_eq!((after.0 > before.0, after.1 > before.1), (data, privacy), "{what}: {before:?} -> {after:?}");
    };

    let before = counters().await;
    let a = app.create_user("a@example.org", Role::Member, "A").await;
    let b = app.create_user("b@example.org", Role::Member, "B").await;
    let mut now = counters().await;
    expect(before, now, true, true, "new members");

    let steps: Vec<(String, bool, bool)> = vec![
        (format!("UPDATE profiles SET bio = 'new' WHERE user_id = {a}"), true, false),
        (format!("UPDATE profiles SET at_risk = TRUE WHERE user_id = {a}"), true, true),
        (format!("UPDATE profiles SET country_vis = 'coordinators' WHERE user_id = {b}"), true, true),
        (format!("UPDATE users SET display_name = 'A2' WHERE id = {a}"), false, false),
        (format!("UPDATE users SET active = FALSE WHERE id = {b}"), true, true),
        (
            format!("INSERT INTO ties (a_id, b_id, kind, created_at) VALUES ({}, {}, 'knows', 1)", a.min(b), a.max(b)),
            true,
            false,
        ),
        ("UPDATE ties SET strength = 3".to_string(), true, false),
        ("DELETE FROM ties".to_string(), true, false),
    ];
    for (sql, data, privacy) in steps {
        app.exec(&sql).await;
        let after = counters().await;
        expect(now, after, data, privacy, &sql);
        now = after;
    }

    // Events: their audience is privacy; registrations count once attended.
    let (at, end) = (app.clock.now_ms(), app.clock.now_ms() + 3_600_000);
    let event = roundtable::db::secret_id();
    app.exec(&format!(
        "INSERT INTO events (id, kind, title, mode, country, time_zone, starts_at, ends_at, visibility, \
         created_by, created_at, updated_at) VALUES ({event}, 'seminar', 'e', 'online', 'TH', 'Asia/Bangkok', \
         {at}, {end}, 'members', {a}, {at}, {at})"
    ))
    .await;
    let after = counters().await;
    expect(now, after, true, true, "a new event");
    now = after;
    let steps: Vec<(String, bool, bool)> = vec![
        (
            format!(
                "INSERT INTO event_registrations (event_id, user_id, name, email, email_key, status, created_at, queued_at, updated_at) \
                 VALUES ({event}, {a}, 'A', 'a@example.org', 'a@example.org', 'registered', {at}, {at}, {at})"
            ),
            false,
            false,
        ),
        (format!("UPDATE event_registrations SET attended_at = {at}"), true, false),
        (format!("UPDATE events SET title = 'f' WHERE id = {event}"), true, false),
        (format!("UPDATE events SET visibility = 'public' WHERE id = {event}"), true, true),
        ("DELETE FROM event_registrations".to_string(), true, false),
        (format!("DELETE FROM users WHERE id = {b}"), true, true),
    ];
    for (sql, data, privacy) in steps {
        app.exec(&sql).await;
        let after = counters().await;
        expect(now, after, data, privacy, &sql);
        now = after;
    }
});
