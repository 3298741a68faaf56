//! `strftime`: a broken-down time written with R's `%` conversion codes (C locale names).

use super::calendar::{days_from_civil, is_leap, Tm};

/// English weekday names, Sunday first.
pub const WEEKDAYS: [&str; 7] = [
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
];
/// English month names.
pub const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];

fn abbr(s: &str) -> &str {
    &s[..3]
}

/// ISO 8601 week-based year and week number.
fn iso_week(tm: &Tm) -> (i64, i32) {
    let y = tm.full_year();
    let wday = (tm.wday + 6) % 7; // Monday 0
    let week = (tm.yday - wday + 10) / 7;
    if week < 1 {
        let py = y - 1;
        let pdays = if is_leap(py) { 366 } else { 365 };
        let yday = tm.yday + pdays;
        return (py, (yday - wday + 10) / 7);
    }
    let ydays = if is_leap(y) { 366 } else { 365 };
    if week == 53 && tm.yday - wday + 3 >= ydays {
        return (y + 1, 1);
    }
    (y, week)
}

/// Seconds with `digits` decimals, truncated as R does.
fn secs_with(sec: f64, digits: usize) -> String {
    if digits == 0 {
        return format!("{:02}", sec.floor() as i64);
    }
    let p = 10f64.powi(digits as i32);
    let t = ((sec * p) + 1e-6).floor() / p;
    format!("{:0w$.d$}", t, w = digits + 3, d = digits)
}

/// Writes `tm` with the format `fmt`. `digits_secs` is what `%OS` without a digit shows
/// (R's `getOption("digits.secs")`).
pub fn strftime(tm: &Tm, fmt: &str, digits_secs: usize) -> String {
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut chars = fmt.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(mut k) = chars.next() else {
            out.push('%');
            break;
        };
        // glibc's flags and the E/O modifiers (only %OSn means something to R)
        if k == 'O' {
            match chars.peek() {
                Some('S') => {
                    chars.next();
                    let d = match chars.peek().and_then(|c| c.to_digit(10)) {
                        Some(d) => {
                            chars.next();
                            d as usize
                        }
                        None => digits_secs,
                    };
                    out.push_str(&secs_with(tm.sec, d.min(6)));
                    continue;
                }
                Some(&n) => {
                    chars.next();
                    k = n;
                }
                None => {}
            }
        } else if k == 'E' {
            if let Some(&n) = chars.peek() {
                chars.next();
                k = n;
            }
        }
        let y = tm.full_year();
        let h12 = if tm.hour % 12 == 0 { 12 } else { tm.hour % 12 };
        match k {
            'a' => out.push_str(abbr(WEEKDAYS[tm.wday.rem_euclid(7) as usize])),
            'A' => out.push_str(WEEKDAYS[tm.wday.rem_euclid(7) as usize]),
            'b' | 'h' => out.push_str(abbr(MONTHS[tm.mon.rem_euclid(12) as usize])),
            'B' => out.push_str(MONTHS[tm.mon.rem_euclid(12) as usize]),
            'c' => out.push_str(&strftime(tm, "%a %b %e %H:%M:%S %Y", digits_secs)),
            'C' => out.push_str(&format!("{:02}", y.div_euclid(100))),
            'd' => out.push_str(&format!("{:02}", tm.mday)),
            'D' => out.push_str(&strftime(tm, "%m/%d/%y", digits_secs)),
            'e' => out.push_str(&format!("{:2}", tm.mday)),
            'F' => out.push_str(&strftime(tm, "%Y-%m-%d", digits_secs)),
            'g' => out.push_str(&format!("{:02}", iso_week(tm).0.rem_euclid(100))),
            'G' => out.push_str(&iso_week(tm).0.to_string()),
            'H' => out.push_str(&format!("{:02}", tm.hour)),
            'I' => out.push_str(&format!("{:02}", h12)),
            'j' => out.push_str(&format!("{:03}", tm.yday + 1)),
            'k' => out.push_str(&format!("{:2}", tm.hour)),
            'l' => out.push_str(&format!("{:2}", h12)),
            'm' => out.push_str(&format!("{:02}", tm.mon + 1)),
            'M' => out.push_str(&format!("{:02}", tm.min)),
            'n' => out.push('\n'),
            'p' => out.push_str(if tm.hour < 12 { "AM" } else { "PM" }),
            'P' => out.push_str(if tm.hour < 12 { "am" } else { "pm" }),
            'r' => out.push_str(&strftime(tm, "%I:%M:%S %p", digits_secs)),
            'R' => out.push_str(&strftime(tm, "%H:%M", digits_secs)),
            's' => {
                let days = days_from_civil(y, tm.mon as u32 + 1, tm.mday as u32);
                let local = days * 86400 + tm.hour as i64 * 3600 + tm.min as i64 * 60 + tm.sec.floor() as i64;
                out.push_str(&(local - tm.gmtoff.unwrap_or(0) as i64).to_string())
            }
            'S' => out.push_str(&format!("{:02}", tm.sec.floor() as i64)),
            't' => out.push('\t'),
            'T' => out.push_str(&strftime(tm, "%H:%M:%S", digits_secs)),
            'u' => out.push_str(&(if tm.wday == 0 { 7 } else { tm.wday }).to_string()),
            'U' => out.push_str(&format!("{:02}", (tm.yday + 7 - tm.wday) / 7)),
            'V' => out.push_str(&format!("{:02}", iso_week(tm).1)),
            'w' => out.push_str(&tm.wday.to_string()),
            'W' => out.push_str(&format!("{:02}", (tm.yday + 7 - (tm.wday + 6) % 7) / 7)),
            'x' => out.push_str(&strftime(tm, "%m/%d/%y", digits_secs)),
            'X' => out.push_str(&strftime(tm, "%H:%M:%S", digits_secs)),
            'y' => out.push_str(&format!("{:02}", y.rem_euclid(100))),
            'Y' => out.push_str(&y.to_string()),
            'z' => {
                let o = tm.gmtoff.unwrap_or(0);
                let sign = if o < 0 { '-' } else { '+' };
                let a = o.abs();
                out.push_str(&format!("{}{:02}{:02}", sign, a / 3600, (a % 3600) / 60));
            }
            'Z' => out.push_str(&tm.zone),
            '%' => out.push('%'),
            other => {
                out.push('%');
                out.push(other);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::time::calendar::days_from_civil;

    #[test]
    fn codes() {
        let mut t = Tm::from_days(days_from_civil(2024, 1, 15));
        t.hour = 13;
        t.min = 5;
        t.sec = 7.25;
        t.zone = "UTC".into();
        let s = strftime(&t, "%d %B %Y %j %a %A %b %U %W %u %w %y %e", 0);
        assert_eq!(s, "15 January 2024 015 Mon Monday Jan 02 03 1 1 24 15");
        assert_eq!(strftime(&t, "%F %T %Z %I%p %OS2 %OS", 0), "2024-01-15 13:05:07 UTC 01PM 07.25 07");
        assert_eq!(strftime(&t, "%D %R %z %%", 0), "01/15/24 13:05 +0000 %");
    }

    #[test]
    fn iso_weeks() {
        let t = Tm::from_days(days_from_civil(2021, 1, 3));
        assert_eq!(strftime(&t, "%G-W%V-%u", 0), "2020-W53-7");
        let t = Tm::from_days(days_from_civil(2024, 12, 30));
        assert_eq!(strftime(&t, "%G-W%V", 0), "2025-W01");
    }
}
