//! Sensitive actions ask who one is once the sign-in is ten minutes old: making one's
//! profile more visible, turning off the at-risk switch, adding a contact for all members
//! to see, changing the password, deleting the account, changing someone's role. Until
//! then nothing changes; after confirming, the action goes through.

use reqwest::StatusCode;
use roundtable::vocab::Role;

use crate::common::{location, TestApp, PASSWORD};
use crate::db_test;

fn profile(vis: &'static str, at_risk: bool) -> Vec<(&'static str, &'static str)> {
    let mut fields = vec![("display_name", "Rosa Reyes")];
    for field in [
        "sector_vis",
        "orgs_vis",
        "country_vis",
        "region_vis",
        "languages_vis",
        "expertise_vis",
        "bio_vis",
        "photo_vis",
    ] {
        fields.push((field, vis));
    }
    if at_risk {
        fields.push(("at_risk", "on"));
    }
    fields
}

const CONFIRM: &str = "/account/confirm?next=%2Fprofile";

db_test!(
    sensitive_actions_ask_who_one_is_once_the_sign_in_is_ten_minutes_old,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (b, id) = app.signed_in("rosa@example.org", Role::Member, "Rosa").await;
        let (admin, _) = app.signed_in("ana@example.org", Role::Admin, "Ana Admin").await;
        assert_eq!(
            b.post("/profile", &profile("private", true)).await.status(),
            StatusCode::SEE_OTHER,
            "fresh: no question"
        );
        app.clock.advance(11 * 60_000);
        let vis = |col: &'static str| format!("SELECT {col} FROM profiles WHERE user_id = {id}");

        // Narrowing, or saving without showing more, goes straight through.
        assert_eq!(location(&b.post("/profile", &profile("private", true)).await), "/profile?done=saved");
        // Showing more, or leaving the at-risk protection, waits for a confirmation.
        assert_eq!(location(&b.post("/profile", &profile("members", true)).await), CONFIRM);
        assert_eq!(app.strings(&vis("bio_vis")).await, vec!["private"]);
        assert_eq!(location(&b.post("/profile", &profile("private", false)).await), CONFIRM);
        assert_eq!(app.scalar_i64(&format!("SELECT COUNT(*) FROM profiles WHERE user_id = {id} AND at_risk")).await, 1);
        let contact = [("kind", "signal"), ("value", "+66 2 555 0101"), ("visibility", "members")];
        assert_eq!(location(&b.post("/profile/contacts", &contact).await), CONFIRM);
        let private_contact = [("kind", "signal"), ("value", "+66 2 555 0101"), ("visibility", "coordinators")];
        assert_eq!(b.post("/profile/contacts", &private_contact).await.status(), StatusCode::SEE_OTHER);
        // The password, the account itself.
        assert_eq!(location(&b.get("/account/password").await), "/account/confirm?next=%2Faccount%2Fpassword");
        let new = "cobalt-meadow-ginger-19";
        let r = b.post("/account/password", &[("current", PASSWORD), ("password", new), ("confirm", new)]).await;
        assert_eq!(location(&r), "/account/confirm?next=%2Faccount%2Fpassword");
        let r = b.post("/account/delete", &[("password", PASSWORD)]).await;
        assert_eq!(location(&r), "/account/confirm?next=%2Faccount%2Fsessions");
        assert_eq!(app.scalar_i64(&format!("SELECT COUNT(*) FROM users WHERE id = {id}")).await, 1);
        // An admin changing a role, deactivating an account, weakening the policy, or inviting
        // a coordinator.
        let r = admin.post(&format!("/admin/users/{id}/role"), &[("role", "coordinator")]).await;
        assert_eq!(location(&r), "/account/confirm?next=%2Fadmin%2Fusers");
        let r = admin.post(&format!("/admin/users/{id}/active"), &[("active", "false")]).await;
        assert_eq!(location(&r), "/account/confirm?next=%2Fadmin%2Fusers");
        let r = admin.post("/admin/security", &[("required_for", "nobody"), ("grace_days", "0")]).await;
        assert_eq!(location(&r), "/account/confirm?next=%2Fadmin%2Fsecurity");
        let invite = [("email", "new.coordinator@example.org"), ("role", "coordinator"), ("locale", "en")];
        assert_eq!(location(&admin.post("/invitations", &invite).await), "/account/confirm?next=%2Finvitations");
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM invitations").await, 0);
        let member_invite = [("email", "new.member@example.org"), ("role", "member"), ("locale", "en")];
        assert_eq!(admin.post("/invitations", &member_invite).await.status(), StatusCode::OK, "a member's needs none");
        assert_eq!(app.strings(&format!("SELECT role FROM users WHERE id = {id}")).await, vec!["member"]);

        // The confirmation page explains, refuses a wrong password, and sends back.
        let page = b.page("/account/confirm?next=/profile").await;
        assert!(page.contains("Nothing has been changed yet"), "{page}");
        let r = b.post("/account/confirm", &[("password", "wrong"), ("next", "/profile")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let before = app.strings(&format!("SELECT token_hash FROM sessions WHERE user_id = {id}")).await;
        let r = b.post("/account/confirm", &[("password", PASSWORD), ("next", "https://evil.example/")]).await;
        assert_eq!(location(&r), "/", "only our own pages to go back to");
        let after = app.strings(&format!("SELECT token_hash FROM sessions WHERE user_id = {id}")).await;
        assert!(after.len() == 1 && !before.contains(&after[0]), "a new session token after confirming");
        assert_eq!(b.post("/profile", &profile("members", false)).await.status(), StatusCode::SEE_OTHER);
        assert_eq!(app.strings(&vis("bio_vis")).await, vec!["members"]);
        assert_eq!(b.post("/profile/contacts", &contact).await.status(), StatusCode::SEE_OTHER);
        let r = b.post("/account/password", &[("current", PASSWORD), ("password", new), ("confirm", new)]).await;
        assert_eq!(location(&r), "/account/sessions?done=password");
        // A confirmation lasts ten minutes too.
        app.clock.advance(11 * 60_000);
        assert_eq!(location(&b.post("/profile", &profile("public", false)).await), CONFIRM);

        let r = admin.post("/account/confirm", &[("password", PASSWORD), ("next", "/admin/users")]).await;
        assert_eq!(location(&r), "/admin/users");
        let r = admin.post(&format!("/admin/users/{id}/role"), &[("role", "coordinator")]).await;
        assert_eq!(location(&r), "/admin/users");
        assert_eq!(app.strings(&format!("SELECT role FROM users WHERE id = {id}")).await, vec!["coordinator"]);
    }
);
