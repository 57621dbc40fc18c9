//! Reporting a message, and hearing of new ones. A report carries the reported message alone
//! to those who moderate where it was said (a room's group moderators, else coordinators),
//! who still cannot read the conversation; settling it removes the copy. New messages make one
//! notice per conversation until it is read, and the mail about them names nobody and quotes
//! nothing; a mention reaches only people in the conversation.

use reqwest::StatusCode;
use roundtable::vocab::Role;

use crate::chat::{tie, write};
use crate::common::{location, TestApp};
use crate::db_test;
use crate::groups::create_group;

db_test!(
    a_report_carries_one_message_to_those_who_moderate_where_it_was_said,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (ana, ana_id) = app.signed_in("ana@example.org", Role::Member, "Ana Reporter").await;
        let (ben, ben_id) = app.signed_in("ben@example.org", Role::Member, "Ben Rude").await;
        let (coord, _) = app.signed_in("coord@example.org", Role::Coordinator, "Cora Coordinator").await;
        let (mo, _) = app.signed_in("mo@example.org", Role::Member, "Mo Moderator").await;
        app.exec(&tie(ana_id, ben_id)).await;
        let direct = write(&ana, &[ben_id], "Shall we meet before the visit?").await;
        let r = ben.post(&format!("/messages/{direct}"), &[("body", "Nobody wants you there, HARASSMENT")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let rude = app.scalar_i64(&format!("SELECT MAX(id) FROM messages WHERE conversation_id = {direct}")).await;
        let own = app.scalar_i64(&format!("SELECT MIN(id) FROM messages WHERE conversation_id = {direct}")).await;

        // One's own message cannot be reported, nor one in a conversation one is not in; a
        // report needs a reason. None of that leaves anything behind.
        let report = |m: i64| format!("/messages/{direct}/m/{m}/report");
        assert_eq!(ana.get(&report(own)).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(coord.post(&report(rude), &[("reason", "x")]).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(ana.post(&report(rude), &[("reason", "  ")]).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM message_reports").await, 0);
        let form = ana.page(&report(rude)).await;
        assert!(form.contains("HARASSMENT") && form.contains("network&#x27;s coordinators"), "{form}");
        assert!(form.contains("for 30 days at most"), "the reporter is told how long the copy may stay");
        let r = ana.post(&report(rude), &[("reason", "Threatening a colleague")]).await;
        assert_eq!(location(&r), format!("/messages/{direct}?done=reported#m-{rude}"));

        // A private conversation's report goes to coordinators, with that message alone: the
        // coordinator reads the report, not the conversation.
        let list = coord.page("/messages/reports").await;
        assert!(list.contains("HARASSMENT") && list.contains("Threatening a colleague") && list.contains("Ben Rude"));
        assert!(!list.contains("Shall we meet"), "nothing else of the conversation: {list}");
        assert!(coord.page("/messages").await.contains("1 reported message"));
        assert_eq!(coord.get(&format!("/messages/{direct}")).await.status(), StatusCode::NOT_FOUND);
        assert!(coord.page("/").await.contains("1 reported message"), "on the coordinator's desk");
        for other in [&ben, &mo] {
            assert!(!other.page("/messages/reports").await.contains("HARASSMENT"));
        }
        let id = app.scalar_i64("SELECT id FROM message_reports").await;
        assert_eq!(
            mo.post(&format!("/messages/reports/{id}"), &[("action", "remove")]).await.status(),
            StatusCode::NOT_FOUND
        );
        // Deleting removes the text for everyone and settles the report with its copy.
        let r = coord.post(&format!("/messages/reports/{id}"), &[("action", "remove")]).await;
        assert_eq!(location(&r), "/messages/reports?done=removed");
        assert!(!ana.page(&format!("/messages/{direct}")).await.contains("HARASSMENT"));
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM message_reports").await, 0);
        let left = app.strings(&format!("SELECT body FROM messages WHERE id = {rude}")).await;
        assert_eq!(left, vec![String::new()]);

        // Nobody handles a report of their own message: a coordinator's goes to the others.
        let (other, _) = app.signed_in("other@example.org", Role::Coordinator, "Olu Coordinator").await;
        let to_ana = write(&coord, &[ana_id], "A COORDINATORSAYS message").await;
        let said = app.scalar_i64(&format!("SELECT MAX(id) FROM messages WHERE conversation_id = {to_ana}")).await;
        let r = ana.post(&format!("/messages/{to_ana}/m/{said}/report"), &[("reason", "Pressure")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert!(!coord.page("/messages/reports").await.contains("COORDINATORSAYS"), "not to its author");
        assert!(other.page("/messages/reports").await.contains("COORDINATORSAYS"));
        let id = app.scalar_i64("SELECT id FROM message_reports").await;
        other.post(&format!("/messages/reports/{id}"), &[("action", "dismiss")]).await;

        // A room's report goes to the group's moderators, and to no coordinator.
        let group = create_group(&mo, "Monitoring visits", "open", false).await;
        for who in [&ana, &ben] {
            assert_eq!(who.post(&format!("/groups/{group}/join"), &[]).await.status(), StatusCode::SEE_OTHER);
        }
        mo.post(&format!("/groups/{group}/room"), &[("action", "on")]).await;
        let room = app.scalar_i64(&format!("SELECT id FROM conversations WHERE group_id = {group}")).await;
        ben.post(&format!("/messages/{room}"), &[("body", "Off-topic ROOMRANT")]).await;
        let rant = app.scalar_i64(&format!("SELECT MAX(id) FROM messages WHERE conversation_id = {room}")).await;
        let r = ana.post(&format!("/messages/{room}/m/{rant}/report"), &[("reason", "Spam")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert!(mo.page("/messages/reports").await.contains("ROOMRANT"));
        assert!(!coord.page("/messages/reports").await.contains("ROOMRANT"));
        let id = app.scalar_i64("SELECT id FROM message_reports").await;
        // Dismissing keeps the message and removes the report.
        let r = mo.post(&format!("/messages/reports/{id}"), &[("action", "dismiss")]).await;
        assert_eq!(location(&r), "/messages/reports?done=dismissed");
        assert!(ana.page(&format!("/messages/{room}")).await.contains("ROOMRANT"));
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM message_reports").await, 0);

        // A report left open keeps its copy for 30 days at most.
        ana.post(&format!("/messages/{room}/m/{rant}/report"), &[("reason", "Spam again")]).await;
        app.exec("UPDATE conversations SET timer_ms = NULL").await;
        app.exec("UPDATE messages SET expires_at = NULL").await;
        app.clock.advance(31 * 86_400_000);
        assert_eq!(roundtable::chat::sweep(&app.db, app.clock.now_ms()).await.unwrap(), 1);
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM message_reports").await, 0);
    }
);

db_test!(
    new_messages_are_one_notice_per_conversation_and_mail_says_nothing_more,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (ana, ana_id) = app.signed_in("ana@example.org", Role::Member, "Ana Writer").await;
        let (ben, ben_id) = app.signed_in("ben@example.org", Role::Member, "Ben Reader").await;
        app.exec(&tie(ana_id, ben_id)).await;
        let count = format!("SELECT COUNT(*) FROM notifications WHERE user_id = {ben_id} AND kind = 'message'");
        let notices = || app.scalar_i64(&count);
        // Ben wants mail about messages at once (and about the rest as by default).
        let kinds = ["mention", "reply", "group", "introduction", "question", "event", "initiative"];
        let mut settings: Vec<(&str, &str)> = kinds.iter().map(|k| (*k, "daily")).collect();
        settings.push(("message", "immediate"));
        let r = ben.post("/notifications/settings", &settings).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", r.text().await.unwrap());
        let id = write(&ana, &[ben_id], "The CONFIDENTIAL list of detainees").await;
        ana.post(&format!("/messages/{id}"), &[("body", "And a second message")]).await;
        assert_eq!(notices().await, 1, "one notice for the conversation, however many messages");
        let centre = ben.page("/notifications").await.replace("&#x2f;", "/");
        assert!(centre.contains("New messages in a conversation") && centre.contains(&format!("/messages/{id}")));
        let mails = app.strings("SELECT subject || ' ' || body_text FROM outbox WHERE kind = 'notify_message'").await;
        assert_eq!(mails.len(), 1, "{mails:?}");
        assert!(mails[0].contains("You have new messages on Roundtable"), "{}", mails[0]);
        for secret in ["CONFIDENTIAL", "Ana Writer", "ana@example.org", "second message"] {
            assert!(!mails[0].contains(secret), "the mail holds {secret}: {}", mails[0]);
        }
        // Reading the conversation reads the notice; the next message makes a new one.
        ben.page(&format!("/messages/{id}")).await;
        let unread = app
            .scalar_i64(&format!("SELECT COUNT(*) FROM notifications WHERE user_id = {ben_id} AND read_at IS NULL"))
            .await;
        assert_eq!(unread, 0);
        ana.post(&format!("/messages/{id}"), &[("body", "A third")]).await;
        assert_eq!(notices().await, 2);
        // The author hears nothing of their own; a muted conversation says nothing.
        let mine = app.scalar_i64(&format!("SELECT COUNT(*) FROM notifications WHERE user_id = {ana_id}")).await;
        assert_eq!(mine, 0);
        ben.page(&format!("/messages/{id}")).await;
        ben.post(&format!("/messages/{id}/options"), &[("toggle", "mute")]).await;
        ana.post(&format!("/messages/{id}"), &[("body", "A fourth")]).await;
        assert_eq!(notices().await, 2);
        // A mention reaches him muted or not; nobody outside the conversation is mentioned into it.
        let (_, cy_id) = app.signed_in("cy@example.org", Role::Member, "Cy Outside").await;
        ana.post(&format!("/messages/{id}"), &[("body", "@Ben Reader and @Cy Outside, please look")]).await;
        let mentions = app
            .scalar_i64(&format!("SELECT COUNT(*) FROM notifications WHERE kind = 'mention' AND conversation_id = {id} AND user_id = {ben_id}"))
            .await;
        assert_eq!(mentions, 1);
        assert_eq!(app.scalar_i64(&format!("SELECT COUNT(*) FROM notifications WHERE user_id = {cy_id}")).await, 0);
        assert!(ben.page("/notifications").await.contains("Ana Writer mentioned you in a conversation"));
        ben.page(&format!("/messages/{id}")).await;
        // Someone who leaves no longer sees the notice of a conversation they cannot read.
        ben.post(&format!("/messages/{id}/options"), &[("toggle", "mute")]).await;
        ana.post(&format!("/messages/{id}"), &[("body", "A fifth")]).await;
        assert_eq!(notices().await, 3);
        let centre = || async { ben.page("/notifications").await.replace("&#x2f;", "/") };
        assert!(centre().await.contains(&format!("/messages/{id}")));
        ben.post(&format!("/messages/{id}/leave"), &[]).await;
        assert!(!centre().await.contains(&format!("/messages/{id}")));
        // Notices are not kept as a record of who wrote to whom: read ones go with the
        // minute's sweep, the others once the messages they told of have disappeared.
        let kept = format!("SELECT COUNT(*) FROM notifications WHERE conversation_id = {id}");
        let read = format!("{kept} AND read_at IS NOT NULL");
        assert!(app.scalar_i64(&read).await > 0);
        roundtable::chat::sweep(&app.db, app.clock.now_ms()).await.unwrap();
        assert_eq!(app.scalar_i64(&read).await, 0);
        assert!(app.scalar_i64(&kept).await > 0, "the unread one stays while its message does");
        app.clock.advance(7 * 86_400_000 + 1);
        roundtable::chat::sweep(&app.db, app.clock.now_ms()).await.unwrap();
        assert_eq!(app.scalar_i64(&kept).await, 0);
    }
);

db_test!(
    a_block_holds_for_forum_mentions_and_introductions,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (ana, ana_id) = app.signed_in("ana@example.org", Role::Member, "Ana Blocker").await;
        let (ben, ben_id) = app.signed_in("ben@example.org", Role::Member, "Ben Blocked").await;
        let (cy, cy_id) = app.signed_in("cy@example.org", Role::Member, "Cy Introducer").await;
        app.exec(&tie(ana_id, ben_id)).await;
        let id = write(&ben, &[ana_id], "Hello").await;
        let r = ana.post(&format!("/messages/{id}/block"), &[]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        // Ben mentions her in the forum: she hears nothing of it; Cy, who did not block him, does.
        crate::forums::new_thread(&ben, None, "Custody records", "@Ana Blocker and @Cy Introducer, thoughts?").await;
        let mentioned = app.strings("SELECT CAST(user_id AS TEXT) FROM notifications WHERE kind = 'mention'").await;
        assert_eq!(mentioned, vec![cy_id.to_string()]);
        // Cy introduces the two: Ana, who blocked Ben, declined it at once, and neither of
        // them hears of it; to Cy it is an ordinary "no".
        app.exec(&format!("DELETE FROM ties WHERE a_id = {} AND b_id = {}", ana_id.min(ben_id), ana_id.max(ben_id)))
            .await;
        let (a, b) = (ana_id.to_string(), ben_id.to_string());
        let r = cy
            .post("/network/introductions", &[("first", &a), ("second", &b), ("message", "You two should talk")])
            .await;
        assert_eq!(location(&r), "/network/introductions?done=sent");
        let answers = app
            .strings(&format!(
                "SELECT CASE WHEN a_id = {ana_id} THEN a_answer || '/' || b_answer ELSE b_answer || '/' || a_answer END \
                 FROM introductions WHERE closed_at IS NOT NULL"
            ))
            .await;
        assert_eq!(answers, vec!["declined/pending".to_string()], "Ana declined, Ben was not asked");
        let told = app.scalar_i64("SELECT COUNT(*) FROM notifications WHERE kind = 'introduction'").await;
        assert_eq!(told, 0);
        assert!(!cy.page("/network/introductions").await.contains("block"));
    }
);

db_test!(
    an_export_holds_what_the_member_reads_now_and_nothing_else,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (ana, ana_id) = app.signed_in("ana@example.org", Role::Member, "Ana Exporter").await;
        let (_ben, ben_id) = app.signed_in("ben@example.org", Role::Member, "Ben Colleague").await;
        let (rae, rae_id) = app.signed_in("rae@example.org", Role::Member, "Rae Private").await;
        let (cy, _) = app.signed_in("cy@example.org", Role::Member, "Cy Stranger").await;
        app.set_profile(rae_id, "at_risk = TRUE").await;
        for other in [ben_id, rae_id] {
            app.exec(&tie(ana_id, other)).await;
        }
        let with_ben = write(&ana, &[ben_id], "OLDWORDS that will disappear").await;
        app.exec(&format!("UPDATE messages SET expires_at = 1 WHERE conversation_id = {with_ben}")).await;
        ana.post(&format!("/messages/{with_ben}"), &[("body", "**KEPTWORDS** still here")]).await;
        write(&rae, &[ana_id], "PRIVATEWORDS from someone at risk").await;
        // A conversation she is not in stays out of her export.
        app.exec(&tie(ben_id, app.scalar_i64("SELECT id FROM users WHERE email = 'cy@example.org'").await)).await;
        write(&cy, &[ben_id], "OTHERWORDS").await;

        let page = ana.page("/messages/export").await;
        assert!(page.contains("beyond the timer"), "{page}");
        assert_eq!(ana.post("/messages/export", &[("format", "pdf")]).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let r = ana.post("/messages/export", &[("format", "json")]).await;
        assert_eq!(r.status(), StatusCode::OK);
        let disposition = r.headers()["content-disposition"].to_str().unwrap().to_string();
        assert!(disposition.starts_with("attachment;") && disposition.contains(".json"), "{disposition}");
        let json: serde_json::Value = r.json().await.unwrap();
        let text = json.to_string();
        assert!(text.contains("KEPTWORDS") && text.contains("PRIVATEWORDS"), "{text}");
        for absent in ["OLDWORDS", "OTHERWORDS", "Rae Private"] {
            assert!(!text.contains(absent), "{absent} in {text}");
        }
        assert_eq!(json["conversations"].as_array().unwrap().len(), 2);
        let r = ana.post("/messages/export", &[("format", "html")]).await;
        assert_eq!(r.status(), StatusCode::OK);
        let html = r.text().await.unwrap();
        assert!(html.contains("<strong>KEPTWORDS</strong>") && html.contains("does not disappear"), "{html}");
        assert!(!html.contains("OLDWORDS") && !html.contains("Rae Private"));
    }
);
