//! Initiatives: started by coordinators, kept by their leads and focal points, seen as their
//! visibility says, with partners named as the organisation rule allows and people as the
//! member rule allows (and not at all once they decline to be listed).

use rand::{Rng, SeedableRng};
use reqwest::StatusCode;
use roundtable::vocab::Role;

use crate::common::{location, Browser, TestApp};
use crate::db_test;
use crate::forums::new_group;

/// Start an initiative as `b` (a coordinator); its id.
pub(crate) async fn start(b: &Browser, title: &str, visibility: &str, extra: &[(&str, &str)]) -> i64 {
    let mut form = vec![
        ("lang", "en"),
        ("title", title),
        ("purpose", "Move from **interrogation** to investigative interviewing."),
        ("status", "planned"),
        ("starts_on", "2026-01-15"),
        ("ends_on", "2027-12-31"),
        ("visibility", visibility),
        ("countries", "TH"),
        ("countries", "MY"),
        ("topics", "investigative_interviewing"),
    ];
    form.extend_from_slice(extra);
    let r = b.post("/initiatives", &form).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "{title}: {}", r.text().await.unwrap());
    location(&r).trim_start_matches("/initiatives/").split('?').next().unwrap().parse().unwrap()
}

async fn org(app: &TestApp, name: &str, sector: &str, public: bool) -> i64 {
    app.exec(&format!(
        "INSERT INTO organisations (name, sector, country, public, created_at, updated_at) \
         VALUES ('{name}', '{sector}', 'TH', {public}, 0, 0)"
    ))
    .await;
    app.scalar_i64(&format!("SELECT id FROM organisations WHERE name = '{name}'")).await
}

db_test!(
    an_initiative_is_started_kept_and_shown_as_its_rules_say,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (cora, _) = app.signed_in("cora@example.org", Role::Coordinator, "Cora Coordinator").await;
        let (lena, lena_id) = app.signed_in("lena@example.org", Role::Member, "Lena Lead").await;
        let (dara, dara_id) = app.signed_in("dara@example.org", Role::Member, "Dara Declines").await;
        let (rin, rin_id) = app.signed_in("rin@example.org", Role::Member, "Rin Atrisk").await;
        let (mo, _) = app.signed_in("mo@example.org", Role::Member, "Mo Member").await;
        app.set_profile(rin_id, "at_risk = TRUE, bio = 'Monitor', bio_vis = 'public'").await;
        // The public sees people named beside an initiative as in the directory: once their
        // profile shows something publicly.
        app.set_profile(lena_id, "bio = 'Trainer', bio_vis = 'public'").await;
        let public = app.browser();

        // Bad input is refused with its reason, and nothing is stored.
        for (field, value, says) in [
            ("title", "", "Please give the initiative a title."),
            ("ends_on", "2025-01-01", "The end cannot come before the start."),
            ("starts_on", "15/01/2026", "Enter a date as year, month and day."),
            ("status", "finished", "Choose one of the statuses offered."),
            ("visibility", "group", "Choose a group you are an active member of."),
            ("countries", "XX", "Unknown country."),
        ] {
            let mut form = vec![
                ("lang", "en"),
                ("title", "Interviewing reform"),
                ("starts_on", "2026-01-15"),
                ("visibility", "members"),
                ("status", "idea"),
            ];
            form.retain(|(k, _)| *k != field);
            form.push((field, value));
            let r = cora.post("/initiatives", &form).await;
            assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}");
            assert!(r.text().await.unwrap().contains(says), "{field}: {says}");
        }
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM initiatives").await, 0);
        // Members do not start initiatives: coordinators do, and name who leads them.
        let r = mo.post("/initiatives", &[("lang", "en"), ("title", "Mine"), ("visibility", "members")]).await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);

        let open = start(&cora, "Investigative interviewing at the Police Academy", "public", &[]).await;
        let inner = start(&cora, "NPM unit at the Commission", "members", &[]).await;
        let academy = org(&app, "Royal Police Academy", "police", true).await;
        let csos = org(&app, "Custody Watch Collective", "civil_society", false).await;
        for (org, role) in [(academy, "government_counterpart"), (csos, "civil_society_partner")] {
            let r =
                cora.post(&format!("/initiatives/{open}/partners"), &[("org", &org.to_string()), ("role", role)]).await;
            assert_eq!(location(&r), format!("/initiatives/{open}?done=partner_added"));
        }
        cora.post(&format!("/initiatives/{inner}/partners"), &[("org", &academy.to_string()), ("role", "lead")]).await;
        for (who, role) in [(lena_id, "lead"), (dara_id, "participant"), (rin_id, "expert")] {
            let r =
                cora.post(&format!("/initiatives/{open}/people"), &[("user", &who.to_string()), ("role", role)]).await;
            assert_eq!(location(&r), format!("/initiatives/{open}?done=person_added"));
        }
        let r = cora.post(&format!("/initiatives/{open}/people"), &[("user", "999999"), ("role", "lead")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        // Dara declines to be listed.
        let r = dara.post(&format!("/initiatives/{open}/listing"), &[("listed", "no")]).await;
        assert_eq!(location(&r), format!("/initiatives/{open}?done=unlisted"));

        // The public reads the public initiative, its public partner, its listed people who
        // are not at risk; not the members-only organisation, nor the members' initiative.
        let seen = public.page(&format!("/initiatives/{open}")).await;
        assert!(seen.contains("Royal Police Academy") && seen.contains("Lena Lead"));
        for hidden in ["Custody Watch Collective", "Dara Declines", "Rin Atrisk"] {
            assert!(!seen.contains(hidden), "the public sees {hidden}");
        }
        assert_eq!(public.get(&format!("/initiatives/{inner}")).await.status(), StatusCode::NOT_FOUND);
        let list = public.page("/initiatives").await;
        assert!(list.contains("Investigative interviewing") && !list.contains("NPM unit"));
        assert!(list.contains("one partner"), "the public counts the partner it may see");
        let academy_page = public.page(&format!("/organisations/{academy}")).await;
        assert!(academy_page.contains("Investigative interviewing") && !academy_page.contains("NPM unit"));

        // A member sees the members' partner, not the one who declined nor the one at risk.
        let seen = mo.page(&format!("/initiatives/{open}")).await;
        assert!(seen.contains("Custody Watch Collective") && !seen.contains("Dara Declines"));
        assert!(!seen.contains("Rin Atrisk"));
        // The one who declined sees themself; the lead sees them (not listed); a lead does
        // not see a member at risk; coordinators see everyone.
        assert!(dara.page(&format!("/initiatives/{open}")).await.contains("Dara Declines"));
        let lead_view = lena.page(&format!("/initiatives/{open}")).await;
        assert!(lead_view.contains("Dara Declines") && lead_view.contains("Not listed"));
        assert!(!lead_view.contains("Rin Atrisk"));
        let coordinator_view = cora.page(&format!("/initiatives/{open}")).await;
        assert!(coordinator_view.contains("Rin Atrisk") && coordinator_view.contains("Dara Declines"));
        assert!(rin.page(&format!("/initiatives/{open}")).await.contains("Rin Atrisk"));
        // Profiles list the initiative where its person is named.
        assert!(mo.page(&format!("/members/{lena_id}")).await.contains("Investigative interviewing"));
        assert!(!mo.page(&format!("/members/{dara_id}")).await.contains("Investigative interviewing"));

        // The lead keeps it; a participant and a member do not.
        let edit = [
            ("lang", "en"),
            ("title", "Investigative interviewing at the Academy"),
            ("purpose", "Updated."),
            ("starts_on", "2026-01-15"),
            ("visibility", "public"),
            ("countries", "TH"),
            ("topics", "investigative_interviewing"),
        ];
        assert_eq!(
            location(&lena.post(&format!("/initiatives/{open}"), &edit).await),
            format!("/initiatives/{open}?done=saved")
        );
        // Who can see it is the coordinators' decision: the lead's form keeps it as it is.
        let narrower: Vec<(&str, &str)> =
            edit.iter().map(|&(k, v)| if k == "visibility" { (k, "coordinators") } else { (k, v) }).collect();
        let r = lena.post(&format!("/initiatives/{open}"), &narrower).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.unwrap().contains("Only coordinators change who can see an initiative."));
        let visibility = format!("SELECT COUNT(*) FROM initiatives WHERE id = {open} AND visibility = 'public'");
        assert_eq!(app.scalar_i64(&visibility).await, 1);
        let form = lena.page(&format!("/initiatives/{open}/edit")).await;
        assert!(
            form.contains("Coordinators decide who can see an initiative.")
                && !form.contains("name=\"visibility\" value=\"members\"")
        );
        assert_eq!(dara.post(&format!("/initiatives/{open}"), &edit).await.status(), StatusCode::FORBIDDEN);
        assert_eq!(mo.get(&format!("/initiatives/{open}/edit")).await.status(), StatusCode::FORBIDDEN);
        assert_eq!(mo.get(&format!("/initiatives/{inner}/edit")).await.status(), StatusCode::FORBIDDEN);
        assert_eq!(public.get(&format!("/initiatives/{inner}/edit")).await.status(), StatusCode::SEE_OTHER);
        // A lead cannot name a member at risk (they cannot see her).
        let r =
            lena.post(&format!("/initiatives/{open}/people"), &[("user", &rin_id.to_string()), ("role", "lead")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            app.scalar_i64(&format!(
                "SELECT COUNT(*) FROM initiative_people WHERE user_id = {rin_id} AND role = 'expert'"
            ))
            .await,
            1
        );

        // Status changes are dated; the latest day decides, whatever order they are told in.
        let today = chrono::DateTime::from_timestamp_millis(app.clock.now_ms()).unwrap().date_naive();
        let day = |d: i64| (today - chrono::Duration::days(d)).format("%Y-%m-%d").to_string();
        for (status, on) in [("active", day(0)), ("paused", day(60))] {
            let r = lena.post(&format!("/initiatives/{open}/status"), &[("status", status), ("changed_on", &on)]).await;
            assert_eq!(location(&r), format!("/initiatives/{open}?done=status"));
        }
        assert_eq!(
            app.scalar_i64(&format!("SELECT COUNT(*) FROM initiatives WHERE id = {open} AND status = 'active'")).await,
            1
        );
        let history = mo.page(&format!("/initiatives/{open}")).await;
        assert!(history.contains(&day(60)) && history.contains("Paused"), "the history keeps every change");
        let r =
            lena.post(&format!("/initiatives/{open}/status"), &[("status", "paused"), ("changed_on", &day(-3))]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "not in the future");

        // Milestones: planned, then done (not in the future), slipped to a new day, removed.
        let r = lena
            .post(
                &format!("/initiatives/{open}/milestones"),
                &[("title", "First cohort trained"), ("due_on", &day(-90))],
            )
            .await;
        assert_eq!(location(&r), format!("/initiatives/{open}?done=milestone_added"));
        let milestone = app.scalar_i64("SELECT MAX(id) FROM initiative_milestones").await;
        let at = format!("/initiatives/{open}/milestones/{milestone}");
        assert_eq!(
            lena.post(&at, &[("action", "done"), ("on", &day(-1))]).await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(lena.post(&at, &[("action", "finished")]).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            location(&lena.post(&at, &[("action", "slipped"), ("on", &day(-120))]).await),
            format!("/initiatives/{open}?done=milestone_saved")
        );
        assert_eq!(
            app.scalar_i64(&format!("SELECT COUNT(*) FROM initiative_milestones WHERE id = {milestone} AND state = 'slipped' AND due_on = '{}'", day(-120))).await,
            1
        );
        lena.post(&at, &[("action", "done"), ("on", &day(2))]).await;
        let shown = mo.page(&format!("/initiatives/{open}")).await;
        assert!(shown.contains("First cohort trained") && shown.contains(&format!("done on {}", day(2))));
        assert_eq!(dara.post(&at, &[("action", "remove")]).await.status(), StatusCode::FORBIDDEN);
        lena.post(&at, &[("action", "remove")]).await;
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM initiative_milestones").await, 0);

        // A translation is read in its language, and offered beside the original.
        let r = lena
            .post(
                &format!("/initiatives/{open}/translation"),
                &[("lang", "th"), ("title", "การสอบสวนเชิงสืบสวน"), ("purpose", "ปฏิรูป")],
            )
            .await;
        assert_eq!(location(&r), format!("/initiatives/{open}?lang=th&done=translated"));
        let thai = mo.page(&format!("/initiatives/{open}?lang=th")).await;
        assert!(thai.contains("การสอบสวนเชิงสืบสวน") && thai.contains("lang=en"));
        let r = lena.post(&format!("/initiatives/{open}/translation"), &[("lang", "en"), ("title", "Same")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);

        // A person leaves; the partner is removed.
        let r = dara.post(&format!("/initiatives/{open}/people/{dara_id}/remove"), &[]).await;
        assert_eq!(location(&r), "/initiatives?done=left");
        cora.post(&format!("/initiatives/{open}/partners/{csos}/remove"), &[]).await;
        assert_eq!(
            app.scalar_i64(&format!("SELECT COUNT(*) FROM initiative_partners WHERE initiative_id = {open}")).await,
            1
        );
        // Filters.
        assert!(mo.page("/initiatives?country=MY&status=planned").await.contains("NPM unit"));
        assert!(!mo.page("/initiatives?country=MY&status=active").await.contains("NPM unit"));
        assert!(mo
            .page("/initiatives?topic=investigative_interviewing&q=academy")
            .await
            .contains("Investigative interviewing"));
        assert_eq!(mo.get("/initiatives?status=finished").await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
);

// Initiatives and the people on them, generated: whether a viewer may open an initiative
// (the page's `can_view`) agrees with the lists (`visible_sql`), and whom the rule names
// (`sees_person`, decided here from the generated rows) with what the page and the profile
// pages' SQL (`person_sql`) name, for every kind of viewer.
db_test!(
    initiative_rules_agree_between_pages_and_sql,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        use roundtable::initiatives::access::{can_manage, sees_person, Person, Relation};
        use roundtable::web::Who;
        let mut rng = rand::rngs::StdRng::seed_from_u64(83);
        let (founder, _) = app.signed_in("founder@example.org", Role::Coordinator, "Founder").await;
        // Each viewer: a label, a browser, and their account (id, role) if any.
        type Viewers = Vec<(String, Browser, Option<(i64, Role)>)>;
        let mut viewers: Viewers = vec![("public".into(), app.browser(), None)];
        let (mut at_risk, mut public_profile) = (std::collections::HashSet::new(), std::collections::HashSet::new());
        for (i, role) in [Role::Member, Role::Member, Role::Member, Role::Member, Role::Coordinator, Role::Admin]
            .into_iter()
            .enumerate()
        {
            let (b, id) = app.signed_in(&format!("v{i}@example.org"), role, &format!("Viewer {i}")).await;
            if rng.random_bool(0.3) {
                app.set_profile(id, "at_risk = TRUE").await;
                at_risk.insert(id);
            }
            if rng.random_bool(0.5) {
                app.set_profile(id, "bio = 'Works on reform', bio_vis = 'public'").await;
                public_profile.insert(id);
            }
            viewers.push((format!("{role:?} {i}"), b, Some((id, role))));
        }
        let accounts: Vec<i64> = viewers.iter().filter_map(|v| v.2.map(|a| a.0)).collect();
        // (group, secret), and who is an active member of which.
        let (mut groups, mut in_group) = (Vec::new(), std::collections::HashSet::new());
        for access in ["open", "closed", "secret"] {
            let g = new_group(&founder, &format!("Group {access}"), access, false).await;
            for id in &accounts {
                if rng.random_bool(0.5) {
                    app.exec(&format!(
                        "INSERT INTO group_members (group_id, user_id, role, status, created_at) VALUES ({g}, {id}, 'member', 'active', 0)"
                    ))
                    .await;
                    in_group.insert((g, *id));
                }
            }
            groups.push((g, access == "secret"));
        }
        // (initiative, its group), and (initiative, person, role, listed).
        let (mut initiatives, mut people) = (Vec::new(), Vec::new());
        for n in 0..14 {
            let visibility = ["public", "members", "group", "coordinators"][n % 4];
            let group =
                (visibility == "group" || rng.random_bool(0.2)).then(|| groups[rng.random_range(0..groups.len())]);
            let group_sql = group.map_or("NULL".to_string(), |g| g.0.to_string());
            let id = roundtable::db::secret_id();
            app.exec(&format!(
                "INSERT INTO initiatives (id, lang, title, purpose, purpose_html, status, visibility, group_id, created_at, updated_at) \
                 VALUES ({id}, 'en', 'Generated {n}', '', '', 'active', '{visibility}', {group_sql}, 0, 0)"
            ))
            .await;
            for person in &accounts {
                if rng.random_bool(0.35) {
                    let role = ["lead", "focal_point", "expert", "participant"][rng.random_range(0..4)];
                    let listed = rng.random_bool(0.7);
                    app.exec(&format!(
                        "INSERT INTO initiative_people (initiative_id, user_id, role, listed, created_at) VALUES ({id}, {person}, '{role}', {listed}, 0)"
                    ))
                    .await;
                    people.push((id, *person, role, listed));
                }
            }
            initiatives.push((id, group));
        }
        let who = Who::expressions("$1", "$2", "$3");
        let visible = roundtable::initiatives::access::visible_sql("i", &who);
        let named = roundtable::initiatives::access::person_sql("ip", "i", &who);
        let (mut opened, mut checked, mut names) = (0, 0, 0);
        for (label, b, account) in &viewers {
            let v = crate::privacy::viewer(*account);
            let (id, member, coordinator) = (v.id().unwrap_or(-1), v.is_member(), v.is_coordinator());
            let sql = format!("SELECT i.id FROM initiatives i WHERE {visible}");
            let listed: Vec<i64> = roundtable::on_db!(&app.db, pool => sqlx::query_scalar(&sql)
                .bind(id).bind(member).bind(coordinator).fetch_all(pool).await)
            .unwrap();
            let sql = format!(
                "SELECT i.id, ip.user_id FROM initiatives i JOIN initiative_people ip ON ip.initiative_id = i.id \
                 JOIN users u ON u.id = ip.user_id LEFT JOIN profiles p ON p.user_id = ip.user_id WHERE {visible} AND {named}"
            );
            let named_sql: Vec<(i64, i64)> = roundtable::on_db!(&app.db, pool => sqlx::query_as(&sql)
                .bind(id).bind(member).bind(coordinator).fetch_all(pool).await)
            .unwrap();
            for (initiative, group) in &initiatives {
                let response = b.get(&format!("/initiatives/{initiative}")).await;
                let opens = response.status() == StatusCode::OK;
                let page = response.text().await.unwrap().replace("&#x2f;", "/");
                assert_eq!(opens, listed.contains(initiative), "{label}: initiative {initiative}");
                checked += 1;
                opened += usize::from(opens);
                if !opens {
                    continue;
                }
                let role =
                    people.iter().find(|p| p.0 == *initiative && Some(p.1) == v.id()).map(|p| p.2.parse().unwrap());
                let relation = Relation {
                    role,
                    in_group: group.is_some_and(|g| in_group.contains(&(g.0, id))),
                    group_secret: group.is_some_and(|g| g.1),
                };
                let manages = can_manage(&v, &relation);
                for (_, person, _, on_list) in people.iter().filter(|p| p.0 == *initiative) {
                    let person_is = Person {
                        id: *person,
                        at_risk: at_risk.contains(person),
                        active: true,
                        listed: *on_list,
                        anything_public: public_profile.contains(person),
                        outside_secret_group: group.is_some_and(|g| g.1 && !in_group.contains(&(g.0, *person))),
                    };
                    let rule = sees_person(&v, manages, person_is);
                    let on_page = page.contains(&format!("href=\"/members/{person}\""));
                    assert_eq!(on_page, rule, "{label}: the page names {person} on {initiative}");
                    assert_eq!(
                        named_sql.contains(&(*initiative, *person)),
                        rule,
                        "{label}: SQL names {person} on {initiative}"
                    );
                    names += usize::from(rule);
                }
            }
        }
        assert!(opened > 10 && opened < checked, "{opened} of {checked}");
        assert!(names > 5, "{names}");
    }
);

// Working on the same initiative ties people in the network, as long as the initiative is
// one every member may know of and both agreed to be listed; leading one counts towards the
// champion ranking, with its reason in words.
db_test!(working_on_an_initiative_ties_people_and_counts_for_champions, |app: TestApp| async move {
    use roundtable::network::sources::Source;
    let (cora, _) = app.signed_in("cora@example.org", Role::Coordinator, "Cora").await;
    let mut ids = Vec::new();
    for name in ["Ana", "Ben", "Cai", "Dee"] {
        ids.push(app.create_user(&format!("{}@example.org", name.to_lowercase()), Role::Member, name).await);
    }
    let (ana, ben, cai, dee) = (ids[0], ids[1], ids[2], ids[3]);
    let open = start(&cora, "Shared practice", "members", &[]).await;
    let closed = start(&cora, "Coordinators' plan", "coordinators", &[]).await;
    for (initiative, person, role) in [
        (open, ana, "lead"),
        (open, ben, "participant"),
        (open, cai, "participant"),
        (closed, ana, "lead"),
        (closed, dee, "expert"),
    ] {
        let r = cora
            .post(&format!("/initiatives/{initiative}/people"), &[("user", &person.to_string()), ("role", role)])
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
    }
    app.exec(&format!("UPDATE initiative_people SET listed = FALSE WHERE user_id = {cai}")).await;
    let now = app.clock.now_ms();
    let evidence = Source::SharedInitiative.collect(&app.db, now, i64::MAX).await.unwrap();
    let pairs: Vec<(i64, i64, f64)> = evidence.iter().map(|e| (e.a, e.b, e.weight)).collect();
    assert_eq!(pairs, vec![(ana.min(ben), ana.max(ben), 1.0)], "only the listed pair of the members' initiative");
    let views = roundtable::network::model::compute(&app.db, None).await.unwrap();
    let network = &views.members;
    let (na, nb) = (network.node(ana).unwrap(), network.node(ben).unwrap());
    assert!(network.ties_of(na).any(|(other, tie)| other == nb && tie.sources.contains(&Source::SharedInitiative)));

    let facts = roundtable::network::champions::facts(&app.db, now).await.unwrap();
    assert_eq!(facts[&ana].initiatives, 2);
    assert_eq!(facts[&ben].initiatives, 0);
    let reason = roundtable::network::champions::Reason::Initiatives { count: 2 };
    assert_eq!(reason.text(roundtable::web::Locale::En), "Leads or is the focal point of 2 initiatives under way");
});

// Outcomes: indicators with dated values against a baseline and a target, drawn as a chart,
// a yes-or-no indicator with its document, and stories of change; bad figures, days to
// come and foreign ids are refused and change nothing.
db_test!(
    indicators_and_stories_of_change_are_recorded_and_drawn,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (cora, _) = app.signed_in("cora@example.org", Role::Coordinator, "Cora").await;
        let (mo, _) = app.signed_in("mo@example.org", Role::Member, "Mo").await;
        let id = start(&cora, "Interviewing reform", "public", &[]).await;
        let other = start(&cora, "Another initiative", "public", &[]).await;
        let today = chrono::DateTime::from_timestamp_millis(app.clock.now_ms()).unwrap().date_naive();
        let day = |d: i64| (today - chrono::Duration::days(d)).format("%Y-%m-%d").to_string();
        let count = |table: &'static str| {
            let sql = format!("SELECT COUNT(*) FROM {table}");
            let app = &app;
            async move { app.scalar_i64(&sql).await }
        };

        for (fields, says) in [
            (vec![("name", "Officers trained"), ("kind", "number"), ("target", "six hundred")], "Enter a number"),
            (vec![("name", ""), ("kind", "number")], "Say what the indicator measures."),
            (vec![("name", "Officers trained"), ("kind", "percent")], "Choose a number or yes or no."),
        ] {
            let r = cora.post(&format!("/initiatives/{id}/indicators"), &fields).await;
            assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
            assert!(r.text().await.unwrap().contains(says), "{says}");
        }
        assert_eq!(count("initiative_indicators").await, 0);
        let fields = [
            ("name", "Officers trained"),
            ("kind", "number"),
            ("unit", "officers"),
            ("baseline", "0"),
            ("target", "600"),
        ];
        assert_eq!(mo.post(&format!("/initiatives/{id}/indicators"), &fields).await.status(), StatusCode::FORBIDDEN);
        let r = cora.post(&format!("/initiatives/{id}/indicators"), &fields).await;
        assert_eq!(location(&r), format!("/initiatives/{id}?done=indicator_added#outcomes"));
        let trained = app.scalar_i64("SELECT MAX(id) FROM initiative_indicators").await;
        let values = format!("/initiatives/{id}/indicators/{trained}/values");
        for (fields, says) in [
            (
                vec![("measured_on", day(-2)), ("value", "10".into()), ("source", "Register".into())],
                "The day must be today or before.",
            ),
            (vec![("measured_on", day(5)), ("value", "1e3".into()), ("source", "Register".into())], "Enter a number"),
            (
                vec![("measured_on", day(5)), ("value", "10".into()), ("source", " ".into())],
                "Say where the value comes from.",
            ),
            (
                vec![
                    ("measured_on", day(5)),
                    ("value", "10".into()),
                    ("source", "R".into()),
                    ("document", "javascript:alert(1)".into()),
                ],
                "A document is",
            ),
        ] {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let r = cora.post(&values, &fields).await;
            assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
            assert!(r.text().await.unwrap().contains(says), "{says}");
        }
        assert_eq!(count("initiative_indicator_values").await, 0);
        // An indicator is reached through its own initiative only.
        let r = cora
            .post(
                &format!("/initiatives/{other}/indicators/{trained}/values"),
                &[("measured_on", &day(1)), ("value", "1"), ("source", "R")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        for (on, value) in [(day(200), "120"), (day(20), "1,412")] {
            let r = cora.post(&values, &[("measured_on", &on), ("value", value), ("source", "Academy register")]).await;
            assert_eq!(r.status(), StatusCode::SEE_OTHER);
        }
        let r = cora
            .post(
                &format!("/initiatives/{id}/indicators"),
                &[("name", "Interview procedure adopted"), ("kind", "yes_no")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let adopted = app.scalar_i64("SELECT id FROM initiative_indicators WHERE kind = 'yes_no'").await;
        let r = cora
            .post(
                &format!("/initiatives/{id}/indicators/{adopted}/values"),
                &[
                    ("measured_on", &day(3)),
                    ("value", "yes"),
                    ("source", "Police order 12/2026"),
                    ("document", "/library/42"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);

        let page = app.browser().page(&format!("/initiatives/{id}")).await.replace("&#x2f;", "/");
        assert!(page.contains("Latest: 1412") && page.contains("target 600"));
        assert!(page.contains("235 % of the way"), "1412 of 600 from 0");
        assert!(page.contains("<svg class=\"chart\"") && page.contains("<polyline") && page.contains("class=\"ml\""));
        assert!(page.contains("Latest: Yes") && page.contains("href=\"/library/42\""));
        assert!(
            page.contains("Academy register") && !page.contains("Add the value"),
            "the public reads, without forms"
        );

        let story = [
            ("happened_on", day(30)),
            ("title", "Confessions no longer the centre of cases".to_string()),
            ("who_changed", "Prosecutors in Songkhla".to_string()),
            ("what_changed", "They now ask for **recorded interviews** before charging.".to_string()),
            ("evidence", "Prosecution guideline".to_string()),
        ];
        let story: Vec<(&str, &str)> = story.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(mo.post(&format!("/initiatives/{id}/stories"), &story).await.status(), StatusCode::FORBIDDEN);
        let r = cora.post(&format!("/initiatives/{id}/stories"), &story).await;
        assert_eq!(location(&r), format!("/initiatives/{id}?done=story_added#outcomes"));
        let shown = mo.page(&format!("/initiatives/{id}")).await;
        assert!(shown.contains("<strong>recorded interviews</strong>") && shown.contains("Prosecutors in Songkhla"));
        let story_id = app.scalar_i64("SELECT MAX(id) FROM initiative_stories").await;
        assert_eq!(
            cora.post(&format!("/initiatives/{other}/stories/{story_id}/remove"), &[]).await.status(),
            StatusCode::NOT_FOUND
        );
        cora.post(&format!("/initiatives/{id}/stories/{story_id}/remove"), &[]).await;
        assert_eq!(count("initiative_stories").await, 0);
        // Removing an indicator takes its values with it.
        cora.post(&format!("/initiatives/{id}/indicators/{trained}/remove"), &[]).await;
        assert_eq!(count("initiative_indicator_values").await, 1);
    }
);

// Links: those who keep an initiative link what they may see, by its address; each reader
// sees a link only where they may see what it points at.
db_test!(
    links_show_each_reader_only_what_they_may_see,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (cora, _) = app.signed_in("cora@example.org", Role::Coordinator, "Cora").await;
        let (gita, _) = app.signed_in("gita@example.org", Role::Member, "Gita").await;
        let id = start(&cora, "Interviewing reform", "public", &[]).await;
        let open = new_group(&cora, "Interviewing circle", "open", false).await;
        let secret = new_group(&gita, "Quiet circle", "secret", false).await;
        let members_thread = crate::forums::new_thread(&cora, None, "Members' thread on recording", "Words.").await;
        let secret_thread = crate::forums::new_thread(&gita, Some(secret), "Quiet thread", "Words.").await;
        let links = format!("/initiatives/{id}/links");
        for address in [format!("https://elsewhere.example/groups/{open}"), format!("/forum/threads/{members_thread}")]
        {
            let r = cora.post(&links, &[("address", &address)]).await;
            assert_eq!(location(&r), format!("/initiatives/{id}?done=link_added#links"), "{address}");
        }
        // Hidden and missing alike; not a page one links to.
        for address in [
            format!("/forum/threads/{secret_thread}"),
            "/forum/threads/999999".into(),
            "/members/1".into(),
            "javascript:x".into(),
        ] {
            let r = cora.post(&links, &[("address", &address)]).await;
            assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{address}");
        }
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM initiative_links").await, 2);
        // Had it been linked (by someone in the group), it shows to the group alone.
        app.exec(&format!("INSERT INTO initiative_links (initiative_id, kind, target_id, created_at) VALUES ({id}, 'thread', {secret_thread}, 0)")).await;
        let public = app.browser().page(&format!("/initiatives/{id}")).await;
        assert!(public.contains("Interviewing reform"));
        for hidden in ["Interviewing circle", "Members&#x27; thread", "Quiet thread"] {
            assert!(!public.contains(hidden), "the public sees {hidden}");
        }
        let member = gita.page(&format!("/initiatives/{id}")).await;
        assert!(
            member.contains("Interviewing circle")
                && member.contains("Members&#x27; thread")
                && member.contains("Quiet thread")
        );
        assert!(
            !cora.page(&format!("/initiatives/{id}")).await.contains("Quiet thread"),
            "not even a coordinator outside"
        );
        // A thread its moderators hide leaves the page for all but them, as its own page does.
        app.exec(&format!("UPDATE threads SET hidden = TRUE WHERE id = {members_thread}")).await;
        assert!(!gita.page(&format!("/initiatives/{id}")).await.contains("Members&#x27; thread"));
        assert!(
            cora.page(&format!("/initiatives/{id}")).await.contains("Members&#x27; thread"),
            "coordinators moderate it"
        );
        // A link to what the remover may not see is not theirs to take away.
        let r = cora.post(&format!("/initiatives/{id}/links/thread/{secret_thread}/remove"), &[]).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM initiative_links WHERE kind = 'thread'").await, 2);
        let r = cora.post(&format!("/initiatives/{id}/links/group/{open}/remove"), &[]).await;
        assert_eq!(location(&r), format!("/initiatives/{id}?done=link_removed#links"));
        assert_eq!(
            cora.post(&format!("/initiatives/{id}/links/member/{open}/remove"), &[]).await.status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            gita.post(&format!("/initiatives/{id}/links/thread/{secret_thread}/remove"), &[]).await.status(),
            StatusCode::FORBIDDEN
        );
    }
);

// The network analysis is cached; a person who stops being listed, or an initiative moved
// out of members' sight, leaves the network's ties at once, cache or not. And nobody outside
// a secret group is named on its initiative, nor can be added to it.
db_test!(
    the_network_forgets_initiative_ties_at_once_and_secret_initiatives_name_only_insiders,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (cora, _) = app.signed_in("cora@example.org", Role::Coordinator, "Cora").await;
        let (mo, _) = app.signed_in("mo@example.org", Role::Member, "Mo").await;
        let (ben, ben_id) = app.signed_in("ben@example.org", Role::Member, "Ben").await;
        let ana_id = app.create_user("ana@example.org", Role::Member, "Ana").await;
        let id = start(&cora, "Shared practice", "members", &[]).await;
        for person in [ana_id, ben_id] {
            cora.post(&format!("/initiatives/{id}/people"), &[("user", &person.to_string()), ("role", "participant")])
                .await;
        }
        let tied = || async { mo.page("/network/export?format=csv").await.contains("shared_initiative") };
        assert!(tied().await);
        ben.post(&format!("/initiatives/{id}/listing"), &[("listed", "no")]).await;
        assert!(!tied().await, "unlisted: the tie is gone");
        ben.post(&format!("/initiatives/{id}/listing"), &[("listed", "yes")]).await;
        assert!(tied().await);
        let edit = [("lang", "en"), ("title", "Shared practice"), ("visibility", "coordinators")];
        assert_eq!(cora.post(&format!("/initiatives/{id}"), &edit).await.status(), StatusCode::SEE_OTHER);
        assert!(!tied().await, "out of members' sight: the tie is gone");

        // A secret group's initiative: its members are added and named; nobody else is.
        let (gita, gita_id) = app.signed_in("gita@example.org", Role::Member, "Gita Insider").await;
        let secret = new_group(&gita, "Quiet circle", "secret", false).await;
        let hidden = roundtable::db::secret_id();
        app.exec(&format!(
            "INSERT INTO initiatives (id, lang, title, purpose, purpose_html, status, visibility, group_id, created_at, updated_at) \
             VALUES ({hidden}, 'en', 'Quiet plan', '', '', 'idea', 'group', {secret}, 0, 0)"
        ))
        .await;
        app.exec(&format!(
            "INSERT INTO initiative_people (initiative_id, user_id, role, listed, created_at) VALUES ({hidden}, {gita_id}, 'lead', TRUE, 0)"
        ))
        .await;
        let r = gita
            .post(&format!("/initiatives/{hidden}/people"), &[("user", &ben_id.to_string()), ("role", "expert")])
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "Ben is not in the group");
        // Had he been put there (or left the group since), he is named to no one.
        app.exec(&format!(
            "INSERT INTO initiative_people (initiative_id, user_id, role, listed, created_at) VALUES ({hidden}, {ben_id}, 'expert', TRUE, 0)"
        ))
        .await;
        let page = gita.page(&format!("/initiatives/{hidden}")).await;
        assert!(page.contains("Gita Insider") && !page.contains(">Ben<"));
        assert!(!gita.page(&format!("/members/{ben_id}")).await.contains("Quiet plan"));
        assert_eq!(ben.get(&format!("/initiatives/{hidden}")).await.status(), StatusCode::NOT_FOUND);
    }
);

// The partnership view counts only the initiatives and organisations the viewer may see,
// and names the sectors missing from each country's initiatives.
db_test!(
    the_partnership_view_counts_what_the_viewer_may_see_and_names_gaps,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (cora, _) = app.signed_in("cora@example.org", Role::Coordinator, "Cora").await;
        let (mo, _) = app.signed_in("mo@example.org", Role::Member, "Mo").await;
        let open = start(&cora, "Open work", "public", &[]).await;
        let inner = start(&cora, "Members' work", "members", &[]).await;
        let police = org(&app, "Royal Police Academy", "police", true).await;
        let nhri = org(&app, "National Commission", "nhri", true).await;
        let csos = org(&app, "Custody Watch Collective", "civil_society", false).await;
        for (initiative, org) in [(open, police), (open, nhri), (open, csos), (inner, police), (inner, nhri)] {
            let r = cora
                .post(&format!("/initiatives/{initiative}/partners"), &[("org", &org.to_string()), ("role", "lead")])
                .await;
            assert_eq!(r.status(), StatusCode::SEE_OTHER);
        }
        let text = |html: String| html.replace("&#x2f;", "/");
        let public = text(app.browser().page("/initiatives/partnerships").await);
        assert!(public.contains("One initiative") && public.contains("Royal Police Academy"));
        assert!(
            !public.contains("Custody Watch Collective") && !public.contains("Civil society · "),
            "not the members-only organisation"
        );
        assert!(public
            .contains("Human rights institution / NPM · Police</span> <span class=\"muted\">One initiative</span>"));
        let member = text(mo.page("/initiatives/partnerships").await);
        assert!(member.contains("2 initiatives") && member.contains("Custody Watch Collective"));
        // Police and the NHRI share both initiatives.
        assert!(
            member
                .contains("Human rights institution / NPM · Police</span> <span class=\"muted\">2 initiatives</span>"),
            "{member}"
        );
        // Thailand and Malaysia (both initiatives work in both): no government, legal or health partner.
        let gaps = &member[member.find("id=\"gaps\"").unwrap()..member.find("id=\"sectors\"").unwrap()];
        assert!(
            gaps.contains("Thailand")
                && gaps.contains("Malaysia")
                && gaps.contains("Government")
                && !gaps.contains("Police")
        );
        assert!(!text(mo.page("/initiatives/partnerships?country=PH").await).contains("Royal Police Academy"));
        assert_eq!(mo.get("/initiatives/partnerships?country=XX").await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
);
