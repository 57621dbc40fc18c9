//! Events in other people's tools: an iCalendar file per event, subscriptions (the public
//! events; a member's own events through a secret address they can revoke), and an Atom
//! feed of public events.
//!
//! Times are written in the event's own zone (`DTSTART;TZID=Asia/Bangkok:20260626T090000`)
//! with a VTIMEZONE that defines it, when that zone keeps one offset all year (the region's
//! zones: Asia/Bangkok, Asia/Kuala_Lumpur, Asia/Manila, Asia/Jakarta … have no daylight
//! saving), so that calendar applications show the event's local time and zone. Events in
//! zones with daylight saving are written in UTC (`DTSTART:20260626T020000Z`), RFC 5545's
//! unambiguous form, rather than with a hand-made and possibly wrong set of rules. The
//! VTIMEZONE blocks are written by hand and put in after the calendar is rendered: the
//! `icalendar` crate writes a UID and DTSTAMP into every component, which a VTIMEZONE must
//! not have. A single event's file also names its zone in `X-WR-TIMEZONE`.

use atom_syndication::{Entry, Feed, FixedDateTime, Link, Person, Text};
use axum::extract::{Path, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use chrono::{DateTime, Datelike, Offset, TimeZone, Utc};
use chrono_tz::Tz;
use icalendar::{Calendar, CalendarDateTime, Component, EventLike, EventStatus};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::{access, can_see_link, snippet, time, visible, Event, EVENT_COLUMNS};
use crate::db::{affected, now_ms, Db};
use crate::on_db;
use crate::web::session::{hash_token, random_token};
use crate::web::Routes;
use crate::web::{atom_xml, AppError, AppResult, AppState, Form, Page, SignedIn};

/// Past events a subscription still carries, so that last week's workshop stays in view.
const KEEP_PAST_MS: i64 = 90 * 86_400_000;
const FEED_ENTRIES: i64 = 100;

pub fn routes() -> Routes {
    vec![
        ("/events/{id}/event.ics", get(one)),
        ("/events/public.ics", get(public_calendar)),
        ("/events/public.atom", get(public_feed)),
        ("/events/calendar/{file}", get(personal_calendar)),
        ("/events/mine", get(mine)),
        ("/events/calendar", post(calendar_token)),
    ]
}

fn utc(ms: i64) -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp_millis(ms).unwrap_or_default()
}

/// Where the site is, as calendars and feeds name it.
pub struct Site {
    /// Its address without a trailing slash: `https://roundtable.example.org`.
    pub base: String,
    /// Its host name, which makes events' UIDs unique across sites.
    pub host: String,
}

impl Site {
    fn of(state: &AppState) -> Site {
        Site { base: base(state), host: state.config.base_url.host_str().unwrap_or("localhost").to_string() }
    }
}

fn base(state: &AppState) -> String {
    state.config.base_url.as_str().trim_end_matches('/').to_string()
}

/// The one offset `tz` keeps through the years around `ms` (in seconds east of UTC), or
/// `None` when it changes (daylight saving, or a change of the zone's rules then).
pub fn fixed_offset(tz: Tz, ms: i64) -> Option<i32> {
    let year = utc(ms).year();
    let mut offsets = (year - 1..=year + 1).flat_map(|y| (1..=12).map(move |m| (y, m))).filter_map(|(y, m)| {
        Utc.with_ymd_and_hms(y, m, 1, 0, 0, 0).single().map(|t| t.with_timezone(&tz).offset().fix().local_minus_utc())
    });
    let first = offsets.next()?;
    offsets.all(|o| o == first).then_some(first)
}

/// `+0700`, as RFC 5545 writes an offset.
fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.abs();
    format!("{sign}{:02}{:02}", s / 3600, (s % 3600) / 60)
}

/// A VTIMEZONE for a zone of one offset.
fn vtimezone(name: &str, seconds: i32) -> String {
    let offset = offset_text(seconds);
    [
        "BEGIN:VTIMEZONE".to_string(),
        format!("TZID:{name}"),
        "BEGIN:STANDARD".to_string(),
        "DTSTART:20000101T000000".to_string(),
        format!("TZOFFSETFROM:{offset}"),
        format!("TZOFFSETTO:{offset}"),
        format!("TZNAME:{}", &offset[..3]),
        "END:STANDARD".to_string(),
        "END:VTIMEZONE".to_string(),
    ]
    .iter()
    .map(|l| format!("{l}\r\n"))
    .collect()
}

/// The rendered calendar with a VTIMEZONE for every zone its events refer to by TZID,
/// placed before the first component.
fn with_zones(calendar: &Calendar, events: &[&Event]) -> String {
    let body = calendar.to_string();
    // The zones `when_in_zone` names, by their names in the zone database: a stored zone
    // that is none of them is written in UTC and needs no VTIMEZONE.
    let mut zones: Vec<(String, i32)> = events
        .iter()
        .filter(|e| e.zone() != chrono_tz::UTC)
        .filter_map(|e| fixed_offset(e.zone(), e.starts_at).map(|o| (e.zone().name().to_string(), o)))
        .collect();
    zones.sort();
    zones.dedup_by(|a, b| a.0 == b.0);
    let blocks: String = zones.iter().map(|(name, o)| vtimezone(name, *o)).collect();
    match body.find("BEGIN:VEVENT") {
        Some(at) if !blocks.is_empty() => format!("{}{blocks}{}", &body[..at], &body[at..]),
        _ => body,
    }
}

/// Start or end in the event's zone when it keeps one offset, else in UTC.
fn when_in_zone(event: &Event, ms: i64) -> CalendarDateTime {
    let tz = event.zone();
    match fixed_offset(tz, event.starts_at) {
        Some(_) if tz != chrono_tz::UTC => CalendarDateTime::WithTimezone {
            date_time: utc(ms).with_timezone(&tz).naive_local(),
            tzid: tz.name().to_string(),
        },
        _ => CalendarDateTime::Utc(utc(ms)),
    }
}

/// Text as an iCalendar value may hold it: RFC 5545 allows no control characters but tabs
/// (line breaks are escaped). The forms refuse them already; a calendar stays readable
/// whatever else reached the database.
fn ics_text(text: &str) -> String {
    text.chars().filter(|c| !c.is_control() || matches!(c, '\n' | '\t')).collect()
}

/// A value of one line: the calendar's name, which the `icalendar` crate writes as it is
/// (it escapes only the properties it knows as text), and its zone.
fn ics_line(text: &str) -> String {
    ics_text(text).replace('\n', " ")
}

/// One VEVENT. The meeting link goes in only when `with_link` (the reader may see it);
/// `tentative` when the reader has no place yet (waitlisted, awaiting approval).
fn vevent(site: &Site, event: &Event, with_link: bool, tentative: bool) -> icalendar::Event {
    let url = format!("{}/events/{}", site.base, event.id);
    let mut place: Vec<&str> = Vec::new();
    if event.has_room() {
        place.extend([event.venue.as_str(), event.address.as_str()].into_iter().filter(|s| !s.is_empty()));
    }
    if with_link && event.has_link() {
        place.push(event.online_url.as_str());
    }
    let mut description = event.description.clone();
    if with_link && event.has_link() {
        description = format!("{}\n\n{}", event.online_url, description);
    }
    description = format!("{}\n\n{url}", description.trim()).trim().to_string();
    let mut e = icalendar::Event::new();
    e.uid(&format!("event-{}@{}", event.id, site.host))
        .summary(&ics_text(&event.title))
        .description(&ics_text(&description))
        .starts(when_in_zone(event, event.starts_at))
        .ends(when_in_zone(event, event.ends_at))
        .url(&url)
        .timestamp(utc(event.updated_at))
        .last_modified(utc(event.updated_at));
    if !place.is_empty() {
        e.location(&ics_text(&place.join(", ")));
    }
    e.status(if event.cancelled {
        EventStatus::Cancelled
    } else if tentative {
        EventStatus::Tentative
    } else {
        EventStatus::Confirmed
    });
    e.done()
}

/// One event in a calendar file, as its reader may see it.
pub struct Listed<'a> {
    pub event: &'a Event,
    /// The reader may see the meeting link.
    pub with_link: bool,
    /// The reader has no place yet (waitlisted, awaiting approval).
    pub tentative: bool,
}

/// An iCalendar file named `name` holding `events`, with a VTIMEZONE for every zone they
/// refer to; `zone` names the calendar's own zone (a single event's file).
pub fn calendar_text(site: &Site, name: &str, zone: Option<&str>, events: &[Listed]) -> String {
    let mut calendar = Calendar::new();
    calendar.name(&ics_line(name));
    if let Some(zone) = zone {
        calendar.timezone(ics_line(zone).as_str());
    }
    for listed in events {
        calendar.push(vevent(site, listed.event, listed.with_link, listed.tentative));
    }
    with_zones(&calendar.done(), &events.iter().map(|l| l.event).collect::<Vec<_>>())
}

fn ics(body: String, filename: Option<&str>) -> Response {
    let mut response = ([(CONTENT_TYPE, "text/calendar; charset=utf-8")], body).into_response();
    if let Some(name) = filename {
        if let Ok(v) = format!("attachment; filename=\"{name}\"").parse() {
            response.headers_mut().insert(CONTENT_DISPOSITION, v);
        }
    }
    response
}

/// `/events/{id}/event.ics`: one event, for anyone who may see it.
async fn one(State(state): State<AppState>, page: Page, Path(id): Path<i64>) -> AppResult<Response> {
    let (event, relation) = visible(&state.db, &page.viewer, id).await?;
    let with_link = can_see_link(&page.viewer, &event, &relation);
    let listed = [Listed { event: &event, with_link, tentative: false }];
    let body = calendar_text(&Site::of(&state), &event.title, Some(&event.time_zone), &listed);
    Ok(ics(body, Some(&format!("event-{id}.ics"))))
}

async fn public_events(db: &Db, since: i64, limit: i64) -> Result<Vec<Event>, sqlx::Error> {
    let sql = format!(
        "SELECT {EVENT_COLUMNS} FROM events e WHERE {} AND e.ends_at >= $1 ORDER BY e.starts_at, e.id LIMIT $2",
        access::public_sql("e")
    );
    on_db!(db, pool => sqlx::query_as(&sql).bind(since).bind(limit).fetch_all(pool).await)
}

/// `/events/public.ics`: a subscription to the network's public events.
async fn public_calendar(State(state): State<AppState>, page: Page) -> AppResult<Response> {
    let events = public_events(&state.db, now_ms() - KEEP_PAST_MS, 1000).await?;
    let listed: Vec<Listed> = events.iter().map(|event| Listed { event, with_link: false, tentative: false }).collect();
    Ok(ics(calendar_text(&Site::of(&state), &page.t("events-public-calendar"), None, &listed), None))
}

/// `/events/public.atom`: public events, upcoming and of the last month.
async fn public_feed(State(state): State<AppState>, page: Page) -> AppResult<Response> {
    let events = public_events(&state.db, now_ms() - 30 * 86_400_000, FEED_ENTRIES).await?;
    let body = feed_text(&base(&state), &page.t("events-public-feed"), &page.t("event-mode-online"), &events);
    Ok(([(CONTENT_TYPE, "application/atom+xml; charset=utf-8")], body).into_response())
}

/// The Atom feed of `events` (public ones), titled `title`; `online` is what an event
/// without a room shows as its place.
pub fn feed_text(base: &str, title: &str, online: &str, events: &[Event]) -> String {
    let time_of = |ms: i64| -> FixedDateTime { utc(ms).fixed_offset() };
    let link = |href: String, rel: &str| {
        let mut l = Link::default();
        l.set_href(href);
        l.set_rel(rel);
        l
    };
    let mut feed = Feed::default();
    feed.set_title(title);
    feed.set_id(format!("{base}/events/public.atom"));
    feed.set_updated(time_of(events.iter().map(|e| e.updated_at).max().unwrap_or_else(now_ms)));
    let mut author = Person::default();
    author.set_name("Roundtable");
    feed.set_authors(vec![author]);
    feed.set_links(vec![
        link(format!("{base}/events/public.atom"), "self"),
        link(format!("{base}/events"), "alternate"),
    ]);
    let entries = events
        .iter()
        .map(|e| {
            let url = format!("{base}/events/{}", e.id);
            let mut entry = Entry::default();
            entry.set_title(Text::plain(e.title.clone()));
            entry.set_id(url.clone());
            entry.set_updated(time_of(e.updated_at));
            entry.set_links(vec![link(url, "alternate")]);
            let place = if e.has_room() { e.venue.clone() } else { online.to_string() };
            let summary = format!(
                "{} · {} · {}",
                time::span(e.starts_at, e.ends_at, e.zone()),
                place,
                snippet(&e.description, 300)
            );
            entry.set_summary(Some(Text::plain(summary)));
            entry
        })
        .collect::<Vec<_>>();
    feed.set_entries(entries);
    atom_xml(&feed)
}

/// `/events/calendar/{token}.ics`: the events a member organises or registered for, with
/// the meeting links they may see. The token is the only credential: it is long, random and
/// stored hashed, and the member can revoke it.
async fn personal_calendar(State(state): State<AppState>, page: Page, Path(file): Path<String>) -> AppResult<Response> {
    let token = file.strip_suffix(".ics").ok_or(AppError::NotFound)?;
    let sql = "SELECT t.user_id FROM event_calendar_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1 AND u.active";
    let user: Option<i64> =
        on_db!(&state.db, pool => sqlx::query_scalar(sql).bind(hash_token(token)).fetch_optional(pool).await)?;
    let user = user.ok_or(AppError::NotFound)?;
    let events = own_events(&state.db, user, now_ms() - KEEP_PAST_MS).await?;
    let listed: Vec<Listed> = events
        .iter()
        .map(|own| Listed { event: &own.event, with_link: own.with_link, tentative: own.tentative })
        .collect();
    let mut response = ics(calendar_text(&Site::of(&state), &page.t("events-my-calendar"), None, &listed), None);
    response.headers_mut().insert(CACHE_CONTROL, axum::http::HeaderValue::from_static("private, no-store"));
    Ok(response)
}

#[derive(sqlx::FromRow)]
struct OwnRow {
    #[sqlx(flatten)]
    event: Event,
    organiser: bool,
    status: Option<String>,
    with_link: bool,
}

/// A member's events ending after `since` that they may still see: organised, or with a
/// registration in one of `statuses`. An event moved into a group they are not in, or
/// otherwise out of their sight, leaves their list and calendar at once.
async fn own_rows(db: &Db, user: i64, since: i64, statuses: &str) -> Result<Vec<OwnRow>, sqlx::Error> {
    let who = crate::web::Who::account("$1");
    let sql = format!(
        "SELECT {EVENT_COLUMNS}, \
           EXISTS (SELECT 1 FROM event_organisers o WHERE o.event_id = e.id AND o.user_id = $1) AS organiser, \
           (SELECT r.status FROM event_registrations r WHERE r.event_id = e.id AND r.user_id = $1) AS status, \
           {link} AS with_link \
         FROM events e WHERE e.ends_at >= $2 AND {visible} AND ( \
           EXISTS (SELECT 1 FROM event_organisers o WHERE o.event_id = e.id AND o.user_id = $1) \
           OR EXISTS (SELECT 1 FROM event_registrations r WHERE r.event_id = e.id AND r.user_id = $1 \
                      AND r.status IN ({statuses}))) \
         ORDER BY e.starts_at, e.id",
        link = access::link_sql("e", &who),
        visible = access::visible_sql("e", &who),
    );
    on_db!(db, pool => sqlx::query_as(&sql).bind(user).bind(since).fetch_all(pool).await)
}

/// One of a member's events, as their calendar shows it.
struct Own {
    event: Event,
    /// They may see the meeting link: organisers and those with a place.
    with_link: bool,
    /// They have no place yet: on the waitlist or awaiting approval.
    tentative: bool,
}

/// A member's events ending after `since`: organised, or registered for (with a place, on
/// the waitlist or awaiting approval).
async fn own_events(db: &Db, user: i64, since: i64) -> Result<Vec<Own>, sqlx::Error> {
    let rows = own_rows(db, user, since, "'pending', 'registered', 'waitlisted'").await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let placed = r.status.as_deref() == Some("registered");
            Own { with_link: r.with_link, tentative: !r.organiser && !placed, event: r.event }
        })
        .collect())
}

#[derive(Serialize)]
struct MineRow {
    id: i64,
    title: String,
    kind: String,
    when: String,
    organiser: bool,
    status: Option<String>,
}

async fn mine_page(state: &AppState, page: &Page, user: i64, new_url: Option<String>) -> AppResult<Html<String>> {
    let rows = own_rows(
        &state.db,
        user,
        now_ms() - KEEP_PAST_MS,
        "'unconfirmed', 'pending', 'registered', 'waitlisted', 'declined'",
    )
    .await?;
    let events: Vec<MineRow> = rows
        .into_iter()
        .map(|r| MineRow {
            id: r.event.id,
            when: time::span(r.event.starts_at, r.event.ends_at, r.event.zone()),
            title: r.event.title,
            kind: r.event.kind,
            organiser: r.organiser,
            status: r.status,
        })
        .collect();
    let since: Option<i64> = on_db!(&state.db, pool => sqlx::query_scalar("SELECT created_at FROM event_calendar_tokens WHERE user_id = $1")
        .bind(user).fetch_optional(pool).await)?;
    page.render(state, "events/mine.html", context! { events, subscribed_since => since, new_url })
}

/// `/events/mine`: a member's own events and their calendar subscription.
async fn mine(State(state): State<AppState>, page: Page, SignedIn(user): SignedIn) -> AppResult<Html<String>> {
    mine_page(&state, &page, user.user_id, None).await
}

#[derive(Deserialize)]
struct TokenAction {
    #[serde(default)]
    action: String,
}

/// Make a new secret address (the old one stops working) or revoke it. The address is shown
/// once, right now; only its hash is kept.
async fn calendar_token(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Form(form): Form<TokenAction>,
) -> AppResult<Html<String>> {
    match form.action.as_str() {
        "new" => {
            let token = random_token();
            let sql = "INSERT INTO event_calendar_tokens (user_id, token_hash, created_at) VALUES ($1, $2, $3) \
                       ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at";
            on_db!(&state.db, pool => sqlx::query(sql).bind(user.user_id).bind(hash_token(&token)).bind(now_ms())
                .execute(pool).await.map(affected))?;
            let url = format!("{}/events/calendar/{token}.ics", base(&state));
            mine_page(&state, &page, user.user_id, Some(url)).await
        }
        "revoke" => {
            on_db!(&state.db, pool => sqlx::query("DELETE FROM event_calendar_tokens WHERE user_id = $1")
                .bind(user.user_id).execute(pool).await.map(affected))?;
            mine_page(&state, &page, user.user_id, None).await
        }
        _ => Err(AppError::invalid("error-form-malformed")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_regions_zones_keep_one_offset_and_daylight_saving_ones_do_not() {
        let at = Utc.with_ymd_and_hms(2030, 6, 26, 2, 0, 0).unwrap().timestamp_millis();
        assert_eq!(fixed_offset(chrono_tz::Asia::Bangkok, at), Some(7 * 3600));
        assert_eq!(fixed_offset(chrono_tz::Asia::Kuala_Lumpur, at), Some(8 * 3600));
        assert_eq!(fixed_offset(chrono_tz::Asia::Manila, at), Some(8 * 3600));
        assert_eq!(fixed_offset(chrono_tz::Asia::Kolkata, at), Some(5 * 3600 + 1800));
        assert_eq!(fixed_offset(chrono_tz::Europe::London, at), None);
        assert_eq!(offset_text(5 * 3600 + 1800), "+0530");
        assert_eq!(offset_text(-3 * 3600), "-0300");
    }

    /// Found by fuzzing: control characters in an event's text went into the file as they
    /// were, and a carriage return or a NUL breaks RFC 5545's content lines.
    #[test]
    fn calendar_files_carry_no_control_characters() {
        let event = Event {
            id: 7,
            series_id: None,
            kind: "workshop".into(),
            title: "Workshop\u{3}\r one".into(),
            description: "Line\r\nnext\u{0}".into(),
            mode: "hybrid".into(),
            venue: "Room\u{1b}".into(),
            address: String::new(),
            online_url: "https://meet.example.org/x".into(),
            country: "TH".into(),
            time_zone: "Asia/Bangkok".into(),
            starts_at: 1_900_000_000_000,
            ends_at: 1_900_003_600_000,
            interpretation: String::new(),
            visibility: "public".into(),
            group_id: None,
            capacity: None,
            registration_closes_at: None,
            requires_approval: false,
            cancelled: false,
            updated_at: 1_800_000_000_000,
        };
        let site = Site { base: "https://roundtable.example.org".into(), host: "roundtable.example.org".into() };
        let listed = [Listed { event: &event, with_link: true, tentative: false }];
        let ics = calendar_text(&site, &event.title, Some(&event.time_zone), &listed);
        for line in ics.split("\r\n") {
            assert!(!line.chars().any(|c| c.is_control() && c != '\t'), "{line:?}");
        }
        let calendar = ical::IcalParser::new(ics.as_bytes()).next().unwrap().unwrap();
        let value = |name: &str| {
            let property = calendar.events[0].properties.iter().find(|p| p.name == name);
            property.and_then(|p| p.value.clone()).unwrap_or_default()
        };
        assert_eq!(value("SUMMARY"), "Workshop one");
        assert_eq!(value("LOCATION"), "Room\\, https://meet.example.org/x");
        assert_eq!(
            value("DESCRIPTION"),
            "https://meet.example.org/x\\n\\nLine\\nnext\\n\\nhttps://roundtable.example.org/events/7"
        );

        // Found by fuzzing too: a stored zone that is not one (the event is then written in
        // UTC) still got a VTIMEZONE, with the stored text as its TZID line.
        let nowhere = Event { time_zone: "Nowhere\nX-EVIL:1".into(), ..event.clone() };
        let listed = [Listed { event: &nowhere, with_link: false, tentative: false }];
        let ics = calendar_text(&site, "Events", None, &listed);
        assert!(!ics.contains("VTIMEZONE") && !ics.contains("X-EVIL"), "{ics}");
        assert!(ics.contains("DTSTART:20300317T174640Z"), "{ics}");

        // Found by fuzzing too: the calendar's NAME is written unescaped, and a line break in
        // the title (which the form lets through) wrote a line of the organiser's choosing.
        let event = Event { title: "Workshop\nURL:https://evil.example\nBEGIN:VALARM".into(), ..event };
        let listed = [Listed { event: &event, with_link: false, tentative: false }];
        let ics = calendar_text(&site, &event.title, Some("Asia/Bangkok\nX-EVIL:1"), &listed);
        assert!(ics.contains("\r\nNAME:Workshop URL:https://evil.example BEGIN:VALARM\r\n"), "{ics}");
        assert!(ics.contains("\r\nX-WR-TIMEZONE:Asia/Bangkok X-EVIL:1\r\n"), "{ics}");
        for line in ics.split("\r\n") {
            assert!(
                !line.starts_with("URL:https://evil")
                    && !line.starts_with("BEGIN:VALARM")
                    && !line.starts_with("X-EVIL")
            );
        }
    }
}
