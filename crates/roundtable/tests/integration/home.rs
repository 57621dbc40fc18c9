//! Home: a member's tiles and a coordinator's desk each say what needs the viewer, and each
//! goes through the access rule of what it lists: no thread of a group one has left, no
//! member at risk suggested, no secret group's reports or requests on a desk outside it.

use reqwest::StatusCode;
use roundtable::vocab::Role;

use crate::common::TestApp;
use crate::db_test;
use crate::events::{create, event_form, local};
use crate::forums::{new_group, new_thread};

db_test!(
    a_members_home_says_what_needs_them_and_nothing_it_may_not_show,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (mia, mia_id) = app.signed_in("mia@example.org", Role::Member, "Mia Member").await;
        let (ola, ola_id) = app.signed_in("ola@example.org", Role::Member, "Ola Organiser").await;
        let (_, risky_id) = app.signed_in("rae@example.org", Role::Member, "Rae Hidden").await;
        let yan_id = app.create_user("yan@example.org", Role::Member, "Yan Bridge").await;
        let zoe_id = app.create_user("zoe@example.org", Role::Member, "Zoe Across").await;
        app.set_profile(risky_id, "at_risk = TRUE").await;

        // Empty: every tile says what to do, and the profile's empty fields are named.
        let home = mia.page("/").await;
        for text in [
            "Nothing waits for you",
            "not registered for any coming event",
            "Record your ties",
            "Complete your profile",
        ] {
            assert!(home.contains(text), "{text}: {home}");
        }

        // An event she registered for, with its meeting link once she has a place.
        let (starts, ends) = (local(3, 9), local(3, 11));
        let link =
            [("starts", starts.as_str()), ("ends", ends.as_str()), ("online_url", "https://meet.example.org/clinic")];
        let event = create(&ola, &event_form("Clinic on custody registers", "members", &link)).await;
        mia.post(&format!("/events/{event}/rsvp"), &[]).await;
        // A group she is in, with news; a secret group she has left, whose thread she followed.
        let open = new_group(&ola, "Interviewing practice", "open", false).await;
        mia.post(&format!("/groups/{open}/join"), &[]).await;
        let news = new_thread(&ola, Some(open), "Recording interviews at the station", "What do you use?").await;
        let secret = new_group(&ola, "Quiet circle", "secret", false).await;
        ola.post(&format!("/groups/{secret}/invite"), &[("user", &mia_id.to_string())]).await;
        mia.post(&format!("/groups/{secret}/join"), &[]).await;
        let hidden = new_thread(&ola, Some(secret), "Quiet circle plans", "Only for the circle").await;
        mia.post(&format!("/forum/threads/{hidden}/follow"), &[]).await;
        mia.post(&format!("/groups/{secret}/leave"), &[]).await;
        // Even if her following it outlived her membership, the thread stays out of sight.
        app.exec(&format!("DELETE FROM thread_follows WHERE user_id = {mia_id} AND thread_id = {hidden}")).await;
        app.exec(&format!("INSERT INTO thread_follows (user_id, thread_id) VALUES ({mia_id}, {hidden})")).await;
        // People to meet: through Yan she could meet Zoe, and Rae, who is at risk.
        for (a, b) in [(mia_id, yan_id), (yan_id, zoe_id), (yan_id, risky_id)] {
            let (a, b) = (a.min(b), a.max(b));
            app.exec(&format!("INSERT INTO ties (a_id, b_id, kind, created_at) VALUES ({a}, {b}, 'knows', 0)")).await;
        }
        // An introduction waiting for her answer.
        app.exec(&format!(
            "INSERT INTO introductions (id, a_id, b_id, introducer_id, message, created_at) \
             VALUES ({}, {mia_id}, {ola_id}, {ola_id}, 'You both train cadets', 0)",
            roundtable::db::secret_id()
        ))
        .await;

        let home = mia.page("/").await.replace("&#x2f;", "/");
        assert!(
            home.contains("Clinic on custody registers") && home.contains("https://meet.example.org/clinic"),
            "{home}"
        );
        assert!(home.contains("Recording interviews at the station"), "unread in her group");
        assert!(home.contains(&format!("/forum/threads/{news}")));
        assert!(!home.contains("Quiet circle plans"), "not a thread of a secret group she left");
        assert!(home.contains("Zoe Across"), "a person to meet");
        assert!(!home.contains("Rae Hidden"), "never a member at risk");
        assert!(home.contains("An introduction waits for your answer"));
        // Reading the thread clears it from the tile.
        mia.page(&format!("/forum/threads/{news}")).await;
        assert!(!mia.page("/").await.contains("Recording interviews at the station"));
        // The public sees the public home.
        let public = app.browser().page("/").await;
        assert!(public.contains("Membership is by invitation") && !public.contains("Your next events"));
    }
);

db_test!(
    a_coordinators_desk_leaves_out_secret_groups_they_are_not_in,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (cora, _) = app.signed_in("cora@example.org", Role::Coordinator, "Cora Coordinator").await;
        let (ola, _) = app.signed_in("ola@example.org", Role::Member, "Ola Moderator").await;
        let (mia, mia_id) = app.signed_in("mia@example.org", Role::Member, "Mia Member").await;
        assert!(cora.page("/").await.contains("Coordinator&#x27;s desk"));
        assert!(!mia.page("/").await.contains("Coordinator&#x27;s desk"), "members have no desk");

        // Requests to join, and reported posts, in an open group and in a secret one.
        let open = new_group(&ola, "Open practice", "closed", false).await;
        let secret = new_group(&ola, "Hidden practice", "secret", false).await;
        mia.post(&format!("/groups/{open}/join"), &[]).await;
        let thread = new_thread(&ola, None, "Network-wide thread", "A post to report").await;
        let post = app.scalar_i64(&format!("SELECT MIN(id) FROM posts WHERE thread_id = {thread}")).await;
        mia.post(&format!("/forum/posts/{post}/report"), &[("reason", "off topic")]).await;
        let hidden = new_thread(&ola, Some(secret), "Hidden thread", "A hidden post").await;
        let hidden_post = app.scalar_i64(&format!("SELECT MIN(id) FROM posts WHERE thread_id = {hidden}")).await;
        app.exec(&format!(
            "INSERT INTO post_reports (post_id, reporter_id, reason, created_at) VALUES ({hidden_post}, NULL, 'x', 0)"
        ))
        .await;
        app.exec(&format!(
            "INSERT INTO group_members (group_id, user_id, role, status, created_at) VALUES ({secret}, {mia_id}, 'member', 'requested', 0)"
        ))
        .await;
        // An invitation that expired unused.
        let now = app.clock.now_ms();
        app.exec(&format!(
            "INSERT INTO invitations (email, role, token_hash, invited_by, created_at, expires_at) \
             VALUES ('late@example.org', 'member', 'x', NULL, {}, {})",
            now - 10 * 86_400_000,
            now - 86_400_000
        ))
        .await;

        // An event whose room falls short of two of its three targets, and one that meets its own.
        let (starts, ends) = (local(5, 9), local(5, 11));
        let when = [("starts", starts.as_str()), ("ends", ends.as_str())];
        let short = create(&ola, &event_form("Regional exchange on custody", "members", &when)).await;
        ola.post(
            &format!("/events/{short}/mix"),
            &[("sector_police", "50"), ("sector_nhri", "30"), ("country_TH", "20")],
        )
        .await;
        let met = create(&ola, &event_form("Met its mix", "members", &when)).await;
        ola.post(&format!("/events/{met}/mix"), &[("country_TH", "10")]).await;
        app.set_profile(mia_id, "country = 'TH'").await;
        mia.post(&format!("/events/{short}/rsvp"), &[]).await;
        mia.post(&format!("/events/{met}/rsvp"), &[]).await;

        let desk = cora.page("/").await;
        assert!(desk.contains("Regional exchange on custody: 2 participant-mix targets not reached"), "{desk}");
        assert!(!desk.contains("Met its mix"), "{desk}");
        assert!(desk.contains("1 request to join Open practice"), "{desk}");
        assert!(!desk.contains("Hidden practice"), "no secret group's requests");
        assert!(desk.contains("1 reported post"), "the open one only: {desk}");
        assert!(desk.contains("1 invitation expired unused"));
        assert!(desk.contains("Joined this month, no tie yet"));
        assert_eq!(cora.get("/").await.status(), StatusCode::OK);
    }
);

db_test!(
    a_first_sign_in_sets_a_member_up_and_can_be_skipped_and_resumed,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (cora, _) = app.signed_in("cora@example.org", Role::Coordinator, "Cora").await;
        let (ola, _) = app.signed_in("ola@example.org", Role::Member, "Ola").await;
        new_group(&ola, "Open practice circle", "open", false).await;
        new_group(&ola, "Hidden practice circle", "secret", false).await;
        cora.post("/invitations", &[("email", "new@example.org"), ("role", "member"), ("organisation", "")]).await;
        let link = crate::accounts::invitation_link(&app, "new@example.org").await;
        let new = app.browser();
        let password = "teak-harbor-saffron-82";
        let r =
            new.post(&link, &[("display_name", "Nee Newcomer"), ("password", password), ("confirm", password)]).await;
        assert_eq!(crate::common::location(&r), "/welcome");
        assert!(new.page("/welcome").await.contains("Step 1 of 4"));

        // Step 1: language and zone; a zone that does not exist changes nothing.
        let r = new.post("/welcome/place", &[("lang", "th"), ("zone", "Mars/Olympus")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let r = new.post("/welcome/place", &[("lang", "th"), ("zone", "Asia/Bangkok")]).await;
        assert_eq!(crate::common::location(&r), "/welcome");
        assert_eq!(app.strings("SELECT locale FROM users WHERE email = 'new@example.org'").await, vec!["th"]);
        // Step 2, in Thai now: visibility and the at-risk switch explained, one click away,
        // the protective defaults untouched.
        let step = new.page("/welcome").await;
        assert!(step.contains("ขั้นตอนที่ 2 จาก 4") && step.contains("/profile#at-risk"), "{step}");
        let id = app.scalar_i64("SELECT id FROM users WHERE email = 'new@example.org'").await;
        assert_eq!(
            app.scalar_i64(&format!(
                "SELECT COUNT(*) FROM profiles WHERE user_id = {id} AND at_risk = FALSE AND bio_vis = 'members'"
            ))
            .await,
            1
        );

        // Skipped: home offers to resume where it stopped.
        let home = new.page("/").await;
        assert!(home.contains("ขั้นตอนที่ 2 จาก 4") && home.contains("href=\"/welcome\""), "{home}");
        new.post("/welcome/next", &[]).await;
        new.post("/welcome/next", &[]).await;
        // Step 4: groups to join (never a secret one) and the way to find people.
        let step = new.page("/welcome").await;
        assert!(step.contains("Open practice circle") && !step.contains("Hidden practice circle"), "{step}");
        let r = new.post("/welcome/next", &[]).await;
        assert_eq!(crate::common::location(&r), "/");
        assert_eq!(crate::common::location(&new.get("/welcome").await), "/");
        assert!(!new.page("/").await.contains("href=\"/welcome\""), "finished: no more reminders");
        // Accounts made otherwise never see it.
        assert_eq!(crate::common::location(&ola.get("/welcome").await), "/");
    }
);
