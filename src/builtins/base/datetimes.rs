//! Date-times: "POSIXct" (seconds since the epoch with a `tzone`) and "POSIXlt" (R's list
//! of broken-down fields): as.POSIXct, as.POSIXlt, strptime, strftime, their format and
//! print methods, ISOdate, ISOdatetime, OlsonNames, Sys.timezone.

use crate::builtins::base::dates::{
    digits_secs, format_days, formats_arg, is_ct, is_date, is_lt, keep_names, make_ct,
    parse_strings, print_formatted, strings_of, tzone, zone, ConvOpts,
};
use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::stats::time::{calendar, write, Tm, Zone, DAY};
use crate::syntax::sym::Sym;
use crate::value::{na_real, Data, RStr, VType, Value, NA_INT};
use std::rc::Rc;

pub const BUILTINS: &[Builtin] = &[
    declared("as.POSIXct", as_posixct),
    declared("as.POSIXlt", as_posixlt),
    declared("strptime", strptime),
    declared("strftime", strftime),
    declared("format.POSIXct", format_posixct),
    declared("format.POSIXlt", format_posixlt),
    declared("as.character.POSIXt", as_character_posixt),
    declared("print.POSIXct", print_posixct),
    declared("print.POSIXlt", print_posixct),
    declared("ISOdatetime", iso_datetime),
    declared("ISOdate", iso_date),
    declared("OlsonNames", olson_names),
    declared("Sys.timezone", sys_timezone),
];

pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("as.POSIXct", "as.POSIXct(x, tz = \"\", format, tryFormats, origin, ...)",
            "Converts to a date-time: seconds since 1970-01-01 UTC with class c(\"POSIXct\", \"POSIXt\") and \
             the time zone tz (\"\" is the session's) as its tzone attribute. Text is read as clock time in tz \
             with format or the first of tryFormats that reads it."),
        doc("as.POSIXlt", "as.POSIXlt(x, tz = \"\", format, tryFormats, origin, ...)",
            "Converts to the broken-down form: a list of sec, min, hour, mday, mon (from 0), year (from 1900), \
             wday, yday, isdst, zone and gmtoff, in the time zone tz."),
        doc("strptime", "strptime(x, format, tz = \"\")",
            "Reads date-times from text with format's % codes; gives a \"POSIXlt\" (NA where the text does not \
             fit)."),
        doc("strftime", "strftime(x, format = \"\", tz = \"\", usetz = FALSE, ...)",
            "Writes date-times as text with format's % codes in time zone tz."),
        doc("format.POSIXct", "format.POSIXct(x, format = \"\", tz = \"\", usetz = FALSE, ...)",
            "Writes date-times as text: by default \"%Y-%m-%d %H:%M:%S\", or the date alone when every time is \
             midnight; usetz adds the zone's abbreviation."),
        doc("format.POSIXlt", "format.POSIXlt(x, format = \"\", usetz = FALSE, ...)",
            "Writes broken-down date-times as text, as format.POSIXct does."),
        doc("as.character.POSIXt", "as.character.POSIXt(x, ...)", "Date-times as text, as format does."),
        doc("print.POSIXct", "print.POSIXct(x, tz = \"\", usetz = TRUE, max = NULL, ...)",
            "Prints date-times as quoted text with their zone abbreviation."),
        doc("print.POSIXlt", "print.POSIXlt(x, tz = \"\", usetz = TRUE, max = NULL, ...)",
            "Prints broken-down date-times as print.POSIXct does."),
        doc("ISOdatetime", "ISOdatetime(year, month, day, hour, min, sec, tz = \"\")",
            "The date-times with these fields in time zone tz (NA for impossible dates)."),
        doc("ISOdate", "ISOdate(year, month, day, hour = 12, min = 0, sec = 0, tz = \"GMT\")",
            "As ISOdatetime, with noon GMT as the default time."),
        doc("OlsonNames", "OlsonNames(tzdir = NULL)",
            "The names of the time zones in the IANA database rsc carries."),
        doc("Sys.timezone", "Sys.timezone(location = TRUE)",
            "The system's time zone name (the TZ environment variable does not change it)."),
    ]
};

const CT_FORMATS: [&str; 6] = [
    "%Y-%m-%d %H:%M:%OS",
    "%Y/%m/%d %H:%M:%OS",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M",
    "%Y-%m-%d",
    "%Y/%m/%d",
];

const LT_FIELDS: [&str; 11] = [
    "sec", "min", "hour", "mday", "mon", "year", "wday", "yday", "isdst", "zone", "gmtoff",
];

/// The default format for broken-down times: the date alone when every time is midnight,
/// else with seconds (and `np` decimals of them).
fn auto_format(tms: &[Option<Tm>], digits: usize) -> String {
    let mut np = digits;
    for i in 0..digits {
        let p = 10f64.powi(i as i32);
        if tms.iter().flatten().all(|t| (t.sec - (t.sec * p).round() / p).abs() < 1e-6) {
            np = i;
            break;
        }
    }
    let any = tms.iter().flatten().next().is_some();
    if any && tms.iter().flatten().all(|t| t.hour == 0 && t.min == 0 && t.sec == 0.0) {
        return "%Y-%m-%d".into();
    }
    if np == 0 {
        "%Y-%m-%d %H:%M:%S".into()
    } else {
        format!("%Y-%m-%d %H:%M:%OS{}", np)
    }
}

/// Broken-down times written with `fmt` (or the default), with the zone abbreviation when
/// `usetz`.
pub fn format_tms(tms: &[Option<Tm>], fmt: Option<&[String]>, usetz: bool, digits: usize) -> Vec<RStr> {
    let auto;
    let fmts: &[String] = match fmt {
        Some(f) => f,
        None => {
            auto = [auto_format(tms, digits)];
            &auto
        }
    };
    let n = if tms.is_empty() { 0 } else { tms.len().max(fmts.len()) };
    (0..n)
        .map(|i| {
            let t = tms[i % tms.len()].as_ref()?;
            let mut s = write::strftime(t, &fmts[i % fmts.len()], digits);
            if usetz && !t.zone.is_empty() {
                s.push(' ');
                s.push_str(&t.zone);
            }
            Some(Rc::from(s.as_str()))
        })
        .collect()
}

/// Date-times (seconds) written in `zone`.
pub fn format_secs(secs: &[f64], z: &Zone, fmt: Option<&[String]>, usetz: bool, digits: usize) -> Vec<RStr> {
    let tms: Vec<Option<Tm>> = secs.iter().map(|&s| z.breakdown(s)).collect();
    format_tms(&tms, fmt, usetz, digits)
}

/// The fields of a POSIXlt, one broken-down time per element (None where NA).
pub fn lt_fields(x: &Value) -> EvalResult<Vec<Option<Tm>>> {
    let items = x.list_vec();
    let names = x.names().unwrap_or_default();
    let get = |n: &str| -> Option<Value> {
        names
            .iter()
            .position(|s| s.as_deref() == Some(n))
            .and_then(|i| items.get(i).cloned())
    };
    let sec = get("sec").map(|v| v.dbl_vec().to_vec()).unwrap_or_default();
    let int = |n: &str| get(n).map(|v| v.coerce(VType::Int).int_vec().to_vec()).unwrap_or_default();
    let (min, hour, mday, mon, year) = (int("min"), int("hour"), int("mday"), int("mon"), int("year"));
    let isdst = int("isdst");
    let gmtoff = int("gmtoff");
    // without a zone field (UTC), the zone is the tzone's name
    let zones = get("zone")
        .map(|v| v.str_vec().to_vec())
        .unwrap_or_else(|| vec![Some(Rc::from(tzone(x).as_str()))]);
    let n = [sec.len(), min.len(), hour.len(), mday.len(), mon.len(), year.len()]
        .into_iter()
        .max()
        .unwrap_or(0);
    if [min.len(), hour.len(), mday.len(), mon.len(), year.len()].contains(&0) && n > 0 {
        return err("invalid 'x' argument: a \"POSIXlt\" needs sec, min, hour, mday, mon and year");
    }
    let at = |v: &Vec<i32>, i: usize| if v.is_empty() { 0 } else { v[i % v.len()] };
    Ok((0..n)
        .map(|i| {
            let s = if sec.is_empty() { 0.0 } else { sec[i % sec.len()] };
            let f = [at(&min, i), at(&hour, i), at(&mday, i), at(&mon, i), at(&year, i)];
            if !s.is_finite() || f.contains(&NA_INT) {
                return None;
            }
            let days = calendar::days_normalized(f[4] as i64 + 1900, f[3] as i64, f[2] as i64);
            let mut tm = Tm::from_local_secs(days as f64 * DAY + f[1] as f64 * 3600.0 + f[0] as f64 * 60.0 + s);
            tm.isdst = if isdst.is_empty() { -1 } else { at(&isdst, i) };
            tm.gmtoff = if gmtoff.is_empty() || at(&gmtoff, i) == NA_INT { None } else { Some(at(&gmtoff, i)) };
            tm.zone = if zones.is_empty() {
                String::new()
            } else {
                zones[i % zones.len()].as_deref().unwrap_or("").to_string()
            };
            Some(tm)
        })
        .collect())
}

/// A POSIXlt from broken-down times in zone `z` named `tzname`.
pub fn make_lt(tms: &[Option<Tm>], z: &Zone, tzname: &str) -> Value {
    let n = tms.len();
    let int = |f: &dyn Fn(&Tm) -> i32| -> Value {
        Value::ints(tms.iter().map(|t| t.as_ref().map(f).unwrap_or(NA_INT)).collect())
    };
    // R leaves out zone and gmtoff only for zones named UTC or GMT
    let utc = z.is_utc() && (tzname == "UTC" || tzname == "GMT");
    let mut items = vec![
        Value::dbls(tms.iter().map(|t| t.as_ref().map(|t| t.sec).unwrap_or_else(na_real)).collect()),
        int(&|t| t.min),
        int(&|t| t.hour),
        int(&|t| t.mday),
        int(&|t| t.mon),
        int(&|t| t.year),
        int(&|t| t.wday),
        int(&|t| t.yday),
        Value::ints(tms.iter().map(|t| t.as_ref().map(|t| t.isdst).unwrap_or(-1)).collect()),
    ];
    let mut names: Vec<&str> = LT_FIELDS[..9].to_vec();
    if !utc {
        items.push(Value::strs(
            tms.iter()
                .map(|t| Some(Rc::from(t.as_ref().map(|t| t.zone.as_str()).unwrap_or(""))))
                .collect(),
        ));
        items.push(int(&|t| t.gmtoff.unwrap_or(NA_INT)));
        names.extend(&LT_FIELDS[9..]);
    }
    let _ = n;
    let mut v = Value::list(items);
    v.set_attr(Sym::new("names"), Value::strings(&names));
    v.set_attr(Sym::new("class"), Value::strings(&["POSIXlt", "POSIXt"]));
    let tzv = if z.is_utc() {
        Value::str(tzname)
    } else {
        let year = tms.iter().flatten().next().map(|t| t.full_year() as i32).unwrap_or(2000);
        let (std, dst) = z.abbrevs(year);
        Value::strings(&[tzname.to_string(), std, dst])
    };
    v.set_attr(Sym::new("tzone"), tzv);
    v
}

/// Seconds since the epoch for anything as.POSIXct takes, read in zone `tz`; also the
/// time zone the result carries (None: no tzone attribute).
pub fn to_secs(it: &mut Interp, x: &Value, o: &ConvOpts) -> EvalResult<(Vec<f64>, Option<String>)> {
    let tz = o.tz.clone();
    if is_ct(x) {
        let keep = tz.or_else(|| x.get_attr("tzone").map(|_| tzone(x)));
        return Ok((x.dbl_vec().to_vec(), keep));
    }
    if is_date(x) {
        return Ok((x.dbl_vec().iter().map(|d| d * DAY).collect(), tz));
    }
    if is_lt(x) {
        let name = tz.clone().unwrap_or_else(|| tzone(x));
        let z = zone(&name);
        let secs = lt_fields(x)?
            .iter()
            .map(|t| t.as_ref().map(|t| z.to_utc(t)).unwrap_or(f64::NAN))
            .collect();
        return Ok((secs, Some(name)));
    }
    let name = tz.clone().unwrap_or_default();
    if matches!(x.vtype(), Some(VType::Str)) || x.is_factor() {
        let z = zone(&name);
        let s = strings_of(x);
        let default: Vec<String> = CT_FORMATS.iter().map(|s| s.to_string()).collect();
        let tries = o.try_formats.as_deref().unwrap_or(&default);
        let parsed = parse_strings(&s, o.format.as_deref(), tries, o.optional)?;
        let secs = parsed
            .into_iter()
            .map(|p| match p {
                Some((tm, Some(off))) => tm.local_secs() - off as f64,
                Some((tm, None)) => z.to_utc(&tm),
                None => f64::NAN,
            })
            .collect();
        return Ok((secs, Some(name)));
    }
    match x.data() {
        Some(Data::Lgl(l)) if l.iter().all(|&v| v == crate::value::NA_LGL) => {
            Ok((vec![f64::NAN; l.len()], Some(name)))
        }
        Some(Data::Dbl(_)) | Some(Data::Int(_)) | Some(Data::Lgl(_)) => {
            let Some(origin) = &o.origin else {
                return err("'origin' must be supplied");
            };
            let oo = ConvOpts {
                tz: Some("GMT".into()),
                ..Default::default()
            };
            let (os, _) = to_secs(it, origin, &oo)?;
            let o0 = os.first().copied().unwrap_or(f64::NAN);
            Ok((x.dbl_vec().iter().map(|&s| s + o0).collect(), Some(name)))
        }
        _ => err("do not know how to convert 'x' to class “POSIXct”"),
    }
}

fn nan_to_na(v: Vec<f64>) -> Vec<f64> {
    v.into_iter().map(|d| if d.is_nan() { na_real() } else { d }).collect()
}

const CONV: [&str; 5] = ["tz", "format", "tryFormats", "origin", "optional"];

fn as_posixct(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let mut o = ConvOpts::from(&m, &CONV[..4]);
    if is_ct(&x) && !m.has("tz") {
        o.tz = None;
    }
    let (secs, tz) = to_secs(it, &x, &o)?;
    let r = make_ct(nan_to_na(secs), tz.as_deref());
    Ok(if is_lt(&x) || x.is_factor() { r } else { keep_names(&x, r) })
}

/// A POSIXlt of `x` in zone `tz` (None: `x`'s own).
pub fn to_lt(it: &mut Interp, x: &Value, o: &ConvOpts) -> EvalResult {
    if is_lt(x) && o.tz.is_none() {
        return Ok(x.clone());
    }
    let (secs, keep) = to_secs(it, x, o)?;
    // dates break down in UTC, as R's as.POSIXlt.Date does
    let name = if is_date(x) {
        "UTC".to_string()
    } else {
        o.tz.clone().or(keep).unwrap_or_default()
    };
    let z = zone(&name);
    let tms: Vec<Option<Tm>> = secs.iter().map(|&s| z.breakdown(s)).collect();
    Ok(make_lt(&tms, &z, &name))
}

fn as_posixlt(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let mut o = ConvOpts::from(&m, &CONV[..4]);
    if !m.has("tz") {
        o.tz = if is_ct(&x) || is_lt(&x) || is_date(&x) { None } else { Some(String::new()) };
    }
    to_lt(it, &x, &o)
}

fn strptime(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let Some(f) = formats_arg(m.get("format")) else {
        return err("argument \"format\" is missing, with no default");
    };
    let o = ConvOpts {
        tz: Some(m.get("tz").and_then(|v| v.as_string()).unwrap_or_default()),
        format: Some(f),
        ..Default::default()
    };
    let x = if matches!(x.vtype(), Some(VType::Str)) { x } else { Value::strs(strings_of(&x)) };
    to_lt(it, &x, &o)
}

/// The broken-down times of a date-time (or date) value and whether a format was given.
fn tms_of(it: &mut Interp, x: &Value, tz: Option<String>) -> EvalResult<Vec<Option<Tm>>> {
    let o = ConvOpts {
        tz,
        ..Default::default()
    };
    let lt = to_lt(it, x, &o)?;
    lt_fields(&lt)
}

fn usetz(m: &Matched, default: bool) -> bool {
    m.get("usetz").and_then(|v| v.as_bool().flatten()).unwrap_or(default)
}

fn strftime(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let tz = m.get("tz").and_then(|v| v.as_string()).filter(|s| !s.is_empty());
    let x = if matches!(x.vtype(), Some(VType::Str)) {
        to_lt(it, &x, &ConvOpts { tz: Some(String::new()), ..Default::default() })?
    } else {
        x
    };
    let tms = tms_of(it, &x, tz)?;
    let fmt = formats_arg(m.get("format"));
    let out = format_tms(&tms, fmt.as_deref(), usetz(&m, false), digits_secs(it));
    Ok(keep_names(&x, Value::strs(out)))
}

fn format_posixct(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let tz = m.get("tz").and_then(|v| v.as_string()).filter(|s| !s.is_empty());
    let name = tz.unwrap_or_else(|| tzone(&x));
    let fmt = formats_arg(m.get("format"));
    let out = format_secs(&x.dbl_vec(), &zone(&name), fmt.as_deref(), usetz(&m, false), digits_secs(it));
    Ok(keep_names(&x, Value::strs(out)))
}

fn format_posixlt(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let tms = lt_fields(&x)?;
    let fmt = formats_arg(m.get("format"));
    Ok(Value::strs(format_tms(&tms, fmt.as_deref(), usetz(&m, false), digits_secs(it))))
}

fn as_character_posixt(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let tms = tms_of(it, &x, None)?;
    Ok(keep_names(&x, Value::strs(format_tms(&tms, None, false, digits_secs(it)))))
}

fn print_posixct(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let tz = m.get("tz").and_then(|v| v.as_string()).filter(|s| !s.is_empty());
    let tms = tms_of(it, &x, tz)?;
    let text = Value::strs(format_tms(&tms, None, usetz(&m, true), digits_secs(it)));
    let text = if is_lt(&x) { text } else { keep_names(&x, text) };
    let what = if is_lt(&x) { "POSIXlt" } else { "POSIXct" };
    let n = tms.len();
    if n == 0 {
        it.write_out(&format!("{} of length 0\n", what));
        it.visible = false;
        return Ok(x);
    }
    print_formatted(it, &x, text, what)
}

/// Numbers recycled to the longest argument.
fn recycled(vals: &[Vec<f64>]) -> usize {
    if vals.iter().any(|v| v.is_empty()) {
        0
    } else {
        vals.iter().map(|v| v.len()).max().unwrap_or(0)
    }
}

fn iso(m: &Matched, tz: &str, defaults: [f64; 3]) -> EvalResult {
    let num = |n: &str, d: Option<f64>| -> EvalResult<Vec<f64>> {
        match (m.get(n), d) {
            (Some(v), _) => Ok(v.dbl_vec().to_vec()),
            (None, Some(d)) => Ok(vec![d]),
            (None, None) => err(format!("argument \"{}\" is missing, with no default", n)),
        }
    };
    let f = [
        num("year", None)?,
        num("month", None)?,
        num("day", None)?,
        num("hour", Some(defaults[0]))?,
        num("min", Some(defaults[1]))?,
        num("sec", Some(defaults[2]))?,
    ];
    let n = recycled(&f);
    let z = zone(tz);
    let secs = (0..n)
        .map(|i| {
            let v: Vec<f64> = f.iter().map(|x| x[i % x.len()]).collect();
            if v.iter().any(|x| !x.is_finite()) {
                return na_real();
            }
            let (y, mo, d) = (v[0] as i64, v[1] as i64, v[2] as i64);
            if !(1..=12).contains(&mo) || d < 1 || d > calendar::days_in_month(y, mo as u32) as i64 {
                return na_real();
            }
            if !(0.0..=24.0).contains(&v[3]) || !(0.0..=59.0).contains(&v[4]) || !(0.0..=61.0).contains(&v[5]) {
                return na_real();
            }
            let days = calendar::days_from_civil(y, mo as u32, d as u32);
            let mut tm = Tm::from_days(days);
            tm.hour = v[3] as i32;
            tm.min = v[4] as i32;
            tm.sec = v[5];
            tm.isdst = -1;
            z.to_utc(&tm)
        })
        .collect();
    Ok(make_ct(secs, Some(tz)))
}

fn iso_datetime(_it: &mut Interp, m: Matched) -> EvalResult {
    if let Some(miss) = ["hour", "min", "sec"].into_iter().find(|n| !m.has(n)) {
        return err(format!("argument \"{}\" is missing, with no default", miss));
    }
    let tz = m.get("tz").and_then(|v| v.as_string()).unwrap_or_default();
    iso(&m, &tz, [0.0; 3])
}

fn iso_date(_it: &mut Interp, m: Matched) -> EvalResult {
    let tz = m.get("tz").and_then(|v| v.as_string()).unwrap_or_else(|| "GMT".into());
    iso(&m, &tz, [12.0, 0.0, 0.0])
}

fn olson_names(_it: &mut Interp, _m: Matched) -> EvalResult {
    Ok(Value::strings(&crate::stats::time::zone::names()))
}

fn sys_timezone(_it: &mut Interp, _m: Matched) -> EvalResult {
    Ok(Value::str(&crate::stats::time::zone::system_name()))
}

/// Text for dates and date-times, as `format(x)` gives it (used by str and summary).
pub fn format_plain(it: &mut Interp, x: &Value) -> EvalResult<Vec<RStr>> {
    if is_date(x) {
        return Ok(format_days(&x.dbl_vec(), "%Y-%m-%d"));
    }
    let tms = tms_of(it, x, None)?;
    Ok(format_tms(&tms, None, false, digits_secs(it)))
}
