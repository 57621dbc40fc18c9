//! Ask an expert: routing by area, language and endorsements; direct questions; who may read
//! and answer; answers notify the asker; publishing to the forum only when allowed;
//! coordinators see what waits and route it further.

use reqwest::StatusCode;
use roundtable::vocab::Role;

use crate::common::{location, Browser, TestApp};
use crate::db_test;

async fn expert(app: &TestApp, email: &str, name: &str, areas: &[&str], langs: &[&str]) -> (Browser, i64) {
    let (b, id) = app.signed_in(email, Role::Member, name).await;
    for a in areas {
        app.exec(&format!("INSERT INTO profile_expertise (user_id, area) VALUES ({id}, '{a}')")).await;
    }
    for l in langs {
        app.exec(&format!("INSERT INTO profile_languages (user_id, lang) VALUES ({id}, '{l}')")).await;
    }
    (b, id)
}

async fn ask(b: &Browser, fields: &[(&str, &str)]) -> i64 {
    let r = b.post("/questions", fields).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "{fields:?}");
    let loc = location(&r);
    loc.trim_start_matches("/questions/").split('?').next().unwrap().parse().unwrap()
}

async fn routed(app: &TestApp, question: i64) -> Vec<String> {
    app.strings(&format!(
        "SELECT u.display_name FROM question_experts qe JOIN users u ON u.id = qe.expert_id WHERE qe.question_id = {question} ORDER BY u.display_name"
    ))
    .await
}

db_test!(questions_reach_the_right_experts_and_stay_private, |app: TestApp| async move {
    let (asker, asker_id) = app.signed_in("asker@example.org", Role::Member, "Ana Asker").await;
    let (thai, _) = expert(&app, "thai@example.org", "Somchai Thai", &["detention_monitoring"], &["th"]).await;
    let (_, endorsed) = expert(&app, "endorsed@example.org", "Ed Endorsed", &["detention_monitoring"], &["en"]).await;
    expert(&app, "plain@example.org", "Pia Plain", &["detention_monitoring"], &["en"]).await;
    expert(&app, "other@example.org", "Olu Other", &["detention_monitoring"], &["en"]).await;
    let (_, at_risk) = expert(&app, "risk@example.org", "Rosa Risk", &["detention_monitoring"], &["th"]).await;
    app.set_profile(at_risk, "at_risk = TRUE").await;
    let (_, hidden) = expert(&app, "hidden@example.org", "Hana Hidden", &["detention_monitoring"], &["th"]).await;
    app.set_profile(hidden, "expertise_vis = 'coordinators'").await;
    expert(&app, "law@example.org", "Lee Lawyer", &["legal_safeguards"], &["th"]).await;
    let (outsider, _) = app.signed_in("out@example.org", Role::Member, "Otto Outside").await;
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Cora").await;
    app.exec(&format!("INSERT INTO endorsements (endorser_id, member_id, area, created_at) VALUES ({asker_id}, {endorsed}, 'detention_monitoring', 0)")).await;

    let q = ask(
        &asker,
        &[
            ("area", "detention_monitoring"),
            ("lang", "th"),
            ("title", "แบบตรวจเยี่ยมสถานที่ควบคุมตัว"),
            ("body", "ควรมีหัวข้อใดบ้าง"),
        ],
    )
    .await;
    // The Thai speaker first, then the endorsed, then one more; never the at-risk member,
    // one who shows the area to coordinators only, or a lawyer of another area.
    let sent = routed(&app, q).await;
    assert_eq!(sent.len(), 3);
    assert!(sent.contains(&"Somchai Thai".to_string()) && sent.contains(&"Ed Endorsed".to_string()), "{sent:?}");
    assert!(!sent.iter().any(|n| ["Rosa Risk", "Hana Hidden", "Lee Lawyer", "Ana Asker"].contains(&n.as_str())));
    // Each expert is told at once (questions are mailed immediately by default).
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM outbox WHERE kind = 'notify_question'").await, 3);
    assert!(thai.page("/notifications").await.contains("Ana Asker asked you a question"));

    // Only the asker, its experts and coordinators can read it; others are told nothing.
    assert_eq!(outsider.get(&format!("/questions/{q}")).await.status(), StatusCode::NOT_FOUND);
    assert!(!outsider.page("/questions").await.contains("แบบตรวจเยี่ยม"));
    assert!(location(&app.browser().get(&format!("/questions/{q}")).await).starts_with("/signin"));
    assert!(thai.page(&format!("/questions/{q}")).await.contains("ควรมีหัวข้อใดบ้าง"));
    // Coordinators see it waiting.
    let page = coordinator.page("/questions").await;
    assert!(page.contains("แบบตรวจเยี่ยมสถานที่ควบคุมตัว"));
    // The asker cannot answer their own question; an outsider cannot either.
    let r = asker.post(&format!("/questions/{q}/answers"), &[("body", "me")]).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let r = outsider.post(&format!("/questions/{q}/answers"), &[("body", "me")]).await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);

    // An expert answers: the asker is told; the private question cannot be published.
    let r = thai.post(&format!("/questions/{q}/answers"), &[("body", "ทะเบียนการควบคุมตัว การเข้าถึงทนายความ")]).await;
    assert_eq!(location(&r), format!("/questions/{q}?done=answered"));
    assert!(asker.page("/notifications").await.contains("Somchai Thai answered your question"));
    let kinds = app.strings("SELECT kind FROM outbox WHERE to_addr = 'asker@example.org'").await;
    assert_eq!(kinds, vec!["notify_question"]);
    assert!(asker.page(&format!("/questions/{q}")).await.contains("ทะเบียนการควบคุมตัว"));
    let r = asker.post(&format!("/questions/{q}/publish"), &[]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM threads").await, 0);
    // Answered: no longer waiting for coordinators.
    let page = coordinator.page("/questions").await;
    assert!(page.contains("Every question has an answer."), "{page}");
});

db_test!(direct_questions_publishing_and_routing_further, |app: TestApp| async move {
    let (asker, _) = app.signed_in("asker@example.org", Role::Member, "Ana Asker").await;
    let (doc, doc_id) = expert(&app, "doc@example.org", "Dr Dana", &["torture_documentation"], &["ms"]).await;
    let (_, other_id) = expert(&app, "other@example.org", "Dr Omar", &["torture_documentation"], &["ms"]).await;
    let (_, risk_id) = expert(&app, "risk@example.org", "Rosa Risk", &["torture_documentation"], &["ms"]).await;
    app.set_profile(risk_id, "at_risk = TRUE").await;
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Cora").await;

    // Bad input is refused and stores nothing.
    let base = [
        ("area", "torture_documentation"),
        ("lang", "ms"),
        ("title", "Protokol Istanbul"),
        ("body", "Langkah pertama?"),
    ];
    for (field, value) in [("area", "cooking"), ("lang", "xx"), ("title", " "), ("body", "")] {
        let mut fields: Vec<(&str, &str)> = base.iter().filter(|(k, _)| *k != field).copied().collect();
        fields.push((field, value));
        let r = asker.post("/questions", &fields).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}");
    }
    // A direct question to someone at risk, or about an area they do not list, is refused.
    for (who, area) in [(risk_id, "torture_documentation"), (doc_id, "law_reform")] {
        let id = who.to_string();
        let fields = [("area", area), ("lang", "ms"), ("title", "Q"), ("body", "B"), ("expert", id.as_str())];
        let r = asker.post("/questions", &fields).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM questions").await, 0);

    // A direct question goes to that expert only; the asker allows publishing.
    let id = doc_id.to_string();
    let mut fields = base.to_vec();
    fields.extend([("expert", id.as_str()), ("publishable", "on")]);
    let q = ask(&asker, &fields).await;
    assert_eq!(routed(&app, q).await, vec!["Dr Dana"]);
    assert!(doc.page(&format!("/questions/{q}")).await.contains("The asker may publish this question"));
    // Nothing to publish before an answer.
    let r = asker.post(&format!("/questions/{q}/publish"), &[]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // A direct question goes to nobody else, not even through a coordinator.
    let r = coordinator.post(&format!("/questions/{q}/route"), &[("expert", &other_id.to_string())]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(routed(&app, q).await, vec!["Dr Dana"]);

    // A routed question: a coordinator sends it to one more expert (never to someone at
    // risk or to the asker); only coordinators route.
    let routed_q = ask(&asker, &base).await;
    assert_eq!(routed(&app, routed_q).await, vec!["Dr Dana", "Dr Omar"]);
    let (_, ivy) = expert(&app, "ivy@example.org", "Dr Ivy", &["torture_documentation"], &["en"]).await;
    let r = coordinator.post(&format!("/questions/{routed_q}/route"), &[("expert", &risk_id.to_string())]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = doc.post(&format!("/questions/{routed_q}/route"), &[("expert", &ivy.to_string())]).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let r = coordinator.post(&format!("/questions/{routed_q}/route"), &[("expert", &ivy.to_string())]).await;
    assert_eq!(location(&r), format!("/questions/{routed_q}?done=routed"));
    assert_eq!(routed(&app, routed_q).await, vec!["Dr Dana", "Dr Ivy", "Dr Omar"]);
    // An expert who comes to be at risk disappears from the list the asker sees.
    app.set_profile(ivy, "at_risk = TRUE").await;
    let page = asker.page(&format!("/questions/{routed_q}")).await;
    assert!(page.contains("Dr Omar") && !page.contains("Dr Ivy"), "{page}");

    let r = doc.post(&format!("/questions/{q}/answers"), &[("body", "Rekod kecederaan dengan rajah badan.")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // Only the asker publishes; then it is a network thread with both posts, found by search.
    let r = doc.post(&format!("/questions/{q}/publish"), &[]).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let r = asker.post(&format!("/questions/{q}/publish"), &[]).await;
    let thread = location(&r);
    assert!(thread.starts_with("/forum/threads/"), "{thread}");
    let page = coordinator.page(&thread).await;
    assert!(page.contains("Langkah pertama?") && page.contains("Rekod kecederaan"));
    assert!(coordinator.page("/search?q=kecederaan").await.contains("Protokol Istanbul"));
    // Once only; and no more answers after publishing.
    let r = asker.post(&format!("/questions/{q}/publish"), &[]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = doc.post(&format!("/questions/{q}/answers"), &[("body", "More")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM threads").await, 1);
});
