//! Events in the API: listing and reading by [`super::access`] (the pages' rule), and a
//! member's own registration through the same functions as the page's form.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};

use super::access::{can_see_link, visible_sql};
use super::{registration, Event, EVENT_COLUMNS};
use crate::on_db;
use crate::vocab::{Country, EventKind};
use crate::web::api::{self, ErrorBody, PageQuery, Paged};
use crate::web::{AppResult, AppState, SignedIn, Viewer, Who};

/// An event: a seminar, workshop, webinar, conference, forum or awareness day.
#[derive(Serialize, utoipa::ToSchema)]
pub struct EventItem {
    pub id: i64,
    pub title: String,
    pub description: String,
    /// A key of the event kind vocabulary.
    pub kind: String,
    /// `in_person`, `online` or `hybrid`.
    pub mode: String,
    pub venue: String,
    pub address: String,
    /// ISO 3166-1 alpha-2; empty for an online event.
    pub country: String,
    /// The IANA time zone the event is held in.
    pub time_zone: String,
    /// RFC 3339, UTC.
    pub starts_at: String,
    pub ends_at: String,
    /// `public`, `members`, `group` or `invitation_only`.
    pub visibility: String,
    pub group_id: Option<i64>,
    pub capacity: Option<i64>,
    pub registration_open: bool,
    pub cancelled: bool,
    /// The meeting link: only for the registered, organisers and coordinators.
    pub online_url: Option<String>,
    /// The caller's own registration: `pending`, `registered`, `waitlisted`, `cancelled`,
    /// `declined`, or absent.
    pub my_registration: Option<String>,
}

fn rfc3339(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms).map(|t| t.to_rfc3339()).unwrap_or_default()
}

fn item(event: Event, link: bool, mine: Option<String>, now: i64) -> EventItem {
    let registration_open = event.registration_open(now);
    EventItem {
        online_url: (link && event.has_link()).then(|| event.online_url.clone()),
        id: event.id,
        title: event.title,
        description: event.description,
        kind: event.kind,
        mode: event.mode,
        venue: event.venue,
        address: event.address,
        country: event.country,
        time_zone: event.time_zone,
        starts_at: rfc3339(event.starts_at),
        ends_at: rfc3339(event.ends_at),
        visibility: event.visibility,
        group_id: event.group_id,
        capacity: event.capacity,
        registration_open,
        cancelled: event.cancelled,
        my_registration: mine,
    }
}

#[derive(Deserialize, Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventFilter {
    /// `upcoming` (the default: not yet ended), `past` or `all`.
    pub when: Option<String>,
    /// Only this kind (a key of the event kind vocabulary).
    pub kind: Option<String>,
    /// Only this country (ISO 3166-1 alpha-2).
    pub country: Option<String>,
}

#[derive(sqlx::FromRow)]
struct Row {
    #[sqlx(flatten)]
    event: Event,
    link: bool,
    mine: Option<String>,
}

/// Events the caller may see, by id.
#[utoipa::path(get, path = "/api/v1/events", tag = "events",
    params(PageQuery, EventFilter),
    responses((status = 200, body = Paged<EventItem>), (status = 422, body = ErrorBody)),
    security(("token" = ["events:read"]), ("session" = [])))]
pub async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(page): Query<PageQuery>,
    Query(filter): Query<EventFilter>,
) -> AppResult<Json<Paged<EventItem>>> {
    let window = page.window()?;
    let kind: Option<EventKind> = filter.kind.as_deref().filter(|k| !k.is_empty()).map(str::parse).transpose()?;
    let country: Option<Country> = filter.country.as_deref().filter(|c| !c.is_empty()).map(str::parse).transpose()?;
    let now = state.clock.now_ms();
    let when = match filter.when.as_deref().unwrap_or("upcoming") {
        "upcoming" => "e.ends_at >= $4",
        "past" => "e.ends_at < $4",
        "all" => "$4 = $4",
        _ => return Err(crate::web::AppError::invalid("error-when-invalid")),
    };
    // Literal: the viewer's id and flags, never text from the request.
    let who = Who::literal(&viewer);
    let sql = format!(
        "SELECT {EVENT_COLUMNS}, {link} AS link, \
           (SELECT r.status FROM event_registrations r WHERE r.event_id = e.id AND r.user_id = {id}) AS mine \
         FROM events e WHERE {visible} AND {when} AND ($1 = '' OR e.kind = $1) AND ($2 = '' OR e.country = $2) \
           AND e.id > $3 ORDER BY e.id LIMIT $5",
        link = super::access::link_sql("e", &who),
        id = who.id(),
        visible = visible_sql("e", &who),
    );
    let rows: Vec<Row> = on_db!(&state.db, pool => sqlx::query_as(&sql)
        .bind(kind.map_or("", |k| k.key())).bind(country.map_or("", |c| c.key()))
        .bind(window.after.unwrap_or(i64::MIN)).bind(now).bind(window.limit + 1).fetch_all(pool).await)?;
    let items = rows.into_iter().map(|r| item(r.event, r.link, r.mine, now)).collect();
    Ok(Json(Paged::of(items, window, |e: &EventItem| e.id)))
}

/// One event.
#[utoipa::path(get, path = "/api/v1/events/{id}", tag = "events",
    params(("id" = i64, Path, description = "The event's id")),
    responses((status = 200, body = EventItem), (status = 404, body = ErrorBody)),
    security(("token" = ["events:read"]), ("session" = [])))]
pub async fn show(State(state): State<AppState>, viewer: Viewer, Path(id): Path<i64>) -> AppResult<Json<EventItem>> {
    let (event, relation) = super::visible(&state.db, &viewer, id).await?;
    let link = can_see_link(&viewer, &event, &relation);
    let mine = relation.status.map(|s| s.key().to_string());
    Ok(Json(item(event, link, mine, state.clock.now_ms())))
}

/// A registration request: answers to the event's questions, by question id.
#[derive(Deserialize, Default, utoipa::ToSchema)]
pub struct RegistrationRequest {
    #[serde(default)]
    pub answers: HashMap<i64, String>,
}

/// Where the caller's registration stands.
#[derive(Serialize, utoipa::ToSchema)]
pub struct RegistrationState {
    /// `pending` (waiting for the organisers), `registered` or `waitlisted`.
    pub status: String,
}

/// Register the caller for an event, as the event page's form does.
#[utoipa::path(post, path = "/api/v1/events/{id}/registration", tag = "events",
    params(("id" = i64, Path, description = "The event's id")),
    request_body = RegistrationRequest,
    responses((status = 201, body = RegistrationState), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)),
    security(("token" = ["events:write"]), ("session" = [])))]
pub async fn register(
    State(state): State<AppState>,
    viewer: Viewer,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    api::Json(body): api::Json<RegistrationRequest>,
) -> AppResult<(StatusCode, Json<RegistrationState>)> {
    let fields = body.answers.into_iter().map(|(q, a)| (format!("q{q}"), a)).collect();
    let status = registration::register_member(&state, &viewer, &user, id, &fields).await?;
    Ok((StatusCode::CREATED, Json(RegistrationState { status: status.key().into() })))
}

/// Cancel the caller's registration; a freed place goes to the first on the waitlist.
#[utoipa::path(delete, path = "/api/v1/events/{id}/registration", tag = "events",
    params(("id" = i64, Path, description = "The event's id")),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = ["events:write"]), ("session" = [])))]
pub async fn cancel(
    State(state): State<AppState>,
    viewer: Viewer,
    SignedIn(user): SignedIn,
    _: api::Write,
    Path(id): Path<i64>,
) -> AppResult<StatusCode> {
    registration::cancel_member(&state, &viewer, user.user_id, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
