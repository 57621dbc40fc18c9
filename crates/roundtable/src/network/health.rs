//! The network's health, for coordinators: who the network reaches (by sector and country),
//! how well it bridges them (cross-sector and cross-country ties, E-I indices), how whole
//! it is (components, isolated members, communities), and how all that changes over time.
//!
//! Trends come from snapshots of [`Figures`] stored in `network_snapshots`: one a month,
//! taken by the housekeeping loop ([`take_scheduled`]), and any a coordinator takes by hand.
//! A snapshot keeps the figures as JSON rather than the network, so a trend outlives the
//! members and ties it was computed from, and says nothing about any one person.
//!
//! Every figure here is of the coordinators' network (everyone, at-risk members included),
//! which is why only coordinators and admins see the page and its lists of members.

use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};

use super::model::{self, Figures, Network};
use crate::db::{affected, now_ms, Db, Tx};
use crate::vocab::{Country, Sector};
use crate::web::svg::{self, LineChart, Series, Unit};
use crate::web::{AppError, AppResult, AppState, Coordinator, Form, Locale, Page};
use crate::{on_db, on_tx};

/// Trend charts show at most this many snapshots, the most recent: ten years of monthly
/// ones with room for the snapshots coordinators take by hand.
const TREND_SNAPSHOTS: i64 = 150;

/// E-I indices beyond ±this read as "mostly within" or "mostly across" groups; it is where
/// two ties in three are of one kind.
const EI_CLEAR: f64 = 1.0 / 3.0;

/// What started a snapshot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// The monthly one, taken by the housekeeping loop.
    Scheduled,
    /// Taken by a coordinator.
    Manual,
}

impl Trigger {
    pub fn key(self) -> &'static str {
        match self {
            Trigger::Scheduled => "scheduled",
            Trigger::Manual => "manual",
        }
    }
}

fn utc(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

/// The calendar month (UTC) of a moment, as scheduled snapshots name it: `2026-06`.
pub fn month_of(ms: i64) -> String {
    utc(ms).format("%Y-%m").to_string()
}

/// The first moment (unix ms, UTC) of the month `back` months before the month of `ms`.
pub fn month_start(ms: i64, back: u32) -> i64 {
    let d = utc(ms);
    let index = d.year() * 12 + d.month0() as i32 - back as i32;
    let first = NaiveDate::from_ymd_opt(index.div_euclid(12), index.rem_euclid(12) as u32 + 1, 1)
        .expect("the first of a month exists");
    first.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc().timestamp_millis()
}

/// Stores a snapshot; `month` only for scheduled ones, at most one per month (a unique
/// index), so that of several nodes taking it at once one stores it. Returns whether it
/// was stored.
pub async fn store(
    tx: &mut Tx,
    taken_at: i64,
    trigger: Trigger,
    month: Option<&str>,
    figures: &Figures,
) -> Result<bool, sqlx::Error> {
    let json = serde_json::to_string(figures).expect("figures serialise");
    let sql = "INSERT INTO network_snapshots (taken_at, trigger, month, figures) VALUES ($1, $2, $3, $4) \
               ON CONFLICT DO NOTHING";
    let n = on_tx!(tx, c => sqlx::query(sql).bind(taken_at).bind(trigger.key()).bind(month).bind(&json)
        .execute(&mut **c).await.map(affected))?;
    Ok(n == 1)
}

/// [`store`] in a transaction of its own.
async fn store_now(
    db: &Db,
    taken_at: i64,
    trigger: Trigger,
    month: Option<&str>,
    figures: &Figures,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    let stored = store(&mut tx, taken_at, trigger, month, figures).await?;
    tx.commit().await?;
    Ok(stored)
}

/// Takes this month's scheduled snapshot unless it exists already; returns whether it took
/// one. Cheap when it exists (one indexed read), so the housekeeping loop calls it often.
pub async fn take_scheduled(db: &Db, now: i64) -> Result<bool, sqlx::Error> {
    let month = month_of(now);
    let sql = "SELECT COUNT(*) FROM network_snapshots WHERE month = $1";
    let existing: i64 = on_db!(db, pool => sqlx::query_scalar(sql).bind(&month).fetch_one(pool).await)?;
    if existing > 0 {
        return Ok(false);
    }
    let views = model::compute(db, None).await?;
    store_now(db, now, Trigger::Scheduled, Some(&month), &views.coordinators.figures).await
}

/// Twelve monthly snapshots for the demo network, each computed from the network as it was
/// then (see [`model::compute`]): at the start of each of the eleven months before this
/// one, and now for this month, as the housekeeping loop takes it on its first run.
pub async fn seed_demo(db: &Db) -> Result<(), sqlx::Error> {
    let now = now_ms();
    for back in (0..12).rev() {
        let at = if back == 0 { now } else { month_start(now, back) };
        let views = model::compute(db, Some(at)).await?;
        store_now(db, at, Trigger::Scheduled, Some(&month_of(at)), &views.coordinators.figures).await?;
    }
    Ok(())
}

#[derive(sqlx::FromRow)]
struct SnapshotRow {
    taken_at: i64,
    trigger: String,
    figures: String,
}

/// A stored snapshot, read back.
struct Snapshot {
    taken_at: i64,
    manual: bool,
    figures: Figures,
}

/// The most recent snapshots, oldest first. A snapshot whose JSON no longer reads is left
/// out (and logged) rather than failing the page.
async fn snapshots(db: &Db) -> Result<Vec<Snapshot>, sqlx::Error> {
    let sql = "SELECT taken_at, trigger, figures FROM network_snapshots ORDER BY taken_at DESC, id DESC LIMIT $1";
    let rows: Vec<SnapshotRow> = on_db!(db, pool => sqlx::query_as(sql).bind(TREND_SNAPSHOTS).fetch_all(pool).await)?;
    let mut out: Vec<Snapshot> = rows
        .into_iter()
        .filter_map(|r| match serde_json::from_str(&r.figures) {
            Ok(figures) => Some(Snapshot { taken_at: r.taken_at, manual: r.trigger == "manual", figures }),
            Err(e) => {
                tracing::warn!(taken_at = r.taken_at, error = %e, "unreadable network snapshot skipped");
                None
            }
        })
        .collect();
    out.reverse();
    Ok(out)
}

// ---- words and dates ----------------------------------------------------------------------

/// `Jun 2026` (`มิ.ย. 2569` in Thai, with the Buddhist year).
fn month_label(locale: Locale, ms: i64) -> String {
    let d = utc(ms);
    let month = locale.t(&format!("health-month-{}", d.month()));
    locale.t_args("health-month-year", &[("month", month), ("year", d.year().to_string()), ("be", be(d.year()))])
}

/// `1 Jun 2026`.
fn day_label(locale: Locale, ms: i64) -> String {
    let d = utc(ms);
    let month = locale.t(&format!("health-month-{}", d.month()));
    locale.t_args(
        "health-date",
        &[("day", d.day().to_string()), ("month", month), ("year", d.year().to_string()), ("be", be(d.year()))],
    )
}

/// The Buddhist Era year, which Thai dates use.
fn be(year: i32) -> String {
    (year + 543).to_string()
}

fn sector_label(locale: Locale, key: &str) -> String {
    if key == "unknown" {
        locale.t("health-not-given")
    } else {
        locale.t(&format!("sector-{key}"))
    }
}

fn country_label(locale: Locale, key: &str) -> String {
    if key == "unknown" {
        locale.t("health-not-given")
    } else {
        locale.t(&format!("country-{key}"))
    }
}

/// What an E-I index says, in words: `health-ei-sector-within` and the like.
fn ei_reading(locale: Locale, by: &str, ei: Option<f64>) -> String {
    let reading = match ei {
        None => return locale.t("health-ei-unknown"),
        Some(v) if v <= -EI_CLEAR => "within",
        Some(v) if v >= EI_CLEAR => "across",
        Some(_) => "balanced",
    };
    locale.t(&format!("health-ei-{by}-{reading}"))
}

// ---- groups of members ----------------------------------------------------------------------

/// Node indices grouped by their label, largest group first (equal sizes by their first
/// member), so that group 1 is always the largest.
fn ranked(labels: impl Iterator<Item = usize>) -> Vec<Vec<usize>> {
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, label) in labels.enumerate() {
        groups.entry(label).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = groups.into_values().collect();
    groups.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    groups
}

fn components(net: &Network) -> Vec<Vec<usize>> {
    ranked(net.nodes.iter().map(|m| m.component))
}

fn communities(net: &Network) -> Vec<Vec<usize>> {
    ranked(net.nodes.iter().map(|m| m.community))
}

/// A list of members the page drills down into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Group {
    Isolated,
    /// Numbered by size from 1, as [`ranked`] orders them.
    Component(usize),
    Community(usize),
    /// `None`: the sector is not given (or not visible).
    Sector(Option<Sector>),
    Country(Option<Country>),
}

impl Group {
    /// The group a drill-down path names: `component/2`, `sector/police`, `country/unknown`.
    fn parse(kind: &str, key: &str) -> Option<Group> {
        let number = || key.parse::<usize>().ok().filter(|n| *n >= 1);
        fn known<T: std::str::FromStr>(key: &str) -> Option<Option<T>> {
            if key == "unknown" {
                Some(None)
            } else {
                key.parse().ok().map(Some)
            }
        }
        match kind {
            "component" => number().map(Group::Component),
            "community" => number().map(Group::Community),
            "sector" => known(key).map(Group::Sector),
            "country" => known(key).map(Group::Country),
            _ => None,
        }
    }

    /// The nodes of this group; `None` when there is no such group.
    fn members(self, net: &Network) -> Option<Vec<usize>> {
        let all = 0..net.people.len();
        match self {
            Group::Isolated => Some(all.filter(|&i| net.nodes[i].degree == 0).collect()),
            Group::Component(n) => components(net).into_iter().nth(n - 1),
            Group::Community(n) => communities(net).into_iter().nth(n - 1),
            Group::Sector(s) => Some(all.filter(|&i| net.people[i].sector == s).collect()),
            Group::Country(c) => Some(all.filter(|&i| net.people[i].country == c).collect()),
        }
    }

    fn title(self, locale: Locale) -> String {
        match self {
            Group::Isolated => locale.t("health-isolated-title"),
            Group::Component(n) => locale.t_args("health-component-title", &[("number", n.to_string())]),
            Group::Community(n) => locale.t_args("health-community-title", &[("number", n.to_string())]),
            Group::Sector(s) => locale
                .t_args("health-sector-title", &[("sector", sector_label(locale, s.map_or("unknown", Sector::key)))]),
            Group::Country(c) => locale.t_args(
                "health-country-title",
                &[("country", country_label(locale, c.map_or("unknown", Country::key)))],
            ),
        }
    }
}

/// One member in a drill-down list.
#[derive(Serialize)]
struct MemberRow {
    id: i64,
    name: String,
    sector: String,
    country: String,
    ties: usize,
    cross_sector: usize,
    cross_country: usize,
    at_risk: bool,
}

// ---- the page ---------------------------------------------------------------------------------

/// A row of a bar list: a label linking to its members (by key), the count and its bar.
#[derive(Serialize)]
struct BarRow {
    key: String,
    label: String,
    count: usize,
    bar: Value,
}

fn bar_rows(counts: &BTreeMap<String, usize>, label: impl Fn(&str) -> String) -> Vec<BarRow> {
    let max = counts.values().copied().max().unwrap_or(0) as f64;
    let mut rows: Vec<(&String, &usize)> = counts.iter().collect();
    // Largest first; "not given" last whatever its size, since it is not a group of its own.
    rows.sort_by_key(|(key, count)| (*key == "unknown", std::cmp::Reverse(**count), (*key).clone()));
    rows.into_iter()
        .map(|(key, &count)| BarRow {
            key: key.clone(),
            label: label(key),
            count,
            bar: Value::from_safe_string(svg::bar(count as f64, max)),
        })
        .collect()
}

/// A community, summed up by who is in it.
#[derive(Serialize)]
struct CommunityRow {
    number: usize,
    size: usize,
    /// The most common known sector and country, when there is one.
    sector: Option<String>,
    country: Option<String>,
}

fn most_common<T: Copy + Ord>(values: impl Iterator<Item = Option<T>>) -> Option<T> {
    let mut counts: BTreeMap<T, usize> = BTreeMap::new();
    for v in values.flatten() {
        *counts.entry(v).or_insert(0) += 1;
    }
    counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map(|(v, _)| v)
}

/// One trend chart with its legend (one entry per line, when there are several).
#[derive(Serialize)]
struct Trend {
    title: String,
    svg: Value,
    legend: Vec<String>,
}

/// A line of a trend: its name (a message id; empty when the chart has one line, named
/// by the chart's title) and how to read its value from figures.
type Line = (&'static str, fn(&Figures) -> Option<f64>);

/// The trend charts: key (of the ids `trend-KEY` and `health-trend-KEY`), unit and lines.
const TRENDS: [(&str, Unit, &[Line]); 7] = [
    ("members", Unit::Count, &[("", |f| Some(f.members as f64))]),
    ("ties", Unit::Count, &[("", |f| Some(f.ties as f64))]),
    ("cross-sector", Unit::Share, &[("", |f| f.cross_sector_share)]),
    ("cross-country", Unit::Share, &[("", |f| f.cross_country_share)]),
    ("isolated", Unit::Count, &[("", |f| Some(f.isolated as f64))]),
    ("components", Unit::Count, &[("", |f| Some(f.components as f64))]),
    ("ei", Unit::Index, &[("health-by-sector", |f| f.ei_sector), ("health-by-country", |f| f.ei_country)]),
];

fn trends(locale: Locale, snapshots: &[Snapshot]) -> Vec<Trend> {
    TRENDS
        .into_iter()
        .map(|(key, unit, lines)| {
            let title = locale.t(&format!("health-trend-{key}"));
            let series: Vec<Series> = lines
                .iter()
                .map(|(_, read)| Series {
                    points: snapshots.iter().filter_map(|s| read(&s.figures).map(|v| (s.taken_at, v))).collect(),
                })
                .collect();
            let names: Vec<String> =
                lines.iter().map(|(name, _)| if name.is_empty() { title.clone() } else { locale.t(name) }).collect();
            let description = describe(locale, unit, &names, &series);
            let chart = LineChart {
                id: &format!("trend-{key}"),
                title: &title,
                description: &description,
                unit,
                series,
                marks: Vec::new(),
            };
            let svg = Value::from_safe_string(chart.render(|t| month_label(locale, t)));
            let legend = if names.len() > 1 { names } else { Vec::new() };
            Trend { title, svg, legend }
        })
        .collect()
}

/// The words a screen reader says for a chart: each line's first and last value.
fn describe(locale: Locale, unit: Unit, names: &[String], series: &[Series]) -> String {
    let parts: Vec<String> = names
        .iter()
        .zip(series)
        .filter_map(|(name, s)| {
            let (first, last) = (s.points.first()?, s.points.last()?);
            Some(locale.t_args(
                "health-trend-change",
                &[
                    ("series", name.clone()),
                    ("first", unit.format(first.1)),
                    ("from", day_label(locale, first.0)),
                    ("last", unit.format(last.1)),
                    ("to", day_label(locale, last.0)),
                ],
            ))
        })
        .collect();
    if parts.is_empty() {
        locale.t("health-trend-no-data")
    } else {
        parts.join(" ")
    }
}

/// A row of the table that gives every trend's numbers.
#[derive(Serialize)]
struct SnapshotView {
    date: String,
    manual: bool,
    members: usize,
    ties: usize,
    cross_sector: String,
    cross_country: String,
    isolated: usize,
    components: usize,
    ei_sector: String,
    ei_country: String,
}

fn optional(unit: Unit, v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_string(), |v| unit.format(v))
}

#[derive(Deserialize)]
pub struct DoneQuery {
    done: Option<String>,
}

/// The health page.
pub async fn page(
    State(state): State<AppState>,
    page: Page,
    _: Coordinator,
    Query(q): Query<DoneQuery>,
) -> AppResult<Html<String>> {
    let views = crate::network::cache(&state).get(&state.db).await?;
    let net = &views.coordinators;
    let f = &net.figures;
    let locale = page.locale;

    let component_rows: Vec<Value> = components(net)
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, nodes)| nodes.len() > 1)
        .map(|(i, nodes)| context! { number => i + 1, size => nodes.len() })
        .collect();
    let community_rows: Vec<CommunityRow> = communities(net)
        .iter()
        .enumerate()
        .map(|(i, nodes)| CommunityRow {
            number: i + 1,
            size: nodes.len(),
            sector: most_common(nodes.iter().map(|&n| net.people[n].sector)).map(|s| sector_label(locale, s.key())),
            country: most_common(nodes.iter().map(|&n| net.people[n].country)).map(|c| country_label(locale, c.key())),
        })
        // A community of one is a member without ties, listed as such.
        .filter(|c| c.size > 1)
        .collect();

    let stored = snapshots(&state.db).await?;
    let table: Vec<SnapshotView> = stored
        .iter()
        .rev()
        .map(|s| SnapshotView {
            date: day_label(locale, s.taken_at),
            manual: s.manual,
            members: s.figures.members,
            ties: s.figures.ties,
            cross_sector: optional(Unit::Share, s.figures.cross_sector_share),
            cross_country: optional(Unit::Share, s.figures.cross_country_share),
            isolated: s.figures.isolated,
            components: s.figures.components,
            ei_sector: optional(Unit::Index, s.figures.ei_sector),
            ei_country: optional(Unit::Index, s.figures.ei_country),
        })
        .collect();
    let done = q.done.filter(|d| d == "snapshot").map(|_| page.t("health-snapshot-taken"));
    let largest_share = if f.members > 0 { f.largest_component as f64 / f.members as f64 } else { 0.0 };

    page.render(
        &state,
        "network/health.html",
        context! {
            done,
            figures => f.clone(),
            computed_at => day_label(locale, views.computed_at),
            density => format!("{:.3}", f.density),
            modularity => format!("{:.2}", f.modularity),
            largest_share => Unit::Share.format(largest_share),
            cross_sector => optional(Unit::Share, f.cross_sector_share),
            cross_country => optional(Unit::Share, f.cross_country_share),
            ei_sector => optional(Unit::Index, f.ei_sector),
            ei_country => optional(Unit::Index, f.ei_country),
            ei_sector_reading => ei_reading(locale, "sector", f.ei_sector),
            ei_country_reading => ei_reading(locale, "country", f.ei_country),
            sectors => bar_rows(&f.by_sector, |k| sector_label(locale, k)),
            countries => bar_rows(&f.by_country, |k| country_label(locale, k)),
            components => component_rows,
            communities => community_rows,
            trends => if stored.is_empty() { Vec::new() } else { trends(locale, &stored) },
            snapshots => table,
        },
    )
}

/// The members of one group the page counts, linked to their profiles.
pub async fn group(
    State(state): State<AppState>,
    page: Page,
    _: Coordinator,
    Path((kind, key)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    let group = Group::parse(&kind, &key).ok_or(AppError::NotFound)?;
    members_page(&state, &page, group).await
}

pub async fn isolated(State(state): State<AppState>, page: Page, _: Coordinator) -> AppResult<Html<String>> {
    members_page(&state, &page, Group::Isolated).await
}

async fn members_page(state: &AppState, page: &Page, group: Group) -> AppResult<Html<String>> {
    let views = crate::network::cache(state).get(&state.db).await?;
    let net = &views.coordinators;
    let mut nodes = group.members(net).ok_or(AppError::NotFound)?;
    nodes.sort_by_cached_key(|&i| (std::cmp::Reverse(net.nodes[i].degree), net.people[i].name.to_lowercase()));
    let locale = page.locale;
    let members: Vec<MemberRow> = nodes
        .iter()
        .map(|&i| {
            let (p, m) = (&net.people[i], &net.nodes[i]);
            MemberRow {
                id: p.id,
                name: p.name.clone(),
                sector: sector_label(locale, p.sector.map_or("unknown", Sector::key)),
                country: country_label(locale, p.country.map_or("unknown", Country::key)),
                ties: m.degree,
                cross_sector: m.cross_sector,
                cross_country: m.cross_country,
                at_risk: p.at_risk,
            }
        })
        .collect();
    page.render(state, "network/health_group.html", context! { title => group.title(locale), members })
}

/// Snapshots one coordinator may take by hand in a day: trends show the most recent
/// [`TREND_SNAPSHOTS`], which a flood of them would push out.
pub const SNAPSHOTS: crate::web::limits::Logged =
    crate::web::limits::Logged { action: "health_snapshot", max: 10, window_ms: crate::web::limits::DAY };

/// Takes a snapshot now, at a coordinator's request.
pub async fn take(
    State(state): State<AppState>,
    Coordinator(user): Coordinator,
    Form(_): Form<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    let views = crate::network::cache(&state).get(&state.db).await?;
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    SNAPSHOTS.check_and_log(&mut tx, user.user_id, now).await?;
    store(&mut tx, now, Trigger::Manual, None, &views.coordinators.figures).await?;
    tx.commit().await?;
    Ok(Redirect::to("/network/health?done=snapshot#trends").into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_counted_back_across_years() {
        let mid_march_2026 = 1_773_835_200_000; // 2026-03-18 12:00 UTC
        assert_eq!(month_of(mid_march_2026), "2026-03");
        assert_eq!(month_of(month_start(mid_march_2026, 0)), "2026-03");
        assert_eq!(utc(month_start(mid_march_2026, 0)).format("%Y-%m-%d %H:%M").to_string(), "2026-03-01 00:00");
        assert_eq!(month_of(month_start(mid_march_2026, 3)), "2025-12");
        assert_eq!(month_of(month_start(mid_march_2026, 14)), "2025-01");
        assert_eq!(month_of(month_start(mid_march_2026, 15)), "2024-12");
    }

    #[test]
    fn groups_rank_largest_first_and_parse_from_paths() {
        let groups = ranked([3, 1, 3, 2, 1, 3].into_iter());
        assert_eq!(groups, vec![vec![0, 2, 5], vec![1, 4], vec![3]]);
        assert_eq!(Group::parse("component", "2"), Some(Group::Component(2)));
        assert_eq!(Group::parse("community", "0"), None);
        assert_eq!(Group::parse("sector", "police"), Some(Group::Sector(Some(Sector::Police))));
        assert_eq!(Group::parse("country", "unknown"), Some(Group::Country(None)));
        assert_eq!(Group::parse("country", "XX"), None);
        assert_eq!(Group::parse("planet", "1"), None);
    }

    #[test]
    fn ei_readings_have_three_bands() {
        let l = Locale::En;
        assert_eq!(ei_reading(l, "sector", Some(-0.5)), l.t("health-ei-sector-within"));
        assert_eq!(ei_reading(l, "sector", Some(0.0)), l.t("health-ei-sector-balanced"));
        assert_eq!(ei_reading(l, "country", Some(0.6)), l.t("health-ei-country-across"));
        assert_eq!(ei_reading(l, "country", None), l.t("health-ei-unknown"));
    }

    #[test]
    fn dates_read_in_each_language() {
        let june = 1_780_272_000_000; // 2026-06-01 00:00 UTC
        assert_eq!(month_label(Locale::En, june), "Jun 2026");
        assert_eq!(day_label(Locale::En, june), "1 Jun 2026");
        assert!(month_label(Locale::Th, june).ends_with("2569"), "{}", month_label(Locale::Th, june));
    }
}
