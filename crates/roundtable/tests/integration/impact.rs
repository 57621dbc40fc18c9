//! The impact dashboard and the network in figures: who may read them, whether their
//! figures equal counts made here from the seeded data, and that the public figures leave
//! out members at risk and never show a count below 5.

use std::collections::BTreeMap;

use rand::{Rng, SeedableRng};
use reqwest::StatusCode;
use roundtable::impact::figures::{compute, take_due};
use roundtable::impact::quarter::Quarter;
use roundtable::vocab::Role;

use crate::common::{location, Browser, TestApp};
use crate::db_test;
use crate::forums::new_group;

const KINDS: [&str; 4] = ["seminar", "workshop", "webinar", "conference"];
const COUNTRIES: [&str; 3] = ["TH", "MY", "PH"];

/// A CSV download as rows of cells, the header first; the byte-order mark dropped.
async fn csv(b: &Browser, path: &str) -> Vec<Vec<String>> {
    let r = b.get(path).await;
    assert_eq!(r.status(), StatusCode::OK, "{path}");
    assert!(r.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    let text = r.text().await.unwrap();
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    reader.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect()
}

/// The row of a table whose first cell is `label`.
fn row<'a>(table: &'a [Vec<String>], label: &str) -> &'a [String] {
    table.iter().find(|r| r[0] == label).unwrap_or_else(|| panic!("no row {label} in {table:?}"))
}

fn ms(day: &str) -> i64 {
    chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap()
        .and_utc()
        .timestamp_millis()
}

/// An event held on `day` (10:00 UTC); its id.
async fn event(app: &TestApp, id: i64, kind: &str, country: &str, day: &str, extra: (&str, Option<i64>, bool)) -> i64 {
    let (visibility, group, cancelled) = extra;
    let at = ms(day);
    app.exec(&format!(
        "INSERT INTO events (id, kind, title, mode, country, time_zone, starts_at, ends_at, visibility, group_id, cancelled, created_at, updated_at) \
         VALUES ({id}, '{kind}', 'Event {id}', 'in_person', '{country}', 'Asia/Bangkok', {at}, {}, '{visibility}', {}, {cancelled}, 0, 0)",
        at + 3_600_000,
        group.map_or("NULL".into(), |g| g.to_string()),
    ))
    .await;
    id
}

async fn register(app: &TestApp, event: i64, user: Option<i64>, email: &str, sector: Option<&str>, status: &str) {
    let (user, sector) =
        (user.map_or("NULL".into(), |u| u.to_string()), sector.map_or("NULL".into(), |s| format!("'{s}'")));
    app.exec(&format!(
        "INSERT INTO event_registrations (event_id, user_id, name, email, email_key, sector, status, queued_at, created_at, updated_at) \
         VALUES ({event}, {user}, 'P', '{email}', '{email}', {sector}, '{status}', 0, 0, 0)"
    ))
    .await;
}

db_test!(
    the_dashboard_counts_what_was_seeded_for_coordinators_only,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (cora, _) = app.signed_in("cora@example.org", Role::Coordinator, "Cora Coordinator").await;
        let (mo, mo_id) = app.signed_in("mo@example.org", Role::Member, "Mo Member").await;
        let (_, nia_id) = app.signed_in("nia@example.org", Role::Member, "Nia Nurse").await;
        app.set_profile(mo_id, "sector = 'police', sector_vis = 'coordinators'").await;
        app.set_profile(nia_id, "sector = 'health'").await;
        let secret = new_group(&mo, "Safety circle", "secret", false).await;
        let period = "from=2026-01-01&to=2026-09-30";

        // Who may read it.
        assert_eq!(app.browser().get("/impact").await.status(), StatusCode::SEE_OTHER);
        for path in ["/impact", "/impact/csv/momentum"] {
            assert_eq!(mo.get(path).await.status(), StatusCode::FORBIDDEN, "{path}");
        }
        assert_eq!(cora.get("/impact/csv/nothing").await.status(), StatusCode::NOT_FOUND);

        // Events in and out of the period, cancelled ones, and a secret group's, which the
        // coordinator (not in the group) must not count.
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(17);
        let mut expected: BTreeMap<(String, String), i64> = BTreeMap::new();
        let mut held = Vec::new();
        for n in 0..40 {
            let (kind, country) = (KINDS[rng.random_range(0..4)], COUNTRIES[rng.random_range(0..3)]);
            let month = rng.random_range(1..=12);
            let day = format!("2026-{month:02}-{:02}", rng.random_range(1..=28));
            let cancelled = rng.random_bool(0.15);
            let in_secret = rng.random_bool(0.1);
            let extra = if in_secret { ("group", Some(secret), false) } else { ("members", None, cancelled) };
            let id = event(&app, 5000 + n, kind, country, &day, extra).await;
            if month <= 9 && !cancelled && !in_secret {
                let q = format!("Q{} 2026", (month - 1) / 3 + 1);
                *expected.entry((kind.to_string(), q)).or_default() += 1;
                held.push(id);
            }
        }
        let table = csv(&cora, &format!("/impact/csv/events-by-type?{period}")).await;
        assert_eq!(table[0], ["Type", "Q1 2026", "Q2 2026", "Q3 2026", "Total"]);
        let labels =
            [("seminar", "Seminar"), ("workshop", "Workshop"), ("webinar", "Webinar"), ("conference", "Conference")];
        let mut total = 0;
        for (kind, label) in labels {
            let counts: Vec<i64> = ["Q1 2026", "Q2 2026", "Q3 2026"]
                .iter()
                .map(|q| expected.get(&(kind.into(), q.to_string())).copied().unwrap_or(0))
                .collect();
            let sum: i64 = counts.iter().sum();
            total += sum;
            if sum == 0 {
                assert!(table.iter().all(|r| r[0] != label), "{kind} has no row");
                continue;
            }
            let shown: Vec<i64> = row(&table, label)[1..].iter().map(|c| c.parse().unwrap()).collect();
            assert_eq!(shown, [counts, vec![sum]].concat(), "{kind}");
        }
        assert_eq!(row(&table, "Total")[4], total.to_string());
        assert_eq!(total as usize, held.len());

        // Participants: each person once, by the sector the coordinator may read (a member's
        // profile, even where only coordinators may see it; a visitor's as given); only places held count.
        register(&app, held[0], Some(mo_id), "mo@example.org", None, "registered").await;
        register(&app, held[1], Some(mo_id), "mo@example.org", None, "registered").await;
        register(&app, held[0], Some(nia_id), "nia@example.org", Some("police"), "registered").await;
        register(&app, held[0], None, "v1@example.org", Some("legal"), "registered").await;
        register(&app, held[1], None, "v2@example.org", Some("legal"), "waitlisted").await;
        register(&app, held[1], None, "v3@example.org", None, "cancelled").await;
        // A member at risk counts on the page, never in a file.
        let rin = app.create_user("rin@example.org", Role::Member, "Rin Atrisk").await;
        app.set_profile(rin, "at_risk = TRUE, sector = 'legal'").await;
        register(&app, held[1], Some(rin), "rin@example.org", None, "registered").await;
        let people = csv(&cora, &format!("/impact/csv/participants-by-sector?{period}")).await;
        assert_eq!(row(&people, "Police")[1..], ["1", "0.3333333333333333"]);
        assert_eq!(row(&people, "Health and forensics")[1], "1", "a member's profile, not what the registration says");
        assert_eq!(row(&people, "Legal profession")[1], "1", "the waitlisted visitor is not in the room");
        let mixing = csv(&cora, &format!("/impact/csv/mixing?{period}")).await;
        assert_eq!(row(&mixing, "Participants")[1], "3");
        assert_eq!(row(&mixing, "Places taken at events")[1], "4");
        assert_eq!(row(&mixing, "Events with participants")[1], "2");
        assert_eq!(row(&mixing, "Events that mixed sectors")[1], "0.5", "only the first mixed sectors");

        // The page counts her; and it is the same otherwise. A period the other way round is
        // refused with a reason.
        let page = cora.page(&format!("/impact?{period}")).await;
        assert!(page.contains("<th scope=\"row\">Participants</th><td>4</td>"), "{page}");
        assert!(app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'impact_exported'").await >= 3);
        assert!(
            page.contains("Events held by type")
                && page.contains("/impact/csv/events-by-type?from=2026-01-01&amp;to=2026-09-30")
        );
        let r = cora.get("/impact?from=2026-09-30&to=2026-01-01").await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.unwrap().contains("The period must start before it ends."));
        assert_eq!(cora.get("/impact/csv/momentum?from=2026-99-01").await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
);

db_test!(
    library_downloads_and_questions_count_per_period_and_titles_are_neutralised,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (cora, cora_id) = app.signed_in("cora@example.org", Role::Coordinator, "Cora Coordinator").await;
        let (mo, _) = app.signed_in("mo@example.org", Role::Member, "Mo Member").await;
        let (kai, _) = app.signed_in("kai@example.org", Role::Coordinator, "Kai Coordinator").await;
        // Cora keeps the secret group (and sees its resource on her page); Kai is not in it.
        let secret = new_group(&cora, "Safety circle", "secret", false).await;
        let _ = &mo;
        let (a, b, hidden) = (ms("2026-02-01"), ms("2026-05-01"), ms("2026-03-01"));
        for (id, title, access, group, at) in [
            (7001, "=HYPERLINK(\"http://x\")", "members", "NULL".to_string(), a),
            (7002, "Lock-up checklist", "public", "NULL".to_string(), b),
            (7003, "SECRETMARK plan", "group", secret.to_string(), hidden),
        ] {
            app.exec(&format!(
                "INSERT INTO resources (id, title, kind, licence, access, group_id, family_id, created_by, created_at, updated_at) \
                 VALUES ({id}, '{}', 'guide', 'cc-by', '{access}', {group}, {id}, {cora_id}, {at}, {at})",
                title.replace('\'', "''")
            ))
            .await;
        }
        for (id, day, n) in [
            (7001, "2026-02-03", 4),
            (7001, "2026-08-09", 3),
            (7002, "2026-05-02", 9),
            (7003, "2026-03-02", 50),
            (7002, "2025-12-31", 100),
        ] {
            app.exec(&format!("INSERT INTO resource_downloads (resource_id, day, count) VALUES ({id}, '{day}', {n})"))
                .await;
        }
        let period = "from=2026-01-01&to=2026-09-30";
        let top = csv(&cora, &format!("/impact/csv/downloads?{period}")).await;
        assert_eq!(top[1], ["Lock-up checklist", "Guide", "9"]);
        assert_eq!(top[2], ["'=HYPERLINK(\"http://x\")", "Guide", "7"], "a formula stays text");
        assert_eq!(top.len(), 3, "a file holds nothing of a secret group, whoever downloads it");
        assert!(cora.page(&format!("/impact?{period}")).await.contains("SECRETMARK plan"), "her page does");
        assert_eq!(csv(&kai, &format!("/impact/csv/downloads?{period}")).await.len(), 3);
        let kinds = csv(&cora, &format!("/impact/csv/resources?{period}")).await;
        assert_eq!(row(&kinds, "Guide")[1..], ["2", "16"]);

        for (asked, answered) in [(a, Some(b)), (b, None), (ms("2025-11-01"), Some(a))] {
            app.exec(&format!(
                "INSERT INTO questions (asker_id, area, lang, title, body, body_html, created_at, answered_at) \
                 VALUES ({cora_id}, 'detention_monitoring', 'en', 'Q', 'B', 'B', {asked}, {})",
                answered.map_or("NULL".into(), |v| v.to_string())
            ))
            .await;
        }
        let questions = csv(&cora, &format!("/impact/csv/questions?{period}")).await;
        assert_eq!(row(&questions, "Q1 2026")[1..], ["1", "1"]);
        assert_eq!(row(&questions, "Q2 2026")[1..], ["1", "1"]);
        assert_eq!(row(&questions, "Q3 2026")[1..], ["0", "0"]);
        assert!(!kai.page(&format!("/impact?{period}")).await.contains("SECRETMARK"), "nor a coordinator outside it");
    }
);

db_test!(
    public_figures_leave_out_members_at_risk_and_hide_counts_below_five,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (cora, _) = app.signed_in("cora@example.org", Role::Coordinator, "Cora Coordinator").await;
        let (ada, _) = app.signed_in("ada@example.org", Role::Admin, "Ada Admin").await;
        let (mo, _) = app.signed_in("mo@example.org", Role::Member, "Mo Member").await;
        let public = app.browser();
        let joined = ms("2026-02-01");
        let mut police = Vec::new();
        for n in 0..6 {
            police.push(app.create_user(&format!("p{n}@example.org"), Role::Member, &format!("Officer {n}")).await);
        }
        let at_risk = app.create_user("rin@example.org", Role::Member, "Rin Atrisk").await;
        let legal: Vec<i64> = [
            app.create_user("l1@example.org", Role::Member, "Lawyer 1").await,
            app.create_user("l2@example.org", Role::Member, "Lawyer 2").await,
        ]
        .into();
        for id in police.iter().chain([&at_risk]) {
            app.set_profile(*id, "sector = 'police', sector_vis = 'members', country = 'TH'").await;
        }
        app.set_profile(at_risk, "at_risk = TRUE").await;
        for id in &legal {
            app.set_profile(*id, "sector = 'legal', sector_vis = 'members', country = 'TH'").await;
        }
        // Someone whose sector only coordinators may see counts as "not given" in public.
        app.set_profile(police[5], "sector_vis = 'coordinators'").await;
        app.exec(&format!("UPDATE users SET created_at = {joined}")).await;

        // The last quarter of 2026: housekeeping, on the real clock, stores the quarter
        // before today's at start, and never this one (before 2027).
        let q4 = Quarter::parse("2026-Q4").unwrap();
        let f = compute(&app.db, q4).await.unwrap();
        assert_eq!(
            f.members_by_sector.get("police"),
            Some(&5),
            "the member at risk is not counted, nor a hidden sector"
        );
        assert_eq!(f.members_by_sector.get("legal"), Some(&2));
        assert_eq!(f.members, 11, "everyone but the member at risk: {f:?}");
        assert_eq!(f.members_by_country.get("TH"), Some(&8));

        // Stored once the quarter is over, once.
        let now = ms("2027-01-02");
        assert!(take_due(&app.db, now).await.unwrap());
        assert!(!take_due(&app.db, now).await.unwrap());
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM impact_snapshots WHERE quarter = '2026-Q4'").await, 1);

        // Not published: nobody but coordinators, who preview it.
        assert_eq!(public.get("/figures").await.status(), StatusCode::NOT_FOUND);
        assert_eq!(mo.get("/figures").await.status(), StatusCode::NOT_FOUND);
        assert!(cora.page("/figures").await.contains("only coordinators see this preview"));

        // Only admins publish it, and the answer must be a clear yes or no.
        assert_eq!(cora.post("/impact/figures", &[("published", "true")]).await.status(), StatusCode::FORBIDDEN);
        assert_eq!(
            ada.post("/impact/figures", &[("published", "maybe")]).await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(public.get("/figures").await.status(), StatusCode::NOT_FOUND);
        let r = ada.post("/impact/figures", &[("published", "true")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert!(location(&r).starts_with("/impact"));
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'figures_published'").await, 1);

        let page = public.page("/figures").await;
        assert!(page.contains("Q4 2026 in detail") && !page.contains("Rin Atrisk"));
        assert!(page.contains("Police") && page.contains("fewer than 5"));
        // Every figure the public reads is a multiple of 5, or "fewer than 5".
        for cell in page.split("<td>").skip(1).map(|c| &c[..c.find("</td>").unwrap()]) {
            match cell.trim().parse::<i64>() {
                Ok(n) => assert!(n >= 5 && n % 5 == 0, "a count of {n} is shown"),
                Err(_) => assert_eq!(cell.trim(), "fewer than 5"),
            }
        }
        // Police 5 is shown; legal (2) and "not given" (4) are not.
        let sector_table = &page[page.find("Members by sector").unwrap()..];
        let sector_table = &sector_table[..sector_table.find("</table>").unwrap()];
        assert!(
            sector_table.contains("<td>5</td>") && sector_table.matches("fewer than 5").count() == 2,
            "{sector_table}"
        );
        // Members: 11, shown as 10 (for Q4; a Q3 that housekeeping stored at start may precede).
        assert!(page.contains("<td>10</td></tr><tr><th scope=\"row\">New ties</th>"), "{page}");
        assert!(public.page("/").await.contains("href=\"/figures\""));

        // Coordinators take the figures away exact, in a file without the member at risk.
        assert_eq!(mo.get("/figures/export?format=csv").await.status(), StatusCode::FORBIDDEN);
        let file = csv(&cora, "/figures/export?format=csv").await;
        let q4 = row(&file, "2026-Q4");
        assert_eq!(q4[1], "11", "exact, not rounded: {file:?}");
        let police = file[0].iter().position(|h| h == "Members: Police").unwrap();
        assert_eq!(q4[police], "5");
        assert!(!file.iter().flatten().any(|c| c.contains("Rin")));
        assert_eq!(cora.get("/figures/export?format=xlsx").await.status(), StatusCode::OK);

        let r = ada.post("/impact/figures", &[("published", "false")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(public.get("/figures").await.status(), StatusCode::NOT_FOUND);
    }
);

db_test!(
    momentum_counts_new_ties_initiatives_moving_and_champions_per_quarter,
    config = |c: &mut roundtable::config::Config| c.rate_limit_burst = 100_000,
    |app: TestApp| async move {
        let (cora, cora_id) = app.signed_in("cora@example.org", Role::Coordinator, "Cora Coordinator").await;
        let (mo, _) = app.signed_in("mo@example.org", Role::Member, "Mo Member").await;
        let secret = new_group(&mo, "Safety circle", "secret", false).await;
        // Eight members: (sector, country) each.
        let people = [
            ("police", "TH"),
            ("police", "MY"),
            ("nhri", "TH"),
            ("legal", "PH"),
            ("nhri", "MY"),
            ("health", "TH"),
            ("police", "TH"),
            ("legal", "MY"),
        ];
        let mut ids = Vec::new();
        for (n, (sector, country)) in people.iter().enumerate() {
            let id = app.create_user(&format!("m{n}@example.org"), Role::Member, &format!("Member {n}")).await;
            app.set_profile(id, &format!("sector = '{sector}', country = '{country}'")).await;
            ids.push(id);
        }
        app.exec(&format!("UPDATE users SET created_at = {}", ms("2025-06-01"))).await;

        // Recorded ties on random days of 2026; the expected counts, made here.
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(29);
        let mut expected: BTreeMap<usize, [i64; 3]> = BTreeMap::new();
        let mut seen = std::collections::BTreeSet::new();
        for _ in 0..20 {
            let (a, b) = (rng.random_range(0..8), rng.random_range(0..8));
            if a == b || !seen.insert((a.min(b), a.max(b))) {
                continue;
            }
            let month = rng.random_range(1..=12u32);
            let at = ms(&format!("2026-{month:02}-10"));
            let (x, y) = (ids[a].min(ids[b]), ids[a].max(ids[b]));
            app.exec(&format!(
                "INSERT INTO ties (a_id, b_id, kind, source, created_at) VALUES ({x}, {y}, 'knows', 'recorded', {at})"
            ))
            .await;
            if month <= 9 {
                let e = expected.entry(((month - 1) / 3) as usize).or_default();
                e[0] += 1;
                e[1] += i64::from(people[a].0 != people[b].0);
                e[2] += i64::from(people[a].1 != people[b].1);
            }
        }

        // Initiatives: one advancing in Q1 (planned to active) and finishing a milestone in Q3;
        // one pausing in Q2 (not forward) and resuming in Q3; a secret group's, which moves
        // every quarter and must not count for a coordinator outside the group.
        for (id, visibility, group) in
            [(801, "members", "NULL".to_string()), (802, "public", "NULL".into()), (803, "group", secret.to_string())]
        {
            app.exec(&format!(
                "INSERT INTO initiatives (id, lang, title, purpose, purpose_html, status, visibility, group_id, created_by, created_at, updated_at) \
                 VALUES ({id}, 'en', 'I{id}', '', '', 'active', '{visibility}', {group}, {cora_id}, 0, 0)"
            ))
            .await;
        }
        for (n, (initiative, status, on)) in [
            (801, "planned", "2025-11-01"),
            (801, "active", "2026-02-01"),
            (802, "active", "2025-10-01"),
            (802, "paused", "2026-05-01"),
            (802, "active", "2026-08-01"),
            (803, "idea", "2025-10-01"),
            (803, "planned", "2026-02-01"),
            (803, "active", "2026-05-01"),
            (803, "completed", "2026-08-01"),
        ]
        .iter()
        .enumerate()
        {
            app.exec(&format!(
                "INSERT INTO initiative_status_changes (id, initiative_id, status, changed_on, created_at) VALUES ({}, {initiative}, '{status}', '{on}', 0)",
                900 + n
            ))
            .await;
        }
        app.exec("INSERT INTO initiative_milestones (id, initiative_id, title, due_on, state, done_on, created_at, updated_at) \
                  VALUES (950, 801, 'Curriculum adopted', '2026-07-01', 'done', '2026-07-20', 0, 0)").await;

        // Champions: one active all year, one made active in Q2, one an alumnus from Q1 on.
        for (n, (who, stage, on)) in [
            (0, "active", "2025-12-01"),
            (1, "approached", "2026-01-05"),
            (1, "active", "2026-05-05"),
            (2, "active", "2025-09-01"),
            (2, "alumni", "2026-01-02"),
        ]
        .iter()
        .enumerate()
        {
            app.exec(&format!(
                "INSERT INTO champion_notes (id, user_id, author_id, stage, note, created_at) VALUES ({}, {}, {cora_id}, '{stage}', '', {})",
                700 + n, ids[*who], ms(on)
            ))
            .await;
        }
        for (who, stage, on) in [(0, "active", "2025-12-01"), (1, "active", "2026-05-05"), (2, "alumni", "2026-01-02")]
        {
            app.exec(&format!(
                "INSERT INTO champions (user_id, stage, updated_by, updated_at) VALUES ({}, '{stage}', {cora_id}, {})",
                ids[who],
                ms(on)
            ))
            .await;
        }

        let table = csv(&cora, "/impact/csv/momentum?from=2026-01-01&to=2026-09-30").await;
        assert_eq!(table[0][..4], ["Quarter", "New ties", "New ties across sectors", "New ties across countries"]);
        let forward = [1, 0, 2]; // 801 in Q1; none in Q2 (a pause); 801's milestone and 802's resumption in Q3
        let champions = [2, 2, 2]; // 0 and 2 at the start of Q1, 0 and 1 in Q2 and Q3
        for (q, label) in ["Q1 2026", "Q2 2026", "Q3 2026"].iter().enumerate() {
            let e = expected.get(&q).copied().unwrap_or_default();
            let want: Vec<String> =
                [e[0], e[1], e[2], forward[q], champions[q], 0].iter().map(|n| n.to_string()).collect();
            assert_eq!(row(&table, label)[1..], want, "{label}");
        }
        let statuses = csv(&cora, "/impact/csv/initiatives-by-status?from=2026-01-01&to=2026-09-30").await;
        assert_eq!(row(&statuses, "Active")[1], "2", "the secret group's is not counted");
        assert_eq!(row(&statuses, "Initiatives that moved forward")[1], "2");
        let stages = csv(&cora, "/impact/csv/champions?from=2026-01-01&to=2026-09-30").await;
        assert_eq!(row(&stages, "Active champion")[1..], ["2", "1"]);
        assert_eq!(row(&stages, "Alumni")[1..], ["1", "1"]);
        // The page draws the momentum as charts.
        let page = cora.page("/impact?from=2026-01-01&to=2026-09-30").await;
        assert_eq!(page.matches("<svg class=\"chart\"").count(), 5);
    }
);
