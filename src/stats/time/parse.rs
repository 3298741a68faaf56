//! `strptime`: reading a date-time from text with R's `%` conversion codes. Fields the
//! format does not give are filled as R fills them (zero times, the current year, month
//! and day), and impossible dates (February 30) give `None`.

use super::calendar::{days_from_civil, days_in_month, weekday, Tm};
use super::write::{MONTHS, WEEKDAYS};

/// What a format read from a string.
#[derive(Default, Debug, Clone)]
struct Fields {
    year: Option<i64>,
    mon: Option<u32>,
    mday: Option<u32>,
    yday: Option<u32>,
    hour: Option<i32>,
    hour12: Option<i32>,
    pm: Option<bool>,
    min: Option<i32>,
    sec: Option<f64>,
    offset: Option<i32>,
    century: Option<i64>,
    yy: Option<i64>,
}

struct Reader<'a> {
    s: &'a [u8],
    i: usize,
}

impl Reader<'_> {
    fn skip_space(&mut self) {
        while self.i < self.s.len() && self.s[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }
    /// An unsigned number of at most `max` digits, after optional spaces.
    fn num(&mut self, max: usize) -> Option<i64> {
        while self.i < self.s.len() && self.s[self.i] == b' ' {
            self.i += 1;
        }
        let start = self.i;
        let mut v: i64 = 0;
        while self.i < self.s.len() && self.i - start < max && self.s[self.i].is_ascii_digit() {
            v = v * 10 + (self.s[self.i] - b'0') as i64;
            self.i += 1;
        }
        (self.i > start).then_some(v)
    }
    fn ranged(&mut self, max: usize, lo: i64, hi: i64) -> Option<i64> {
        self.num(max).filter(|v| (lo..=hi).contains(v))
    }
    /// A name from `names` (full or three-letter), case-insensitively: its index.
    fn name(&mut self, names: &[&str]) -> Option<usize> {
        let rest = &self.s[self.i..];
        for (k, n) in names.iter().enumerate() {
            let n = n.as_bytes();
            if rest.len() >= n.len() && rest[..n.len()].eq_ignore_ascii_case(n) {
                self.i += n.len();
                return Some(k);
            }
        }
        for (k, n) in names.iter().enumerate() {
            let n = &n.as_bytes()[..3];
            if rest.len() >= 3 && rest[..3].eq_ignore_ascii_case(n) {
                self.i += 3;
                return Some(k);
            }
        }
        None
    }
    /// Seconds with an optional fraction.
    fn secs(&mut self) -> Option<f64> {
        while self.i < self.s.len() && self.s[self.i] == b' ' {
            self.i += 1;
        }
        let start = self.i;
        let mut digits = 0;
        while self.i < self.s.len() && self.s[self.i].is_ascii_digit() && digits < 2 {
            self.i += 1;
            digits += 1;
        }
        if digits == 0 {
            return None;
        }
        if self.i < self.s.len() && self.s[self.i] == b'.' {
            self.i += 1;
            while self.i < self.s.len() && self.s[self.i].is_ascii_digit() {
                self.i += 1;
            }
        }
        let v: f64 = std::str::from_utf8(&self.s[start..self.i]).ok()?.parse().ok()?;
        (v <= 61.0).then_some(v)
    }
    /// A numeric UTC offset: +hhmm, +hh:mm or Z.
    fn offset(&mut self) -> Option<i32> {
        let c = *self.s.get(self.i)?;
        if c == b'Z' {
            self.i += 1;
            return Some(0);
        }
        let sign = match c {
            b'+' => 1,
            b'-' => -1,
            _ => return None,
        };
        self.i += 1;
        let h = self.fixed(2)?;
        if self.s.get(self.i) == Some(&b':') {
            self.i += 1;
        }
        let m = self.fixed(2)?;
        Some(sign * (h as i32 * 3600 + m as i32 * 60))
    }
    fn fixed(&mut self, n: usize) -> Option<i64> {
        let start = self.i;
        let v = self.num(n)?;
        (self.i - start == n).then_some(v)
    }
}

fn read(r: &mut Reader, fmt: &[u8], f: &mut Fields) -> Option<()> {
    let mut k = 0;
    while k < fmt.len() {
        let c = fmt[k];
        k += 1;
        if c.is_ascii_whitespace() {
            r.skip_space();
            continue;
        }
        if c != b'%' {
            if r.s.get(r.i) != Some(&c) {
                return None;
            }
            r.i += 1;
            continue;
        }
        let mut code = *fmt.get(k)?;
        k += 1;
        if code == b'E' || (code == b'O' && fmt.get(k) != Some(&b'S')) {
            code = *fmt.get(k)?;
            k += 1;
        }
        match code {
            b'Y' => f.year = Some(r.num(4)?),
            b'y' => f.yy = Some(r.ranged(2, 0, 99)?),
            b'C' => f.century = Some(r.ranged(2, 0, 99)?),
            b'm' => f.mon = Some(r.ranged(2, 1, 12)? as u32),
            b'd' | b'e' => f.mday = Some(r.ranged(2, 1, 31)? as u32),
            b'j' => f.yday = Some(r.ranged(3, 1, 366)? as u32),
            b'H' | b'k' => f.hour = Some(r.ranged(2, 0, 24)? as i32),
            b'I' | b'l' => f.hour12 = Some(r.ranged(2, 1, 12)? as i32),
            b'M' => f.min = Some(r.ranged(2, 0, 59)? as i32),
            b'S' => f.sec = Some(r.ranged(2, 0, 61)? as f64),
            b'O' => {
                // %OS or %OSn: seconds with a fraction
                k += 1;
                if fmt.get(k).is_some_and(|d| d.is_ascii_digit()) {
                    k += 1;
                }
                f.sec = Some(r.secs()?);
            }
            b'b' | b'B' | b'h' => f.mon = Some(r.name(&MONTHS)? as u32 + 1),
            b'a' | b'A' => {
                r.name(&WEEKDAYS)?;
            }
            b'u' => {
                r.ranged(1, 1, 7)?;
            }
            b'w' => {
                r.ranged(1, 0, 6)?;
            }
            b'U' | b'W' | b'V' => {
                r.ranged(2, 0, 53)?;
            }
            b'p' => {
                let rest = &r.s[r.i..];
                if rest.len() >= 2 && rest[..2].eq_ignore_ascii_case(b"AM") {
                    f.pm = Some(false);
                } else if rest.len() >= 2 && rest[..2].eq_ignore_ascii_case(b"PM") {
                    f.pm = Some(true);
                } else {
                    return None;
                }
                r.i += 2;
            }
            b'z' => f.offset = Some(r.offset()?),
            b'F' => read(r, b"%Y-%m-%d", f)?,
            b'T' => read(r, b"%H:%M:%S", f)?,
            b'D' | b'x' => read(r, b"%m/%d/%y", f)?,
            b'R' => read(r, b"%H:%M", f)?,
            b'X' => read(r, b"%H:%M:%S", f)?,
            b'r' => read(r, b"%I:%M:%S %p", f)?,
            b'n' | b't' => r.skip_space(),
            b'%' => {
                if r.s.get(r.i) != Some(&b'%') {
                    return None;
                }
                r.i += 1;
            }
            _ => return None,
        }
    }
    Some(())
}

/// Today's (year, month, day) in the session's clock, for fields a format leaves out.
pub type Today = (i64, u32, u32);

/// Reads `s` with the format `fmt` (trailing text is ignored, as R does). Returns the local
/// broken-down time (`isdst` -1) and the UTC offset when the text gave one with `%z`.
pub fn strptime(s: &str, fmt: &str, today: Today) -> Option<(Tm, Option<i32>)> {
    let mut r = Reader {
        s: s.as_bytes(),
        i: 0,
    };
    let mut f = Fields::default();
    read(&mut r, fmt.as_bytes(), &mut f)?;
    if let Some(yy) = f.yy {
        f.year = Some(match f.century {
            Some(c) => c * 100 + yy,
            None if yy < 69 => 2000 + yy,
            None => 1900 + yy,
        });
    } else if let (Some(c), None) = (f.century, f.year) {
        f.year = Some(c * 100);
    }
    let year = f.year.unwrap_or(today.0);
    let (mon, mday) = match (f.mon, f.mday, f.yday) {
        (Some(m), Some(d), _) => (m, d),
        (None, None, Some(j)) => {
            let z = days_from_civil(year, 1, 1) + j as i64 - 1;
            let (y2, m, d) = super::calendar::civil_from_days(z);
            if y2 != year {
                return None;
            }
            (m, d)
        }
        (None, Some(d), None) => (today.1, d),
        (None, None, None) if f.year.is_none() => (today.1, today.2),
        (None, None, None) => return None,
        _ => return None,
    };
    if mday > days_in_month(year, mon) {
        return None;
    }
    let hour = match (f.hour, f.hour12, f.pm) {
        (_, Some(h), Some(pm)) => h % 12 + if pm { 12 } else { 0 },
        (Some(h), _, _) => h,
        (None, Some(h), None) => h,
        (None, None, _) => 0,
    };
    let days = days_from_civil(year, mon, mday);
    let tm = Tm {
        sec: f.sec.unwrap_or(0.0),
        min: f.min.unwrap_or(0),
        hour,
        mday: mday as i32,
        mon: mon as i32 - 1,
        year: (year - 1900) as i32,
        wday: weekday(days),
        yday: (days - days_from_civil(year, 1, 1)) as i32,
        isdst: -1,
        gmtoff: None,
        zone: String::new(),
    };
    Some((tm, f.offset))
}

#[cfg(test)]
mod tests {
    use super::*;
    const TODAY: Today = (2026, 12, 7);

    #[test]
    fn dates() {
        let (t, _) = strptime("2024-02-29", "%Y-%m-%d", TODAY).unwrap();
        assert_eq!((t.year, t.mon, t.mday, t.yday, t.wday), (124, 1, 29, 59, 4));
        assert!(strptime("2023-02-29", "%Y-%m-%d", TODAY).is_none());
        assert!(strptime("2024/02/01", "%Y-%m-%d", TODAY).is_none());
        let (t, _) = strptime("01/02/24 trailing", "%m/%d/%y", TODAY).unwrap();
        assert_eq!((t.year, t.mon, t.mday), (124, 0, 2));
        let (t, _) = strptime("15 mar 1999", "%d %b %Y", TODAY).unwrap();
        assert_eq!((t.year, t.mon, t.mday), (99, 2, 15));
        let (t, _) = strptime("2024 060", "%Y %j", TODAY).unwrap();
        assert_eq!((t.mon, t.mday), (1, 29));
        assert!(strptime("2024-05", "%Y-%m", TODAY).is_none());
    }

    #[test]
    fn times() {
        let (t, off) = strptime("2024-05-06 07:08:09.25+0130", "%Y-%m-%d %H:%M:%OS%z", TODAY).unwrap();
        assert_eq!((t.hour, t.min, t.sec), (7, 8, 9.25));
        assert_eq!(off, Some(5400));
        let (t, _) = strptime("10:30 PM", "%I:%M %p", TODAY).unwrap();
        assert_eq!((t.year, t.mon, t.mday, t.hour), (126, 11, 7, 22));
        let (t, _) = strptime("12:05 AM", "%I:%M %p", TODAY).unwrap();
        assert_eq!(t.hour, 0);
    }
}
