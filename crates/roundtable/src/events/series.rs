//! Series: recurring events ("a webinar on the first Tuesday of each month", "the annual
//! regional workshop"). An organiser repeats an event by a rule; every occurrence is then an
//! ordinary event of its own (`events.series_id`), copied from the first with its
//! organisers, co-hosts, languages, questions, topics and target mix, and edited one by one
//! like any other. The agenda is not copied: each meeting has its own.
//!
//! Rules are a small subset of RFC 5545's RRULE, stored as its text so that they read the
//! same in calendars: `FREQ=WEEKLY`, `FREQ=MONTHLY;BYDAY=1TU` (the first Tuesday; `-1TU` the
//! last) or `FREQ=YEARLY`, with `COUNT=n` or `UNTIL=YYYYMMDD`. A series has at most
//! [`MAX_OCCURRENCES`].

use std::fmt;
use std::str::FromStr;

use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::{access, managed, time, Event, EVENT_COLUMNS};
use crate::db::{affected, now_ms, Arg, Args, Tx};
use crate::vocab::EventVisibility;
use crate::web::Routes;
use crate::web::{AppError, AppResult, AppState, Form, Page, SignedIn};
use crate::{bind_args, on_db, on_tx};

/// Occurrences a series may have, the first included.
pub const MAX_OCCURRENCES: usize = 52;

pub fn routes() -> Routes {
    vec![("/events/{id}/repeat", post(repeat)), ("/events/series/{id}", get(page))]
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frequency {
    Weekly,
    Monthly,
    Yearly,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    Count(usize),
    Until(NaiveDate),
}

/// A recurrence rule; see the module documentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    pub frequency: Frequency,
    /// Monthly rules: the nth (1 to 4, or -1 for the last) weekday of the month.
    pub by_day: Option<(i8, Weekday)>,
    pub end: End,
}

const DAYS: [(Weekday, &str); 7] = [
    (Weekday::Mon, "MO"),
    (Weekday::Tue, "TU"),
    (Weekday::Wed, "WE"),
    (Weekday::Thu, "TH"),
    (Weekday::Fri, "FR"),
    (Weekday::Sat, "SA"),
    (Weekday::Sun, "SU"),
];

fn bad() -> AppError {
    AppError::invalid("error-event-series-rule")
}

impl FromStr for Rule {
    type Err = AppError;
    fn from_str(s: &str) -> AppResult<Rule> {
        let (mut frequency, mut by_day, mut end) = (None, None, None);
        for part in s.trim().split(';') {
            let (key, value) = part.split_once('=').ok_or_else(bad)?;
            match key {
                "FREQ" if frequency.is_none() => {
                    frequency = Some(match value {
                        "WEEKLY" => Frequency::Weekly,
                        "MONTHLY" => Frequency::Monthly,
                        "YEARLY" => Frequency::Yearly,
                        _ => return Err(bad()),
                    })
                }
                "BYDAY" if by_day.is_none() => {
                    let split = value.len().checked_sub(2).ok_or_else(bad)?;
                    let (n, day) = value.split_at_checked(split).ok_or_else(bad)?;
                    let n: i8 = n.parse().map_err(|_| bad())?;
                    let day = DAYS.iter().find(|(_, k)| *k == day).ok_or_else(bad)?.0;
                    if !(n == -1 || (1..=4).contains(&n)) {
                        return Err(bad());
                    }
                    by_day = Some((n, day));
                }
                "COUNT" if end.is_none() => {
                    let n: usize = value.parse().map_err(|_| AppError::invalid("error-event-series-count"))?;
                    if !(2..=MAX_OCCURRENCES).contains(&n) {
                        return Err(AppError::invalid("error-event-series-count"));
                    }
                    end = Some(End::Count(n));
                }
                "UNTIL" if end.is_none() => {
                    let date = NaiveDate::parse_from_str(value, "%Y%m%d").map_err(|_| bad())?;
                    end = Some(End::Until(date));
                }
                _ => return Err(bad()),
            }
        }
        let frequency = frequency.ok_or_else(bad)?;
        // BYDAY belongs to monthly rules, and monthly rules need it.
        if (frequency == Frequency::Monthly) != by_day.is_some() {
            return Err(bad());
        }
        Ok(Rule { frequency, by_day, end: end.ok_or_else(bad)? })
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let freq = match self.frequency {
            Frequency::Weekly => "WEEKLY",
            Frequency::Monthly => "MONTHLY",
            Frequency::Yearly => "YEARLY",
        };
        write!(f, "FREQ={freq}")?;
        if let Some((n, day)) = self.by_day {
            let key = DAYS.iter().find(|(d, _)| *d == day).map_or("MO", |(_, k)| k);
            write!(f, ";BYDAY={n}{key}")?;
        }
        match self.end {
            End::Count(n) => write!(f, ";COUNT={n}"),
            End::Until(d) => write!(f, ";UNTIL={}", d.format("%Y%m%d")),
        }
    }
}

/// The nth `day` of a month (`n` = -1: the last).
fn nth_weekday(year: i32, month: u32, n: i8, day: Weekday) -> Option<NaiveDate> {
    if n > 0 {
        return NaiveDate::from_weekday_of_month_opt(year, month, day, n as u8);
    }
    NaiveDate::from_weekday_of_month_opt(year, month, day, 5)
        .or_else(|| NaiveDate::from_weekday_of_month_opt(year, month, day, 4))
}

impl Rule {
    /// The rule of `frequency` that repeats an event held on `first`: a monthly one on the
    /// same weekday of the month (the first Tuesday; the fifth is the last).
    pub fn for_first(frequency: Frequency, first: NaiveDate, end: End) -> Rule {
        let by_day = (frequency == Frequency::Monthly).then(|| {
            let n = (first.day0() / 7 + 1) as i8;
            (if n > 4 { -1 } else { n }, first.weekday())
        });
        Rule { frequency, by_day, end }
    }

    /// The dates of the occurrences, `first` first. Refused: an end before the first date,
    /// more than [`MAX_OCCURRENCES`], a rule that does not fit the first date.
    pub fn dates(&self, first: NaiveDate) -> AppResult<Vec<NaiveDate>> {
        if let Some((n, day)) = self.by_day {
            if nth_weekday(first.year(), first.month(), n, day) != Some(first) {
                return Err(bad());
            }
        }
        if let End::Until(until) = self.end {
            if until <= first {
                return Err(AppError::invalid("error-event-series-until"));
            }
        }
        let mut dates = vec![first];
        // Generous: a yearly rule from 29 February meets a valid date every four years.
        for k in 1..=(MAX_OCCURRENCES as i32 * 4) {
            let next = match self.frequency {
                Frequency::Weekly => Some(first + Duration::weeks(k as i64)),
                Frequency::Monthly => {
                    let months = first.month0() as i32 + k;
                    let (n, day) = self.by_day.ok_or_else(bad)?;
                    nth_weekday(first.year() + months / 12, (months % 12) as u32 + 1, n, day)
                }
                Frequency::Yearly => first.with_year(first.year() + k),
            };
            let Some(next) = next else { continue };
            match self.end {
                End::Count(n) if dates.len() >= n => break,
                End::Until(until) if next > until => break,
                _ => {}
            }
            if dates.len() >= MAX_OCCURRENCES {
                return Err(AppError::invalid("error-event-series-too-many"));
            }
            dates.push(next);
        }
        Ok(dates)
    }
}

/// Turn `template` into the first occurrence of a new series by `rule` and write the other
/// occurrences: same local time in the event's zone, same length, same everything but the
/// agenda and registrations. Returns the series' id.
pub async fn make(tx: &mut Tx, template: &Event, rule: &Rule, by: i64, now: i64) -> AppResult<i64> {
    let tz = template.zone();
    let first = time::local_date(template.starts_at, tz);
    let clock = time::local_clock(template.starts_at, tz);
    let dates = rule.dates(first)?;
    let series: i64 = on_tx!(tx, c => sqlx::query_scalar(
        "INSERT INTO event_series (title, rule, created_by, created_at) VALUES ($1, $2, $3, $4) RETURNING id")
        .bind(&template.title).bind(rule.to_string()).bind(by).bind(now).fetch_one(&mut **c).await)?;
    on_tx!(tx, c => sqlx::query("UPDATE events SET series_id = $1, updated_at = $2 WHERE id = $3")
        .bind(series).bind(now).bind(template.id).execute(&mut **c).await.map(affected))?;
    let length = template.ends_at - template.starts_at;
    for date in dates.iter().skip(1) {
        let starts_at = time::parse_local(&format!("{}T{clock}", date.format("%Y-%m-%d")), tz)?;
        let sql = "INSERT INTO events (id, series_id, kind, title, description, mode, venue, address, online_url, country, time_zone, \
                   starts_at, ends_at, interpretation, visibility, group_id, capacity, registration_closes_at, requires_approval, \
                   cancelled, created_by, created_at, updated_at) \
                   SELECT $7, $1, kind, title, description, mode, venue, address, online_url, country, time_zone, $2, $3, \
                   interpretation, visibility, group_id, capacity, NULL, requires_approval, FALSE, $4, $5, $5 FROM events WHERE id = $6 \
                   RETURNING id";
        let id: i64 = on_tx!(tx, c => sqlx::query_scalar(sql).bind(series).bind(starts_at).bind(starts_at + length)
            .bind(by).bind(now).bind(template.id).bind(crate::db::secret_id()).fetch_one(&mut **c).await)?;
        for copy in [
            "INSERT INTO event_organisers (event_id, user_id) SELECT $1, user_id FROM event_organisers WHERE event_id = $2",
            "INSERT INTO event_hosts (event_id, org_id) SELECT $1, org_id FROM event_hosts WHERE event_id = $2",
            "INSERT INTO event_languages (event_id, lang) SELECT $1, lang FROM event_languages WHERE event_id = $2",
            "INSERT INTO event_questions (event_id, prompt) SELECT $1, prompt FROM event_questions WHERE event_id = $2",
            "INSERT INTO event_topics (event_id, area) SELECT $1, area FROM event_topics WHERE event_id = $2",
            "INSERT INTO event_mix_targets (event_id, dimension, item, percent) \
             SELECT $1, dimension, item, percent FROM event_mix_targets WHERE event_id = $2",
        ] {
            on_tx!(tx, c => sqlx::query(copy).bind(id).bind(template.id).execute(&mut **c).await.map(affected))?;
        }
        super::search::index(tx, id).await?;
    }
    Ok(series)
}

#[derive(Deserialize)]
struct RepeatForm {
    #[serde(default)]
    frequency: String,
    #[serde(default)]
    end: String,
    #[serde(default)]
    count: String,
    #[serde(default)]
    until: String,
}

impl RepeatForm {
    fn rule(&self, first: NaiveDate) -> AppResult<Rule> {
        let frequency = match self.frequency.as_str() {
            "weekly" => Frequency::Weekly,
            "monthly" => Frequency::Monthly,
            "yearly" => Frequency::Yearly,
            _ => return Err(bad()),
        };
        let end = match self.end.as_str() {
            "until" => End::Until(
                NaiveDate::parse_from_str(self.until.trim(), "%Y-%m-%d")
                    .map_err(|_| AppError::invalid("error-event-series-until"))?,
            ),
            _ => {
                let n: usize = self.count.trim().parse().map_err(|_| AppError::invalid("error-event-series-count"))?;
                if !(2..=MAX_OCCURRENCES).contains(&n) {
                    return Err(AppError::invalid("error-event-series-count"));
                }
                End::Count(n)
            }
        };
        Ok(Rule::for_first(frequency, first, end))
    }
}

/// Repeat an event: it becomes the first occurrence of a new series.
async fn repeat(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<RepeatForm>,
) -> AppResult<Response> {
    let (event, _) = managed(&state.db, &page.viewer, id).await?;
    if event.series_id.is_some() {
        return Err(AppError::invalid("error-event-series-already"));
    }
    // Each occurrence is a new event: only coordinators publish public ones.
    if event.visibility() == EventVisibility::Public && !page.viewer.is_coordinator() {
        return Err(AppError::invalid("error-event-public-coordinators"));
    }
    let rule = form.rule(time::local_date(event.starts_at, event.zone()))?;
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    // Every occurrence is an event its maker creates, and counts as one.
    super::EVENTS.check(&mut tx, user.user_id, now).await?;
    super::lock(&mut tx, id).await?;
    let series = make(&mut tx, &event, &rule, user.user_id, now).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/events/series/{series}")).into_response())
}

#[derive(Serialize)]
struct Occurrence {
    id: i64,
    title: String,
    when: String,
    cancelled: bool,
    past: bool,
}

/// How a rule reads: "Every month on the first Tuesday · 6 times".
pub fn describe(rule: &Rule, locale: crate::web::Locale) -> String {
    let how = match (rule.frequency, rule.by_day) {
        (Frequency::Monthly, Some((n, day))) => locale.t_args(
            "event-series-monthly",
            &[
                (
                    "nth",
                    locale.t(&format!("event-series-nth-{}", if n < 0 { "last".to_string() } else { n.to_string() })),
                ),
                ("weekday", locale.t(&format!("weekday-{}", day.number_from_monday()))),
            ],
        ),
        (Frequency::Weekly, _) => locale.t("event-series-weekly"),
        _ => locale.t("event-series-yearly"),
    };
    let end = match rule.end {
        End::Count(n) => locale.t_args("event-series-count", &[("count", n.to_string())]),
        End::Until(d) => locale.t_args("event-series-until", &[("date", d.format("%Y-%m-%d").to_string())]),
    };
    format!("{how} · {end}")
}

/// A series and the occurrences the viewer may see (404 when none).
async fn page(State(state): State<AppState>, page: Page, Path(id): Path<i64>) -> AppResult<Html<String>> {
    let series: Option<(String, String)> = on_db!(&state.db, pool => sqlx::query_as(
        "SELECT title, rule FROM event_series WHERE id = $1").bind(id).fetch_optional(pool).await)?;
    let (title, rule) = series.ok_or(AppError::NotFound)?;
    let mut args = Args::default();
    let visible = access::visible_sql("e", &crate::web::Who::viewer(&page.viewer, &mut args));
    let series_arg = args.push(Arg::Int(id));
    let sql = format!(
        "SELECT {EVENT_COLUMNS} FROM events e WHERE e.series_id = {series_arg} AND {visible} ORDER BY e.starts_at, e.id"
    );
    let events: Vec<Event> = on_db!(&state.db, pool => bind_args!(sqlx::query_as(&sql), args).fetch_all(pool).await)?;
    if events.is_empty() {
        return Err(AppError::NotFound);
    }
    let now = now_ms();
    let occurrences: Vec<Occurrence> = events
        .iter()
        .map(|e| Occurrence {
            id: e.id,
            title: e.title.clone(),
            when: time::span(e.starts_at, e.ends_at, e.zone()),
            cancelled: e.cancelled,
            past: e.ends_at < now,
        })
        .collect();
    let how = rule.parse::<Rule>().map(|r| describe(&r, page.locale)).unwrap_or_default();
    page.render(&state, "events/series.html", context! { id, title, how, occurrences })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn rules_read_and_write_as_rrule_text() {
        for text in [
            "FREQ=WEEKLY;COUNT=4",
            "FREQ=MONTHLY;BYDAY=1TU;COUNT=6",
            "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20301231",
            "FREQ=YEARLY;COUNT=3",
        ] {
            assert_eq!(text.parse::<Rule>().unwrap().to_string(), text);
        }
        for bad in [
            "",
            "FREQ=DAILY;COUNT=3",
            "FREQ=MONTHLY;COUNT=3",
            "FREQ=WEEKLY;BYDAY=1TU;COUNT=3",
            "FREQ=MONTHLY;BYDAY=5TU;COUNT=3",
            "FREQ=MONTHLY;BYDAY=1XX;COUNT=3",
            "FREQ=WEEKLY",
            "FREQ=WEEKLY;COUNT=3;UNTIL=20300101",
            "FREQ=WEEKLY;COUNT=1",
            "FREQ=WEEKLY;COUNT=53",
        ] {
            assert!(bad.parse::<Rule>().is_err(), "{bad}");
        }
    }

    #[test]
    fn the_first_tuesday_of_each_month() {
        // 2030-01-01 is a Tuesday: the first of January.
        let rule = Rule::for_first(Frequency::Monthly, d("2030-01-01"), End::Count(4));
        assert_eq!(rule.to_string(), "FREQ=MONTHLY;BYDAY=1TU;COUNT=4");
        assert_eq!(
            rule.dates(d("2030-01-01")).unwrap(),
            vec![d("2030-01-01"), d("2030-02-05"), d("2030-03-05"), d("2030-04-02")]
        );
        // The last Friday, across a year's end.
        let last = Rule { frequency: Frequency::Monthly, by_day: Some((-1, Weekday::Fri)), end: End::Count(3) };
        assert_eq!(last.dates(d("2030-11-29")).unwrap(), vec![d("2030-11-29"), d("2030-12-27"), d("2031-01-31")]);
        assert_eq!(
            Rule::for_first(Frequency::Monthly, d("2030-01-29"), End::Count(2)).by_day,
            Some((-1, Weekday::Tue))
        );
    }

    #[test]
    fn weekly_yearly_and_the_ends() {
        let weekly = Rule { frequency: Frequency::Weekly, by_day: None, end: End::Until(d("2030-01-22")) };
        assert_eq!(weekly.dates(d("2030-01-01")).unwrap().len(), 4, "the end date itself included");
        let leap = Rule { frequency: Frequency::Yearly, by_day: None, end: End::Count(2) };
        assert_eq!(leap.dates(d("2028-02-29")).unwrap(), vec![d("2028-02-29"), d("2032-02-29")]);
        let id = |r: Rule, first: &str| r.dates(d(first)).err().map(|e| e.message().id);
        let before = Rule { end: End::Until(d("2029-12-01")), ..weekly };
        assert_eq!(id(before, "2030-01-01"), Some("error-event-series-until"));
        let endless = Rule { end: End::Until(d("2040-01-01")), ..weekly };
        assert_eq!(id(endless, "2030-01-01"), Some("error-event-series-too-many"));
        let wrong_day = Rule { frequency: Frequency::Monthly, by_day: Some((1, Weekday::Mon)), end: End::Count(2) };
        assert_eq!(id(wrong_day, "2030-01-01"), Some("error-event-series-rule"));
    }
}
