//! The proleptic Gregorian calendar: days since 1970-01-01 to and from year, month and day,
//! weekdays, days of the year, and R's broken-down time (`POSIXlt`'s fields).

/// Seconds in a day.
pub const DAY: f64 = 86400.0;

/// Whether `y` is a leap year.
pub fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days in month `m` (1..=12) of year `y`.
pub fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ => {
            if is_leap(y) {
                29
            } else {
                28
            }
        }
    }
}

/// Days since 1970-01-01 of the date `y`-`m`-`d` (`m` in 1..=12, `d` in 1..=31).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The date (year, month 1..=12, day 1..=31) `z` days after 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Day of the week of day `z` since the epoch: 0 is Sunday (1970-01-01 was a Thursday).
pub fn weekday(z: i64) -> i32 {
    (z + 4).rem_euclid(7) as i32
}

/// Days since 1970-01-01 of a year, a month counted from 0 and a day of the month, each of
/// which may be out of range (month 12 is January of the next year, day 0 the last day of
/// the previous month), as `mktime` normalises them.
pub fn days_normalized(year: i64, mon0: i64, mday: i64) -> i64 {
    let y = year + mon0.div_euclid(12);
    let m = mon0.rem_euclid(12) as u32 + 1;
    days_from_civil(y, m, 1) + mday - 1
}

/// R's broken-down time: the fields of a `POSIXlt` (years from 1900, months from 0).
#[derive(Clone, Debug, PartialEq)]
pub struct Tm {
    pub sec: f64,
    pub min: i32,
    pub hour: i32,
    pub mday: i32,
    pub mon: i32,
    pub year: i32,
    pub wday: i32,
    pub yday: i32,
    /// 1 in daylight-saving time, 0 not, -1 unknown.
    pub isdst: i32,
    /// Seconds east of UTC, when known.
    pub gmtoff: Option<i32>,
    /// The zone's abbreviation ("EST", "BST", "UTC").
    pub zone: String,
}

impl Tm {
    /// The broken-down form of `secs` seconds of local clock time since the epoch.
    pub fn from_local_secs(secs: f64) -> Tm {
        let days = (secs / DAY).floor();
        let rem = secs - days * DAY;
        let days = days as i64;
        let (y, m, d) = civil_from_days(days);
        let whole = rem.floor();
        let hour = (whole / 3600.0).floor() as i32;
        let min = ((whole - hour as f64 * 3600.0) / 60.0).floor() as i32;
        let sec = rem - hour as f64 * 3600.0 - min as f64 * 60.0;
        Tm {
            sec,
            min,
            hour,
            mday: d as i32,
            mon: m as i32 - 1,
            year: (y - 1900) as i32,
            wday: weekday(days),
            yday: (days - days_from_civil(y, 1, 1)) as i32,
            isdst: 0,
            gmtoff: Some(0),
            zone: String::new(),
        }
    }

    /// The broken-down form of day `z` since the epoch, at midnight.
    pub fn from_days(z: i64) -> Tm {
        Tm::from_local_secs(z as f64 * DAY)
    }

    /// Local clock seconds since the epoch, normalising out-of-range fields.
    pub fn local_secs(&self) -> f64 {
        let days = days_normalized(self.year as i64 + 1900, self.mon as i64, self.mday as i64);
        days as f64 * DAY + self.hour as f64 * 3600.0 + self.min as f64 * 60.0 + self.sec
    }

    /// Days since the epoch of the (normalised) date.
    pub fn days(&self) -> i64 {
        (self.local_secs() / DAY).floor() as i64
    }

    /// The full year (1900 + `year`).
    pub fn full_year(&self) -> i64 {
        self.year as i64 + 1900
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2024, 1, 15), 19737);
        assert_eq!(days_from_civil(1899, 12, 30), -25569);
        assert_eq!(days_from_civil(2000, 3, 1), 11017);
        for z in -800_000..800_000i64 {
            if z % 997 != 0 {
                continue;
            }
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(19782), (2024, 2, 29));
    }

    #[test]
    fn leap_years_and_months() {
        assert!(is_leap(2024) && is_leap(2000) && !is_leap(1900) && !is_leap(2023));
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2100, 2), 28);
        assert_eq!(days_in_month(2023, 4), 30);
    }

    #[test]
    fn weekdays_and_normalisation() {
        assert_eq!(weekday(0), 4);
        assert_eq!(weekday(19737), 1); // 2024-01-15 was a Monday
        assert_eq!(weekday(-1), 3);
        // January 31 plus one month is March 2 in a leap year
        assert_eq!(days_normalized(2024, 1, 31), days_from_civil(2024, 3, 2));
        assert_eq!(days_normalized(2024, 12, 1), days_from_civil(2025, 1, 1));
        assert_eq!(days_normalized(2024, -1, 1), days_from_civil(2023, 12, 1));
        assert_eq!(days_normalized(2024, 2, 0), days_from_civil(2024, 2, 29));
    }

    #[test]
    fn broken_down_time() {
        let t = Tm::from_local_secs(19737.0 * DAY + 3661.5);
        assert_eq!((t.year, t.mon, t.mday, t.hour, t.min), (124, 0, 15, 1, 1));
        assert!((t.sec - 1.5).abs() < 1e-9);
        assert_eq!((t.wday, t.yday), (1, 14));
        let b = Tm::from_local_secs(-1.0);
        assert_eq!((b.year, b.mon, b.mday, b.hour, b.min, b.sec), (69, 11, 31, 23, 59, 59.0));
        assert_eq!(t.local_secs(), 19737.0 * DAY + 3661.5);
    }
}
