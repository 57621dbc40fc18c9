//! An initiative's news: following it, and updates with their files, seen exactly as the
//! initiative is.

use reqwest::StatusCode;
use roundtable::vocab::Role;

use crate::common::{location, TestApp};
use crate::db_test;
use crate::initiatives::start;

db_test!(
    followers_hear_of_news_only_while_they_may_see_the_initiative,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (cora, cora_id) = app.signed_in("cora@example.org", Role::Coordinator, "Cora Coordinator").await;
        let (mo, mo_id) = app.signed_in("mo@example.org", Role::Member, "Mo Member").await;
        let (_, nia_id) = app.signed_in("nia@example.org", Role::Member, "Nia Quiet").await;
        let id = start(&cora, "Shared monitoring", "members", &[]).await;
        let notices =
            |user: i64| format!("SELECT COUNT(*) FROM notifications WHERE user_id = {user} AND kind = 'initiative'");
        let unread = |user: i64| format!("{} AND read_at IS NULL", notices(user));

        // Whoever starts an initiative follows it; anyone who may see it may follow it.
        assert!(cora.page(&format!("/initiatives/{id}")).await.contains("Stop following"));
        let page = mo.page(&format!("/initiatives/{id}")).await;
        assert!(page.contains(">Follow</button>") && page.contains("Follow to hear"));
        assert_eq!(
            mo.post(&format!("/initiatives/{id}/follow"), &[("action", "always")]).await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        let r = mo.post(&format!("/initiatives/{id}/follow"), &[("action", "follow")]).await;
        assert_eq!(location(&r), format!("/initiatives/{id}?done=followed"));
        assert!(mo.page(&format!("/initiatives/{id}")).await.contains("Stop following"));

        // News: a status (changed today, so that it stands), a milestone done, a story; each
        // to followers but the one who made it.
        let r = cora.post(&format!("/initiatives/{id}/status"), &[("status", "active")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        cora.post(&format!("/initiatives/{id}/milestones"), &[("title", "Visits agreed"), ("due_on", "2026-03-01")])
            .await;
        let milestone =
            app.scalar_i64(&format!("SELECT id FROM initiative_milestones WHERE initiative_id = {id}")).await;
        let at = format!("/initiatives/{id}/milestones/{milestone}");
        cora.post(&at, &[("action", "slipped"), ("on", "2026-04-01")]).await;
        assert_eq!(app.scalar_i64(&notices(mo_id)).await, 1, "a slipped milestone is no news");
        cora.post(&at, &[("action", "done"), ("on", "2026-03-15")]).await;
        let story = [
            ("happened_on", "2026-03-20"),
            ("title", "Police open cells to monitors"),
            ("who_changed", "Provincial police"),
            ("what_changed", "Unannounced visits are let in."),
        ];
        cora.post(&format!("/initiatives/{id}/stories"), &story).await;
        // A change recorded for an earlier day leaves it where it stands, and a milestone done
        // again only corrects its day: neither is news.
        cora.post(&format!("/initiatives/{id}/status"), &[("status", "idea"), ("changed_on", "2026-01-20")]).await;
        cora.post(&at, &[("action", "done"), ("on", "2026-03-16")]).await;
        assert_eq!(app.scalar_i64(&notices(mo_id)).await, 3);
        assert_eq!(app.scalar_i64(&notices(cora_id)).await, 0, "nobody hears of their own news");
        assert_eq!(app.scalar_i64(&notices(nia_id)).await, 0, "nor those who do not follow");
        let list = mo.page("/notifications").await;
        for line in ["changed the status of", "marked a milestone of", "added a story of change to"] {
            assert!(list.contains(&format!("Cora Coordinator {line} “Shared monitoring”")), "{line}: {list}");
        }
        // Reading the initiative reads its news.
        mo.page(&format!("/initiatives/{id}")).await;
        assert_eq!(app.scalar_i64(&unread(mo_id)).await, 0);

        // Moved out of a follower's sight: its news leaves their list, and no more comes.
        cora.post(&format!("/initiatives/{id}/status"), &[("status", "paused")]).await;
        app.exec(&format!("UPDATE initiatives SET visibility = 'coordinators' WHERE id = {id}")).await;
        assert!(!mo.page("/notifications").await.contains("Shared monitoring"));
        cora.post(&format!("/initiatives/{id}/status"), &[("status", "active")]).await;
        assert_eq!(app.scalar_i64(&notices(mo_id)).await, 4, "nothing after the move");
        assert_eq!(
            mo.post(&format!("/initiatives/{id}/follow"), &[("action", "follow")]).await.status(),
            StatusCode::NOT_FOUND
        );

        // Back in sight, and unfollowed: nothing more.
        app.exec(&format!("UPDATE initiatives SET visibility = 'members' WHERE id = {id}")).await;
        mo.post(&format!("/initiatives/{id}/follow"), &[("action", "unfollow")]).await;
        cora.post(&format!("/initiatives/{id}/status"), &[("status", "completed")]).await;
        assert_eq!(app.scalar_i64(&notices(mo_id)).await, 4);
        // Being named on an initiative follows it.
        cora.post(&format!("/initiatives/{id}/people"), &[("user", &nia_id.to_string()), ("role", "expert")]).await;
        cora.post(&format!("/initiatives/{id}/status"), &[("status", "active")]).await;
        assert_eq!(app.scalar_i64(&notices(nia_id)).await, 1);
    }
);

db_test!(
    updates_and_their_files_are_seen_exactly_as_the_initiative_is,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        use crate::library::{pdf, send};
        let (cora, _) = app.signed_in("cora@example.org", Role::Coordinator, "Cora Coordinator").await;
        let (lena, lena_id) = app.signed_in("lena@example.org", Role::Member, "Lena Lead").await;
        let (mo, mo_id) = app.signed_in("mo@example.org", Role::Member, "Mo Member").await;
        let public = app.browser();
        let id = start(&cora, "Interviewing reform", "public", &[]).await;
        cora.post(&format!("/initiatives/{id}/people"), &[("user", &lena_id.to_string()), ("role", "lead")]).await;
        mo.post(&format!("/initiatives/{id}/follow"), &[("action", "follow")]).await;
        let at = format!("/initiatives/{id}/updates");
        let updates = "SELECT COUNT(*) FROM initiative_updates";

        // Bad input, or someone who does not keep it, changes nothing.
        assert_eq!(send(&lena, &at, &[("body", "  ")], None).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let long = "x".repeat(10_001);
        assert_eq!(send(&lena, &at, &[("body", &long)], None).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let r = send(&mo, &at, &[("body", "Mine")], Some(("a.pdf", pdf("a")))).await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        assert_eq!(app.scalar_i64(updates).await, 0);
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM library_files").await, 0, "a refused upload leaves nothing");

        // A lead posts one, with a file; followers hear of it.
        let report = pdf("cohort two");
        let r = send(&lena, &at, &[("body", "Cohort **two** trained.")], Some(("report.pdf", report.clone()))).await;
        assert_eq!(location(&r), format!("/initiatives/{id}?done=update_posted#updates"));
        assert!(mo.page("/notifications").await.contains("Lena Lead posted an update on “Interviewing reform”"));
        let update = app.scalar_i64("SELECT id FROM initiative_updates WHERE body LIKE 'Cohort **two**%'").await;
        let file = app.scalar_i64("SELECT id FROM initiative_update_files").await;
        let download = format!("/initiatives/{id}/updates/{update}/files/{file}");
        let page = public.page(&format!("/initiatives/{id}")).await;
        assert!(page.contains("Cohort <strong>two</strong> trained.") && page.contains("report.pdf"));
        assert!(!page.contains("Lena Lead"), "the public is not told who wrote it");
        assert!(mo.page(&format!("/initiatives/{id}")).await.contains("Lena Lead"));
        // Once she declines to be listed, members no longer read her name beside it, nor
        // beside the news of her next update.
        lena.post(&format!("/initiatives/{id}/listing"), &[("listed", "no")]).await;
        assert!(!mo.page(&format!("/initiatives/{id}")).await.contains("Lena Lead"));
        send(&lena, &at, &[("body", "Cohort three.")], None).await;
        let list = mo.page("/notifications").await;
        assert!(list.contains("Someone posted an update on “Interviewing reform”"), "{list}");
        assert!(
            cora.page(&format!("/initiatives/{id}")).await.contains("Lena Lead"),
            "those who keep it still see her"
        );
        let r = public.get(&download).await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(r.bytes().await.unwrap().to_vec(), report);
        // Of another update or initiative, the file is not reachable.
        assert_eq!(
            public.get(&format!("/initiatives/{id}/updates/{}/files/{file}", update + 1)).await.status(),
            StatusCode::NOT_FOUND
        );

        // The file follows the initiative's visibility, whatever it becomes.
        app.exec(&format!("UPDATE initiatives SET visibility = 'members' WHERE id = {id}")).await;
        assert_ne!(public.get(&download).await.status(), StatusCode::OK);
        assert_eq!(mo.get(&download).await.status(), StatusCode::OK);
        app.exec(&format!("UPDATE initiatives SET visibility = 'coordinators' WHERE id = {id}")).await;
        assert_eq!(mo.get(&download).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(cora.get(&download).await.status(), StatusCode::OK);
        let _ = mo_id;

        // Removing the update removes its file from the store.
        let sha = app.strings("SELECT sha256 FROM initiative_update_files").await.remove(0);
        let on_disk = roundtable::library::files::path_of(app.data_dir(), &sha);
        assert!(on_disk.exists());
        assert_eq!(mo.post(&format!("{at}/{update}/remove"), &[]).await.status(), StatusCode::NOT_FOUND);
        let r = lena.post(&format!("{at}/{update}/remove"), &[]).await;
        assert_eq!(location(&r), format!("/initiatives/{id}?done=update_removed#updates"));
        assert_eq!(app.scalar_i64(updates).await, 1, "the other update stays");
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM library_files").await, 0);
        assert!(!on_disk.exists());
        assert_eq!(cora.get(&download).await.status(), StatusCode::NOT_FOUND);
    }
);
