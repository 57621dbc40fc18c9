//! Events, library resources and forum threads with whatever text people gave them, written
//! out as iCalendar (RFC 5545) and Atom (RFC 4287): the files must still be valid, read back
//! by other parsers with one component or entry per item and the titles intact.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use roundtable::events::calendar::{calendar_text, feed_text, Listed, Site};
use roundtable::events::Event;

const BASE: &str = "https://roundtable.example.org";
const ZONES: &[&str] = &["Asia/Bangkok", "Asia/Kolkata", "Europe/London", "UTC", "Pacific/Chatham", "Asia/Kathmandu"];
/// 2000-01-01 in milliseconds: times count from there.
const EPOCH: i64 = 946_684_800_000;

#[derive(Arbitrary, Debug)]
enum Zone {
    Known(u8),
    Other(String),
}

#[derive(Arbitrary, Debug)]
struct EventText {
    id: i64,
    title: String,
    description: String,
    venue: String,
    address: String,
    online_url: String,
    mode: u8,
    zone: Zone,
    starts: u32,
    minutes: u16,
    updated: u32,
    cancelled: bool,
    with_link: bool,
    tentative: bool,
}

#[derive(Arbitrary, Debug)]
struct Input {
    name: String,
    events: Vec<EventText>,
    resources: Vec<(i64, String, String, u32)>,
    threads: Vec<(i64, String, Option<String>, u32)>,
}

fn event(t: &EventText) -> Event {
    let starts_at = EPOCH + i64::from(t.starts) * 1000;
    Event {
        id: t.id,
        series_id: None,
        kind: "workshop".into(),
        title: t.title.clone(),
        description: t.description.clone(),
        mode: ["in_person", "online", "hybrid"][usize::from(t.mode) % 3].into(),
        venue: t.venue.clone(),
        address: t.address.clone(),
        online_url: t.online_url.clone(),
        country: "TH".into(),
        time_zone: match &t.zone {
            Zone::Known(i) => ZONES[usize::from(*i) % ZONES.len()].into(),
            Zone::Other(s) => s.clone(),
        },
        starts_at,
        ends_at: starts_at + i64::from(t.minutes) * 60_000,
        interpretation: String::new(),
        visibility: "public".into(),
        group_id: None,
        capacity: None,
        registration_closes_at: None,
        requires_approval: false,
        cancelled: t.cancelled,
        updated_at: EPOCH + i64::from(t.updated) * 1000,
    }
}

/// What survives any faithful writer and reader: the visible characters. (Readers trim
/// and fold white space, and neither format carries control characters, nor XML the
/// characters it forbids.)
fn visible(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace() && !c.is_control() && xml_char(*c)).collect()
}

fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            },
            (c, false) => out.push(c),
        }
    }
    out
}

fn check_ics(ics: &str, events: &[Event]) {
    assert!(ics.ends_with("\r\n"), "lines end with CRLF");
    for line in ics.split("\r\n") {
        assert!(
            !line.chars().any(|c| c.is_control() && c != '\t'),
            "a control character in the line {line:?} of {ics:?}"
        );
        // RFC 5545 folds lines at 75 octets. The icalendar crate counts them without the
        // space that begins a continuation line, so a continuation line may have 76 (readers
        // unfold by dropping that space, and take such lines as they are).
        let most = if line.starts_with(' ') { 76 } else { 75 };
        assert!(line.len() <= most, "a line longer than {most} octets: {line:?} in {ics:?}");
    }
    let calendars: Vec<_> = ical::IcalParser::new(ics.as_bytes()).collect();
    assert_eq!(calendars.len(), 1, "one calendar in {ics}");
    let calendar = calendars.into_iter().next().unwrap().unwrap_or_else(|e| panic!("{e}: {ics}"));
    assert_eq!(calendar.events.len(), events.len(), "{ics}");
    let zones: Vec<String> = calendar
        .timezones
        .iter()
        .filter_map(|z| z.properties.iter().find(|p| p.name == "TZID").and_then(|p| p.value.clone()))
        .collect();
    for (parsed, event) in calendar.events.iter().zip(events) {
        let prop = |name: &str| parsed.properties.iter().find(|p| p.name == name);
        let summary = prop("SUMMARY").and_then(|p| p.value.as_deref()).map(unescape).unwrap_or_default();
        // The ical crate drops every colon a value begins with.
        let (read, written) = (visible(&summary), visible(&event.title));
        assert_eq!(read.trim_start_matches(':'), written.trim_start_matches(':'), "the title of {ics}");
        let uid = prop("UID").and_then(|p| p.value.clone());
        assert_eq!(uid.as_deref(), Some(format!("event-{}@roundtable.example.org", event.id).as_str()));
        for name in ["DTSTART", "DTEND"] {
            let p = prop(name).unwrap_or_else(|| panic!("{name} in {ics}"));
            let tzid = p.params.iter().flatten().find(|(k, _)| k == "TZID").map(|(_, v)| v.join(","));
            if let Some(tzid) = tzid {
                assert!(zones.contains(&tzid), "a VTIMEZONE for {tzid} in {ics}");
            }
        }
    }
}

/// Characters XML 1.0 allows in a document.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

fn check_atom(xml: &str, titles: &[&str], ids: &[String]) {
    if let Some(c) = xml.chars().find(|c| !xml_char(*c)) {
        panic!("{c:?} is not allowed in XML: {xml}");
    }
    let feed = feed_rs::parser::parse(xml.as_bytes()).unwrap_or_else(|e| panic!("{e}: {xml}"));
    assert_eq!(feed.entries.len(), titles.len(), "{xml}");
    for ((entry, title), id) in feed.entries.iter().zip(titles).zip(ids) {
        let parsed = entry.title.as_ref().map(|t| t.content.as_str()).unwrap_or_default();
        assert_eq!(visible(parsed), visible(title), "{xml}");
        assert_eq!(&entry.id, id, "{xml}");
    }
}

fuzz_target!(|input: Input| {
    let site = Site { base: BASE.into(), host: "roundtable.example.org".into() };
    let events: Vec<Event> = input.events.iter().take(8).map(event).collect();
    let listed: Vec<Listed> = events
        .iter()
        .zip(&input.events)
        .map(|(event, t)| Listed { event, with_link: t.with_link, tentative: t.tentative })
        .collect();
    let zone = events.first().map(|e| e.time_zone.as_str());
    check_ics(&calendar_text(&site, &input.name, zone, &listed), &events);

    let atom = feed_text(BASE, &input.name, "Online", &events);
    let titles: Vec<&str> = events.iter().map(|e| e.title.as_str()).collect();
    let ids: Vec<String> = events.iter().map(|e| format!("{BASE}/events/{}", e.id)).collect();
    check_atom(&atom, &titles, &ids);

    let resources: Vec<roundtable::library::feed::Row> = input
        .resources
        .iter()
        .take(8)
        .map(|(id, title, summary_html, at)| roundtable::library::feed::Row {
            id: *id,
            title: title.clone(),
            summary_html: summary_html.clone(),
            created_at: EPOCH + i64::from(*at) * 1000,
            updated_at: EPOCH + i64::from(*at) * 1000,
        })
        .collect();
    let titles: Vec<String> = resources.iter().map(|r| r.title.clone()).collect();
    let ids: Vec<String> = resources.iter().map(|r| format!("{BASE}/library/{}", r.id)).collect();
    let atom = roundtable::library::feed::feed_text(BASE, &input.name, resources);
    check_atom(&atom, &titles.iter().map(String::as_str).collect::<Vec<_>>(), &ids);

    let threads: Vec<roundtable::forums::feed::Row> = input
        .threads
        .iter()
        .take(8)
        .map(|(id, title, body_html, at)| roundtable::forums::feed::Row {
            id: *id,
            title: title.clone(),
            created_at: EPOCH + i64::from(*at) * 1000,
            last_post_at: EPOCH + i64::from(*at) * 1000,
            body_html: body_html.clone(),
        })
        .collect();
    let titles: Vec<String> = threads.iter().map(|r| r.title.clone()).collect();
    let ids: Vec<String> = threads.iter().map(|r| format!("{BASE}/forum/threads/{}", r.id)).collect();
    let atom = roundtable::forums::feed::feed_text(BASE, &input.name, "/forum/public.atom", threads);
    check_atom(&atom, &titles.iter().map(String::as_str).collect::<Vec<_>>(), &ids);
});
