//! Who knows whom in the demo network, and since when. Pure and deterministic.
//!
//! The structure follows what network studies of professional communities find: dense
//! inside teams, thinner inside a sector and country, thin across sectors, thinner still
//! across countries, and held together by a few brokers (coordinators, trainers, people in
//! international bodies) who carry most cross-sector and cross-country ties. Newcomers of
//! the last weeks have none yet.

use std::collections::HashMap;

use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::data::{DemoMember, DemoNetwork};

/// A tie between members `a < b` (indices into `DemoNetwork::members`).
#[derive(Clone, Debug, PartialEq)]
pub struct DemoTie {
    pub a: usize,
    pub b: usize,
    pub kind: &'static str,
    pub strength: Option<i64>,
    pub since: Option<String>,
    /// How long ago it was recorded, in days.
    pub recorded_days_ago: i64,
}

/// When each member joined, and the ties between them.
#[derive(Clone, Debug, PartialEq)]
pub struct DemoHistory {
    /// Days since each member's account was created, by member index.
    pub joined_days_ago: Vec<i64>,
    /// Members who joined in the last weeks and have no ties or affiliations yet.
    pub newcomers: Vec<usize>,
    pub ties: Vec<DemoTie>,
}

/// How far back the demo network's history reaches.
pub const HISTORY_DAYS: i64 = 400;

const NEWCOMERS: usize = 8;

fn is_broker(m: &DemoMember) -> bool {
    m.role != "member" || m.sector == "international"
}

pub fn generate(net: &DemoNetwork, seed: u64) -> DemoHistory {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x71E5);
    let n = net.members.len();
    // The three named accounts and the coordinators were there from the start.
    let founders = |i: usize| i < 3 || net.members[i].role != "member";
    let candidates: Vec<usize> =
        (0..n).filter(|&i| !founders(i) && !net.members[i].at_risk && net.members[i].affiliations.len() <= 1).collect();
    let newcomers: Vec<usize> = candidates.choose_multiple(&mut rng, NEWCOMERS).copied().collect();
    let joined_days_ago: Vec<i64> = (0..n)
        .map(|i| {
            if founders(i) {
                HISTORY_DAYS + rng.random_range(0..30)
            } else if newcomers.contains(&i) {
                rng.random_range(1..25)
            } else {
                // Growth slows as the network matures: more joined early than lately.
                let x: f64 = rng.random();
                30 + ((HISTORY_DAYS - 30) as f64 * x.sqrt()) as i64
            }
        })
        .collect();

    let mut pairs: std::collections::BTreeMap<(usize, usize), DemoTie> = Default::default();
    let mut add =
        |rng: &mut ChaCha8Rng, i: usize, j: usize, kind: &'static str, strength: std::ops::RangeInclusive<i64>| {
            if i == j || newcomers.contains(&i) || newcomers.contains(&j) {
                return;
            }
            let (a, b) = (i.min(j), i.max(j));
            // Recorded after both had joined.
            let window = joined_days_ago[a].min(joined_days_ago[b]).max(1);
            let year = 2026 - rng.random_range(0..12);
            let since = match rng.random_range(0..3) {
                0 => None,
                1 => Some(format!("{year}")),
                _ => Some(format!("{year}-{:02}", rng.random_range(1..=12))),
            };
            let strength = rng.random_bool(0.8).then(|| rng.random_range(strength));
            pairs.entry((a, b)).or_insert(DemoTie {
                a,
                b,
                kind,
                strength,
                since,
                recorded_days_ago: rng.random_range(0..window),
            });
        };

    let members = &net.members;
    let orgs_of = |i: usize| members[i].affiliations.iter().map(|a| a.org).collect::<Vec<_>>();
    let core = net.core.min(n);
    for i in 0..core {
        for j in (i + 1)..core {
            let (x, y) = (&members[i], &members[j]);
            let same_org = orgs_of(i).iter().any(|o| orgs_of(j).contains(o));
            let p = if same_org {
                0.55
            } else if x.sector == y.sector && x.country == y.country {
                0.3
            } else if x.country == y.country {
                0.012
            } else {
                0.0015
            };
            // People at risk keep few ties, and only close ones.
            let p = if x.at_risk || y.at_risk { p * 0.4 } else { p };
            if rng.random_bool(p) {
                let kind = if same_org {
                    "worked_together"
                } else {
                    ["knows", "knows", "co_organised"].choose(&mut rng).copied().unwrap()
                };
                add(&mut rng, i, j, kind, if same_org { 3..=5 } else { 1..=3 });
            }
        }
    }
    // Members beyond the core (a network grown to a size asked for) get the same shape
    // without trying every pair: a few ties each, drawn from their colleagues, their sector
    // in their country, their country, and rarely abroad.
    let mut by_org: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut by_sector: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    let mut by_country: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, m) in members.iter().enumerate() {
        for a in &m.affiliations {
            by_org.entry(a.org).or_default().push(i);
        }
        by_sector.entry((m.country, m.sector)).or_default().push(i);
        by_country.entry(m.country).or_default().push(i);
    }
    let everyone: Vec<usize> = (0..n).filter(|&j| !members[j].at_risk).collect();
    for (i, m) in members.iter().enumerate().skip(core) {
        let few = |rng: &mut ChaCha8Rng, most: usize| {
            let k = rng.random_range(0..=most);
            if m.at_risk {
                k / 2
            } else {
                k
            }
        };
        let colleagues = m.affiliations.first().map(|a| &by_org[&a.org][..]).unwrap_or_default();
        let draws: [(&[usize], usize, &'static str, std::ops::RangeInclusive<i64>); 4] = [
            (colleagues, few(&mut rng, 4), "worked_together", 3..=5),
            (&by_sector[&(m.country, m.sector)], few(&mut rng, 4), "knows", 1..=3),
            (&by_country[m.country], few(&mut rng, 1), "co_organised", 1..=3),
            (&everyone, usize::from(!m.at_risk && rng.random_bool(0.1)), "knows", 1..=3),
        ];
        for (pool, k, kind, strength) in draws {
            for _ in 0..k {
                if let Some(&j) = pool.choose(&mut rng) {
                    add(&mut rng, i, j, kind, strength.clone());
                }
            }
        }
    }
    // Brokers reach across sectors in their country and across countries in their sector.
    let brokers: Vec<usize> = (0..n).filter(|&i| is_broker(&members[i]) && !members[i].at_risk).collect();
    let mut near_pools: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    let mut far_pools: HashMap<&str, Vec<usize>> = HashMap::new();
    for &b in &brokers {
        let (country, sector) = (members[b].country, members[b].sector);
        let same_country = near_pools.entry((country, sector)).or_insert_with(|| {
            (0..n).filter(|&j| members[j].country == country && members[j].sector != sector).collect()
        });
        let abroad = far_pools
            .entry(country)
            .or_insert_with(|| (0..n).filter(|&j| members[j].country != country && !members[j].at_risk).collect());
        let (near, far) = (rng.random_range(2..6), rng.random_range(0..3));
        let picks: Vec<(usize, &[&'static str])> = same_country
            .choose_multiple(&mut rng, near)
            .map(|&j| (j, &["trained_or_mentored", "co_organised", "knows"][..]))
            .chain(abroad.choose_multiple(&mut rng, far).map(|&j| (j, &["co_organised", "knows"][..])))
            .collect();
        for (j, kinds) in picks {
            let kind = kinds.choose(&mut rng).copied().expect("kinds are not empty");
            add(&mut rng, b, j, kind, 1..=4);
        }
    }
    DemoHistory { joined_days_ago, newcomers, ties: pairs.into_values().collect() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::data;

    #[test]
    fn ties_are_dense_inside_and_bridged_by_brokers() {
        let net = data::generate(42);
        let history = generate(&net, 42);
        assert_eq!(history, generate(&net, 42), "deterministic");
        let ties = &history.ties;
        let n = net.members.len();
        assert!((2 * n..10 * n).contains(&ties.len()), "{} ties for {n} members", ties.len());
        let m = &net.members;
        let cross_country = ties.iter().filter(|t| m[t.a].country != m[t.b].country).count();
        let cross_sector = ties.iter().filter(|t| m[t.a].sector != m[t.b].sector).count();
        assert!(
            cross_country > 10 && cross_country * 4 < ties.len(),
            "{cross_country} cross-country of {}",
            ties.len()
        );

        // Brokers carry a disproportionate share of the cross-sector ties.
        assert!(cross_sector * 2 < ties.len(), "{cross_sector} cross-sector of {}", ties.len());
        let broker_share = ties
            .iter()
            .filter(|t| m[t.a].sector != m[t.b].sector && (is_broker(&m[t.a]) || is_broker(&m[t.b])))
            .count();
        assert!(broker_share * 2 > cross_sector);
        // Newcomers joined lately and have no ties; everyone else was there before their ties.
        assert_eq!(history.newcomers.len(), NEWCOMERS);
        for &i in &history.newcomers {
            assert!(history.joined_days_ago[i] < 30);
            assert!(ties.iter().all(|t| t.a != i && t.b != i));
        }
        for t in ties {
            assert!(
                t.a < t.b
                    && t.recorded_days_ago < history.joined_days_ago[t.a].min(history.joined_days_ago[t.b]).max(1)
            );
        }
    }

    #[test]
    fn a_grown_network_keeps_its_core_and_stays_sparse() {
        let core = data::generate(42);
        let grown = data::generate_sized(42, 3000);
        assert_eq!((grown.members.len(), grown.core), (3000, core.members.len()));
        assert_eq!(grown.members[..grown.core], core.members[..], "the core is the same whatever the size");
        let emails: std::collections::HashSet<_> = grown.members.iter().map(|m| &m.email).collect();
        assert_eq!(emails.len(), grown.members.len());
        assert!(grown.members[grown.core..].iter().any(|m| m.at_risk));
        let history = generate(&grown, 42);
        assert_eq!(history, generate(&grown, 42), "deterministic");
        let n = grown.members.len();
        assert!((2 * n..10 * n).contains(&history.ties.len()), "{} ties for {n} members", history.ties.len());
        let m = &grown.members;
        let cross_country = history.ties.iter().filter(|t| m[t.a].country != m[t.b].country).count();
        assert!(cross_country > 10 && cross_country * 4 < history.ties.len());
    }
}
