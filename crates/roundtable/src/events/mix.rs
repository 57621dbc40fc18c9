//! The participant mix: what makes a meeting work is who is in the room. An organiser sets a
//! target share of participants per sector and per country (police 30 %, NHRI 20 %, civil
//! society 30 %; TH, MY, PH), and the areas of expertise the event is about. The mix page
//! shows the current registrations against the targets, as a table with a bar per row
//! drawn on the server, and suggests members to invite to close the gap.
//!
//! Who counts: registrations that hold or wait for a place by approval (`registered`,
//! `pending`); the waitlist is not in the room. A visitor's sector and country are those
//! they gave; a member's are their profile's, where members may see them.
//!
//! Suggestions use the members' network (the analysis members see, which never holds
//! members at risk): each member not registered, invited or organising scores by how much
//! their sector and country are under-filled (the shortfall in share, summed), raised when
//! they work on one of the event's topics or speak one of its languages, and divided by one
//! plus the ties they already have to registered participants, so that people who do not
//! yet know the others come first. Members who fill no gap are not suggested. The mix and
//! its suggestions are for those who manage the event only ([`super::managed`]).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};

use super::{languages_of, managed, Event};
use crate::db::{affected, Db};
use crate::members::access::Audience;
use crate::network::introductions::{interests, Interests};
use crate::network::model::Scope;
use crate::vocab::{Country, Expertise, Language, Sector};
use crate::web::Routes;
use crate::web::{AppError, AppResult, AppState, Form, Locale, Message, Page, SignedIn, Viewer};
use crate::{on_db, on_tx};

/// How many members the mix page suggests.
const SUGGESTIONS: usize = 12;
/// A suggestion who works on one of the event's topics, or speaks one of its languages,
/// counts this much more (each).
const SHARED_BOOST: f64 = 0.5;

pub fn routes() -> Routes {
    vec![("/events/{id}/mix", get(page).post(save))]
}

/// The organiser's targets: per cent of participants per sector and per country (each
/// dimension adds up to at most 100), and the event's topics.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Targets {
    pub sectors: BTreeMap<Sector, i64>,
    pub countries: BTreeMap<Country, i64>,
    pub topics: BTreeSet<Expertise>,
}

fn percent(value: &str) -> AppResult<Option<i64>> {
    match value.trim() {
        "" | "0" => Ok(None),
        v => v
            .parse::<i64>()
            .ok()
            .filter(|p| (1..=100).contains(p))
            .map(Some)
            .ok_or(AppError::invalid("error-event-mix-percent")),
    }
}

impl Targets {
    /// From form fields `sector_<key>` and `country_<key>` (a whole per cent, empty or 0 for
    /// none) and repeated `topic`; other fields (the CSRF token) are not the mix's.
    pub fn parse(fields: &[(String, String)]) -> AppResult<Targets> {
        let mut targets = Targets::default();
        for (name, value) in fields {
            if let Some(key) = name.strip_prefix("sector_") {
                let sector: Sector = key.parse()?;
                if let Some(p) = percent(value)? {
                    if targets.sectors.insert(sector, p).is_some() {
                        return Err(AppError::invalid("error-form-malformed"));
                    }
                }
            } else if let Some(key) = name.strip_prefix("country_") {
                let country: Country = key.parse()?;
                if let Some(p) = percent(value)? {
                    if targets.countries.insert(country, p).is_some() {
                        return Err(AppError::invalid("error-form-malformed"));
                    }
                }
            } else if name == "topic" && !value.is_empty() {
                targets.topics.insert(value.parse()?);
            }
        }
        for total in [targets.sectors.values().sum::<i64>(), targets.countries.values().sum::<i64>()] {
            if total > 100 {
                return Err(AppError::Invalid(Message::new("error-event-mix-over").arg("total", total)));
            }
        }
        Ok(targets)
    }

    pub fn is_empty(&self) -> bool {
        self.sectors.is_empty() && self.countries.is_empty()
    }
}

pub async fn targets_of(db: &Db, id: i64) -> Result<Targets, sqlx::Error> {
    Ok(targets_of_each(db, &[id]).await?.remove(&id).unwrap_or_default())
}

/// [`targets_of`] for several events at once (a list of them reads in two queries).
pub async fn targets_of_each(db: &Db, ids: &[i64]) -> Result<HashMap<i64, Targets>, sqlx::Error> {
    let mut all: HashMap<i64, Targets> = ids.iter().map(|id| (*id, Targets::default())).collect();
    if ids.is_empty() {
        return Ok(all);
    }
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    let sql = format!("SELECT event_id, dimension, item, percent FROM event_mix_targets WHERE event_id IN ({list})");
    let rows: Vec<(i64, String, String, i64)> = on_db!(db, pool => sqlx::query_as(&sql).fetch_all(pool).await)?;
    for (id, dimension, item, p) in rows {
        let Some(t) = all.get_mut(&id) else { continue };
        match dimension.as_str() {
            "sector" => {
                if let Ok(s) = item.parse() {
                    t.sectors.insert(s, p);
                }
            }
            _ => {
                if let Ok(c) = item.parse() {
                    t.countries.insert(c, p);
                }
            }
        }
    }
    let sql = format!("SELECT event_id, area FROM event_topics WHERE event_id IN ({list})");
    let topics: Vec<(i64, String)> = on_db!(db, pool => sqlx::query_as(&sql).fetch_all(pool).await)?;
    for (id, area) in topics {
        if let (Some(t), Ok(area)) = (all.get_mut(&id), area.parse()) {
            t.topics.insert(area);
        }
    }
    Ok(all)
}

/// The sector and country of every registration in the room (registered or pending).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Current {
    pub total: i64,
    pub sectors: HashMap<Sector, i64>,
    pub countries: HashMap<Country, i64>,
}

/// A member's sector and country count as the viewer may see them (see
/// [`crate::members::query::field_sql`]), so that no share points at someone hidden.
pub async fn current(db: &Db, viewer: &Viewer, id: i64) -> Result<Current, sqlx::Error> {
    Ok(current_of_each(db, viewer, &[id]).await?.remove(&id).unwrap_or_default())
}

/// [`current`] for several events at once, in one query.
pub async fn current_of_each(db: &Db, viewer: &Viewer, ids: &[i64]) -> Result<HashMap<i64, Current>, sqlx::Error> {
    let mut all: HashMap<i64, Current> = ids.iter().map(|id| (*id, Current::default())).collect();
    if ids.is_empty() {
        return Ok(all);
    }
    let audience = crate::members::access::Audience::of_viewer(viewer);
    let sql = format!(
        "SELECT r.event_id, COALESCE(r.sector, {sector}), COALESCE(r.country, {country}) \
         FROM event_registrations r LEFT JOIN profiles p ON p.user_id = r.user_id \
         WHERE r.event_id IN ({list}) AND r.status IN ('registered', 'pending')",
        sector = crate::members::query::field_sql(audience, "p", "sector"),
        country = crate::members::query::field_sql(audience, "p", "country"),
        list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", "),
    );
    let rows: Vec<(i64, Option<String>, Option<String>)> =
        on_db!(db, pool => sqlx::query_as(&sql).fetch_all(pool).await)?;
    for (id, sector, country) in rows {
        let Some(c) = all.get_mut(&id) else { continue };
        c.total += 1;
        if let Some(s) = sector.and_then(|s| s.parse().ok()) {
            *c.sectors.entry(s).or_default() += 1;
        }
        if let Some(k) = country.and_then(|k| k.parse().ok()) {
            *c.countries.entry(k).or_default() += 1;
        }
    }
    Ok(all)
}

/// The shortfall of a target, as a fraction of all participants: how far the current share
/// is below the target share (0 when it is reached).
fn shortfall(target: i64, count: i64, total: i64) -> f64 {
    let share = if total > 0 { count as f64 / total as f64 } else { 0.0 };
    (target as f64 / 100.0 - share).max(0.0)
}

/// How many of the targets the registrations in the room fall short of.
pub fn gaps(targets: &Targets, current: &Current) -> usize {
    let sectors = targets
        .sectors
        .iter()
        .filter(|(s, t)| shortfall(**t, current.sectors.get(s).copied().unwrap_or(0), current.total) > 0.0);
    let countries = targets
        .countries
        .iter()
        .filter(|(k, t)| shortfall(**t, current.countries.get(k).copied().unwrap_or(0), current.total) > 0.0);
    sectors.count() + countries.count()
}

/// A member who might be invited, as the members' network knows them.
#[derive(Clone, Debug, Default)]
pub struct Candidate {
    pub id: i64,
    pub sector: Option<Sector>,
    pub country: Option<Country>,
    pub interests: Interests,
    /// Ties to people already registered.
    pub ties: usize,
}

/// A suggested invitee and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    pub id: i64,
    pub score: f64,
    /// The under-filled sector and country they would fill.
    pub sector: Option<Sector>,
    pub country: Option<Country>,
    pub topic: Option<Expertise>,
    pub language: Option<Language>,
    pub ties: usize,
}

/// Candidates who fill an under-filled sector or country, best first (see the module
/// documentation for the score); ties broken by member id.
pub fn rank(
    candidates: &[Candidate],
    targets: &Targets,
    current: &Current,
    languages: &BTreeSet<Language>,
    limit: usize,
) -> Vec<Suggestion> {
    let boost = |yes: bool| if yes { 1.0 + SHARED_BOOST } else { 1.0 };
    let mut found: Vec<Suggestion> = candidates
        .iter()
        .filter_map(|c| {
            let sector_gap = c.sector.and_then(|s| {
                let target = *targets.sectors.get(&s)?;
                Some(shortfall(target, current.sectors.get(&s).copied().unwrap_or(0), current.total))
                    .filter(|g| *g > 0.0)
            });
            let country_gap = c.country.and_then(|k| {
                let target = *targets.countries.get(&k)?;
                Some(shortfall(target, current.countries.get(&k).copied().unwrap_or(0), current.total))
                    .filter(|g| *g > 0.0)
            });
            let fit = sector_gap.unwrap_or(0.0) + country_gap.unwrap_or(0.0);
            if fit <= 0.0 {
                return None;
            }
            let topic = targets.topics.intersection(&c.interests.expertise).next().copied();
            let spoken: Vec<Language> = languages.intersection(&c.interests.languages).copied().collect();
            let language = spoken.iter().find(|l| **l != Language::En).or(spoken.first()).copied();
            let score = fit * boost(topic.is_some()) * boost(language.is_some()) / (1.0 + c.ties as f64);
            Some(Suggestion {
                id: c.id,
                score,
                sector: c.sector.filter(|_| sector_gap.is_some()),
                country: c.country.filter(|_| country_gap.is_some()),
                topic,
                language,
                ties: c.ties,
            })
        })
        .collect();
    found.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.id.cmp(&b.id)));
    found.truncate(limit);
    found
}

impl Suggestion {
    /// "fills Police · fills Philippines · works on detention monitoring · speaks Thai · no
    /// ties to participants yet"
    pub fn why(&self, locale: Locale) -> String {
        let label = |prefix: &str, key: &str| locale.t(&format!("{prefix}-{key}"));
        let mut parts = Vec::new();
        if let Some(s) = self.sector {
            parts.push(locale.t_args("event-mix-why-fills", &[("what", label(Sector::PREFIX, s.key()))]));
        }
        if let Some(c) = self.country {
            parts.push(locale.t_args("event-mix-why-fills", &[("what", label(Country::PREFIX, c.key()))]));
        }
        if let Some(e) = self.topic {
            parts.push(locale.t_args("event-mix-why-topic", &[("area", label(Expertise::PREFIX, e.key()))]));
        }
        if let Some(l) = self.language {
            parts.push(locale.t_args("event-mix-why-language", &[("language", label(Language::PREFIX, l.key()))]));
        }
        parts.push(if self.ties == 0 {
            locale.t("event-mix-why-new")
        } else {
            locale.t_args("event-mix-why-ties", &[("count", self.ties.to_string())])
        });
        parts.join(" · ")
    }
}

/// Members worth inviting to `event`, from the members' network: never anyone at risk,
/// registered, invited or organising it.
async fn suggestions(
    state: &AppState,
    event: &Event,
    targets: &Targets,
    now: &Current,
) -> AppResult<Vec<(i64, String, Suggestion)>> {
    if targets.is_empty() {
        return Ok(Vec::new());
    }
    let views = crate::network::cache(state).get(&state.db).await?;
    let net = views.scope(Scope::Members);
    let sql = "SELECT user_id FROM event_registrations WHERE event_id = $1 AND user_id IS NOT NULL \
               AND status IN ('registered', 'pending', 'waitlisted') \
               UNION SELECT user_id FROM event_invitations WHERE event_id = $1 \
               UNION SELECT user_id FROM event_organisers WHERE event_id = $1";
    let taken: HashSet<i64> =
        on_db!(&state.db, pool => sqlx::query_scalar::<_, i64>(sql).bind(event.id).fetch_all(pool).await)?
            .into_iter()
            .collect();
    let sql = "SELECT user_id FROM event_registrations WHERE event_id = $1 AND user_id IS NOT NULL \
               AND status IN ('registered', 'pending')";
    let in_room: HashSet<usize> =
        on_db!(&state.db, pool => sqlx::query_scalar::<_, i64>(sql).bind(event.id).fetch_all(pool).await)?
            .into_iter()
            .filter_map(|id| net.node(id))
            .collect();
    let all = interests(&state.db, Audience::Member, -1).await?;
    let candidates: Vec<Candidate> = net
        .people
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.at_risk && !taken.contains(&p.id))
        .map(|(i, p)| Candidate {
            id: p.id,
            sector: p.sector,
            country: p.country,
            interests: all.get(&p.id).cloned().unwrap_or_default(),
            ties: net.graph.neighbors(i).iter().filter(|n| in_room.contains(&(**n as usize))).count(),
        })
        .collect();
    let languages: BTreeSet<Language> =
        languages_of(&state.db, event.id).await?.iter().filter_map(|l| l.parse().ok()).collect();
    let names: HashMap<i64, &str> = net.people.iter().map(|p| (p.id, p.name.as_str())).collect();
    Ok(rank(&candidates, targets, now, &languages, SUGGESTIONS)
        .into_iter()
        .map(|s| (s.id, names.get(&s.id).copied().unwrap_or_default().to_string(), s))
        .collect())
}

/// One row of the mix table.
#[derive(Serialize)]
pub struct MixRow {
    dimension: &'static str,
    key: &'static str,
    target: i64,
    count: i64,
    /// Share of participants, whole per cent.
    share: i64,
    /// People still needed to reach the target at full capacity, when there is one. It is
    /// counted against the places, not the participants so far, so the page names both.
    needed: Option<i64>,
    places: Option<i64>,
    below: bool,
    bar: Value,
}

/// The bar of a row: the current share filled, the target marked by a line.
fn bar(share: f64, target: i64) -> String {
    format!(
        r#"<svg class="hbar mix" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect width="{:.1}" height="10"/><line class="target" x1="{target}" x2="{target}" y1="0" y2="10"/></svg>"#,
        share.clamp(0.0, 100.0)
    )
}

/// The table of targets against current registrations, sectors first.
pub fn rows(event: &Event, targets: &Targets, now: &Current) -> Vec<MixRow> {
    let row = |dimension, key, target: i64, count: i64| {
        let share = if now.total > 0 { count as f64 * 100.0 / now.total as f64 } else { 0.0 };
        MixRow {
            dimension,
            key,
            target,
            count,
            share: share.round() as i64,
            needed: event.capacity.map(|c| ((target * c + 99) / 100 - count).max(0)),
            places: event.capacity,
            below: share < target as f64,
            bar: Value::from_safe_string(bar(share, target)),
        }
    };
    let mut out: Vec<MixRow> = targets
        .sectors
        .iter()
        .map(|(s, t)| row("sector", s.key(), *t, now.sectors.get(s).copied().unwrap_or(0)))
        .collect();
    out.extend(
        targets.countries.iter().map(|(c, t)| row("country", c.key(), *t, now.countries.get(c).copied().unwrap_or(0))),
    );
    out
}

#[derive(Deserialize, Default)]
struct MixQuery {
    done: Option<String>,
}

async fn render(
    state: &AppState,
    page: &Page,
    event: &Event,
    done: Option<String>,
    error: Option<String>,
    submitted: Option<&[(String, String)]>,
) -> AppResult<Html<String>> {
    let saved = targets_of(&state.db, event.id).await?;
    // After a refused form, its fields as they were typed; else the saved targets.
    let typed = |name: String, saved: Option<i64>| -> String {
        match submitted {
            Some(fields) => fields.iter().find(|(k, _)| *k == name).map(|(_, v)| v.clone()).unwrap_or_default(),
            None => saved.map(|p| p.to_string()).unwrap_or_default(),
        }
    };
    let now = current(&state.db, &page.viewer, event.id).await?;
    let suggested: Vec<_> = suggestions(state, event, &saved, &now)
        .await?
        .into_iter()
        .map(|(id, name, s)| context! { id, name, why => s.why(page.locale) })
        .collect();
    let sectors: Vec<_> =
        Sector::ALL.iter().map(|s| context! { key => s.key(), value => typed(format!("sector_{}", s.key()), saved.sectors.get(s).copied()) }).collect();
    let countries: Vec<_> =
        Country::ALL.iter().map(|c| context! { key => c.key(), value => typed(format!("country_{}", c.key()), saved.countries.get(c).copied()) }).collect();
    let topics: Vec<String> = match submitted {
        Some(fields) => fields.iter().filter(|(k, _)| k == "topic").map(|(_, v)| v.clone()).collect(),
        None => saved.topics.iter().map(|t| t.key().to_string()).collect(),
    };
    page.render(
        state,
        "events/mix.html",
        context! {
            event, rows => rows(event, &saved, &now), total => now.total, suggested, sectors, countries,
            topics, areas => Expertise::keys(), error, done, has_targets => !saved.is_empty(),
        },
    )
}

async fn page(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
    Query(q): Query<MixQuery>,
) -> AppResult<Html<String>> {
    let (event, _) = managed(&state.db, &page.viewer, id).await?;
    let done = q.done.filter(|d| d == "saved" || d == "invited").map(|d| page.t(&format!("event-mix-done-{d}")));
    render(&state, &page, &event, done, None, None).await
}

async fn save(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (event, _) = managed(&state.db, &page.viewer, id).await?;
    let targets = match Targets::parse(&fields) {
        Ok(t) => t,
        Err(AppError::Invalid(m)) => {
            let error = Some(page.locale.t_args(m.id, &m.args));
            let html = render(&state, &page, &event, None, error, Some(&fields)).await?;
            return Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, html).into_response());
        }
        Err(e) => return Err(e),
    };
    let mut tx = state.db.begin().await?;
    on_tx!(&mut tx, c => sqlx::query("DELETE FROM event_mix_targets WHERE event_id = $1").bind(id).execute(&mut **c).await.map(affected))?;
    on_tx!(&mut tx, c => sqlx::query("DELETE FROM event_topics WHERE event_id = $1").bind(id).execute(&mut **c).await.map(affected))?;
    let items = targets
        .sectors
        .iter()
        .map(|(s, p)| ("sector", s.key(), *p))
        .chain(targets.countries.iter().map(|(c, p)| ("country", c.key(), *p)));
    for (dimension, item, p) in items {
        on_tx!(&mut tx, c => sqlx::query("INSERT INTO event_mix_targets (event_id, dimension, item, percent) VALUES ($1, $2, $3, $4)")
            .bind(id).bind(dimension).bind(item).bind(p).execute(&mut **c).await.map(affected))?;
    }
    for area in &targets.topics {
        on_tx!(&mut tx, c => sqlx::query("INSERT INTO event_topics (event_id, area) VALUES ($1, $2)")
            .bind(id).bind(area.key()).execute(&mut **c).await.map(affected))?;
    }
    // Topics are search filters.
    super::search::index(&mut tx, id).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/events/{id}/mix?done=saved")).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn targets_parse_and_refuse_what_cannot_be() {
        let t = Targets::parse(&fields(&[
            ("csrf", "x"),
            ("sector_police", "30"),
            ("sector_nhri", "20"),
            ("sector_media", ""),
            ("sector_health", "0"),
            ("country_TH", "40"),
            ("topic", "detention_monitoring"),
        ]))
        .unwrap();
        assert_eq!(t.sectors.len(), 2);
        assert_eq!(t.sectors[&Sector::Police], 30);
        assert_eq!(t.countries[&Country::Th], 40);
        assert!(t.topics.contains(&Expertise::DetentionMonitoring));
        let id = |p: &[(&str, &str)]| Targets::parse(&fields(p)).err().map(|e| e.message().id);
        assert_eq!(id(&[("sector_police", "60"), ("sector_nhri", "50")]), Some("error-event-mix-over"));
        assert_eq!(id(&[("sector_police", "101")]), Some("error-event-mix-percent"));
        assert_eq!(id(&[("sector_police", "-5")]), Some("error-event-mix-percent"));
        assert_eq!(id(&[("sector_police", "ten")]), Some("error-event-mix-percent"));
        assert_eq!(id(&[("sector_pirates", "10")]), Some("error-unknown-sector"));
        assert_eq!(id(&[("country_XX", "10")]), Some("error-unknown-country"));
        assert_eq!(id(&[("topic", "astrology")]), Some("error-unknown-expertise"));
        assert_eq!(id(&[("sector_police", "10"), ("sector_police", "20")]), Some("error-form-malformed"));
    }

    fn candidate(id: i64, sector: Sector, country: Country, ties: usize) -> Candidate {
        Candidate { id, sector: Some(sector), country: Some(country), ties, ..Candidate::default() }
    }

    #[test]
    fn suggestions_fill_the_gap_with_people_new_to_the_room() {
        let targets = Targets {
            sectors: [(Sector::Police, 50), (Sector::CivilSociety, 50)].into(),
            countries: [(Country::Ph, 50)].into(),
            topics: [Expertise::DetentionMonitoring].into(),
        };
        // Two civil-society participants from Thailand are registered: police and the
        // Philippines are missing.
        let now =
            Current { total: 2, sectors: [(Sector::CivilSociety, 2)].into(), countries: [(Country::Th, 2)].into() };
        let mut expert = candidate(4, Sector::Police, Country::Th, 0);
        expert.interests.expertise.insert(Expertise::DetentionMonitoring);
        let people = [
            candidate(1, Sector::Police, Country::Ph, 0),
            candidate(2, Sector::Police, Country::Ph, 3),
            candidate(3, Sector::CivilSociety, Country::Th, 0),
            expert,
            candidate(5, Sector::Police, Country::Th, 0),
        ];
        let found = rank(&people, &targets, &now, &BTreeSet::new(), 10);
        let ids: Vec<i64> = found.iter().map(|s| s.id).collect();
        assert_eq!(ids, vec![1, 4, 5, 2], "both gaps, then the topic, then one gap, then the well-tied");
        assert!(!ids.contains(&3), "civil society and Thailand are full already");
        assert_eq!(found[0].sector, Some(Sector::Police));
        assert_eq!(found[0].country, Some(Country::Ph));
        assert_eq!(found[1].topic, Some(Expertise::DetentionMonitoring));
        assert_eq!(found[1].country, None, "Thailand fills no gap");
        assert!(rank(&people, &Targets::default(), &now, &BTreeSet::new(), 10).is_empty(), "no targets, no gap");
    }

    #[test]
    fn an_empty_room_is_short_of_every_target() {
        assert!((shortfall(30, 0, 0) - 0.3).abs() < 1e-9);
        assert_eq!(shortfall(30, 2, 4), 0.0);
        assert!((shortfall(50, 1, 4) - 0.25).abs() < 1e-9);
    }
}
