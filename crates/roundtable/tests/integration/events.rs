//! Events: the life of an event from creation to co-attendance ties, who may see what,
//! every kind of bad input, and calendars read by an independent iCalendar parser.

use reqwest::StatusCode;
use roundtable::network::sources::Source;
use roundtable::vocab::Role;

use crate::common::{location, Backend, Browser, TestApp};
use crate::db_test;
use crate::smtp::SmtpSink;

/// `YYYY-MM-DDTHH:MM` a number of days from now, at this hour (a `datetime-local` value).
pub(crate) fn local(days: i64, hour: u32) -> String {
    let date = (chrono::Utc::now() + chrono::Duration::days(days)).date_naive();
    format!("{}T{hour:02}:00", date.format("%Y-%m-%d"))
}

fn id_from(response: &reqwest::Response) -> i64 {
    let to = location(response);
    to.trim_start_matches("/events/").split('?').next().unwrap().parse().unwrap_or_else(|_| panic!("{to}"))
}

/// The fields of a valid event, to which a test adds or overrides some.
pub(crate) fn event_form<'a>(
    title: &'a str,
    visibility: &'a str,
    extra: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("title", title),
        ("kind", "roundtable_dialogue"),
        ("description", "Government and civil society on the NPM bill."),
        ("mode", "hybrid"),
        ("venue", "Commission on Human Rights, Quezon City"),
        ("address", "SAAC Building, Commonwealth Avenue"),
        ("online_url", "https://meet.example.org/secret-room"),
        ("country", "PH"),
        ("time_zone", "Asia/Manila"),
        ("visibility", visibility),
    ];
    for (k, v) in extra {
        form.retain(|(key, _)| key != k);
        form.push((k, v));
    }
    form
}

/// A page's text with the escapes templates write for `/`, `'` and `&` undone.
pub(crate) async fn text_of(b: &Browser, path: &str) -> String {
    b.page(path).await.replace("&#x2f;", "/").replace("&#x27;", "'").replace("&amp;", "&")
}

pub(crate) async fn create(b: &Browser, form: &[(&str, &str)]) -> i64 {
    let r = b.post("/events", form).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", r.text().await.unwrap());
    id_from(&r)
}

async fn registration_id(app: &TestApp, event: i64, email: &str) -> i64 {
    app.scalar_i64(&format!("SELECT id FROM event_registrations WHERE event_id = {event} AND email_key = '{email}'"))
        .await
}

async fn status_of(app: &TestApp, event: i64, email: &str) -> String {
    let sql = format!("SELECT status FROM event_registrations WHERE event_id = {event} AND email_key = '{email}'");
    app.strings(&sql).await.pop().unwrap_or_default()
}

/// The link in the newest mail to `to` that starts with `prefix`.
async fn link_in_mail(app: &TestApp, to: &str, prefix: &str) -> String {
    let mail = app.mails_to(to).await.into_iter().next().expect("a mail");
    let start = mail.find(prefix).unwrap_or_else(|| panic!("no {prefix} in {mail}"));
    mail[start..].split_whitespace().next().unwrap().to_string()
}

async fn life_of_an_event(backend: Backend) {
    let sink = SmtpSink::start().await;
    let url = sink.url.clone();
    let app = TestApp::spawn_with(backend, |c| c.smtp_url = Some(url)).await;
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Corazon Coordinator").await;
    let (a, _) = app.signed_in("a@example.org", Role::Member, "Aree Police").await;
    let (b, b_id) = app.signed_in("b@example.org", Role::Member, "Budi Prosecutor").await;
    let (c, c_id) = app.signed_in("c@example.org", Role::Member, "Carmen Doctor").await;
    let (other, _) = app.signed_in("d@example.org", Role::Member, "Dewi Outsider").await;
    let visitor = app.browser();

    let (starts, ends) = (local(10, 9), local(10, 17));
    let id = create(
        &coordinator,
        &event_form("Roundtable on the NPM bill", "public", &[("capacity", "2"), ("starts", &starts), ("ends", &ends)]),
    )
    .await;
    let r =
        coordinator.post(&format!("/events/{id}/questions"), &[("prompt", "What would you like to discuss?")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let question = app.scalar_i64(&format!("SELECT id FROM event_questions WHERE event_id = {id}")).await;
    let q_field = format!("q{question}");

    // Two members take the two places; the third joins the waitlist.
    let r = a.post(&format!("/events/{id}/rsvp"), &[(q_field.as_str(), "Custody time limits")]).await;
    assert_eq!(location(&r), format!("/events/{id}?done=registered"));
    b.post(&format!("/events/{id}/rsvp"), &[]).await;
    let r = c.post(&format!("/events/{id}/rsvp"), &[]).await;
    assert_eq!(location(&r), format!("/events/{id}?done=waitlisted"));
    assert_eq!(status_of(&app, id, "c@example.org").await, "waitlisted");

    // A visitor registers, confirms by the link in the mail, and waits behind the member.
    let r = visitor
        .post(
            &format!("/events/{id}/register"),
            &[
                ("name", "Vilma Visitor"),
                ("email", "Vilma@Example.org"),
                ("organisation", "Balay Rehabilitation Center"),
                ("sector", "civil_society"),
                ("country", "PH"),
                ("website", ""),
                (q_field.as_str(), "Rehabilitation"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(status_of(&app, id, "vilma@example.org").await, "unconfirmed");
    let link = link_in_mail(&app, "vilma@example.org", "http").await;
    let path = link.split_once("/events/").map(|(_, p)| format!("/events/{p}")).unwrap();
    let page = text_of(&visitor, &path).await;
    assert!(page.contains("Roundtable on the NPM bill"));
    assert_eq!(status_of(&app, id, "vilma@example.org").await, "unconfirmed", "opening the link changes nothing");
    let r = visitor.post(&format!("{path}/confirm"), &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, id, "vilma@example.org").await, "waitlisted");

    // The meeting link: registered participants and organisers only.
    let event_page = format!("/events/{id}");
    assert!(text_of(&a, &event_page).await.contains("https://meet.example.org/secret-room"));
    assert!(text_of(&coordinator, &event_page).await.contains("https://meet.example.org/secret-room"));
    for (who, browser) in [("waitlisted", &c), ("other member", &other), ("visitor", &visitor)] {
        let html = text_of(browser, &event_page).await;
        assert!(!html.contains("secret-room"), "{who} must not see the link");
        assert!(!html.contains("Budi Prosecutor") || who != "visitor", "registrants stay private");
        assert!(!html.contains("vilma@example.org") && !html.contains("Custody time limits"), "{who}");
    }
    // Registrants: the organisers' page shows them, nobody else's.
    let manage = text_of(&coordinator, &format!("/events/{id}/manage")).await;
    assert!(manage.contains("vilma@example.org") && manage.contains("Custody time limits") && manage.contains("Balay"));
    assert_eq!(other.get(&format!("/events/{id}/manage")).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(visitor.get(&format!("/events/{id}/manage")).await.status(), StatusCode::SEE_OTHER);

    // Fewer places than people registered: refused, nothing changes.
    let r = coordinator
        .post(
            &format!("/events/{id}"),
            &event_form(
                "Roundtable on the NPM bill",
                "public",
                &[("capacity", "1"), ("starts", &starts), ("ends", &ends)],
            ),
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("2 people already have a place"));
    assert_eq!(app.scalar_i64(&format!("SELECT capacity FROM events WHERE id = {id}")).await, 2);

    // A cancels: the first on the waitlist (C) moves up and is told by mail.
    let r = a.post(&format!("/events/{id}/cancel"), &[]).await;
    assert_eq!(location(&r), format!("/events/{id}?done=cancelled"));
    assert_eq!(status_of(&app, id, "a@example.org").await, "cancelled");
    assert_eq!(status_of(&app, id, "c@example.org").await, "registered");
    assert_eq!(status_of(&app, id, "vilma@example.org").await, "waitlisted");
    let mut delivered = None;
    for _ in 0..100 {
        delivered = sink.received().into_iter().find(|m| m.to == vec!["c@example.org".to_string()]);
        if delivered.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let mail = delivered.expect("the promoted member receives a mail");
    assert!(mail.data.contains("Roundtable on the NPM bill") || mail.data.contains("=?utf-8?"));
    assert!(text_of(&c, &event_page).await.contains("secret-room"), "a place brings the link");

    // The visitor cancels with the link from the mail; the link then stops working.
    let r = visitor.post(&format!("{path}/cancel"), &[]).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(status_of(&app, id, "vilma@example.org").await, "cancelled");
    assert_eq!(visitor.get(&path).await.status(), StatusCode::GONE);

    // Check-in at the door; then the two are tied by co-attendance.
    let checkin = text_of(&coordinator, &format!("/events/{id}/checkin")).await;
    assert!(
        checkin.contains("Budi Prosecutor") && checkin.contains("Carmen Doctor") && !checkin.contains("Aree Police")
    );
    for email in ["b@example.org", "c@example.org"] {
        let rid = registration_id(&app, id, email).await;
        let r = coordinator.post(&format!("/events/{id}/checkin/{rid}"), &[("present", "yes")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
    }
    assert!(text_of(&coordinator, &format!("/events/{id}/checkin")).await.contains("2 of 2 present"));
    let now = chrono::Utc::now().timestamp_millis();
    let evidence = Source::CoAttendance.collect(&app.db, now, i64::MAX).await.unwrap();
    let (lo, hi) = (b_id.min(c_id), b_id.max(c_id));
    assert_eq!(evidence.len(), 1, "{evidence:?}");
    assert_eq!((evidence[0].a, evidence[0].b), (lo, hi));
    assert!((evidence[0].weight - 1.0).abs() < 1e-9);
    let views = roundtable::network::model::compute(&app.db, None).await.unwrap();
    let network = &views.coordinators;
    let (nb, nc) = (network.node(b_id).unwrap(), network.node(c_id).unwrap());
    assert!(network.ties_of(nb).any(|(other, tie)| other == nc && tie.sources.contains(&Source::CoAttendance)));

    // Cancelling the event tells everyone still registered.
    let r = coordinator
        .post(
            &format!("/events/{id}"),
            &event_form(
                "Roundtable on the NPM bill",
                "public",
                &[("capacity", "2"), ("starts", &starts), ("ends", &ends), ("cancelled", "on")],
            ),
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(app.mails_to("b@example.org").await[0].contains("The organisers have cancelled Roundtable on the NPM bill"));
    assert!(app.mails_to("a@example.org").await.is_empty(), "not those who had cancelled");
    assert!(text_of(&visitor, &event_page).await.contains("This event is cancelled"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn life_of_an_event_sqlite() {
    life_of_an_event(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn life_of_an_event_postgres() {
    if std::env::var("ROUNDTABLE_TEST_POSTGRES_URL").is_ok_and(|u| !u.is_empty()) {
        life_of_an_event(Backend::Postgres).await;
    }
}

db_test!(events_are_seen_only_by_whom_they_are_for, |app: TestApp| async move {
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Coordinator").await;
    let (organiser, _) = app.signed_in("org@example.org", Role::Member, "Organiser").await;
    let (outsider, _) = app.signed_in("out@example.org", Role::Member, "Outsider").await;
    let (guest, guest_id) = app.signed_in("guest@example.org", Role::Member, "Invited Guest").await;
    let visitor = app.browser();
    let (starts, ends) = (local(20, 9), local(20, 12));
    let times = [("starts", starts.as_str()), ("ends", ends.as_str())];

    let r = organiser
        .post("/groups", &[("name", "Forensic doctors"), ("kind", "working_group"), ("access", "closed")])
        .await;
    let group = location(&r).trim_start_matches("/groups/").split('?').next().unwrap().to_string();
    let mut group_form = event_form("Closed forensic workshop", "group", &times);
    group_form.push(("group", group.as_str()));
    let in_group = create(&organiser, &group_form).await;
    let invitation =
        create(&organiser, &event_form("Quiet dialogue with prison officials", "invitation_only", &times)).await;
    let members = create(&organiser, &event_form("Members' webinar", "members", &times)).await;
    let public = create(&coordinator, &event_form("Public forum for 26 June", "public", &times)).await;

    // A member may not publish a public event: that is for coordinators.
    let r = organiser.post("/events", &event_form("Self-published", "public", &times)).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("Only coordinators publish public events"));

    for hidden in [in_group, invitation] {
        for (who, b) in [("outsider", &outsider), ("visitor", &visitor)] {
            for path in [format!("/events/{hidden}"), format!("/events/{hidden}/event.ics")] {
                assert_eq!(b.get(&path).await.status(), StatusCode::NOT_FOUND, "{who} {path}");
            }
        }
        assert_eq!(outsider.post(&format!("/events/{hidden}/rsvp"), &[]).await.status(), StatusCode::NOT_FOUND);
    }
    assert_eq!(visitor.get(&format!("/events/{members}")).await.status(), StatusCode::NOT_FOUND);
    let r = visitor.post(&format!("/events/{members}/register"), &[("name", "X"), ("email", "x@example.org")]).await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);

    let outsider_list = text_of(&outsider, "/events").await;
    assert!(outsider_list.contains("Members' webinar"));
    assert!(outsider_list.contains("Public forum for 26 June"));
    assert!(!outsider_list.contains("Closed forensic workshop") && !outsider_list.contains("Quiet dialogue"));
    let visitor_list = text_of(&visitor, "/events").await;
    assert!(visitor_list.contains("Public forum for 26 June") && !visitor_list.contains("Members' webinar"));
    for feed in ["/events/public.ics", "/events/public.atom"] {
        let body = visitor.page(feed).await;
        assert!(body.contains("Public forum for 26 June"), "{feed}");
        for hidden in ["Closed forensic", "Quiet dialogue", "webinar", "secret-room"] {
            assert!(!body.contains(hidden), "{feed} leaks {hidden}");
        }
    }
    // The organiser's own list shows all of theirs.
    let own = text_of(&organiser, "/events").await;
    assert!(own.contains("Closed forensic workshop") && own.contains("Quiet dialogue"));

    // An invitation opens the event to the guest, by mail too.
    let r = organiser.post(&format!("/events/{invitation}/invitations"), &[("user", &guest_id.to_string())]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(app.mails_to("guest@example.org").await[0].contains(&format!("/events/{invitation}")));
    assert!(text_of(&guest, &format!("/events/{invitation}")).await.contains("Quiet dialogue with prison officials"));
    assert!(
        !text_of(&guest, &format!("/events/{invitation}")).await.contains("secret-room"),
        "invited is not registered"
    );
    let r = guest.post(&format!("/events/{invitation}/rsvp"), &[]).await;
    assert_eq!(location(&r), format!("/events/{invitation}?done=registered"));
    assert!(text_of(&guest, &format!("/events/{invitation}")).await.contains("secret-room"));
    // Still nothing for the outsider, and no registrant data on the public page.
    assert_eq!(outsider.get(&format!("/events/{invitation}")).await.status(), StatusCode::NOT_FOUND);
    let r = outsider.post(&format!("/events/{public}/rsvp"), &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // The agenda: guests' names are public, members' names are for members.
    let session_times = [("starts", starts.as_str()), ("ends", &local(20, 10))];
    let speaker = guest_id.to_string();
    let mut session = vec![("title", "Opening"), ("speakers", speaker.as_str()), ("guests", "Juan Guest-Speaker")];
    session.extend(session_times);
    let r = coordinator.post(&format!("/events/{public}/sessions"), &session).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(text_of(&outsider, &format!("/events/{public}")).await.contains("Invited Guest"));
    let public_page = text_of(&visitor, &format!("/events/{public}")).await;
    assert!(public_page.contains("Juan Guest-Speaker") && !public_page.contains("Invited Guest"));
    assert!(
        !public_page.contains("Outsider")
            && !public_page.contains("out@example.org")
            && !public_page.contains("secret-room")
    );

    // An invitation's notification follows the event: moved into a group the invitee is
    // not in, it leaves their list, title and all.
    let outsider_id = app.scalar_i64("SELECT id FROM users WHERE email = 'out@example.org'").await.to_string();
    let r = organiser.post(&format!("/events/{members}/invitations"), &[("user", &outsider_id)]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(text_of(&outsider, "/notifications").await.contains("Members' webinar"));
    let mut moved = event_form("Members' webinar", "group", &times);
    moved.push(("group", group.as_str()));
    let r = organiser.post(&format!("/events/{members}"), &moved).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", r.text().await.unwrap());
    let list = text_of(&outsider, "/notifications").await;
    assert!(!list.contains("Members' webinar") && !list.contains("invited you"), "{list}");
});

db_test!(bad_input_is_refused_and_changes_nothing, |app: TestApp| async move {
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Coordinator").await;
    let (member, _) = app.signed_in("m@example.org", Role::Member, "Member").await;
    let (other_org, _) = app.signed_in("o@example.org", Role::Member, "Other organiser").await;
    let visitor = app.browser();
    let (starts, ends) = (local(30, 9), local(30, 12));
    let count = "SELECT COUNT(*) FROM events";

    let cases: [(&[(&str, &str)], &str); 8] = [
        (&[("starts", &starts), ("ends", &ends), ("hosts", "999999")], "Unknown organisation"),
        (
            &[("starts", &starts), ("ends", &ends), ("visibility", "group"), ("group", "999999")],
            "Choose a group you belong to",
        ),
        (&[("starts", &ends), ("ends", &starts)], "The end must come after the start"),
        (&[("starts", &starts), ("ends", &starts)], "The end must come after the start"),
        (&[("starts", &starts), ("ends", &ends), ("time_zone", "Asia/Atlantis")], "Unknown time zone"),
        (&[("starts", "next week"), ("ends", &ends)], "YYYY-MM-DD HH:MM"),
        (&[("starts", &starts), ("ends", &ends), ("online_url", "javascript:alert(1)")], "must be a web address"),
        (&[("starts", &starts), ("ends", &ends), ("capacity", "-3")], "whole number"),
    ];
    for (extra, message) in cases {
        let r = coordinator.post("/events", &event_form("Bad", "members", extra)).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{extra:?}");
        let html = r.text().await.unwrap();
        assert!(html.contains(message), "{extra:?}: {message}");
        assert!(html.contains("value=\"Bad\""), "the form keeps what was typed");
    }
    assert_eq!(app.scalar_i64(count).await, 0);

    // Registration after it closed.
    let closed_at = local(-1, 9);
    let closed = create(
        &coordinator,
        &event_form("Closed", "public", &[("starts", &starts), ("ends", &ends), ("registration_closes", &closed_at)]),
    )
    .await;
    let r = member.post(&format!("/events/{closed}/rsvp"), &[]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("Registration for this event is closed"));
    let r = visitor.post(&format!("/events/{closed}/register"), &[("name", "V"), ("email", "v@example.org")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM event_registrations").await, 0);

    // Twice: the second time is refused for a member, and changes nothing for a visitor
    // (who is told by mail, so that the form does not reveal who registered).
    let open = create(&coordinator, &event_form("Open", "public", &[("starts", &starts), ("ends", &ends)])).await;
    member.post(&format!("/events/{open}/rsvp"), &[]).await;
    let r = member.post(&format!("/events/{open}/rsvp"), &[]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("already registered"));
    let visitor_form = [("name", "Vic"), ("email", "vic@example.org"), ("website", "")];
    for _ in 0..2 {
        let r = visitor.post(&format!("/events/{open}/register"), &visitor_form).await;
        assert_eq!(r.status(), StatusCode::OK);
    }
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM event_registrations").await, 2);
    let mails = app.mails_to("vic@example.org").await;
    assert_eq!(mails.len(), 2);
    assert!(mails[0].contains("nothing has changed"));
    // The honeypot: filled in by software, never by people.
    let r = visitor
        .post(
            &format!("/events/{open}/register"),
            &[("name", "Bot"), ("email", "bot@example.org"), ("website", "http://spam")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM event_registrations").await, 2);
    let r =
        visitor.post(&format!("/events/{open}/register"), &[("name", "No mail"), ("email", "not-an-address")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Tampered ids: another event's registration, an event one may not see.
    let theirs = create(&other_org, &event_form("Theirs", "members", &[("starts", &starts), ("ends", &ends)])).await;
    let reg = app
        .scalar_i64(&format!("SELECT id FROM event_registrations WHERE event_id = {open} AND user_id IS NOT NULL"))
        .await;
    for path in [format!("/events/{theirs}/registrations/{reg}"), format!("/events/{theirs}/checkin/{reg}")] {
        let r = other_org.post(&path, &[("action", "decline"), ("present", "yes")]).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{path}");
    }
    assert_eq!(
        app.strings(&format!("SELECT status FROM event_registrations WHERE id = {reg}")).await,
        vec!["registered"]
    );
    let secret =
        create(&other_org, &event_form("Invitation", "invitation_only", &[("starts", &starts), ("ends", &ends)])).await;
    for path in [format!("/events/{secret}"), format!("/events/{secret}/manage"), "/events/999999".to_string()] {
        assert_eq!(member.get(&path).await.status(), StatusCode::NOT_FOUND, "{path}");
    }
    for path in [
        format!("/events/{secret}/rsvp"),
        format!("/events/{secret}/cancel"),
        format!("/events/{secret}/checkin/{reg}"),
    ] {
        assert_eq!(member.post(&path, &[("present", "yes")]).await.status(), StatusCode::NOT_FOUND, "{path}");
    }
    // Managing someone else's visible event is forbidden, not hidden.
    let r = member.post(&format!("/events/{theirs}/questions"), &[("prompt", "Hijack?")]).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM event_questions").await, 0);
    // A list filter that is not in the vocabulary.
    assert_eq!(member.get("/events?kind=party").await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(member.get("/events?month=June").await.status(), StatusCode::UNPROCESSABLE_ENTITY);
});

fn parse_calendar(body: &str) -> ical::parser::ical::component::IcalCalendar {
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(body.as_bytes()));
    parser.next().expect("one calendar").expect("a valid calendar")
}

/// The TZID parameter of a property.
fn tzid<'a>(props: &'a [ical::property::Property], name: &str) -> Option<&'a str> {
    let p = props.iter().find(|p| p.name == name)?;
    p.params.as_ref()?.iter().find(|(k, _)| k == "TZID").and_then(|(_, v)| v.first()).map(String::as_str)
}

fn property<'a>(props: &'a [ical::property::Property], name: &str) -> Option<&'a str> {
    props.iter().find(|p| p.name == name).and_then(|p| p.value.as_deref())
}

db_test!(calendars_are_read_by_another_parser, |app: TestApp| async move {
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Coordinator").await;
    let (member, _) = app.signed_in("m@example.org", Role::Member, "Member").await;
    let visitor = app.browser();
    let id = create(
        &coordinator,
        &event_form(
            "Workshop, Bangkok; day one",
            "public",
            &[
                ("starts", "2030-06-26T09:00"),
                ("ends", "2030-06-26T12:30"),
                ("time_zone", "Asia/Bangkok"),
                ("country", "TH"),
            ],
        ),
    )
    .await;
    let page = text_of(&visitor, &format!("/events/{id}")).await;
    assert!(page.contains("2030-06-26 09:00–12:30 (UTC+07:00, Asia/Bangkok)"));
    assert!(page.contains("<title>Workshop, Bangkok; day one · Roundtable</title>"));
    assert!(page.contains("<meta name=\"description\" content=\"Government and civil society on the NPM bill.\">"));

    let r = visitor.get(&format!("/events/{id}/event.ics")).await;
    assert!(r.headers()["content-type"].to_str().unwrap().starts_with("text/calendar"));
    let calendar = parse_calendar(&r.text().await.unwrap());
    assert_eq!(property(&calendar.properties, "X-WR-TIMEZONE"), Some("Asia/Bangkok"));
    let event = &calendar.events[0].properties;
    // In the event's own zone, which a VTIMEZONE defines: Bangkok keeps UTC+7 all year.
    assert_eq!(property(event, "DTSTART"), Some("20300626T090000"));
    assert_eq!(property(event, "DTEND"), Some("20300626T123000"));
    assert_eq!(tzid(event, "DTSTART"), Some("Asia/Bangkok"));
    assert_eq!(tzid(event, "DTEND"), Some("Asia/Bangkok"));
    assert_eq!(calendar.timezones.len(), 1);
    let zone = &calendar.timezones[0];
    assert_eq!(property(&zone.properties, "TZID"), Some("Asia/Bangkok"));
    assert!(property(&zone.properties, "UID").is_none() && property(&zone.properties, "DTSTAMP").is_none());
    assert_eq!(property(&zone.transitions[0].properties, "TZOFFSETTO"), Some("+0700"));
    assert_eq!(property(&zone.transitions[0].properties, "TZOFFSETFROM"), Some("+0700"));
    assert_eq!(property(event, "SUMMARY"), Some("Workshop\\, Bangkok\\; day one"));
    assert!(property(event, "UID").unwrap().starts_with(&format!("event-{id}@")));
    assert!(!property(event, "LOCATION").unwrap().contains("secret-room"), "visitors never get the link");

    // A zone with daylight saving is written in UTC; each zone referred to is defined once.
    let london = [("starts", "2030-06-27T09:00"), ("ends", "2030-06-27T10:00"), ("time_zone", "Europe/London")];
    create(&coordinator, &event_form("Briefing in London", "public", &london)).await;
    let manila = [("starts", "2030-06-28T09:00"), ("ends", "2030-06-28T10:00"), ("time_zone", "Asia/Manila")];
    create(&coordinator, &event_form("Briefing in Manila", "public", &manila)).await;
    let public = parse_calendar(&visitor.page("/events/public.ics").await);
    assert_eq!(public.events.len(), 3);
    let london =
        public.events.iter().find(|e| property(&e.properties, "SUMMARY") == Some("Briefing in London")).unwrap();
    assert_eq!(property(&london.properties, "DTSTART"), Some("20300627T080000Z"));
    assert_eq!(tzid(&london.properties, "DTSTART"), None);
    let mut zones: Vec<&str> = public.timezones.iter().filter_map(|z| property(&z.properties, "TZID")).collect();
    zones.sort();
    assert_eq!(zones, vec!["Asia/Bangkok", "Asia/Manila"]);
    let feed = feed_rs::parser::parse(visitor.page("/events/public.atom").await.as_bytes()).unwrap();
    assert!(feed.entries.iter().any(|e| e.title.as_ref().unwrap().content == "Workshop, Bangkok; day one"));

    // A member's own calendar through a secret address, with the meeting link.
    member.post(&format!("/events/{id}/rsvp"), &[]).await;
    let r = member.post("/events/calendar", &[("action", "new")]).await;
    let html = r.text().await.unwrap().replace("&#x2f;", "/");
    let start = html.find("/events/calendar/").unwrap();
    let path = html[start..].split('"').next().unwrap().to_string();
    assert!(path.ends_with(".ics"));
    let stored = app.strings("SELECT token_hash FROM event_calendar_tokens").await;
    assert!(!path.contains(&stored[0]), "only the hash is stored");
    let mine = parse_calendar(&visitor.page(&path).await);
    assert_eq!(mine.events.len(), 1);
    assert!(property(&mine.events[0].properties, "LOCATION").unwrap().contains("https://meet.example.org/secret-room"));
    assert_eq!(property(&mine.events[0].properties, "DTSTART"), Some("20300626T090000"));
    assert_eq!(mine.timezones.len(), 1);
    assert_eq!(property(&mine.events[0].properties, "STATUS"), Some("CONFIRMED"));
    // Without a place yet, the event is tentative and has no link.
    app.exec(&format!("UPDATE event_registrations SET status = 'waitlisted' WHERE event_id = {id}")).await;
    let mine = parse_calendar(&visitor.page(&path).await);
    assert_eq!(property(&mine.events[0].properties, "STATUS"), Some("TENTATIVE"));
    assert!(!property(&mine.events[0].properties, "LOCATION").unwrap_or_default().contains("secret-room"));
    app.exec(&format!("UPDATE event_registrations SET status = 'registered' WHERE event_id = {id}")).await;
    // Revoked, the address answers nothing.
    member.post("/events/calendar", &[("action", "revoke")]).await;
    assert_eq!(visitor.get(&path).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(visitor.get("/events/calendar/guess.ics").await.status(), StatusCode::NOT_FOUND);

    // The viewer's own zone, when they choose one.
    member.post("/timezone", &[("zone", "Asia/Manila"), ("next", "/")]).await;
    assert!(text_of(&member, &format!("/events/{id}"))
        .await
        .contains("2030-06-26 10:00–13:30 (UTC+08:00, Asia/Manila)"));
    let r = member.post("/timezone", &[("zone", "Nowhere/City"), ("next", "/")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
});

db_test!(organisers_approve_or_decline_and_the_waitlist_follows, |app: TestApp| async move {
    let (organiser, _) = app.signed_in("org@example.org", Role::Member, "Organiser").await;
    let (first, _) = app.signed_in("first@example.org", Role::Member, "First").await;
    let (second, _) = app.signed_in("second@example.org", Role::Member, "Second").await;
    let (third, _) = app.signed_in("third@example.org", Role::Member, "Third").await;
    let (starts, ends) = (local(15, 9), local(15, 17));
    let id = create(
        &organiser,
        &event_form(
            "Training with approval",
            "members",
            &[("starts", &starts), ("ends", &ends), ("capacity", "1"), ("requires_approval", "on")],
        ),
    )
    .await;
    for b in [&first, &second, &third] {
        let r = b.post(&format!("/events/{id}/rsvp"), &[]).await;
        assert_eq!(location(&r), format!("/events/{id}?done=pending"));
    }
    assert!(!text_of(&first, &format!("/events/{id}")).await.contains("secret-room"), "pending is not registered");
    let decide = |email: &'static str, action: &'static str| {
        let (app, organiser) = (&app, &organiser);
        async move {
            let rid = registration_id(app, id, email).await;
            organiser.post(&format!("/events/{id}/registrations/{rid}"), &[("action", action)]).await.status()
        }
    };
    // The first approved takes the only place; the second approved waits; the third is declined.
    assert_eq!(decide("first@example.org", "approve").await, StatusCode::SEE_OTHER);
    assert_eq!(decide("second@example.org", "approve").await, StatusCode::SEE_OTHER);
    assert_eq!(decide("third@example.org", "decline").await, StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, id, "first@example.org").await, "registered");
    assert_eq!(status_of(&app, id, "second@example.org").await, "waitlisted");
    assert_eq!(status_of(&app, id, "third@example.org").await, "declined");
    assert!(app.mails_to("first@example.org").await[0].contains("accepted your registration"));
    assert!(app.mails_to("second@example.org").await[0].contains("waitlist"));
    assert!(app.mails_to("third@example.org").await[0].contains("could not accept"));
    // A decision cannot be taken twice, and the declined cannot register again.
    assert_eq!(decide("first@example.org", "approve").await, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(third.post(&format!("/events/{id}/rsvp"), &[]).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Declining the one with the place moves the waitlist up.
    assert_eq!(decide("first@example.org", "decline").await, StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, id, "second@example.org").await, "registered");
    assert!(app.mails_to("second@example.org").await[0].contains("it is yours"));
    // Only organisers decide.
    let rid = registration_id(&app, id, "second@example.org").await;
    let r = third.post(&format!("/events/{id}/registrations/{rid}"), &[("action", "decline")]).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert_eq!(status_of(&app, id, "second@example.org").await, "registered");
});

async fn tie(app: &TestApp, a: i64, b: i64) {
    let (a, b) = (a.min(b), a.max(b));
    app.exec(&format!(
        "INSERT INTO ties (a_id, b_id, kind, source, created_at) VALUES ({a}, {b}, 'knows', 'recorded', 1)"
    ))
    .await;
}

db_test!(the_mix_suggests_whom_to_invite_and_the_invitee_registers, |app: TestApp| async move {
    let (organiser, organiser_id) = app.signed_in("org@example.org", Role::Coordinator, "Olivia Organiser").await;
    let (registrant, registrant_id) = app.signed_in("cso@example.org", Role::Member, "Somchai Civil").await;
    let (fresh, fresh_id) = app.signed_in("fresh@example.org", Role::Member, "Paolo Police").await;
    let tied_id = app.create_user("tied@example.org", Role::Member, "Teodoro Tied").await;
    let full_id = app.create_user("full@example.org", Role::Member, "Suda Samesector").await;
    let risk_id = app.create_user("risk@example.org", Role::Member, "Rosa Atrisk").await;
    let (other, _) = app.signed_in("other@example.org", Role::Member, "Oscar Other").await;
    app.set_profile(registrant_id, "sector = 'civil_society', country = 'TH'").await;
    app.set_profile(fresh_id, "sector = 'police', country = 'PH'").await;
    app.set_profile(tied_id, "sector = 'police', country = 'PH'").await;
    app.set_profile(full_id, "sector = 'civil_society', country = 'TH'").await;
    app.set_profile(risk_id, "sector = 'police', country = 'PH', at_risk = TRUE").await;
    tie(&app, tied_id, registrant_id).await;
    tie(&app, fresh_id, organiser_id).await;

    let (starts, ends) = (local(20, 9), local(20, 16));
    let id = create(
        &organiser,
        &event_form(
            "Regional workshop on custody",
            "members",
            &[("starts", &starts), ("ends", &ends), ("capacity", "20")],
        ),
    )
    .await;
    registrant.post(&format!("/events/{id}/rsvp"), &[]).await;
    let mix = format!("/events/{id}/mix");
    assert!(text_of(&organiser, &mix).await.contains("No target mix is set yet"));

    // Targets that add up to more than everyone: refused, nothing stored.
    let r = organiser.post(&mix, &[("sector_police", "70"), ("sector_nhri", "40")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(html.contains("add up to 110 %"));
    assert!(
        html.contains(r#"name="sector_police" type="number" min="0" max="100" inputmode="numeric" value="70""#),
        "typed values kept"
    );
    let r = organiser.post(&mix, &[("country_PH", "ten")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.scalar_i64(&format!("SELECT COUNT(*) FROM event_mix_targets WHERE event_id = {id}")).await, 0);

    let r = organiser
        .post(
            &mix,
            &[
                ("sector_police", "50"),
                ("sector_civil_society", "50"),
                ("country_PH", "50"),
                ("country_TH", "50"),
                ("topic", "detention_monitoring"),
            ],
        )
        .await;
    assert_eq!(location(&r), format!("{mix}?done=saved"));
    assert_eq!(app.scalar_i64(&format!("SELECT COUNT(*) FROM event_mix_targets WHERE event_id = {id}")).await, 4);

    // One civil-society participant from Thailand: police and the Philippines are missing.
    let page = text_of(&organiser, &mix).await;
    assert!(page.contains("1 person (100 %)") && page.contains("0 people (0 %)"), "{page}");
    // What is still needed counts the places, not the participants so far: said so, even
    // where the share is reached.
    assert!(page.contains("50 % · 9 more to reach 50 % of 20 places"), "{page}");
    assert!(page.contains("50 % · 10 more to reach 50 % of 20 places"), "{page}");
    let (at_fresh, at_tied) =
        (page.find("Paolo Police").expect("suggested"), page.find("Teodoro Tied").expect("suggested"));
    assert!(at_fresh < at_tied, "someone new to the room comes before someone already tied to it");
    assert!(!page.contains("Suda Samesector"), "fills no gap");
    assert!(!page.contains("Rosa Atrisk"), "members at risk are never suggested");
    // The event page shows the mix to its managers, and to nobody else.
    assert!(text_of(&organiser, &format!("/events/{id}")).await.contains("Participant mix"));
    assert!(!text_of(&other, &format!("/events/{id}")).await.contains("100 %"));
    assert_eq!(other.get(&mix).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.browser().get(&mix).await.status(), StatusCode::SEE_OTHER);

    // The organiser invites from the suggestions; the invitee is notified and registers.
    let r =
        organiser.post(&format!("/events/{id}/invitations"), &[("user", &fresh_id.to_string()), ("back", "mix")]).await;
    assert_eq!(location(&r), format!("{mix}?done=invited"));
    assert!(app.mails_to("fresh@example.org").await[0].contains(&format!("/events/{id}")));
    let notifications = text_of(&fresh, "/notifications").await;
    assert!(
        notifications.contains("Olivia Organiser invited you to “Regional workshop on custody”"),
        "{notifications}"
    );
    let r = fresh.post(&format!("/events/{id}/rsvp"), &[]).await;
    assert_eq!(location(&r), format!("/events/{id}?done=registered"));
    let page = text_of(&organiser, &mix).await;
    assert!(page.contains("1 person (50 %)"), "the police share follows");
    assert!(!page.contains("Paolo Police</a><div"), "registered people are not suggested again");
});

db_test!(registrants_are_reminded_once_in_their_language, |app: TestApp| async move {
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Corazon Coordinator").await;
    let (a, _) = app.signed_in("a@example.org", Role::Member, "Aree Police").await;
    let (c, _) = app.signed_in("c@example.org", Role::Member, "Carmen Doctor").await;
    let visitor = app.browser();
    let (starts, ends) = (local(20, 9), local(20, 12));
    let form = event_form("Forum on 26 June", "public", &[("capacity", "2"), ("starts", &starts), ("ends", &ends)]);
    let id = create(&coordinator, &form).await;
    let later =
        create(&coordinator, &event_form("Later forum", "public", &[("starts", &starts), ("ends", &ends)])).await;
    a.post(&format!("/events/{id}/rsvp"), &[]).await;
    a.post(&format!("/events/{later}/rsvp"), &[]).await;
    let fields = [("name", "Vilma Visitor"), ("email", "vilma@example.org"), ("website", "")];
    assert_eq!(visitor.post(&format!("/events/{id}/register"), &fields).await.status(), StatusCode::OK);
    let link = link_in_mail(&app, "vilma@example.org", "http").await;
    let path = link.split_once("/events/").map(|(_, p)| format!("/events/{p}")).unwrap();
    visitor.post(&format!("{path}/confirm"), &[]).await;
    c.post(&format!("/events/{id}/rsvp"), &[]).await;
    assert_eq!(status_of(&app, id, "c@example.org").await, "waitlisted");
    app.exec("UPDATE event_registrations SET locale = 'th' WHERE email_key = 'vilma@example.org'").await;

    let config = roundtable::config::Config::defaults(std::path::Path::new("/nonexistent"));
    let now = chrono::Utc::now().timestamp_millis();
    assert_eq!(roundtable::events::reminders::send(&app.db, &config, now).await.unwrap(), 0, "weeks ahead");
    // The event moves to tomorrow morning; two nodes run housekeeping at once.
    app.exec(&format!(
        "UPDATE events SET starts_at = {}, ends_at = {} WHERE id = {id}",
        now + 6 * 3_600_000,
        now + 9 * 3_600_000
    ))
    .await;
    let (one, two) = tokio::join!(
        roundtable::events::reminders::send(&app.db, &config, now),
        roundtable::events::reminders::send(&app.db, &config, now)
    );
    assert_eq!(one.unwrap() + two.unwrap(), 2, "each registration once");
    assert_eq!(roundtable::events::reminders::send(&app.db, &config, now + 60_000).await.unwrap(), 0);
    let to_a = app.mails_to("a@example.org").await;
    assert_eq!(to_a.iter().filter(|m| m.contains("A reminder: Forum on 26 June")).count(), 1);
    assert!(to_a[0].contains("https://meet.example.org/secret-room"), "the registered get the meeting link");
    assert!(!to_a.iter().any(|m| m.contains("Later forum begins")), "not the event three weeks away");
    let to_vilma = app.mails_to("vilma@example.org").await;
    assert!(to_vilma[0].contains("ขอแจ้งเตือนว่า Forum on 26 June"), "in the visitor's language: {}", to_vilma[0]);
    assert!(!app.mails_to("c@example.org").await.iter().any(|m| m.contains("A reminder")), "not the waitlist");

    // A gathering that is not public is named in no mail, nor where it meets.
    app.exec(&format!(
        "UPDATE events SET visibility = 'members', mode = 'hybrid', venue = 'Safe House room 5' WHERE id = {id}"
    ))
    .await;
    app.exec(&format!(
        "UPDATE event_registrations SET reminded_at = NULL WHERE event_id = {id} AND email_key = 'a@example.org'"
    ))
    .await;
    assert_eq!(roundtable::events::reminders::send(&app.db, &config, now).await.unwrap(), 1);
    let to_a = app.mails_to("a@example.org").await;
    let unnamed = to_a.iter().find(|m| m.contains("A reminder: an event in Roundtable")).expect("an unnamed reminder");
    assert!(!unnamed.contains("Forum on 26 June") && !unnamed.contains("Safe House"));
    assert!(unnamed.contains("https://meet.example.org/secret-room") && unnamed.contains(&format!("/events/{id}")));
});

db_test!(visitors_are_forgotten_half_a_year_after_the_event, |app: TestApp| async move {
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Corazon Coordinator").await;
    let (member, _) = app.signed_in("m@example.org", Role::Member, "Mina Member").await;
    let (starts, ends) = (local(3, 9), local(3, 12));
    let old = create(&coordinator, &event_form("Old forum", "public", &[("starts", &starts), ("ends", &ends)])).await;
    let recent =
        create(&coordinator, &event_form("Recent forum", "public", &[("starts", &starts), ("ends", &ends)])).await;
    for id in [old, recent] {
        let fields = [("name", "Vilma Visitor"), ("email", "vilma@example.org"), ("website", "")];
        visitor_registers(&app, id, &fields).await;
        member.post(&format!("/events/{id}/rsvp"), &[]).await;
    }
    let day = 86_400_000i64;
    let now = chrono::Utc::now().timestamp_millis();
    for (id, ago) in [(old, 181), (recent, 179)] {
        let end = now - ago * day;
        app.exec(&format!("UPDATE events SET starts_at = {}, ends_at = {end} WHERE id = {id}", end - 3_600_000)).await;
    }
    let config = roundtable::config::Config::defaults(std::path::Path::new("."));
    roundtable::maintenance::run_once(&app.db, &config).await.unwrap();
    let count = |id: i64, who: &'static str| {
        let app = &app;
        async move {
            app.scalar_i64(&format!("SELECT COUNT(*) FROM event_registrations WHERE event_id = {id} AND {who}")).await
        }
    };
    assert_eq!(count(old, "user_id IS NULL").await, 0, "the visitor is forgotten");
    assert_eq!(count(old, "user_id IS NOT NULL").await, 1, "members' attendance stays: it makes ties");
    assert_eq!(count(recent, "user_id IS NULL").await, 1, "not yet");
});

/// A visitor registers for a public event and confirms by the link in the mail.
async fn visitor_registers(app: &TestApp, id: i64, fields: &[(&str, &str)]) {
    let visitor = app.browser();
    assert_eq!(visitor.post(&format!("/events/{id}/register"), fields).await.status(), StatusCode::OK);
    let link = link_in_mail(app, "vilma@example.org", "http").await;
    let path = link.split_once("/events/").map(|(_, p)| format!("/events/{p}")).unwrap();
    assert_eq!(visitor.post(&format!("{path}/confirm"), &[]).await.status(), StatusCode::SEE_OTHER);
}

db_test!(after_the_event_feedback_actions_materials_and_a_report, |app: TestApp| async move {
    let (organiser, _) = app.signed_in("org@example.org", Role::Coordinator, "Olivia Organiser").await;
    let (came, came_id) = app.signed_in("came@example.org", Role::Member, "Camille Came").await;
    let (absent, _) = app.signed_in("absent@example.org", Role::Member, "Arturo Absent").await;
    let (other, _) = app.signed_in("other@example.org", Role::Member, "Oscar Other").await;
    app.set_profile(came_id, "sector = 'police', country = 'MY'").await;
    let (starts, ends) = (local(2, 9), local(2, 12));
    let id = create(
        &organiser,
        &event_form("Seminar on custody safeguards", "members", &[("starts", &starts), ("ends", &ends)]),
    )
    .await;
    came.post(&format!("/events/{id}/rsvp"), &[]).await;
    absent.post(&format!("/events/{id}/rsvp"), &[]).await;
    let rid = registration_id(&app, id, "came@example.org").await;
    organiser.post(&format!("/events/{id}/checkin/{rid}"), &[("present", "yes")]).await;
    let feedback = format!("/events/{id}/feedback");

    // Before the event has begun there is nothing to rate.
    let r = came.post(&feedback, &[("rating", "5")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let now = chrono::Utc::now().timestamp_millis();
    app.exec(&format!(
        "UPDATE events SET starts_at = {}, ends_at = {} WHERE id = {id}",
        now - 7_200_000,
        now - 3_600_000
    ))
    .await;
    let page = text_of(&came, &format!("/events/{id}")).await;
    assert!(page.contains("How was it?"), "the attendee is asked");
    assert!(!text_of(&absent, &format!("/events/{id}")).await.contains("How was it?"), "not who stayed away");

    // Bad ratings, someone who did not come, and a second answer are refused.
    for bad in ["0", "6", "excellent"] {
        assert_eq!(came.post(&feedback, &[("rating", bad)]).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let r = absent.post(&feedback, &[("rating", "1")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("Feedback is for those who attended"));
    let r = came.post(&feedback, &[("rating", "5"), ("comment", "The role plays were the best part.")]).await;
    assert_eq!(location(&r), format!("/events/{id}?done=feedback"));
    let r = came.post(&feedback, &[("rating", "1")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.scalar_i64(&format!("SELECT COUNT(*) FROM event_feedback WHERE event_id = {id}")).await, 1);
    assert_eq!(app.scalar_i64(&format!("SELECT rating FROM event_feedback WHERE event_id = {id}")).await, 5);

    // Action points and materials: bad input changes nothing.
    let actions = format!("/events/{id}/actions");
    let owner = came_id.to_string();
    let r =
        organiser.post(&actions, &[("title", "Share the draft SOP"), ("owner", &owner), ("due", "2030-02-30")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r =
        organiser.post(&actions, &[("title", "Share the draft SOP"), ("owner", &owner), ("due", "2030-02-28")]).await;
    assert_eq!(location(&r), format!("/events/{id}/report"));
    assert_eq!(
        other.post(&actions, &[("title", "x"), ("owner", &owner), ("due", "2030-02-28")]).await.status(),
        StatusCode::FORBIDDEN
    );
    let materials = format!("/events/{id}/materials");
    let r = organiser.post(&materials, &[("title", "Slides"), ("url", "javascript:alert(1)")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = organiser.post(&materials, &[("title", "Slides"), ("resource", "999999")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = organiser.post(&materials, &[("title", "Slides"), ("url", "https://example.org/slides.pdf")]).await;
    assert_eq!(location(&r), format!("/events/{id}/report"));
    assert_eq!(app.scalar_i64(&format!("SELECT COUNT(*) FROM event_actions WHERE event_id = {id}")).await, 1);
    assert_eq!(app.scalar_i64(&format!("SELECT COUNT(*) FROM event_materials WHERE event_id = {id}")).await, 1);

    // The report: who came by sector and country, the feedback, the action points.
    let report = text_of(&organiser, &format!("/events/{id}/report")).await;
    for want in [
        "Participants by sector",
        "Police",
        "Malaysia",
        "5.0",
        "The role plays were the best part.",
        "Share the draft SOP",
        "due 2030-02-28",
        "Slides",
    ] {
        assert!(report.contains(want), "{want} in the report");
    }
    assert!(report.contains("<li>The role plays were the best part.</li>"), "a comment carries no name");
    assert_eq!(other.get(&format!("/events/{id}/report")).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(came.get(&format!("/events/{id}/report")).await.status(), StatusCode::FORBIDDEN);
    // Materials for everyone who sees the event; action points for those who came.
    let seen_by_other = text_of(&other, &format!("/events/{id}")).await;
    assert!(seen_by_other.contains("https://example.org/slides.pdf") && !seen_by_other.contains("Share the draft SOP"));
    assert!(text_of(&came, &format!("/events/{id}")).await.contains("Share the draft SOP"));
    let action = app.scalar_i64(&format!("SELECT id FROM event_actions WHERE event_id = {id}")).await;
    organiser.post(&format!("/events/{id}/actions/{action}"), &[]).await;
    assert_eq!(app.scalar_i64(&format!("SELECT COUNT(*) FROM event_actions WHERE id = {action} AND done")).await, 1);
});

db_test!(a_monthly_series_of_occurrences_edited_one_by_one, |app: TestApp| async move {
    use chrono::Datelike;
    let (organiser, _) = app.signed_in("org@example.org", Role::Coordinator, "Olivia Organiser").await;
    let (member, _) = app.signed_in("m@example.org", Role::Member, "Mina Member").await;
    // The first Tuesday of a month at least ten days away.
    let mut date = (chrono::Utc::now() + chrono::Duration::days(10)).date_naive();
    while !(date.weekday() == chrono::Weekday::Tue && date.day() <= 7) {
        date = date.succ_opt().unwrap();
    }
    let (starts, ends) = (format!("{date}T14:00"), format!("{date}T15:30"));
    let id = create(
        &organiser,
        &event_form("Monthly webinar on prevention", "members", &[("starts", &starts), ("ends", &ends)]),
    )
    .await;
    let repeat = format!("/events/{id}/repeat");
    for bad in [
        vec![("frequency", "monthly"), ("end", "count"), ("count", "1")],
        vec![("frequency", "monthly"), ("end", "count"), ("count", "60")],
        vec![("frequency", "daily"), ("end", "count"), ("count", "4")],
        vec![("frequency", "weekly"), ("end", "until"), ("until", "2001-01-01")],
        vec![("frequency", "weekly"), ("end", "until"), ("until", "2099-01-01")],
    ] {
        assert_eq!(organiser.post(&repeat, &bad).await.status(), StatusCode::UNPROCESSABLE_ENTITY, "{bad:?}");
    }
    assert_eq!(member.post(&repeat, &[("frequency", "monthly"), ("count", "4")]).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM event_series").await, 0, "nothing made");

    let r = organiser.post(&repeat, &[("frequency", "monthly"), ("end", "count"), ("count", "4")]).await;
    let series = app.scalar_i64(&format!("SELECT series_id FROM events WHERE id = {id}")).await;
    assert_eq!(location(&r), format!("/events/series/{series}"));
    assert_eq!(
        app.strings(&format!("SELECT rule FROM event_series WHERE id = {series}")).await,
        vec!["FREQ=MONTHLY;BYDAY=1TU;COUNT=4"]
    );
    let ids: Vec<i64> = app
        .strings(&format!("SELECT CAST(id AS TEXT) FROM events WHERE series_id = {series} ORDER BY starts_at"))
        .await
        .iter()
        .map(|s| s.parse().unwrap())
        .collect();
    assert_eq!(ids.len(), 4);
    let page = text_of(&member, &format!("/events/series/{series}")).await;
    assert!(page.contains("Every month on the first Tuesday · 4 times"), "{page}");
    // Each occurrence: the first Tuesday of the next months, at the same local time.
    let second = text_of(&member, &format!("/events/{}", ids[1])).await;
    let mut next = date.with_day(1).unwrap() + chrono::Months::new(1);
    while next.weekday() != chrono::Weekday::Tue {
        next = next.succ_opt().unwrap();
    }
    assert!(second.contains(&format!("{next} 14:00–15:30 (UTC+08:00, Asia/Manila)")), "{second}");
    assert!(second.contains("Part of a series"));
    assert!(
        text_of(&organiser, &format!("/events/{}/edit", ids[1])).await.contains("Monthly webinar on prevention"),
        "organisers copied"
    );

    // One occurrence changes; the others do not.
    let third_date = app.scalar_i64(&format!("SELECT starts_at FROM events WHERE id = {}", ids[2])).await;
    let third = chrono::DateTime::from_timestamp_millis(third_date)
        .unwrap()
        .with_timezone(&chrono_tz::Asia::Manila)
        .date_naive();
    let (s, e) = (format!("{third}T16:00"), format!("{third}T17:00"));
    let r = organiser
        .post(
            &format!("/events/{}", ids[2]),
            &event_form("Monthly webinar: special edition", "members", &[("starts", &s), ("ends", &e)]),
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let titles = app.strings(&format!("SELECT title FROM events WHERE series_id = {series} ORDER BY starts_at")).await;
    assert_eq!(titles.iter().filter(|t| t.as_str() == "Monthly webinar on prevention").count(), 3);
    assert!(text_of(&member, &format!("/events/series/{series}")).await.contains("Monthly webinar: special edition"));

    // Once in a series, an event is not repeated again; the public sees no members' series.
    assert_eq!(
        organiser.post(&repeat, &[("frequency", "weekly"), ("count", "3")]).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(app.browser().get(&format!("/events/series/{series}")).await.status(), StatusCode::NOT_FOUND);
});

db_test!(a_campaign_page_gathers_the_public_events_of_the_day, |app: TestApp| async move {
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Corazon Coordinator").await;
    let (member, _) = app.signed_in("m@example.org", Role::Member, "Mina Member").await;
    let visitor = app.browser();
    let calendar = text_of(&visitor, "/awareness").await;
    assert!(
        calendar.contains("International Day in Support of Victims of Torture")
            && calendar.contains("Human Rights Day")
    );
    let day = app.scalar_i64("SELECT id FROM awareness_days WHERE builtin = 'victims-of-torture'").await;
    // The calendar leads to each day's next campaign: this year's until the day has passed.
    use chrono::Datelike;
    let today = chrono::Utc::now().with_timezone(&chrono_tz::Asia::Bangkok).date_naive();
    let next = if (today.month(), today.day()) <= (6, 26) { today.year() } else { today.year() + 1 };
    assert!(calendar.contains(&format!("/awareness/{day}/{next}\"")), "{calendar}");

    let on_the_day = [
        ("Forum in Bangkok", "TH", "Asia/Bangkok", "2030-06-26T06:00", "public"),
        ("Panel in Kuala Lumpur", "MY", "Asia/Kuala_Lumpur", "2030-06-26T10:00", "public"),
        ("Vigil in Quezon City", "PH", "Asia/Manila", "2030-06-26T18:00", "public"),
        ("Members' meeting that day", "PH", "Asia/Manila", "2030-06-26T09:00", "members"),
        ("Forum the day after", "TH", "Asia/Bangkok", "2030-06-27T09:00", "public"),
    ];
    for (title, country, zone, starts, visibility) in on_the_day {
        let ends =
            starts.replace("T06:", "T07:").replace("T10:", "T11:").replace("T18:", "T19:").replace("T09:", "T10:");
        let extra = [("country", country), ("time_zone", zone), ("starts", starts), ("ends", ends.as_str())];
        create(&coordinator, &event_form(title, visibility, &extra)).await;
    }
    let html = visitor.page(&format!("/awareness/{day}/2030")).await;
    assert!(
        html.contains("<title>International Day in Support of Victims of Torture 2030 · Roundtable</title>"),
        "{html}"
    );
    let page = text_of(&visitor, &format!("/awareness/{day}/2030")).await;
    assert!(page.contains(r#"<meta name="description" content="International Day in Support of Victims of Torture 2030: 3 public events in Malaysia, Philippines, Thailand.">"#), "{page}");
    let (my, ph, th) = (
        page.find("<h2>Malaysia</h2>").unwrap(),
        page.find("<h2>Philippines</h2>").unwrap(),
        page.find("<h2>Thailand</h2>").unwrap(),
    );
    assert!(my < ph && ph < th);
    assert!(
        page.contains("Forum in Bangkok")
            && page.contains("Panel in Kuala Lumpur")
            && page.contains("Vigil in Quezon City")
    );
    assert!(!page.contains("Members' meeting") && !page.contains("the day after"));
    assert!(text_of(&visitor, &format!("/awareness/{day}/2031")).await.contains("no public events yet"));
    assert_eq!(visitor.get(&format!("/awareness/{day}/1999")).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(visitor.get("/awareness/999999/2030").await.status(), StatusCode::NOT_FOUND);

    // Coordinators add days; members may not; a day that does not exist is refused.
    let form = [("name", "International Day of the Victims of Enforced Disappearances"), ("day", "30"), ("month", "8")];
    assert_eq!(member.post("/awareness", &form).await.status(), StatusCode::FORBIDDEN);
    let r = coordinator.post("/awareness", &[("name", "Nowhere day"), ("day", "31"), ("month", "2")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("Choose a day that exists in the calendar."));
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM awareness_days").await, 2);
    assert_eq!(location(&coordinator.post("/awareness", &form).await), "/awareness");
    let calendar = text_of(&visitor, "/awareness").await;
    assert!(calendar.contains("<strong>30 August</strong>") && calendar.contains("Victims of Enforced Disappearances"));
});
