//! What the impact figures count, read once for the coordinators' dashboard and for the
//! public figures alike. Each reading keeps to what its [`Lens`] may know, by calling the
//! feature's own rule (events, initiatives, the library, members); none is restated here.

use std::collections::BTreeMap;

use crate::db::{rows, Arg, Args, Db};
use crate::members::access::Audience;
use crate::network::model::{Network, Person, Scope};
use crate::vocab::{ChampionStage, InitiativeStatus};
use crate::web::{Viewer, Who};

/// Whose figures these are.
#[derive(Clone, Debug)]
pub enum Lens {
    /// A coordinator's (or admin's) dashboard: everything they may see in Roundtable, members
    /// at risk included, but never a secret group they are not in.
    Dashboard(Viewer),
    /// The same coordinator's dashboard as a file (a CSV download), which leaves Roundtable's
    /// protection: as every file, nothing of a secret group and no member at risk, whoever
    /// exports.
    File(Viewer),
    /// The public figures: only what every member may see (events, initiatives and resources
    /// open to members, profile fields members may read), and never a member at risk.
    Public,
}

impl Lens {
    fn who(&self) -> Who {
        match self {
            Lens::Dashboard(v) => Who::literal(v),
            Lens::File(v) => Who::literal(v).outside(),
            Lens::Public => Who::literal(&Viewer(None)),
        }
    }

    fn events(&self, e: &str) -> String {
        match self {
            Lens::Dashboard(_) | Lens::File(_) => crate::events::access::visible_sql(e, &self.who()),
            Lens::Public => crate::events::access::open_to_members_sql(e),
        }
    }

    fn initiatives(&self, i: &str) -> String {
        match self {
            Lens::Dashboard(_) | Lens::File(_) => crate::initiatives::access::visible_sql(i, &self.who()),
            Lens::Public => crate::initiatives::access::open_to_members_sql(i),
        }
    }

    fn resources(&self, r: &str) -> String {
        match self {
            Lens::Dashboard(v) => crate::library::visible_sql(r, v),
            // The library's rule reads the viewer's own standing; a file also shuts out
            // secret groups, as the group rule says of what leaves Roundtable.
            Lens::File(v) => format!(
                "({} AND {})",
                crate::library::visible_sql(r, v),
                crate::groups::access::not_shut_out_sql(&format!("{r}.group_id"), &self.who())
            ),
            Lens::Public => crate::library::open_to_members_sql(r),
        }
    }

    /// The member whose profile is `p` (LEFT JOIN) and id `user` counts at all.
    fn person(&self, p: &str, user: &str) -> String {
        match self {
            Lens::Dashboard(_) | Lens::File(_) => crate::members::access::person_sql(p, user, &self.who()),
            Lens::Public => crate::members::access::files_sql(p),
        }
    }

    /// A profile field as this lens may read it (NULL where it may not).
    fn field(&self, p: &str, field: &str) -> String {
        let audience = match self {
            Lens::Dashboard(v) | Lens::File(v) => Audience::of_viewer(v),
            Lens::Public => Audience::Member,
        };
        crate::members::query::field_sql(audience, p, field)
    }

    /// The network analysis this lens reads ties from.
    pub fn scope(&self) -> Scope {
        match self {
            Lens::Dashboard(_) | Lens::File(_) => Scope::Coordinators,
            Lens::Public => Scope::Members,
        }
    }

    /// Whether a member of the network counts (a file leaves out members at risk).
    fn counts(&self, person: &Person) -> bool {
        match self {
            Lens::File(_) => crate::members::access::goes_in_files(person.at_risk),
            Lens::Dashboard(_) | Lens::Public => true,
        }
    }
}

/// An event held (not cancelled, begun) in the period.
#[derive(sqlx::FromRow, Clone, Debug)]
pub struct Held {
    pub id: i64,
    pub kind: String,
    pub country: String,
    pub starts_at: i64,
}

/// Events held from `from` up to (not including) `until`, unix ms.
pub async fn events_held(db: &Db, lens: &Lens, from: i64, until: i64) -> Result<Vec<Held>, sqlx::Error> {
    let mut args = Args::default();
    let (a, b) = (args.push(Arg::Int(from)), args.push(Arg::Int(until)));
    let sql = format!(
        "SELECT e.id, e.kind, e.country, e.starts_at FROM events e \
         WHERE NOT e.cancelled AND e.starts_at >= {a} AND e.starts_at < {b} AND {} ORDER BY e.starts_at, e.id",
        lens.events("e")
    );
    rows(db, &sql, &args).await
}

/// One person's place at one held event.
#[derive(sqlx::FromRow, Clone, Debug)]
pub struct Participation {
    pub event_id: i64,
    /// The same for one person across events: a member by account, a visitor by address.
    pub person: String,
    pub sector: Option<String>,
    pub country: Option<String>,
}

/// Who took part in the events [`events_held`] finds: registrations that held a place. A
/// member's sector and country are their profile's, as the lens may read them; a visitor's
/// are those they gave.
pub async fn participations(db: &Db, lens: &Lens, from: i64, until: i64) -> Result<Vec<Participation>, sqlx::Error> {
    let mut args = Args::default();
    let (a, b) = (args.push(Arg::Int(from)), args.push(Arg::Int(until)));
    let sql = format!(
        "SELECT r.event_id, \
           CASE WHEN r.user_id IS NULL THEN 'v:' || r.email_key ELSE 'm:' || CAST(r.user_id AS TEXT) END AS person, \
           CASE WHEN r.user_id IS NULL THEN r.sector ELSE {sector} END AS sector, \
           CASE WHEN r.user_id IS NULL THEN r.country ELSE {country} END AS country \
         FROM event_registrations r JOIN events e ON e.id = r.event_id LEFT JOIN profiles p ON p.user_id = r.user_id \
         WHERE r.status = 'registered' AND NOT e.cancelled AND e.starts_at >= {a} AND e.starts_at < {b} AND {events} \
           AND (r.user_id IS NULL OR {person}) ORDER BY r.event_id, r.id",
        sector = lens.field("p", "sector"),
        country = lens.field("p", "country"),
        events = lens.events("e"),
        person = lens.person("p", "r.user_id"),
    );
    rows(db, &sql, &args).await
}

/// New ties in `[from, until)`: all, those across sectors, those across countries (both
/// ends' sector or country known to the network's scope, and different). A tie is new when
/// its earliest evidence is; ties whose derived evidence has faded out of the network are
/// no longer counted.
pub fn new_ties(lens: &Lens, net: &Network, from: i64, until: i64) -> (usize, usize, usize) {
    let (mut all, mut sector, mut country) = (0, 0, 0);
    for t in net.ties.iter().filter(|t| t.since >= from && t.since < until) {
        let (a, b) = (&net.people[t.a], &net.people[t.b]);
        if !lens.counts(a) || !lens.counts(b) {
            continue;
        }
        all += 1;
        if matches!((a.sector, b.sector), (Some(x), Some(y)) if x != y) {
            sector += 1;
        }
        if matches!((a.country, b.country), (Some(x), Some(y)) if x != y) {
            country += 1;
        }
    }
    (all, sector, country)
}

/// A champion's stage from a moment on (a note on their path, or their stage as it is).
#[derive(sqlx::FromRow, Clone, Debug)]
pub struct StageAt {
    pub user_id: i64,
    pub stage: String,
    pub at: i64,
}

/// Every dated stage of every champion the lens counts, by member and time. Champions are
/// the coordinators' own list: outside the dashboard only ever counted, never named.
pub async fn champion_stages(db: &Db, lens: &Lens) -> Result<Vec<StageAt>, sqlx::Error> {
    let person = lens.person("p", "u.id");
    let sql = format!(
        "SELECT n.user_id, n.stage, n.created_at AS at FROM champion_notes n JOIN users u ON u.id = n.user_id \
           LEFT JOIN profiles p ON p.user_id = u.id WHERE u.active AND {person} \
         UNION ALL \
         SELECT c.user_id, c.stage, c.updated_at AS at FROM champions c JOIN users u ON u.id = c.user_id \
           LEFT JOIN profiles p ON p.user_id = u.id WHERE u.active AND {person} \
         ORDER BY 1, 3"
    );
    rows(db, &sql, &Args::default()).await
}

/// The champions whose stage was active at some moment of `[from, until)`: active when it
/// began, or made active during it.
pub fn champions_active(stages: &[StageAt], from: i64, until: i64) -> usize {
    let mut by: BTreeMap<i64, Vec<&StageAt>> = BTreeMap::new();
    for s in stages {
        by.entry(s.user_id).or_default().push(s);
    }
    let active = ChampionStage::Active.key();
    by.values()
        .filter(|path| {
            let before = path.iter().filter(|s| s.at < from).max_by_key(|s| s.at).is_some_and(|s| s.stage == active);
            before || path.iter().any(|s| s.at >= from && s.at < until && s.stage == active)
        })
        .count()
}

/// How far along the way an initiative's status is; an advance is a move to a later one.
fn progress(status: InitiativeStatus) -> u8 {
    match status {
        InitiativeStatus::Idea | InitiativeStatus::Stopped => 0,
        InitiativeStatus::Planned | InitiativeStatus::Paused => 1,
        InitiativeStatus::Active => 2,
        InitiativeStatus::Completed => 3,
    }
}

/// Whether moving from `from` (none: the first status given) to `to` moves forward.
pub fn advances(from: Option<InitiativeStatus>, to: InitiativeStatus) -> bool {
    match from {
        None => false,
        Some(from) => progress(to) > progress(from),
    }
}

/// Initiatives as the lens may see them: their dated statuses, and the days they moved
/// forward (a status advanced, a milestone done), `YYYY-MM-DD`.
#[derive(Default, Debug)]
pub struct Initiatives {
    pub forward: Vec<(i64, String)>,
    /// Every dated status, by initiative and day.
    changes: Vec<(i64, String, String)>,
}

#[derive(sqlx::FromRow)]
struct Change {
    initiative_id: i64,
    status: String,
    changed_on: String,
}

pub async fn initiatives(db: &Db, lens: &Lens) -> Result<Initiatives, sqlx::Error> {
    let visible = lens.initiatives("i");
    let sql = format!(
        "SELECT s.initiative_id, s.status, s.changed_on FROM initiative_status_changes s \
         JOIN initiatives i ON i.id = s.initiative_id WHERE {visible} ORDER BY s.initiative_id, s.changed_on, s.id"
    );
    let changes: Vec<Change> = rows(db, &sql, &Args::default()).await?;
    let sql = format!(
        "SELECT m.initiative_id, m.done_on FROM initiative_milestones m JOIN initiatives i ON i.id = m.initiative_id \
         WHERE m.state = 'done' AND m.done_on IS NOT NULL AND {visible}"
    );
    let mut forward: Vec<(i64, String)> = rows(db, &sql, &Args::default()).await?;
    let mut previous: Option<(i64, InitiativeStatus)> = None;
    let mut dated = Vec::with_capacity(changes.len());
    for c in changes {
        dated.push((c.initiative_id, c.status.clone(), c.changed_on.clone()));
        let Ok(now) = c.status.parse::<InitiativeStatus>() else { continue };
        let before = previous.filter(|(id, _)| *id == c.initiative_id).map(|(_, s)| s);
        if advances(before, now) {
            forward.push((c.initiative_id, c.changed_on));
        }
        previous = Some((c.initiative_id, now));
    }
    Ok(Initiatives { forward, changes: dated })
}

impl Initiatives {
    /// How many initiatives stood at each status at the end of `day` (YYYY-MM-DD): by their
    /// latest change on or before it. Initiatives without a status by then are not counted.
    pub fn status_on(&self, day: &str) -> BTreeMap<String, usize> {
        let mut latest: BTreeMap<i64, &str> = BTreeMap::new();
        // Changes come by initiative and day, so the last one seen is the latest.
        for (id, status, _) in self.changes.iter().filter(|c| c.2.as_str() <= day) {
            latest.insert(*id, status);
        }
        let mut out: BTreeMap<String, usize> = BTreeMap::new();
        for status in latest.into_values() {
            *out.entry(status.to_string()).or_default() += 1;
        }
        out
    }

    /// Distinct initiatives that moved forward on a day in `[from, to]` (YYYY-MM-DD).
    pub fn moved_forward(&self, from: &str, to: &str) -> usize {
        let mut ids: Vec<i64> =
            self.forward.iter().filter(|(_, d)| d.as_str() >= from && d.as_str() <= to).map(|(id, _)| *id).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    }
}

/// An indicator of an initiative the lens may see, with its latest value up to a day.
#[derive(sqlx::FromRow, Clone, Debug)]
pub struct Indicator {
    pub title: String,
    pub name: String,
    pub kind: String,
    pub unit: String,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub latest: Option<f64>,
    pub measured_on: Option<String>,
}

/// Indicators of the initiatives the lens may see, titled in `lang` where a translation
/// exists, each with its latest value measured on or before `to` (YYYY-MM-DD).
pub async fn indicators(db: &Db, lens: &Lens, lang: &str, to: &str) -> Result<Vec<Indicator>, sqlx::Error> {
    let mut args = Args::default();
    let (lang, to) = (args.push(Arg::Text(lang.into())), args.push(Arg::Text(to.into())));
    let latest = |column: &str| {
        format!(
            "(SELECT v.{column} FROM initiative_indicator_values v WHERE v.indicator_id = n.id AND v.measured_on <= {to} \
              ORDER BY v.measured_on DESC, v.id DESC LIMIT 1)"
        )
    };
    let sql = format!(
        "SELECT x.title, x.name, x.kind, x.unit, x.baseline, x.target, x.latest, x.measured_on FROM ( \
           SELECT i.id, n.id AS nid, {titled}, n.name, n.kind, n.unit, n.baseline, n.target, \
             {value} AS latest, {day} AS measured_on \
           FROM initiatives i JOIN initiative_indicators n ON n.initiative_id = i.id WHERE {visible}) x \
         ORDER BY lower(x.title), x.id, x.nid",
        titled = crate::initiatives::titled(&lang),
        value = latest("value"),
        day = latest("measured_on"),
        visible = lens.initiatives("i"),
    );
    rows(db, &sql, &args).await
}

/// A resource the lens may see: kind, title and when it entered the library.
#[derive(sqlx::FromRow, Clone, Debug)]
pub struct Resource {
    pub id: i64,
    pub title: String,
    pub kind: String,
    pub created_at: i64,
}

pub async fn resources(db: &Db, lens: &Lens) -> Result<Vec<Resource>, sqlx::Error> {
    let sql = format!(
        "SELECT r.id, r.title, r.kind, r.created_at FROM resources r WHERE {} ORDER BY r.id",
        lens.resources("r")
    );
    rows(db, &sql, &Args::default()).await
}

/// Downloads per resource on each day of `[from, to]` (YYYY-MM-DD), of resources the lens
/// may see.
pub async fn downloads(db: &Db, lens: &Lens, from: &str, to: &str) -> Result<Vec<(i64, String, i64)>, sqlx::Error> {
    let mut args = Args::default();
    let (a, b) = (args.push(Arg::Text(from.into())), args.push(Arg::Text(to.into())));
    let sql = format!(
        "SELECT d.resource_id, d.day, d.count FROM resource_downloads d JOIN resources r ON r.id = d.resource_id \
         WHERE d.day >= {a} AND d.day <= {b} AND {} ORDER BY d.day, d.resource_id",
        lens.resources("r")
    );
    rows(db, &sql, &args).await
}

/// Questions to experts: when each was asked and answered. Never who asked or what.
pub async fn questions(db: &Db, lens: &Lens) -> Result<Vec<(i64, Option<i64>)>, sqlx::Error> {
    let sql = format!(
        "SELECT q.created_at, q.answered_at FROM questions q LEFT JOIN profiles p ON p.user_id = q.asker_id \
         WHERE q.asker_id IS NULL OR {}",
        lens.person("p", "q.asker_id")
    );
    rows(db, &sql, &Args::default()).await
}

/// Members who had joined before `until`, with sector and country as the lens may read them.
pub async fn members(db: &Db, lens: &Lens, until: i64) -> Result<Vec<(Option<String>, Option<String>)>, sqlx::Error> {
    let mut args = Args::default();
    let b = args.push(Arg::Int(until));
    let sql = format!(
        "SELECT {}, {} FROM users u LEFT JOIN profiles p ON p.user_id = u.id WHERE u.active AND u.created_at < {b} AND {}",
        lens.field("p", "sector"),
        lens.field("p", "country"),
        lens.person("p", "u.id")
    );
    rows(db, &sql, &args).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(user_id: i64, stage: &str, at: i64) -> StageAt {
        StageAt { user_id, stage: stage.into(), at }
    }

    #[test]
    fn champions_count_as_active_through_the_quarters_they_were_active_in() {
        let stages = [
            at(1, "candidate", 0),
            at(1, "active", 150),
            at(1, "alumni", 350),
            at(2, "active", 50),
            at(3, "approached", 120),
        ];
        assert_eq!(champions_active(&stages, 0, 100), 1, "only 2 is active in the first");
        assert_eq!(champions_active(&stages, 100, 200), 2, "1 becomes active");
        assert_eq!(champions_active(&stages, 200, 300), 2, "both stay active");
        assert_eq!(champions_active(&stages, 400, 500), 1, "1 has become an alumnus");
    }

    #[test]
    fn only_moves_to_a_later_status_advance() {
        use InitiativeStatus::*;
        assert!(!advances(None, Active), "the first status is where it starts");
        assert!(advances(Some(Idea), Planned));
        assert!(advances(Some(Paused), Active), "resuming");
        assert!(advances(Some(Active), Completed));
        assert!(!advances(Some(Active), Paused));
        assert!(!advances(Some(Active), Stopped));
        assert!(!advances(Some(Planned), Paused));
    }
}
