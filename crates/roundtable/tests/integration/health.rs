//! The network health page, its snapshots and drill-downs, and the network map: who may see
//! them, whether the figures are right, and that at-risk members leave no trace on a
//! member's map.

use std::collections::BTreeSet;

use reqwest::StatusCode;
use roundtable::network::health::take_scheduled;
use roundtable::vocab::Role;

use crate::common::{location, TestApp};
use crate::db_test;

/// Records a tie directly, as the ties feature stores it (lower id first).
async fn tie(app: &TestApp, a: i64, b: i64) {
    let (a, b) = (a.min(b), a.max(b));
    app.exec(&format!(
        "INSERT INTO ties (a_id, b_id, kind, source, created_at) VALUES ({a}, {b}, 'knows', 'recorded', 1)"
    ))
    .await;
}

/// Every `<svg>`, `<title>` and `<a>` is closed, and no name broke out of its element.
fn assert_well_formed(html: &str) {
    for (open, close) in [("<svg", "</svg>"), ("<title", "</title>"), ("<text", "</text>"), ("<desc", "</desc>")] {
        assert_eq!(html.matches(open).count(), html.matches(close).count(), "{open} vs {close}");
    }
    assert!(html.contains("<svg"), "an SVG is drawn");
    assert!(!html.contains("<script>x"), "a name became markup");
}

/// The inline map: from its `<svg class="map"` to its end.
fn map_svg(html: &str) -> &str {
    let start = html.find("<svg class=\"map\"").expect("the page has a map");
    let end = html[start..].find("</svg>").expect("the map ends") + start;
    &html[start..end]
}

/// How many ties a map draws: the segments of its tie paths.
fn ties_drawn(svg: &str) -> usize {
    svg.split("<path class=\"t")
        .skip(1)
        .map(|p| {
            let d = &p[p.find(" d=\"").unwrap() + 4..];
            d[..d.find('"').unwrap()].matches('M').count()
        })
        .sum()
}

/// (member id, x, y) of every node of a map.
fn nodes(svg: &str) -> BTreeSet<(i64, String, String)> {
    svg.split("<a href=\"/members/")
        .skip(1)
        .map(|node| {
            let id = node[..node.find('"').unwrap()].parse().unwrap();
            let attr = |name: &str| {
                let from = node.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
                node[from..from + node[from..].find('"').unwrap()].to_string()
            };
            (id, attr("cx"), attr("cy"))
        })
        .collect()
}

db_test!(health_is_for_coordinators_and_admins_only, |app: TestApp| async move {
    let (member, _) = app.signed_in("member@example.org", Role::Member, "Plain Member").await;
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Coordinator").await;
    let (admin, _) = app.signed_in("admin@example.org", Role::Admin, "Admin").await;
    let public = app.browser();
    let pages = [
        "/network/health",
        "/network/health/isolated",
        "/network/health/sector/police",
        "/network/health/country/unknown",
        "/network/health/component/1",
        "/network/health/community/1",
    ];
    for path in pages {
        let r = public.get(path).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{path}");
        assert!(location(&r).starts_with("/signin?next="), "{path}");
        assert_eq!(member.get(path).await.status(), StatusCode::FORBIDDEN, "{path}");
        assert_eq!(coordinator.get(path).await.status(), StatusCode::OK, "{path}");
        assert_eq!(admin.get(path).await.status(), StatusCode::OK, "{path}");
    }
    let r = public.post("/network/health/snapshots", &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(location(&r).starts_with("/signin"));
    assert_eq!(member.post("/network/health/snapshots", &[]).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        coordinator.post_raw("/network/health/snapshots", &[("csrf", "forged")]).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM network_snapshots WHERE trigger = 'manual'").await, 0);
    // The hub shows the way in to those who may use it.
    assert!(coordinator.page("/network").await.contains("href=\"/network/health\""));
    assert!(!member.page("/network").await.contains("href=\"/network/health\""));
    assert!(member.page("/network").await.contains("href=\"/network/map\""));
});

db_test!(health_figures_of_a_small_network_are_right, |app: TestApp| async move {
    let (coordinator, coord) = app.signed_in("coord@example.org", Role::Coordinator, "Cora Coordinator").await;
    let mut ids = Vec::new();
    for (email, name, sector, country) in [
        ("a@example.org", "Anan Police", "police", "TH"),
        ("b@example.org", "Benja Lawyer", "legal", "TH"),
        ("d@example.org", "Dina Doctor", "health", "MY"),
        ("e@example.org", "Eko Officer", "police", "MY"),
        ("f@example.org", "Faiz Inspector", "police", "MY"),
        ("g@example.org", "Gita Alone", "nhri", "PH"),
    ] {
        let id = app.create_user(email, Role::Member, name).await;
        app.set_profile(id, &format!("sector = '{sector}', country = '{country}'")).await;
        ids.push(id);
    }
    let [a, b, d, e, f, g] = ids[..] else { unreachable!() };
    // A name no form accepts, as an import might bring it: it must stay text everywhere.
    app.exec(&format!("UPDATE users SET display_name = 'Gita <script>x</script> & \"Co\"' WHERE id = {g}")).await;
    tie(&app, a, b).await;
    tie(&app, b, d).await;
    tie(&app, e, f).await;

    let html = coordinator.page("/network/health").await;
    assert_well_formed(&html);
    // 7 members (the coordinator too), 3 ties; parts: {A, B, D}, {E, F}, and the two without ties.
    for figure in ["<strong>7</strong>", "<strong>3</strong>", "<strong>4</strong>", "<strong>2</strong>"] {
        assert!(html.contains(figure), "{figure}");
    }
    assert!(html.contains("the largest has 3 members (43%)"));
    // Across sectors: A–B and B–D of three ties; across countries: B–D only.
    assert!(html.contains("<strong>67%</strong>") && html.contains("<strong>33%</strong>"));
    assert!(html.contains("<strong>0.33</strong>") && html.contains("<strong>\u{2212}0.33</strong>"));
    assert!(html.contains("Most ties cross sectors.") || html.contains("Ties within and across sectors"));
    assert!(
        html.contains("href=\"/network/health/sector/police\"")
            && html.contains("href=\"/network/health/country/unknown\"")
    );
    assert!(
        html.contains("href=\"/network/health/component/2\"") && !html.contains("href=\"/network/health/component/3\"")
    );

    let isolated = coordinator.page("/network/health/isolated").await;
    assert!(isolated.contains("Cora Coordinator") && isolated.contains("Gita &lt;script&gt;"));
    assert!(!isolated.contains("Anan Police"));
    assert!(
        isolated.contains(&format!("href=\"/members/{coord}\""))
            && isolated.contains(&format!("href=\"/members/{g}\""))
    );
    let largest = coordinator.page("/network/health/component/1").await;
    assert!(largest.contains("Anan Police") && largest.contains("Benja Lawyer") && largest.contains("Dina Doctor"));
    assert!(!largest.contains("Eko Officer"));
    let second = coordinator.page("/network/health/component/2").await;
    assert!(second.contains("Eko Officer") && second.contains("Faiz Inspector") && !second.contains("Anan Police"));
    let police = coordinator.page("/network/health/sector/police").await;
    assert!(police.contains("Anan Police") && police.contains("Eko Officer") && !police.contains("Benja Lawyer"));
    assert!(police.contains("3 members"));
    let unknown = coordinator.page("/network/health/country/unknown").await;
    assert!(unknown.contains("Cora Coordinator") && !unknown.contains("Anan Police"));
    for missing in [
        "/network/health/component/9",
        "/network/health/community/0",
        "/network/health/sector/pirates",
        "/network/health/planet/1",
    ] {
        assert_eq!(coordinator.get(missing).await.status(), StatusCode::NOT_FOUND, "{missing}");
    }
});

db_test!(snapshots_are_kept_by_hand_and_once_a_month, |app: TestApp| async move {
    let (coordinator, _) = app.signed_in("coord@example.org", Role::Coordinator, "Coordinator").await;
    let r = coordinator.post("/network/health/snapshots", &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&r), "/network/health?done=snapshot#trends");
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM network_snapshots WHERE trigger = 'manual'").await, 1);
    let figures = app.strings("SELECT figures FROM network_snapshots WHERE trigger = 'manual'").await;
    assert!(figures[0].contains("\"members\":1"), "{}", figures[0]);

    let html = coordinator.page("/network/health?done=snapshot").await;
    assert!(html.contains("Snapshot kept."));
    assert!(html.contains("by hand"), "the manual snapshot is in the table");
    assert!(html.contains("id=\"trend-members-t\"") && html.contains("role=\"img\""));
    assert_well_formed(&html);

    // The monthly snapshot, as the housekeeping loop takes it: once per calendar month.
    let jan_2020 = 1_579_000_000_000; // 2020-01-14
    assert!(take_scheduled(&app.db, jan_2020).await.unwrap());
    assert!(!take_scheduled(&app.db, jan_2020 + 86_400_000).await.unwrap());
    assert!(take_scheduled(&app.db, jan_2020 + 31 * 86_400_000).await.unwrap(), "February is another month");
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM network_snapshots WHERE month = '2020-01'").await, 1);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM network_snapshots WHERE month LIKE '2020-%'").await, 2);
    let html = coordinator.page("/network/health").await;
    assert!(html.contains("14 Jan 2020") && html.contains("14 Feb 2020"), "older snapshots join the trend");
});

db_test!(a_members_map_has_no_trace_of_at_risk_members, |app: TestApp| async move {
    let (member, me) = app.signed_in("member@example.org", Role::Member, "Plain Member").await;
    let (coordinator, coord) = app.signed_in("coord@example.org", Role::Coordinator, "Coordinator").await;
    let friend = app.create_user("friend@example.org", Role::Member, "Friendly Officer").await;
    let risky = app.create_user("risky@example.org", Role::Member, "Hidden Witness").await;
    app.set_profile(risky, "at_risk = TRUE, sector = 'legal'").await;
    app.set_profile(friend, "sector = 'police', country = 'TH'").await;
    tie(&app, risky, friend).await;
    tie(&app, risky, me).await;
    tie(&app, me, friend).await;

    let html = member.page("/network/map").await;
    assert_well_formed(&html);
    let svg = map_svg(&html);
    assert!(!html.contains("Hidden Witness"));
    assert!(!html.contains(&format!("/members/{risky}\"")));
    let ids: BTreeSet<i64> = nodes(svg).into_iter().map(|n| n.0).collect();
    assert_eq!(ids, BTreeSet::from([me, coord, friend]), "one node per member the member may see");
    assert_eq!(svg.matches("<circle").count(), 3);
    assert_eq!(ties_drawn(svg), 1, "only the tie between the two plain members");
    assert!(html.contains("3 members and 1 tie."));

    let html = coordinator.page("/network/map").await;
    assert_well_formed(&html);
    let svg = map_svg(&html);
    assert!(svg.contains("Hidden Witness"));
    assert_eq!(nodes(svg).len(), 4);
    assert_eq!(ties_drawn(svg), 3);
    assert!(
        svg.contains(&format!("<a href=\"/members/{risky}\" class=\"s4 r\">")),
        "marked as at risk for coordinators"
    );

    let r = app.browser().get("/network/map").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&r), "/signin?next=%2Fnetwork%2Fmap");
});

db_test!(map_filters_highlight_without_moving_anyone_and_refuse_unknown_values, |app: TestApp| async move {
    let (member, _) = app.signed_in("member@example.org", Role::Member, "Plain Member").await;
    let police = app.create_user("police@example.org", Role::Member, "Zed Officer").await;
    let lawyer = app.create_user("lawyer@example.org", Role::Member, "Lawyer").await;
    app.exec(&format!("UPDATE users SET display_name = 'Zed <script>x</script> & Co' WHERE id = {police}")).await;
    app.set_profile(police, "sector = 'police', country = 'TH'").await;
    app.set_profile(lawyer, "sector = 'legal', country = 'MY'").await;
    tie(&app, police, lawyer).await;

    let all = member.page("/network/map").await;
    let lit = member.page("/network/map?country=TH&sector=police").await;
    assert_well_formed(&all);
    assert_well_formed(&lit);
    assert!(map_svg(&lit).contains("Zed &lt;script&gt;x&lt;/script&gt; &amp; Co"));
    assert_eq!(nodes(map_svg(&all)), nodes(map_svg(&lit)), "positions do not move");
    assert!(!map_svg(&all).contains(" d\""), "nothing is dimmed without a filter");
    assert!(map_svg(&lit).contains(&format!("<a href=\"/members/{lawyer}\" class=\"s4 d\">")));
    assert!(map_svg(&lit).contains(&format!("<a href=\"/members/{police}\" class=\"s0\">")));
    assert!(lit.contains("1 of 3 members highlighted"));
    assert!(lit.contains("<option value=\"TH\" selected>"));

    for bad in ["/network/map?country=XX", "/network/map?sector=pirates", "/network/map?country=th"] {
        assert_eq!(member.get(bad).await.status(), StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
    }
    assert_eq!(member.get("/network/map?country=&sector=").await.status(), StatusCode::OK);
});

db_test!(past_figures_count_only_what_existed_then, |app: TestApp| async move {
    let day = 86_400_000;
    let now = roundtable::db::now_ms();
    let old = app.create_user("old@example.org", Role::Member, "Old Hand").await;
    let mid = app.create_user("mid@example.org", Role::Member, "Mid Comer").await;
    let new = app.create_user("new@example.org", Role::Member, "New Comer").await;
    for (id, days) in [(old, 300), (mid, 200), (new, 50)] {
        app.exec(&format!("UPDATE users SET created_at = {} WHERE id = {id}", now - days * day)).await;
    }
    let (a, b) = (old.min(mid), old.max(mid));
    app.exec(&format!(
        "INSERT INTO ties (a_id, b_id, kind, source, created_at) VALUES ({a}, {b}, 'knows', 'recorded', {})",
        now - 100 * day
    ))
    .await;
    app.exec(&format!(
        "INSERT INTO endorsements (endorser_id, member_id, area, created_at) VALUES ({new}, {old}, 'training', {})",
        now - 10 * day
    ))
    .await;
    // Mid and New work in one small team: a tie from the day New joined, not before.
    app.exec("INSERT INTO organisations (name, sector, country, created_at, updated_at) VALUES ('Team', 'police', 'TH', 0, 0)")
        .await;
    let team = app.scalar_i64("SELECT MAX(id) FROM organisations").await;
    app.exec(&format!("INSERT INTO affiliations (user_id, org_id) VALUES ({mid}, {team}), ({new}, {team})")).await;

    let figures = |days: i64| {
        let db = app.db.clone();
        async move {
            let views = roundtable::network::model::compute(&db, Some(now - days * day)).await.unwrap();
            (views.coordinators.figures.members, views.coordinators.figures.ties)
        }
    };
    assert_eq!(figures(250).await, (1, 0));
    assert_eq!(figures(150).await, (2, 0), "the tie was recorded later");
    assert_eq!(figures(60).await, (2, 1), "the team had one member then");
    assert_eq!(figures(20).await, (3, 2), "the endorsement came later");
    assert_eq!(figures(0).await, (3, 3));

    // The demo's year of snapshots: one a month, computed as the network was then. The app's
    // housekeeping took this month's at start; once it has, it leaves the table alone.
    for _ in 0..100 {
        if app.scalar_i64("SELECT COUNT(*) FROM network_snapshots").await > 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    app.exec("DELETE FROM network_snapshots").await;
    roundtable::network::health::seed_demo(&app.db).await.unwrap();
    assert_eq!(app.scalar_i64("SELECT COUNT(DISTINCT month) FROM network_snapshots").await, 12);
    let figures = app.strings("SELECT figures FROM network_snapshots WHERE month IS NOT NULL ORDER BY taken_at").await;
    assert!(figures[0].contains("\"members\":0,"), "{}", figures[0]);
    assert!(figures[11].contains("\"members\":3,") && figures[11].contains("\"ties\":3,"), "{}", figures[11]);
});
