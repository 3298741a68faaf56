//! Methods of the date and time classes for R's generics: seq, cut, trunc, round, diff,
//! mean, the Summary group (min, max, range, sum), c, rep and summary.

use crate::builtins::base::dates::{
    format_days, is_ct, is_date, is_difftime, keep_names, make_ct, make_date, tzone, zone, ConvOpts,
};
use crate::builtins::base::datetimes::{format_tms, make_lt, to_secs};
use crate::builtins::base::difftime::{convert_units, difftime_from_secs, make_difftime, units_of};
use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::stats::time::{Tm, Zone, DAY};
use crate::syntax::sym::Sym;
use crate::value::{na_real, VType, Value};

pub const BUILTINS: &[Builtin] = &[
    declared("seq.Date", seq_date),
    declared("seq.POSIXt", seq_posixt),
    declared("cut.Date", cut_date),
    declared("cut.POSIXt", cut_posixt),
    declared("trunc.Date", trunc_date),
    declared("trunc.POSIXt", trunc_posixt),
    declared("round.Date", round_date),
    declared("round.POSIXt", round_posixt),
    declared("diff.Date", diff_time),
    declared("diff.POSIXt", diff_time),
    declared("diff.difftime", diff_time),
    declared("mean.Date", mean_time),
    declared("mean.POSIXct", mean_time),
    declared("mean.difftime", mean_time),
    declared("Summary.Date", summary_group),
    declared("Summary.POSIXct", summary_group),
    declared("Summary.difftime", summary_group),
    declared("c.Date", c_date),
    declared("c.POSIXct", c_posixct),
    declared("c.difftime", c_difftime),
    declared("rep.Date", rep_time),
    declared("rep.POSIXct", rep_time),
    declared("rep.difftime", rep_time),
    declared("summary.Date", summary_time),
    declared("summary.POSIXct", summary_time),
];

pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("seq.Date", "seq.Date(from, to, by, length.out = NULL, along.with = NULL, ...)",
            "Regular sequences of dates: by a number of days, a difftime, or a string such as \"month\", \
             \"2 weeks\", \"quarter\", \"-1 year\"."),
        doc("seq.POSIXt", "seq.POSIXt(from, to, by, length.out = NULL, along.with = NULL, ...)",
            "Regular sequences of date-times: by seconds, a difftime, or \"sec\", \"min\", \"hour\", \"day\", \
             \"DSTday\" (same clock time across daylight-saving changes), \"week\", \"month\", \"quarter\", \
             \"year\"."),
        doc("cut.Date", "cut.Date(x, breaks, labels = NULL, start.on.monday = TRUE, right = FALSE, ...)",
            "Groups dates into a factor of intervals: breaks is a number of intervals, a vector of dates, or \
             \"day\", \"week\", \"month\", \"quarter\", \"year\" (optionally with a multiple, \"2 weeks\")."),
        doc("cut.POSIXt", "cut.POSIXt(x, breaks, labels = NULL, start.on.monday = TRUE, right = FALSE, ...)",
            "Groups date-times into a factor of intervals, as cut.Date does, also by \"sec\", \"min\", \"hour\"."),
        doc("trunc.Date", "trunc.Date(x, units = c(\"secs\", \"mins\", \"hours\", \"days\", \"months\", \"years\"), ...)",
            "Dates truncated to the start of their day, month or year."),
        doc("trunc.POSIXt", "trunc.POSIXt(x, units = c(\"secs\", \"mins\", \"hours\", \"days\", \"months\", \"years\"), ...)",
            "Date-times truncated to the unit, as a \"POSIXlt\"."),
        doc("round.Date", "round.Date(x, ...)", "Dates rounded to whole days."),
        doc("round.POSIXt", "round.POSIXt(x, digits = c(\"secs\", \"mins\", \"hours\", \"days\", \"months\", \"years\"))",
            "Date-times rounded to the nearest unit, as a \"POSIXlt\"."),
        doc("diff.Date", "diff.Date(x, lag = 1L, differences = 1L, ...)", "Lagged differences of dates, in days."),
        doc("diff.POSIXt", "diff.POSIXt(x, lag = 1L, differences = 1L, ...)",
            "Lagged differences of date-times as a difftime in automatic units."),
        doc("diff.difftime", "diff.difftime(x, lag = 1L, differences = 1L, ...)",
            "Lagged differences of time differences, in their units."),
        doc("mean.Date", "mean.Date(x, ...)", "The mean of dates, as a date."),
        doc("mean.POSIXct", "mean.POSIXct(x, ...)", "The mean of date-times, as a date-time."),
        doc("mean.difftime", "mean.difftime(x, ...)", "The mean of time differences, in their units."),
        doc("Summary.Date", "Summary.Date(..., na.rm = FALSE, .Generic = \"\")",
            "min, max and range of dates, as dates."),
        doc("Summary.POSIXct", "Summary.POSIXct(..., na.rm = FALSE, .Generic = \"\")",
            "min, max and range of date-times, as date-times."),
        doc("Summary.difftime", "Summary.difftime(..., na.rm = FALSE, .Generic = \"\")",
            "sum, min, max and range of time differences, in the first one's units."),
        doc("c.Date", "c.Date(...)", "Combines dates (and values as.Date converts)."),
        doc("c.POSIXct", "c.POSIXct(..., recursive = FALSE)",
            "Combines date-times; the time zone stays when all share it."),
        doc("c.difftime", "c.difftime(..., recursive = FALSE)",
            "Combines time differences in the first one's units."),
        doc("rep.Date", "rep.Date(x, ...)", "Repeats dates, keeping the class."),
        doc("rep.POSIXct", "rep.POSIXct(x, ...)", "Repeats date-times, keeping the class and time zone."),
        doc("rep.difftime", "rep.difftime(x, ...)", "Repeats time differences, keeping the units."),
        doc("summary.Date", "summary.Date(object, digits = 12L, ...)",
            "Minimum, quartiles, mean and maximum of dates (and the number of NAs)."),
        doc("summary.POSIXct", "summary.POSIXct(object, digits = 15L, ...)",
            "Minimum, quartiles, mean and maximum of date-times (and the number of NAs)."),
    ]
};

// ---- by = strings ----------------------------------------------------------------------

/// A `by` step: a count of calendar units, or a fixed number of seconds.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Step {
    Secs(f64),
    /// Days of local clock time (DSTday), months, years.
    DstDays(i64),
    Months(i64),
}

/// Reads "2 weeks", "-1 month", "DSTday", "quarter"... (`secs_ok`: units below a day allowed).
fn parse_by(s: &str, date: bool) -> EvalResult<Step> {
    let parts: Vec<&str> = s.split_whitespace().collect();
    let (n, unit) = match parts.as_slice() {
        [u] => (1i64, *u),
        [n, u] => match n.parse::<i64>() {
            Ok(n) => (n, *u),
            Err(_) => return err("invalid 'by' string"),
        },
        _ => return err("invalid 'by' string"),
    };
    let unit = unit.strip_suffix('s').unwrap_or(unit);
    let step = match unit {
        "sec" if !date => Step::Secs(n as f64),
        "min" if !date => Step::Secs(60.0 * n as f64),
        "hour" if !date => Step::Secs(3600.0 * n as f64),
        "day" => Step::Secs(DAY * n as f64),
        "DSTday" if !date => Step::DstDays(n),
        "DSTday" => Step::Secs(DAY * n as f64),
        "week" => Step::Secs(7.0 * DAY * n as f64),
        "month" => Step::Months(n),
        "quarter" => Step::Months(3 * n),
        "year" => Step::Months(12 * n),
        _ => return err("invalid string for 'by'"),
    };
    Ok(step)
}

/// A `by` argument: a number (days for dates, seconds for times), a difftime or a string.
fn by_arg(v: &Value, date: bool) -> EvalResult<Step> {
    if matches!(v.vtype(), Some(VType::Str)) {
        return parse_by(&v.as_string().unwrap_or_default(), date);
    }
    if v.len() != 1 {
        return err("'by' must be of length 1");
    }
    let unit = if date { DAY } else { 1.0 };
    if is_difftime(v) {
        let secs = crate::builtins::base::difftime::difftime_secs(v)[0];
        return Ok(Step::Secs(secs));
    }
    Ok(Step::Secs(v.as_f64().unwrap_or(f64::NAN) * unit))
}

/// Moves a local broken-down time by `k` steps of months or local days.
fn shift(tm: &Tm, step: Step, k: i64) -> Tm {
    let mut t = tm.clone();
    match step {
        Step::Months(n) => {
            let mon = t.mon as i64 + n * k;
            t.year += mon.div_euclid(12) as i32;
            t.mon = mon.rem_euclid(12) as i32;
        }
        Step::DstDays(n) => t.mday += (n * k) as i32,
        Step::Secs(_) => {}
    }
    t.isdst = -1;
    t
}

/// The sequence in seconds (or days for dates: `unit` = DAY) from `from`.
fn seq_core(
    from: f64,
    to: Option<f64>,
    step: Option<Step>,
    length_out: Option<usize>,
    z: &Zone,
    unit: f64,
) -> EvalResult<Vec<f64>> {
    let Some(step) = step else {
        // from, to and length.out: evenly spaced
        let (Some(to), Some(n)) = (to, length_out) else {
            return err("exactly two of 'to', 'by' and 'length.out' / 'along.with' must be specified");
        };
        if n == 1 {
            return Ok(vec![from]);
        }
        let by = (to - from) / (n as f64 - 1.0);
        return Ok((0..n).map(|i| from + by * i as f64).collect());
    };
    match step {
        Step::Secs(s) => {
            let by = s / unit;
            if by == 0.0 || !by.is_finite() {
                return err("invalid '(to - from)/by' in seq(.)");
            }
            if let Some(n) = length_out {
                return Ok((0..n).map(|i| from + by * i as f64).collect());
            }
            let Some(to) = to else {
                return err("exactly two of 'to', 'by' and 'length.out' / 'along.with' must be specified");
            };
            let n = ((to - from) / by + 1e-10).floor();
            if n < 0.0 {
                return err("wrong sign in 'by' argument");
            }
            Ok((0..=n as i64).map(|i| from + by * i as f64).collect())
        }
        _ => {
            let start = if unit == DAY {
                Tm::from_days(from.floor() as i64)
            } else {
                match z.breakdown(from) {
                    Some(t) => t,
                    None => return err("'from' must be a finite number"),
                }
            };
            let at = |k: i64| -> f64 {
                let t = shift(&start, step, k);
                if unit == DAY {
                    t.days() as f64
                } else {
                    z.to_utc(&t)
                }
            };
            if let Some(n) = length_out {
                return Ok((0..n as i64).map(at).collect());
            }
            let Some(to) = to else {
                return err("exactly two of 'to', 'by' and 'length.out' / 'along.with' must be specified");
            };
            let sign = match step {
                Step::Months(n) | Step::DstDays(n) => n.signum(),
                Step::Secs(_) => 1,
            };
            if sign == 0 {
                return err("invalid '(to - from)/by' in seq(.)");
            }
            let mut out = Vec::new();
            for k in 0..1_000_000i64 {
                let v = at(k);
                if (sign > 0 && v > to) || (sign < 0 && v < to) {
                    break;
                }
                out.push(v);
            }
            Ok(out)
        }
    }
}

fn length_out(m: &Matched) -> Option<usize> {
    if let Some(a) = m.get("along.with") {
        return Some(a.len());
    }
    m.get("length.out")
        .filter(|v| !v.is_null())
        .and_then(|v| v.as_f64())
        .map(|v| v.ceil().max(0.0) as usize)
}

fn seq_date(it: &mut Interp, m: Matched) -> EvalResult {
    let o = ConvOpts::default();
    let first = |it: &mut Interp, n: &str| -> EvalResult<Option<f64>> {
        match m.get(n) {
            Some(v) => Ok(crate::builtins::base::dates::to_days(it, v, &o)?.first().copied()),
            None => Ok(None),
        }
    };
    let from = first(it, "from")?;
    let to = first(it, "to")?;
    let step = m.get("by").map(|b| by_arg(b, true)).transpose()?;
    let lo = length_out(&m);
    let z = Zone::find_or_utc("UTC");
    let v = match from {
        Some(f) => seq_core(f, to, step, lo, &z, DAY)?,
        None => {
            // to, by and length.out: count back from `to`
            let (Some(t), Some(Step::Secs(s)), Some(n)) = (to, step, lo) else {
                return err("'from' must be specified");
            };
            let by = s / DAY;
            (0..n).map(|i| t - by * (n - 1 - i) as f64).collect()
        }
    };
    Ok(make_date(v))
}

fn seq_posixt(it: &mut Interp, m: Matched) -> EvalResult {
    let Some(fromv) = m.get("from").cloned() else {
        return err("'from' must be specified");
    };
    let o = ConvOpts::default();
    let (fs, tz) = to_secs(it, &fromv, &o)?;
    let from = fs.first().copied().unwrap_or(f64::NAN);
    if !from.is_finite() {
        return err("'from' must be a finite number");
    }
    let to = match m.get("to") {
        Some(t) => to_secs(it, t, &o)?.0.first().copied(),
        None => None,
    };
    let step = m.get("by").map(|b| by_arg(b, false)).transpose()?;
    let name = tz.clone().unwrap_or_default();
    let z = zone(&name);
    let v = seq_core(from, to, step, length_out(&m), &z, 1.0)?;
    Ok(make_ct(v, tz.as_deref()))
}

// ---- cut ---------------------------------------------------------------------------------

/// Interval starts for `cut` by a unit, from the first value's interval through the one
/// holding the last value.
fn cut_breaks(lo: f64, hi: f64, spec: &str, monday: bool, z: &Zone, date: bool) -> EvalResult<Vec<f64>> {
    let step = parse_by(spec, false)?;
    let unit_name = spec.split_whitespace().last().unwrap_or("").trim_end_matches('s');
    let lo_tm = if date { Tm::from_days(lo.floor() as i64) } else { z.breakdown(lo).unwrap_or_else(|| Tm::from_local_secs(0.0)) };
    let mut start = lo_tm.clone();
    start.isdst = -1;
    match unit_name {
        "sec" => start.sec = start.sec.floor(),
        "min" => start.sec = 0.0,
        "hour" => {
            start.sec = 0.0;
            start.min = 0;
        }
        _ => {
            start.sec = 0.0;
            start.min = 0;
            start.hour = 0;
        }
    }
    match unit_name {
        "week" => {
            let back = if monday { (start.wday + 6) % 7 } else { start.wday };
            start.mday -= back;
        }
        "month" => start.mday = 1,
        "quarter" => {
            start.mday = 1;
            start.mon = (start.mon / 3) * 3;
        }
        "year" => {
            start.mday = 1;
            start.mon = 0;
        }
        _ => {}
    }
    let s0 = if date { start.days() as f64 } else { z.to_utc(&start) };
    let unit = if date { DAY } else { 1.0 };
    let mut out = Vec::new();
    let mut k = 0i64;
    loop {
        let v = match step {
            Step::Secs(s) => s0 + s / unit * k as f64,
            _ => {
                let t = shift(&start, step, k);
                if date { t.days() as f64 } else { z.to_utc(&t) }
            }
        };
        out.push(v);
        if v > hi || k > 10_000_000 {
            break;
        }
        k += 1;
    }
    Ok(out)
}

fn cut_time(it: &mut Interp, m: Matched, date: bool) -> EvalResult {
    let x = m.req("x")?.clone();
    let breaks = m.req("breaks")?.clone();
    let monday = m.get("start.on.monday").and_then(|v| v.as_bool().flatten()).unwrap_or(true);
    let right = m.get("right").and_then(|v| v.as_bool().flatten()).unwrap_or(false);
    let o = ConvOpts::default();
    let (vals, tz) = if date {
        (crate::builtins::base::dates::to_days(it, &x, &o)?, None)
    } else {
        to_secs(it, &x, &o)?
    };
    let tzname = tz.unwrap_or_default();
    let z = zone(&tzname);
    let finite: Vec<f64> = vals.iter().copied().filter(|v| v.is_finite()).collect();
    let lo = finite.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = finite.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (bks, labels): (Vec<f64>, Option<Vec<String>>) = if matches!(breaks.vtype(), Some(VType::Str)) && !is_date(&breaks) {
        if finite.is_empty() {
            return err("'x' must have at least one finite value");
        }
        let b = cut_breaks(lo, hi, &breaks.as_string().unwrap_or_default(), monday, &z, date)?;
        let labs = if date {
            format_days(&b[..b.len() - 1], "%Y-%m-%d")
        } else {
            let tms: Vec<Option<Tm>> = b[..b.len() - 1].iter().map(|&s| z.breakdown(s)).collect();
            format_tms(&tms, None, false, 0)
        };
        (b, Some(labs.into_iter().map(|s| s.map(|s| s.to_string()).unwrap_or_default()).collect()))
    } else if is_date(&breaks) || is_ct(&breaks) {
        let b = if date {
            crate::builtins::base::dates::to_days(it, &breaks, &o)?
        } else {
            to_secs(it, &breaks, &o)?.0
        };
        let mut b = b;
        b.sort_by(|a, c| a.partial_cmp(c).unwrap_or(std::cmp::Ordering::Equal));
        let labs = if date {
            format_days(&b[..b.len().saturating_sub(1)], "%Y-%m-%d")
        } else {
            let tms: Vec<Option<Tm>> = b[..b.len().saturating_sub(1)].iter().map(|&s| z.breakdown(s)).collect();
            format_tms(&tms, None, false, 0)
        };
        (b, Some(labs.into_iter().map(|s| s.map(|s| s.to_string()).unwrap_or_default()).collect()))
    } else {
        // a number of intervals: cut.default on the numbers
        let f = it.base.get_local(Sym::new("cut")).unwrap_or(Value::Null);
        let mut args = vec![(None, Value::dbls(vals)), (None, breaks)];
        args.push((Some(Sym::new("right")), Value::lgl(right)));
        let labels = m.get("labels").filter(|l| !l.is_null());
        if let Some(l) = labels {
            args.push((Some(Sym::new("labels")), l.clone()));
        }
        let mut res = it.call_value(&f, args)?;
        if labels.is_none() {
            // as R: the levels are renamed by the first date (in x's order) of each interval used
            let codes = res.int_vec().to_vec();
            let mut seen = std::collections::HashSet::new();
            let firsts: Vec<Option<usize>> =
                (0..codes.len()).filter(|&i| seen.insert(codes[i])).map(Some).collect();
            let nlev = res.get_attr("levels").map_or(0, |l| l.len());
            if firsts.len() != nlev {
                return err("number of levels differs");
            }
            let picked = x.data().map(|d| Value::from_data(d.select(&firsts))).unwrap_or(Value::Null);
            let picked = crate::value::class::keep_time_class(&x, picked);
            let base = it.base.clone();
            let as_char = it.get_function(Sym::new("as.character"), &base)?;
            let levels = it.call_value(&as_char, vec![(None, picked)])?;
            res.set_attr(Sym::new("levels"), levels);
        }
        return Ok(res);
    };
    let labels = match m.get("labels").filter(|l| !l.is_null()) {
        Some(l) if matches!(l.vtype(), Some(VType::Str)) => {
            Some(l.str_vec().iter().map(|s| s.as_deref().unwrap_or("NA").to_string()).collect())
        }
        _ => labels,
    };
    let labels = labels.unwrap_or_default();
    let nint = bks.len().saturating_sub(1);
    let codes: Vec<i32> = vals
        .iter()
        .map(|&v| {
            if !v.is_finite() {
                return crate::value::NA_INT;
            }
            for j in 0..nint {
                let inside = if right { v > bks[j] && v <= bks[j + 1] } else { v >= bks[j] && v < bks[j + 1] };
                if inside {
                    return j as i32 + 1;
                }
            }
            crate::value::NA_INT
        })
        .collect();
    let levels: Vec<crate::value::RStr> = labels.iter().take(nint).map(|s| Some(std::rc::Rc::from(s.as_str()))).collect();
    Ok(crate::builtins::base::factor::make_factor(codes, levels, false))
}

fn cut_date(it: &mut Interp, m: Matched) -> EvalResult {
    cut_time(it, m, true)
}

fn cut_posixt(it: &mut Interp, m: Matched) -> EvalResult {
    cut_time(it, m, false)
}

// ---- trunc and round -----------------------------------------------------------------------

fn units_choice(m: &Matched, name: &str) -> String {
    m.get(name)
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "secs".into())
}

/// Truncates a local time to `units`.
fn trunc_tm(t: &Tm, units: &str) -> EvalResult<Tm> {
    let mut t = t.clone();
    let u = units.trim_end_matches('s');
    match u {
        "sec" => t.sec = t.sec.floor(),
        "min" => t.sec = 0.0,
        "hour" => {
            t.sec = 0.0;
            t.min = 0;
        }
        "day" | "month" | "year" => {
            t.sec = 0.0;
            t.min = 0;
            t.hour = 0;
            if u != "day" {
                t.mday = 1;
            }
            if u == "year" {
                t.mon = 0;
            }
        }
        _ => return err("'arg' should be one of “secs”, “mins”, “hours”, “days”, “months”, “years”"),
    }
    t.isdst = -1;
    Ok(t)
}

fn trunc_date(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let u = units_choice(&m, "units");
    let days: Vec<f64> = x
        .dbl_vec()
        .iter()
        .map(|&d| {
            if !d.is_finite() {
                return d;
            }
            let t = Tm::from_days(d.floor() as i64);
            match trunc_tm(&t, &u) {
                Ok(t) => t.days() as f64,
                Err(_) => d.floor(),
            }
        })
        .collect();
    Ok(keep_names(&x, make_date(days)))
}

/// trunc or round of date-times, as a POSIXlt in their zone.
fn trunc_round(it: &mut Interp, x: &Value, u: &str, round: bool) -> EvalResult {
    let (secs, tz) = to_secs(it, x, &ConvOpts::default())?;
    let name = tz.unwrap_or_default();
    let z = zone(&name);
    let half = match u.trim_end_matches('s') {
        "sec" => 0.5,
        "min" => 30.0,
        "hour" => 1800.0,
        "day" => 43200.0,
        _ => 0.0,
    };
    let tms: Vec<Option<Tm>> = secs
        .iter()
        .map(|&s| -> EvalResult<Option<Tm>> {
            let mut t = match z.breakdown(if round { s + half } else { s }) {
                Some(t) => t,
                None => return Ok(None),
            };
            if round && (u == "months" || u == "years") {
                // to the nearer start of month or year
                let lo = trunc_tm(&t, u)?;
                let mut hi = lo.clone();
                if u == "months" { hi.mon += 1 } else { hi.year += 1 }
                let (a, b) = (z.to_utc(&lo), z.to_utc(&hi));
                t = if s - a < b - s { lo } else { hi };
            }
            let tt = trunc_tm(&t, u)?;
            let utc = z.to_utc(&tt);
            Ok(z.breakdown(utc))
        })
        .collect::<EvalResult<_>>()?;
    Ok(make_lt(&tms, &z, &name))
}

fn trunc_posixt(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let u = units_choice(&m, "units");
    trunc_round(it, &x, &u, false)
}

fn round_posixt(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let u = units_choice(&m, "digits");
    trunc_round(it, &x, &u, true)
}

fn round_date(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let days: Vec<f64> = x.dbl_vec().iter().map(|d| d.round()).collect();
    Ok(keep_names(&x, make_date(days)))
}

// ---- diff, mean, Summary, c, rep ---------------------------------------------------------

fn lagged(v: &[f64], lag: usize, differences: usize) -> Vec<f64> {
    let mut r = v.to_vec();
    for _ in 0..differences {
        if r.len() <= lag {
            return vec![];
        }
        r = (lag..r.len()).map(|i| r[i] - r[i - lag]).collect();
    }
    r
}

fn diff_time(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let lag = m.get("lag").and_then(|v| v.as_f64()).unwrap_or(1.0).max(1.0) as usize;
    let d = m.get("differences").and_then(|v| v.as_f64()).unwrap_or(1.0).max(1.0) as usize;
    if is_difftime(&x) {
        return Ok(make_difftime(lagged(&x.dbl_vec(), lag, d), &units_of(&x)));
    }
    if is_date(&x) {
        return Ok(make_difftime(lagged(&x.dbl_vec(), lag, d), "days"));
    }
    let (secs, _) = to_secs(it, &x, &ConvOpts::default())?;
    let r = lagged(&secs, lag, d).into_iter().map(|v| if v.is_nan() { na_real() } else { v }).collect();
    difftime_from_secs(r, "auto")
}

/// The value's numbers in its own terms (days, seconds, or its units).
fn numbers(it: &mut Interp, v: &Value, like: &Value) -> EvalResult<Vec<f64>> {
    let o = ConvOpts::default();
    if is_date(like) {
        return crate::builtins::base::dates::to_days(it, v, &o);
    }
    if is_ct(like) {
        return Ok(to_secs(it, v, &o)?.0);
    }
    if is_difftime(v) && is_difftime(like) {
        return Ok(convert_units(v, &units_of(like))?.dbl_vec().to_vec());
    }
    Ok(v.dbl_vec().to_vec())
}

/// A result with `like`'s class (and time zone or units).
fn like_class(like: &Value, vals: Vec<f64>) -> Value {
    let vals: Vec<f64> = vals.into_iter().map(|v| if v.is_nan() { na_real() } else { v }).collect();
    if is_date(like) {
        make_date(vals)
    } else if is_ct(like) {
        make_ct(vals, like.get_attr("tzone").map(|_| tzone(like)).as_deref())
    } else if is_difftime(like) {
        make_difftime(vals, &units_of(like))
    } else {
        Value::dbls(vals)
    }
}

fn mean_time(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let v = numbers(it, &x, &x)?;
    let na_rm = m.dots.iter().any(|(n, v)| {
        n.is_some_and(|n| n.as_str() == "na.rm") && v.as_bool().flatten().unwrap_or(false)
    });
    let v: Vec<f64> = if na_rm { v.into_iter().filter(|x| !x.is_nan()).collect() } else { v };
    let mean = if v.is_empty() {
        f64::NAN
    } else {
        let n = v.len() as f64;
        let mut s = v.iter().sum::<f64>() / n;
        if s.is_finite() {
            s += v.iter().map(|x| x - s).sum::<f64>() / n;
        }
        s
    };
    Ok(like_class(&x, vec![mean]))
}

fn summary_group(it: &mut Interp, m: Matched) -> EvalResult {
    let generic = m.get(".Generic").and_then(|v| v.as_string()).unwrap_or_default();
    let na_rm = m.get("na.rm").and_then(|v| v.as_bool().flatten()).unwrap_or(false);
    let Some(like) = m.dots.iter().map(|(_, v)| v.clone()).find(|v| is_date(v) || is_ct(v) || is_difftime(v)) else {
        return err("invalid 'type' of argument");
    };
    let cls = if is_date(&like) { "Date" } else if is_ct(&like) { "POSIXt" } else { "difftime" };
    let allowed = match cls {
        "difftime" => ["max", "min", "range", "sum"].contains(&generic.as_str()),
        _ => ["max", "min", "range"].contains(&generic.as_str()),
    };
    if !allowed {
        return err(format!("'{}' not defined for \"{}\" objects", generic, cls));
    }
    let mut all = Vec::new();
    for (_, v) in &m.dots {
        all.extend(numbers(it, v, &like)?);
    }
    let has_na = all.iter().any(|x| x.is_nan());
    let vals: Vec<f64> = all.iter().copied().filter(|x| !x.is_nan()).collect();
    let na = has_na && !na_rm;
    let r = match generic.as_str() {
        "sum" => vec![if na { f64::NAN } else { vals.iter().sum() }],
        "min" | "max" | "range" => {
            let lo = vals.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = vals.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            if vals.is_empty() {
                it.warning(format!("no non-missing arguments to {}; returning {}", if generic == "max" { "max" } else { "min" }, if generic == "max" { "-Inf" } else { "Inf" }));
            }
            let (lo, hi) = if na { (f64::NAN, f64::NAN) } else { (lo, hi) };
            match generic.as_str() {
                "min" => vec![lo],
                "max" => vec![hi],
                _ => vec![lo, hi],
            }
        }
        _ => vec![],
    };
    Ok(like_class(&like, r))
}

fn all_numbers(it: &mut Interp, m: &Matched, like: &Value) -> EvalResult<Vec<f64>> {
    let mut all = Vec::new();
    for (_, v) in &m.dots {
        if v.is_null() {
            continue;
        }
        all.extend(numbers(it, v, like)?);
    }
    Ok(all)
}

fn c_date(it: &mut Interp, m: Matched) -> EvalResult {
    let like = make_date(vec![]);
    Ok(like_class(&like, all_numbers(it, &m, &like)?))
}

fn c_posixct(it: &mut Interp, m: Matched) -> EvalResult {
    let tzs: Vec<Option<String>> = m
        .dots
        .iter()
        .filter(|(_, v)| !v.is_null())
        .map(|(_, v)| if is_ct(v) { v.get_attr("tzone").map(|_| tzone(v)) } else { None })
        .collect();
    let tz = match tzs.first() {
        Some(Some(t)) if tzs.iter().all(|x| x.as_deref() == Some(t.as_str())) => Some(t.clone()),
        _ => None,
    };
    let like = make_ct(vec![], None);
    let v = all_numbers(it, &m, &like)?;
    Ok(make_ct(v, tz.as_deref()))
}

fn c_difftime(it: &mut Interp, m: Matched) -> EvalResult {
    let Some(like) = m.dots.iter().map(|(_, v)| v.clone()).find(is_difftime) else {
        return Ok(Value::Null);
    };
    let v = all_numbers(it, &m, &like)?;
    Ok(make_difftime(v, &units_of(&like)))
}

fn rep_time(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let mut bare = x.clone();
    for a in ["class", "tzone", "units"] {
        bare.set_attr(Sym::new(a), Value::Null);
    }
    let f = it.base.get_local(Sym::new("rep")).unwrap_or(Value::Null);
    let mut args = vec![(None, bare)];
    args.extend(m.dots.iter().cloned());
    let r = it.call_value(&f, args)?;
    Ok(crate::value::class::keep_time_class(&x, r))
}

// ---- summary -----------------------------------------------------------------------------

/// The six statistics (and the NA count) of dates or date-times as numbers.
pub fn time_stats(x: &Value) -> (Vec<f64>, usize) {
    let s = crate::builtins::base::summary::summary_value(&Value::dbls(x.dbl_vec().to_vec()), 100);
    let q = s.dbl_vec().to_vec();
    if q.len() > 6 {
        (q[..6].to_vec(), q[6] as usize)
    } else {
        (q, 0)
    }
}

/// The statistics of a Date or POSIXct column as text: rounded to `signif` digits (15 for
/// summary, 12 in summary.data.frame), seconds shown to at most 4 decimals.
pub fn time_stat_text(x: &Value, signif: usize) -> Vec<String> {
    let (q, nas) = time_stats(x);
    let q: Vec<f64> = q.iter().map(|&v| crate::print::summary::signif(v, signif)).collect();
    let mut out: Vec<String> = if is_date(x) {
        format_days(&q, "%Y-%m-%d")
    } else {
        let z = zone(&tzone(x));
        let tms: Vec<Option<Tm>> = q.iter().map(|&s| z.breakdown(s)).collect();
        format_tms(&tms, None, false, 4)
    }
    .into_iter()
    .map(|s| s.map(|s| s.to_string()).unwrap_or_else(|| "NA".into()))
    .collect();
    if nas > 0 {
        out.push(nas.to_string());
    }
    out
}

fn summary_time(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("object")?.clone();
    let mut names: Vec<String> = ["Min.", "1st Qu.", "Median", "Mean", "3rd Qu.", "Max."]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let text = time_stat_text(&x, 15);
    if text.len() > 6 {
        names.push("NA's".into());
    }
    let mut v = Value::strings(&text);
    v.set_attr(Sym::new("names"), Value::strings(&names));
    Ok(v)
}

