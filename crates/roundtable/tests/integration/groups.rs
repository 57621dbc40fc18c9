//! Groups: joining by access level, moderation, and who may know a group exists.

use reqwest::StatusCode;
use roundtable::vocab::Role;

use crate::common::{location, TestApp};
use crate::db_test;

pub async fn create_group(b: &crate::common::Browser, name: &str, access: &str, listed: bool) -> i64 {
    let mut form = vec![
        ("name", name),
        ("purpose", "Sharing interview training"),
        ("kind", "community_of_practice"),
        ("access", access),
    ];
    if listed {
        form.push(("listed_publicly", "on"));
    }
    let r = b.post("/groups", &form).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "{name}");
    let to = location(&r);
    to.trim_start_matches("/groups/").split('?').next().unwrap().parse().unwrap()
}

db_test!(open_closed_and_secret_groups, |app: TestApp| async move {
    let (alice, _) = app.signed_in("alice@example.org", Role::Member, "Alice Moderator").await;
    let (bob, bob_id) = app.signed_in("bob@example.org", Role::Member, "Bob Member").await;
    let (admin, _) = app.signed_in("admin@example.org", Role::Admin, "Admin").await;
    let public = app.browser();

    let open = create_group(&alice, "Investigative interviewing", "open", true).await;
    let closed = create_group(&alice, "NPM practitioners", "closed", false).await;
    let secret = create_group(&alice, "Defenders at risk", "secret", false).await;

    // Who knows which group exists.
    let listing = public.page("/groups").await;
    assert!(
        listing.contains("Investigative interviewing")
            && !listing.contains("NPM practitioners")
            && !listing.contains("Defenders at risk")
    );
    assert!(!listing.contains("1 member"), "the public sees no membership counts");
    let page = public.page(&format!("/groups/{open}")).await;
    assert!(page.contains("Sharing interview training") && !page.contains("Alice Moderator"), "name and purpose only");
    assert_eq!(public.get(&format!("/groups/{closed}")).await.status(), StatusCode::NOT_FOUND);
    for b in [&bob, &admin] {
        assert!(!b.page("/groups").await.contains("Defenders at risk"));
        assert_eq!(b.get(&format!("/groups/{secret}")).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(b.post(&format!("/groups/{secret}/join"), &[]).await.status(), StatusCode::NOT_FOUND);
    }

    // Open: join at once. Closed: a request the moderator approves.
    assert_eq!(location(&bob.post(&format!("/groups/{open}/join"), &[]).await), format!("/groups/{open}?done=joined"));
    assert!(bob.page(&format!("/groups/{open}")).await.contains("Alice Moderator"));
    bob.post(&format!("/groups/{closed}/join"), &[]).await;
    assert!(!bob.page(&format!("/groups/{closed}")).await.contains("Alice Moderator"), "a request does not let one in");
    assert_eq!(bob.post(&format!("/groups/{closed}/join"), &[]).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(alice.page(&format!("/groups/{closed}")).await.contains("Asked to join"));
    // Only moderators manage members.
    let approve = format!("/groups/{closed}/members/{bob_id}");
    assert_eq!(bob.post(&approve, &[("action", "approve")]).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(alice.post(&approve, &[("action", "approve")]).await.status(), StatusCode::SEE_OTHER);
    assert!(bob.page(&format!("/groups/{closed}")).await.contains("Alice Moderator"));

    // Secret: by invitation only; once invited Bob sees the name, once in he sees inside.
    let r = alice.post(&format!("/groups/{secret}/invite"), &[("user", &bob_id.to_string())]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(bob.page("/groups").await.contains("Defenders at risk"));
    bob.post(&format!("/groups/{secret}/join"), &[]).await;
    assert!(bob.page(&format!("/groups/{secret}")).await.contains("Alice Moderator"));

    // The last moderator cannot leave a group with members; after handing over she can.
    assert_eq!(alice.post(&format!("/groups/{secret}/leave"), &[]).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    alice.post(&format!("/groups/{secret}/members/{bob_id}"), &[("action", "moderator")]).await;
    assert_eq!(alice.post(&format!("/groups/{secret}/leave"), &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(alice.get(&format!("/groups/{secret}")).await.status(), StatusCode::NOT_FOUND, "gone for her now");
});

db_test!(group_input_is_checked_and_at_risk_members_stay_hidden, |app: TestApp| async move {
    let (alice, _) = app.signed_in("alice@example.org", Role::Member, "Alice").await;
    let (bob, _) = app.signed_in("bob@example.org", Role::Member, "Bob").await;
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Coordinator").await;
    let (risky, risky_id) = app.signed_in("risky@example.org", Role::Member, "Hidden Lawyer").await;
    app.set_profile(risky_id, "at_risk = TRUE").await;

    let bad: [&[(&str, &str)]; 5] = [
        &[("name", ""), ("kind", "country"), ("access", "open")],
        &[("name", "X"), ("kind", "guild"), ("access", "open")],
        &[("name", "X"), ("kind", "country"), ("access", "public")],
        &[("name", "X"), ("kind", "country"), ("access", "secret"), ("listed_publicly", "on")],
        &[("name", &"n".repeat(121)), ("kind", "country"), ("access", "open")],
    ];
    for form in bad {
        assert_eq!(alice.post("/groups", form).await.status(), StatusCode::UNPROCESSABLE_ENTITY, "{form:?}");
    }
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM network_groups").await, 0);
    let id = create_group(&alice, "Thailand country group", "open", false).await;
    let r = alice.post("/groups", &[("name", "THAILAND COUNTRY GROUP"), ("kind", "country"), ("access", "open")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "names are unique regardless of case");

    // The at-risk member joins; members neither see her nor count her.
    risky.post(&format!("/groups/{id}/join"), &[]).await;
    bob.post(&format!("/groups/{id}/join"), &[]).await;
    let for_bob = bob.page(&format!("/groups/{id}")).await;
    assert!(!for_bob.contains("Hidden Lawyer"));
    assert!(bob.page("/groups").await.contains("2 members"));
    let for_coordinator = coordinator.page(&format!("/groups/{id}")).await;
    assert!(for_coordinator.contains("Hidden Lawyer"));
    assert!(coordinator.page("/groups").await.contains("3 members"));
    assert!(risky.page(&format!("/groups/{id}")).await.contains("Hidden Lawyer"), "she sees herself");
    // Nor manage a hidden member who joined: the answer is the one for "not in the group".
    let r = alice.post(&format!("/groups/{id}/members/{risky_id}"), &[("action", "moderator")]).await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        app.scalar_i64(&format!(
            "SELECT COUNT(*) FROM group_members WHERE user_id = {risky_id} AND role = 'moderator'"
        ))
        .await,
        0
    );
    // A secret group's name cannot be found out by trying to take it.
    create_group(&coordinator, "Hidden circle", "secret", false).await;
    create_group(&bob, "hidden CIRCLE", "open", false).await;
    // A moderator cannot invite someone they cannot see.
    let r = alice.post(&format!("/groups/{id}/invite"), &[("user", &risky_id.to_string())]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Posting without the form token changes nothing.
    let r = bob.post_raw(&format!("/groups/{id}/leave"), &[]).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
});

db_test!(starting_groups_is_limited_per_day, |app: TestApp| async move {
    let (ana, _) = app.signed_in("ana@example.org", Role::Member, "Ana").await;
    for i in 0..10 {
        create_group(&ana, &format!("Group {i}"), "open", false).await;
    }
    let r = ana.post("/groups", &[("name", "One too many"), ("kind", "country"), ("access", "open")]).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM network_groups").await, 10);
});
