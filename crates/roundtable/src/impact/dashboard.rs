//! The impact dashboard, for coordinators: over a period they choose, what the network did
//! (events, who took part, new ties, champions, initiatives and their indicators, the
//! library, questions to experts), per quarter where time matters. Every table downloads as
//! CSV and the page prints as a report.

use std::collections::{BTreeMap, BTreeSet};

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};

use super::measures::{self, Lens};
use super::quarter::{Period, Quarter};
use super::table::{Figure, Table};
use crate::vocab::{ChampionStage, Country, EventKind, InitiativeStatus, ResourceKind, Sector};
use crate::web::sheet::Format;
use crate::web::svg::{LineChart, Series, Unit};
use crate::web::{AppError, AppResult, AppState, ClientIp, Coordinator, Locale, Page};

#[derive(Deserialize, Default)]
pub(super) struct PeriodQuery {
    from: Option<String>,
    to: Option<String>,
}

/// A part of the report: its tables, and its charts.
#[derive(Serialize)]
struct Section {
    id: &'static str,
    title: String,
    note: Option<String>,
    charts: Vec<Chart>,
    tables: Vec<super::table::TableView>,
}

#[derive(Serialize)]
struct Chart {
    title: String,
    svg: Value,
}

/// `[from, until)` of a quarter, cut to the period's bounds.
fn clip(q: Quarter, (from, until): (i64, i64)) -> (i64, i64) {
    (q.start_ms().max(from), q.end_ms().min(until))
}

fn count(n: usize) -> Figure {
    Figure::Count(n as i64)
}

fn share(part: usize, whole: usize) -> Figure {
    Figure::Share((whole > 0).then(|| part as f64 / whole as f64))
}

/// Counts by key over quarters: one row per key (most first), a column per quarter and the
/// total, and a row of totals.
fn by_quarter(
    table: &mut Table,
    quarters: &[Quarter],
    items: impl Iterator<Item = (String, Quarter)>,
    label: impl Fn(&str) -> String,
    total: String,
) {
    let mut counts: BTreeMap<String, BTreeMap<Quarter, usize>> = BTreeMap::new();
    for (key, q) in items {
        *counts.entry(key).or_default().entry(q).or_default() += 1;
    }
    let mut keys: Vec<(&String, usize)> = counts.iter().map(|(k, per)| (k, per.values().sum())).collect();
    keys.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for (key, sum) in keys {
        let mut row = vec![Figure::Text(label(key))];
        row.extend(quarters.iter().map(|q| count(counts[key].get(q).copied().unwrap_or(0))));
        row.push(count(sum));
        table.push(row);
    }
    let mut row = vec![Figure::Text(total)];
    row.extend(quarters.iter().map(|q| count(counts.values().filter_map(|per| per.get(q)).sum())));
    row.push(count(counts.values().flat_map(|per| per.values()).sum()));
    table.push(row);
}

/// People by a key (sector or country), each person once: how many, and their share.
fn people_by<'a>(
    table: &mut Table,
    people: &BTreeMap<&str, (Option<&'a str>, Option<&'a str>)>,
    pick: impl Fn(&(Option<&'a str>, Option<&'a str>)) -> Option<&'a str>,
    label: impl Fn(&str) -> String,
    unknown: String,
) {
    let mut counts: BTreeMap<Option<&str>, usize> = BTreeMap::new();
    for p in people.values() {
        *counts.entry(pick(p)).or_default() += 1;
    }
    let mut rows: Vec<(Option<&str>, usize)> = counts.into_iter().collect();
    rows.sort_by(|a, b| {
        (a.0.is_none(), std::cmp::Reverse(a.1), a.0).cmp(&(b.0.is_none(), std::cmp::Reverse(b.1), b.0))
    });
    for (key, n) in rows {
        let name = key.map_or_else(|| unknown.clone(), &label);
        table.push(vec![Figure::Text(name), count(n), share(n, people.len())]);
    }
}

/// Every section of the report for `viewer` over `period`.
async fn report(state: &AppState, lens: Lens, locale: Locale, period: Period) -> AppResult<Vec<(Section, Vec<Table>)>> {
    let t = |id: &str| locale.t(id);
    let now = state.clock.now_ms();
    let (from, to_end) = period.bounds();
    let until = to_end.min(now);
    let (from_day, to_day) = period.days();
    let quarters = period.quarters();
    let views = crate::network::cache(state).get(&state.db).await?;
    let net = views.scope(lens.scope());

    let held = measures::events_held(&state.db, &lens, from, until).await?;
    let parts = measures::participations(&state.db, &lens, from, until).await?;
    let stages = measures::champion_stages(&state.db, &lens).await?;
    let initiatives = measures::initiatives(&state.db, &lens).await?;
    let indicators = measures::indicators(&state.db, &lens, locale.tag(), &to_day).await?;
    let resources = measures::resources(&state.db, &lens).await?;
    let downloads = measures::downloads(&state.db, &lens, &from_day, &to_day).await?;
    let questions = measures::questions(&state.db, &lens).await?;

    let quarter_headers = |first: &str| -> Vec<String> {
        std::iter::once(t(first)).chain(quarters.iter().map(|q| q.label(locale))).chain([t("impact-total")]).collect()
    };
    let mut sections = Vec::new();

    // Momentum, per quarter.
    let mut momentum = Table::new(
        "momentum",
        t("impact-momentum"),
        [
            "impact-quarter-column",
            "impact-new-ties",
            "impact-cross-sector-ties",
            "impact-cross-country-ties",
            "impact-initiatives-forward",
            "impact-champions-active",
            "impact-events-held",
        ]
        .iter()
        .map(|id| t(id))
        .collect(),
    );
    let mut lines: [Vec<(i64, f64)>; 5] = Default::default();
    for q in &quarters {
        let (a, b) = clip(*q, (from, until));
        let (ties, sector, country) = measures::new_ties(&lens, net, a, b);
        let day =
            |ms: i64| chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default().format("%Y-%m-%d").to_string();
        let forward = initiatives.moved_forward(&day(a), &day(b - 1));
        let active = measures::champions_active(&stages, a, b);
        let events = held.iter().filter(|e| e.starts_at >= a && e.starts_at < b).count();
        let values = [sector, country, forward, active, events];
        for (line, v) in lines.iter_mut().zip(values) {
            line.push((q.start_ms(), v as f64));
        }
        let mut row = vec![Figure::Text(q.label(locale)), count(ties)];
        row.extend(values.into_iter().map(count));
        momentum.push(row);
    }
    let chart_ids = [
        "impact-cross-sector-ties",
        "impact-cross-country-ties",
        "impact-initiatives-forward",
        "impact-champions-active",
        "impact-events-held",
    ];
    let charts = chart_ids
        .iter()
        .zip(lines)
        .map(|(id, points)| {
            let title = t(id);
            let description = locale.t_args(
                "impact-chart-description",
                &[
                    ("what", title.clone()),
                    ("values", points.iter().map(|p| Unit::Count.format(p.1)).collect::<Vec<_>>().join(", ")),
                ],
            );
            let chart = LineChart {
                id: &format!("chart-{}", id.trim_start_matches("impact-")),
                title: &title,
                description: &description,
                unit: Unit::Count,
                series: vec![Series { points }],
                marks: Vec::new(),
            };
            let svg = Value::from_safe_string(chart.render(|ms| Quarter::of(ms).label(locale)));
            Chart { title, svg }
        })
        .collect();
    sections.push((
        Section {
            id: "momentum",
            title: t("impact-momentum"),
            note: Some(t("impact-momentum-note")),
            charts,
            tables: vec![],
        },
        vec![momentum],
    ));

    // Events.
    let quarter_of = |ms: i64| Quarter::of(ms);
    let mut kinds = Table::new("events-by-type", t("impact-events-by-type"), quarter_headers("impact-type-column"));
    by_quarter(
        &mut kinds,
        &quarters,
        held.iter().map(|e| (e.kind.clone(), quarter_of(e.starts_at))),
        |k| k.parse::<EventKind>().map_or_else(|_| k.to_string(), |k| locale.t(&format!("event-kind-{}", k.key()))),
        t("impact-total"),
    );
    let mut countries =
        Table::new("events-by-country", t("impact-events-by-country"), quarter_headers("impact-country-column"));
    by_quarter(
        &mut countries,
        &quarters,
        held.iter().map(|e| (e.country.clone(), quarter_of(e.starts_at))),
        |c| country_label(locale, Some(c)),
        t("impact-total"),
    );
    sections.push((
        Section { id: "events", title: t("impact-events"), note: None, charts: vec![], tables: vec![] },
        vec![kinds, countries],
    ));

    // Participants.
    let mut people: BTreeMap<&str, (Option<&str>, Option<&str>)> = BTreeMap::new();
    let mut sectors_at: BTreeMap<i64, BTreeSet<&str>> = BTreeMap::new();
    let mut countries_at: BTreeMap<i64, BTreeSet<&str>> = BTreeMap::new();
    for p in &parts {
        people.entry(&p.person).or_insert((p.sector.as_deref(), p.country.as_deref()));
        if let Some(s) = p.sector.as_deref() {
            sectors_at.entry(p.event_id).or_default().insert(s);
        }
        if let Some(c) = p.country.as_deref() {
            countries_at.entry(p.event_id).or_default().insert(c);
        }
    }
    let attended: BTreeSet<i64> = parts.iter().map(|p| p.event_id).collect();
    let mut mix = Table::new("mixing", t("impact-mixing"), vec![t("impact-measure-column"), t("impact-value-column")]);
    let mixed = |at: &BTreeMap<i64, BTreeSet<&str>>| at.values().filter(|s| s.len() > 1).count();
    mix.push(vec![Figure::Text(t("impact-events-held")), count(held.len())]);
    mix.push(vec![Figure::Text(t("impact-events-attended")), count(attended.len())]);
    mix.push(vec![Figure::Text(t("impact-participants")), count(people.len())]);
    mix.push(vec![Figure::Text(t("impact-participations")), count(parts.len())]);
    mix.push(vec![Figure::Text(t("impact-cross-sector-share")), share(mixed(&sectors_at), attended.len())]);
    mix.push(vec![Figure::Text(t("impact-cross-country-share")), share(mixed(&countries_at), attended.len())]);
    let headers = |first: &str| vec![t(first), t("impact-participants"), t("impact-share-column")];
    let mut by_sector =
        Table::new("participants-by-sector", t("impact-participants-by-sector"), headers("impact-sector-column"));
    people_by(&mut by_sector, &people, |p| p.0, |s| sector_label(locale, Some(s)), t("impact-not-given"));
    let mut by_country =
        Table::new("participants-by-country", t("impact-participants-by-country"), headers("impact-country-column"));
    people_by(&mut by_country, &people, |p| p.1, |c| country_label(locale, Some(c)), t("impact-not-given"));
    sections.push((
        Section {
            id: "participants",
            title: t("impact-participants-title"),
            note: Some(locale.t_args(
                "impact-participants-note",
                &[("days", crate::events::registration::VISITOR_RETENTION_DAYS.to_string())],
            )),
            charts: vec![],
            tables: vec![],
        },
        vec![mix, by_sector, by_country],
    ));

    // Champions.
    let mut latest: BTreeMap<i64, &measures::StageAt> = BTreeMap::new();
    for s in &stages {
        latest
            .entry(s.user_id)
            .and_modify(|l| {
                if s.at >= l.at {
                    *l = s
                }
            })
            .or_insert(s);
    }
    let mut champions = Table::new(
        "champions",
        t("impact-champions-by-stage"),
        vec![t("impact-stage-column"), t("impact-champions-now"), t("impact-champions-reached")],
    );
    for stage in ChampionStage::ALL {
        let now_at = latest.values().filter(|s| s.stage == stage.key()).count();
        let reached: BTreeSet<i64> = stages
            .iter()
            .filter(|s| s.stage == stage.key() && s.at >= from && s.at < until)
            .map(|s| s.user_id)
            .collect();
        champions.push(vec![
            Figure::Text(locale.t(&format!("stage-{}", stage.key()))),
            count(now_at),
            count(reached.len()),
        ]);
    }
    sections.push((
        Section { id: "champions", title: t("impact-champions"), note: None, charts: vec![], tables: vec![] },
        vec![champions],
    ));

    // Initiatives and indicators.
    let mut statuses = Table::new(
        "initiatives-by-status",
        t("impact-initiatives-by-status"),
        vec![t("impact-status-column"), t("impact-initiatives")],
    );
    let at_end = initiatives.status_on(&to_day);
    for status in InitiativeStatus::ALL {
        let n = at_end.get(status.key()).copied().unwrap_or(0);
        statuses.push(vec![Figure::Text(locale.t(&format!("initiative-status-{}", status.key()))), count(n)]);
    }
    statuses.push(vec![
        Figure::Text(t("impact-initiatives-forward")),
        count(initiatives.moved_forward(&from_day, &to_day)),
    ]);
    let mut targets = Table::new(
        "indicators",
        t("impact-indicators"),
        [
            "impact-initiative-column",
            "impact-indicator-column",
            "impact-unit-column",
            "impact-baseline-column",
            "impact-latest-column",
            "impact-measured-column",
            "impact-target-column",
            "impact-progress-column",
        ]
        .iter()
        .map(|id| t(id))
        .collect(),
    );
    for i in &indicators {
        let yes_no = i.kind == crate::vocab::IndicatorKind::YesNo.key();
        let latest = if yes_no {
            Figure::Text(i.latest.map_or_else(|| "–".into(), |v| t(if v >= 0.5 { "impact-yes" } else { "impact-no" })))
        } else {
            Figure::Number(i.latest)
        };
        let progress = match (i.baseline, i.target, i.latest) {
            _ if yes_no => Figure::Share(i.latest.map(|v| if v >= 0.5 { 1.0 } else { 0.0 })),
            (Some(b), Some(t), Some(v)) if (t - b).abs() > f64::EPSILON => Figure::Share(Some((v - b) / (t - b))),
            _ => Figure::Share(None),
        };
        targets.push(vec![
            Figure::Text(i.title.clone()),
            Figure::Text(i.name.clone()),
            Figure::Text(i.unit.clone()),
            Figure::Number(i.baseline),
            latest,
            Figure::Text(i.measured_on.clone().unwrap_or_default()),
            Figure::Number(i.target),
            progress,
        ]);
    }
    sections.push((
        Section { id: "initiatives", title: t("impact-initiatives"), note: None, charts: vec![], tables: vec![] },
        vec![statuses, targets],
    ));

    // The library.
    let mut per_resource: BTreeMap<i64, i64> = BTreeMap::new();
    for (id, _, n) in &downloads {
        *per_resource.entry(*id).or_default() += n;
    }
    let mut kinds = Table::new(
        "resources",
        t("impact-resources-by-type"),
        vec![t("impact-type-column"), t("impact-published"), t("impact-downloads")],
    );
    for kind in ResourceKind::ALL {
        let of_kind: Vec<&measures::Resource> = resources.iter().filter(|r| r.kind == kind.key()).collect();
        let published = of_kind.iter().filter(|r| r.created_at >= from && r.created_at < until).count();
        let fetched: i64 = of_kind.iter().filter_map(|r| per_resource.get(&r.id)).sum();
        kinds.push(vec![
            Figure::Text(locale.t(&format!("resource-type-{}", kind.key()))),
            count(published),
            Figure::Count(fetched),
        ]);
    }
    let mut top = Table::new(
        "downloads",
        t("impact-downloads-by-resource"),
        vec![t("impact-resource-column"), t("impact-type-column"), t("impact-downloads")],
    );
    let mut fetched: Vec<(&measures::Resource, i64)> =
        resources.iter().filter_map(|r| per_resource.get(&r.id).map(|n| (r, *n))).collect();
    fetched.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.title.to_lowercase().cmp(&b.0.title.to_lowercase())));
    for (r, n) in fetched {
        let kind = r
            .kind
            .parse::<ResourceKind>()
            .map_or_else(|_| r.kind.clone(), |k| locale.t(&format!("resource-type-{}", k.key())));
        top.push(vec![Figure::Text(r.title.clone()), Figure::Text(kind), Figure::Count(n)]);
    }
    sections.push((
        Section {
            id: "library",
            title: t("impact-library"),
            note: Some(t("impact-downloads-note")),
            charts: vec![],
            tables: vec![],
        },
        vec![kinds, top],
    ));

    // Questions to experts.
    let mut asked = Table::new(
        "questions",
        t("impact-questions"),
        vec![t("impact-quarter-column"), t("impact-asked"), t("impact-answered")],
    );
    for q in &quarters {
        let (a, b) = clip(*q, (from, until));
        let within = |ms: i64| ms >= a && ms < b;
        let n_asked = questions.iter().filter(|(at, _)| within(*at)).count();
        let n_answered = questions.iter().filter(|(_, done)| done.is_some_and(within)).count();
        asked.push(vec![Figure::Text(q.label(locale)), count(n_asked), count(n_answered)]);
    }
    sections.push((
        Section { id: "questions", title: t("impact-questions"), note: None, charts: vec![], tables: vec![] },
        vec![asked],
    ));
    Ok(sections)
}

fn sector_label(locale: Locale, key: Option<&str>) -> String {
    match key.and_then(|k| k.parse::<Sector>().ok()) {
        Some(s) => locale.t(&format!("sector-{}", s.key())),
        None => locale.t("impact-not-given"),
    }
}

fn country_label(locale: Locale, key: Option<&str>) -> String {
    match key.and_then(|k| k.parse::<Country>().ok()) {
        Some(c) => locale.t(&format!("country-{}", c.key())),
        None => locale.t("impact-not-given"),
    }
}

/// The dashboard.
pub(super) async fn page(
    State(state): State<AppState>,
    page: Page,
    _: Coordinator,
    Query(q): Query<PeriodQuery>,
) -> AppResult<Response> {
    let now = state.clock.now_ms();
    let (period, error) = match Period::parse(q.from.as_deref(), q.to.as_deref(), now) {
        Ok(p) => (p, None),
        Err(AppError::Invalid(m)) => (Period::default_at(now), Some(page.locale.t_args(m.id, &m.args))),
        Err(e) => return Err(e),
    };
    let sections: Vec<Section> = report(&state, Lens::Dashboard(page.viewer.clone()), page.locale, period)
        .await?
        .into_iter()
        .map(|(mut s, tables)| {
            s.tables = tables.iter().map(Table::view).collect();
            s
        })
        .collect();
    let (from, to) = period.days();
    let figures = super::figures::settings(&state.db).await?;
    let html = page.render(
        &state,
        "impact/dashboard.html",
        context! {
            sections, from, to, error,
            query => format!("from={from}&to={to}"),
            is_admin => page.viewer.is_admin(),
            published => figures,
        },
    )?;
    let status =
        if error.is_some() { axum::http::StatusCode::UNPROCESSABLE_ENTITY } else { axum::http::StatusCode::OK };
    Ok((status, html).into_response())
}

/// One table of the dashboard as CSV: a file, so counted as files are ([`Lens::File`]),
/// and its download recorded in the audit log.
pub(super) async fn download(
    State(state): State<AppState>,
    page: Page,
    Coordinator(user): Coordinator,
    ClientIp(ip): ClientIp,
    Path(key): Path<String>,
    Query(q): Query<PeriodQuery>,
) -> AppResult<Response> {
    let period = Period::parse(q.from.as_deref(), q.to.as_deref(), state.clock.now_ms())?;
    let table = report(&state, Lens::File(page.viewer.clone()), page.locale, period)
        .await?
        .into_iter()
        .flat_map(|(_, tables)| tables)
        .find(|t| t.key == key)
        .ok_or(AppError::NotFound)?;
    super::exported(&state.db, user.user_id, ip).await?;
    let (from, to) = period.days();
    table.sheet().download(Format::Csv, &format!("impact-{key}-{from}-{to}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_by_quarter_have_totals_both_ways() {
        let q1 = Quarter::parse("2026-Q1").unwrap();
        let q2 = q1.next();
        let mut t = Table::new("t", "T".into(), vec![]);
        let items = [("a", q1), ("b", q2), ("a", q2), ("a", q2)].map(|(k, q)| (k.to_string(), q));
        by_quarter(&mut t, &[q1, q2], items.into_iter(), |k| k.to_uppercase(), "Total".into());
        let shown: Vec<Vec<String>> = t.view().rows;
        assert_eq!(shown, vec![vec!["A", "1", "2", "3"], vec!["B", "0", "1", "1"], vec!["Total", "1", "3", "4"]]);
    }
}
