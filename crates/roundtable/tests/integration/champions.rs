//! Champions (coordinators only) and introductions, and what they never show.

use reqwest::StatusCode;
use roundtable::vocab::Role;

use crate::common::{location, TestApp};
use crate::db_test;

/// Records a tie between two members directly, as if one of them had.
async fn tie(app: &TestApp, a: i64, b: i64) {
    let (a, b) = (a.min(b), a.max(b));
    app.exec(&format!("INSERT INTO ties (a_id, b_id, kind, created_at) VALUES ({a}, {b}, 'knows', 0)")).await;
}

/// A member with a sector and a country.
async fn member(app: &TestApp, email: &str, name: &str, sector: &str, country: &str) -> i64 {
    let id = app.create_user(email, Role::Member, name).await;
    app.set_profile(id, &format!("sector = '{sector}', country = '{country}'")).await;
    id
}

/// The name in the first row of the ranking.
fn first_ranked(html: &str) -> String {
    let body = &html[html.find("<tbody>").expect("a ranking")..];
    let link = &body[body.find("href=\"/members/").unwrap()..];
    link[link.find('>').unwrap() + 1..link.find("</a>").unwrap()].to_string()
}

/// A broker in Thailand's NHRI tied to police officers, Malaysian lawyers and Filipino
/// doctors, who are tied only among themselves; an at-risk lawyer tied to one of them.
/// Returns (broker, at-risk lawyer).
async fn broker_scene(app: &TestApp) -> (i64, i64) {
    let broker = member(app, "nok@example.org", "Nok Bridgebuilder", "nhri", "TH").await;
    let mut groups = Vec::new();
    for (sector, country, names) in [
        ("police", "TH", ["Officer Anan", "Officer Boon", "Officer Chai"].as_slice()),
        ("legal", "MY", ["Lawyer Aziz", "Lawyer Badrul", "Lawyer Chong"].as_slice()),
        ("health", "PH", ["Doctor Ramos", "Doctor Santos"].as_slice()),
    ] {
        let mut ids = Vec::new();
        for name in names {
            let email = format!("{}@example.org", name.to_lowercase().replace(' ', "."));
            ids.push(member(app, &email, name, sector, country).await);
        }
        for (k, &x) in ids.iter().enumerate() {
            tie(app, broker, x).await;
            for &y in &ids[k + 1..] {
                tie(app, x, y).await;
            }
        }
        groups.push(ids);
    }
    let hidden = member(app, "hidden@example.org", "Hidden Witness", "legal", "MY").await;
    app.set_profile(hidden, "at_risk = TRUE").await;
    tie(app, hidden, groups[1][0]).await;
    (broker, hidden)
}

db_test!(champion_pages_are_for_coordinators_only, |app: TestApp| async move {
    let (broker, _) = broker_scene(&app).await;
    let (member, _) = app.signed_in("plain@example.org", Role::Member, "Plain Member").await;
    let public = app.browser();
    let pages = ["/network/champions".to_string(), format!("/network/champions/{broker}")];
    for path in &pages {
        let r = public.get(path).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{path}");
        assert!(location(&r).starts_with("/signin?next="), "{path}");
        assert_eq!(member.get(path).await.status(), StatusCode::FORBIDDEN, "{path}");
    }
    assert_eq!(public.get("/api/v1/network/champions").await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(member.get("/api/v1/network/champions").await.status(), StatusCode::FORBIDDEN);
    let stage = format!("/network/champions/{broker}/stage");
    let notes = format!("/network/champions/{broker}/notes");
    assert_eq!(member.post(&stage, &[("stage", "candidate")]).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(member.post(&notes, &[("note", "Hello")]).await.status(), StatusCode::FORBIDDEN);
    assert!(location(&public.post(&stage, &[("stage", "candidate")]).await).starts_with("/signin"));
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM champions").await, 0);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM champion_notes").await, 0);
    // The network's front page offers the champions only to coordinators.
    assert!(!member.page("/network").await.contains("/network/champions"));
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Coordinator").await;
    assert!(coordinator.page("/network").await.contains("/network/champions"));
});

db_test!(ranking_puts_the_broker_first_with_reasons_and_filters, |app: TestApp| async move {
    let (broker, hidden) = broker_scene(&app).await;
    let (coordinator, coordinator_id) = app.signed_in("coord@example.org", Role::Coordinator, "Cora Ordinator").await;
    // Ties to a coordinator do not make the coordinator a candidate.
    tie(&app, coordinator_id, broker).await;
    let html = coordinator.page("/network/champions").await;
    assert_eq!(first_ranked(&html), "Nok Bridgebuilder");
    assert!(html.contains("Bridges Human rights institution &#x2f; NPM and Police in Thailand: 3 cross-sector ties"));
    assert!(html.contains("Links Thailand and Malaysia"));
    let table = &html[html.find("<tbody>").unwrap()..];
    assert!(!table.contains("Cora Ordinator"), "coordinators are not ranked");
    // Coordinators see at-risk members in the ranking, marked.
    assert!(html.contains("Hidden Witness") && html.contains("At risk"));
    assert!(html.contains("<h1>Champions</h1>") && html.contains("<title>Champions · Roundtable</title>"));

    let malaysia = coordinator.page("/network/champions?country=MY").await;
    assert!(
        malaysia.contains("Lawyer Aziz") && !malaysia.contains("Nok Bridgebuilder") && !malaysia.contains("Officer")
    );
    let police = coordinator.page("/network/champions?sector=police&country=TH").await;
    assert!(police.contains("Officer Anan") && !police.contains("Lawyer"));
    assert!(police.contains("3 members"));
    for bad in ["country=XX", "sector=spies", "stage=retired", "country=th"] {
        let r = coordinator.get(&format!("/network/champions?{bad}")).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
    }

    // Stage filter: on a path, or not yet.
    let r = coordinator.post(&format!("/network/champions/{broker}/stage"), &[("stage", "active")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let active = coordinator.page("/network/champions?stage=active").await;
    assert!(active.contains("Nok Bridgebuilder") && active.contains("1 member") && !active.contains("Lawyer"));
    assert!(!coordinator.page("/network/champions?stage=none").await.contains("Nok Bridgebuilder"));

    let json: serde_json::Value = coordinator.get("/api/v1/network/champions").await.json().await.unwrap();
    assert_eq!(json["candidates"][0]["name"], "Nok Bridgebuilder");
    assert_eq!(json["candidates"][0]["stage"], "active");
    assert!(json["candidates"][0]["reasons"].as_array().is_some_and(|r| !r.is_empty() && r.len() <= 3));
    let hidden_row = json["candidates"].as_array().unwrap().iter().find(|c| c["id"] == hidden).cloned().unwrap();
    assert_eq!(hidden_row["at_risk"], true);
});

db_test!(stage_changes_notes_and_support_are_recorded_and_audited, |app: TestApp| async move {
    let (broker, hidden) = broker_scene(&app).await;
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Cora Ordinator").await;
    let path = format!("/network/champions/{broker}");
    let stage = format!("{path}/stage");
    let notes = format!("{path}/notes");

    // Nothing can be noted before the member is on the path.
    let r = coordinator.post(&notes, &[("note", "Met at the workshop")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = coordinator.post(&stage, &[("stage", "candidate"), ("note", "Named by three colleagues")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&r), format!("{path}?done=stage"));
    coordinator.post(&stage, &[("stage", "approached")]).await;
    let r = coordinator
        .post(&notes, &[("support", "training_materials"), ("note", "Sent the custody safeguards pack")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    coordinator.post(&notes, &[("support", "expert_contact")]).await;

    assert_eq!(app.strings(&format!("SELECT stage FROM champions WHERE user_id = {broker}")).await, vec!["approached"]);
    let timeline = app
        .strings(&format!(
            "SELECT stage || '/' || COALESCE(support, '-') || '/' || note FROM champion_notes WHERE user_id = {broker} ORDER BY id"
        ))
        .await;
    assert_eq!(
        timeline,
        vec![
            "candidate/-/Named by three colleagues",
            "approached/-/",
            "approached/training_materials/Sent the custody safeguards pack",
            "approached/expert_contact/"
        ]
    );
    let audit = app.strings("SELECT detail FROM audit_log WHERE action = 'champion_stage_changed' ORDER BY id").await;
    assert_eq!(
        audit,
        vec![
            r#"{"is":"stage","from":null,"to":"candidate"}"#,
            r#"{"is":"stage","from":"candidate","to":"approached"}"#
        ]
    );

    let page = coordinator.page(&path).await;
    assert!(page.contains("<h1>Nok Bridgebuilder</h1>") && page.contains("Champion path: Nok Bridgebuilder"));
    assert!(page.contains("Current stage: Approached") && page.contains("Sent the custody safeguards pack"));
    assert!(page.contains("Training materials") && page.contains("by Cora Ordinator"));

    // Bad input changes nothing.
    let long = "x".repeat(2001);
    let bad: [(&str, &[(&str, &str)]); 6] = [
        (&stage, &[("stage", "approached")]),
        (&stage, &[("stage", "retired")]),
        (&stage, &[("stage", "active"), ("note", &long)]),
        (&notes, &[("support", "cash"), ("note", "x")]),
        (&notes, &[("note", "   ")]),
        (&notes, &[("note", &long)]),
    ];
    for (target, form) in bad {
        assert_eq!(coordinator.post(target, form).await.status(), StatusCode::UNPROCESSABLE_ENTITY, "{form:?}");
    }
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM champion_notes").await, 4);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'champion_stage_changed'").await, 2);
    assert_eq!(
        coordinator.post("/network/champions/999999/stage", &[("stage", "candidate")]).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(coordinator.get("/network/champions/999999").await.status(), StatusCode::NOT_FOUND);

    // The form needs its token.
    let r = coordinator.post_raw(&stage, &[("stage", "alumni")]).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.strings(&format!("SELECT stage FROM champions WHERE user_id = {broker}")).await, vec!["approached"]);

    // At-risk members can be champions; their path says to plan contact with care.
    coordinator.post(&format!("/network/champions/{hidden}/stage"), &[("stage", "candidate")]).await;
    let risky = coordinator.page(&format!("/network/champions/{hidden}")).await;
    assert!(risky.contains("This member is at risk"));
});

db_test!(introductions_from_sending_to_a_tie, |app: TestApp| async move {
    let (alice, alice_id) = app.signed_in("alice@example.org", Role::Member, "Alice Anurak").await;
    let (bob, bob_id) = app.signed_in("bob@example.org", Role::Member, "Bob Bakar").await;
    let (carol, _) = app.signed_in("carol@example.org", Role::Member, "Carol Cruz").await;
    let (dave, dave_id) = app.signed_in("dave@example.org", Role::Member, "Dave Dizon").await;
    app.exec(&format!("UPDATE users SET locale = 'th' WHERE id = {alice_id}")).await;
    app.exec(&format!("UPDATE users SET locale = 'ms' WHERE id = {bob_id}")).await;
    let (a, b) = (alice_id.to_string(), bob_id.to_string());
    let message = "You both train interviewers: compare your curricula.";

    let r = carol.post("/network/introductions", &[("first", &a), ("second", &b), ("message", message)]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&r), "/network/introductions?done=sent");
    assert_eq!(app.strings("SELECT a_answer || '/' || b_answer FROM introductions").await, vec!["pending/pending"]);
    // Each gets an e-mail in their own language with a link and nothing else of substance.
    let subject = |to: &'static str| {
        let app = &app;
        async move {
            app.strings(&format!("SELECT subject FROM outbox WHERE to_addr = '{to}' AND kind = 'notify_introduction'"))
                .await
        }
    };
    assert_eq!(subject("alice@example.org").await, vec!["การแนะนำใหม่ใน Roundtable"]);
    assert_eq!(subject("bob@example.org").await, vec!["Perkenalan baharu di Roundtable"]);
    assert!(subject("carol@example.org").await.is_empty());
    for to in ["alice@example.org", "bob@example.org"] {
        let body = &app.mails_to(to).await[0];
        assert!(body.contains("/network/introductions"), "{body}");
        assert!(
            !body.contains("curricula") && !body.contains("Carol") && !body.contains("Bob") && !body.contains("Alice")
        );
    }

    // The same pair cannot be introduced twice while one is waiting, from either side.
    let again = dave.post("/network/introductions", &[("first", &b), ("second", &a), ("message", "Meet!")]).await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.text().await.unwrap().contains("have an introduction waiting for an answer already"));
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM introductions").await, 1);

    // Both see it; the first acceptance waits for the second, which records the tie.
    let id = app.scalar_i64("SELECT id FROM introductions").await;
    let page = alice.page("/network/introductions").await;
    assert!(page.contains("Carol Cruz") && page.contains("Bob Bakar") && page.contains("curricula"));
    assert!(bob.page("/network/introductions").await.contains("Alice Anurak"));
    let answer = format!("/network/introductions/{id}/answer");
    assert_eq!(
        carol.post(&answer, &[("answer", "accept")]).await.status(),
        StatusCode::NOT_FOUND,
        "not hers to answer"
    );
    assert_eq!(alice.post(&answer, &[("answer", "maybe")]).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = alice.post(&answer, &[("answer", "accept")]).await;
    assert_eq!(location(&r), "/network/introductions?done=accepted");
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM ties").await, 0);
    assert_eq!(alice.post(&answer, &[("answer", "decline")]).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = bob.post(&answer, &[("answer", "accept")]).await;
    assert_eq!(location(&r), "/network/introductions?done=connected");
    let (low, high) = (alice_id.min(bob_id), alice_id.max(bob_id));
    assert_eq!(
        app.strings(&format!("SELECT kind || '/' || source FROM ties WHERE a_id = {low} AND b_id = {high}")).await,
        vec!["knows/introduction"]
    );
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM introductions WHERE closed_at IS NOT NULL").await, 1);
    assert!(carol.page("/network/introductions").await.contains("Both accepted: the tie is recorded"));
    // Now tied, they need no introduction.
    let r = carol.post("/network/introductions", &[("first", &a), ("second", &b), ("message", "Again")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Dave asks to meet Carol: his side is accepted by asking; she declines; it closes.
    let c = app.scalar_i64("SELECT id FROM users WHERE email = 'carol@example.org'").await.to_string();
    let r = dave
        .post("/network/introductions", &[("first", &dave_id.to_string()), ("second", &c), ("message", "Hi")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(app.mails_to("dave@example.org").await.is_empty(), "no mail to the one who asked");
    assert_eq!(app.mails_to("carol@example.org").await.len(), 1);
    let id = app.scalar_i64("SELECT MAX(id) FROM introductions").await;
    assert!(carol.page("/network/introductions").await.contains("Dave Dizon would like to meet you"));
    let r = carol.post(&format!("/network/introductions/{id}/answer"), &[("answer", "decline")]).await;
    assert_eq!(location(&r), "/network/introductions?done=declined");
    assert_eq!(
        app.strings(&format!(
            "SELECT a_answer || '/' || b_answer FROM introductions WHERE id = {id} AND closed_at IS NOT NULL"
        ))
        .await
        .len(),
        1
    );
    // After a "no", Dave cannot ask again at once (and Carol gets no second mail).
    let r = dave
        .post("/network/introductions", &[("first", &dave_id.to_string()), ("second", &c), ("message", "Please?")])
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.mails_to("carol@example.org").await.len(), 1);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM ties").await, 1);

    // Bad input: the same person twice, nobody, no message, too long a message; no token.
    let long = "x".repeat(501);
    let bad: [&[(&str, &str)]; 5] = [
        &[("first", &a), ("second", &a), ("message", "Hi")],
        &[("first", &a), ("second", "999999"), ("message", "Hi")],
        &[("first", &a), ("second", "x"), ("message", "Hi")],
        &[("first", &a), ("second", &c), ("message", "  ")],
        &[("first", &a), ("second", &c), ("message", &long)],
    ];
    for form in bad {
        assert_eq!(
            dave.post("/network/introductions", form).await.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{form:?}"
        );
    }
    let r = dave.post_raw("/network/introductions", &[("first", &a), ("second", &c), ("message", "Hi")]).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM introductions").await, 2);
    let r = app.browser().get("/network/introductions").await;
    assert!(location(&r).starts_with("/signin"), "the public gets nothing");
});

db_test!(at_risk_members_are_never_suggested_nor_introduced, |app: TestApp| async move {
    let (mali, mali_id) = app.signed_in("mali@example.org", Role::Member, "Mali Member").await;
    app.set_profile(mali_id, "sector = 'police', country = 'TH'").await;
    let link = member(&app, "xavier@example.org", "Xavier Link", "nhri", "TH").await;
    let rosa = member(&app, "rosa@example.org", "Rosa Hidden", "legal", "TH").await;
    let yuki = member(&app, "yuki@example.org", "Yuki Suggested", "health", "PH").await;
    app.set_profile(rosa, "at_risk = TRUE").await;
    for other in [mali_id, rosa, yuki] {
        tie(&app, link, other).await;
    }
    let page = mali.page("/network/introductions").await;
    assert!(page.contains("Yuki Suggested"), "{page}");
    assert!(
        page.contains("1 colleague in common · another sector: Health and forensics · another country: Philippines")
    );
    assert!(!page.contains("Rosa Hidden"), "an at-risk member is never suggested to a member");

    // A member who tries anyway learns nothing: the refusal is the one for nobody at all.
    let (m, r) = (mali_id.to_string(), rosa.to_string());
    let refused = mali.post("/network/introductions", &[("first", &m), ("second", &r), ("message", "Hi")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = refused.text().await.unwrap();
    assert!(text.contains("Choose people you can see") && !text.contains("at risk"), "{text}");

    // Coordinators see her among the pairs, to introduce in person, but cannot introduce her here.
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Cora Ordinator").await;
    let page = coordinator.page("/network/introductions").await;
    assert!(page.contains("Rosa Hidden") && page.contains("introduce them in person"), "{page}");
    let x = link.to_string();
    let refused = coordinator.post("/network/introductions", &[("first", &x), ("second", &r), ("message", "Hi")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.unwrap().contains("cannot involve a member at risk"));
    // Nor can she introduce herself, or others.
    let rosa_browser = app.browser();
    rosa_browser.sign_in("rosa@example.org", crate::common::PASSWORD).await;
    let own = rosa_browser.page("/network/introductions").await;
    assert!(own.contains("you cannot introduce or be introduced") && !own.contains("Send the introduction"));
    let y = yuki.to_string();
    for form in [[("first", &r), ("second", &x)], [("first", &m), ("second", &y)]] {
        let mut fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        fields.push(("message", "Hi"));
        assert_eq!(
            rosa_browser.post("/network/introductions", &fields).await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM introductions").await, 0);

    // Someone who becomes at risk after an introduction vanishes from it for the other side.
    let r = mali.post("/network/introductions", &[("first", &m), ("second", &y), ("message", "Hello Yuki")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let page = mali.page("/network/introductions").await;
    assert!(
        page.contains("You asked to meet Yuki Suggested") && !page.contains("Introduce yourself to Yuki Suggested")
    );
    app.set_profile(yuki, "at_risk = TRUE, updated_at = 4102444800000").await;
    let page = mali.page("/network/introductions").await;
    assert!(!page.contains("Yuki Suggested") && !page.contains("Hello Yuki"), "{page}");
    let id = app.scalar_i64("SELECT id FROM introductions").await;
    let yuki_browser = app.browser();
    yuki_browser.sign_in("yuki@example.org", crate::common::PASSWORD).await;
    assert!(yuki_browser.page("/network/introductions").await.contains("Hello Yuki"), "she still sees her own");
    // Mali, who asked, cannot see it any more; answering it answers as if it did not exist.
    assert_eq!(
        mali.post(&format!("/network/introductions/{id}/answer"), &[("answer", "accept")]).await.status(),
        StatusCode::NOT_FOUND
    );
});

db_test!(the_demo_has_champions_and_introductions_in_every_state, |app: TestApp| async move {
    roundtable::demo::seed(&app.db, 7, "demo-password-for-tests", app.data_dir()).await.unwrap();
    let stages = app.strings("SELECT DISTINCT stage FROM champions ORDER BY stage").await;
    assert_eq!(stages, vec!["active", "alumni", "approached", "candidate"]);
    assert!(app.scalar_i64("SELECT COUNT(*) FROM champion_notes WHERE support IS NOT NULL").await >= 3);
    let at_risk_champions = app
        .scalar_i64("SELECT COUNT(*) FROM champions c JOIN profiles p ON p.user_id = c.user_id WHERE p.at_risk")
        .await;
    assert_eq!(at_risk_champions, 1);
    for (sql, what) in [
        ("closed_at IS NULL AND a_answer = 'pending' AND b_answer = 'pending'", "pending"),
        ("closed_at IS NULL AND (a_answer = 'accepted') <> (b_answer = 'accepted')", "one side accepted"),
        ("closed_at IS NOT NULL AND a_answer = 'accepted' AND b_answer = 'accepted'", "accepted"),
        ("closed_at IS NOT NULL AND (a_answer = 'declined' OR b_answer = 'declined')", "declined"),
    ] {
        assert!(app.scalar_i64(&format!("SELECT COUNT(*) FROM introductions WHERE {sql}")).await > 0, "{what}");
    }
    assert!(app.scalar_i64("SELECT COUNT(*) FROM ties WHERE source = 'introduction'").await >= 2);
    assert_eq!(
        app.scalar_i64(
            "SELECT COUNT(*) FROM introductions i JOIN profiles p ON p.user_id IN (i.a_id, i.b_id) WHERE p.at_risk"
        )
        .await,
        0
    );

    let coordinator = app.browser();
    coordinator.sign_in("coordinator@example.org", "demo-password-for-tests").await;
    coordinator.page("/network/champions").await;
    // Once the analysis is cached, the page is quick; the bound is loose for slow test machines.
    let started = std::time::Instant::now();
    let html = coordinator.page("/network/champions").await;
    assert!(started.elapsed() < std::time::Duration::from_secs(2), "{:?}", started.elapsed());
    assert!(html.contains("Active champion") && html.contains("cross-sector ties"));
    let champion = app.scalar_i64("SELECT MIN(user_id) FROM champions WHERE stage = 'alumni'").await;
    assert!(coordinator.page(&format!("/network/champions/{champion}")).await.contains("Alumni"));
    assert!(!coordinator.page("/network/introductions").await.contains("No pairs to suggest"));
    let member = app.browser();
    member.sign_in("member@example.org", "demo-password-for-tests").await;
    let page = member.page("/network/introductions").await;
    assert!(page.contains("Siriporn Chanthawong introduced you to"), "{page}");
    assert!(page.contains("would like to meet you") || page.contains("You asked to meet"));
});

db_test!(a_member_with_nothing_to_show_is_not_ranked, |app: TestApp| async move {
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Cora Coordinator").await;
    let officer = member(&app, "anan@example.org", "Officer Anan", "police", "TH").await;
    let monitor = member(&app, "siti@example.org", "Monitor Siti", "nhri", "MY").await;
    member(&app, "lone@example.org", "Lone Newcomer", "legal", "PH").await;
    tie(&app, officer, monitor).await;
    let page = coordinator.page("/network/champions").await;
    assert!(page.contains("Officer Anan") && page.contains("Monitor Siti"), "{page}");
    assert!(!page.contains("Lone Newcomer"), "a score of 0 is no rank: {page}");
    // The one police tie is to a Thai officer: the monitor's reason names no country.
    assert!(page.contains("Bridges Human rights institution &#x2f; NPM and Police: 1 cross-sector tie"), "{page}");
    assert!(!page.contains("and Police in Malaysia"), "{page}");
    // Once on the path, the newcomer is found by stage, without a rank.
    let lone = app.scalar_i64("SELECT id FROM users WHERE email = 'lone@example.org'").await;
    let r =
        coordinator.post(&format!("/network/champions/{lone}/stage"), &[("stage", "candidate"), ("note", "")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(coordinator.page("/network/champions?stage=candidate").await.contains("Lone Newcomer"));
    assert!(!coordinator.page("/network/champions").await.contains("Lone Newcomer"));
});
