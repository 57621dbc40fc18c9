//! Calendar quarters (UTC) and the periods the dashboard is asked for.

use chrono::{DateTime, Datelike, NaiveDate};

use crate::web::{AppError, AppResult, Locale};

/// The longest period the dashboard reports on at once: a decade of quarters.
const MAX_QUARTERS: usize = 40;

/// A calendar quarter: `2026-Q3` is July to September 2026.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    year: i32,
    /// 1 to 4.
    q: u32,
}

impl Quarter {
    /// The quarter a moment (unix ms) falls in.
    pub fn of(ms: i64) -> Quarter {
        let d = DateTime::from_timestamp_millis(ms).unwrap_or_default();
        Quarter { year: d.year(), q: d.month0() / 3 + 1 }
    }

    fn of_day(day: NaiveDate) -> Quarter {
        Quarter { year: day.year(), q: day.month0() / 3 + 1 }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, (self.q - 1) * 3 + 1, 1).expect("a quarter starts on a real day")
    }

    /// Its first moment (unix ms, UTC).
    pub fn start_ms(self) -> i64 {
        self.first_day().and_hms_opt(0, 0, 0).expect("midnight exists").and_utc().timestamp_millis()
    }

    /// The first moment after it.
    pub fn end_ms(self) -> i64 {
        self.next().start_ms()
    }

    pub fn next(self) -> Quarter {
        if self.q == 4 {
            Quarter { year: self.year + 1, q: 1 }
        } else {
            Quarter { year: self.year, q: self.q + 1 }
        }
    }

    pub fn prev(self) -> Quarter {
        if self.q == 1 {
            Quarter { year: self.year - 1, q: 4 }
        } else {
            Quarter { year: self.year, q: self.q - 1 }
        }
    }

    /// `2026-Q3`, as snapshots and downloads name it.
    pub fn key(self) -> String {
        format!("{}-Q{}", self.year, self.q)
    }

    pub fn parse(key: &str) -> Option<Quarter> {
        let (year, q) = key.split_once("-Q")?;
        let (year, q): (i32, u32) = (year.parse().ok()?, q.parse().ok()?);
        ((1..=4).contains(&q) && (1970..=9999).contains(&year)).then_some(Quarter { year, q })
    }

    /// `Q3 2026` (`ไตรมาส 3 2569` in Thai, with the Buddhist year).
    pub fn label(self, locale: Locale) -> String {
        locale.t_args(
            "impact-quarter",
            &[("q", self.q.to_string()), ("year", self.year.to_string()), ("be", (self.year + 543).to_string())],
        )
    }

    /// Every quarter from `self` to `last`, both included.
    pub fn through(self, last: Quarter) -> Vec<Quarter> {
        let mut out = Vec::new();
        let mut q = self;
        while q <= last {
            out.push(q);
            q = q.next();
        }
        out
    }
}

/// The days a report covers, both included, in whole quarters as well for its per-quarter
/// tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// The four quarters up to and including today's.
    pub fn default_at(now_ms: i64) -> Period {
        let today = DateTime::from_timestamp_millis(now_ms).unwrap_or_default().date_naive();
        let first = Quarter::of_day(today).prev().prev().prev();
        Period { from: first.first_day(), to: today }
    }

    /// From the form's `from` and `to` (YYYY-MM-DD; either may be empty for its default).
    pub fn parse(from: Option<&str>, to: Option<&str>, now_ms: i64) -> AppResult<Period> {
        let default = Period::default_at(now_ms);
        let day = |v: Option<&str>, fallback: NaiveDate| -> AppResult<NaiveDate> {
            match v.map(str::trim).filter(|v| !v.is_empty()) {
                None => Ok(fallback),
                Some(v) => NaiveDate::parse_from_str(v, "%Y-%m-%d")
                    .ok()
                    .filter(|d| (1970..=9999).contains(&d.year()))
                    .ok_or(AppError::invalid("error-impact-date")),
            }
        };
        let period = Period { from: day(from, default.from)?, to: day(to, default.to)? };
        if period.from > period.to {
            return Err(AppError::invalid("error-impact-order"));
        }
        if period.quarters().len() > MAX_QUARTERS {
            return Err(AppError::Invalid(crate::web::Message::new("error-impact-too-long").arg("max", MAX_QUARTERS)));
        }
        Ok(period)
    }

    /// The first moment of `from` and the first after `to` (unix ms, UTC).
    pub fn bounds(self) -> (i64, i64) {
        let ms = |d: NaiveDate| d.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc().timestamp_millis();
        (ms(self.from), ms(self.to) + 86_400_000)
    }

    /// The quarters it touches.
    pub fn quarters(self) -> Vec<Quarter> {
        Quarter::of_day(self.from).through(Quarter::of_day(self.to))
    }

    /// The same bounds as calendar days, for columns that hold `YYYY-MM-DD`.
    pub fn days(self) -> (String, String) {
        (self.from.format("%Y-%m-%d").to_string(), self.to.format("%Y-%m-%d").to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_run_across_years() {
        let mid_feb_2026 = 1_771_156_800_000; // 2026-02-15 12:00 UTC
        let q = Quarter::of(mid_feb_2026);
        assert_eq!(q.key(), "2026-Q1");
        assert_eq!(q.prev().key(), "2025-Q4");
        assert_eq!(q.prev().next(), q);
        assert_eq!(q.first_day().to_string(), "2026-01-01");
        assert_eq!(q.prev().end_ms(), q.start_ms());
        assert_eq!(Quarter::parse("2025-Q4"), Some(q.prev()));
        for bad in ["2025-Q5", "2025-Q0", "2025Q1", "x-Q1", ""] {
            assert_eq!(Quarter::parse(bad), None, "{bad}");
        }
        assert_eq!(q.prev().prev().through(q).len(), 3);
        assert_eq!(q.label(Locale::En), "Q1 2026");
        assert!(q.label(Locale::Th).contains("2569"));
    }

    #[test]
    fn periods_default_to_four_quarters_and_refuse_nonsense() {
        let mid_feb_2026 = 1_771_156_800_000;
        let p = Period::default_at(mid_feb_2026);
        assert_eq!(p.days(), ("2025-04-01".to_string(), "2026-02-15".to_string()));
        assert_eq!(p.quarters().len(), 4);
        let (start, end) = p.bounds();
        assert_eq!(end - start, (p.to - p.from).num_days() * 86_400_000 + 86_400_000);
        assert!(Period::parse(Some("2026-02-01"), Some("2026-01-01"), mid_feb_2026).is_err());
        assert!(Period::parse(Some("2026-13-01"), None, mid_feb_2026).is_err());
        assert!(Period::parse(Some("1900-01-01"), None, mid_feb_2026).is_err());
        assert!(Period::parse(Some("2000-01-01"), None, mid_feb_2026).is_err(), "more than forty quarters");
        assert_eq!(Period::parse(Some(""), None, mid_feb_2026).unwrap(), p);
        let one_day = Period::parse(Some("2026-01-05"), Some("2026-01-05"), mid_feb_2026).unwrap();
        assert_eq!(one_day.quarters().len(), 1);
    }
}
