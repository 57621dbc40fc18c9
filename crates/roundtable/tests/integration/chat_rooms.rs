//! A group's chat room: moderators switch it on and off, it follows the group's membership
//! (whoever leaves the group leaves the room, even with a participant row left behind), and
//! members at risk are in it only by their own choice, named there as everywhere else.

use reqwest::StatusCode;
use roundtable::vocab::Role;

use crate::common::{location, Browser, TestApp};
use crate::db_test;
use crate::groups::create_group;

async fn say(who: &Browser, room: i64, body: &str) {
    let r = who.post(&format!("/messages/{room}"), &[("body", body)]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", r.text().await.unwrap());
}

async fn room_action(who: &Browser, group: i64, action: &str) -> reqwest::Response {
    who.post(&format!("/groups/{group}/room"), &[("action", action)]).await
}

db_test!(
    a_room_follows_its_group_and_members_at_risk_join_by_choice,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (mo, _) = app.signed_in("mo@example.org", Role::Member, "Mo Moderator").await;
        let (ana, _) = app.signed_in("ana@example.org", Role::Member, "Ana Member").await;
        let (rae, rae_id) = app.signed_in("rae@example.org", Role::Member, "Rae Private").await;
        app.set_profile(rae_id, "at_risk = TRUE").await;
        let (out, out_id) = app.signed_in("out@example.org", Role::Coordinator, "Olu Outsider").await;
        let group = create_group(&mo, "Interviewing practice", "open", false).await;
        for who in [&ana, &rae] {
            assert_eq!(who.post(&format!("/groups/{group}/join"), &[]).await.status(), StatusCode::SEE_OTHER);
        }
        assert!(mo.page(&format!("/groups/{group}")).await.contains("This group has no chat room."));

        // Only a moderator switches the room on.
        assert_eq!(room_action(&ana, group, "on").await.status(), StatusCode::FORBIDDEN);
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM conversations").await, 0);
        let r = room_action(&mo, group, "on").await;
        assert_eq!(location(&r), format!("/groups/{group}?done=room_on"));
        let room = app.scalar_i64(&format!("SELECT id FROM conversations WHERE group_id = {group}")).await;

        // Its members are in it, listed under the group's name; the member at risk is not.
        let list = ana.page("/messages").await;
        assert!(list.contains("Interviewing practice") && list.contains("Chat room"), "{list}");
        assert!(ana.page(&format!("/groups/{group}")).await.contains("Open the chat room"));
        assert_eq!(rae.get(&format!("/messages/{room}")).await.status(), StatusCode::NOT_FOUND);
        let page = rae.page(&format!("/groups/{group}")).await;
        assert!(page.contains("Join the chat room") && page.contains("You keep your name private"), "{page}");
        // Nor anyone outside the group, a coordinator included.
        assert_eq!(out.get(&format!("/messages/{room}")).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(room_action(&out, group, "join").await.status(), StatusCode::FORBIDDEN);

        // She joins by her own choice, and others see her as a participant who keeps her
        // name private.
        say(&ana, room, "Hello room").await;
        let r = room_action(&rae, group, "join").await;
        assert_eq!(location(&r), format!("/messages/{room}"));
        assert!(
            !rae.page(&format!("/messages/{room}")).await.contains("Hello room"),
            "only what is said after she joined"
        );
        say(&rae, room, "Hi from a private participant").await;
        let page = ana.page(&format!("/messages/{room}")).await;
        assert!(
            page.contains("Hi from a private participant")
                && page.contains("A participant who keeps their name private")
        );
        assert!(!page.contains("Rae Private"), "{page}");
        assert!(page.contains("3 people"), "{page}");

        // Someone who joins the group later is in the room from then on.
        let (ben, _) = app.signed_in("ben@example.org", Role::Member, "Ben Later").await;
        assert_eq!(ben.post(&format!("/groups/{group}/join"), &[]).await.status(), StatusCode::SEE_OTHER);
        let page = ben.page(&format!("/messages/{room}")).await;
        assert!(!page.contains("Hello room") && page.contains("Interviewing practice"), "{page}");

        // Leaving the group, or being removed from it, leaves the room.
        assert_eq!(ana.post(&format!("/groups/{group}/leave"), &[]).await.status(), StatusCode::SEE_OTHER);
        assert_eq!(ana.get(&format!("/messages/{room}")).await.status(), StatusCode::NOT_FOUND);
        assert!(!ana.page("/messages").await.contains("Interviewing practice"));
        let ben_id = app.scalar_i64("SELECT id FROM users WHERE email = 'ben@example.org'").await;
        let r = mo.post(&format!("/groups/{group}/members/{ben_id}"), &[("action", "remove")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(ben.get(&format!("/messages/{room}")).await.status(), StatusCode::NOT_FOUND);
        // A participant row without the group behind it reads nothing: the rule checks the group.
        app.exec(&format!(
            "INSERT INTO conversation_members (conversation_id, user_id, role, state, joined_at) VALUES ({room}, {out_id}, 'member', 'active', 0)"
        ))
        .await;
        assert_eq!(out.get(&format!("/messages/{room}")).await.status(), StatusCode::NOT_FOUND);
        assert!(!out.page("/messages").await.contains("Interviewing practice"));

        // Switching it off deletes the room and every message in it.
        assert_eq!(room_action(&rae, group, "off").await.status(), StatusCode::FORBIDDEN);
        let r = room_action(&mo, group, "off").await;
        assert_eq!(location(&r), format!("/groups/{group}?done=room_off"));
        assert_eq!(app.scalar_i64(&format!("SELECT COUNT(*) FROM messages WHERE conversation_id = {room}")).await, 0);
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM conversations").await, 0);
        assert_eq!(rae.get(&format!("/messages/{room}")).await.status(), StatusCode::NOT_FOUND);
        let audit = app.strings("SELECT action FROM audit_log ORDER BY id").await;
        assert!(audit.contains(&"chat_room_opened".to_string()) && audit.contains(&"chat_room_closed".to_string()));
    }
);
