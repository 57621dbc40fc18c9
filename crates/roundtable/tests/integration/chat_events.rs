//! An event's chat: its organisers switch it on and off, registration puts members with a
//! place in it (and cancelling takes them out, even with a participant row left behind),
//! members at risk join only by their own choice, and it closes for writing the set time
//! after the event, read on the application's clock.

use reqwest::StatusCode;
use roundtable::vocab::Role;

use crate::common::{location, Browser, TestApp};
use crate::db_test;
use crate::events::{create, event_form, local, text_of};

async fn chat_action(who: &Browser, event: i64, form: &[(&str, &str)]) -> reqwest::Response {
    who.post(&format!("/events/{event}/chat"), form).await
}

async fn say(who: &Browser, chat: i64, body: &str) -> reqwest::Response {
    who.post(&format!("/messages/{chat}"), &[("body", body)]).await
}

db_test!(
    an_event_chat_follows_registration_and_closes_after_the_event,
    // Sessions outlast the days the clock moves on.
    config = |c: &mut roundtable::config::Config| {
        c.rate_limit_burst = 100_000;
        c.session_idle_minutes = 30 * 24 * 60;
    },
    |app: TestApp| async move {
        let (org, _) = app.signed_in("org@example.org", Role::Member, "Ong Organiser").await;
        let (ana, ana_id) = app.signed_in("ana@example.org", Role::Member, "Ana Participant").await;
        let (rae, rae_id) = app.signed_in("rae@example.org", Role::Member, "Rae Private").await;
        app.set_profile(rae_id, "at_risk = TRUE").await;
        let (coord, coord_id) = app.signed_in("coord@example.org", Role::Coordinator, "Cora Coordinator").await;
        let (starts, ends) = (local(3, 9), local(3, 17));
        let event =
            create(&org, &event_form("Interviewing workshop", "members", &[("starts", &starts), ("ends", &ends)]))
                .await;
        for who in [&ana, &rae] {
            assert_eq!(who.post(&format!("/events/{event}/rsvp"), &[]).await.status(), StatusCode::SEE_OTHER);
        }
        assert!(org.page(&format!("/events/{event}")).await.contains("This event has no chat."));
        // Participants see no chat section until there is one; nobody else switches it on.
        assert!(!ana.page(&format!("/events/{event}")).await.contains("Event chat"));
        assert_eq!(
            chat_action(&ana, event, &[("action", "on"), ("open_for", "week")]).await.status(),
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            chat_action(&coord, event, &[("action", "on"), ("open_for", "week")]).await.status(),
            StatusCode::FORBIDDEN
        );
        // A closing time that is not offered is refused, and nothing is made.
        let r = chat_action(&org, event, &[("action", "on"), ("open_for", "forever")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM conversations").await, 0);

        let r = chat_action(&org, event, &[("action", "on"), ("open_for", "day")]).await;
        assert_eq!(location(&r), format!("/events/{event}?done=chat_on#chat"));
        let chat = app.scalar_i64(&format!("SELECT id FROM conversations WHERE event_id = {event}")).await;

        // The organiser and the participant are in it, under the event's title; the member at
        // risk is not, nor a coordinator without a place.
        let list = ana.page("/messages").await;
        assert!(list.contains("Interviewing workshop") && list.contains("Event chat"), "{list}");
        assert!(ana.page(&format!("/events/{event}")).await.contains("Open the event chat"));
        assert_eq!(rae.get(&format!("/messages/{chat}")).await.status(), StatusCode::NOT_FOUND);
        let page = rae.page(&format!("/events/{event}")).await;
        assert!(page.contains("Join the event chat") && page.contains("You keep your name private"), "{page}");
        assert_eq!(coord.get(&format!("/messages/{chat}")).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(chat_action(&coord, event, &[("action", "join")]).await.status(), StatusCode::FORBIDDEN);

        // Organising makes one a moderator of the chat (who sets its timer), and no longer
        // organising undoes it.
        let role =
            format!("SELECT role FROM conversation_members WHERE conversation_id = {chat} AND user_id = {ana_id}");
        let ana_text = ana_id.to_string();
        for (action, expected) in [("add", "moderator"), ("remove", "member")] {
            let r = org.post(&format!("/events/{event}/organisers"), &[("action", action), ("user", &ana_text)]).await;
            assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", r.text().await.unwrap());
            assert_eq!(app.strings(&role).await, vec![expected.to_string()]);
        }
        assert_eq!(say(&ana, chat, "Who brings the projector?").await.status(), StatusCode::SEE_OTHER);
        let r = chat_action(&rae, event, &[("action", "join")]).await;
        assert_eq!(location(&r), format!("/messages/{chat}"));
        assert_eq!(say(&rae, chat, "I can bring one").await.status(), StatusCode::SEE_OTHER);
        let page = text_of(&org, &format!("/messages/{chat}")).await;
        assert!(
            page.contains("I can bring one") && page.contains("A participant who keeps their name private"),
            "{page}"
        );
        assert!(!page.contains("Rae Private") && page.contains("3 people"), "{page}");
        assert!(page.contains("Open for messages until"), "{page}");

        // Someone who registers later is in it from then on; giving up the place takes them out.
        let (ben, _) = app.signed_in("ben@example.org", Role::Member, "Ben Later").await;
        assert_eq!(ben.post(&format!("/events/{event}/rsvp"), &[]).await.status(), StatusCode::SEE_OTHER);
        assert!(ben.page(&format!("/messages/{chat}")).await.contains("Interviewing workshop"));
        assert_eq!(ben.post(&format!("/events/{event}/cancel"), &[]).await.status(), StatusCode::SEE_OTHER);
        assert_eq!(ben.get(&format!("/messages/{chat}")).await.status(), StatusCode::NOT_FOUND);
        assert!(!ben.page("/messages").await.contains("Interviewing workshop"));
        // A participant row without a place behind it reads nothing: the rule checks the event.
        app.exec(&format!(
            "INSERT INTO conversation_members (conversation_id, user_id, role, state, joined_at) VALUES ({chat}, {coord_id}, 'member', 'active', 0)"
        ))
        .await;
        assert_eq!(coord.get(&format!("/messages/{chat}")).await.status(), StatusCode::NOT_FOUND);

        // A day after the event it closes: what was said stays readable, nothing more is
        // written, reacted or joined.
        app.clock.advance(5 * 24 * 3_600_000);
        let page = ana.page(&format!("/messages/{chat}")).await;
        assert!(page.contains("Who brings the projector?") && page.contains("This chat closed on"), "{page}");
        assert!(!page.contains("id=\"send\""), "no form to send with");
        let r = say(&ana, chat, "Too late").await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.unwrap().contains("This chat has closed"));
        let message = app.scalar_i64(&format!("SELECT MIN(id) FROM messages WHERE conversation_id = {chat}")).await;
        let r = ana.post(&format!("/messages/{chat}/m/{message}/react"), &[("reaction", "thanks")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(app.scalar_i64(&format!("SELECT COUNT(*) FROM messages WHERE conversation_id = {chat}")).await, 2);
        assert!(org.page(&format!("/events/{event}")).await.contains("This chat has closed."));

        // What was said can still be reported once the chat has closed.
        let rae_said = app.scalar_i64(&format!("SELECT MAX(id) FROM messages WHERE conversation_id = {chat}")).await;
        let r = ana.post(&format!("/messages/{chat}/m/{rae_said}/report"), &[("reason", "Off topic")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        // Switching it off deletes it, every message in it and the copies its reports hold
        // (after signing in again: days have passed since she last confirmed who she is).
        org.sign_in("org@example.org", crate::common::PASSWORD).await;
        assert_eq!(chat_action(&ana, event, &[("action", "off")]).await.status(), StatusCode::FORBIDDEN);
        let r = chat_action(&org, event, &[("action", "off")]).await;
        assert_eq!(location(&r), format!("/events/{event}?done=chat_off#chat"));
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM messages").await, 0);
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM conversations").await, 0);
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM message_reports").await, 0);
        let audit = app.strings("SELECT action FROM audit_log ORDER BY id").await;
        assert!(audit.contains(&"event_chat_opened".to_string()) && audit.contains(&"event_chat_closed".to_string()));
        // An event that is long over takes no new chat.
        let r = chat_action(&org, event, &[("action", "on"), ("open_for", "day")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
);
