//! The persona matrix: one scene in which a member at risk has done everything (registered
//! for and attended an event, spoken at it, posted in public and group threads, endorsed and
//! been endorsed, been introduced, been routed a question and asked one, belongs to a secret
//! group with threads, resources and events), then every route of the application's route
//! table fetched by every kind of viewer. Her name and address may appear only to
//! coordinators and admins; the marker placed in the secret group's content only to its
//! members. A route the table gains without an entry here fails the test.

use std::collections::BTreeMap;

use reqwest::StatusCode;
use roundtable::vocab::Role;

use crate::common::{location, Browser, TestApp};
use crate::db_test;
use crate::events::{create, event_form, local};
use crate::forums::{new_group, new_thread};

const NAME: &str = "Ratree Atrisk";
const EMAIL: &str = "ratree.atrisk@example.org";
const SECRET: &str = "SECRETMARK";

/// The ids of the scene, by name.
type Scene = BTreeMap<&'static str, String>;

#[derive(Clone, Copy, PartialEq, Debug)]
enum Persona {
    Anonymous,
    Member,
    Organiser,
    GroupMember,
    Moderator,
    Coordinator,
    Admin,
    /// Another program, with a personal access token of every area: the coordinator's, and
    /// the secret group member's. Its answers leave Roundtable, so neither shows through.
    CoordinatorToken,
    GroupMemberToken,
}

impl Persona {
    fn sees_at_risk(self) -> bool {
        matches!(self, Persona::Coordinator | Persona::Admin)
    }

    fn sees_secret(self) -> bool {
        matches!(self, Persona::GroupMember | Persona::Moderator)
    }
}

/// The addresses to fetch for one route of the table. Every route has an entry; ids come
/// from the scene, tokens that no one holds stand for secrets the viewer does not have.
fn urls(pattern: &str, s: &Scene) -> Vec<String> {
    let id = |k: &str| s[k].clone();
    let each = |keys: &[&str], f: &dyn Fn(&str) -> String| keys.iter().map(|k| f(&id(k))).collect::<Vec<_>>();
    let events = ["members_event", "secret_event"];
    let members = ["at_risk", "plain"];
    let threads = ["public_thread", "secret_thread", "at_risk_thread"];
    let posts = ["at_risk_post", "secret_post", "secret_reply"];
    let groups = ["open_group", "secret_group"];
    match pattern {
        "/"
        | "/account/delete"
        | "/account/password"
        | "/account/data"
        | "/account/sessions"
        | "/account/sessions/revoke-all"
        | "/account/sessions/revoke-others"
        | "/account/security"
        | "/account/security/recovery"
        | "/account/security/totp"
        | "/account/security/totp/confirm"
        | "/account/security/totp/remove"
        | "/account/security/passkeys"
        | "/account/security/passkeys/finish"
        | "/account/confirm"
        | "/account/confirm/passkey"
        | "/account/confirm/passkey/finish"
        | "/exit"
        | "/announcements"
        | "/welcome"
        | "/welcome/place"
        | "/welcome/next"
        | "/welcome/done"
        | "/messages"
        | "/messages/new"
        | "/messages/settings"
        | "/messages/policy"
        | "/messages/reports"
        | "/messages/export"
        | "/announcements/new"
        | "/signin/code"
        | "/signin/code/passkey"
        | "/signin/code/passkey/finish"
        | "/signin/passkey"
        | "/signin/passkey/finish"
        | "/admin/audit"
        | "/admin/security"
        | "/admin/users"
        | "/api/v1/network/champions"
        | "/awareness"
        | "/events/calendar"
        | "/events/mine"
        | "/events/new"
        | "/events/public.atom"
        | "/events/public.ics"
        | "/timezone"
        | "/forum"
        | "/forum/new"
        | "/forum/public.atom"
        | "/forum/reports"
        | "/forum/threads"
        | "/groups"
        | "/groups/new"
        | "/healthz"
        | "/invitations"
        | "/invitations/bulk"
        | "/invitations/imported/send"
        | "/invitations/import"
        | "/language"
        | "/library/new"
        | "/library/public.atom"
        | "/metrics"
        | "/network"
        | "/network/champions"
        | "/network/health"
        | "/impact"
        | "/impact/figures"
        | "/figures"
        | "/network/health/isolated"
        | "/network/health/snapshots"
        | "/network/introductions"
        | "/network/map"
        | "/network/ties"
        | "/notifications"
        | "/notifications/feed"
        | "/notifications/feed/revoke"
        | "/notifications/read"
        | "/notifications/settings"
        | "/organisations/new"
        | "/password/forgot"
        | "/profile"
        | "/profile/affiliations"
        | "/profile/contacts"
        | "/profile/photo"
        | "/profile/photo/delete"
        | "/profile/preview"
        | "/questions/new"
        | "/readyz"
        | "/opensearch.xml"
        | "/signin"
        | "/signout" => vec![pattern.to_string()],
        "/api/v1/members" => vec![pattern.into(), "/api/v1/members?q=Ratree".into()],
        "/account/tokens"
        | "/api/openapi.json"
        | "/api/reference"
        | "/api/v1/ties"
        | "/api/v1/organisations"
        | "/api/v1/resources" => vec![pattern.into()],
        "/api/v1/groups" => vec![pattern.into(), "/api/v1/groups?limit=100".into()],
        "/api/v1/events" => vec!["/api/v1/events?when=all&limit=100".into()],
        "/account/tokens/{id}/revoke" => vec!["/account/tokens/1/revoke".into()],
        "/webhooks" | "/network/ties/import" => vec![pattern.into()],
        "/initiatives" => vec![pattern.into(), "/initiatives?country=TH".into()],
        "/initiatives/new" => vec![pattern.into()],
        "/impact/csv/{table}" => ["momentum", "participants-by-sector", "indicators", "downloads"]
            .map(|t| format!("/impact/csv/{t}"))
            .to_vec(),
        "/initiatives/partnerships" => vec![pattern.into(), "/initiatives/partnerships?country=TH".into()],
        p if p.starts_with("/initiatives/{id}") => each(&["initiative", "secret_initiative"], &|i| {
            p.replace("{id}", i)
                .replace("{org}", &id("organisation"))
                .replace("{user}", &id("at_risk"))
                .replace("{milestone}", &id("milestone"))
                .replace("{indicator}", &id("indicator"))
                .replace("{value}", &id("value"))
                .replace("{story}", &id("story"))
                .replace("{update}", &id("update"))
                .replace("{file}", &id("update_file"))
                .replace("{kind}", "event")
                .replace("{target}", &id("members_event"))
        }),
        p if p.starts_with("/webhooks/{id}") => vec![p.replace("{id}", "1")],
        "/api/v1/organisations/{id}" => each(&["organisation"], &|i| pattern.replace("{id}", i)),
        "/api/v1/groups/{id}" => each(&groups, &|i| pattern.replace("{id}", i)),
        "/api/v1/events/{id}" | "/api/v1/events/{id}/registration" => each(&events, &|i| pattern.replace("{id}", i)),
        "/api/v1/resources/{id}" => each(&["secret_resource", "public_resource"], &|i| pattern.replace("{id}", i)),
        "/members" => {
            vec![pattern.into(), "/members?q=Ratree".into(), "/members?expertise=detention_monitoring".into()]
        }
        "/events" => vec![pattern.into(), "/events?when=past".into()],
        // Files never hold the at-risk member, coordinators' included (tested in `exports`).
        "/members/export" => vec!["/members/export?format=csv".into(), "/members/export?format=xlsx".into()],
        "/library/export" => vec!["/library/export?format=csv".into()],
        "/figures/export" => vec!["/figures/export?format=csv".into(), "/figures/export?format=xlsx".into()],
        "/network/export" => ["csv", "graphml", "gexf"].iter().map(|f| format!("/network/export?format={f}")).collect(),
        "/library" => vec![pattern.into(), "/library?topic=detention_monitoring".into()],
        "/organisations" => vec![pattern.into()],
        "/questions" => vec![pattern.into()],
        "/search" => vec![
            "/search?q=plan".into(),
            "/search?q=Ratree".into(),
            "/search?q=custody".into(),
            "/search?q=circle".into(),
        ],
        "/account/sessions/{id}/revoke" => vec!["/account/sessions/1/revoke".into()],
        // The scene's secret conversation says "SECRETMARK message" (the query itself is shown).
        "/messages/find" => vec!["/messages/find?q=message".into()],
        "/messages/reports/{report}" => vec![format!("/messages/reports/{}", id("message_report"))],
        p if p.starts_with("/messages/{id}") => {
            vec![p.replace("{id}", &id("conversation")).replace("{message}", &id("message")).replace("{file}", "1")]
        }
        p if p.starts_with("/announcements/{id}") => vec![p.replace("{id}", "1")],
        "/account/security/passkeys/{id}/remove" => vec!["/account/security/passkeys/1/remove".into()],
        "/admin/users/{id}/recovery" => each(&["at_risk"], &|i| pattern.replace("{id}", i)),
        "/admin/recoveries/{id}/approve" | "/admin/recoveries/{id}/cancel" => vec![pattern.replace("{id}", "1")],
        "/recover/{token}" | "/recover/cancel/{token}" => vec![pattern.replace("{token}", "no-such-token")],
        "/admin/users/{id}/active" | "/admin/users/{id}/role" => each(&["at_risk"], &|i| pattern.replace("{id}", i)),
        "/api/v1/members/{id}"
        | "/members/{id}"
        | "/members/{id}/endorsements"
        | "/members/{id}/photo"
        | "/network/champions/{id}"
        | "/network/champions/{id}/notes"
        | "/network/champions/{id}/stage" => each(&members, &|i| pattern.replace("{id}", i)),
        "/awareness/{id}/{year}" => vec![format!("/awareness/{}/2027", id("awareness_day"))],
        "/events/series/{id}" => vec!["/events/series/1".into()],
        "/events/registration/{token}"
        | "/events/registration/{token}/cancel"
        | "/events/registration/{token}/confirm"
        | "/feeds/{token}"
        | "/invite/{token}"
        | "/password/reset/{token}" => vec![pattern.replace("{token}", "no-such-token")],
        "/events/calendar/{file}" => vec![id("plain_calendar"), id("coordinator_calendar")],
        "/events/{id}/registrants" => {
            events.iter().map(|e| format!("/events/{}/registrants?format=csv", id(e))).collect()
        }
        p if p.starts_with("/events/{id}") => events
            .iter()
            .map(|e| {
                p.replace("{id}", &id(e))
                    .replace("{registration}", &id("registration"))
                    .replace("{session}", &id("session"))
                    .replace("{action}", "1")
                    .replace("{material}", "1")
            })
            .collect(),
        "/forum/attachments/{id}" => vec!["/forum/attachments/1".into()],
        p if p.starts_with("/forum/posts/{id}") => each(&posts, &|i| p.replace("{id}", i)),
        p if p.starts_with("/forum/threads/{id}") => each(&threads, &|i| p.replace("{id}", i)),
        "/groups/{id}/members/{user}" => {
            each(&groups, &|i| pattern.replace("{id}", i).replace("{user}", &id("at_risk")))
        }
        p if p.starts_with("/groups/{id}") => each(&groups, &|i| p.replace("{id}", i)),
        "/invitations/{id}/revoke" | "/invitations/{id}/renew" => vec![pattern.replace("{id}", "1")],
        "/library/{id}/files/{version}" => vec![format!("/library/{}/files/1", id("secret_resource"))],
        p if p.starts_with("/library/{id}") => each(&["secret_resource", "public_resource"], &|i| p.replace("{id}", i)),
        "/network/health/{kind}/{key}" => {
            vec!["/network/health/sector/nhri".into(), "/network/health/country/TH".into()]
        }
        "/network/introductions/{id}/answer" => vec![format!("/network/introductions/{}/answer", id("introduction"))],
        "/network/ties/{id}/delete" => vec![format!("/network/ties/{}/delete", id("tie"))],
        p if p.starts_with("/organisations/{id}") => each(&["organisation"], &|i| p.replace("{id}", i)),
        "/profile/affiliations/{org}/delete" => vec![format!("/profile/affiliations/{}/delete", id("organisation"))],
        "/profile/contacts/{id}/delete" => vec!["/profile/contacts/1/delete".into()],
        p if p.starts_with("/questions/{id}") => each(&["question", "routed_question"], &|i| p.replace("{id}", i)),
        "/static/{name}" => vec!["/static/app.css".into()],
        "/unsubscribe/{user}/{kind}/{proof}" => vec![format!("/unsubscribe/{}/replies/no-such-proof", id("at_risk"))],
        _ => panic!("the persona matrix has no entry for the route {pattern}: add one"),
    }
}

/// What must not be in `body` for `persona`, if anything is.
fn leak(persona: Persona, body: &str) -> Option<&'static str> {
    if !persona.sees_at_risk() && (body.contains(NAME) || body.contains(EMAIL)) {
        return Some("the at-risk member");
    }
    if !persona.sees_secret() && body.contains(SECRET) {
        return Some("the secret group's content");
    }
    None
}

async fn calendar(b: &Browser) -> String {
    let html = b.post("/events/calendar", &[("action", "new")]).await.text().await.unwrap().replace("&#x2f;", "/");
    let start = html.find("/events/calendar/").expect("a calendar address");
    html[start..].split('"').next().unwrap().to_string()
}

/// The scene, with the browsers of the personas.
async fn scene(app: &TestApp) -> (Scene, Vec<(Persona, Browser)>) {
    let mut s = Scene::new();
    let (at_risk, at_risk_id) = app.signed_in(EMAIL, Role::Member, NAME).await;
    let (plain, plain_id) = app.signed_in("mara@example.org", Role::Member, "Mara Plain").await;
    let (organiser, _) = app.signed_in("oscar@example.org", Role::Member, "Oscar Organiser").await;
    let (group_member, group_member_id) = app.signed_in("gita@example.org", Role::Member, "Gita Group").await;
    let (moderator, _) = app.signed_in("mona@example.org", Role::Member, "Mona Moderator").await;
    let (coordinator, coordinator_id) = app.signed_in("cora@example.org", Role::Coordinator, "Cora Coordinator").await;
    let (admin, _) = app.signed_in("ada@example.org", Role::Admin, "Ada Admin").await;
    app.set_profile(
        at_risk_id,
        "at_risk = TRUE, sector = 'nhri', sector_vis = 'private', country = 'TH', country_vis = 'private', \
         orgs_vis = 'private', expertise_vis = 'private', bio = 'Monitors police stations', bio_vis = 'private'",
    )
    .await;
    for (user, area) in
        [(at_risk_id, "detention_monitoring"), (plain_id, "training"), (plain_id, "detention_monitoring")]
    {
        app.exec(&format!("INSERT INTO profile_expertise (user_id, area) VALUES ({user}, '{area}')")).await;
    }
    s.insert("at_risk", at_risk_id.to_string());
    s.insert("plain", plain_id.to_string());

    // An organisation she works for.
    let fields = [("name", "Bangkok Legal Aid"), ("sector", "legal"), ("country", "TH"), ("public", "on")];
    let r = coordinator.post("/organisations", &fields).await;
    let org = location(&r).trim_start_matches("/organisations/").split('?').next().unwrap().to_string();
    app.exec(&format!("INSERT INTO affiliations (user_id, org_id, title) VALUES ({at_risk_id}, {org}, 'Monitor')"))
        .await;
    s.insert("organisation", org);

    // Public and network threads, with her posts in them.
    let open_group = new_group(&moderator, "Open practice circle", "open", true).await;
    for b in [&at_risk, &plain] {
        b.post(&format!("/groups/{open_group}/join"), &[]).await;
    }
    let public_thread =
        new_thread(&plain, Some(open_group), "Interviewing practice", "What works at the station?").await;
    at_risk.post(&format!("/forum/threads/{public_thread}/replies"), &[("body", "Records kept at every step.")]).await;
    let at_risk_thread = new_thread(&at_risk, None, "Question on custody registers", "Who keeps them?").await;
    let at_risk_post = app.scalar_i64(&format!("SELECT MIN(id) FROM posts WHERE thread_id = {at_risk_thread}")).await;
    plain.post(&format!("/forum/threads/{at_risk_thread}/replies"), &[("body", "The duty officer.")]).await;
    s.insert("open_group", open_group.to_string());
    s.insert("public_thread", public_thread.to_string());
    s.insert("at_risk_thread", at_risk_thread.to_string());
    s.insert("at_risk_post", at_risk_post.to_string());

    // The secret group: its thread, resource and event.
    let secret = new_group(&moderator, &format!("{SECRET} circle"), "secret", false).await;
    for (b, id) in [(&group_member, group_member_id), (&at_risk, at_risk_id)] {
        moderator.post(&format!("/groups/{secret}/invite"), &[("user", &id.to_string())]).await;
        b.post(&format!("/groups/{secret}/join"), &[]).await;
    }
    // Its chat room, where its members speak.
    let r = moderator.post(&format!("/groups/{secret}/room"), &[("action", "on")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", r.text().await.unwrap());
    let room = app.scalar_i64(&format!("SELECT id FROM conversations WHERE group_id = {secret}")).await;
    for (who, b) in [("moderator", &moderator), ("group member", &group_member)] {
        let r = b.post(&format!("/messages/{room}"), &[("body", &format!("{SECRET} in the room"))]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{who}");
    }
    // A report of the moderator's message there goes to the group's moderators alone, with
    // the message's words: no coordinator outside the group reads it.
    let said = app.scalar_i64(&format!("SELECT MIN(id) FROM messages WHERE conversation_id = {room}")).await;
    let r =
        group_member.post(&format!("/messages/{room}/m/{said}/report"), &[("reason", "Reported in the matrix")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", r.text().await.unwrap());
    s.insert("message_report", app.scalar_i64("SELECT MAX(id) FROM message_reports").await.to_string());
    let secret_thread =
        new_thread(&moderator, Some(secret), &format!("{SECRET} thread"), &format!("{SECRET} plan")).await;
    at_risk.post(&format!("/forum/threads/{secret_thread}/replies"), &[("body", &format!("{SECRET} reply"))]).await;
    let post_of = |thread: i64, which: &str| format!("SELECT {which}(id) FROM posts WHERE thread_id = {thread}");
    s.insert("secret_thread", secret_thread.to_string());
    s.insert("secret_post", app.scalar_i64(&post_of(secret_thread, "MIN")).await.to_string());
    s.insert("secret_reply", app.scalar_i64(&post_of(secret_thread, "MAX")).await.to_string());
    let secret_str = secret.to_string();
    let title = format!("{SECRET} resource");
    let link = format!("https://example.org/{SECRET}");
    let fields = crate::library::fields(
        &title,
        &[("access", "group"), ("group", &secret_str), ("link", &link), ("topics", "detention_monitoring")],
    );
    let r = crate::library::send(&moderator, "/library", &fields, None).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    s.insert("secret_resource", location(&r).trim_start_matches("/library/").split('?').next().unwrap().into());
    let fields = crate::library::fields("Custody register guide", &[("link", "https://example.org/guide")]);
    let r = crate::library::send(&plain, "/library", &fields, None).await;
    s.insert("public_resource", location(&r).trim_start_matches("/library/").split('?').next().unwrap().into());
    let (starts, ends) = (local(5, 9), local(5, 12));
    let times = [("starts", starts.as_str()), ("ends", ends.as_str())];
    let event_title = format!("{SECRET} event");
    let mut form = event_form(&event_title, "group", &times);
    form.push(("group", secret_str.as_str()));
    let secret_event = create(&moderator, &form).await;
    at_risk.post(&format!("/events/{secret_event}/rsvp"), &[]).await;
    s.insert("secret_group", secret_str);
    s.insert("secret_event", secret_event.to_string());

    // A members' event she registered for, attended and spoke at.
    let members_event = create(&organiser, &event_form("Custody interviewing clinic", "members", &times)).await;
    for b in [&at_risk, &plain] {
        b.post(&format!("/events/{members_event}/rsvp"), &[]).await;
    }
    let registration = app
        .scalar_i64(&format!(
            "SELECT id FROM event_registrations WHERE event_id = {members_event} AND user_id = {at_risk_id}"
        ))
        .await;
    organiser.post(&format!("/events/{members_event}/checkin/{registration}"), &[("present", "yes")]).await;
    let starts_at = app.scalar_i64(&format!("SELECT starts_at FROM events WHERE id = {members_event}")).await;
    app.exec(&format!(
        "INSERT INTO event_sessions (event_id, title, starts_at, ends_at) VALUES ({members_event}, 'Opening', {starts_at}, {})",
        starts_at + 3_600_000
    ))
    .await;
    let session = app.scalar_i64(&format!("SELECT id FROM event_sessions WHERE event_id = {members_event}")).await;
    app.exec(&format!("INSERT INTO event_speakers (session_id, user_id) VALUES ({session}, {at_risk_id})")).await;
    s.insert("members_event", members_event.to_string());
    s.insert("registration", registration.to_string());
    s.insert("session", session.to_string());

    // Endorsements both ways, an introduction, a tie, champion stage, questions both ways.
    for (from, to, area) in [(coordinator_id, at_risk_id, "detention_monitoring"), (at_risk_id, plain_id, "training")] {
        app.exec(&format!(
            "INSERT INTO endorsements (endorser_id, member_id, area, created_at) VALUES ({from}, {to}, '{area}', 0)"
        ))
        .await;
    }
    let introduction = roundtable::db::secret_id();
    app.exec(&format!(
        "INSERT INTO introductions (id, a_id, b_id, introducer_id, message, created_at) \
         VALUES ({introduction}, {at_risk_id}, {plain_id}, {coordinator_id}, 'You both monitor stations', 0)"
    ))
    .await;
    s.insert("introduction", introduction.to_string());
    let (a, b) = (at_risk_id.min(plain_id), at_risk_id.max(plain_id));
    app.exec(&format!(
        "INSERT INTO ties (a_id, b_id, kind, recorded_by, created_at) VALUES ({a}, {b}, 'worked_together', {coordinator_id}, 0)"
    ))
    .await;
    s.insert("tie", app.scalar_i64("SELECT id FROM ties").await.to_string());
    app.exec(&format!("INSERT INTO champions (user_id, stage, updated_by, updated_at) VALUES ({at_risk_id}, 'candidate', {coordinator_id}, 0)"))
        .await;
    let (question, routed) = (roundtable::db::secret_id(), roundtable::db::secret_id());
    for (q, asker, expert, title) in [
        (question, at_risk_id, plain_id, "How are registers checked?"),
        (routed, plain_id, at_risk_id, "Who visits at night?"),
    ] {
        app.exec(&format!(
            "INSERT INTO questions (id, asker_id, area, lang, title, body, body_html, created_at) \
             VALUES ({q}, {asker}, 'detention_monitoring', 'en', '{title}', 'Details.', '<p>Details.</p>', 0)"
        ))
        .await;
        app.exec(&format!(
            "INSERT INTO question_experts (question_id, expert_id, created_at) VALUES ({q}, {expert}, 0)"
        ))
        .await;
    }
    app.exec(&format!(
        "INSERT INTO answers (question_id, author_id, body, body_html, created_at) VALUES ({routed}, {at_risk_id}, 'At night, the NPM.', '<p>At night, the NPM.</p>', 0)"
    ))
    .await;
    s.insert("question", question.to_string());
    // She writes to a member of her secret group, who accepts; nobody else reads it.
    let r = at_risk
        .post("/messages", &[("to", &group_member_id.to_string()), ("body", &format!("{SECRET} message"))])
        .await;
    let conversation = location(&r).trim_start_matches("/messages/").split('#').next().unwrap().to_string();
    group_member.post(&format!("/messages/{conversation}/answer"), &[("answer", "accept")]).await;
    let message = app.scalar_i64(&format!("SELECT MIN(id) FROM messages WHERE conversation_id = {conversation}")).await;
    s.insert("conversation", conversation);
    s.insert("message", message.to_string());
    s.insert("routed_question", routed.to_string());
    s.insert("awareness_day", app.scalar_i64("SELECT MIN(id) FROM awareness_days").await.to_string());
    // An initiative she is an expert on (members see it, without her), with her
    // organisation as a partner and a milestone; and the secret group's initiative.
    let initiative = crate::initiatives::start(&coordinator, "Custody interviewing reform", "members", &[]).await;
    for (path, fields) in [
        ("partners", [("org", s["organisation"].clone()), ("role", "civil_society_partner".to_string())]),
        ("people", [("user", at_risk_id.to_string()), ("role", "expert".to_string())]),
        ("people", [("user", plain_id.to_string()), ("role", "lead".to_string())]),
        ("milestones", [("title", "First cohort".to_string()), ("due_on", "2027-03-01".to_string())]),
        ("indicators", [("name", "Officers trained".to_string()), ("kind", "number".to_string())]),
    ] {
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = coordinator.post(&format!("/initiatives/{initiative}/{path}"), &fields).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{path}");
    }
    s.insert("initiative", initiative.to_string());
    s.insert("milestone", app.scalar_i64("SELECT MAX(id) FROM initiative_milestones").await.to_string());
    let indicator = app.scalar_i64("SELECT MAX(id) FROM initiative_indicators").await;
    let r = coordinator
        .post(
            &format!("/initiatives/{initiative}/indicators/{indicator}/values"),
            &[("measured_on", "2026-02-01"), ("value", "40"), ("source", "Academy register")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let story = [
        ("happened_on", "2026-01-10"),
        ("title", "Records kept"),
        ("who_changed", "Station commanders"),
        ("what_changed", "Custody records are kept at every step."),
    ];
    let r = coordinator.post(&format!("/initiatives/{initiative}/stories"), &story).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    s.insert("story", app.scalar_i64("SELECT MAX(id) FROM initiative_stories").await.to_string());
    // Linked: the members' event (through the page) and the secret group's resource, which
    // only its members may see there.
    let r = coordinator
        .post(&format!("/initiatives/{initiative}/links"), &[("address", &format!("/events/{}", s["members_event"]))])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = coordinator
        .post(
            &format!("/initiatives/{initiative}/links"),
            &[("address", &format!("/library/{}", s["secret_resource"]))],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "a coordinator outside the group cannot see it");
    app.exec(&format!(
        "INSERT INTO initiative_links (initiative_id, kind, target_id, created_at) VALUES ({initiative}, 'resource', {}, 0)",
        s["secret_resource"]
    ))
    .await;
    s.insert("indicator", indicator.to_string());
    s.insert("value", app.scalar_i64("SELECT MAX(id) FROM initiative_indicator_values").await.to_string());
    let secret_initiative = roundtable::db::secret_id();
    app.exec(&format!(
        "INSERT INTO initiatives (id, lang, title, purpose, purpose_html, status, visibility, group_id, created_at, updated_at) \
         VALUES ({secret_initiative}, 'en', '{SECRET} initiative', '{SECRET} purpose', '<p>{SECRET} purpose</p>', 'active', \
         'group', {}, 0, 0)",
        s["secret_group"]
    ))
    .await;
    app.exec(&format!(
        "INSERT INTO initiative_people (initiative_id, user_id, role, listed, created_at) VALUES \
         ({secret_initiative}, {group_member_id}, 'lead', TRUE, 0), ({secret_initiative}, {at_risk_id}, 'expert', TRUE, 0)"
    ))
    .await;
    s.insert("secret_initiative", secret_initiative.to_string());
    // An update with a file on each: the secret one posted by the group's lead.
    let file = |name| Some((name, crate::library::pdf("update")));
    let r = crate::library::send(
        &coordinator,
        &format!("/initiatives/{initiative}/updates"),
        &[("body", "Cohort two")],
        file("notes.pdf"),
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = crate::library::send(
        &group_member,
        &format!("/initiatives/{secret_initiative}/updates"),
        &[("body", "SECRETMARK news")],
        file("SECRETMARK-notes.pdf"),
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    s.insert(
        "update",
        app.scalar_i64(&format!("SELECT id FROM initiative_updates WHERE initiative_id = {initiative}"))
            .await
            .to_string(),
    );
    s.insert("update_file", app.scalar_i64(&format!(
        "SELECT f.id FROM initiative_update_files f JOIN initiative_updates u ON u.id = f.update_id WHERE u.initiative_id = {initiative}"
    )).await.to_string());
    roundtable::search::rebuild(&app.db, &roundtable::rules::search_indexers()).await.unwrap();

    s.insert("plain_calendar", calendar(&plain).await);
    s.insert("coordinator_calendar", calendar(&coordinator).await);
    let every: Vec<(&str, &str)> =
        ["members", "network", "organisations", "groups", "events", "library"].iter().map(|a| (*a, "write")).collect();
    let coordinator_token = crate::api::make_token(&coordinator, &every).await;
    let group_member_token = crate::api::make_token(&group_member, &every).await;
    let personas = vec![
        (Persona::CoordinatorToken, Browser::with_token(&app.browser().base, &coordinator_token)),
        (Persona::GroupMemberToken, Browser::with_token(&app.browser().base, &group_member_token)),
        (Persona::Anonymous, app.browser()),
        (Persona::Member, plain),
        (Persona::Organiser, organiser),
        (Persona::GroupMember, group_member),
        (Persona::Moderator, moderator),
        (Persona::Coordinator, coordinator),
        (Persona::Admin, admin),
    ];
    (s, personas)
}

db_test!(
    every_route_for_every_persona,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 1_000_000,
    |app: TestApp| async move {
        let (scene, personas) = scene(&app).await;
        let config = roundtable::config::Config::defaults(std::path::Path::new("/nonexistent"));
        let table = roundtable::app::route_table(&config);
        let addresses: Vec<String> = table.paths().iter().flat_map(|p| urls(p, &scene)).collect();
        // The secret content is where it should be, so that its absence elsewhere means something.
        let inside = &personas.iter().find(|(p, _)| *p == Persona::GroupMember).unwrap().1;
        assert!(inside.page(&format!("/groups/{}", scene["secret_group"])).await.contains(SECRET));
        assert!(inside.page(&format!("/messages/{}", scene["conversation"])).await.contains(SECRET));
        let coordinator = &personas.iter().find(|(p, _)| *p == Persona::Coordinator).unwrap().1;
        assert!(coordinator.page(&format!("/members/{}", scene["at_risk"])).await.contains(NAME));

        let organiser = &personas.iter().find(|(p, _)| *p == Persona::Organiser).unwrap().1;
        let manage = organiser.page(&format!("/events/{}/manage", scene["members_event"])).await;
        assert!(manage.contains("A participant who keeps their name private"));

        let (mut leaks, mut answered) = (Vec::new(), 0);
        // Addresses with a page to GET (the others only take forms).
        let mut readable = std::collections::HashSet::new();
        for (persona, browser) in &personas {
            for address in &addresses {
                let response = browser.get(address).await;
                let status = response.status();
                let body = response.text().await.unwrap_or_default();
                assert!(status != StatusCode::INTERNAL_SERVER_ERROR, "{persona:?} GET {address}: 500");
                answered += usize::from(status == StatusCode::OK);
                if status != StatusCode::METHOD_NOT_ALLOWED {
                    readable.insert(address.clone());
                }
                if let Some(what) = leak(*persona, &body) {
                    leaks.push(format!("{persona:?} GET {address} ({status}) shows {what}"));
                }
            }
        }

        // Mail queued for each persona follows the same rules.
        for (persona, email) in [
            (Persona::Member, "mara@example.org"),
            (Persona::Organiser, "oscar@example.org"),
            (Persona::Coordinator, "cora@example.org"),
            (Persona::Admin, "ada@example.org"),
        ] {
            for mail in app.mails_to(email).await {
                if let Some(what) = leak(persona, &mail) {
                    leaks.push(format!("mail to {persona:?} shows {what}"));
                }
            }
        }
        assert!(leaks.is_empty(), "{} leaks:\n{}", leaks.len(), leaks.join("\n"));
        // Most pages answered someone: the matrix read them, not a wall of refusals.
        assert!(answered > 2 * readable.len(), "{answered} pages of {} addresses with a page", readable.len());
    }
);
