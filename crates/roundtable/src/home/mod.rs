//! The front page. A visitor reads what the network is, its next public events, recent
//! public resources and the next awareness day; a member finds what needs them today; a
//! coordinator, in addition, the network's desk.

pub mod desk;
pub mod tiles;
pub mod welcome;

use axum::extract::State;
use axum::response::Html;
use axum::routing::get;
use minijinja::context;
use serde::Serialize;

use crate::db::{Arg, Args};
use crate::members::access::Audience;
use crate::members::query::{self, Filter};
use crate::on_db;
use crate::web::{AppResult, AppState, Page, Routes};

pub const TEMPLATES: &[(&str, &str)] = &[
    ("home/public.html", include_str!("templates/public.html")),
    ("home/member.html", include_str!("templates/member.html")),
    ("home/welcome.html", include_str!("templates/welcome.html")),
];

pub fn routes() -> Routes {
    let mut routes: Routes = vec![("/", get(home))];
    routes.extend(welcome::routes());
    routes
}

async fn home(State(state): State<AppState>, page: Page) -> AppResult<Html<String>> {
    let Some(me) = page.viewer.id() else { return public(&state, &page).await };
    let tiles = tiles::member(&state, &page, me).await?;
    let desk = if page.viewer.is_coordinator() { Some(desk::desk(&state, &page).await?) } else { None };
    let announcements = crate::announcements::current(&state, &page).await?;
    let welcome = welcome::step_of(&state, me).await?;
    page.render(&state, "home/member.html", context! { desk, announcements, welcome, steps => welcome::STEPS, ..tiles })
}

#[derive(sqlx::FromRow, Serialize)]
struct Upcoming {
    id: i64,
    title: String,
    starts_at: i64,
}

#[derive(Serialize)]
struct Awareness {
    id: i64,
    name: String,
    year: i32,
    date: String,
}

/// The awareness day that comes next (today's included), with the year of its campaign.
async fn next_awareness_day(state: &AppState, page: &Page, now: i64) -> AppResult<Option<Awareness>> {
    use chrono::{Datelike, NaiveDate, TimeZone};
    let sql = "SELECT id, name, builtin, month, day FROM awareness_days";
    let days: Vec<(i64, String, Option<String>, i64, i64)> =
        on_db!(&state.db, pool => sqlx::query_as(sql).fetch_all(pool).await)?;
    let today = page.zone.timestamp_millis_opt(now).single().map(|d| d.date_naive()).unwrap_or_default();
    let next = days
        .into_iter()
        .filter_map(|(id, name, builtin, month, day)| {
            let on = |year: i32| NaiveDate::from_ymd_opt(year, month as u32, day as u32);
            let date = on(today.year()).filter(|d| *d >= today).or_else(|| on(today.year() + 1))?;
            Some((date, id, name, builtin))
        })
        .min_by_key(|(date, id, ..)| (*date, *id));
    let locale = page.locale;
    Ok(next.map(|(date, id, name, builtin)| Awareness {
        id,
        // Built-in days are named in the reader's language, as on the awareness page.
        name: builtin.map(|key| locale.t(&format!("awareness-{key}"))).unwrap_or(name),
        year: date.year(),
        date: locale.t_args(
            "awareness-date",
            &[("day", date.day().to_string()), ("month", locale.t(&format!("month-{}", date.month())))],
        ),
    }))
}

async fn public(state: &AppState, page: &Page) -> AppResult<Html<String>> {
    // Counts as this viewer may see them, from the same query as the directory.
    let audience = Audience::of_viewer(&page.viewer);
    let (_, members) = query::directory(&state.db, audience, page.viewer.id(), &Filter::default(), 1, 0).await?;
    let sql = format!("SELECT COUNT(*) FROM organisations o WHERE {}", crate::orgs::visible_sql("o", "$1"));
    let organisations: i64 =
        on_db!(&state.db, pool => sqlx::query_scalar(&sql).bind(page.viewer.is_member()).fetch_one(pool).await)?;
    let now = state.clock.now_ms();
    let mut args = Args::default();
    let at = args.push(Arg::Int(now));
    let sql = format!(
        "SELECT e.id, e.title, e.starts_at FROM events e WHERE {} AND NOT e.cancelled AND e.ends_at > {at} \
         ORDER BY e.starts_at, e.id LIMIT 3",
        crate::events::access::public_sql("e")
    );
    let events: Vec<Upcoming> = crate::db::rows(&state.db, &sql, &args).await?;
    let sql = "SELECT r.id, r.title, r.created_at AS starts_at FROM resources r WHERE r.access = 'public' \
               ORDER BY r.created_at DESC, r.id DESC LIMIT 3";
    let resources: Vec<Upcoming> = crate::db::rows(&state.db, sql, &Args::default()).await?;
    let awareness = next_awareness_day(state, page, now).await?;
    let figures = crate::impact::figures::settings(&state.db).await?;
    page.render(state, "home/public.html", context! { members, organisations, events, resources, awareness, figures })
}
