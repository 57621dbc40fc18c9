//! After the event: those who attended give feedback (a rating from 1 to 5 and a comment,
//! once each); organisers record action points (an owner among the members, a due date)
//! and link materials (a web address, or a resource of the library); and a short report
//! gathers who came by sector and country, the feedback and the action points, on a page
//! that prints cleanly.
//!
//! Who sees what: the report, the feedback and its comments are for those who manage the
//! event ([`super::managed`]); action points for them and for those who attended; materials
//! for everyone who may see the event, a library resource only for those who may see it
//! in the library.

use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::NaiveDate;
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};

use super::{managed, pickable, pickable_member, text, time, visible, Empty, Event, PersonRow};
use crate::db::{affected, now_ms, Args, Db};
use crate::vocab::{Country, Sector};
use crate::web::Routes;
use crate::web::{AppError, AppResult, AppState, Form, Page, SignedIn, Viewer};
use crate::{bind_args, on_db, on_tx};

const MAX_COMMENT: usize = 1000;
const MAX_ACTION: usize = 300;
/// Action points and materials one event may have.
const MAX_ITEMS: i64 = 50;

pub fn routes() -> Routes {
    vec![
        ("/events/{id}/feedback", post(feedback)),
        ("/events/{id}/report", get(report)),
        ("/events/{id}/actions", post(add_action)),
        ("/events/{id}/actions/{action}", post(toggle_action)),
        ("/events/{id}/materials", post(add_material)),
        ("/events/{id}/materials/{material}/delete", post(delete_material)),
    ]
}

/// A rating from 1 (poor) to 5 (excellent).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rating(i64);

impl std::str::FromStr for Rating {
    type Err = AppError;
    fn from_str(s: &str) -> AppResult<Rating> {
        s.trim()
            .parse::<i64>()
            .ok()
            .filter(|r| (1..=5).contains(r))
            .map(Rating)
            .ok_or(AppError::invalid("error-event-rating"))
    }
}

/// A due date, `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DueDate(NaiveDate);

impl std::str::FromStr for DueDate {
    type Err = AppError;
    fn from_str(s: &str) -> AppResult<DueDate> {
        NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map(DueDate).map_err(|_| AppError::invalid("error-event-due"))
    }
}

/// A material's web address: http(s) only.
fn web_address(value: &str) -> AppResult<String> {
    let value = text(value, 500, Some("error-event-material-link"))?;
    match url::Url::parse(&value) {
        Ok(u) if matches!(u.scheme(), "https" | "http") && u.host_str().is_some() => Ok(u.to_string()),
        _ => Err(AppError::invalid("error-event-material-link")),
    }
}

/// The viewer's registration and whether they attended.
async fn attendance(db: &Db, event: i64, user: i64) -> Result<Option<(i64, bool)>, sqlx::Error> {
    let sql = "SELECT id, attended_at IS NOT NULL FROM event_registrations WHERE event_id = $1 AND user_id = $2";
    on_db!(db, pool => sqlx::query_as(sql).bind(event).bind(user).fetch_optional(pool).await)
}

/// What the event page shows of the follow-up to this viewer.
pub async fn for_event_page(db: &Db, viewer: &Viewer, event: &Event, manage: bool) -> AppResult<Value> {
    let attended = match viewer.id() {
        Some(user) if viewer.is_member() => attendance(db, event.id, user).await?.filter(|(_, a)| *a),
        _ => None,
    };
    let given = match attended {
        Some((registration, _)) => on_db!(db, pool => sqlx::query_scalar::<_, bool>(
            "SELECT EXISTS (SELECT 1 FROM event_feedback WHERE registration_id = $1)")
            .bind(registration).fetch_one(pool).await)?,
        None => false,
    };
    let actions = if manage || attended.is_some() { actions_of(db, viewer, event.id).await? } else { Vec::new() };
    Ok(context! {
        may_give_feedback => attended.is_some() && !given && now_ms() >= event.starts_at,
        feedback_given => given,
        actions,
        materials => materials_of(db, viewer, event.id).await?,
    })
}

#[derive(Deserialize)]
struct FeedbackForm {
    #[serde(default)]
    rating: String,
    #[serde(default)]
    comment: String,
}

async fn feedback(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<FeedbackForm>,
) -> AppResult<Response> {
    let (event, _) = visible(&state.db, &page.viewer, id).await?;
    let rating: Rating = form.rating.parse()?;
    let comment = text(&form.comment, MAX_COMMENT, None)?;
    let Some((registration, true)) = attendance(&state.db, id, user.user_id).await? else {
        return Err(AppError::invalid("error-event-feedback-attendees"));
    };
    if now_ms() < event.starts_at {
        return Err(AppError::invalid("error-event-feedback-attendees"));
    }
    let mut tx = state.db.begin().await?;
    let added = on_tx!(&mut tx, c => sqlx::query(
        "INSERT INTO event_feedback (registration_id, event_id, rating, comment, created_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT DO NOTHING")
        .bind(registration).bind(id).bind(rating.0).bind(&comment).bind(now_ms()).execute(&mut **c).await.map(affected))?;
    if added == 0 {
        return Err(AppError::invalid("error-event-feedback-twice"));
    }
    tx.commit().await?;
    Ok(Redirect::to(&format!("/events/{id}?done=feedback")).into_response())
}

#[derive(sqlx::FromRow)]
struct ActionRow {
    id: i64,
    title: String,
    owner_id: Option<i64>,
    owner_name: Option<String>,
    owner_at_risk: bool,
    due_on: String,
    done: bool,
}

#[derive(Serialize)]
struct ActionView {
    id: i64,
    title: String,
    owner: Option<PersonRow>,
    due_on: String,
    done: bool,
}

async fn actions_of(db: &Db, viewer: &Viewer, id: i64) -> Result<Vec<ActionView>, sqlx::Error> {
    let sql =
        "SELECT a.id, a.title, a.owner_id, u.display_name AS owner_name, COALESCE(p.at_risk, FALSE) AS owner_at_risk, \
               a.due_on, a.done FROM event_actions a LEFT JOIN users u ON u.id = a.owner_id \
               LEFT JOIN profiles p ON p.user_id = a.owner_id WHERE a.event_id = $1 ORDER BY a.done, a.due_on, a.id";
    let rows: Vec<ActionRow> = on_db!(db, pool => sqlx::query_as(sql).bind(id).fetch_all(pool).await)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let owner = match (r.owner_id, r.owner_name) {
                (Some(oid), Some(name)) => Some(PersonRow { id: oid, name, at_risk: r.owner_at_risk }),
                _ => None,
            };
            ActionView {
                id: r.id,
                title: r.title,
                // Members at risk only to coordinators and themselves, as everywhere.
                owner: owner.filter(|o| crate::members::access::sees_person(viewer, o.id, o.at_risk)),
                due_on: r.due_on,
                done: r.done,
            }
        })
        .collect())
}

#[derive(sqlx::FromRow, Serialize)]
struct MaterialRow {
    id: i64,
    title: String,
    url: Option<String>,
    resource_id: Option<i64>,
}

/// The event's materials this viewer may follow: links, and library resources they may see.
async fn materials_of(db: &Db, viewer: &Viewer, id: i64) -> Result<Vec<MaterialRow>, sqlx::Error> {
    let mut args = Args::default();
    let event = args.push(crate::db::Arg::Int(id));
    let sql = format!(
        "SELECT m.id, m.title, m.url, m.resource_id FROM event_materials m LEFT JOIN resources r ON r.id = m.resource_id \
         WHERE m.event_id = {event} AND (m.resource_id IS NULL OR {}) ORDER BY m.id",
        crate::library::visible_sql("r", viewer)
    );
    on_db!(db, pool => bind_args!(sqlx::query_as(&sql), args).fetch_all(pool).await)
}

async fn count(db: &Db, table: &str, id: i64) -> Result<i64, sqlx::Error> {
    // `table` is one of this module's own names, never input.
    let sql = format!("SELECT COUNT(*) FROM {table} WHERE event_id = $1");
    on_db!(db, pool => sqlx::query_scalar(&sql).bind(id).fetch_one(pool).await)
}

#[derive(Deserialize)]
struct ActionForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    due: String,
}

async fn add_action(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<ActionForm>,
) -> AppResult<Response> {
    managed(&state.db, &page.viewer, id).await?;
    let title = text(&form.title, MAX_ACTION, Some("error-event-action-required"))?;
    let owner = pickable_member(&state.db, &page.viewer, &form.owner).await?;
    let due: DueDate = form.due.parse()?;
    if count(&state.db, "event_actions", id).await? >= MAX_ITEMS {
        return Err(AppError::invalid("error-event-too-many-items"));
    }
    on_db!(&state.db, pool => sqlx::query(
        "INSERT INTO event_actions (event_id, title, owner_id, due_on, done, created_at) VALUES ($1, $2, $3, $4, FALSE, $5)")
        .bind(id).bind(&title).bind(owner).bind(due.0.format("%Y-%m-%d").to_string()).bind(now_ms())
        .execute(pool).await.map(affected))?;
    Ok(Redirect::to(&format!("/events/{id}/report")).into_response())
}

/// Mark an action point done, or not done again.
async fn toggle_action(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path((id, action)): Path<(i64, i64)>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    managed(&state.db, &page.viewer, id).await?;
    let changed = on_db!(&state.db, pool => sqlx::query("UPDATE event_actions SET done = NOT done WHERE id = $1 AND event_id = $2")
        .bind(action).bind(id).execute(pool).await.map(affected))?;
    if changed == 0 {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&format!("/events/{id}/report")).into_response())
}

#[derive(Deserialize)]
struct MaterialForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    url: String,
    #[serde(default)]
    resource: String,
}

async fn add_material(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<MaterialForm>,
) -> AppResult<Response> {
    managed(&state.db, &page.viewer, id).await?;
    let (title, url, resource) = if form.resource.trim().is_empty() {
        (text(&form.title, 200, Some("error-event-material-title"))?, Some(web_address(&form.url)?), None)
    } else {
        let rid: i64 = form.resource.trim().parse().map_err(|_| AppError::invalid("error-event-material-resource"))?;
        // Only a resource the organiser may see in the library.
        let resource = match crate::library::visible(&state.db, &page.viewer, rid).await {
            Ok((r, _)) => r,
            Err(AppError::NotFound | AppError::SignInRequired) => {
                return Err(AppError::invalid("error-event-material-resource"))
            }
            Err(e) => return Err(e),
        };
        let title = text(&form.title, 200, None)?;
        (if title.is_empty() { resource.title.clone() } else { title }, None, Some(rid))
    };
    if count(&state.db, "event_materials", id).await? >= MAX_ITEMS {
        return Err(AppError::invalid("error-event-too-many-items"));
    }
    on_db!(&state.db, pool => sqlx::query(
        "INSERT INTO event_materials (event_id, title, url, resource_id, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(id).bind(&title).bind(url).bind(resource).bind(now_ms()).execute(pool).await.map(affected))?;
    Ok(Redirect::to(&format!("/events/{id}/report")).into_response())
}

async fn delete_material(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path((id, material)): Path<(i64, i64)>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    managed(&state.db, &page.viewer, id).await?;
    let gone = on_db!(&state.db, pool => sqlx::query("DELETE FROM event_materials WHERE id = $1 AND event_id = $2")
        .bind(material).bind(id).execute(pool).await.map(affected))?;
    if gone == 0 {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&format!("/events/{id}/report")).into_response())
}

/// Feedback in figures: how many, the average, and how many gave each rating.
#[derive(Debug, Default, PartialEq, Serialize)]
pub struct Summary {
    pub count: i64,
    /// One decimal, e.g. "4.3"; empty when nobody answered.
    pub average: String,
    /// Counts for ratings 5, 4, 3, 2, 1 (best first, as the report shows them).
    pub by_rating: Vec<(i64, i64)>,
}

pub fn summarise(ratings: &[i64]) -> Summary {
    let count = ratings.len() as i64;
    let average =
        if count > 0 { format!("{:.1}", ratings.iter().sum::<i64>() as f64 / count as f64) } else { String::new() };
    let by_rating = (1..=5).rev().map(|r| (r, ratings.iter().filter(|x| **x == r).count() as i64)).collect();
    Summary { count, average, by_rating }
}

#[derive(Serialize)]
struct BarRow {
    key: String,
    count: i64,
    bar: Value,
}

fn bar_rows(mut counts: Vec<(String, i64)>) -> Vec<BarRow> {
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let max = counts.iter().map(|(_, c)| *c).max().unwrap_or(0) as f64;
    counts
        .into_iter()
        .map(|(key, count)| BarRow {
            key,
            count,
            bar: Value::from_safe_string(crate::web::svg::bar(count as f64, max)),
        })
        .collect()
}

async fn report(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Html<String>> {
    let (event, _) = managed(&state.db, &page.viewer, id).await?;
    // Who came: sector and country as for the mix (a visitor's own, a member's profile's
    // where the viewer may see it); "unknown" when not given or not theirs to see.
    let audience = crate::members::access::Audience::of_viewer(&page.viewer);
    let sql = format!(
        "SELECT COALESCE(r.sector, {sector}), COALESCE(r.country, {country}) \
         FROM event_registrations r LEFT JOIN profiles p ON p.user_id = r.user_id \
         WHERE r.event_id = $1 AND r.attended_at IS NOT NULL",
        sector = crate::members::query::field_sql(audience, "p", "sector"),
        country = crate::members::query::field_sql(audience, "p", "country"),
    );
    let came: Vec<(Option<String>, Option<String>)> =
        on_db!(&state.db, pool => sqlx::query_as(&sql).bind(id).fetch_all(pool).await)?;
    let mut sectors: std::collections::BTreeMap<String, i64> = Default::default();
    let mut countries: std::collections::BTreeMap<String, i64> = Default::default();
    for (s, c) in &came {
        let s = s.as_deref().filter(|s| s.parse::<Sector>().is_ok()).unwrap_or("");
        let c = c.as_deref().filter(|c| c.parse::<Country>().is_ok()).unwrap_or("");
        *sectors.entry(s.to_string()).or_default() += 1;
        *countries.entry(c.to_string()).or_default() += 1;
    }
    let (taken, _) = super::counts(&state.db, id).await?;
    let feedback: Vec<(i64, String)> = on_db!(&state.db, pool => sqlx::query_as(
        "SELECT rating, comment FROM event_feedback WHERE event_id = $1 ORDER BY created_at, registration_id")
        .bind(id).fetch_all(pool).await)?;
    let ratings: Vec<i64> = feedback.iter().map(|(r, _)| *r).collect();
    let summary = summarise(&ratings);
    let most = summary.by_rating.iter().map(|(_, n)| *n).max().unwrap_or(0) as f64;
    let by_rating: Vec<_> = summary
        .by_rating
        .iter()
        .map(|(r, n)| context! { rating => r, count => n, bar => Value::from_safe_string(crate::web::svg::bar(*n as f64, most)) })
        .collect();
    let comments: Vec<&str> = feedback.iter().map(|(_, c)| c.as_str()).filter(|c| !c.is_empty()).collect();
    let (when, _) = super::when(&event, None);
    page.render(
        &state,
        "events/report.html",
        context! {
            event, when, attended => came.len(), registered => taken,
            sectors => bar_rows(sectors.into_iter().collect()), countries => bar_rows(countries.into_iter().collect()),
            summary, by_rating, comments,
            actions => actions_of(&state.db, &page.viewer, id).await?,
            materials => materials_of(&state.db, &page.viewer, id).await?,
            members => pickable(&state.db, &page.viewer).await?,
            resources => crate::library::choices(&state.db, &page.viewer).await?,
            today => time::day(now_ms(), event.zone()),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_and_dates_parse_or_are_refused() {
        assert_eq!("5".parse::<Rating>().unwrap(), Rating(5));
        for bad in ["0", "6", "", "four", "4.5"] {
            assert_eq!(bad.parse::<Rating>().unwrap_err().message().id, "error-event-rating", "{bad}");
        }
        assert!("2030-02-28".parse::<DueDate>().is_ok());
        for bad in ["2030-02-30", "28/02/2030", ""] {
            assert_eq!(bad.parse::<DueDate>().unwrap_err().message().id, "error-event-due", "{bad}");
        }
        assert!(web_address("https://example.org/slides.pdf").is_ok());
        assert!(web_address("javascript:alert(1)").is_err());
    }

    #[test]
    fn feedback_is_summarised() {
        let s = summarise(&[5, 4, 4, 3]);
        assert_eq!(s.count, 4);
        assert_eq!(s.average, "4.0");
        assert_eq!(s.by_rating, vec![(5, 1), (4, 2), (3, 1), (2, 0), (1, 0)]);
        assert_eq!(summarise(&[]).average, "");
    }
}
