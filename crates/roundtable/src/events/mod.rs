//! Events: seminars, workshops, webinars, roundtable dialogues, conferences, public forums,
//! panels and trainings. Each happens in one time zone, in a room, online or both; has
//! organisers (members) and co-hosting organisations; an agenda; and registrations, with a
//! waitlist, approval, questions and attendance (see [`registration`]). Attendance feeds the
//! network's ties (`network::sources::Source::CoAttendance`).
//!
//! Who may create: any member; only coordinators publish **public** events, because a
//! public page speaks for the network to the world. Who may see an event is decided by
//! [`access`], the one place that decides who may see, manage and join an event. An event
//! a viewer may not see answers 404, never 403, so that its existence does not leak.

pub mod access;
pub mod api;
pub mod awareness;
pub mod calendar;
pub mod demo;
pub mod export;
pub mod followup;
pub mod mix;

pub mod registration;
pub mod reminders;
pub mod search;
pub mod series;
pub mod time;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono_tz::Tz;
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};

use crate::db::{affected, now_ms, Arg, Args, Db, Tx};
use crate::vocab::{Country, EventKind, EventMode, EventVisibility, Language};
use crate::web::Routes;
use crate::web::{AppError, AppResult, AppState, Form, Message, Page, SignedIn, Viewer};
use crate::{bind_args, on_db, on_tx};
pub use access::{can_manage, can_see_link, can_view, Relation};

pub const TEMPLATES: &[(&str, &str)] = &[
    ("events/list.html", include_str!("templates/list.html")),
    ("events/show.html", include_str!("templates/show.html")),
    ("events/edit.html", include_str!("templates/edit.html")),
    ("events/manage.html", include_str!("templates/manage.html")),
    ("events/checkin.html", include_str!("templates/checkin.html")),
    ("events/registration.html", include_str!("templates/registration.html")),
    ("events/notice.html", include_str!("templates/notice.html")),
    ("events/mine.html", include_str!("templates/mine.html")),
    ("events/_rsvp.html", include_str!("templates/_rsvp.html")),
    ("events/cancel.html", include_str!("templates/cancel.html")),
    ("events/mix.html", include_str!("templates/mix.html")),
    ("events/report.html", include_str!("templates/report.html")),
    ("events/series.html", include_str!("templates/series.html")),
    ("events/awareness.html", include_str!("templates/awareness.html")),
    ("events/campaign.html", include_str!("templates/campaign.html")),
    ("events/_mix_table.html", include_str!("templates/_mix_table.html")),
];

const MAX_TITLE: usize = 200;
const MAX_DESCRIPTION: usize = 5000;
const MAX_PLACE: usize = 300;
const MAX_LINK: usize = 500;
/// Events one member may create in a day, the occurrences of the events they repeat
/// included (a repeat is allowed while under the limit, and adds all its occurrences).
pub const EVENTS: crate::web::limits::Limit = crate::web::limits::Limit {
    count_sql: "SELECT COUNT(*) FROM events WHERE created_by = $1 AND created_at > $2",
    max: 20,
    window_ms: crate::web::limits::DAY,
};
/// Members one member may invite to events in a day: each invitation notifies, by mail
/// unless the invited chose otherwise.
pub const INVITATIONS: crate::web::limits::Limit = crate::web::limits::Limit {
    count_sql: "SELECT COUNT(*) FROM event_invitations WHERE invited_by = $1 AND created_at > $2",
    max: 100,
    window_ms: crate::web::limits::DAY,
};
/// The longest an event may last: a conference, not a season.
const MAX_DURATION_MS: i64 = 31 * 86_400_000;
pub const MAX_CAPACITY: i64 = 100_000;
/// Agenda sessions and questions an event may have.
const MAX_SESSIONS: i64 = 60;
pub const MAX_QUESTIONS: i64 = 5;
/// Events a list shows.
const LIST_LIMIT: i64 = 200;

pub fn routes() -> Routes {
    let mut routes: Routes = vec![
        ("/events", get(list).post(create)),
        ("/events/new", get(new_form)),
        ("/events/{id}", get(show).post(update)),
        ("/events/{id}/edit", get(edit_form)),
        ("/events/{id}/manage", get(manage)),
        ("/events/{id}/organisers", post(organisers)),
        ("/events/{id}/sessions", post(add_session)),
        ("/events/{id}/sessions/{session}/delete", post(delete_session)),
        ("/events/{id}/questions", post(questions)),
        ("/events/{id}/invitations", post(invite)),
        ("/api/v1/events", get(api::list)),
        ("/api/v1/events/{id}", get(api::show)),
        ("/api/v1/events/{id}/registration", post(api::register).delete(api::cancel)),
    ];
    routes.extend(registration::routes());
    routes.extend(export::routes());
    routes.extend(calendar::routes());
    routes.extend(mix::routes());
    routes.extend(followup::routes());
    routes.extend(series::routes());
    routes.extend(awareness::routes());
    routes
}

// ---- the event and who may do what ----------------------------------------------------------

#[derive(sqlx::FromRow, Serialize, Clone, Debug)]
pub struct Event {
    pub id: i64,
    pub series_id: Option<i64>,
    pub kind: String,
    pub title: String,
    pub description: String,
    pub mode: String,
    pub venue: String,
    pub address: String,
    pub online_url: String,
    pub country: String,
    pub time_zone: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub interpretation: String,
    pub visibility: String,
    pub group_id: Option<i64>,
    pub capacity: Option<i64>,
    pub registration_closes_at: Option<i64>,
    pub requires_approval: bool,
    pub cancelled: bool,
    pub updated_at: i64,
}

pub const EVENT_COLUMNS: &str = "e.id, e.series_id, e.kind, e.title, e.description, e.mode, e.venue, e.address, \
     e.online_url, e.country, e.time_zone, e.starts_at, e.ends_at, e.interpretation, e.visibility, e.group_id, \
     e.capacity, e.registration_closes_at, e.requires_approval, e.cancelled, e.updated_at";

impl Event {
    pub fn visibility(&self) -> EventVisibility {
        self.visibility.parse().unwrap_or(EventVisibility::InvitationOnly)
    }

    /// What mail calls the event. Mail passes through servers outside the network's
    /// control, so only a public event is named; the others are "an event" with its time
    /// and link, and the page behind the link applies the event's visibility.
    pub fn title_in_mail(&self, locale: crate::web::Locale) -> String {
        if self.visibility() == EventVisibility::Public {
            self.title.clone()
        } else {
            locale.t("mail-event-unnamed")
        }
    }

    pub fn zone(&self) -> Tz {
        self.time_zone.parse().unwrap_or(chrono_tz::UTC)
    }

    pub fn has_room(&self) -> bool {
        self.mode != "online"
    }

    pub fn has_link(&self) -> bool {
        self.mode != "in_person" && !self.online_url.is_empty()
    }

    /// Registration is open until the organiser's closing time, and at the latest until
    /// the event begins.
    pub fn registration_open(&self, now: i64) -> bool {
        !self.cancelled && now < self.registration_closes_at.unwrap_or(self.starts_at).min(self.starts_at)
    }
}

pub async fn load(db: &Db, id: i64) -> Result<Option<Event>, sqlx::Error> {
    let sql = format!("SELECT {EVENT_COLUMNS} FROM events e WHERE e.id = $1");
    on_db!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await)
}

pub async fn relation(db: &Db, event: &Event, user: Option<i64>) -> Result<Relation, sqlx::Error> {
    let sql = "SELECT \
         EXISTS (SELECT 1 FROM event_organisers WHERE event_id = $1 AND user_id = $2), \
         EXISTS (SELECT 1 FROM event_invitations WHERE event_id = $1 AND user_id = $2), \
         (SELECT status FROM event_registrations WHERE event_id = $1 AND user_id = $2), \
         EXISTS (SELECT 1 FROM group_members WHERE group_id = $3 AND user_id = $2 AND status = 'active'), \
         EXISTS (SELECT 1 FROM network_groups WHERE id = $3 AND access = 'secret')";
    let (organiser, invited, status, in_group, group_secret): (bool, bool, Option<String>, bool, bool) = on_db!(db, pool => sqlx::query_as(sql)
            .bind(event.id).bind(user.unwrap_or(-1)).bind(event.group_id.unwrap_or(-1)).fetch_one(pool).await)?;
    Ok(Relation { organiser, invited, status: status.and_then(|s| s.parse().ok()), in_group, group_secret })
}

/// The event and the viewer's relation to it, or 404 when the viewer may not know it exists.
pub async fn visible(db: &Db, viewer: &Viewer, id: i64) -> AppResult<(Event, Relation)> {
    let event = load(db, id).await?.ok_or(AppError::NotFound)?;
    let relation = relation(db, &event, viewer.id()).await?;
    if !can_view(viewer, &event, &relation) {
        return Err(AppError::NotFound);
    }
    Ok((event, relation))
}

/// As [`visible`], and the viewer must manage the event (403 if they only see it).
pub async fn managed(db: &Db, viewer: &Viewer, id: i64) -> AppResult<(Event, Relation)> {
    let (event, relation) = visible(db, viewer, id).await?;
    if !can_manage(viewer, &relation) {
        return Err(AppError::Forbidden);
    }
    Ok((event, relation))
}

/// Take the event's row lock for the rest of the transaction (a write on both backends), so
/// that two registrations at once cannot both take the last place.
pub async fn lock(tx: &mut Tx, id: i64) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("UPDATE events SET updated_at = updated_at WHERE id = $1").bind(id)
        .execute(&mut **c).await.map(affected))?;
    Ok(())
}

// ---- listing ------------------------------------------------------------------------------

#[derive(sqlx::FromRow)]
struct ListRow {
    id: i64,
    kind: String,
    title: String,
    mode: String,
    country: String,
    time_zone: String,
    starts_at: i64,
    ends_at: i64,
    visibility: String,
    cancelled: bool,
}

#[derive(Serialize)]
struct Listed {
    id: i64,
    kind: String,
    title: String,
    mode: String,
    country: String,
    visibility: String,
    cancelled: bool,
    when: String,
    /// The times in the viewer's zone, when they chose one that differs.
    when_viewer: Option<String>,
    day: String,
}

#[derive(Deserialize, Default)]
struct ListQuery {
    kind: Option<String>,
    country: Option<String>,
    month: Option<String>,
    when: Option<String>,
}

fn nonempty(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

async fn list(State(state): State<AppState>, page: Page, Query(q): Query<ListQuery>) -> AppResult<Html<String>> {
    let zone = Some(page.zone);
    let kind: Option<EventKind> = nonempty(&q.kind).map(str::parse).transpose()?;
    let country: Option<Country> = nonempty(&q.country).map(str::parse).transpose()?;
    let month = nonempty(&q.month).map(str::to_string);
    let bounds =
        month.as_deref().map(|m| time::month_bounds(m).ok_or(AppError::invalid("error-event-month"))).transpose()?;
    let past = q.when.as_deref() == Some("past");
    let now = now_ms();
    let mut args = Args::default();
    let mut sql = format!(
        "SELECT e.id, e.kind, e.title, e.mode, e.country, e.time_zone, e.starts_at, e.ends_at, e.visibility, e.cancelled \
         FROM events e WHERE {}",
        access::visible_sql("e", &crate::web::Who::viewer(&page.viewer, &mut args))
    );
    let now_arg = args.push(Arg::Int(now));
    sql.push_str(&if past { format!(" AND e.ends_at < {now_arg}") } else { format!(" AND e.ends_at >= {now_arg}") });
    if let Some(k) = kind {
        sql.push_str(&format!(" AND e.kind = {}", args.push(Arg::Text(k.key().into()))));
    }
    if let Some(c) = country {
        sql.push_str(&format!(" AND e.country = {}", args.push(Arg::Text(c.key().into()))));
    }
    if let Some((from, to)) = bounds {
        sql.push_str(&format!(
            " AND e.starts_at >= {} AND e.starts_at < {}",
            args.push(Arg::Int(from)),
            args.push(Arg::Int(to))
        ));
    }
    sql.push_str(if past { " ORDER BY e.starts_at DESC, e.id DESC" } else { " ORDER BY e.starts_at, e.id" });
    sql.push_str(&format!(" LIMIT {LIST_LIMIT}"));
    let rows: Vec<ListRow> = on_db!(&state.db, pool => bind_args!(sqlx::query_as(&sql), args).fetch_all(pool).await)?;
    let events: Vec<Listed> = rows
        .into_iter()
        .filter_map(|r| {
            let tz: Tz = r.time_zone.parse().unwrap_or(chrono_tz::UTC);
            if month.as_deref().is_some_and(|m| time::month(r.starts_at, tz) != m) {
                return None;
            }
            Some(Listed {
                id: r.id,
                kind: r.kind,
                title: r.title,
                mode: r.mode,
                country: r.country,
                visibility: r.visibility,
                cancelled: r.cancelled,
                when: time::span(r.starts_at, r.ends_at, tz),
                when_viewer: zone
                    .filter(|z| time::offset_label(r.starts_at, *z) != time::offset_label(r.starts_at, tz))
                    .map(|z| time::span(r.starts_at, r.ends_at, z)),
                day: time::day(r.starts_at, tz),
            })
        })
        .collect();
    page.render(
        &state,
        "events/list.html",
        context! {
            events, past, kinds => EventKind::keys(), countries => Country::keys(),
            selected => context! { kind => kind.map(|k| k.key()), country => country.map(|c| c.key()), month },
            can_create => page.viewer.is_member(),
        },
    )
}

// ---- one event ----------------------------------------------------------------------------

#[derive(sqlx::FromRow, Serialize)]
struct PersonRow {
    id: i64,
    name: String,
    at_risk: bool,
}

/// People shown with an event (organisers, member speakers): members at risk only to
/// coordinators and themselves, as everywhere.
fn shown(viewer: &Viewer, people: Vec<PersonRow>) -> Vec<PersonRow> {
    people.into_iter().filter(|p| crate::members::access::sees_person(viewer, p.id, p.at_risk)).collect()
}

async fn organisers_of(db: &Db, id: i64) -> Result<Vec<PersonRow>, sqlx::Error> {
    let sql = "SELECT u.id, u.display_name AS name, COALESCE(p.at_risk, FALSE) AS at_risk FROM event_organisers o \
               JOIN users u ON u.id = o.user_id LEFT JOIN profiles p ON p.user_id = u.id \
               WHERE o.event_id = $1 AND u.active ORDER BY lower(u.display_name), u.id";
    on_db!(db, pool => sqlx::query_as(sql).bind(id).fetch_all(pool).await)
}

#[derive(sqlx::FromRow, Serialize)]
struct HostRow {
    id: i64,
    name: String,
    public: bool,
}

async fn hosts_of(db: &Db, id: i64) -> Result<Vec<HostRow>, sqlx::Error> {
    let sql = "SELECT o.id, o.name, o.public FROM event_hosts h JOIN organisations o ON o.id = h.org_id \
               WHERE h.event_id = $1 ORDER BY lower(o.name)";
    on_db!(db, pool => sqlx::query_as(sql).bind(id).fetch_all(pool).await)
}

async fn languages_of(db: &Db, id: i64) -> Result<Vec<String>, sqlx::Error> {
    on_db!(db, pool => sqlx::query_scalar("SELECT lang FROM event_languages WHERE event_id = $1 ORDER BY lang")
        .bind(id).fetch_all(pool).await)
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    id: i64,
    title: String,
    starts_at: i64,
    ends_at: i64,
}

#[derive(sqlx::FromRow)]
struct SpeakerRow {
    session_id: i64,
    user_id: Option<i64>,
    name: String,
    at_risk: bool,
}

#[derive(Serialize)]
struct SessionView {
    id: i64,
    title: String,
    when: String,
    speakers: Vec<SpeakerView>,
}

#[derive(Serialize)]
struct SpeakerView {
    user_id: Option<i64>,
    name: String,
}

async fn agenda(db: &Db, viewer: &Viewer, event: &Event) -> Result<Vec<SessionView>, sqlx::Error> {
    let sessions: Vec<SessionRow> = on_db!(db, pool => sqlx::query_as(
        "SELECT id, title, starts_at, ends_at FROM event_sessions WHERE event_id = $1 ORDER BY starts_at, id")
        .bind(event.id).fetch_all(pool).await)?;
    let sql = "SELECT s.session_id, s.user_id, COALESCE(u.display_name, s.guest_name, '') AS name, \
               COALESCE(p.at_risk, FALSE) AS at_risk FROM event_speakers s JOIN event_sessions es ON es.id = s.session_id \
               LEFT JOIN users u ON u.id = s.user_id LEFT JOIN profiles p ON p.user_id = s.user_id \
               WHERE es.event_id = $1 AND (s.user_id IS NULL OR u.active) ORDER BY s.id";
    let speakers: Vec<SpeakerRow> = on_db!(db, pool => sqlx::query_as(sql).bind(event.id).fetch_all(pool).await)?;
    let tz = event.zone();
    let span_days = time::day(event.starts_at, tz) != time::day(event.ends_at, tz);
    Ok(sessions
        .into_iter()
        .map(|s| SessionView {
            id: s.id,
            when: if span_days {
                format!("{} {}", time::day(s.starts_at, tz), time::clock_span(s.starts_at, s.ends_at, tz))
            } else {
                time::clock_span(s.starts_at, s.ends_at, tz)
            },
            title: s.title,
            speakers: speakers
                .iter()
                .filter(|sp| sp.session_id == s.id)
                .filter(|sp| sp.user_id.is_none_or(|u| crate::members::access::sees_person(viewer, u, sp.at_risk)))
                // As everywhere, the public never reads members' names: guests only.
                .filter(|sp| sp.user_id.is_none() || viewer.is_member())
                .map(|sp| SpeakerView { user_id: sp.user_id, name: sp.name.clone() })
                .collect(),
        })
        .collect())
}

#[derive(sqlx::FromRow, Serialize)]
pub struct Question {
    pub id: i64,
    pub prompt: String,
}

pub async fn questions_of(db: &Db, id: i64) -> Result<Vec<Question>, sqlx::Error> {
    on_db!(db, pool => sqlx::query_as("SELECT id, prompt FROM event_questions WHERE event_id = $1 ORDER BY id")
        .bind(id).fetch_all(pool).await)
}

/// Places taken (registered) and waiting.
pub async fn counts(db: &Db, id: i64) -> Result<(i64, i64), sqlx::Error> {
    let sql = "SELECT COALESCE(SUM(CASE WHEN status = 'registered' THEN 1 ELSE 0 END), 0), \
               COALESCE(SUM(CASE WHEN status = 'waitlisted' THEN 1 ELSE 0 END), 0) FROM event_registrations WHERE event_id = $1";
    on_db!(db, pool => sqlx::query_as(sql).bind(id).fetch_one(pool).await)
}

/// The event's times in its own zone, and in the viewer's when that differs.
fn when(event: &Event, viewer_zone: Option<Tz>) -> (String, Option<String>) {
    let tz = event.zone();
    let own = time::span(event.starts_at, event.ends_at, tz);
    let theirs = viewer_zone
        .filter(|z| time::offset_label(event.starts_at, *z) != time::offset_label(event.starts_at, tz))
        .map(|z| time::span(event.starts_at, event.ends_at, z));
    (own, theirs)
}

#[derive(Deserialize, Default)]
struct ShowQuery {
    done: Option<String>,
}

const DONE: &[&str] = &[
    "created",
    "saved",
    "registered",
    "waitlisted",
    "pending",
    "cancelled",
    "organisers",
    "session",
    "questions",
    "invited",
    "feedback",
    "chat_on",
    "chat_off",
];

async fn show(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<ShowQuery>,
) -> AppResult<Html<String>> {
    let (event, relation) = visible(&state.db, &page.viewer, id).await?;
    let now = now_ms();
    let manage = can_manage(&page.viewer, &relation);
    let link = (event.has_link() && can_see_link(&page.viewer, &event, &relation)).then(|| event.online_url.clone());
    let zone = Some(page.zone);
    let (when_own, when_viewer) = when(&event, zone);
    let organisers = shown(&page.viewer, organisers_of(&state.db, id).await?);
    let hosts: Vec<HostRow> =
        hosts_of(&state.db, id).await?.into_iter().filter(|h| crate::orgs::can_view(&page.viewer, h.public)).collect();
    let (taken, waiting) = counts(&state.db, id).await?;
    let places_left = event.capacity.map(|c| (c - taken).max(0));
    let group_name = match event.group_id {
        Some(g) if page.viewer.is_member() => match crate::groups::visible(&state.db, &page.viewer, g).await {
            Ok((group, _, _)) => Some(group.name),
            Err(AppError::NotFound) => None,
            Err(e) => return Err(e),
        },
        _ => None,
    };
    // Who may register here, and how.
    let open = event.registration_open(now);
    let may_register = open && access::can_register(&page.viewer, &event, &relation);
    let description = snippet(&event.description, 160);
    let done = q.done.as_deref().filter(|d| DONE.contains(d));
    // The mix against its targets: for those who manage the event only.
    let (rows, total) = if manage {
        let current = mix::current(&state.db, &page.viewer, id).await?;
        (mix::rows(&event, &mix::targets_of(&state.db, id).await?, &current), current.total)
    } else {
        (Vec::new(), 0)
    };
    page.render(
        &state,
        "events/show.html",
        context! {
            event => &event, manage, link, when_own, when_viewer, organisers, hosts,
            languages => languages_of(&state.db, id).await?,
            sessions => agenda(&state.db, &page.viewer, &event).await?,
            questions => questions_of(&state.db, id).await?,
            status => relation.status.map(|s| s.key()),
            checkin_code => checkin_code(&state.db, &page.viewer, &relation, id).await?,
            invited => relation.invited,
            places_left, waiting => if manage { Some(waiting) } else { None }, taken => if manage { Some(taken) } else { None },
            open, may_register, past => event.ends_at < now, group_name, done, description,
            zone => zone.map(|z| z.name()),
            sectors => crate::vocab::Sector::keys(), countries => Country::keys(), rows, total,
            followup => followup::for_event_page(&state.db, &page.viewer, &event, manage).await?,
            max_occurrences => series::MAX_OCCURRENCES,
            chat => crate::chat::event_chat::view(&state.db, &page.viewer, id, relation.organiser && manage,
                relation.status == Some(registration::RegStatus::Registered), state.clock.now_ms()).await?,
        },
    )
}

/// The code a registered member shows at the door: organisers who may not see their name
/// check them in by it.
async fn checkin_code(db: &Db, viewer: &Viewer, relation: &Relation, event: i64) -> Result<Option<i64>, sqlx::Error> {
    let Some(user) = viewer.id().filter(|_| relation.status == Some(registration::RegStatus::Registered)) else {
        return Ok(None);
    };
    on_db!(db, pool => sqlx::query_scalar("SELECT id FROM event_registrations WHERE event_id = $1 AND user_id = $2")
        .bind(event).bind(user).fetch_optional(pool).await)
}

/// The first `max` characters of a text, cut at a word where possible, on one line.
pub fn snippet(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

// ---- creating and editing -----------------------------------------------------------------

#[derive(Deserialize, Default)]
struct EventForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    mode: String,
    #[serde(default)]
    venue: String,
    #[serde(default)]
    address: String,
    #[serde(default)]
    online_url: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    time_zone: String,
    #[serde(default)]
    starts: String,
    #[serde(default)]
    ends: String,
    #[serde(default)]
    visibility: String,
    #[serde(default)]
    group: String,
    #[serde(default)]
    capacity: String,
    #[serde(default)]
    registration_closes: String,
    requires_approval: Option<String>,
    #[serde(default)]
    interpretation: String,
    #[serde(default)]
    languages: Vec<String>,
    #[serde(default)]
    hosts: Vec<String>,
    cancelled: Option<String>,
}

/// A checked event, ready to write.
struct EventChange {
    title: String,
    description: String,
    kind: EventKind,
    mode: EventMode,
    venue: String,
    address: String,
    online_url: String,
    country: Country,
    zone: Tz,
    starts_at: i64,
    ends_at: i64,
    visibility: EventVisibility,
    group_id: Option<i64>,
    capacity: Option<i64>,
    registration_closes_at: Option<i64>,
    requires_approval: bool,
    interpretation: String,
    languages: Vec<Language>,
    hosts: Vec<i64>,
    cancelled: bool,
}

pub fn text(value: &str, max: usize, required: Option<&'static str>) -> AppResult<String> {
    let value = value.trim().replace("\r\n", "\n");
    if let Some(message) = required.filter(|_| value.is_empty()) {
        return Err(AppError::invalid(message));
    }
    if value.chars().count() > max {
        return Err(AppError::Invalid(Message::new("error-too-long").arg("max", max as i64)));
    }
    if value.chars().any(|c| c.is_control() && c != '\n') {
        return Err(AppError::invalid("error-control-characters"));
    }
    Ok(value)
}

/// A meeting link: an http(s) URL, nothing that could run in a page.
fn meeting_link(value: &str) -> AppResult<String> {
    let value = text(value, MAX_LINK, Some("error-event-link-required"))?;
    match url::Url::parse(&value) {
        Ok(u) if matches!(u.scheme(), "https" | "http") && u.host_str().is_some() => Ok(u.to_string()),
        _ => Err(AppError::invalid("error-event-link")),
    }
}

impl EventForm {
    fn parse(&self) -> AppResult<EventChange> {
        let title = text(&self.title, MAX_TITLE, Some("error-event-title-required"))?;
        let kind: EventKind = self.kind.parse()?;
        let mode: EventMode = self.mode.parse()?;
        let venue = text(&self.venue, MAX_PLACE, None)?;
        let address = text(&self.address, MAX_PLACE, None)?;
        if mode != EventMode::Online && venue.is_empty() {
            return Err(AppError::invalid("error-event-venue-required"));
        }
        let online_url = if mode == EventMode::InPerson { String::new() } else { meeting_link(&self.online_url)? };
        let country: Country = self.country.parse()?;
        let zone = time::zone_or_country(&self.time_zone, country)?;
        let starts_at = time::parse_local(&self.starts, zone)?;
        let ends_at = time::parse_local(&self.ends, zone)?;
        if ends_at <= starts_at {
            return Err(AppError::invalid("error-event-end-before-start"));
        }
        if ends_at - starts_at > MAX_DURATION_MS {
            return Err(AppError::invalid("error-event-too-long"));
        }
        let visibility: EventVisibility = self.visibility.parse()?;
        let group_id = match visibility {
            EventVisibility::Group => {
                Some(self.group.trim().parse::<i64>().map_err(|_| AppError::invalid("error-event-group"))?)
            }
            _ => None,
        };
        let capacity = match self.capacity.trim() {
            "" => None,
            c => Some(
                c.parse::<i64>()
                    .ok()
                    .filter(|c| (1..=MAX_CAPACITY).contains(c))
                    .ok_or(AppError::invalid("error-event-capacity"))?,
            ),
        };
        let registration_closes_at = match self.registration_closes.trim() {
            "" => None,
            c => Some(time::parse_local(c, zone)?),
        };
        if registration_closes_at.is_some_and(|c| c > starts_at) {
            return Err(AppError::invalid("error-event-closes-after-start"));
        }
        let languages =
            self.languages.iter().filter(|l| !l.is_empty()).map(|l| l.parse()).collect::<AppResult<Vec<Language>>>()?;
        let hosts = self
            .hosts
            .iter()
            .filter(|h| !h.is_empty())
            .map(|h| h.trim().parse::<i64>().map_err(|_| AppError::invalid("error-event-host")))
            .collect::<AppResult<Vec<i64>>>()?;
        Ok(EventChange {
            title,
            description: text(&self.description, MAX_DESCRIPTION, None)?,
            kind,
            mode,
            venue,
            address,
            online_url,
            country,
            zone,
            starts_at,
            ends_at,
            visibility,
            group_id,
            capacity,
            registration_closes_at,
            requires_approval: self.requires_approval.is_some(),
            interpretation: text(&self.interpretation, MAX_PLACE, None)?,
            languages,
            hosts,
            cancelled: self.cancelled.is_some(),
        })
    }

    fn of(event: &Event, languages: Vec<String>, hosts: Vec<i64>) -> EventForm {
        let tz = event.zone();
        EventForm {
            title: event.title.clone(),
            description: event.description.clone(),
            kind: event.kind.clone(),
            mode: event.mode.clone(),
            venue: event.venue.clone(),
            address: event.address.clone(),
            online_url: event.online_url.clone(),
            country: event.country.clone(),
            time_zone: event.time_zone.clone(),
            starts: time::input_value(event.starts_at, tz),
            ends: time::input_value(event.ends_at, tz),
            visibility: event.visibility.clone(),
            group: event.group_id.map(|g| g.to_string()).unwrap_or_default(),
            capacity: event.capacity.map(|c| c.to_string()).unwrap_or_default(),
            registration_closes: event.registration_closes_at.map(|c| time::input_value(c, tz)).unwrap_or_default(),
            requires_approval: event.requires_approval.then(|| "on".into()),
            interpretation: event.interpretation.clone(),
            languages,
            hosts: hosts.iter().map(|h| h.to_string()).collect(),
            cancelled: event.cancelled.then(|| "on".into()),
        }
    }

    fn view(&self) -> Value {
        context! {
            title => self.title, description => self.description, kind => self.kind, mode => self.mode,
            venue => self.venue, address => self.address, online_url => self.online_url, country => self.country,
            time_zone => self.time_zone, starts => self.starts, ends => self.ends, visibility => self.visibility,
            group => self.group, capacity => self.capacity, registration_closes => self.registration_closes,
            requires_approval => self.requires_approval.is_some(), interpretation => self.interpretation,
            languages => self.languages, hosts => self.hosts, cancelled => self.cancelled.is_some(),
        }
    }
}

/// Checks that need the database: the group is one the author belongs to, the co-hosts
/// exist, only coordinators publish public events (an organiser may edit an event a
/// coordinator already made public: `was_public`).
async fn check_change(db: &Db, viewer: &Viewer, change: &EventChange, was_public: bool) -> AppResult<()> {
    if change.visibility == EventVisibility::Public && !viewer.is_coordinator() && !was_public {
        return Err(AppError::invalid("error-event-public-coordinators"));
    }
    if let Some(group) = change.group_id {
        let member = match crate::groups::visible(db, viewer, group).await {
            Ok((_, standing, _)) => standing.is_member(),
            Err(AppError::NotFound) => false,
            Err(e) => return Err(e),
        };
        if !member {
            return Err(AppError::invalid("error-event-group"));
        }
    }
    for host in &change.hosts {
        let exists: bool = on_db!(db, pool => sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM organisations WHERE id = $1)")
            .bind(*host).fetch_one(pool).await)?;
        if !exists {
            return Err(AppError::invalid("error-event-host"));
        }
    }
    Ok(())
}

async fn edit_page(
    page: &Page,
    state: &AppState,
    form: &EventForm,
    id: Option<i64>,
    error: Option<String>,
) -> AppResult<Html<String>> {
    let orgs: Vec<(i64, String)> = on_db!(&state.db, pool => sqlx::query_as("SELECT id, name FROM organisations ORDER BY lower(name), id")
        .fetch_all(pool).await)?;
    let groups: Vec<(i64, String)> = on_db!(&state.db, pool => sqlx::query_as(
        "SELECT g.id, g.name FROM network_groups g JOIN group_members gm ON gm.group_id = g.id \
         WHERE gm.user_id = $1 AND gm.status = 'active' ORDER BY lower(g.name)")
        .bind(page.viewer.id().unwrap_or(-1)).fetch_all(pool).await)?;
    let visibilities: Vec<&str> = EventVisibility::keys()
        .into_iter()
        .filter(|v| *v != "public" || page.viewer.is_coordinator() || form.visibility == "public")
        .collect();
    page.render(
        state,
        "events/edit.html",
        context! {
            form => form.view(), id, error, kinds => EventKind::keys(), modes => EventMode::keys(),
            visibilities, countries => Country::keys(), languages => Language::keys(), orgs, groups,
            zone_choices => zone_choices(&form.time_zone),
        },
    )
}

/// The zones the event form offers, by country (the country's own first, then the
/// others), with a zone chosen earlier that is none of them kept at the top.
fn zone_choices(current: &str) -> Value {
    let mut listed: Vec<&str> = Vec::new();
    let countries: Vec<Value> = Country::ALL
        .iter()
        .map(|c| {
            listed.extend(time::country_zones(*c));
            context! { country => c.key(), zones => time::country_zones(*c) }
        })
        .collect();
    listed.push("UTC");
    let other = (!current.is_empty() && !listed.contains(&current)).then_some(current);
    context! { countries, other }
}

async fn invalid(
    page: &Page,
    state: &AppState,
    form: &EventForm,
    id: Option<i64>,
    err: AppError,
) -> AppResult<Response> {
    let AppError::Invalid(m) = err else { return Err(err) };
    let html = edit_page(page, state, form, id, Some(page.locale.t_args(m.id, &m.args))).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
}

async fn new_form(State(state): State<AppState>, page: Page, _user: SignedIn) -> AppResult<Html<String>> {
    let form = EventForm {
        kind: "seminar".into(),
        mode: "in_person".into(),
        visibility: "members".into(),
        country: "TH".into(),
        ..EventForm::default()
    };
    edit_page(&page, &state, &form, None, None).await
}

async fn write_lists(tx: &mut Tx, id: i64, change: &EventChange) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("DELETE FROM event_languages WHERE event_id = $1").bind(id).execute(&mut **c).await.map(affected))?;
    on_tx!(tx, c => sqlx::query("DELETE FROM event_hosts WHERE event_id = $1").bind(id).execute(&mut **c).await.map(affected))?;
    for lang in &change.languages {
        on_tx!(tx, c => sqlx::query("INSERT INTO event_languages (event_id, lang) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(id).bind(lang.key()).execute(&mut **c).await.map(affected))?;
    }
    for host in &change.hosts {
        on_tx!(tx, c => sqlx::query("INSERT INTO event_hosts (event_id, org_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(id).bind(*host).execute(&mut **c).await.map(affected))?;
    }
    // Every creation and edit ends here: search finds the event as it now is, or no longer.
    search::index(tx, id).await
}

async fn create(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Form(form): Form<EventForm>,
) -> AppResult<Response> {
    let change = match form.parse() {
        Ok(c) => c,
        Err(e) => return invalid(&page, &state, &form, None, e).await,
    };
    if let Err(e) = check_change(&state.db, &page.viewer, &change, false).await {
        return invalid(&page, &state, &form, None, e).await;
    }
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    EVENTS.check(&mut tx, user.user_id, now).await?;
    let sql = "INSERT INTO events (id, kind, title, description, mode, venue, address, online_url, country, time_zone, \
               starts_at, ends_at, interpretation, visibility, group_id, capacity, registration_closes_at, requires_approval, \
               cancelled, created_by, created_at, updated_at) \
               VALUES ($20, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, FALSE, $18, $19, $19) RETURNING id";
    let id: i64 = on_tx!(&mut tx, c => sqlx::query_scalar(sql).bind(change.kind.key()).bind(&change.title)
        .bind(&change.description).bind(change.mode.key()).bind(&change.venue).bind(&change.address)
        .bind(&change.online_url).bind(change.country.key()).bind(change.zone.name()).bind(change.starts_at)
        .bind(change.ends_at).bind(&change.interpretation).bind(change.visibility.key()).bind(change.group_id)
        .bind(change.capacity).bind(change.registration_closes_at).bind(change.requires_approval)
        .bind(user.user_id).bind(now).bind(crate::db::secret_id()).fetch_one(&mut **c).await)?;
    on_tx!(&mut tx, c => sqlx::query("INSERT INTO event_organisers (event_id, user_id) VALUES ($1, $2)")
        .bind(id).bind(user.user_id).execute(&mut **c).await.map(affected))?;
    write_lists(&mut tx, id, &change).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/events/{id}?done=created")).into_response())
}

async fn edit_form(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Html<String>> {
    let (event, _) = managed(&state.db, &page.viewer, id).await?;
    let hosts: Vec<i64> = hosts_of(&state.db, id).await?.into_iter().map(|h| h.id).collect();
    let form = EventForm::of(&event, languages_of(&state.db, id).await?, hosts);
    edit_page(&page, &state, &form, Some(id), None).await
}

async fn update(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<EventForm>,
) -> AppResult<Response> {
    let (event, _) = managed(&state.db, &page.viewer, id).await?;
    let change = match form.parse() {
        Ok(c) => c,
        Err(e) => return invalid(&page, &state, &form, Some(id), e).await,
    };
    let was_public = event.visibility() == EventVisibility::Public;
    if let Err(e) = check_change(&state.db, &page.viewer, &change, was_public).await {
        return invalid(&page, &state, &form, Some(id), e).await;
    }
    let mut tx = state.db.begin().await?;
    lock(&mut tx, id).await?;
    let taken: i64 = on_tx!(&mut tx, c => sqlx::query_scalar(
        "SELECT COUNT(*) FROM event_registrations WHERE event_id = $1 AND status = 'registered'")
        .bind(id).fetch_one(&mut **c).await)?;
    if change.capacity.is_some_and(|c| c < taken) {
        drop(tx);
        let err = AppError::Invalid(Message::new("error-event-capacity-below").arg("count", taken));
        return invalid(&page, &state, &form, Some(id), err).await;
    }
    let sql = "UPDATE events SET kind = $1, title = $2, description = $3, mode = $4, venue = $5, address = $6, \
               online_url = $7, country = $8, time_zone = $9, starts_at = $10, ends_at = $11, interpretation = $12, \
               visibility = $13, group_id = $14, capacity = $15, registration_closes_at = $16, requires_approval = $17, \
               cancelled = $18, updated_at = $19 WHERE id = $20";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(change.kind.key()).bind(&change.title).bind(&change.description)
        .bind(change.mode.key()).bind(&change.venue).bind(&change.address).bind(&change.online_url)
        .bind(change.country.key()).bind(change.zone.name()).bind(change.starts_at).bind(change.ends_at)
        .bind(&change.interpretation).bind(change.visibility.key()).bind(change.group_id).bind(change.capacity)
        .bind(change.registration_closes_at).bind(change.requires_approval).bind(change.cancelled).bind(now_ms())
        .bind(id).execute(&mut **c).await.map(affected))?;
    write_lists(&mut tx, id, &change).await?;
    crate::chat::event_chat::moved(&mut tx, id, change.ends_at - event.ends_at).await?;
    // More places (or none limited any more): the waitlist moves up.
    if !change.cancelled {
        registration::promote(&mut tx, &state, id).await?;
    } else if !event.cancelled {
        registration::tell_cancelled(&mut tx, &state, id).await?;
    }
    tx.commit().await?;
    Ok(Redirect::to(&format!("/events/{id}?done=saved")).into_response())
}

// ---- organisers, agenda, questions, invitations -------------------------------------------

/// Active members a manager may pick (organisers, speakers, invitees): at-risk members only
/// for coordinators.
async fn pickable(db: &Db, viewer: &Viewer) -> Result<Vec<(i64, String)>, sqlx::Error> {
    let mut args = Args::default();
    let visible = crate::members::access::person_sql("p", "u.id", &crate::web::Who::viewer(viewer, &mut args));
    let sql = format!(
        "SELECT u.id, u.display_name FROM users u LEFT JOIN profiles p ON p.user_id = u.id \
         WHERE u.active AND {visible} ORDER BY lower(u.display_name), u.id"
    );
    on_db!(db, pool => bind_args!(sqlx::query_as(&sql), args).fetch_all(pool).await)
}

async fn pickable_member(db: &Db, viewer: &Viewer, value: &str) -> AppResult<i64> {
    let id: i64 = value.trim().parse().map_err(|_| AppError::invalid("error-event-member"))?;
    let profile = crate::members::load_profile(db, id).await?;
    let audience = crate::members::access::Audience::of(viewer, id);
    if !profile.is_some_and(|p| p.visible_to(audience)) {
        return Err(AppError::invalid("error-event-member"));
    }
    Ok(id)
}

async fn manage(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Html<String>> {
    let (event, relation) = managed(&state.db, &page.viewer, id).await?;
    let registrations = registration::registrants(&state.db, &page.viewer, &event).await?;
    let (taken, waiting) = counts(&state.db, id).await?;
    page.render(
        &state,
        "events/manage.html",
        context! {
            event, registrations, taken, waiting, secret => relation.group_secret,
            organisers => shown(&page.viewer, organisers_of(&state.db, id).await?),
            sessions => agenda(&state.db, &page.viewer, &load(&state.db, id).await?.ok_or(AppError::NotFound)?).await?,
            questions => questions_of(&state.db, id).await?,
            members => pickable(&state.db, &page.viewer).await?,
            max_questions => MAX_QUESTIONS,
        },
    )
}

#[derive(Deserialize)]
struct MemberAction {
    #[serde(default)]
    user: String,
    #[serde(default)]
    action: String,
    /// `mix`: go back to the participant mix after inviting.
    #[serde(default)]
    back: String,
}

/// Add or remove an organiser; an event always keeps at least one.
async fn organisers(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<MemberAction>,
) -> AppResult<Response> {
    managed(&state.db, &page.viewer, id).await?;
    let member = pickable_member(&state.db, &page.viewer, &form.user).await?;
    let mut tx = state.db.begin().await?;
    match form.action.as_str() {
        "add" => {
            on_tx!(&mut tx, c => sqlx::query("INSERT INTO event_organisers (event_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .bind(id).bind(member).execute(&mut **c).await.map(affected))?;
        }
        "remove" => {
            let left: i64 = on_tx!(&mut tx, c => sqlx::query_scalar("SELECT COUNT(*) FROM event_organisers WHERE event_id = $1 AND user_id <> $2")
                .bind(id).bind(member).fetch_one(&mut **c).await)?;
            if left == 0 {
                return Err(AppError::invalid("error-event-last-organiser"));
            }
            on_tx!(&mut tx, c => sqlx::query("DELETE FROM event_organisers WHERE event_id = $1 AND user_id = $2")
                .bind(id).bind(member).execute(&mut **c).await.map(affected))?;
        }
        _ => return Err(AppError::invalid("error-form-malformed")),
    }
    crate::chat::event_chat::organiser_changed(&mut tx, id, member).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/events/{id}/manage")).into_response())
}

#[derive(Deserialize)]
struct SessionForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    starts: String,
    #[serde(default)]
    ends: String,
    #[serde(default)]
    speakers: Vec<String>,
    #[serde(default)]
    guests: String,
}

/// Add an agenda session: its times in the event's zone, within the event; speakers are
/// members, or guests named one per line.
async fn add_session(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<SessionForm>,
) -> AppResult<Response> {
    let (event, _) = managed(&state.db, &page.viewer, id).await?;
    let tz = event.zone();
    let title = text(&form.title, MAX_TITLE, Some("error-event-title-required"))?;
    let starts_at = time::parse_local(&form.starts, tz)?;
    let ends_at = time::parse_local(&form.ends, tz)?;
    if ends_at <= starts_at {
        return Err(AppError::invalid("error-event-end-before-start"));
    }
    if starts_at < event.starts_at || ends_at > event.ends_at {
        return Err(AppError::invalid("error-event-session-outside"));
    }
    let mut members = Vec::new();
    for s in form.speakers.iter().filter(|s| !s.is_empty()) {
        members.push(pickable_member(&state.db, &page.viewer, s).await?);
    }
    let guests: Vec<String> =
        text(&form.guests, 1000, None)?.lines().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect();
    if guests.iter().any(|g| g.chars().count() > 120) {
        return Err(AppError::Invalid(Message::new("error-too-long").arg("max", 120)));
    }
    let mut tx = state.db.begin().await?;
    let count: i64 = on_tx!(&mut tx, c => sqlx::query_scalar("SELECT COUNT(*) FROM event_sessions WHERE event_id = $1")
        .bind(id).fetch_one(&mut **c).await)?;
    if count >= MAX_SESSIONS {
        return Err(AppError::Invalid(Message::new("error-event-too-many-sessions").arg("max", MAX_SESSIONS)));
    }
    let session: i64 = on_tx!(&mut tx, c => sqlx::query_scalar(
        "INSERT INTO event_sessions (event_id, title, starts_at, ends_at) VALUES ($1, $2, $3, $4) RETURNING id")
        .bind(id).bind(&title).bind(starts_at).bind(ends_at).fetch_one(&mut **c).await)?;
    for m in members {
        on_tx!(&mut tx, c => sqlx::query("INSERT INTO event_speakers (session_id, user_id) VALUES ($1, $2)")
            .bind(session).bind(m).execute(&mut **c).await.map(affected))?;
    }
    for g in guests {
        on_tx!(&mut tx, c => sqlx::query("INSERT INTO event_speakers (session_id, guest_name) VALUES ($1, $2)")
            .bind(session).bind(&g).execute(&mut **c).await.map(affected))?;
    }
    tx.commit().await?;
    Ok(Redirect::to(&format!("/events/{id}/manage")).into_response())
}

#[derive(Deserialize, Default)]
pub struct Empty {}

async fn delete_session(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path((id, session)): Path<(i64, i64)>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    managed(&state.db, &page.viewer, id).await?;
    let gone = on_db!(&state.db, pool => sqlx::query("DELETE FROM event_sessions WHERE id = $1 AND event_id = $2")
        .bind(session).bind(id).execute(pool).await.map(affected))?;
    if gone == 0 {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&format!("/events/{id}/manage")).into_response())
}

#[derive(Deserialize)]
struct QuestionForm {
    #[serde(default)]
    prompt: String,
    #[serde(default)]
    remove: String,
}

/// Add a free-text question for registrants, or remove one (with its answers).
async fn questions(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<QuestionForm>,
) -> AppResult<Response> {
    managed(&state.db, &page.viewer, id).await?;
    let mut tx = state.db.begin().await?;
    if !form.remove.is_empty() {
        let question: i64 = form.remove.trim().parse().map_err(|_| AppError::invalid("error-form-malformed"))?;
        let gone = on_tx!(&mut tx, c => sqlx::query("DELETE FROM event_questions WHERE id = $1 AND event_id = $2")
            .bind(question).bind(id).execute(&mut **c).await.map(affected))?;
        if gone == 0 {
            return Err(AppError::NotFound);
        }
    } else {
        let prompt = text(&form.prompt, MAX_PLACE, Some("error-event-question-required"))?;
        let count: i64 = on_tx!(&mut tx, c => sqlx::query_scalar("SELECT COUNT(*) FROM event_questions WHERE event_id = $1")
            .bind(id).fetch_one(&mut **c).await)?;
        if count >= MAX_QUESTIONS {
            return Err(AppError::Invalid(Message::new("error-event-too-many-questions").arg("max", MAX_QUESTIONS)));
        }
        on_tx!(&mut tx, c => sqlx::query("INSERT INTO event_questions (event_id, prompt) VALUES ($1, $2)")
            .bind(id).bind(&prompt).execute(&mut **c).await.map(affected))?;
    }
    tx.commit().await?;
    Ok(Redirect::to(&format!("/events/{id}/manage")).into_response())
}

/// Invite a member: they then see an invitation-only event and may register for it, and are
/// notified (by mail at once unless they chose otherwise).
async fn invite(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<MemberAction>,
) -> AppResult<Response> {
    managed(&state.db, &page.viewer, id).await?;
    let member = pickable_member(&state.db, &page.viewer, &form.user).await?;
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    INVITATIONS.check(&mut tx, user.user_id, now).await?;
    let added = on_tx!(&mut tx, c => sqlx::query(
        "INSERT INTO event_invitations (event_id, user_id, invited_by, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING")
        .bind(id).bind(member).bind(user.user_id).bind(now).execute(&mut **c).await.map(affected))?;
    if added > 0 {
        let notice = crate::notify::Notice {
            actor: Some(user.user_id),
            event_id: Some(id),
            ..crate::notify::Notice::new(member, crate::notify::Kind::Event, "invited")
        };
        crate::notify::notify(&mut tx, &state.config, notice).await?;
    }
    tx.commit().await?;
    if form.back == "mix" {
        return Ok(Redirect::to(&format!("/events/{id}/mix?done=invited")).into_response());
    }
    Ok(Redirect::to(&format!("/events/{id}/manage")).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn forms_refuse_bad_times_and_places() {
        let good = EventForm {
            title: "Seminar".into(),
            kind: "seminar".into(),
            mode: "hybrid".into(),
            venue: "Hall".into(),
            online_url: "https://meet.example.org/abc".into(),
            country: "MY".into(),
            time_zone: "Asia/Kuala_Lumpur".into(),
            starts: "2030-05-01T09:00".into(),
            ends: "2030-05-01T12:00".into(),
            visibility: "members".into(),
            ..EventForm::default()
        };
        assert!(good.parse().is_ok());
        let id = |f: EventForm| f.parse().err().map(|e| e.message().id);
        assert_eq!(
            id(EventForm { ends: "2030-05-01T08:00".into(), ..clone(&good) }),
            Some("error-event-end-before-start")
        );
        assert_eq!(id(EventForm { time_zone: "Mars/Olympus".into(), ..clone(&good) }), Some("error-event-time-zone"));
        assert_eq!(
            id(EventForm { online_url: "javascript:alert(1)".into(), ..clone(&good) }),
            Some("error-event-link")
        );
        assert_eq!(id(EventForm { venue: String::new(), ..clone(&good) }), Some("error-event-venue-required"));
        assert_eq!(id(EventForm { capacity: "0".into(), ..clone(&good) }), Some("error-event-capacity"));
        assert_eq!(
            id(EventForm { registration_closes: "2030-05-02T09:00".into(), ..clone(&good) }),
            Some("error-event-closes-after-start")
        );
        assert_eq!(id(EventForm { kind: "party".into(), ..clone(&good) }), Some("error-unknown-event-kind"));
    }

    fn clone(f: &EventForm) -> EventForm {
        EventForm {
            title: f.title.clone(),
            kind: f.kind.clone(),
            mode: f.mode.clone(),
            venue: f.venue.clone(),
            online_url: f.online_url.clone(),
            country: f.country.clone(),
            time_zone: f.time_zone.clone(),
            starts: f.starts.clone(),
            ends: f.ends.clone(),
            visibility: f.visibility.clone(),
            ..EventForm::default()
        }
    }
}
