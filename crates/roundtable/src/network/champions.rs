//! Champion identification and champions' paths, for coordinators and admins only.
//!
//! The ranking is meant to be read, not obeyed. A candidate's score (0–100) is a weighted
//! sum of four parts a coordinator can check, each a percentile rank within the whole
//! network (the share of members with a strictly lower value), so that measures on
//! different scales — a betweenness of 0.03, nine endorsements — can be added:
//!
//! * influence ([`WEIGHTS`]: 25 %): eigenvector centrality and PageRank, averaged — being
//!   tied to people who are well tied themselves;
//! * brokerage (40 %): betweenness; liaison and representative roles with sector and with
//!   country as the groups; and ties across sectors and countries, averaged. Bridging
//!   sectors and countries is what the network exists for, so it weighs most;
//! * activity (15 %): ties recorded, introductions that led to a tie, and endorsements
//!   given, in the last twelve months;
//! * endorsements (20 %): how many peers vouch for the member's expertise.
//!
//! Each candidate also gets one to three reasons in words, the strongest first. The
//! ranking reads the coordinators' network (every member, with the fields coordinators may
//! see), so at-risk members are ranked too; nobody but coordinators and admins ever sees
//! it. Coordinators and admins themselves run the network and are not ranked.
//!
//! A champion's path (candidate → approached → active → alumni) is a row in `champions`
//! and a dated timeline in `champion_notes`: one note per stage change, per note and per
//! support given. Stage changes are audited.

use std::collections::{BTreeMap, HashMap};

use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use minijinja::context;
use serde::{Deserialize, Serialize};
use sna::Graph;

use super::model::{Network, NodeMetrics, Person};
use crate::audit::{self, Entry};
use crate::db::{affected, now_ms, Arg, Args, Db, Tx};
use crate::vocab::{ChampionStage, Country, Role, Sector, Support};
use crate::web::{page_number, AppError, AppResult, AppState, ClientIp, Coordinator, Form, Locale, Page, Viewer};
use crate::{bind_args, on_db, on_tx};

/// How much each part weighs in the score; the weights sum to 1.
pub const WEIGHTS: Parts = Parts { influence: 0.25, brokerage: 0.40, activity: 0.15, endorsements: 0.20 };

/// Activity counts over the last year.
const ACTIVITY_WINDOW_MS: i64 = 365 * 86_400_000;

/// Candidates per page of the ranking.
pub const PAGE_SIZE: usize = 25;

/// Longest note on a champion's path, in characters.
pub const MAX_NOTE: usize = 2000;

/// A reason is given when its measure is at least this percentile, or when it is the best
/// the candidate has.
const STRONG: f64 = 0.5;

/// The four parts of a score, each a percentile rank in `[0, 1]` (in [`WEIGHTS`], a weight).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Parts {
    pub influence: f64,
    pub brokerage: f64,
    pub activity: f64,
    pub endorsements: f64,
}

impl Parts {
    /// The score, 0–100.
    pub fn score(&self) -> f64 {
        100.0
            * (WEIGHTS.influence * self.influence
                + WEIGHTS.brokerage * self.brokerage
                + WEIGHTS.activity * self.activity
                + WEIGHTS.endorsements * self.endorsements)
    }

    /// As whole percentages, for pages.
    fn percent(&self) -> [u32; 4] {
        [self.influence, self.brokerage, self.activity, self.endorsements].map(|p| (p * 100.0).round() as u32)
    }
}

/// What the database knows of a member besides the network: role, stage on the path,
/// peers who endorse them, and their activity of the last year.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    pub role: Option<Role>,
    pub stage: Option<ChampionStage>,
    pub endorsers: i64,
    pub actions: i64,
    /// Initiatives under way (planned, active or paused) that they lead or are the focal
    /// point of, outside secret groups: coordinators outside a group do not learn of its
    /// initiatives through the ranking.
    pub initiatives: i64,
}

/// What leading an initiative weighs in activity, in single actions (a tie recorded, an
/// endorsement given): months of sustained work between institutions, not one gesture.
const INITIATIVE_ACTIONS: i64 = 3;

#[derive(sqlx::FromRow)]
struct FactsRow {
    id: i64,
    role: String,
    stage: Option<String>,
    endorsers: i64,
    actions: i64,
    initiatives: i64,
}

/// The facts of every active member, in one query.
pub async fn facts(db: &Db, now: i64) -> Result<HashMap<i64, Facts>, sqlx::Error> {
    // Introductions count for both people and for whoever introduced them; ties made by an
    // introduction are counted there, not again as recorded ties.
    let accepted = "a_answer = 'accepted' AND b_answer = 'accepted' AND closed_at >= $1";
    let sql = format!(
        "SELECT u.id, u.role, c.stage, COALESCE(en.n, 0) AS endorsers, \
                COALESCE(tr.n, 0) + COALESCE(eg.n, 0) + COALESCE(ia.n, 0) AS actions, COALESCE(li.n, 0) AS initiatives \
         FROM users u \
         LEFT JOIN champions c ON c.user_id = u.id \
         LEFT JOIN (SELECT e.member_id AS id, COUNT(DISTINCT e.endorser_id) AS n FROM endorsements e \
                    JOIN users x ON x.id = e.endorser_id WHERE x.active GROUP BY e.member_id) en ON en.id = u.id \
         LEFT JOIN (SELECT recorded_by AS id, COUNT(*) AS n FROM ties \
                    WHERE source = 'recorded' AND created_at >= $1 GROUP BY recorded_by) tr ON tr.id = u.id \
         LEFT JOIN (SELECT endorser_id AS id, COUNT(*) AS n FROM endorsements \
                    WHERE created_at >= $1 GROUP BY endorser_id) eg ON eg.id = u.id \
         LEFT JOIN (SELECT p.id, COUNT(*) AS n FROM ( \
                        SELECT a_id AS id FROM introductions WHERE {accepted} \
                        UNION ALL SELECT b_id FROM introductions WHERE {accepted} \
                        UNION ALL SELECT introducer_id FROM introductions WHERE {accepted} \
                            AND introducer_id <> a_id AND introducer_id <> b_id) p \
                    GROUP BY p.id) ia ON ia.id = u.id \
         LEFT JOIN (SELECT ip.user_id AS id, COUNT(*) AS n FROM initiative_people ip \
                    JOIN initiatives i ON i.id = ip.initiative_id WHERE ip.role IN ('lead', 'focal_point') \
                    AND i.status IN ('planned', 'active', 'paused') AND {outside} GROUP BY ip.user_id) li \
                    ON li.id = u.id \
         WHERE u.active",
        outside = crate::initiatives::access::outside_secret_groups_sql("i")
    );
    let since = now - ACTIVITY_WINDOW_MS;
    let rows: Vec<FactsRow> = on_db!(db, pool => sqlx::query_as(&sql).bind(since).fetch_all(pool).await)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let facts = Facts {
                role: r.role.parse().ok(),
                stage: r.stage.and_then(|s| s.parse().ok()),
                endorsers: r.endorsers,
                actions: r.actions,
                initiatives: r.initiatives,
            };
            (r.id, facts)
        })
        .collect())
}

/// One reason a candidate ranks where they do, with its numbers and the groups it names.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// Ties to members of another sector: `other`, the one most of them are in, and `ties`,
    /// how many are to it; `country` when the member and all of those are in it.
    BridgesSectors {
        sector: Sector,
        other: Sector,
        country: Option<Country>,
        ties: usize,
    },
    /// Ties to members in another country: `other`, the one most of them are in, and `ties`,
    /// how many are to it.
    BridgesCountries {
        country: Country,
        other: Country,
        ties: usize,
    },
    /// Open two-paths through the candidate whose ends are in different sectors.
    Broker {
        pairs: usize,
    },
    /// Within the top `percent` % by influence.
    Central {
        percent: u32,
    },
    Endorsed {
        peers: i64,
    },
    Active {
        actions: i64,
    },
    /// Leads, or is the focal point of, `count` initiatives under way.
    Initiatives {
        count: i64,
    },
}

impl Reason {
    /// The reason as a sentence in `locale`.
    pub fn text(&self, locale: Locale) -> String {
        let label = |prefix: &str, key: &str| locale.t(&format!("{prefix}-{key}"));
        match self {
            Reason::BridgesSectors { sector, other, country, ties } => {
                let mut args = vec![
                    ("sector", label(Sector::PREFIX, sector.key())),
                    ("other", label(Sector::PREFIX, other.key())),
                    ("count", ties.to_string()),
                ];
                match country {
                    Some(c) => {
                        args.push(("country", label(Country::PREFIX, c.key())));
                        locale.t_args("champion-reason-sectors-in", &args)
                    }
                    None => locale.t_args("champion-reason-sectors", &args),
                }
            }
            Reason::BridgesCountries { country, other, ties } => locale.t_args(
                "champion-reason-countries",
                &[
                    ("country", label(Country::PREFIX, country.key())),
                    ("other", label(Country::PREFIX, other.key())),
                    ("count", ties.to_string()),
                ],
            ),
            Reason::Broker { pairs } => locale.t_args("champion-reason-broker", &[("count", pairs.to_string())]),
            Reason::Central { percent } => {
                locale.t_args("champion-reason-central", &[("percent", percent.to_string())])
            }
            Reason::Endorsed { peers } => locale.t_args("champion-reason-endorsed", &[("count", peers.to_string())]),
            Reason::Active { actions } => locale.t_args("champion-reason-active", &[("count", actions.to_string())]),
            Reason::Initiatives { count } => {
                locale.t_args("champion-reason-initiatives", &[("count", count.to_string())])
            }
        }
    }
}

/// A member with their score, its parts and the reasons for it.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// Index into the network's people.
    pub node: usize,
    pub score: f64,
    pub parts: Parts,
    pub reasons: Vec<Reason>,
}

/// For every value, the share of the other values that are strictly lower: 0 for the
/// lowest (and for everyone when all are equal), 1 for a unique highest.
pub fn percentile_ranks(values: &[f64]) -> Vec<f64> {
    let n = values.len();
    if n < 2 {
        return vec![0.0; n];
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    values.iter().map(|v| sorted.partition_point(|x| x < v) as f64 / (n - 1) as f64).collect()
}

/// Open two-paths through a node whose ends are in different sectors, or countries: the
/// Gould–Fernandez liaison and representative roles.
fn bridging_roles(m: &NodeMetrics) -> usize {
    m.sector_roles.liaison + m.sector_roles.representative + m.country_roles.liaison + m.country_roles.representative
}

/// The most frequent value, the first in order among equally frequent ones.
fn most_common<T: Copy + Ord>(values: impl Iterator<Item = T>) -> Option<T> {
    let mut counts: BTreeMap<T, usize> = BTreeMap::new();
    for v in values {
        *counts.entry(v).or_default() += 1;
    }
    counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map(|(v, _)| v)
}

/// The smallest of 1, 5, 10 and 25 % that contains a position in the top `share`.
fn top_bucket(share: f64) -> Option<u32> {
    [1, 5, 10, 25].into_iter().find(|&p| share * 100.0 <= p as f64)
}

/// Scores every member of a network (`people`, `nodes` and `graph` by the same index), best
/// first; equal scores in order of member id.
pub fn rank(people: &[Person], nodes: &[NodeMetrics], graph: &Graph, facts: &HashMap<i64, Facts>) -> Vec<Candidate> {
    let n = people.len();
    let fact = |i: usize| facts.get(&people[i].id);
    let column = |value: &dyn Fn(usize) -> f64| percentile_ranks(&(0..n).map(value).collect::<Vec<_>>());
    let eigenvector = column(&|i| nodes[i].eigenvector);
    let pagerank = column(&|i| nodes[i].pagerank);
    let betweenness = column(&|i| nodes[i].betweenness);
    let roles = column(&|i| bridging_roles(&nodes[i]) as f64);
    let crossing = column(&|i| (nodes[i].cross_sector + nodes[i].cross_country) as f64);
    let cross_sector = column(&|i| nodes[i].cross_sector as f64);
    let cross_country = column(&|i| nodes[i].cross_country as f64);
    let sector_pairs = column(&|i| (nodes[i].sector_roles.liaison + nodes[i].sector_roles.representative) as f64);
    let activity = column(&|i| fact(i).map_or(0, |f| f.actions + INITIATIVE_ACTIONS * f.initiatives) as f64);
    let endorsed = column(&|i| fact(i).map_or(0, |f| f.endorsers) as f64);
    // Eigenvector centrality is undefined on a network in several pieces, where every member
    // gets the same 0: influence is then PageRank alone rather than half of it.
    let eigenvector_defined = nodes.iter().any(|m| m.eigenvector != nodes[0].eigenvector);
    let influence: Vec<f64> =
        (0..n).map(|i| if eigenvector_defined { (eigenvector[i] + pagerank[i]) / 2.0 } else { pagerank[i] }).collect();
    let mut by_influence = influence.clone();
    by_influence.sort_by(|a, b| b.total_cmp(a));

    let mut ranked: Vec<Candidate> = (0..n)
        .map(|i| {
            let parts = Parts {
                influence: influence[i],
                brokerage: (betweenness[i] + roles[i] + crossing[i]) / 3.0,
                activity: activity[i],
                endorsements: endorsed[i],
            };
            let (m, p) = (&nodes[i], &people[i]);
            let neighbours = graph.neighbors(i);
            // Each possible reason with the percentile of its measure, to pick the strongest.
            let mut options: Vec<(f64, Reason)> = Vec::new();
            // A reason counts only the ties it names: those to the other sector (or country)
            // it names, and it places them in a country only when both ends of each are there.
            let tied = || neighbours.iter().map(|&j| &people[j as usize]);
            if let Some(sector) = p.sector {
                let others = tied().filter_map(|q| q.sector).filter(|s| *s != sector);
                if let Some(other) = most_common(others) {
                    let pair: Vec<&Person> = tied().filter(|q| q.sector == Some(other)).collect();
                    let country = p.country.filter(|c| pair.iter().all(|q| q.country == Some(*c)));
                    let reason = Reason::BridgesSectors { sector, other, country, ties: pair.len() };
                    options.push((cross_sector[i], reason));
                }
            }
            if let Some(country) = p.country {
                let others = tied().filter_map(|q| q.country).filter(|c| *c != country);
                if let Some(other) = most_common(others) {
                    let ties = tied().filter(|q| q.country == Some(other)).count();
                    options.push((cross_country[i], Reason::BridgesCountries { country, other, ties }));
                }
            }
            let pairs = m.sector_roles.liaison + m.sector_roles.representative;
            if pairs > 0 {
                options.push((sector_pairs[i], Reason::Broker { pairs }));
            }
            let higher = by_influence.partition_point(|x| *x > influence[i]);
            if let Some(percent) = top_bucket((higher + 1) as f64 / n as f64) {
                options.push((1.0 - higher as f64 / n as f64, Reason::Central { percent }));
            }
            if let Some(f) = fact(i) {
                if f.endorsers > 0 {
                    options.push((endorsed[i], Reason::Endorsed { peers: f.endorsers }));
                }
                if f.initiatives > 0 {
                    options.push((activity[i], Reason::Initiatives { count: f.initiatives }));
                }
                if f.actions > 0 {
                    options.push((activity[i], Reason::Active { actions: f.actions }));
                }
            }
            options.sort_by(|a, b| b.0.total_cmp(&a.0));
            let reasons = options
                .into_iter()
                .enumerate()
                .filter(|(k, (strength, _))| *k == 0 || *strength >= STRONG)
                .take(3)
                .map(|(_, (_, r))| r)
                .collect();
            Candidate { node: i, score: parts.score(), parts, reasons }
        })
        .collect();
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(people[a.node].id.cmp(&people[b.node].id)));
    ranked
}

// ---- the ranking page ---------------------------------------------------------------

#[derive(Deserialize, Default)]
pub struct ListQuery {
    country: Option<String>,
    sector: Option<String>,
    stage: Option<String>,
    page: Option<i64>,
}

/// Which stage the listing shows.
#[derive(Clone, Copy, Debug, PartialEq)]
enum StageFilter {
    Any,
    /// Members nobody has put on a path yet.
    NotOnPath,
    At(ChampionStage),
}

/// The filters of the ranking, parsed; an unknown value is an error, not an empty filter.
struct Filter {
    country: Option<Country>,
    sector: Option<Sector>,
    stage: StageFilter,
}

impl ListQuery {
    fn parse(&self) -> AppResult<Filter> {
        fn given(v: &Option<String>) -> Option<&str> {
            v.as_deref().map(str::trim).filter(|v| !v.is_empty())
        }
        let stage = match given(&self.stage) {
            None => StageFilter::Any,
            Some("none") => StageFilter::NotOnPath,
            Some(s) => StageFilter::At(s.parse()?),
        };
        Ok(Filter {
            country: given(&self.country).map(str::parse).transpose()?,
            sector: given(&self.sector).map(str::parse).transpose()?,
            stage,
        })
    }

    /// The query string of the filters, for the pager's links.
    fn filters(&self) -> String {
        let mut s = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in [("country", &self.country), ("sector", &self.sector), ("stage", &self.stage)] {
            if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
                s.append_pair(k, v);
            }
        }
        s.finish()
    }
}

/// A candidate as the ranking shows them.
#[derive(Serialize)]
pub struct Row {
    /// Position among all ranked members, whatever the filters.
    pub rank: Option<usize>,
    pub id: i64,
    pub name: String,
    pub sector: Option<Sector>,
    pub country: Option<Country>,
    pub at_risk: bool,
    pub stage: Option<ChampionStage>,
    pub score: u32,
    /// Influence, brokerage, activity and endorsements, in percent.
    pub parts: [u32; 4],
    pub reasons: Vec<String>,
}

fn row(net: &Network, c: &Candidate, rank: Option<usize>, facts: Option<&Facts>, locale: Locale) -> Row {
    let p = &net.people[c.node];
    Row {
        rank,
        id: p.id,
        name: p.name.clone(),
        sector: p.sector,
        country: p.country,
        at_risk: p.at_risk,
        stage: facts.and_then(|f| f.stage),
        score: c.score.round() as u32,
        parts: c.parts.percent(),
        reasons: c.reasons.iter().map(|r| r.text(locale)).collect(),
    }
}

/// One page of the filtered ranking, and how many candidates the filters keep.
async fn listing(state: &AppState, q: &ListQuery, locale: Locale) -> AppResult<(Vec<Row>, usize, i64)> {
    let filter = q.parse()?;
    let number = page_number(q.page);
    let views = crate::network::cache(state).get(&state.db).await?;
    let net = &views.coordinators;
    let facts = facts(&state.db, now_ms()).await?;
    let ranked = rank(&net.people, &net.nodes, &net.graph, &facts);
    let members = ranked
        .iter()
        .filter(|c| facts.get(&net.people[c.node].id).and_then(|f| f.role).is_some_and(|r| !r.is_coordinator()));
    // A member with nothing to show (a score of 0) is no candidate and has no rank; a
    // champion already on the path is still found by their stage.
    let mut ranks = 0..;
    let numbered = members.map(|c| (if c.score > 0.0 { ranks.next() } else { None }, c));
    let kept: Vec<(Option<usize>, &Candidate)> = numbered
        .filter(|(rank, _)| rank.is_some() || matches!(filter.stage, StageFilter::At(_)))
        .filter(|(_, c)| {
            let p = &net.people[c.node];
            let stage = facts.get(&p.id).and_then(|f| f.stage);
            filter.country.is_none_or(|x| p.country == Some(x))
                && filter.sector.is_none_or(|x| p.sector == Some(x))
                && match filter.stage {
                    StageFilter::Any => true,
                    StageFilter::NotOnPath => stage.is_none(),
                    StageFilter::At(s) => stage == Some(s),
                }
        })
        .collect();
    let start = (number as usize - 1).saturating_mul(PAGE_SIZE);
    let rows = kept
        .iter()
        .skip(start)
        .take(PAGE_SIZE)
        .map(|(k, c)| row(net, c, k.map(|k| k + 1), facts.get(&net.people[c.node].id), locale))
        .collect();
    Ok((rows, kept.len(), number))
}

/// The ranked candidates, filtered by country, sector and stage.
pub async fn list(
    State(state): State<AppState>,
    page: Page,
    _: Coordinator,
    Query(q): Query<ListQuery>,
) -> AppResult<Html<String>> {
    let (rows, total, number) = listing(&state, &q, page.locale).await?;
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let selected = context! {
        country => q.country.clone().unwrap_or_default(),
        sector => q.sector.clone().unwrap_or_default(),
        stage => q.stage.clone().unwrap_or_default(),
    };
    let weights = WEIGHTS.percent();
    page.render(
        &state,
        "network/champions.html",
        context! {
            rows, total, page => number, pages, selected, weights, query => q.filters(),
            countries => Country::keys(), sectors => Sector::keys(), stages => ChampionStage::keys(),
        },
    )
}

/// The ranking as JSON, with the same filters and pages. For coordinators' own sessions
/// only: it counts the ties of members at risk, so no token reaches it.
#[utoipa::path(get, path = "/api/v1/network/champions", tag = "network",
    params(("country" = Option<String>, Query, description = "ISO 3166-1 alpha-2"),
        ("sector" = Option<String>, Query, description = "A key of the sector vocabulary"),
        ("stage" = Option<String>, Query, description = "A champion stage, or `none` for those not on the path"),
        ("page" = Option<i64>, Query, description = "Page number, from 1")),
    responses((status = 200, description = "`total`, `page`, `page_size`, `weights` and `candidates`, with the reasons in words"),
        (status = 403, body = crate::web::api::ErrorBody)),
    security(("session" = [])))]
pub async fn api_list(
    State(state): State<AppState>,
    page: Page,
    _: Coordinator,
    Query(q): Query<ListQuery>,
) -> AppResult<axum::Json<serde_json::Value>> {
    let (rows, total, number) = listing(&state, &q, page.locale).await?;
    Ok(axum::Json(serde_json::json!({
        "total": total, "page": number, "page_size": PAGE_SIZE, "weights": WEIGHTS, "candidates": rows,
    })))
}

// ---- one champion's path ------------------------------------------------------------

/// A note on a champion's path: trimmed, at most [`MAX_NOTE`] characters, possibly empty.
pub struct Note(String);

impl Note {
    pub fn parse(text: &str) -> AppResult<Note> {
        crate::members::bounded(text, MAX_NOTE).map(Note)
    }
}

/// A line of the timeline.
#[derive(sqlx::FromRow, Serialize)]
struct NoteRow {
    created_at: i64,
    author: Option<String>,
    stage: String,
    support: Option<String>,
    note: String,
    /// The library resource the support pointed to, if the viewer may see it.
    resource_id: Option<i64>,
    resource_title: Option<String>,
}

async fn timeline(db: &Db, viewer: &Viewer, member: i64) -> Result<Vec<NoteRow>, sqlx::Error> {
    let mut args = Args::default();
    let visible = crate::library::visible_sql("r", viewer);
    let member = args.push(Arg::Int(member));
    let sql = format!(
        "SELECT n.created_at, a.display_name AS author, n.stage, n.support, n.note, r.id AS resource_id, r.title AS resource_title \
         FROM champion_notes n LEFT JOIN users a ON a.id = n.author_id \
         LEFT JOIN resources r ON r.id = n.resource_id AND {visible} \
         WHERE n.user_id = {member} ORDER BY n.created_at DESC, n.id DESC"
    );
    on_db!(db, pool => bind_args!(sqlx::query_as(&sql), args).fetch_all(pool).await)
}

/// Put a member at `stage` (on the path or further along it).
pub async fn set_stage(tx: &mut Tx, member: i64, stage: ChampionStage, by: i64, at: i64) -> Result<(), sqlx::Error> {
    let sql = "INSERT INTO champions (user_id, stage, updated_by, updated_at) VALUES ($1, $2, $3, $4) \
               ON CONFLICT (user_id) DO UPDATE SET stage = excluded.stage, updated_by = excluded.updated_by, \
               updated_at = excluded.updated_at";
    on_tx!(tx, c => sqlx::query(sql).bind(member).bind(stage.key()).bind(by).bind(at).execute(&mut **c).await.map(affected))?;
    Ok(())
}

/// Add a line to a champion's timeline; returns its id.
pub async fn add_note(
    tx: &mut Tx,
    member: i64,
    author: i64,
    stage: ChampionStage,
    support: Option<Support>,
    note: &Note,
    at: i64,
) -> Result<i64, sqlx::Error> {
    let sql = "INSERT INTO champion_notes (user_id, author_id, stage, support, note, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(member).bind(author).bind(stage.key()).bind(support.map(Support::key))
        .bind(&note.0).bind(at).fetch_one(&mut **c).await)
}

async fn current_stage(tx: &mut Tx, member: i64) -> AppResult<Option<ChampionStage>> {
    let stage: Option<String> = on_tx!(tx, c => sqlx::query_scalar("SELECT stage FROM champions WHERE user_id = $1")
        .bind(member).fetch_optional(&mut **c).await)?;
    stage.map(|s| s.parse()).transpose()
}

/// Active members only: someone who left has no path to follow.
async fn require_active(db: &Db, member: i64) -> AppResult<()> {
    let found: Option<i64> = on_db!(db, pool => sqlx::query_scalar("SELECT id FROM users WHERE id = $1 AND active")
        .bind(member).fetch_optional(pool).await)?;
    found.map(|_| ()).ok_or(AppError::NotFound)
}

#[derive(Deserialize)]
pub struct DoneQuery {
    done: Option<String>,
}

/// One member's path: where they stand, why they rank where they do, and the timeline.
pub async fn path(
    State(state): State<AppState>,
    page: Page,
    _: Coordinator,
    Path(id): Path<i64>,
    Query(q): Query<DoneQuery>,
) -> AppResult<Html<String>> {
    let views = crate::network::cache(&state).get(&state.db).await?;
    let net = &views.coordinators;
    let node = net.node(id).ok_or(AppError::NotFound)?;
    let facts = facts(&state.db, now_ms()).await?;
    let ranked = rank(&net.people, &net.nodes, &net.graph, &facts);
    let candidate = ranked.iter().find(|c| c.node == node).expect("every member is ranked");
    let member = row(net, candidate, None, facts.get(&id), page.locale);
    let notes = timeline(&state.db, &page.viewer, id).await?;
    let resources = crate::library::choices(&state.db, &page.viewer).await?;
    let done = q.done.filter(|d| matches!(d.as_str(), "stage" | "note")).map(|d| page.t(&format!("champion-done-{d}")));
    page.render(
        &state,
        "network/champion.html",
        context! {
            member, notes, done, weights => WEIGHTS.percent(), max_note => MAX_NOTE,
            stages => ChampionStage::keys(), supports => Support::keys(), resources,
            next_stage => next_stage(facts.get(&id).and_then(|f| f.stage)).key(),
        },
    )
}

/// The stage the form proposes: the next one along the path.
fn next_stage(current: Option<ChampionStage>) -> ChampionStage {
    match current {
        None => ChampionStage::Candidate,
        Some(ChampionStage::Candidate) => ChampionStage::Approached,
        Some(ChampionStage::Approached) => ChampionStage::Active,
        Some(ChampionStage::Active | ChampionStage::Alumni) => ChampionStage::Alumni,
    }
}

#[derive(Deserialize)]
pub struct StageForm {
    #[serde(default)]
    stage: String,
    #[serde(default)]
    note: String,
}

/// Moves a member to any stage of the path, with an optional note; audited.
pub async fn move_stage(
    State(state): State<AppState>,
    Coordinator(user): Coordinator,
    ClientIp(ip): ClientIp,
    Path(id): Path<i64>,
    Form(form): Form<StageForm>,
) -> AppResult<Response> {
    let stage: ChampionStage = form.stage.trim().parse()?;
    let note = Note::parse(&form.note)?;
    require_active(&state.db, id).await?;
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let before = current_stage(&mut tx, id).await?;
    if before == Some(stage) {
        return Err(AppError::invalid("error-champion-same-stage"));
    }
    set_stage(&mut tx, id, stage, user.user_id, now).await?;
    add_note(&mut tx, id, user.user_id, stage, None, &note, now).await?;
    let detail = crate::audit::Detail::Stage { from: before, to: stage };
    audit::record(
        &mut tx,
        Entry {
            actor: Some(user.user_id),
            action: crate::vocab::AuditAction::ChampionStageChanged,
            target: Some(id),
            detail,
            ip,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/network/champions/{id}?done=stage")).into_response())
}

#[derive(Deserialize)]
pub struct NoteForm {
    #[serde(default)]
    support: String,
    #[serde(default)]
    note: String,
    /// A library resource the support consisted of (training materials, a talk's slides).
    #[serde(default)]
    resource: String,
}

/// Adds a note, or records support given, at the member's current stage.
pub async fn note(
    State(state): State<AppState>,
    Coordinator(user): Coordinator,
    Path(id): Path<i64>,
    Form(form): Form<NoteForm>,
) -> AppResult<Response> {
    let support: Option<Support> = match form.support.trim() {
        "" => None,
        s => Some(s.parse()?),
    };
    let note = Note::parse(&form.note)?;
    if support.is_none() && note.0.is_empty() {
        return Err(AppError::invalid("error-champion-note-empty"));
    }
    let resource: Option<i64> = match form.resource.trim() {
        "" => None,
        r => Some(r.parse().map_err(|_| AppError::invalid("champion-error-resource"))?),
    };
    if let Some(r) = resource {
        if !matches!(support, Some(Support::TrainingMaterials | Support::SpeakingOpportunity)) {
            return Err(AppError::invalid("champion-error-resource-support"));
        }
        let viewer = Viewer(Some(user.clone()));
        if crate::library::visible(&state.db, &viewer, r).await.is_err() {
            return Err(AppError::invalid("champion-error-resource"));
        }
    }
    require_active(&state.db, id).await?;
    let mut tx = state.db.begin().await?;
    let stage = current_stage(&mut tx, id).await?.ok_or(AppError::invalid("error-champion-not-on-path"))?;
    let line = add_note(&mut tx, id, user.user_id, stage, support, &note, now_ms()).await?;
    if let Some(r) = resource {
        on_tx!(&mut tx, c => sqlx::query("UPDATE champion_notes SET resource_id = $1 WHERE id = $2").bind(r).bind(line)
            .execute(&mut **c).await.map(affected))?;
    }
    tx.commit().await?;
    Ok(Redirect::to(&format!("/network/champions/{id}?done=note")).into_response())
}

// ---- demo ---------------------------------------------------------------------------

const DAY_MS: i64 = 86_400_000;

/// One step of a demo path: days ago, the stage after it, the support given, the note.
type Step = (i64, ChampionStage, Option<Support>, &'static str);

/// Paths that have gone as far as `active`, `alumni`, ... The first steps of a longer path
/// are also the whole of a shorter one.
const DEMO_PATHS: [&[Step]; 4] = [
    &[(
        20,
        ChampionStage::Candidate,
        None,
        "Bridges the police academy and the human rights commission; colleagues on both sides name them.",
    )],
    &[
        (
            75,
            ChampionStage::Candidate,
            None,
            "Several peers endorse their interviewing work; ties across three sectors.",
        ),
        (
            40,
            ChampionStage::Approached,
            None,
            "Met at the regional workshop; interested in running a session for their own institution.",
        ),
        (
            33,
            ChampionStage::Approached,
            Some(Support::TrainingMaterials),
            "Sent the training pack on safeguards in the first hours of custody.",
        ),
    ],
    &[
        (240, ChampionStage::Candidate, None, "Named by two coordinators independently."),
        (200, ChampionStage::Approached, None, "First call: wants to connect their unit with forensic doctors."),
        (
            170,
            ChampionStage::Active,
            None,
            "Agreed to champion audio-visual recording of interviews in their province.",
        ),
        (
            150,
            ChampionStage::Active,
            Some(Support::ExpertContact),
            "Introduced to a forensic expert who reviewed their draft guidance.",
        ),
        (
            60,
            ChampionStage::Active,
            Some(Support::SpeakingOpportunity),
            "Spoke on the panel of the annual OPCAT dialogue.",
        ),
    ],
    &[
        (700, ChampionStage::Candidate, None, "Central in the first mapping of the network."),
        (650, ChampionStage::Approached, None, "Approached after the national consultation."),
        (600, ChampionStage::Active, Some(Support::Mentoring), "Paired with a senior monitor from another country."),
        (
            420,
            ChampionStage::Active,
            Some(Support::EventInvitation),
            "Invited to the regional exchange; brought two colleagues.",
        ),
        (90, ChampionStage::Alumni, None, "Moved to a new post; still happy to advise newcomers."),
    ],
];

/// Champions at every stage, with dated notes and support, chosen from the top of the
/// demo network's ranking (an at-risk member among them). Deterministic for a given network.
pub async fn seed_demo(db: &Db) -> anyhow::Result<()> {
    let views = super::model::compute(db, None).await?;
    let net = &views.coordinators;
    let now = now_ms();
    let facts = facts(db, now).await?;
    let ranked = rank(&net.people, &net.nodes, &net.graph, &facts);
    let author: i64 = on_db!(db, pool => sqlx::query_scalar("SELECT id FROM users WHERE email = 'coordinator@example.org'")
        .fetch_one(pool).await)?;
    let members: Vec<&Person> = ranked
        .iter()
        .map(|c| &net.people[c.node])
        .filter(|p| facts.get(&p.id).and_then(|f| f.role) == Some(Role::Member))
        .collect();
    let safe = members.iter().filter(|p| !p.at_risk);
    let at_risk = members.iter().find(|p| p.at_risk);
    // Paths by rank (indices into DEMO_PATHS): two active, three approached, two alumni and
    // three candidates.
    let paths = [2, 2, 1, 1, 3, 3, 1, 0, 0, 0];
    let mut chosen: Vec<(i64, &[Step])> = safe.zip(paths).map(|(p, k)| (p.id, DEMO_PATHS[k])).collect();
    if let Some(p) = at_risk {
        let steps: &[Step] = &[
            (
                50,
                ChampionStage::Candidate,
                None,
                "Strong ties across sectors; at risk, so contact only through the coordinator in person.",
            ),
            (
                30,
                ChampionStage::Approached,
                None,
                "Met in person. Prefers no public role for now; happy to advise quietly.",
            ),
        ];
        chosen.push((p.id, steps));
    }
    let mut tx = db.begin().await?;
    for (member, steps) in chosen {
        for (days, stage, support, text) in steps {
            let at = now - days * DAY_MS;
            set_stage(&mut tx, member, *stage, author, at).await?;
            add_note(&mut tx, member, author, *stage, *support, &Note(text.to_string()), at).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use sna::GraphBuilder;

    #[test]
    fn percentile_ranks_count_strictly_lower_values() {
        assert_eq!(percentile_ranks(&[0.0, 0.0, 2.0, 1.0, 2.0]), vec![0.0, 0.0, 0.75, 0.5, 0.75]);
        assert_eq!(percentile_ranks(&[3.0, 3.0]), vec![0.0, 0.0], "nobody stands out when all are equal");
        assert_eq!(percentile_ranks(&[5.0]), vec![0.0]);
        assert_eq!(percentile_ranks(&[1.0, 9.0, 4.0]), vec![0.0, 1.0, 0.5]);
    }

    #[test]
    fn weights_sum_to_one_and_the_score_is_a_percentage() {
        let w = WEIGHTS;
        assert!((w.influence + w.brokerage + w.activity + w.endorsements - 1.0).abs() < 1e-12);
        let all = Parts { influence: 1.0, brokerage: 1.0, activity: 1.0, endorsements: 1.0 };
        assert!((all.score() - 100.0).abs() < 1e-9);
        assert_eq!(Parts::default().score(), 0.0);
        assert_eq!(top_bucket(0.004), Some(1));
        assert_eq!(top_bucket(0.05), Some(5));
        assert_eq!(top_bucket(0.2), Some(25));
        assert_eq!(top_bucket(0.3), None);
    }

    fn person(id: i64, sector: Sector, country: Country) -> Person {
        Person { id, name: format!("P{id}"), sector: Some(sector), country: Some(country), at_risk: false }
    }

    /// Two police officers and two NHRI monitors in Thailand, a lawyer in Malaysia; member 3
    /// is the only one tied to all of them.
    fn scene() -> (Vec<Person>, Vec<NodeMetrics>, Graph, HashMap<i64, Facts>) {
        use Country::{My, Th};
        use Sector::{Legal, Nhri, Police};
        let people = vec![
            person(1, Police, Th),
            person(2, Police, Th),
            person(3, Nhri, Th),
            person(4, Nhri, Th),
            person(5, Legal, My),
        ];
        let mut b = GraphBuilder::new();
        for p in &people {
            b.add_node(&p.id.to_string()).unwrap();
        }
        for (x, y) in [(1, 2), (1, 3), (2, 3), (3, 4), (3, 5)] {
            b.add_edge(&x.to_string(), &y.to_string(), 1.0).unwrap();
        }
        let graph = b.build();
        let degree = sna::centrality::degree(&graph);
        let betweenness = sna::centrality::betweenness(&graph);
        let mut nodes: Vec<NodeMetrics> = (0..5)
            .map(|i| NodeMetrics {
                degree: degree[i],
                betweenness: betweenness[i],
                eigenvector: degree[i] as f64,
                pagerank: degree[i] as f64,
                ..NodeMetrics::default()
            })
            .collect();
        nodes[2].cross_sector = 3;
        nodes[2].cross_country = 1;
        nodes[2].sector_roles.liaison = 2;
        nodes[2].sector_roles.representative = 3;
        for i in [0, 1, 4] {
            nodes[i].cross_sector = 1;
        }
        nodes[4].cross_country = 1;
        let mut facts = HashMap::new();
        facts.insert(3, Facts { role: Some(Role::Member), endorsers: 2, actions: 1, ..Facts::default() });
        facts.insert(5, Facts { role: Some(Role::Member), endorsers: 6, ..Facts::default() });
        (people, nodes, graph, facts)
    }

    #[test]
    fn the_broker_ranks_first_with_reasons_in_words() {
        let (people, nodes, graph, facts) = scene();
        let ranked = rank(&people, &nodes, &graph, &facts);
        assert_eq!(people[ranked[0].node].id, 3);
        let top = &ranked[0];
        assert_eq!(top.parts.brokerage, 1.0);
        assert!(top.score > ranked[1].score);
        assert_eq!(
            top.reasons[0],
            Reason::BridgesSectors { sector: Sector::Nhri, other: Sector::Police, country: Some(Country::Th), ties: 2 }
        );
        assert!(top.reasons.len() <= 3);
        assert_eq!(
            top.reasons[0].text(Locale::En),
            "Bridges Human rights institution / NPM and Police in Thailand: 2 cross-sector ties"
        );
        // The lawyer's strongest suit is endorsements, and it says so.
        let lawyer = ranked.iter().find(|c| people[c.node].id == 5).unwrap();
        assert_eq!(lawyer.reasons[0], Reason::Endorsed { peers: 6 });
        assert_eq!(lawyer.reasons[0].text(Locale::En), "Endorsed by 6 peers");
        // A member with nothing to show gets no reason rather than a weak one, and ranks last.
        let last = ranked.last().unwrap();
        assert_eq!((people[last.node].id, last.score, last.reasons.len()), (4, 0.0, 0));
        assert!(ranked[..4].iter().all(|c| !c.reasons.is_empty()));
    }

    /// A Malaysian NHRI monitor whose police ties are both to Thai officers, with a lawyer
    /// at home: the reason names police without a country, and counts the two police ties,
    /// not all three across sectors.
    #[test]
    fn a_reason_names_only_the_pair_and_country_of_the_ties_it_counts() {
        use Country::{My, Th};
        use Sector::{Legal, Nhri, Police};
        let people = vec![person(1, Nhri, My), person(2, Police, Th), person(3, Police, Th), person(4, Legal, My)];
        let mut b = GraphBuilder::new();
        for p in &people {
            b.add_node(&p.id.to_string()).unwrap();
        }
        for (x, y) in [(1, 2), (1, 3), (1, 4)] {
            b.add_edge(&x.to_string(), &y.to_string(), 1.0).unwrap();
        }
        let graph = b.build();
        let mut nodes = vec![NodeMetrics::default(); 4];
        nodes[0].cross_sector = 3;
        nodes[0].cross_country = 2;
        nodes[0].pagerank = 1.0;
        let facts = HashMap::from([(1, Facts { role: Some(Role::Member), ..Facts::default() })]);
        let ranked = rank(&people, &nodes, &graph, &facts);
        let monitor = ranked.iter().find(|c| people[c.node].id == 1).unwrap();
        let sectors = monitor.reasons.iter().find(|r| matches!(r, Reason::BridgesSectors { .. })).unwrap();
        assert_eq!(*sectors, Reason::BridgesSectors { sector: Nhri, other: Police, country: None, ties: 2 });
        assert_eq!(sectors.text(Locale::En), "Bridges Human rights institution / NPM and Police: 2 cross-sector ties");
        let countries = monitor.reasons.iter().find(|r| matches!(r, Reason::BridgesCountries { .. })).unwrap();
        assert_eq!(*countries, Reason::BridgesCountries { country: My, other: Th, ties: 2 });
        // The lawyer at home: one tie across sectors, both ends in Malaysia.
        let lawyer = ranked.iter().find(|c| people[c.node].id == 4).unwrap();
        assert!(lawyer.reasons.contains(&Reason::BridgesSectors {
            sector: Legal,
            other: Nhri,
            country: Some(My),
            ties: 1
        }));
    }

    #[test]
    fn influence_is_pagerank_alone_where_eigenvector_centrality_is_undefined() {
        let (people, mut nodes, graph, facts) = scene();
        for (i, m) in nodes.iter_mut().enumerate() {
            m.eigenvector = 0.0;
            m.pagerank = i as f64;
        }
        let ranked = rank(&people, &nodes, &graph, &facts);
        let last = ranked.iter().find(|c| c.node == 4).unwrap();
        assert_eq!(last.parts.influence, 1.0, "the highest PageRank is the most influential");
    }

    #[test]
    fn reasons_read_in_every_language_with_plurals() {
        let one = Reason::Endorsed { peers: 1 };
        assert_eq!(one.text(Locale::En), "Endorsed by 1 peer");
        assert_eq!(Reason::Central { percent: 5 }.text(Locale::En), "Among the 5 % most central members");
        let bridge = Reason::BridgesCountries { country: Country::Th, other: Country::My, ties: 2 };
        assert_eq!(bridge.text(Locale::En), "Links Thailand and Malaysia: 2 cross-country ties");
        for locale in [Locale::Th, Locale::Ms, Locale::Fil] {
            let text = bridge.text(locale);
            assert_ne!(text, bridge.text(Locale::En));
            assert!(text.contains('2') && !text.contains("country-"), "{text}");
        }
    }

    #[test]
    fn most_common_prefers_the_first_of_equals() {
        assert_eq!(most_common([Sector::Police, Sector::Legal, Sector::Legal].into_iter()), Some(Sector::Legal));
        assert_eq!(most_common([Sector::Legal, Sector::Police].into_iter()), Some(Sector::Police));
        assert_eq!(most_common(std::iter::empty::<Sector>()), None);
    }

    #[test]
    fn the_form_proposes_the_next_stage() {
        assert_eq!(next_stage(None), ChampionStage::Candidate);
        assert_eq!(next_stage(Some(ChampionStage::Approached)), ChampionStage::Active);
        assert_eq!(next_stage(Some(ChampionStage::Alumni)), ChampionStage::Alumni);
    }

    #[test]
    fn filters_parse_or_explain() {
        let q =
            ListQuery { country: Some("TH".into()), sector: Some("".into()), stage: Some("none".into()), page: None };
        let f = q.parse().unwrap();
        assert_eq!((f.country, f.sector, f.stage), (Some(Country::Th), None, StageFilter::NotOnPath));
        assert_eq!(q.filters(), "country=TH&stage=none");
        for bad in [
            ListQuery { country: Some("XX".into()), ..ListQuery::default() },
            ListQuery { sector: Some("spies".into()), ..ListQuery::default() },
            ListQuery { stage: Some("retired".into()), ..ListQuery::default() },
        ] {
            assert!(bad.parse().is_err());
        }
    }
}
