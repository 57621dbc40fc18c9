//! Suggestions from the network: people who share contacts, scored with resource
//! allocation (the index of `sna::recommend`, which weighs a shared contact by how
//! selective they are), boosted when the two would bridge sectors or countries and when
//! they share an area of expertise or a language the viewer can see; and, for
//! coordinators, pairs of people to introduce to each other. Who may be suggested to whom
//! is decided by the caller, [`super::introductions`], from the network it hands in.

use std::collections::{BTreeSet, HashMap, HashSet};

use sna::recommend::{self, Method};
use sna::Graph;

use super::model::Person;
use crate::db::Db;
use crate::members::access::Audience;
use crate::on_db;
use crate::vocab::{Country, Expertise, Language, Sector};
use crate::web::Locale;

/// A suggestion across sectors, or across countries, counts this much more (each).
const CROSS_BOOST: f64 = 0.5;

/// A shared area of expertise, or a shared language, counts this much more (each).
const SHARED_BOOST: f64 = 0.25;

/// A pair of ids, the lower first, as ties and introductions store them.
pub(super) fn ordered(x: i64, y: i64) -> (i64, i64) {
    (x.min(y), x.max(y))
}

/// What a viewer may see of someone's expertise and languages.
#[derive(Clone, Debug, Default)]
pub struct Interests {
    pub expertise: BTreeSet<Expertise>,
    pub languages: BTreeSet<Language>,
}

/// The visible interests of every member, as `audience` may see them, and all of the
/// viewer's own.
pub async fn interests(db: &Db, audience: Audience, me: i64) -> Result<HashMap<i64, Interests>, sqlx::Error> {
    interests_where(db, audience, me, None).await
}

/// [`interests`] of `ids` and the viewer only: what a suggestion for one member needs, read
/// without loading a large network's every profile.
pub async fn interests_among(
    db: &Db,
    audience: Audience,
    me: i64,
    ids: &[i64],
) -> Result<HashMap<i64, Interests>, sqlx::Error> {
    interests_where(db, audience, me, Some(ids)).await
}

async fn interests_where(
    db: &Db,
    audience: Audience,
    me: i64,
    ids: Option<&[i64]>,
) -> Result<HashMap<i64, Interests>, sqlx::Error> {
    // Only the vocabulary's own keys and ids go into the SQL; the viewer's id is bound.
    let keys: Vec<String> = audience.visible_keys().iter().map(|k| format!("'{k}'")).collect();
    let keys = keys.join(", ");
    let only = |column: &str| match ids {
        Some(ids) => {
            let list: Vec<String> = ids.iter().map(i64::to_string).chain(["-1".to_string()]).collect();
            format!(" AND ({column} = $1 OR {column} IN ({}))", list.join(", "))
        }
        None => String::new(),
    };
    let sql = format!(
        "SELECT x.user_id, x.area FROM profile_expertise x JOIN profiles p ON p.user_id = x.user_id \
         WHERE (x.user_id = $1 OR p.expertise_vis IN ({keys})){}",
        only("x.user_id")
    );
    let expertise: Vec<(i64, String)> = on_db!(db, pool => sqlx::query_as(&sql).bind(me).fetch_all(pool).await)?;
    let sql = format!(
        "SELECT l.user_id, l.lang FROM profile_languages l JOIN profiles p ON p.user_id = l.user_id \
         WHERE (l.user_id = $1 OR p.languages_vis IN ({keys})){}",
        only("l.user_id")
    );
    let languages: Vec<(i64, String)> = on_db!(db, pool => sqlx::query_as(&sql).bind(me).fetch_all(pool).await)?;
    let mut all: HashMap<i64, Interests> = HashMap::new();
    for (id, area) in expertise {
        if let Ok(area) = area.parse() {
            all.entry(id).or_default().expertise.insert(area);
        }
    }
    for (id, lang) in languages {
        if let Ok(lang) = lang.parse() {
            all.entry(id).or_default().languages.insert(lang);
        }
    }
    Ok(all)
}

/// Someone suggested to the viewer, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct ForYou {
    /// Index into the network's people.
    pub node: usize,
    pub score: f64,
    /// Contacts the two share.
    pub common: usize,
    /// Their sector or country, when known on both sides and different from the viewer's.
    pub other_sector: Option<Sector>,
    pub other_country: Option<Country>,
    /// An area of expertise, and a language (other than English when possible), both share.
    pub expertise: Option<Expertise>,
    pub language: Option<Language>,
}

/// People not tied to `me` who share at least one contact with them, best first: resource
/// allocation (`Σ 1 / degree(w)` over shared contacts `w`, as `sna::recommend`), boosted
/// for crossing sectors or countries and for shared expertise or language. People in `skip`
/// (by member id) are left out.
pub fn suggest_for(
    graph: &Graph,
    people: &[Person],
    me: usize,
    interests: &HashMap<i64, Interests>,
    skip: &HashSet<i64>,
    limit: usize,
) -> Vec<ForYou> {
    let mine = graph.neighbors(me);
    let mut shared: HashMap<usize, (usize, f64)> = HashMap::new();
    for &w in mine {
        let through = 1.0 / graph.degree(w as usize) as f64;
        for &u in graph.neighbors(w as usize) {
            if u as usize != me && mine.binary_search(&u).is_err() {
                let entry = shared.entry(u as usize).or_default();
                entry.0 += 1;
                entry.1 += through;
            }
        }
    }
    let nothing = Interests::default();
    let (p, my) = (&people[me], interests.get(&people[me].id).unwrap_or(&nothing));
    let boost = |yes: bool, by: f64| if yes { 1.0 + by } else { 1.0 };
    let mut found: Vec<ForYou> = shared
        .into_iter()
        .filter(|(u, _)| !skip.contains(&people[*u].id))
        .map(|(u, (common, index))| {
            let q = &people[u];
            let theirs = interests.get(&q.id).unwrap_or(&nothing);
            let other_sector = q.sector.filter(|s| p.sector.is_some_and(|x| x != *s));
            let other_country = q.country.filter(|c| p.country.is_some_and(|x| x != *c));
            let expertise = my.expertise.intersection(&theirs.expertise).next().copied();
            let languages: Vec<Language> = my.languages.intersection(&theirs.languages).copied().collect();
            let language = languages.iter().find(|l| **l != Language::En).or(languages.first()).copied();
            let score = index
                * boost(other_sector.is_some(), CROSS_BOOST)
                * boost(other_country.is_some(), CROSS_BOOST)
                * boost(expertise.is_some(), SHARED_BOOST)
                * boost(language.is_some(), SHARED_BOOST);
            ForYou { node: u, score, common, other_sector, other_country, expertise, language }
        })
        .collect();
    found.sort_by(|a, b| b.score.total_cmp(&a.score).then(people[a.node].id.cmp(&people[b.node].id)));
    found.truncate(limit);
    found
}

/// The candidates whose interests [`suggest_for`] must read to find the best `limit`: the
/// people two steps away, first ranked without interests. Shared expertise and language
/// raise a score at most by `ceiling`, so only those whose score so raised could reach the
/// `limit`-th best can be among them (in a large network, a few dozen rather than
/// thousands).
pub fn worth_reading(graph: &Graph, people: &[Person], me: usize, skip: &HashSet<i64>, limit: usize) -> Vec<usize> {
    let ranked = suggest_for(graph, people, me, &HashMap::new(), skip, usize::MAX);
    let floor = ranked.get(limit.saturating_sub(1)).map_or(0.0, |s| s.score);
    let ceiling = (1.0 + SHARED_BOOST) * (1.0 + SHARED_BOOST);
    ranked.iter().take_while(|s| s.score * ceiling >= floor).map(|s| s.node).collect()
}

fn label(locale: Locale, prefix: &str, key: &str) -> String {
    locale.t(&format!("{prefix}-{key}"))
}

impl ForYou {
    /// "3 colleagues in common · another sector: Police · both speak Malay"
    pub fn why(&self, locale: Locale) -> String {
        let mut parts = vec![locale.t_args("suggestion-common", &[("count", self.common.to_string())])];
        if let Some(s) = self.other_sector {
            parts.push(locale.t_args("suggestion-other-sector", &[("sector", label(locale, Sector::PREFIX, s.key()))]));
        }
        if let Some(c) = self.other_country {
            parts.push(
                locale.t_args("suggestion-other-country", &[("country", label(locale, Country::PREFIX, c.key()))]),
            );
        }
        if let Some(e) = self.expertise {
            parts.push(
                locale.t_args("suggestion-shared-expertise", &[("area", label(locale, Expertise::PREFIX, e.key()))]),
            );
        }
        if let Some(l) = self.language {
            parts.push(
                locale.t_args("suggestion-shared-language", &[("language", label(locale, Language::PREFIX, l.key()))]),
            );
        }
        parts.join(" · ")
    }
}

/// Two people a coordinator might introduce: not tied, sharing contacts, and from different
/// sectors or countries.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    pub a: usize,
    pub b: usize,
    pub common: usize,
}

/// Groups for `sna::recommend`: one per known sector and country together, so that a pair
/// crosses when either differs; someone with either unknown is a group of their own.
fn bridge_groups(people: &[Person]) -> Vec<usize> {
    let mut known: HashMap<(Sector, Country), usize> = HashMap::new();
    let n = people.len();
    people
        .iter()
        .enumerate()
        .map(|(i, p)| match (p.sector, p.country) {
            (Some(s), Some(c)) => {
                let next = known.len();
                *known.entry((s, c)).or_insert(next)
            }
            _ => n + i,
        })
        .collect()
}

/// Whether two people's sectors, or countries, are both known and differ.
fn crosses(p: &Person, q: &Person) -> bool {
    fn differ<T: PartialEq>(x: Option<T>, y: Option<T>) -> bool {
        x.is_some() && y.is_some() && x != y
    }
    differ(p.sector, q.sector) || differ(p.country, q.country)
}

/// Members both `a` and `b` are tied to (neighbour lists are sorted).
fn common_count(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The best pairs across the network that would bridge sectors or countries, leaving out
/// pairs in `skip` (member ids, lower first).
pub fn bridging_pairs(graph: &Graph, people: &[Person], skip: &HashSet<(i64, i64)>, limit: usize) -> Vec<Pair> {
    let groups = bridge_groups(people);
    // A crossing pair counts double; pairs that only seem to cross because a sector or a
    // country is unknown are dropped after, so a generous pool is asked for.
    let pool = recommend::suggest(graph, Some(&groups), Method::ResourceAllocation, 1.0, limit * 20 + 100);
    pool.into_iter()
        .filter(|s| s.crosses && crosses(&people[s.a], &people[s.b]))
        .filter(|s| !skip.contains(&ordered(people[s.a].id, people[s.b].id)))
        .take(limit)
        .map(|s| Pair { a: s.a, b: s.b, common: common_count(graph.neighbors(s.a), graph.neighbors(s.b)) })
        .collect()
}

/// "2 colleagues in common · Police and Legal profession · Thailand and Malaysia"
pub(super) fn pair_why(pair: &Pair, people: &[Person], locale: Locale) -> String {
    let (p, q) = (&people[pair.a], &people[pair.b]);
    let mut parts = vec![locale.t_args("suggestion-common", &[("count", pair.common.to_string())])];
    if let (Some(x), Some(y)) = (p.sector, q.sector) {
        if x != y {
            let args = [("a", label(locale, Sector::PREFIX, x.key())), ("b", label(locale, Sector::PREFIX, y.key()))];
            parts.push(locale.t_args("suggestion-between", &args));
        }
    }
    if let (Some(x), Some(y)) = (p.country, q.country) {
        if x != y {
            let args = [("a", label(locale, Country::PREFIX, x.key())), ("b", label(locale, Country::PREFIX, y.key()))];
            parts.push(locale.t_args("suggestion-between", &args));
        }
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use sna::GraphBuilder;

    fn person(id: i64, sector: Sector, country: Country) -> Person {
        Person { id, name: format!("P{id}"), sector: Some(sector), country: Some(country), at_risk: false }
    }

    fn graph(n: i64, edges: &[(i64, i64)]) -> Graph {
        let mut b = GraphBuilder::new();
        for id in 1..=n {
            b.add_node(&id.to_string()).unwrap();
        }
        for (x, y) in edges {
            b.add_edge(&x.to_string(), &y.to_string(), 1.0).unwrap();
        }
        b.build()
    }

    /// Me (1, police, Thailand) knows 2 and 3; 4 (police, Thailand) knows both of them;
    /// 5 (lawyer, Malaysia) knows only 3; 6 knows nobody I know.
    fn scene() -> (Graph, Vec<Person>) {
        use Country::{My, Th};
        use Sector::{Legal, Nhri, Police};
        let people = vec![
            person(1, Police, Th),
            person(2, Nhri, Th),
            person(3, Nhri, Th),
            person(4, Police, Th),
            person(5, Legal, My),
            person(6, Legal, My),
        ];
        (graph(6, &[(1, 2), (1, 3), (2, 4), (3, 4), (3, 5), (5, 6)]), people)
    }

    #[test]
    fn reading_only_the_candidates_worth_reading_suggests_the_same_people() {
        use rand::{Rng, SeedableRng};
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
        let sectors = [Sector::Police, Sector::Nhri, Sector::Legal];
        let countries = [Country::Th, Country::My];
        let areas = [Expertise::LegalSafeguards, Expertise::DetentionMonitoring];
        let languages = [Language::En, Language::Th, Language::Ms];
        let mut left_out = 0;
        for round in 0..20 {
            let n = 40;
            let people: Vec<Person> = (1..=n)
                .map(|id| person(id, sectors[rng.random_range(0..3)], countries[rng.random_range(0..2)]))
                .collect();
            let edges: Vec<(i64, i64)> =
                (0..120).map(|_| (rng.random_range(1..=n), rng.random_range(1..=n))).filter(|(a, b)| a != b).collect();
            let g = graph(n, &edges);
            let interests: HashMap<i64, Interests> = (1..=n)
                .map(|id| {
                    let expertise = areas.iter().copied().filter(|_| rng.random_bool(0.5)).collect();
                    let languages = languages.iter().copied().filter(|_| rng.random_bool(0.5)).collect();
                    (id, Interests { expertise, languages })
                })
                .collect();
            for me in 0..n as usize {
                for limit in [1, 3] {
                    let full = suggest_for(&g, &people, me, &interests, &HashSet::new(), limit);
                    let read: HashSet<i64> = worth_reading(&g, &people, me, &HashSet::new(), limit)
                        .into_iter()
                        .map(|u| people[u].id)
                        .chain([people[me].id])
                        .collect();
                    let some: HashMap<i64, Interests> =
                        interests.iter().filter(|(id, _)| read.contains(id)).map(|(id, i)| (*id, i.clone())).collect();
                    let pruned = suggest_for(&g, &people, me, &some, &HashSet::new(), limit);
                    assert_eq!(pruned, full, "round {round}, node {me}, limit {limit}");
                    let candidates = suggest_for(&g, &people, me, &HashMap::new(), &HashSet::new(), usize::MAX).len();
                    left_out += candidates + 1 - read.len();
                }
            }
        }
        assert!(left_out > 1000, "the bound leaves candidates unread: {left_out}");
    }

    #[test]
    fn suggestions_share_contacts_and_favour_bridges_and_shared_interests() {
        let (g, people) = scene();
        let plain = suggest_for(&g, &people, 0, &HashMap::new(), &HashSet::new(), 10);
        let ids: Vec<i64> = plain.iter().map(|s| people[s.node].id).collect();
        // 4 shares two contacts (each of degree 2 or 3), 5 one; 6 shares none.
        assert_eq!(ids, vec![4, 5]);
        assert!((plain[0].score - (1.0 / 2.0 + 1.0 / 3.0)).abs() < 1e-12);
        assert_eq!(plain[0].common, 2);
        // The index is sna's resource allocation.
        let sna_scores = recommend::suggest(&g, None, Method::ResourceAllocation, 0.0, 100);
        let four = sna_scores.iter().find(|s| (s.a, s.b) == (0, 3)).unwrap();
        assert!((four.score - plain[0].score).abs() < 1e-12);

        // 5 crosses sector and country, and shares a language and an area: now first.
        let mut interests = HashMap::new();
        let both =
            |e: Expertise, l: &[Language]| Interests { expertise: [e].into(), languages: l.iter().copied().collect() };
        interests.insert(1, both(Expertise::LegalSafeguards, &[Language::En, Language::Ms, Language::Th]));
        interests.insert(5, both(Expertise::LegalSafeguards, &[Language::En, Language::Ms]));
        let boosted = suggest_for(&g, &people, 0, &interests, &HashSet::new(), 10);
        assert_eq!(people[boosted[0].node].id, 5);
        let five = &boosted[0];
        assert_eq!(
            (five.other_sector, five.other_country, five.expertise, five.language),
            (Some(Sector::Legal), Some(Country::My), Some(Expertise::LegalSafeguards), Some(Language::Ms))
        );
        assert_eq!(
            five.why(Locale::En),
            "1 colleague in common · another sector: Legal profession · another country: Malaysia · \
             both work on Legal safeguards · both speak Malay"
        );
        // Skipped people (an introduction exists already) are left out.
        let skip: HashSet<i64> = [5].into();
        assert!(suggest_for(&g, &people, 0, &interests, &skip, 10).iter().all(|s| people[s.node].id != 5));
    }

    #[test]
    fn pairs_for_coordinators_cross_sectors_or_countries() {
        let (g, people) = scene();
        let pairs = bridging_pairs(&g, &people, &HashSet::new(), 10);
        assert!(!pairs.is_empty());
        for p in &pairs {
            assert!(crosses(&people[p.a], &people[p.b]), "{p:?}");
            assert!(g.weight(p.a, p.b).is_none(), "not tied yet");
        }
        // 2 and 3 (both NHRI, Thailand) share contacts but would bridge nothing.
        assert!(!pairs.iter().any(|p| (p.a, p.b) == (1, 2)));
        let first = &pairs[0];
        let why = pair_why(first, &people, Locale::En);
        assert!(why.starts_with(&format!("{} colleague", first.common)), "{why}");
        let skip: HashSet<(i64, i64)> = [ordered(people[first.a].id, people[first.b].id)].into();
        assert!(!bridging_pairs(&g, &people, &skip, 10).contains(first));
    }

    #[test]
    fn unknown_sectors_and_countries_never_count_as_crossing() {
        let known = person(1, Sector::Police, Country::Th);
        let unknown = Person { sector: None, country: None, ..person(2, Sector::Police, Country::Th) };
        assert!(!crosses(&known, &unknown));
        assert!(crosses(&known, &person(3, Sector::Police, Country::My)));
        let groups = bridge_groups(&[known.clone(), unknown.clone(), known.clone()]);
        assert_eq!(groups[0], groups[2]);
        assert_ne!(groups[0], groups[1]);
        assert_eq!(common_count(&[1, 3, 5, 7], &[2, 3, 7, 9]), 2);
    }
}
