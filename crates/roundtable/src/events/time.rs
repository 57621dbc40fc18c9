//! Times of events. An event happens in one place, so its start and end are entered and
//! shown in that place's IANA time zone (`Asia/Bangkok`); they are stored as UTC
//! milliseconds, like every timestamp, and shown to a viewer in their own zone too.

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

use crate::vocab::Country;
use crate::web::AppError;

pub use crate::web::zone::{offset_label, COMMON_ZONES};

/// The time zones of a country, its capital's first: the first is what an event in that
/// country gets unless its organiser picks another.
pub fn country_zones(country: Country) -> &'static [&'static str] {
    use Country::*;
    match country {
        Th => &["Asia/Bangkok"],
        My => &["Asia/Kuala_Lumpur", "Asia/Kuching"],
        Ph => &["Asia/Manila"],
        Id => &["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"],
        Kh => &["Asia/Phnom_Penh"],
        La => &["Asia/Vientiane"],
        Mm => &["Asia/Yangon"],
        Vn => &["Asia/Ho_Chi_Minh"],
        Sg => &["Asia/Singapore"],
        Bn => &["Asia/Brunei"],
        Tl => &["Asia/Dili"],
        Bd => &["Asia/Dhaka"],
        Lk => &["Asia/Colombo"],
        Np => &["Asia/Kathmandu"],
        In => &["Asia/Kolkata"],
        Pk => &["Asia/Karachi"],
        Mn => &["Asia/Ulaanbaatar", "Asia/Hovd"],
        Kr => &["Asia/Seoul"],
        Jp => &["Asia/Tokyo"],
        Au => &[
            "Australia/Sydney",
            "Australia/Melbourne",
            "Australia/Brisbane",
            "Australia/Adelaide",
            "Australia/Darwin",
            "Australia/Perth",
            "Australia/Hobart",
        ],
        Nz => &["Pacific/Auckland"],
        Ch => &["Europe/Zurich"],
        Gb => &["Europe/London"],
        Fr => &["Europe/Paris"],
        De => &["Europe/Berlin"],
        Nl => &["Europe/Amsterdam"],
        Dk => &["Europe/Copenhagen"],
        Se => &["Europe/Stockholm"],
        No => &["Europe/Oslo"],
        Us => &[
            "America/New_York",
            "America/Chicago",
            "America/Denver",
            "America/Los_Angeles",
            "America/Anchorage",
            "Pacific/Honolulu",
        ],
        Ca => &[
            "America/Toronto",
            "America/Vancouver",
            "America/Edmonton",
            "America/Winnipeg",
            "America/Halifax",
            "America/St_Johns",
        ],
    }
}

/// The zone an event is in: the one chosen, or, when none is, its country's first.
pub fn zone_or_country(name: &str, country: Country) -> Result<Tz, AppError> {
    match name.trim() {
        "" => zone(country_zones(country)[0]),
        name => zone(name),
    }
}

/// An IANA time zone name, checked against the tz database.
pub fn zone(name: &str) -> Result<Tz, AppError> {
    name.trim().parse::<Tz>().map_err(|_| AppError::invalid("error-event-time-zone"))
}

/// A local date and time as an `<input type="datetime-local">` sends it (`2026-06-26T09:30`,
/// seconds optional), in `tz`, as UTC milliseconds. A time that does not exist or exists
/// twice in that zone (a daylight-saving change) is refused rather than guessed.
pub fn parse_local(value: &str, tz: Tz) -> Result<i64, AppError> {
    let value = value.trim();
    let naive = NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S"))
        .or_else(|_| NaiveDateTime::parse_from_str(value, "%Y-%m-%d %H:%M"))
        .map_err(|_| AppError::invalid("error-event-time"))?;
    let year = chrono::Datelike::year(&naive);
    if !(2000..=2100).contains(&year) {
        return Err(AppError::invalid("error-event-time"));
    }
    tz.from_local_datetime(&naive)
        .single()
        .map(|t| t.timestamp_millis())
        .ok_or(AppError::invalid("error-event-time-ambiguous"))
}

fn at(ms: i64, tz: Tz) -> DateTime<Tz> {
    DateTime::<Utc>::from_timestamp_millis(ms).unwrap_or_default().with_timezone(&tz)
}

/// The calendar date of `ms` in `tz`.
pub fn local_date(ms: i64, tz: Tz) -> chrono::NaiveDate {
    at(ms, tz).date_naive()
}

/// The clock time of `ms` in `tz`: `14:00`.
pub fn local_clock(ms: i64, tz: Tz) -> String {
    at(ms, tz).format("%H:%M").to_string()
}

/// The value of a `datetime-local` input for `ms` in `tz`.
pub fn input_value(ms: i64, tz: Tz) -> String {
    at(ms, tz).format("%Y-%m-%dT%H:%M").to_string()
}

/// `2026-06-26 09:00–12:30`, or with both dates when the event spans days; then the
/// zone's offset and name: `(UTC+07:00, Asia/Bangkok)`.
pub fn span(start: i64, end: i64, tz: Tz) -> String {
    let (s, e) = (at(start, tz), at(end, tz));
    let end_text = if s.date_naive() == e.date_naive() {
        e.format("%H:%M").to_string()
    } else {
        e.format("%Y-%m-%d %H:%M").to_string()
    };
    format!("{}–{} ({}, {})", s.format("%Y-%m-%d %H:%M"), end_text, offset_label(start, tz), tz.name())
}

/// `09:00–10:30`: a session's times in the event's zone.
pub fn clock_span(start: i64, end: i64, tz: Tz) -> String {
    format!("{}–{}", at(start, tz).format("%H:%M"), at(end, tz).format("%H:%M"))
}

/// `2026-06` of a moment in `tz`: the month an event belongs to in the list's filter.
pub fn month(ms: i64, tz: Tz) -> String {
    at(ms, tz).format("%Y-%m").to_string()
}

/// `2026-06-26`.
pub fn day(ms: i64, tz: Tz) -> String {
    at(ms, tz).format("%Y-%m-%d").to_string()
}

/// The first and last millisecond of month `2026-06` in UTC, widened by a day on each side
/// so that events early or late in the month in any zone are caught (the list then checks
/// each event's month in its own zone).
pub fn month_bounds(month: &str) -> Option<(i64, i64)> {
    let (y, m) = month.split_once('-')?;
    let (y, m): (i32, u32) = (y.parse().ok()?, m.parse().ok()?);
    let first = chrono::NaiveDate::from_ymd_opt(y, m, 1)?;
    let next = if m == 12 {
        chrono::NaiveDate::from_ymd_opt(y + 1, 1, 1)?
    } else {
        chrono::NaiveDate::from_ymd_opt(y, m + 1, 1)?
    };
    let day = 86_400_000;
    Some((
        first.and_hms_opt(0, 0, 0)?.and_utc().timestamp_millis() - day,
        next.and_hms_opt(0, 0, 0)?.and_utc().timestamp_millis() + day,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_times_are_read_in_the_events_zone() {
        let bangkok = zone("Asia/Bangkok").unwrap();
        let ms = parse_local("2026-06-26T09:30", bangkok).unwrap();
        assert_eq!(DateTime::<Utc>::from_timestamp_millis(ms).unwrap().to_rfc3339(), "2026-06-26T02:30:00+00:00");
        assert_eq!(input_value(ms, bangkok), "2026-06-26T09:30");
        let manila = zone("Asia/Manila").unwrap();
        assert_eq!(span(ms, ms + 3_600_000, manila), "2026-06-26 10:30–11:30 (UTC+08:00, Asia/Manila)");
        assert_eq!(offset_label(ms, zone("Asia/Kolkata").unwrap()), "UTC+05:30");
    }

    #[test]
    fn unknown_zones_and_impossible_times_are_refused() {
        assert_eq!(zone("Asia/Atlantis").unwrap_err().message().id, "error-event-time-zone");
        assert!(zone("").is_err());
        let bangkok = zone("Asia/Bangkok").unwrap();
        assert!(parse_local("2026-13-01T09:00", bangkok).is_err());
        assert!(parse_local("tomorrow", bangkok).is_err());
        // 02:30 on the night clocks spring forward in New York does not exist.
        let new_york = zone("America/New_York").unwrap();
        assert_eq!(parse_local("2026-03-08T02:30", new_york).unwrap_err().message().id, "error-event-time-ambiguous");
    }

    #[test]
    fn month_bounds_cover_the_month_in_every_zone() {
        let (from, to) = month_bounds("2026-12").unwrap();
        let bangkok = zone("Asia/Bangkok").unwrap();
        assert!(from < parse_local("2026-12-01T00:00", bangkok).unwrap());
        assert!(to > parse_local("2026-12-31T23:59", zone("America/New_York").unwrap()).unwrap());
        assert!(month_bounds("2026-13").is_none());
        assert!(month_bounds("x").is_none());
    }

    #[test]
    fn every_country_has_real_zones_and_an_event_without_one_takes_its_countrys() {
        for c in Country::ALL {
            assert!(!country_zones(*c).is_empty(), "{c}");
            for z in country_zones(*c) {
                zone(z).unwrap_or_else(|_| panic!("{c}: {z} is not in the tz database"));
            }
        }
        assert_eq!(zone_or_country("", Country::My).unwrap().name(), "Asia/Kuala_Lumpur");
        assert_eq!(zone_or_country(" ", Country::Ph).unwrap().name(), "Asia/Manila");
        assert_eq!(zone_or_country("Asia/Kuching", Country::My).unwrap().name(), "Asia/Kuching");
        assert!(zone_or_country("Mars/Olympus", Country::My).is_err());
    }
}
