//! The network map: the viewer's network drawn as SVG on the server, laid out by
//! ForceAtlas2 ([`Network::layout`]), coloured by sector and sized by PageRank.
//!
//! The map is of the viewer's scope, so a member's map is drawn from the members' network,
//! in which at-risk members and their ties do not exist: they are not hidden on the map,
//! they were never on it. A name appears only as far as the scope shows it.
//!
//! Filters highlight matching members and their ties and dim the rest, keeping every
//! position, so that one map can be compared with another. The page needs no script; an
//! optional one (`static/map.js`) adds pan and zoom.
//!
//! The markup is kept small, since a national network has hundreds of members: integer
//! coordinates on an 800-unit-wide canvas, ties merged into one path per weight class,
//! colours and sizes of text in the stylesheet rather than on every element.

use std::fmt::Write;

use axum::extract::{Query, State};
use axum::response::Html;
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};

use super::model::{Network, Person, Scope};
use crate::vocab::{Country, Sector};
use crate::web::svg::esc;
use crate::web::{assets, AppError, AppResult, AppState, Locale, Page, SignedIn};

/// Width of the canvas in SVG units; the height follows the shape of the layout.
const WIDTH: f64 = 800.0;
/// Room around the drawing, for the largest nodes and for labels.
const MARGIN: f64 = 40.0;
/// Node radii: the least central member and the most central one.
const R_MIN: f64 = 3.5;
const R_MAX: f64 = 16.0;
/// How many of the most central (highlighted) members are named on the map itself, at
/// most, and among how many of the most central a place for a name is looked for; every
/// node carries its name as a tooltip.
const LABELS: usize = 12;
const LABEL_CANDIDATES: usize = 40;
/// Size of a label in SVG units, as the stylesheet sets it (`.map text`), and the width of
/// an average character, to keep labels from covering each other.
const LABEL_HEIGHT: f64 = 18.0;
const CHAR_WIDTH: f64 = 8.5;
/// Names longer than this are shortened on the map (not in tooltips).
const LABEL_CHARS: usize = 24;
/// Tie weights (see [`super::sources`]) from which a tie is drawn as medium and as strong.
const TIE_CLASSES: [f64; 2] = [0.5, 1.2];
/// How many of the most central members the list under the map names.
const CENTRAL_LIST: usize = 20;

#[derive(Deserialize, Default)]
pub struct MapQuery {
    country: Option<String>,
    sector: Option<String>,
}

/// Which members the map highlights. Parsed from the query: an unknown value is an error
/// (422), not an empty highlight.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Highlight {
    pub country: Option<Country>,
    pub sector: Option<Sector>,
}

impl Highlight {
    fn parse(q: &MapQuery) -> AppResult<Highlight> {
        fn opt<T: std::str::FromStr<Err = AppError>>(v: &Option<String>) -> AppResult<Option<T>> {
            match v.as_deref().map(str::trim) {
                None | Some("") => Ok(None),
                Some(s) => s.parse().map(Some),
            }
        }
        Ok(Highlight { country: opt(&q.country)?, sector: opt(&q.sector)? })
    }

    fn active(self) -> bool {
        self.country.is_some() || self.sector.is_some()
    }

    /// Whether a member is highlighted: every member when nothing is chosen. A field the
    /// scope does not show never matches.
    pub fn matches(self, p: &Person) -> bool {
        self.country.is_none_or(|c| p.country == Some(c)) && self.sector.is_none_or(|s| p.sector == Some(s))
    }
}

/// The stylesheet class of a sector's colour: `s0`…`s9` in the order of [`Sector::ALL`],
/// `su` when not given.
fn sector_class(sector: Option<Sector>) -> String {
    match sector.and_then(|s| Sector::ALL.iter().position(|x| *x == s)) {
        Some(i) => format!("s{i}"),
        None => "su".to_string(),
    }
}

fn sector_label(locale: Locale, sector: Option<Sector>) -> String {
    sector.map_or_else(|| locale.t("health-not-given"), |s| locale.t(&format!("sector-{}", s.key())))
}

/// A name shortened for a label, on a character boundary.
fn short(name: &str) -> String {
    if name.chars().count() <= LABEL_CHARS {
        name.to_string()
    } else {
        name.chars().take(LABEL_CHARS - 1).chain(['…']).collect()
    }
}

/// Node radii by PageRank, from [`R_MIN`] for the lowest to [`R_MAX`] for the highest, the
/// area growing in proportion between them (PageRank varies little in a network where
/// everyone has a few ties; scaling from zero would draw everyone about the same size).
fn radii(net: &Network) -> Vec<f64> {
    let (lo, hi) =
        net.nodes.iter().fold((f64::INFINITY, 0.0f64), |(lo, hi), m| (lo.min(m.pagerank), hi.max(m.pagerank)));
    net.nodes
        .iter()
        .map(|m| {
            let area = if hi > lo { (m.pagerank - lo) / (hi - lo) } else { 0.5 };
            (R_MIN * R_MIN + (R_MAX * R_MAX - R_MIN * R_MIN) * area).sqrt()
        })
        .collect()
}

/// A label's box: left, top, right, bottom.
type Rect = (f64, f64, f64, f64);

fn overlaps(a: Rect, b: Rect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// Where the label of node `i` goes: to the right of the node, else to its left, where it
/// neither leaves the canvas nor covers a label placed before; `None` when neither side is
/// free. Returns the label's anchor and whether it is anchored at its end.
fn label_place(at: (i64, i64), r: f64, chars: usize, width: f64, placed: &[Rect]) -> Option<(i64, i64, bool)> {
    let (x, y) = (at.0 as f64, at.1 as f64);
    let (w, gap) = (chars as f64 * CHAR_WIDTH, r + 3.0);
    let (top, bottom) = (y - LABEL_HEIGHT / 2.0, y + LABEL_HEIGHT / 2.0);
    [(x + gap, x + gap + w, false), (x - gap - w, x - gap, true)]
        .into_iter()
        .find(|&(left, right, _)| {
            left >= 0.0 && right <= width && placed.iter().all(|p| !overlaps(*p, (left, top, right, bottom)))
        })
        .map(|(left, right, end)| {
            let anchor = if end { right } else { left };
            (anchor.round() as i64, (y + 5.0).round() as i64, end)
        })
}

/// Nodes by PageRank, highest first (ties by index, so the order is stable).
fn by_centrality(net: &Network, keep: impl Fn(usize) -> bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..net.people.len()).filter(|&i| keep(i)).collect();
    order.sort_by(|&a, &b| net.nodes[b].pagerank.total_cmp(&net.nodes[a].pagerank).then(a.cmp(&b)));
    order
}

/// The layout placed on the canvas: integer positions, and the canvas height.
fn place(layout: &[(f64, f64)]) -> (Vec<(i64, i64)>, f64) {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
    for &(x, y) in layout {
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    let inner = WIDTH - 2.0 * MARGIN;
    let span = (x1 - x0).max(y1 - y0);
    let scale = if span > 0.0 { inner / span } else { 0.0 };
    // A flat or single-node layout still gets a canvas a third as high as it is wide.
    let height = ((y1 - y0) * scale).max(inner / 3.0);
    let (dx, dy) = ((inner - (x1 - x0) * scale) / 2.0, (height - (y1 - y0) * scale) / 2.0);
    let at = layout
        .iter()
        .map(|&(x, y)| {
            ((MARGIN + dx + (x - x0) * scale).round() as i64, (MARGIN + dy + (y - y0) * scale).round() as i64)
        })
        .collect();
    (at, (height + 2.0 * MARGIN).round())
}

/// The map of `net` as an `<svg>` element, with `highlight` applied and text in `locale`.
pub fn render(net: &Network, highlight: Highlight, locale: Locale) -> String {
    let (at, height) = place(net.layout());
    let r = radii(net);
    let lit: Vec<bool> = net.people.iter().map(|p| highlight.matches(p)).collect();
    let mut s = String::with_capacity(256 + net.people.len() * 120 + net.ties.len() * 16);
    let _ = write!(
        s,
        r#"<svg class="map" viewBox="0 0 {WIDTH} {height}" role="group" aria-labelledby="map-t"><title id="map-t">{}</title>"#,
        esc(&locale.t("map-svg-title"))
    );

    // Ties: one path per weight class, highlighted (0) or dimmed (1); dimmed ones drawn
    // first so that highlighted ones lie on top.
    let mut paths: [[String; 3]; 2] = Default::default();
    for t in &net.ties {
        let class = TIE_CLASSES.iter().filter(|w| t.weight >= **w).count();
        let dim = usize::from(!(lit[t.a] || lit[t.b]));
        let ((xa, ya), (xb, yb)) = (at[t.a], at[t.b]);
        let _ = write!(paths[dim][class], "M{xa} {ya}L{xb} {yb}");
    }
    for (dim, row) in paths.iter().enumerate().rev() {
        for (class, d) in row.iter().enumerate().filter(|(_, d)| !d.is_empty()) {
            let extra = if dim == 0 { "" } else { " d" };
            let _ = write!(s, r#"<path class="t{class}{extra}" d="{d}"/>"#);
        }
    }

    // Nodes: dimmed first, and within each, larger first, so small nodes stay clickable.
    let mut order: Vec<usize> = (0..net.people.len()).collect();
    order.sort_by(|&a, &b| lit[a].cmp(&lit[b]).then(r[b].total_cmp(&r[a])).then(a.cmp(&b)));
    for i in order {
        let p = &net.people[i];
        let mut title = format!("{} · {}", p.name, sector_label(locale, p.sector));
        if let Some(c) = p.country {
            let _ = write!(title, " · {}", locale.t(&format!("country-{}", c.key())));
        }
        if p.at_risk {
            let _ = write!(title, " · {}", locale.t("profile-at-risk-badge"));
        }
        let class = format!(
            "{}{}{}",
            sector_class(p.sector),
            if p.at_risk { " r" } else { "" },
            if lit[i] { "" } else { " d" }
        );
        let (x, y) = at[i];
        let _ = write!(
            s,
            r#"<a href="/members/{}" class="{class}"><title>{}</title><circle cx="{x}" cy="{y}" r="{}"/></a>"#,
            p.id,
            esc(&title),
            r[i].round()
        );
    }

    // Labels of the most central highlighted members, where they cover no other label.
    let mut placed: Vec<Rect> = Vec::new();
    for i in by_centrality(net, |i| lit[i]).into_iter().take(LABEL_CANDIDATES) {
        if placed.len() == LABELS {
            break;
        }
        let name = short(&net.people[i].name);
        let chars = name.chars().count();
        let Some((x, y, end)) = label_place(at[i], r[i], chars, WIDTH, &placed) else { continue };
        let w = chars as f64 * CHAR_WIDTH;
        let left = if end { x as f64 - w } else { x as f64 };
        placed.push((left, y as f64 - 5.0 - LABEL_HEIGHT / 2.0, left + w, y as f64 - 5.0 + LABEL_HEIGHT / 2.0));
        let class = if end { "n e" } else { "n" };
        let _ = write!(s, r#"<text class="{class}" x="{x}" y="{y}">{}</text>"#, esc(&name));
    }
    s.push_str("</svg>");
    s
}

/// One entry of the colour legend.
#[derive(Serialize)]
struct LegendEntry {
    class: String,
    label: String,
    count: usize,
}

/// One of the most central members, as the list under the map shows them.
#[derive(Serialize)]
struct Central {
    id: i64,
    name: String,
    sector: String,
    ties: usize,
}

pub async fn page(
    State(state): State<AppState>,
    page: Page,
    SignedIn(_): SignedIn,
    Query(q): Query<MapQuery>,
) -> AppResult<Html<String>> {
    let highlight = Highlight::parse(&q)?;
    let scope = Scope::of(&page.viewer).ok_or(AppError::SignInRequired)?;
    let views = crate::network::cache(&state).get(&state.db).await?;
    let locale = page.locale;
    // The layout is computed on first use: milliseconds for hundreds of members, seconds for
    // many thousands, so not on the threads that serve requests.
    let started = std::time::Instant::now();
    let svg = tokio::task::spawn_blocking({
        let views = views.clone();
        move || render(views.scope(scope), highlight, locale)
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))?;
    let net = views.scope(scope);
    tracing::debug!(
        members = net.people.len(),
        bytes = svg.len(),
        us = started.elapsed().as_micros() as u64,
        "map drawn"
    );

    let mut legend: Vec<LegendEntry> = Sector::ALL
        .iter()
        .map(|s| Some(*s))
        .chain([None])
        .map(|s| LegendEntry {
            class: sector_class(s),
            label: sector_label(locale, s),
            count: net.people.iter().filter(|p| p.sector == s).count(),
        })
        .collect();
    legend.retain(|e| e.count > 0);
    let central: Vec<Central> = by_centrality(net, |i| highlight.matches(&net.people[i]))
        .into_iter()
        .take(CENTRAL_LIST)
        .map(|i| Central {
            id: net.people[i].id,
            name: net.people[i].name.clone(),
            sector: sector_label(locale, net.people[i].sector),
            ties: net.nodes[i].degree,
        })
        .collect();
    let matching = net.people.iter().filter(|p| highlight.matches(p)).count();
    let countries: Vec<&str> = net.figures.by_country.keys().map(String::as_str).filter(|k| *k != "unknown").collect();

    page.render(
        &state,
        "network/map.html",
        context! {
            svg => Value::from_safe_string(svg),
            script => assets::map_js_url(),
            members => net.people.len(),
            ties => net.ties.len(),
            matching,
            active => highlight.active(),
            selected => context! {
                country => highlight.country.map(Country::key).unwrap_or_default(),
                sector => highlight.sector.map(Sector::key).unwrap_or_default(),
            },
            sectors => Sector::keys(),
            countries,
            legend,
            central,
            everyone => page.viewer.is_coordinator(),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placement_keeps_the_shape_inside_the_margins() {
        let (at, height) = place(&[(0.0, 0.25), (1.0, 0.75), (0.5, 0.5)]);
        assert_eq!(at, vec![(40, 40), (760, 400), (400, 220)]);
        assert_eq!(height, 440.0);
        let (one, height) = place(&[(0.5, 0.5)]);
        assert_eq!(one, vec![(400, 40 + 120)]);
        assert_eq!(height, 320.0);
        assert_eq!(place(&[]).0, vec![]);
    }

    #[test]
    fn labels_go_where_they_cover_no_other_label_nor_leave_the_canvas() {
        // Room on the right: the label starts just right of the node.
        assert_eq!(label_place((100, 100), 5.0, 4, WIDTH, &[]), Some((108, 105, false)));
        // Near the right edge, it ends left of the node instead.
        assert_eq!(label_place((780, 100), 5.0, 4, WIDTH, &[]), Some((772, 105, true)));
        // Both sides taken: no label.
        let taken = [(0.0, 90.0, 800.0, 110.0)];
        assert_eq!(label_place((400, 100), 5.0, 4, WIDTH, &taken), None);
        // A label above is no obstacle.
        assert!(label_place((400, 100), 5.0, 4, WIDTH, &[(0.0, 60.0, 800.0, 85.0)]).is_some());
    }

    #[test]
    fn labels_are_shortened_on_a_character_boundary() {
        assert_eq!(short("Ana"), "Ana");
        let thai = "สมชาย".repeat(10);
        let s = short(&thai);
        assert_eq!(s.chars().count(), LABEL_CHARS);
        assert!(s.ends_with('…'));
    }

    #[test]
    fn sectors_have_stable_colour_classes() {
        assert_eq!(sector_class(Some(Sector::Police)), "s0");
        assert_eq!(sector_class(Some(Sector::Other)), "s9");
        assert_eq!(sector_class(None), "su");
    }

    #[test]
    fn highlight_parses_or_refuses() {
        let q = MapQuery { country: Some("TH".into()), sector: Some(" ".into()) };
        assert_eq!(Highlight::parse(&q).unwrap(), Highlight { country: Some(Country::Th), sector: None });
        let bad = MapQuery { country: Some("Atlantis".into()), sector: None };
        assert!(matches!(Highlight::parse(&bad), Err(AppError::Invalid(_))));
        assert!(!Highlight::default().active());
    }
}
