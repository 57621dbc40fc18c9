//! The time zone a viewer reads times in: the one they chose under **Times shown in** (a
//! cookie; nothing is stored on the server), else the network's (`ROUNDTABLE_TIME_ZONE`).

use axum::http::HeaderMap;
use chrono::{DateTime, Offset, Utc};
use chrono_tz::Tz;

use super::session::read_cookie;

/// The cookie where a visitor keeps the zone they want times shown in.
pub const ZONE_COOKIE: &str = "rt_tz";

/// Zones offered in the pickers: the network's region first. Any IANA zone is accepted.
pub const COMMON_ZONES: &[&str] = &[
    "Asia/Bangkok",
    "Asia/Kuala_Lumpur",
    "Asia/Manila",
    "Asia/Jakarta",
    "Asia/Singapore",
    "Asia/Ho_Chi_Minh",
    "Asia/Phnom_Penh",
    "Asia/Yangon",
    "Asia/Dili",
    "Asia/Kolkata",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Europe/Geneva",
    "Europe/London",
    "America/New_York",
    "UTC",
];

/// The zone the viewer chose, if any.
pub fn chosen(state: &super::AppState, headers: &HeaderMap) -> Option<Tz> {
    read_cookie(state, headers, ZONE_COOKIE).and_then(|z| z.parse().ok())
}

/// `UTC+07:00`, `UTC+05:30`, `UTC` at the instant `ms`.
pub fn offset_label(ms: i64, tz: Tz) -> String {
    let at = DateTime::<Utc>::from_timestamp_millis(ms).unwrap_or_default().with_timezone(&tz);
    let seconds = at.offset().fix().local_minus_utc();
    if seconds == 0 {
        return "UTC".into();
    }
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.abs() / 60;
    format!("UTC{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

/// `2026-12-06 08:01 UTC+07:00`: a moment as the viewer reads it, with its offset so that
/// nobody mistakes whose clock it is.
pub fn datetime(ms: i64, tz: Tz) -> Option<String> {
    let at = DateTime::<Utc>::from_timestamp_millis(ms)?.with_timezone(&tz);
    Some(format!("{} {}", at.format("%Y-%m-%d %H:%M"), offset_label(ms, tz)))
}

/// The calendar date of `ms` in `tz`.
pub fn date(ms: i64, tz: Tz) -> Option<String> {
    Some(DateTime::<Utc>::from_timestamp_millis(ms)?.with_timezone(&tz).format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_moment_reads_in_the_zone_with_its_offset() {
        let ms = 1_796_518_860_000; // 2026-12-06 01:01 UTC
        assert_eq!(datetime(ms, chrono_tz::Asia::Bangkok).unwrap(), "2026-12-06 08:01 UTC+07:00");
        assert_eq!(datetime(ms, chrono_tz::UTC).unwrap(), "2026-12-06 01:01 UTC");
        assert_eq!(datetime(ms, chrono_tz::Asia::Kolkata).unwrap(), "2026-12-06 06:31 UTC+05:30");
        assert_eq!(date(ms - 2 * 3_600_000, chrono_tz::America::New_York).unwrap(), "2026-12-05");
    }
}
