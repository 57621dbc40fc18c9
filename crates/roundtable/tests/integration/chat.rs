//! Messages: who may write to whom (requests, settings, blocks, the at-risk default), what a
//! sender can tell (nothing about a refusal), who reads (participants only, whatever their
//! role), editing and deleting, and disappearing messages deleted from the database.

use reqwest::StatusCode;
use roundtable::vocab::Role;

use crate::common::{location, Browser, TestApp};
use crate::db_test;

/// Start a conversation; returns its id.
pub async fn write(from: &Browser, to: &[i64], body: &str) -> i64 {
    let mut fields: Vec<(&str, String)> = to.iter().map(|id| ("to", id.to_string())).collect();
    fields.push(("body", body.to_string()));
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = from.post("/messages", &fields).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", r.text().await.unwrap());
    location(&r).trim_start_matches("/messages/").split('#').next().unwrap().parse().unwrap()
}

pub fn tie(a: i64, b: i64) -> String {
    format!("INSERT INTO ties (a_id, b_id, kind, created_at) VALUES ({}, {}, 'knows', 0)", a.min(b), a.max(b))
}

db_test!(
    a_first_message_is_a_request_and_a_refusal_looks_like_waiting,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (ana, ana_id) = app.signed_in("ana@example.org", Role::Member, "Ana Sender").await;
        let (ben, ben_id) = app.signed_in("ben@example.org", Role::Member, "Ben Open").await;
        let (nia, nia_id) = app.signed_in("nia@example.org", Role::Member, "Nia Narrow").await;

        // Ben takes messages from anyone: Ana's first message is a request with its first line.
        let to_ben = write(&ana, &[ben_id], "Hello Ben\n\nAbout the visit next week.").await;
        let list = ben.page("/messages").await;
        assert!(
            list.contains("Message requests") && list.contains("Ana Sender") && list.contains("Hello Ben"),
            "{list}"
        );
        assert!(!list.contains("About the visit"), "only the first line");
        assert_eq!(
            ben.get(&format!("/messages/{to_ben}")).await.status(),
            StatusCode::NOT_FOUND,
            "not before accepting"
        );

        // Nia takes messages only from ties: Ana's message is withheld, and Ana cannot tell.
        let r = nia.post("/messages/settings", &[("messages_from", "ties"), ("read_receipts", "on")]).await;
        assert_eq!(location(&r), "/messages/settings?done=saved");
        let to_nia = write(&ana, &[nia_id], "Hello Nia").await;
        assert!(!nia.page("/messages").await.contains("Hello Nia"), "withheld");
        // Ben declines; to Ana both conversations read the same: waiting.
        let r = ben.post(&format!("/messages/{to_ben}/answer"), &[("answer", "decline")]).await;
        assert_eq!(location(&r), "/messages?done=declined");
        let (a, b) = (ana.page(&format!("/messages/{to_ben}")).await, ana.page(&format!("/messages/{to_nia}")).await);
        for page in [&a, &b] {
            assert!(page.contains("Your message waits for an answer"), "{page}");
        }
        for page in [&a, &b] {
            for word in ["declined", "Declined", "blocked", "Blocked", "withheld"] {
                assert!(!page.contains(word), "{word}: {page}");
            }
        }
        // With a tie, Ana writes straight in.
        app.exec(&tie(ana_id, nia_id)).await;
        let direct = write(&ana, &[nia_id], "Now we know each other").await;
        assert_eq!(direct, to_nia, "the same one-to-one conversation, now delivered");
        assert!(nia.page(&format!("/messages/{direct}")).await.contains("Now we know each other"));
        // The header counts the conversation as unread until she opens it.
        app.exec(&format!("UPDATE conversation_members SET last_read_id = 0 WHERE user_id = {nia_id}")).await;
        let header = nia.page("/members").await;
        assert!(header.contains(r#"href="/messages">Messages <span class="badge new">1"#), "{header}");
    }
);

db_test!(
    members_at_risk_hear_only_from_ties_and_blocks_hold_everywhere,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (rae, rae_id) = app.signed_in("rae@example.org", Role::Member, "Rae Atrisk").await;
        let (ola, ola_id) = app.signed_in("ola@example.org", Role::Member, "Ola Other").await;
        let (cora, _) = app.signed_in("cora@example.org", Role::Coordinator, "Cora Coordinator").await;
        app.set_profile(rae_id, "at_risk = TRUE").await;

        // Members cannot even name her; a coordinator can, and writes straight in.
        let r = ola.post("/messages", &[("to", &rae_id.to_string()), ("body", "Hi")]).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        let settings = rae.page("/messages/settings").await;
        assert!(settings.contains(r#"value="ties" checked"#), "ties by default while at risk: {settings}");
        let from_cora = write(&cora, &[rae_id], "Checking in on you").await;
        assert!(rae.page(&format!("/messages/{from_cora}")).await.contains("Checking in on you"));

        // She writes to Ola; to Ola she keeps her name private, as everywhere.
        let to_ola = write(&rae, &[ola_id], "A question about the visit").await;
        ola.post(&format!("/messages/{to_ola}/answer"), &[("answer", "accept")]).await;
        let page = ola.page(&format!("/messages/{to_ola}")).await;
        assert!(page.contains("A question about the visit") && !page.contains("Rae Atrisk"), "{page}");
        assert!(page.contains("A participant who keeps their name private"));

        // Ola blocks her: nothing more from Rae reaches Ola, in this conversation or a new one.
        let r = ola.post(&format!("/messages/{to_ola}/block"), &[]).await;
        assert_eq!(location(&r), format!("/messages/{to_ola}?done=blocked"));
        rae.post(&format!("/messages/{to_ola}"), &[("body", "Are you there?")]).await;
        assert!(!ola.page(&format!("/messages/{to_ola}")).await.contains("Are you there?"));
        app.exec(&tie(rae_id, ola_id)).await;
        let again = write(&rae, &[ola_id], "Another try").await;
        assert_eq!(again, to_ola, "the same one-to-one conversation");
        assert!(!ola.page("/messages").await.contains("Another try"));
        // Unblocked, new messages reach her again.
        ola.post("/messages/settings", &[("unblock", &rae_id.to_string())]).await;
        rae.post(&format!("/messages/{to_ola}"), &[("body", "After the unblock")]).await;
        assert!(ola.page(&format!("/messages/{to_ola}")).await.contains("After the unblock"));
    }
);

db_test!(
    only_participants_read_and_authors_edit_and_delete,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (ana, ana_id) = app.signed_in("ana@example.org", Role::Member, "Ana").await;
        let (ben, ben_id) = app.signed_in("ben@example.org", Role::Member, "Ben").await;
        let (eve, eve_id) = app.signed_in("eve@example.org", Role::Member, "Eve").await;
        let (ada, _) = app.signed_in("ada@example.org", Role::Admin, "Ada Admin").await;
        for other in [ben_id, eve_id] {
            app.exec(&tie(ana_id, other)).await;
        }
        let id = write(&ana, &[ben_id, eve_id], "Plans for **26 June**").await;
        for reader in [&ben, &eve] {
            assert!(reader.page(&format!("/messages/{id}")).await.contains("<strong>26 June</strong>"));
        }
        // An admin has no power to read it.
        assert_eq!(ada.get(&format!("/messages/{id}")).await.status(), StatusCode::NOT_FOUND);
        // Eve leaves: she reads no further, and new messages do not reach her.
        eve.post(&format!("/messages/{id}/leave"), &[]).await;
        assert_eq!(eve.get(&format!("/messages/{id}")).await.status(), StatusCode::NOT_FOUND);

        let message = app.scalar_i64(&format!("SELECT MIN(id) FROM messages WHERE conversation_id = {id}")).await;
        // Only its author edits a message; the edit is marked and the old text is gone.
        let edit = format!("/messages/{id}/m/{message}/edit");
        assert_eq!(ben.get(&edit).await.status(), StatusCode::NOT_FOUND);
        let r = ana.post(&edit, &[("body", "Plans for the awareness day")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let page = ben.page(&format!("/messages/{id}")).await;
        assert!(page.contains("Plans for the awareness day") && page.contains("edited") && !page.contains("26 June"));
        // Bad input changes nothing.
        let r = ana.post(&edit, &[("body", "   ")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(ben.page(&format!("/messages/{id}")).await.contains("Plans for the awareness day"));
        // Deleted: the text is removed for everyone, in the database too.
        ana.post(&format!("/messages/{id}/m/{message}/delete"), &[]).await;
        assert!(ben.page(&format!("/messages/{id}")).await.contains("This message was deleted"));
        let left = app
            .scalar_i64(&format!("SELECT COUNT(*) FROM messages WHERE id = {message} AND body = '' AND body_html = ''"))
            .await;
        assert_eq!(left, 1);
        // A reply quotes the message it answers.
        ben.post(&format!("/messages/{id}"), &[("body", "First point")]).await;
        let first = app.scalar_i64(&format!("SELECT MAX(id) FROM messages WHERE conversation_id = {id}")).await;
        ana.post(&format!("/messages/{id}"), &[("body", "Agreed"), ("reply_to", &first.to_string())]).await;
        assert!(ben.page(&format!("/messages/{id}")).await.contains(r#"<blockquote class="quote">"#));
    }
);

db_test!(
    read_markers_are_given_in_exchange_and_name_people_as_everywhere,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (ana, ana_id) = app.signed_in("ana@example.org", Role::Member, "Ana").await;
        let (ben, ben_id) = app.signed_in("ben@example.org", Role::Member, "Ben Reader").await;
        let (kit, kit_id) = app.signed_in("kit@example.org", Role::Member, "Kit Hidden").await;
        for (a, b) in [(ana_id, ben_id), (ana_id, kit_id), (ben_id, kit_id)] {
            app.exec(&tie(a, b)).await;
        }
        app.exec(&format!("UPDATE profiles SET at_risk = TRUE WHERE user_id = {kit_id}")).await;
        // Kit, at risk, starts it: the others cannot see Kit to write first.
        let id = write(&kit, &[ana_id, ben_id], "Agenda for Friday").await;
        let path = format!("/messages/{id}");
        ana.post(&path, &[("body", "My notes")]).await;
        assert!(!ana.page(&path).await.contains("Seen by"), "nobody has read it yet");
        ben.page(&path).await;
        kit.page(&path).await;
        // Ana sees who read it; Kit, at risk, is not named to her.
        let seen = ana.page(&path).await;
        assert!(seen.contains("Seen by Ben Reader, A participant who keeps their name private"), "{seen}");
        // A reader who keeps their reading to themselves is not shown ...
        ben.post("/messages/settings", &[("messages_from", "anyone")]).await;
        let seen = ana.page(&path).await;
        let only_kit = r#"<p class="muted seen">Seen by A participant who keeps their name private</p>"#;
        assert!(seen.contains(only_kit), "{seen}");
        // ... and sees no one's: markers are given in exchange.
        ben.post(&format!("/messages/{id}"), &[("body", "Noted")]).await;
        ana.page(&path).await;
        assert!(!ben.page(&path).await.contains("Seen by"));
        // Markers sit under the newest of one's own messages that was read.
        ana.post(&format!("/messages/{id}"), &[("body", "And the venue")]).await;
        let seen = ana.page(&path).await;
        let (before, after) = seen.split_once("And the venue").unwrap();
        assert!(before.contains("Seen by") && !after.contains("Seen by"), "not read yet: {seen}");
    }
);

db_test!(
    reactions_are_counts_from_those_who_read_and_a_block_hides_them,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (ana, ana_id) = app.signed_in("ana@example.org", Role::Member, "Ana").await;
        let (ben, ben_id) = app.signed_in("ben@example.org", Role::Member, "Ben").await;
        let (eve, eve_id) = app.signed_in("eve@example.org", Role::Member, "Eve").await;
        let (out, _) = app.signed_in("out@example.org", Role::Member, "Outsider").await;
        for other in [ben_id, eve_id] {
            app.exec(&tie(ana_id, other)).await;
        }
        let id = write(&ana, &[ben_id, eve_id], "The report is out").await;
        let message = app.scalar_i64(&format!("SELECT MIN(id) FROM messages WHERE conversation_id = {id}")).await;
        let react = format!("/messages/{id}/m/{message}/react");
        for (who, reaction) in [(&ben, "agree"), (&eve, "agree"), (&eve, "thanks")] {
            assert_eq!(who.post(&react, &[("reaction", reaction)]).await.status(), StatusCode::SEE_OTHER);
        }
        let page = ana.page(&format!("/messages/{id}")).await;
        assert!(page.contains(r#"aria-label="Agree: 2""#) && page.contains(r#"aria-label="Thank you: 1""#), "{page}");
        assert!(!page.contains(r#"aria-pressed="true""#), "Ana gave none");
        // Given twice, a reaction is taken back.
        ben.post(&react, &[("reaction", "agree")]).await;
        assert!(ana.page(&format!("/messages/{id}")).await.contains(r#"aria-label="Agree: 1""#));
        // Bad input and outsiders change nothing.
        assert_eq!(ben.post(&react, &[("reaction", "laugh")]).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(out.post(&react, &[("reaction", "agree")]).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM message_reactions").await, 2);
        // Ana blocks Eve: Eve's reactions no longer count for Ana.
        app.exec(&format!("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES ({ana_id}, {eve_id}, 0)"))
            .await;
        let page = ana.page(&format!("/messages/{id}")).await;
        assert!(!page.contains(r#"aria-label="Agree: 1""#) && !page.contains("Thank you: 1"), "{page}");
        // Deleting the message takes its reactions with it; so does its expiry.
        ana.post(&format!("/messages/{id}/m/{message}/delete"), &[]).await;
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM message_reactions").await, 0);
        ana.post(&format!("/messages/{id}"), &[("body", "Next")]).await;
        let next = app.scalar_i64(&format!("SELECT MAX(id) FROM messages WHERE conversation_id = {id}")).await;
        ben.post(&format!("/messages/{id}/m/{next}/react"), &[("reaction", "done")]).await;
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM message_reactions").await, 1);
        app.exec(&format!("DELETE FROM messages WHERE id = {next}")).await;
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM message_reactions").await, 0);
    }
);

db_test!(
    finding_words_reads_only_ones_own_conversations_as_their_pages_do,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (ana, ana_id) = app.signed_in("ana@example.org", Role::Member, "Ana").await;
        let (ben, ben_id) = app.signed_in("ben@example.org", Role::Member, "Ben").await;
        let (eve, eve_id) = app.signed_in("eve@example.org", Role::Member, "Eve").await;
        for (a, b) in [(ana_id, ben_id), (ana_id, eve_id), (ben_id, eve_id)] {
            app.exec(&tie(a, b)).await;
        }
        let with_ben = write(&ana, &[ben_id], "The lock-up VISIT is on Friday").await;
        write(&ben, &[eve_id], "Another visit, without Ana").await;
        write(&eve, &[ana_id], "ห้องขัง ที่สถานีตำรวจ").await;

        let found = ana.page("/messages/find?q=visit").await;
        assert!(found.contains("<mark>VISIT</mark> is on Friday"), "{found}");
        assert!(found.contains(&format!("/messages/{with_ben}?before=")), "links to the message");
        assert!(!found.contains("without Ana"), "not a conversation Ana is in");
        assert!(ana.page("/messages/find?q=%E0%B8%AB%E0%B9%89%E0%B8%AD%E0%B8%87").await.contains("<mark>ห้อง</mark>"));
        // The pattern's own characters are words like any other.
        assert!(ana.page("/messages/find?q=%25").await.contains("Type at least two characters"));
        assert!(ana.page("/messages/find?q=%25%25").await.contains("None of your messages"));
        // Blocking Ben hides his conversation's messages from Ana's finding as from its page.
        ben.post(&format!("/messages/{with_ben}"), &[("body", "Visit confirmed")]).await;
        assert!(ana.page("/messages/find?q=confirmed").await.contains("<mark>confirmed</mark>"));
        app.exec(&format!("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES ({ana_id}, {ben_id}, 0)"))
            .await;
        assert!(!ana.page("/messages/find?q=confirmed").await.contains("<mark>"));
        // Messages never reach the site's search.
        assert!(!ana.page("/search?q=Friday").await.contains("lock-up"));
    }
);

db_test!(
    disappearing_messages_are_deleted_from_the_database,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (ana, ana_id) = app.signed_in("ana@example.org", Role::Member, "Ana").await;
        let (ben, ben_id) = app.signed_in("ben@example.org", Role::Member, "Ben").await;
        app.exec(&tie(ana_id, ben_id)).await;
        let id = write(&ana, &[ben_id], "Kept a week").await;
        assert!(ben.page(&format!("/messages/{id}")).await.contains("Messages disappear: After 1 week"));
        // Either side of a one-to-one may set the timer; it applies from now on.
        let r = ben.post(&format!("/messages/{id}/options"), &[("timer", "hour")]).await;
        assert_eq!(location(&r), format!("/messages/{id}?done=timer"));
        ana.post(&format!("/messages/{id}"), &[("body", "Gone within the hour")]).await;
        let r = ben.post(&format!("/messages/{id}/options"), &[("timer", "forever")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);

        app.clock.advance(61 * 60_000);
        // Past its expiry, a message is no longer shown even before the sweep.
        let page = ben.page(&format!("/messages/{id}")).await;
        assert!(page.contains("Kept a week") && !page.contains("Gone within the hour"));
        assert_eq!(roundtable::chat::sweep(&app.db, app.clock.now_ms()).await.unwrap(), 1);
        assert_eq!(
            app.scalar_i64("SELECT COUNT(*) FROM messages WHERE body LIKE 'Gone%'").await,
            0,
            "deleted, not hidden"
        );
        app.clock.advance(7 * 86_400_000);
        assert_eq!(roundtable::chat::sweep(&app.db, app.clock.now_ms()).await.unwrap(), 1);
        assert_eq!(app.scalar_i64(&format!("SELECT COUNT(*) FROM messages WHERE conversation_id = {id}")).await, 0);

        // A week on, the sessions have lapsed: both sign in again.
        let (ana, ben) = (app.browser(), app.browser());
        ana.sign_in("ana@example.org", crate::common::PASSWORD).await;
        ben.sign_in("ben@example.org", crate::common::PASSWORD).await;
        // An admin's longest retention caps every timer, "off" included.
        let (ada, _) = app.signed_in("ada@example.org", Role::Admin, "Ada Admin").await;
        let r = ana.post("/messages/policy", &[("retention", "day")]).await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "admins only");
        let r = ada.post("/messages/policy", &[("retention", "day")]).await;
        assert_eq!(location(&r), "/messages/settings?done=policy");
        ana.post(&format!("/messages/{id}/options"), &[("timer", "off")]).await;
        ana.post(&format!("/messages/{id}"), &[("body", "At most a day")]).await;
        app.clock.advance(86_400_000 + 1);
        assert_eq!(roundtable::chat::sweep(&app.db, app.clock.now_ms()).await.unwrap(), 1);

        // Deleting one's account deletes one's messages.
        ben.post(&format!("/messages/{id}"), &[("body", "From Ben")]).await;
        app.exec(&format!("DELETE FROM users WHERE id = {ben_id}")).await;
        assert_eq!(app.scalar_i64(&format!("SELECT COUNT(*) FROM messages WHERE author_id = {ben_id}")).await, 0);
    }
);

db_test!(
    sending_is_limited_and_a_refused_message_changes_nothing,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (ana, ana_id) = app.signed_in("ana@example.org", Role::Member, "Ana").await;
        let (_, ben_id) = app.signed_in("ben@example.org", Role::Member, "Ben").await;
        app.exec(&tie(ana_id, ben_id)).await;
        let id = write(&ana, &[ben_id], "One").await;
        for n in 2..=30 {
            let r = ana.post(&format!("/messages/{id}"), &[("body", &format!("Message {n}"))]).await;
            assert_eq!(r.status(), StatusCode::SEE_OTHER);
        }
        let r = ana.post(&format!("/messages/{id}"), &[("body", "One too many")]).await;
        assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(app.scalar_i64(&format!("SELECT COUNT(*) FROM messages WHERE conversation_id = {id}")).await, 30);
        app.clock.advance(60_001);
        let r = ana.post(&format!("/messages/{id}"), &[("body", "A minute later")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        // Nobody to write to, or too long: a clear error, and no conversation is made.
        let before = app.scalar_i64("SELECT COUNT(*) FROM conversations").await;
        assert_eq!(ana.post("/messages", &[("body", "To nobody")]).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let long = "x".repeat(4001);
        let r = ana.post("/messages", &[("to", &ben_id.to_string()), ("body", &long)]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM conversations").await, before);

        // Reactions: 60 a minute, counted when given; taking one back is always allowed.
        let now = app.clock.now_ms();
        let given = "SELECT COUNT(*) FROM message_reactions";
        let messages = app
            .strings(&format!("SELECT CAST(id AS TEXT) FROM messages WHERE conversation_id = {id} ORDER BY id"))
            .await;
        for message in &messages[..12] {
            for reaction in ["agree", "thanks", "support", "important", "done"] {
                app.exec(&format!(
                    "INSERT INTO message_reactions (message_id, user_id, reaction, created_at) \
                     VALUES ({message}, {ana_id}, '{reaction}', {now})"
                ))
                .await;
            }
        }
        let react = format!("/messages/{id}/m/{}/react", messages[12]);
        let r = ana.post(&react, &[("reaction", "agree")]).await;
        assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(app.scalar_i64(given).await, 60, "nothing written");
        app.clock.advance(60_001);
        ana.sign_in("ana@example.org", crate::common::PASSWORD).await;
        assert_eq!(ana.post(&react, &[("reaction", "agree")]).await.status(), StatusCode::SEE_OTHER);
        assert_eq!(app.scalar_i64(given).await, 61, "allowed a minute later");
        let back = format!("/messages/{id}/m/{}/react", messages[0]);
        assert_eq!(ana.post(&back, &[("reaction", "agree")]).await.status(), StatusCode::SEE_OTHER);
        assert_eq!(app.scalar_i64(given).await, 60, "taken back");
    }
);
