//! Time zones from the IANA database compiled into the binary (chrono-tz): UTC offsets,
//! daylight-saving flags and abbreviations at an instant, and local clock time to UTC with
//! the choices R makes for repeated and skipped clock times.

use super::calendar::Tm;
use chrono::{DateTime, LocalResult, Offset, TimeZone};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

/// A resolved time zone.
#[derive(Clone, Debug)]
pub struct Zone {
    tz: Tz,
    name: String,
    /// For a name the database lacks (read as UTC, as the C library does): the
    /// abbreviation shown, its leading letters.
    unknown: Option<String>,
}

thread_local! {
    /// `TZ` as the session on this thread set it (`Sys.setenv`); `Some("")` when unset there.
    static SESSION_TZ: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Records the session's `TZ` (None: follow the process environment again).
pub fn set_session_tz(tz: Option<String>) {
    SESSION_TZ.with(|s| *s.borrow_mut() = tz);
}

/// The name of the session's zone: `TZ` when set and not empty, else the system's
/// (`/etc/timezone` or the target of `/etc/localtime`), else "UTC".
pub fn local_name() -> String {
    if let Some(tz) = SESSION_TZ.with(|s| s.borrow().clone()) {
        if !tz.is_empty() {
            return tz.trim_start_matches(':').to_string();
        }
        return system_name();
    }
    if let Ok(tz) = std::env::var("TZ") {
        if !tz.is_empty() {
            return tz.trim_start_matches(':').to_string();
        }
    }
    system_name()
}

/// The system's zone name, as `Sys.timezone()` reports it.
pub fn system_name() -> String {
    if let Ok(s) = std::fs::read_to_string("/etc/timezone") {
        let s = s.trim();
        if !s.is_empty() && s.parse::<Tz>().is_ok() {
            return s.to_string();
        }
    }
    if let Ok(p) = std::fs::read_link("/etc/localtime") {
        let p = p.to_string_lossy().to_string();
        if let Some(i) = p.find("zoneinfo/") {
            return p[i + 9..].to_string();
        }
    }
    "UTC".to_string()
}

/// Every zone name in the database, sorted.
pub fn names() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = chrono_tz::TZ_VARIANTS.iter().map(|t| t.name()).collect();
    v.sort_unstable();
    v
}

impl Zone {
    /// The zone called `name` ("" is the session's zone); `None` when the database has no
    /// such zone.
    pub fn find(name: &str) -> Option<Zone> {
        let name = if name.is_empty() { local_name() } else { name.to_string() };
        let tz: Tz = name.parse().ok()?;
        Some(Zone {
            tz,
            name,
            unknown: None,
        })
    }

    /// The zone called `name`, or UTC when there is none.
    pub fn find_or_utc(name: &str) -> Zone {
        Zone::find(name).unwrap_or_else(|| {
            let letters: String = name.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
            Zone {
                tz: Tz::UTC,
                name: name.to_string(),
                unknown: Some(if letters.len() >= 3 { letters } else { "UTC".into() }),
            }
        })
    }

    /// The zone's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether the zone is UTC or GMT at all times.
    pub fn is_utc(&self) -> bool {
        matches!(self.tz, Tz::UTC | Tz::GMT | Tz::Etc__UTC | Tz::Etc__GMT | Tz::Zulu | Tz::Universal)
    }

    /// (seconds east of UTC, daylight saving, abbreviation) at `utc` seconds since the epoch.
    pub fn offset_at(&self, utc: i64) -> (i32, bool, String) {
        if let Some(a) = &self.unknown {
            return (0, false, a.clone());
        }
        let Some(dt) = DateTime::from_timestamp(utc, 0) else {
            return (0, false, "UTC".into());
        };
        let o = self.tz.offset_from_utc_datetime(&dt.naive_utc());
        let gmtoff = o.fix().local_minus_utc();
        let dst = o.dst_offset().num_seconds() != 0;
        let abbr = o.abbreviation().map(str::to_string).unwrap_or_else(|| numeric_abbrev(gmtoff));
        (gmtoff, dst, abbr)
    }

    /// The local broken-down time at `utc` seconds since the epoch (`None` when not finite).
    pub fn breakdown(&self, utc: f64) -> Option<Tm> {
        if !utc.is_finite() || utc.abs() > 1e15 {
            return None;
        }
        let (off, dst, abbr) = self.offset_at(utc.floor() as i64);
        let mut tm = Tm::from_local_secs(utc + off as f64);
        tm.isdst = dst as i32;
        tm.gmtoff = Some(off);
        tm.zone = abbr;
        Some(tm)
    }

    /// Seconds since the epoch of a local clock time (fields may be out of range, as
    /// `mktime` allows). A repeated clock time takes its first occurrence unless `isdst`
    /// says otherwise; a skipped one is read with the offset in force after the gap.
    pub fn to_utc(&self, tm: &Tm) -> f64 {
        let local = tm.local_secs();
        if !local.is_finite() || local.abs() > 1e15 {
            return f64::NAN;
        }
        let whole = local.floor();
        let Some(naive) = DateTime::from_timestamp(whole as i64, 0).map(|d| d.naive_utc()) else {
            return f64::NAN;
        };
        let off = match self.tz.offset_from_local_datetime(&naive) {
            LocalResult::Single(o) => o.fix().local_minus_utc(),
            LocalResult::Ambiguous(a, b) => {
                let pick = match tm.isdst {
                    1 if b.dst_offset().num_seconds() != 0 => b,
                    0 if a.dst_offset().num_seconds() != 0 => b,
                    _ => a,
                };
                pick.fix().local_minus_utc()
            }
            LocalResult::None => match chrono_tz::GapInfo::new(&naive, &self.tz).and_then(|g| g.end) {
                Some(end) => end.offset().fix().local_minus_utc(),
                None => self.offset_at(whole as i64).0,
            },
        };
        local - off as f64
    }

    /// The standard and daylight-saving abbreviations, as in a `POSIXlt`'s `tzone`.
    pub fn abbrevs(&self, year: i32) -> (String, String) {
        let y = year as i64;
        let jan = super::calendar::days_from_civil(y, 1, 1) * 86400;
        let jul = super::calendar::days_from_civil(y, 7, 1) * 86400;
        let a = self.offset_at(jan);
        let b = self.offset_at(jul);
        match (a.1, b.1) {
            (false, true) => (a.2, b.2),
            (true, false) => (b.2, a.2),
            _ => (a.2.clone(), a.2),
        }
    }
}

/// "+0530"-style abbreviation for an offset without a name.
fn numeric_abbrev(off: i32) -> String {
    let sign = if off < 0 { '-' } else { '+' };
    let a = off.abs();
    if a % 3600 == 0 {
        format!("{}{:02}", sign, a / 3600)
    } else {
        format!("{}{:02}{:02}", sign, a / 3600, (a % 3600) / 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::time::calendar::days_from_civil;

    fn local(y: i64, m: u32, d: u32, h: i32, mi: i32) -> Tm {
        let mut t = Tm::from_days(days_from_civil(y, m, d));
        t.hour = h;
        t.min = mi;
        t.isdst = -1;
        t
    }

    #[test]
    fn new_york_transitions() {
        let z = Zone::find("America/New_York").unwrap();
        let base = days_from_civil(2024, 3, 10) as f64 * 86400.0;
        // 01:30 EST is 06:30 UTC
        assert_eq!(z.to_utc(&local(2024, 3, 10, 1, 30)), base + 6.5 * 3600.0);
        // 02:30 does not exist: read with EDT, it is 01:30 EST
        assert_eq!(z.to_utc(&local(2024, 3, 10, 2, 30)), base + 6.5 * 3600.0);
        let t = z.breakdown(base + 7.5 * 3600.0).unwrap();
        assert_eq!((t.hour, t.min, t.isdst, t.zone.as_str()), (3, 30, 1, "EDT"));
        assert_eq!(t.gmtoff, Some(-4 * 3600));
        // 01:30 on 2024-11-03 happens twice: the first (EDT) is taken
        let nov = days_from_civil(2024, 11, 3) as f64 * 86400.0;
        assert_eq!(z.to_utc(&local(2024, 11, 3, 1, 30)), nov + 5.5 * 3600.0);
        assert_eq!(z.abbrevs(2024), ("EST".to_string(), "EDT".to_string()));
    }

    #[test]
    fn london_and_utc() {
        let z = Zone::find("Europe/London").unwrap();
        let base = days_from_civil(2024, 3, 31) as f64 * 86400.0;
        assert_eq!(z.to_utc(&local(2024, 3, 31, 1, 30)), base + 0.5 * 3600.0);
        let u = Zone::find("UTC").unwrap();
        assert!(u.is_utc());
        assert_eq!(u.breakdown(0.0).unwrap().zone, "UTC");
        assert!(Zone::find("Not/AZone").is_none());
    }
}
