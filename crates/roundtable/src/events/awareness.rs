//! Awareness days and campaigns. A calendar of days the network marks every year — built in:
//! 26 June, the International Day in Support of Victims of Torture, and 10 December, Human
//! Rights Day; coordinators add others — and for each day and year a campaign page that
//! gathers the public events held on that day across countries, grouped per country.
//!
//! Everything here is public: the calendar and the campaign pages are for anonymous
//! visitors too, with a page title and description that read well when shared. Only public,
//! not cancelled events appear; an event is on the day when the day falls between its start
//! and end dates in its own time zone.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use chrono::{Datelike, NaiveDate};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::{text, time};
use crate::db::{affected, now_ms, Db};
use crate::on_db;
use crate::vocab::Country;
use crate::web::Routes;
use crate::web::{AppError, AppResult, AppState, Coordinator, Form, Locale, Page};

const MAX_NAME: usize = 200;
const MAX_DESCRIPTION: usize = 1000;
/// Days coordinators may add in all.
const MAX_DAYS: i64 = 100;
/// Events a campaign page lists.
const MAX_EVENTS: usize = 300;

pub fn routes() -> Routes {
    vec![("/awareness", get(calendar).post(add)), ("/awareness/{id}/{year}", get(campaign))]
}

#[derive(sqlx::FromRow, Clone, Debug)]
struct DayRow {
    id: i64,
    builtin: Option<String>,
    name: String,
    description: String,
    month: i64,
    day: i64,
}

#[derive(Serialize)]
struct DayView {
    id: i64,
    name: String,
    description: String,
    /// "26 June", as the locale writes a day of the year.
    date: String,
    month: i64,
    day: i64,
    /// The year of the day's next campaign: this year's until the day has passed.
    next: i32,
}

impl DayRow {
    fn view(&self, locale: Locale) -> DayView {
        let (name, description) = match &self.builtin {
            Some(key) => (locale.t(&format!("awareness-{key}")), locale.t(&format!("awareness-{key}-about"))),
            None => (self.name.clone(), self.description.clone()),
        };
        let date = locale.t_args(
            "awareness-date",
            &[("day", self.day.to_string()), ("month", locale.t(&format!("month-{}", self.month)))],
        );
        DayView { id: self.id, name, description, date, month: self.month, day: self.day, next: 0 }
    }
}

async fn days(db: &Db) -> Result<Vec<DayRow>, sqlx::Error> {
    on_db!(db, pool => sqlx::query_as(
        "SELECT id, builtin, name, description, month, day FROM awareness_days ORDER BY month, day, id")
        .fetch_all(pool).await)
}

/// A day of the year; 29 February is allowed (its campaigns exist in leap years).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayOfYear {
    pub month: u32,
    pub day: u32,
}

impl DayOfYear {
    pub fn parse(month: &str, day: &str) -> AppResult<DayOfYear> {
        let month: u32 = month.trim().parse().map_err(|_| AppError::invalid("error-awareness-date"))?;
        let day: u32 = day.trim().parse().map_err(|_| AppError::invalid("error-awareness-date"))?;
        // 2024 is a leap year: every day that exists in some year exists in it.
        NaiveDate::from_ymd_opt(2024, month, day).ok_or(AppError::invalid("error-awareness-date"))?;
        Ok(DayOfYear { month, day })
    }
}

async fn calendar_page(
    state: &AppState,
    page: &Page,
    error: Option<String>,
    status: StatusCode,
) -> AppResult<Response> {
    let today = time::local_date(now_ms(), chrono_tz::Asia::Bangkok);
    let year = today.year();
    let passed = |d: &DayView| (d.month, d.day) < (i64::from(today.month()), i64::from(today.day()));
    let days: Vec<DayView> = days(&state.db)
        .await?
        .iter()
        .map(|d| d.view(page.locale))
        .map(|d| DayView { next: if passed(&d) { year + 1 } else { year }, ..d })
        .collect();
    let months: Vec<(u32, String)> = (1..=12).map(|m| (m, page.t(&format!("month-{m}")))).collect();
    let html = page.render(
        state,
        "events/awareness.html",
        context! { days, year, error, months, can_add => page.viewer.is_coordinator() },
    )?;
    Ok((status, html).into_response())
}

async fn calendar(State(state): State<AppState>, page: Page) -> AppResult<Response> {
    calendar_page(&state, &page, None, StatusCode::OK).await
}

#[derive(Deserialize)]
struct DayForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    month: String,
    #[serde(default)]
    day: String,
}

/// A coordinator adds an awareness day.
async fn add(
    State(state): State<AppState>,
    page: Page,
    Coordinator(user): Coordinator,
    Form(form): Form<DayForm>,
) -> AppResult<Response> {
    let checked = (|| {
        let name = text(&form.name, MAX_NAME, Some("error-awareness-name"))?;
        let description = text(&form.description, MAX_DESCRIPTION, None)?;
        let date = DayOfYear::parse(&form.month, &form.day)?;
        Ok::<_, AppError>((name, description, date))
    })();
    let (name, description, date) = match checked {
        Ok(c) => c,
        Err(AppError::Invalid(m)) => {
            let error = page.locale.t_args(m.id, &m.args);
            return calendar_page(&state, &page, Some(error), StatusCode::UNPROCESSABLE_ENTITY).await;
        }
        Err(e) => return Err(e),
    };
    let mut tx = state.db.begin().await?;
    let count: i64 = crate::on_tx!(&mut tx, c => sqlx::query_scalar("SELECT COUNT(*) FROM awareness_days")
        .fetch_one(&mut **c).await)?;
    if count >= MAX_DAYS {
        return Err(AppError::invalid("error-awareness-too-many"));
    }
    crate::on_tx!(&mut tx, c => sqlx::query(
        "INSERT INTO awareness_days (name, description, month, day, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(&name).bind(&description).bind(date.month as i64).bind(date.day as i64).bind(user.user_id).bind(now_ms())
        .execute(&mut **c).await.map(affected))?;
    tx.commit().await?;
    Ok(Redirect::to("/awareness").into_response())
}

#[derive(sqlx::FromRow)]
struct Candidate {
    id: i64,
    kind: String,
    title: String,
    mode: String,
    venue: String,
    country: String,
    time_zone: String,
    starts_at: i64,
    ends_at: i64,
}

#[derive(Serialize)]
struct Listed {
    id: i64,
    kind: String,
    title: String,
    mode: String,
    venue: String,
    when: String,
}

#[derive(Serialize)]
struct CountryGroup {
    country: String,
    events: Vec<Listed>,
}

/// Whether an event in `tz` from `starts` to `ends` takes place on `date` there.
pub fn on_date(starts: i64, ends: i64, tz: chrono_tz::Tz, date: NaiveDate) -> bool {
    time::local_date(starts, tz) <= date && date <= time::local_date(ends - 1, tz)
}

/// The years a campaign page exists for.
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// The nearest year before (`step` -1) or after (1) `year` in which the day falls (29
/// February only in leap years), within [`YEARS`]: the pages the year links lead to exist.
fn neighbour(year: i32, month: i64, day: i64, step: i32) -> Option<i32> {
    let mut y = year + step;
    while YEARS.contains(&y) {
        if NaiveDate::from_ymd_opt(y, month as u32, day as u32).is_some() {
            return Some(y);
        }
        y += step;
    }
    None
}

/// The campaign of one day in one year.
async fn campaign(
    State(state): State<AppState>,
    page: Page,
    Path((id, year)): Path<(i64, i32)>,
) -> AppResult<Html<String>> {
    let row: Option<DayRow> = on_db!(&state.db, pool => sqlx::query_as(
        "SELECT id, builtin, name, description, month, day FROM awareness_days WHERE id = $1")
        .bind(id).fetch_optional(pool).await)?;
    let row = row.ok_or(AppError::NotFound)?;
    if !YEARS.contains(&year) {
        return Err(AppError::NotFound);
    }
    let date = NaiveDate::from_ymd_opt(year, row.month as u32, row.day as u32).ok_or(AppError::NotFound)?;
    // Every zone on Earth is within 14 hours of UTC: events overlapping the day ± 14 h are
    // the candidates; the exact test is in each event's own zone.
    let midnight = date.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc().timestamp_millis();
    let (from, to) = (midnight - 14 * 3_600_000, midnight + (24 + 14) * 3_600_000);
    let sql = format!(
        "SELECT e.id, e.kind, e.title, e.mode, e.venue, e.country, e.time_zone, e.starts_at, e.ends_at FROM events e \
         WHERE {} AND NOT e.cancelled AND e.starts_at < $2 AND e.ends_at > $1 ORDER BY e.starts_at, e.id",
        super::access::public_sql("e")
    );
    let found: Vec<Candidate> =
        on_db!(&state.db, pool => sqlx::query_as(&sql).bind(from).bind(to).fetch_all(pool).await)?;
    let mut groups: BTreeMap<String, Vec<Listed>> = BTreeMap::new();
    for e in found.into_iter().take(MAX_EVENTS) {
        let tz: chrono_tz::Tz = e.time_zone.parse().unwrap_or(chrono_tz::UTC);
        if !on_date(e.starts_at, e.ends_at, tz, date) {
            continue;
        }
        let label = page.t(&format!("{}-{}", Country::PREFIX, e.country));
        groups.entry(label).or_default().push(Listed {
            id: e.id,
            kind: e.kind,
            title: e.title,
            mode: e.mode,
            venue: e.venue,
            when: time::span(e.starts_at, e.ends_at, tz),
        });
    }
    let count: usize = groups.values().map(Vec::len).sum();
    let countries: Vec<String> = groups.keys().cloned().collect();
    let groups: Vec<CountryGroup> =
        groups.into_iter().map(|(country, events)| CountryGroup { country, events }).collect();
    let day = row.view(page.locale);
    let description = if count == 0 {
        page.locale.t_args("awareness-share-none", &[("name", day.name.clone()), ("year", year.to_string())])
    } else {
        page.locale.t_args(
            "awareness-share",
            &[
                ("name", day.name.clone()),
                ("year", year.to_string()),
                ("count", count.to_string()),
                ("countries", countries.join(", ")),
            ],
        )
    };
    page.render(
        &state,
        "events/campaign.html",
        context! {
            day, year, groups, count, description,
            previous => neighbour(year, row.month, row.day, -1), next => neighbour(year, row.month, row.day, 1),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_of_the_year_parse() {
        assert_eq!(DayOfYear::parse("6", "26").unwrap(), DayOfYear { month: 6, day: 26 });
        assert!(DayOfYear::parse("2", "29").is_ok());
        for (m, d) in [("2", "30"), ("13", "1"), ("0", "5"), ("4", "31"), ("June", "26"), ("", "")] {
            assert_eq!(DayOfYear::parse(m, d).unwrap_err().message().id, "error-awareness-date", "{m}/{d}");
        }
    }

    /// The year links lead only to pages that exist.
    #[test]
    fn year_links_stay_within_the_years_that_exist() {
        assert_eq!(neighbour(2000, 6, 26, -1), None);
        assert_eq!(neighbour(2000, 6, 26, 1), Some(2001));
        assert_eq!(neighbour(2100, 6, 26, 1), None);
        assert_eq!(neighbour(2028, 2, 29, 1), Some(2032), "29 February, leap years only");
        assert_eq!(neighbour(2028, 2, 29, -1), Some(2024));
        assert_eq!(neighbour(2096, 2, 29, 1), None, "2100 is not a leap year");
    }

    #[test]
    fn an_event_is_on_the_day_in_its_own_zone() {
        let bangkok = chrono_tz::Asia::Bangkok;
        let day = NaiveDate::from_ymd_opt(2027, 6, 26).unwrap();
        let at = |s: &str| time::parse_local(s, bangkok).unwrap();
        assert!(on_date(at("2027-06-26T09:00"), at("2027-06-26T12:00"), bangkok, day));
        // 06:00 in Bangkok is still 25 June in UTC: the event's own zone decides.
        assert!(on_date(at("2027-06-26T06:00"), at("2027-06-26T08:00"), bangkok, day));
        assert!(!on_date(at("2027-06-25T20:00"), at("2027-06-25T22:00"), bangkok, day));
        assert!(on_date(at("2027-06-25T09:00"), at("2027-06-27T17:00"), bangkok, day), "a conference over the day");
        assert!(!on_date(at("2027-06-25T22:00"), at("2027-06-26T00:00"), bangkok, day), "ends at midnight");
    }
}
