//! Announcements: coordinators to the network, moderators to their group; shown on home to
//! those they are for, in the reader's language where translated, until dismissed or ended.

use reqwest::StatusCode;
use roundtable::vocab::Role;

use crate::common::{location, TestApp};
use crate::db_test;
use crate::forums::new_group;

fn in_days(app: &TestApp, days: i64) -> String {
    let at = chrono::DateTime::from_timestamp_millis(app.clock.now_ms() + days * 86_400_000).unwrap();
    at.format("%Y-%m-%d").to_string()
}

db_test!(
    announcements_reach_exactly_whom_they_are_for,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (cora, _) = app.signed_in("cora@example.org", Role::Coordinator, "Cora").await;
        let (mod_, _) = app.signed_in("moe@example.org", Role::Member, "Moe Moderator").await;
        let (mia, mia_id) = app.signed_in("mia@example.org", Role::Member, "Mia").await;
        let (sam, _) = app.signed_in("sam@example.org", Role::Member, "Sam Outside").await;
        app.exec(&format!("UPDATE users SET locale = 'th' WHERE id = {mia_id}")).await;
        let group = new_group(&mod_, "Detention monitors", "closed", false).await;
        let other = new_group(&cora, "Another group", "open", false).await;
        mia.post(&format!("/groups/{group}/join"), &[]).await;
        let mia_row = app
            .scalar_i64(&format!("SELECT COUNT(*) FROM group_members WHERE group_id = {group} AND user_id = {mia_id}"))
            .await;
        assert_eq!(mia_row, 1);
        app.exec(&format!(
            "UPDATE group_members SET status = 'active' WHERE group_id = {group} AND user_id = {mia_id}"
        ))
        .await;
        let ends = in_days(&app, 7);

        // Only coordinators write to the network; only a group's moderators to the group.
        let network = [
            ("audience", "network"),
            ("lang", "en"),
            ("title", "Network meeting in March"),
            ("body", "Save the **date**."),
            ("ends", ends.as_str()),
            ("mail", "on"),
        ];
        assert_eq!(mia.post("/announcements", &network).await.status(), StatusCode::FORBIDDEN);
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM announcements").await, 0);
        assert_eq!(location(&cora.post("/announcements", &network).await), "/announcements?done=posted");
        let group_s = group.to_string();
        let for_group = [
            ("audience", group_s.as_str()),
            ("lang", "en"),
            ("title", "Visit plan for Bang Kwang"),
            ("body", "Only for monitors."),
            ("ends", ends.as_str()),
        ];
        assert_eq!(
            cora.post("/announcements", &for_group).await.status(),
            StatusCode::FORBIDDEN,
            "a coordinator outside the group"
        );
        let other_s = other.to_string();
        let wrong_group =
            [("audience", other_s.as_str()), ("lang", "en"), ("title", "x"), ("body", "y"), ("ends", ends.as_str())];
        assert_eq!(mod_.post("/announcements", &wrong_group).await.status(), StatusCode::FORBIDDEN);
        assert_eq!(location(&mod_.post("/announcements", &for_group).await), "/announcements?done=posted");

        // Bad input is refused and changes nothing.
        let past = in_days(&app, -2);
        for (field, value) in [("title", ""), ("ends", past.as_str()), ("lang", "xx"), ("audience", "nonsense")] {
            let mut form: Vec<(&str, &str)> = network.iter().filter(|(k, _)| *k != field).cloned().collect();
            form.push((field, value));
            assert_eq!(cora.post("/announcements", &form).await.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        }
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM announcements").await, 2);

        // Network news reaches every member; the group's only its members.
        assert!(mia.page("/").await.contains("Visit plan for Bang Kwang"));
        assert!(sam.page("/").await.contains("Network meeting in March"));
        assert!(!sam.page("/").await.contains("Visit plan for Bang Kwang"), "not a member of the group");
        assert!(!cora.page("/").await.contains("Visit plan for Bang Kwang"), "nor a coordinator outside it");
        assert!(!app.browser().page("/").await.contains("Network meeting in March"), "never the public");
        let mailed = app.strings("SELECT to_addr FROM outbox WHERE kind = 'announcement' ORDER BY to_addr").await;
        assert_eq!(mailed, vec!["cora@example.org", "mia@example.org", "moe@example.org", "sam@example.org"]);

        // A Thai translation reaches the Thai reader; the others keep the original.
        let id = app.scalar_i64("SELECT id FROM announcements WHERE title = 'Network meeting in March'").await;
        let same = [("lang", "en"), ("title", "Again"), ("body", "Again")];
        assert_eq!(
            cora.post(&format!("/announcements/{id}/translation"), &same).await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        let thai = [("lang", "th"), ("title", "ประชุมเครือข่ายเดือนมีนาคม"), ("body", "โปรดจดวันที่ไว้")];
        assert_eq!(
            location(&cora.post(&format!("/announcements/{id}/translation"), &thai).await),
            "/announcements?done=translated"
        );
        assert_eq!(mia.post(&format!("/announcements/{id}/translation"), &thai).await.status(), StatusCode::FORBIDDEN);
        mia.post("/language", &[("lang", "th"), ("next", "/")]).await;
        let home = mia.page("/").await;
        assert!(home.contains("ประชุมเครือข่ายเดือนมีนาคม") && !home.contains("Network meeting in March"), "{home}");
        assert!(sam.page("/").await.contains("Network meeting in March"));

        // Dismissed by one reader, it stays for the others; ended, it goes for everyone.
        assert_eq!(location(&sam.post(&format!("/announcements/{id}/dismiss"), &[]).await), "/");
        assert!(!sam.page("/").await.contains("Network meeting in March"));
        assert!(mod_.page("/").await.contains("Network meeting in March"));
        assert_eq!(mia.post(&format!("/announcements/{id}/end"), &[]).await.status(), StatusCode::FORBIDDEN);
        assert_eq!(location(&cora.post(&format!("/announcements/{id}/end"), &[]).await), "/announcements?done=ended");
        assert!(!mod_.page("/").await.contains("Network meeting in March"));
        // The group's runs out at its end date.
        app.clock.advance(9 * 86_400_000);
        assert!(!app.browser().page("/").await.contains("Visit plan"));
        let (mia_again, _) = (app.browser(), ());
        mia_again.sign_in("mia@example.org", crate::common::PASSWORD).await;
        assert!(!mia_again.page("/").await.contains("Visit plan for Bang Kwang"), "ended by its date");
    }
);
