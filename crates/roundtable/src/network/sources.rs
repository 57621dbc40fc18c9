//! Where ties come from.
//!
//! A tie between two members is the sum of its evidence. Some evidence is people's own word
//! (a tie they recorded, an introduction they both accepted); the rest is derived from what
//! they did together. Each kind of evidence is a [`Source`] with a query and a half-life:
//! derived evidence fades as it ages, so that a workshop shared five years ago weighs less
//! than one shared last month, and a network's map shows who works together now.
//!
//! A feature that creates shared activity (event attendance, co-authored resources, forum
//! replies) plugs in by adding a variant, its query in [`Source::collect`] and its half-life;
//! the analysis, the map, the ranking and the health figures then take it into account.

use std::collections::HashMap;

use crate::db::Db;
use crate::on_db;

/// A year, in milliseconds.
const YEAR_MS: f64 = 365.25 * 86_400_000.0;

/// Organisations larger than this do not make their members tied: sharing a police force or
/// a ministry says little about knowing each other, and a clique of hundreds would drown
/// every other tie in the measures.
pub const MAX_SHARED_ORG_SIZE: i64 = 40;

/// Derived evidence below this weight (after decay) is dropped.
const NEGLIGIBLE: f64 = 0.05;

/// One kind of evidence that two members are tied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Source {
    /// Recorded by one of the two or by a coordinator, or from an accepted introduction.
    /// Weighs `strength / 3` (strength 1–5, 3 when not given); does not fade.
    Recorded,
    /// Both belong to the same organisation (of at most [`MAX_SHARED_ORG_SIZE`] members).
    /// Weighs `1 / (members − 1)`, as co-authorship networks weigh shared papers (Newman
    /// 2001), so that a small team counts more than a large department. Affiliations are
    /// removed when they end, so this evidence is always current and does not fade.
    SharedOrganisation,
    /// One endorsed the other's expertise: they know each other's work. Fades with a
    /// half-life of two years from the endorsement.
    Endorsement,
    /// Both were checked in at the same event. Weighs `1 / (attendees − 1)`, as a shared
    /// organisation does, so that a roundtable of eight ties its people more than a
    /// conference of three hundred; fades with a half-life of three years from the event.
    /// Only events every member may know of (public and members' events) count, so that a
    /// tie never reveals a group's or an invitation-only meeting.
    CoAttendance,
    /// Both work on the same initiative and both agreed to be listed on it. Weighs
    /// `1 / (people − 1)`, as a shared organisation does; fades with a half-life of three
    /// years from the day it was completed or stopped (one still under way is current).
    /// Only initiatives every member may know of count
    /// ([`crate::initiatives::access::open_to_members_sql`]), so that a tie never reveals a
    /// group's or the coordinators' initiative.
    SharedInitiative,
}

impl Source {
    /// Every source, recorded first.
    pub const ALL: [Source; 5] = [
        Source::Recorded,
        Source::SharedOrganisation,
        Source::Endorsement,
        Source::CoAttendance,
        Source::SharedInitiative,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Source::Recorded => "recorded",
            Source::SharedOrganisation => "shared_organisation",
            Source::Endorsement => "endorsement",
            Source::CoAttendance => "co_attendance",
            Source::SharedInitiative => "shared_initiative",
        }
    }

    /// After how many years evidence of this source weighs half as much; `None`: never fades.
    pub fn half_life_years(self) -> Option<f64> {
        match self {
            Source::Recorded | Source::SharedOrganisation => None,
            Source::Endorsement => Some(2.0),
            Source::CoAttendance | Source::SharedInitiative => Some(3.0),
        }
    }

    /// All evidence of this source among active members, weights before decay. Evidence
    /// dated after `until` is left out, and so are members who joined after it when they
    /// would count towards an organisation's size: `i64::MAX` reads everything.
    pub async fn collect(self, db: &Db, now: i64, until: i64) -> Result<Vec<Evidence>, sqlx::Error> {
        // Each row: the pair, the weight, the date that decay counts from, and the date the
        // tie began (the later of the two people joining what they share).
        let rows: Vec<(i64, i64, f64, i64, i64)> = match self {
            Source::Recorded => {
                let sql =
                    "SELECT t.a_id, t.b_id, CAST(COALESCE(t.strength, 3) AS DOUBLE PRECISION) / 3.0, t.created_at, t.created_at \
                           FROM ties t JOIN users ua ON ua.id = t.a_id JOIN users ub ON ub.id = t.b_id \
                           WHERE ua.active AND ub.active AND t.created_at <= $1";
                on_db!(db, pool => sqlx::query_as(sql).bind(until).fetch_all(pool).await)?
            }
            Source::SharedOrganisation => {
                let sql = "WITH sizes AS ( \
                               SELECT f.org_id, COUNT(*) AS n FROM affiliations f JOIN users u ON u.id = f.user_id \
                               WHERE u.active AND u.created_at <= $3 GROUP BY f.org_id) \
                           SELECT x.user_id, y.user_id, 1.0 / CAST(s.n - 1 AS DOUBLE PRECISION), $1, \
                             CASE WHEN ux.created_at > uy.created_at THEN ux.created_at ELSE uy.created_at END \
                           FROM affiliations x \
                           JOIN affiliations y ON y.org_id = x.org_id AND x.user_id < y.user_id \
                           JOIN sizes s ON s.org_id = x.org_id \
                           JOIN users ux ON ux.id = x.user_id JOIN users uy ON uy.id = y.user_id \
                           WHERE ux.active AND uy.active AND ux.created_at <= $3 AND uy.created_at <= $3 AND s.n <= $2";
                on_db!(db, pool => sqlx::query_as(sql).bind(now).bind(MAX_SHARED_ORG_SIZE).bind(until).fetch_all(pool).await)?
            }
            Source::Endorsement => {
                let sql = "SELECT e.endorser_id, e.member_id, CAST(1 AS DOUBLE PRECISION), MIN(e.created_at), MIN(e.created_at) FROM endorsements e \
                           JOIN users ua ON ua.id = e.endorser_id JOIN users ub ON ub.id = e.member_id \
                           WHERE ua.active AND ub.active AND e.created_at <= $1 GROUP BY e.endorser_id, e.member_id";
                on_db!(db, pool => sqlx::query_as(sql).bind(until).fetch_all(pool).await)?
            }
            Source::CoAttendance => {
                let sql = format!(
                    "WITH present AS ( \
                               SELECT r.event_id, r.user_id FROM event_registrations r \
                               JOIN events e ON e.id = r.event_id JOIN users u ON u.id = r.user_id \
                               WHERE r.attended_at IS NOT NULL AND r.status = 'registered' AND u.active \
                               AND {} AND e.starts_at <= $1), \
                           sizes AS (SELECT event_id, COUNT(*) AS n FROM present GROUP BY event_id) \
                           SELECT x.user_id, y.user_id, 1.0 / CAST(s.n - 1 AS DOUBLE PRECISION), e.starts_at, e.starts_at \
                           FROM present x JOIN present y ON y.event_id = x.event_id AND x.user_id < y.user_id \
                           JOIN sizes s ON s.event_id = x.event_id JOIN events e ON e.id = x.event_id",
                    crate::events::access::open_to_members_sql("e")
                );
                on_db!(db, pool => sqlx::query_as(&sql).bind(until).fetch_all(pool).await)?
            }
            Source::SharedInitiative => {
                let sql = format!(
                    "WITH working AS ( \
                               SELECT ip.initiative_id, ip.user_id, ip.created_at FROM initiative_people ip \
                               JOIN initiatives i ON i.id = ip.initiative_id JOIN users u ON u.id = ip.user_id \
                               WHERE ip.listed AND u.active AND {} AND ip.created_at <= $1 AND i.created_at <= $1), \
                           sizes AS (SELECT initiative_id, COUNT(*) AS n FROM working GROUP BY initiative_id), \
                           ended AS (SELECT s.initiative_id, MAX(s.created_at) AS at FROM initiative_status_changes s \
                               JOIN initiatives i ON i.id = s.initiative_id \
                               WHERE i.status IN ('completed', 'stopped') GROUP BY s.initiative_id) \
                           SELECT x.user_id, y.user_id, 1.0 / CAST(s.n - 1 AS DOUBLE PRECISION), COALESCE(d.at, $2), \
                             CASE WHEN x.created_at > y.created_at THEN x.created_at ELSE y.created_at END \
                           FROM working x JOIN working y ON y.initiative_id = x.initiative_id AND x.user_id < y.user_id \
                           JOIN sizes s ON s.initiative_id = x.initiative_id \
                           LEFT JOIN ended d ON d.initiative_id = x.initiative_id",
                    crate::initiatives::access::open_to_members_sql("i")
                );
                on_db!(db, pool => sqlx::query_as(&sql).bind(until).bind(now).fetch_all(pool).await)?
            }
        };
        Ok(rows
            .into_iter()
            .filter(|(a, b, ..)| a != b)
            .map(|(a, b, weight, at, began)| Evidence { a: a.min(b), b: a.max(b), source: self, weight, at, began })
            .collect())
    }

    /// The weight of evidence of `weight` dated `at`, seen at `now`.
    pub fn decayed(self, weight: f64, at: i64, now: i64) -> f64 {
        match self.half_life_years() {
            None => weight,
            Some(half_life) => {
                let age_years = (now - at).max(0) as f64 / YEAR_MS;
                weight * 0.5f64.powf(age_years / half_life)
            }
        }
    }
}

/// One piece of evidence that members `a < b` are tied.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Evidence {
    pub a: i64,
    pub b: i64,
    pub source: Source,
    pub weight: f64,
    /// When decay counts from (a shared organisation's is now, an initiative's its end).
    pub at: i64,
    /// When the two began to share what ties them.
    pub began: i64,
}

/// A tie as the analysis sees it: the decayed evidence of every source, summed.
#[derive(Clone, Debug, PartialEq)]
pub struct CombinedTie {
    pub a: i64,
    pub b: i64,
    pub weight: f64,
    /// The sources that contributed, in [`Source::ALL`] order.
    pub sources: Vec<Source>,
    /// When the tie began, as far as the network knows: the earliest `began` of the evidence
    /// that still counts (the impact figures count new ties by it).
    pub since: i64,
}

/// Sums the evidence per pair after decay. Derived evidence that has faded below a
/// negligible weight is dropped; recorded ties always count. Sorted by pair.
pub fn combine(evidence: &[Evidence], now: i64) -> Vec<CombinedTie> {
    let mut pairs: HashMap<(i64, i64), CombinedTie> = HashMap::new();
    for e in evidence {
        let weight = e.source.decayed(e.weight, e.at, now);
        if e.source != Source::Recorded && weight < NEGLIGIBLE {
            continue;
        }
        let tie = pairs.entry((e.a, e.b)).or_insert_with(|| CombinedTie {
            a: e.a,
            b: e.b,
            weight: 0.0,
            sources: Vec::new(),
            since: e.began,
        });
        tie.weight += weight;
        tie.since = tie.since.min(e.began);
        if !tie.sources.contains(&e.source) {
            tie.sources.push(e.source);
        }
    }
    let mut ties: Vec<CombinedTie> = pairs.into_values().collect();
    for t in &mut ties {
        t.sources.sort_by_key(|s| Source::ALL.iter().position(|x| x == s));
    }
    ties.sort_by_key(|t| (t.a, t.b));
    ties
}

/// Every source's evidence dated up to `until` (`i64::MAX`: all of it), before decay.
pub async fn load(db: &Db, now: i64, until: i64) -> Result<Vec<Evidence>, sqlx::Error> {
    let mut evidence = Vec::new();
    for source in Source::ALL {
        evidence.extend(source.collect(db, now, until).await?);
    }
    Ok(evidence)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(a: i64, b: i64, source: Source, weight: f64, at: i64) -> Evidence {
        Evidence { a, b, source, weight, at, began: at }
    }

    #[test]
    fn endorsements_fade_by_half_every_two_years() {
        let now = 100 * YEAR_MS as i64;
        let two_years_ago = now - 2 * YEAR_MS as i64;
        assert!((Source::Endorsement.decayed(1.0, two_years_ago, now) - 0.5).abs() < 1e-9);
        assert_eq!(Source::Endorsement.decayed(1.0, now, now), 1.0);
        // A date in the future (a clock skew between nodes) does not make evidence weigh more.
        assert_eq!(Source::Endorsement.decayed(1.0, now + 1000, now), 1.0);
        assert_eq!(Source::Recorded.decayed(0.7, 0, now), 0.7);
    }

    #[test]
    fn co_attendance_fades_by_half_every_three_years() {
        let now = 100 * YEAR_MS as i64;
        let three_years_ago = now - 3 * YEAR_MS as i64;
        assert!((Source::CoAttendance.decayed(0.5, three_years_ago, now) - 0.25).abs() < 1e-9);
    }

    #[test]
    fn evidence_sums_per_pair_and_faded_evidence_drops() {
        let now = 50 * YEAR_MS as i64;
        let long_ago = now - 20 * YEAR_MS as i64;
        let ties = combine(
            &[
                ev(1, 2, Source::Endorsement, 1.0, now),
                ev(1, 2, Source::SharedOrganisation, 0.5, now),
                ev(1, 2, Source::Recorded, 1.0, long_ago),
                ev(3, 4, Source::Endorsement, 1.0, long_ago),
                ev(5, 6, Source::Recorded, 1.0 / 3.0, long_ago),
            ],
            now,
        );
        assert_eq!(ties.len(), 2, "{ties:?}");
        assert_eq!((ties[0].a, ties[0].b), (1, 2));
        assert!((ties[0].weight - 2.5).abs() < 1e-12);
        assert_eq!(ties[0].sources, vec![Source::Recorded, Source::SharedOrganisation, Source::Endorsement]);
        assert_eq!((ties[1].a, ties[1].b), (5, 6), "recorded ties never fade away");
    }
}
