//! The first sign-in: after accepting an invitation, four short steps set a new member up:
//! language and time zone; what others see of them and the at-risk switch, in plain words
//! (the protective defaults stay as they are; the switch is one click away, never forced);
//! notifications; and three groups and three people to start with. Each step can be
//! skipped; the sequence resumes from home until it is finished.

use axum::extract::{Query, State};
use axum::http::header::SET_COOKIE;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};

use crate::db::{affected, rows, Args};
use crate::on_db;
use crate::web::session::{cookie_header, LANG_COOKIE};
use crate::web::zone::{COMMON_ZONES, ZONE_COOKIE};
use crate::web::{AppError, AppResult, AppState, Form, Locale, Page, Routes, SignedIn, Who};

pub const STEPS: i64 = 4;

pub fn routes() -> Routes {
    vec![
        ("/welcome", get(step_page)),
        ("/welcome/place", post(place)),
        ("/welcome/next", post(next)),
        ("/welcome/done", post(done)),
    ]
}

/// The step `user` is at, if the sequence is not finished.
pub async fn step_of(state: &AppState, user: i64) -> Result<Option<i64>, sqlx::Error> {
    let sql = "SELECT welcome_step FROM users WHERE id = $1";
    let step: Option<Option<i64>> =
        on_db!(&state.db, pool => sqlx::query_scalar(sql).bind(user).fetch_optional(pool).await)?;
    Ok(step.flatten())
}

async fn set_step(state: &AppState, user: i64, step: Option<i64>) -> Result<(), sqlx::Error> {
    let sql = "UPDATE users SET welcome_step = $1 WHERE id = $2";
    on_db!(&state.db, pool => sqlx::query(sql).bind(step).bind(user).execute(pool).await.map(affected))?;
    Ok(())
}

#[derive(Deserialize)]
struct StepQuery {
    step: Option<i64>,
}

#[derive(sqlx::FromRow, Serialize)]
struct GroupChoice {
    id: i64,
    name: String,
    purpose: String,
    members: i64,
}

async fn step_context(state: &AppState, page: &Page, me: i64, step: i64) -> AppResult<Value> {
    Ok(match step {
        1 => {
            let locales: Vec<Value> =
                Locale::ALL.iter().map(|l| context! { tag => l.tag(), name => l.autonym() }).collect();
            context! { locales, zones => COMMON_ZONES }
        }
        2 => {
            let sql = "SELECT at_risk FROM profiles WHERE user_id = $1";
            let at_risk: bool = on_db!(&state.db, pool => sqlx::query_scalar(sql).bind(me).fetch_one(pool).await)?;
            context! { at_risk }
        }
        4 => {
            // Groups the member may join, busiest first, never one they may not know of.
            let who = Who::literal(&page.viewer);
            let sql = format!(
                "SELECT g.id, g.name, g.purpose, (SELECT COUNT(*) FROM group_members c WHERE c.group_id = g.id \
                   AND c.status = 'active') AS members \
                 FROM network_groups g WHERE g.access <> 'secret' AND {} AND NOT {} \
                 ORDER BY members DESC, g.id LIMIT 3",
                crate::groups::access::known_sql("g", &who),
                crate::groups::access::member_sql("g.id", &who)
            );
            let groups: Vec<GroupChoice> = rows(&state.db, &sql, &Args::default()).await?;
            let end = crate::network::ties::end(&state.db, me).await?.ok_or(AppError::NotFound)?;
            let people = crate::network::introductions::suggestions(state, &page.viewer, &end, 3, page.locale).await?;
            context! { groups, people, at_risk => end.at_risk }
        }
        _ => context! {},
    })
}

async fn step_page(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Query(q): Query<StepQuery>,
) -> AppResult<Response> {
    let Some(current) = step_of(&state, user.user_id).await? else { return Ok(Redirect::to("/").into_response()) };
    // A step already passed can be seen again; one ahead cannot be skipped to.
    let step = q.step.filter(|s| (1..=current).contains(s)).unwrap_or(current);
    let ctx = step_context(&state, &page, user.user_id, step).await?;
    let html = page.render(&state, "home/welcome.html", context! { step, steps => STEPS, ..ctx })?;
    Ok(html.into_response())
}

#[derive(Deserialize)]
struct PlaceForm {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    zone: String,
}

/// Step 1: the language (on the account, for mail too, and in a cookie) and the zone times
/// are shown in (a cookie, as every page's footer keeps it).
async fn place(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Form(form): Form<PlaceForm>,
) -> AppResult<Response> {
    let locale = Locale::parse(form.lang.trim()).ok_or(AppError::invalid("error-unknown-language"))?;
    let zone: chrono_tz::Tz = form.zone.trim().parse().map_err(|_| AppError::invalid("error-event-time-zone"))?;
    let sql = "UPDATE users SET locale = $1, welcome_step = 2 WHERE id = $2 AND welcome_step IS NOT NULL";
    on_db!(&state.db, pool => sqlx::query(sql).bind(locale.tag()).bind(user.user_id).execute(pool).await.map(affected))?;
    let cookies = [
        (SET_COOKIE, cookie_header(&state, LANG_COOKIE, locale.tag(), Some(365 * 86_400))),
        (SET_COOKIE, cookie_header(&state, ZONE_COOKIE, zone.name(), Some(365 * 86_400))),
    ];
    Ok((cookies, Redirect::to("/welcome")).into_response())
}

#[derive(Deserialize)]
struct Empty {}

/// On to the next step (the last one finishes).
async fn next(State(state): State<AppState>, SignedIn(user): SignedIn, Form(_): Form<Empty>) -> AppResult<Response> {
    let Some(step) = step_of(&state, user.user_id).await? else { return Ok(Redirect::to("/").into_response()) };
    if step >= STEPS {
        set_step(&state, user.user_id, None).await?;
        return Ok(Redirect::to("/").into_response());
    }
    set_step(&state, user.user_id, Some(step + 1)).await?;
    Ok(Redirect::to("/welcome").into_response())
}

/// Finished, or not wanted: no more reminders.
async fn done(State(state): State<AppState>, SignedIn(user): SignedIn, Form(_): Form<Empty>) -> AppResult<Response> {
    set_step(&state, user.user_id, None).await?;
    Ok(Redirect::to("/").into_response())
}
