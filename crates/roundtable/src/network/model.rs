//! The network as Roundtable analyses it: active members, the ties between them from every
//! [`Source`], and the measures of `sna` over them.
//!
//! Privacy is decided here, once, by [`Scope`]: coordinators and admins analyse everyone;
//! members get a network computed without at-risk members and their ties, and with only the
//! fields members may see. The members' figures are computed on that smaller network rather
//! than filtered from the full one, so that not even a centrality score carries a trace of
//! an at-risk member's ties. The public gets no network at all.
//!
//! Computing takes milliseconds for a national network and seconds for a very large one, so
//! the result is cached in memory by [`NetworkCache`] and recomputed when the counters of
//! changes to the underlying tables move. The cache is per node and derived from the
//! database, so several nodes need not share it.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use sna::{centrality, cohesion, communities, groups, Graph, GraphBuilder};

use super::sources::{self, CombinedTie, Source};
use crate::db::{now_ms, Db};
use crate::members::access::Audience;
use crate::on_db;
use crate::vocab::{Country, Role, Sector, Visibility};
use crate::web::{AppError, Viewer};

/// Above this many members betweenness is estimated from a sample of sources (with the
/// error bound `sna::centrality::betweenness_sampled` documents) rather than computed exactly.
const EXACT_BETWEENNESS_UP_TO: usize = 5_000;

/// A recomputation slower than this is done in the background while the previous result
/// is served; faster ones are waited for, so that a tie just recorded shows at once.
const BACKGROUND_AFTER: Duration = Duration::from_millis(250);

/// Whose network: what a class of viewer may know about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Everyone, with fields coordinators may see.
    Coordinators,
    /// Everyone but at-risk members, with fields members may see.
    Members,
}

impl Scope {
    fn audience(self) -> Audience {
        match self {
            Scope::Coordinators => Audience::Coordinator,
            Scope::Members => Audience::Member,
        }
    }

    /// The scope a viewer analyses; `None` for the public, who never see ties.
    pub fn of(viewer: &Viewer) -> Option<Scope> {
        match viewer.role()? {
            Role::Admin | Role::Coordinator => Some(Scope::Coordinators),
            Role::Member => Some(Scope::Members),
        }
    }
}

/// A member as a node of the network, with the fields the scope may see.
#[derive(Clone, Debug, Serialize)]
pub struct Person {
    pub id: i64,
    pub name: String,
    pub sector: Option<Sector>,
    pub country: Option<Country>,
    pub at_risk: bool,
}

#[derive(sqlx::FromRow)]
struct PersonRow {
    id: i64,
    display_name: String,
    sector: Option<String>,
    sector_vis: String,
    country: Option<String>,
    country_vis: String,
    orgs_vis: String,
    at_risk: bool,
}

impl PersonRow {
    /// Whether `scope` may know where this member works; shared organisations only make
    /// ties in the networks of those who may.
    fn shows_organisations(&self, scope: Scope) -> bool {
        scope.audience().sees(self.orgs_vis.parse().unwrap_or(Visibility::Private))
    }

    fn person(&self, scope: Scope) -> Option<Person> {
        let audience = scope.audience();
        if !audience.sees_member(self.at_risk, true) {
            return None;
        }
        let sees = |v: &str| audience.sees(v.parse().unwrap_or(Visibility::Private));
        Some(Person {
            id: self.id,
            name: self.display_name.clone(),
            sector: self.sector.as_deref().filter(|_| sees(&self.sector_vis)).and_then(|s| s.parse().ok()),
            country: self.country.as_deref().filter(|_| sees(&self.country_vis)).and_then(|s| s.parse().ok()),
            at_risk: self.at_risk && scope == Scope::Coordinators,
        })
    }
}

/// A tie between two nodes (by index), with its combined weight and where it comes from.
#[derive(Clone, Debug)]
pub struct Tie {
    pub a: usize,
    pub b: usize,
    pub weight: f64,
    pub sources: Vec<Source>,
    /// When it began (see [`sources::CombinedTie::since`]).
    pub since: i64,
}

/// The measures of one node.
#[derive(Clone, Debug, Default, Serialize)]
pub struct NodeMetrics {
    pub degree: usize,
    /// Normalised betweenness, as NetworkX: the share of shortest paths between others
    /// that pass through this node.
    pub betweenness: f64,
    pub eigenvector: f64,
    pub pagerank: f64,
    pub core: usize,
    pub clustering: f64,
    pub community: usize,
    pub component: usize,
    /// Ties to members of another known sector / country (both ends known).
    pub cross_sector: usize,
    pub cross_country: usize,
    /// Gould–Fernandez roles with sector and with country as the groups.
    pub sector_roles: Roles,
    pub country_roles: Roles,
}

/// Brokerage roles, counted once per undirected open two-path.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Roles {
    pub coordinator: usize,
    pub gatekeeper: usize,
    pub representative: usize,
    pub consultant: usize,
    pub liaison: usize,
}

impl From<groups::Brokerage> for Roles {
    fn from(b: groups::Brokerage) -> Roles {
        // sna counts undirected paths in both directions; halve where it counts them twice.
        Roles {
            coordinator: b.coordinator / 2,
            gatekeeper: b.gatekeeper,
            representative: b.representative,
            consultant: b.consultant / 2,
            liaison: b.liaison / 2,
        }
    }
}

/// Figures of the whole network; stored as JSON in monthly snapshots, so fields are only
/// ever added (a snapshot taken before a field existed reads it as its default), never renamed.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Figures {
    pub members: usize,
    pub ties: usize,
    pub density: f64,
    pub components: usize,
    pub largest_component: usize,
    pub isolated: usize,
    pub communities: usize,
    pub modularity: f64,
    /// Share of ties (between members whose sector is known) that cross sectors.
    pub cross_sector_share: Option<f64>,
    pub cross_country_share: Option<f64>,
    /// Krackhardt–Stern E-I index by sector / by country, over the same ties.
    pub ei_sector: Option<f64>,
    pub ei_country: Option<f64>,
    pub by_sector: BTreeMap<String, usize>,
    pub by_country: BTreeMap<String, usize>,
}

/// The analysed network of one scope.
pub struct Network {
    pub scope: Scope,
    pub people: Vec<Person>,
    index: HashMap<i64, usize>,
    pub ties: Vec<Tie>,
    pub graph: Graph,
    pub nodes: Vec<NodeMetrics>,
    pub figures: Figures,
    layout: OnceLock<Vec<(f64, f64)>>,
}

/// Group numbers for `sna::groups`: known values by key; each unknown value its own group,
/// so that two members of unknown sector never count as "the same sector".
fn group_ids<T: Copy + Ord>(values: &[Option<T>]) -> Vec<usize> {
    let mut known: BTreeMap<T, usize> = BTreeMap::new();
    for v in values.iter().flatten() {
        let next = known.len();
        known.entry(*v).or_insert(next);
    }
    let base = known.len();
    values.iter().enumerate().map(|(i, v)| v.map_or(base + i, |v| known[&v])).collect()
}

/// Ties across and within groups, over ties whose two ends are known.
fn mixing<T: PartialEq>(ties: &[Tie], value: impl Fn(usize) -> Option<T>) -> (usize, usize) {
    let (mut external, mut internal) = (0, 0);
    for t in ties {
        if let (Some(x), Some(y)) = (value(t.a), value(t.b)) {
            if x == y {
                internal += 1;
            } else {
                external += 1;
            }
        }
    }
    (external, internal)
}

fn share_and_ei((external, internal): (usize, usize)) -> (Option<f64>, Option<f64>) {
    let total = (external + internal) as f64;
    if total == 0.0 {
        return (None, None);
    }
    (Some(external as f64 / total), Some((external as f64 - internal as f64) / total))
}

impl Network {
    fn build(scope: Scope, rows: &[PersonRow], combined: &[CombinedTie]) -> Network {
        let people: Vec<Person> = rows.iter().filter_map(|r| r.person(scope)).collect();
        let index: HashMap<i64, usize> = people.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
        let ties: Vec<Tie> = combined
            .iter()
            .filter_map(|t| {
                Some(Tie {
                    a: *index.get(&t.a)?,
                    b: *index.get(&t.b)?,
                    weight: t.weight,
                    sources: t.sources.clone(),
                    since: t.since,
                })
            })
            .collect();

        let mut builder = GraphBuilder::new();
        for p in &people {
            builder.add_node(&p.id.to_string()).expect("member ids are distinct");
        }
        for t in &ties {
            builder.add_edge(&people[t.a].id.to_string(), &people[t.b].id.to_string(), 1.0).expect("valid edge");
        }
        let graph = builder.build();
        debug_assert!(people.iter().enumerate().all(|(i, p)| graph.index_of(&p.id.to_string()) == Some(i)));

        let n = people.len();
        let sectors: Vec<Option<Sector>> = people.iter().map(|p| p.sector).collect();
        let countries: Vec<Option<Country>> = people.iter().map(|p| p.country).collect();
        let degree = centrality::degree(&graph);
        let betweenness = if n <= EXACT_BETWEENNESS_UP_TO {
            centrality::betweenness(&graph)
        } else {
            centrality::betweenness_sampled(&graph, EXACT_BETWEENNESS_UP_TO, 1)
        };
        let pagerank = centrality::pagerank(&graph, 0.85);
        let core = cohesion::core_number(&graph);
        let clustering = cohesion::clustering(&graph);
        let (component, components) = cohesion::components(&graph);
        let eigenvector = eigenvector_of_largest_part(&graph, &component, components);
        let partition = communities::leiden(&graph, 1);
        let sector_roles = groups::brokerage(&graph, &group_ids(&sectors));
        let country_roles = groups::brokerage(&graph, &group_ids(&countries));

        let mut nodes: Vec<NodeMetrics> = (0..n)
            .map(|i| NodeMetrics {
                degree: degree[i],
                betweenness: betweenness[i],
                eigenvector: eigenvector[i],
                pagerank: pagerank[i],
                core: core[i],
                clustering: clustering[i],
                community: partition.community[i],
                component: component[i],
                sector_roles: sector_roles[i].into(),
                country_roles: country_roles[i].into(),
                ..NodeMetrics::default()
            })
            .collect();
        for t in &ties {
            if let (Some(x), Some(y)) = (sectors[t.a], sectors[t.b]) {
                if x != y {
                    nodes[t.a].cross_sector += 1;
                    nodes[t.b].cross_sector += 1;
                }
            }
            if let (Some(x), Some(y)) = (countries[t.a], countries[t.b]) {
                if x != y {
                    nodes[t.a].cross_country += 1;
                    nodes[t.b].cross_country += 1;
                }
            }
        }

        let mut component_sizes = vec![0usize; components];
        for &c in &component {
            component_sizes[c] += 1;
        }
        let (cross_sector_share, ei_sector) = share_and_ei(mixing(&ties, |i| sectors[i]));
        let (cross_country_share, ei_country) = share_and_ei(mixing(&ties, |i| countries[i]));
        let mut by_sector = BTreeMap::new();
        let mut by_country = BTreeMap::new();
        for p in &people {
            *by_sector.entry(p.sector.map_or("unknown", Sector::key).to_string()).or_insert(0) += 1;
            *by_country.entry(p.country.map_or("unknown", Country::key).to_string()).or_insert(0) += 1;
        }
        let figures = Figures {
            members: n,
            ties: ties.len(),
            density: graph.density(),
            components,
            largest_component: component_sizes.iter().copied().max().unwrap_or(0),
            isolated: degree.iter().filter(|&&d| d == 0).count(),
            communities: partition.count,
            modularity: communities::modularity(&graph, &partition.community),
            cross_sector_share,
            cross_country_share,
            ei_sector,
            ei_country,
            by_sector,
            by_country,
        };
        Network { scope, people, index, ties, graph, nodes, figures, layout: OnceLock::new() }
    }

    /// The node of a member, if the member is in this scope's network.
    pub fn node(&self, member_id: i64) -> Option<usize> {
        self.index.get(&member_id).copied()
    }

    /// Positions of the nodes for the map (ForceAtlas2), computed on first use.
    pub fn layout(&self) -> &[(f64, f64)] {
        self.layout.get_or_init(|| sna::layout::layout(&self.graph, 300, 7))
    }

    /// The ties of node `i`, as (other node, tie).
    pub fn ties_of(&self, i: usize) -> impl Iterator<Item = (usize, &Tie)> {
        self.ties.iter().filter(move |t| t.a == i || t.b == i).map(move |t| (if t.a == i { t.b } else { t.a }, t))
    }
}

/// Both scopes' networks, computed from one reading of the database.
pub struct Views {
    pub coordinators: Network,
    pub members: Network,
    /// When the reading was taken (unix ms).
    pub computed_at: i64,
}

impl Views {
    pub fn scope(&self, scope: Scope) -> &Network {
        match scope {
            Scope::Coordinators => &self.coordinators,
            Scope::Members => &self.members,
        }
    }

    /// The network a viewer may see; `None` for the public.
    pub fn for_viewer(&self, viewer: &Viewer) -> Option<&Network> {
        Scope::of(viewer).map(|s| self.scope(s))
    }
}

/// Eigenvector centrality is defined for a connected network only, and a real one always has
/// newcomers without ties: compute it on the largest connected part, where influence
/// spreads, and give everyone outside it zero.
fn eigenvector_of_largest_part(graph: &Graph, component: &[usize], components: usize) -> Vec<f64> {
    let n = graph.node_count();
    let mut sizes = vec![0usize; components];
    for &c in component {
        sizes[c] += 1;
    }
    let Some(largest) = (0..components).max_by_key(|&c| (sizes[c], std::cmp::Reverse(c))) else { return vec![0.0; n] };
    let members: Vec<usize> = (0..n).filter(|&v| component[v] == largest).collect();
    let mut builder = GraphBuilder::new();
    for &v in &members {
        builder.add_node(graph.id(v)).expect("ids are distinct");
    }
    for &v in &members {
        for w in graph.neighbors(v).iter().map(|&w| w as usize).filter(|&w| w > v) {
            builder.add_edge(graph.id(v), graph.id(w), 1.0).expect("valid edge");
        }
    }
    let part = builder.build();
    let mut result = vec![0.0; n];
    if let Some(values) = centrality::eigenvector(&part) {
        for (i, &v) in members.iter().enumerate() {
            result[v] = values[i];
        }
    }
    result
}

/// The evidence a scope may build on: a shared organisation counts only when both members
/// show their organisations to that scope, so that a tie (or a centrality) never hints at an
/// affiliation someone hid.
fn evidence_for(scope: Scope, rows: &[PersonRow], evidence: &[sources::Evidence]) -> Vec<sources::Evidence> {
    let shows: HashMap<i64, bool> = rows.iter().map(|r| (r.id, r.shows_organisations(scope))).collect();
    let visible = |id: i64| shows.get(&id).copied().unwrap_or(false);
    evidence
        .iter()
        .filter(|e| e.source != Source::SharedOrganisation || (visible(e.a) && visible(e.b)))
        .copied()
        .collect()
}

/// Reads members and ties and analyses both scopes: as they are now, or with `as_of` (unix
/// ms) as they were then, as far as the database remembers: members who had joined, ties
/// and endorsements recorded by then, with derived ties faded as they were at that moment.
/// Profiles (sector, country, at risk, visibility), deactivations and affiliations are not
/// dated, so they are read as they are now.
pub async fn compute(db: &Db, as_of: Option<i64>) -> Result<Views, sqlx::Error> {
    let now = as_of.unwrap_or_else(now_ms);
    let until = as_of.unwrap_or(i64::MAX);
    let sql = "SELECT u.id, u.display_name, p.sector, COALESCE(p.sector_vis, 'private') AS sector_vis, \
               p.country, COALESCE(p.country_vis, 'private') AS country_vis, COALESCE(p.orgs_vis, 'private') AS orgs_vis, \
               COALESCE(p.at_risk, FALSE) AS at_risk \
               FROM users u LEFT JOIN profiles p ON p.user_id = u.id WHERE u.active AND u.created_at <= $1 ORDER BY u.id";
    let rows: Vec<PersonRow> = on_db!(db, pool => sqlx::query_as(sql).bind(until).fetch_all(pool).await)?;
    let evidence = sources::load(db, now, until).await?;
    let views = tokio::task::spawn_blocking(move || {
        let ties = |scope| sources::combine(&evidence_for(scope, &rows, &evidence), now);
        Views {
            coordinators: Network::build(Scope::Coordinators, &rows, &ties(Scope::Coordinators)),
            members: Network::build(Scope::Members, &rows, &ties(Scope::Members)),
            computed_at: now,
        }
    })
    .await
    .expect("network analysis does not panic");
    Ok(views)
}

/// What the analysis was computed from: the counters that triggers bump in the same
/// transaction as any change the analysis reads (migration 0056 lists them), so one row
/// says whether the data changed. `privacy` moves with who or what may be seen — a member
/// hidden or shown, a visibility, an event's audience — and a cached analysis whose
/// privacy differs from the data's is never served, not even while a recomputation runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, sqlx::FromRow)]
struct Fingerprint {
    data: i64,
    privacy: i64,
}

async fn fingerprint(db: &Db) -> Result<Fingerprint, sqlx::Error> {
    let sql = "SELECT data, privacy FROM network_version WHERE id = 1";
    on_db!(db, pool => sqlx::query_as(sql).fetch_one(pool).await)
}

struct Cached {
    fingerprint: Fingerprint,
    views: Arc<Views>,
    took: Duration,
}

/// The latest analysis, recomputed when the data changes. See the module documentation.
#[derive(Default)]
pub struct NetworkCache {
    current: Mutex<Option<Arc<Cached>>>,
    /// Held while computing, so that concurrent requests compute once.
    computing: tokio::sync::Mutex<()>,
    /// A background recomputation is under way: at most one at a time, however many
    /// requests notice a change.
    refreshing: std::sync::atomic::AtomicBool,
}

impl NetworkCache {
    /// The analysis of the current data, or of slightly older data while a slow
    /// recomputation runs in the background.
    pub async fn get(self: &Arc<Self>, db: &Db) -> Result<Arc<Views>, AppError> {
        use std::sync::atomic::Ordering;
        let now = fingerprint(db).await?;
        let cached = self.current.lock().expect("cache lock").clone();
        match cached {
            Some(c) if c.fingerprint == now => return Ok(c.views.clone()),
            Some(c) if c.took >= BACKGROUND_AFTER && c.fingerprint.privacy == now.privacy => {
                if !self.refreshing.swap(true, Ordering::AcqRel) {
                    let (cache, db) = (self.clone(), db.clone());
                    tokio::spawn(async move {
                        if let Err(e) = cache.refresh(&db).await {
                            tracing::warn!(error = %e, "network analysis failed");
                        }
                        cache.refreshing.store(false, Ordering::Release);
                    });
                }
                return Ok(c.views.clone());
            }
            _ => {}
        }
        self.refresh(db).await
    }

    async fn refresh(&self, db: &Db) -> Result<Arc<Views>, AppError> {
        let _guard = self.computing.lock().await;
        // Whoever held the lock before may have computed what is wanted now: compare with
        // the data as it is after waiting, not as it was when the request came in.
        let fingerprint = fingerprint(db).await?;
        if let Some(c) = self.current.lock().expect("cache lock").as_ref() {
            if c.fingerprint == fingerprint {
                return Ok(c.views.clone());
            }
        }
        // The fingerprint was read before the data: a change in between makes the next
        // request recompute rather than serve data older than its fingerprint says.
        let started = Instant::now();
        let views = Arc::new(compute(db, None).await?);
        let took = started.elapsed();
        tracing::debug!(members = views.coordinators.people.len(), ms = took.as_millis() as u64, "network analysed");
        *self.current.lock().expect("cache lock") = Some(Arc::new(Cached { fingerprint, views: views.clone(), took }));
        Ok(views)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, sector: &str, country: &str, at_risk: bool) -> PersonRow {
        PersonRow {
            id,
            display_name: format!("P{id}"),
            sector: Some(sector.into()),
            sector_vis: "members".into(),
            country: Some(country.into()),
            country_vis: "coordinators".into(),
            orgs_vis: "members".into(),
            at_risk,
        }
    }

    #[test]
    fn shared_organisations_tie_only_where_the_organisation_is_shown() {
        let ev = |a, b, source| sources::Evidence { a, b, source, weight: 1.0, at: 0, began: 0 };
        let mut rows = vec![row(1, "police", "TH", false), row(2, "police", "TH", false), row(3, "nhri", "TH", false)];
        rows[2].orgs_vis = "coordinators".into();
        let evidence =
            [ev(1, 2, Source::SharedOrganisation), ev(1, 3, Source::SharedOrganisation), ev(2, 3, Source::Recorded)];
        let members = evidence_for(Scope::Members, &rows, &evidence);
        assert_eq!(members.len(), 2, "member 3's hidden organisation makes no tie for members");
        assert!(members.iter().all(|e| !(e.a == 1 && e.b == 3)));
        assert_eq!(evidence_for(Scope::Coordinators, &rows, &evidence).len(), 3);
    }

    fn tie(a: i64, b: i64) -> CombinedTie {
        CombinedTie { a, b, weight: 1.0, sources: vec![Source::Recorded], since: 0 }
    }

    #[test]
    fn members_network_has_no_trace_of_at_risk_members() {
        // 1 - 2 - 3 (at risk) - 4: the members' network has no path from 1 to 4.
        let rows = [
            row(1, "police", "TH", false),
            row(2, "nhri", "TH", false),
            row(3, "legal", "MY", true),
            row(4, "health", "MY", false),
        ];
        let ties = [tie(1, 2), tie(2, 3), tie(3, 4)];
        let full = Network::build(Scope::Coordinators, &rows, &ties);
        let members = Network::build(Scope::Members, &rows, &ties);
        assert_eq!((full.figures.members, full.figures.ties, full.figures.components), (4, 3, 1));
        assert_eq!((members.figures.members, members.figures.ties, members.figures.components), (3, 1, 2));
        assert!(members.node(3).is_none());
        assert_eq!(members.nodes[members.node(2).unwrap()].betweenness, 0.0);
        assert!(full.nodes[full.node(2).unwrap()].betweenness > 0.0);
        // Members do not see a country that only coordinators may see.
        assert!(members.people.iter().all(|p| p.country.is_none()));
        assert_eq!(full.people[full.node(1).unwrap()].country, Some(Country::Th));
        assert_eq!(members.figures.isolated, 1);
        // Eigenvector centrality lives on the largest part; the isolated member has none.
        assert!(members.nodes[members.node(1).unwrap()].eigenvector > 0.0);
        assert_eq!(members.nodes[members.node(4).unwrap()].eigenvector, 0.0);
    }

    #[test]
    fn cross_sector_figures_count_only_ties_with_both_sectors_known() {
        let mut rows = vec![row(1, "police", "TH", false), row(2, "nhri", "TH", false), row(3, "police", "TH", false)];
        rows.push(PersonRow { sector: None, ..row(4, "x", "TH", false) });
        let ties = [tie(1, 2), tie(1, 3), tie(3, 4)];
        let net = Network::build(Scope::Coordinators, &rows, &ties);
        assert_eq!(net.figures.cross_sector_share, Some(0.5));
        assert_eq!(net.figures.ei_sector, Some(0.0));
        assert_eq!(net.figures.cross_country_share, Some(0.0));
        assert_eq!(net.nodes[0].cross_sector, 1);
        assert_eq!(net.figures.by_sector.get("unknown"), Some(&1));
    }
}
