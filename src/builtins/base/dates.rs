//! Dates: the "Date" class (days since 1970-01-01), as.Date, Sys.Date, format and print
//! methods, weekdays, months, quarters, julian; and the helpers the date-time files share
//! (class tests, constructors, zones, today's date, cells of data-frame columns).

use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::stats::time::{parse, write, Tm, Zone, DAY};
use crate::syntax::sym::Sym;
use crate::value::{Data, RStr, VType, Value};
use std::rc::Rc;

pub const BUILTINS: &[Builtin] = &[
    declared("as.Date", as_date),
    declared("Sys.Date", sys_date),
    declared("format.Date", format_date),
    declared("as.character.Date", format_date),
    declared("print.Date", print_date),
    declared("weekdays", weekdays),
    declared("months", months),
    declared("quarters", quarters),
    declared("julian", julian),
];

pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("as.Date",
            "as.Date(x, format, tryFormats = c(\"%Y-%m-%d\", \"%Y/%m/%d\"), origin, tz = \"UTC\", optional = FALSE, ...)",
            "Converts to class \"Date\" (days since 1970-01-01): character strings read with format (or the \
             first of tryFormats that reads the first non-NA string), numbers counted from origin, date-times \
             taken as their calendar day in tz."),
        doc("Sys.Date", "Sys.Date()", "Today's date in the session's time zone, as a \"Date\"."),
        doc("format.Date", "format.Date(x, format = \"\", ...)",
            "Writes dates as text with strftime's % codes (default \"%Y-%m-%d\")."),
        doc("as.character.Date", "as.character.Date(x, format = \"\", ...)",
            "Writes dates as text, as format.Date does."),
        doc("print.Date", "print.Date(x, max = NULL, ...)", "Prints dates as quoted text."),
        doc("weekdays", "weekdays(x, abbreviate = FALSE)",
            "The English names of the days of the week of dates or date-times."),
        doc("months", "months(x, abbreviate = FALSE)",
            "The English names of the months of dates or date-times."),
        doc("quarters", "quarters(x, ...)", "The quarters (\"Q1\" to \"Q4\") of dates or date-times."),
        doc("julian", "julian(x, origin = as.Date(\"1970-01-01\"), ...)",
            "Days (for dates) or days with fractions (for date-times) since origin, with the origin as an \
             attribute."),
    ]
};

// ---- shared helpers -------------------------------------------------------------------

pub fn is_date(v: &Value) -> bool {
    v.attrs().is_some() && v.inherits("Date")
}
pub fn is_ct(v: &Value) -> bool {
    v.attrs().is_some() && v.inherits("POSIXct")
}
pub fn is_lt(v: &Value) -> bool {
    v.attrs().is_some() && v.inherits("POSIXlt")
}
pub fn is_difftime(v: &Value) -> bool {
    v.attrs().is_some() && v.inherits("difftime")
}

/// A "Date" vector of days since the epoch.
pub fn make_date(days: Vec<f64>) -> Value {
    let mut v = Value::dbls(days);
    v.set_attr(Sym::new("class"), Value::str("Date"));
    v
}

/// A "POSIXct" vector of seconds since the epoch, with a `tzone` attribute when given.
pub fn make_ct(secs: Vec<f64>, tz: Option<&str>) -> Value {
    let mut v = Value::dbls(secs);
    v.set_attr(Sym::new("class"), Value::strings(&["POSIXct", "POSIXt"]));
    if let Some(tz) = tz {
        v.set_attr(Sym::new("tzone"), Value::str(tz));
    }
    v
}

/// The first element of a value's `tzone` attribute ("" when it has none).
pub fn tzone(v: &Value) -> String {
    v.get_attr("tzone")
        .and_then(|t| t.as_string())
        .unwrap_or_default()
}

/// A `tz` argument as a string ("" when missing or NULL).
pub fn tz_arg(m: &Matched, name: &str) -> String {
    m.get(name).and_then(|v| v.as_string()).unwrap_or_default()
}

/// The zone a `tz` name means ("" is the session's zone; unknown names read as UTC).
pub fn zone(name: &str) -> Zone {
    Zone::find_or_utc(name)
}

/// Today's (year, month, day) in the session's zone.
pub fn today() -> parse::Today {
    let now = now_secs();
    let tm = zone("").breakdown(now).unwrap_or_else(|| Tm::from_local_secs(0.0));
    (tm.full_year(), tm.mon as u32 + 1, tm.mday as u32)
}

/// Seconds since the epoch now.
pub fn now_secs() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
}

/// `getOption("digits.secs")` (0 when unset), at most 6.
pub fn digits_secs(it: &Interp) -> usize {
    it.options
        .iter()
        .find(|(k, _)| k == "digits.secs")
        .and_then(|(_, v)| v.as_f64())
        .filter(|d| d.is_finite() && *d > 0.0)
        .map(|d| (d as usize).min(6))
        .unwrap_or(0)
}

/// A string argument's values (`format =`), or None when missing, NULL or empty.
pub fn formats_arg(v: Option<&Value>) -> Option<Vec<String>> {
    let v = v?;
    if v.is_null() || v.is_empty() {
        return None;
    }
    let s: Vec<String> = v
        .str_vec()
        .iter()
        .map(|s| s.as_deref().unwrap_or("").to_string())
        .collect();
    if s.len() == 1 && s[0].is_empty() {
        return None;
    }
    Some(s)
}

/// Dates written with `fmt` (NA stays NA).
pub fn format_days(days: &[f64], fmt: &str) -> Vec<RStr> {
    days.iter()
        .map(|&d| {
            if !d.is_finite() {
                return None;
            }
            let tm = Tm::from_days(d.floor() as i64);
            let mut tm = tm;
            tm.zone = "UTC".into();
            Some(Rc::from(write::strftime(&tm, fmt, 0).as_str()))
        })
        .collect()
}

/// Copies `names` from `from` onto `to`.
pub fn keep_names(from: &Value, mut to: Value) -> Value {
    if let Some(n) = from.get_attr("names") {
        to.set_attr(Sym::new("names"), n.clone());
    }
    to
}

/// How a Date, POSIXct or difftime column shows in a printed data frame (NA as `<NA>`
/// for dates and times); `None` for other columns.
pub fn frame_cells(c: &Value) -> Option<Vec<String>> {
    if is_difftime(c) {
        return Some(crate::builtins::base::difftime::format_difftime(c, 7));
    }
    let cells = time_text(c)?;
    Some(
        cells
            .into_iter()
            .map(|s| s.map(|s| s.to_string()).unwrap_or_else(|| "<NA>".into()))
            .collect(),
    )
}

/// Dates or date-times as `format(x)` writes them (NA as None); `None` for other values.
pub fn time_text(c: &Value) -> Option<Vec<RStr>> {
    if is_date(c) {
        Some(format_days(&c.dbl_vec(), "%Y-%m-%d"))
    } else if is_ct(c) {
        let z = zone(&tzone(c));
        Some(crate::builtins::base::datetimes::format_secs(&c.dbl_vec(), &z, None, false, 0))
    } else {
        None
    }
}

/// Factor levels for dates or date-times: their distinct values in time order, as text.
pub fn time_levels(c: &Value) -> Option<Vec<RStr>> {
    let text = time_text(c)?;
    let v = c.dbl_vec();
    let mut idx: Vec<usize> = (0..v.len()).filter(|&i| !v[i].is_nan()).collect();
    idx.sort_by(|&a, &b| v[a].partial_cmp(&v[b]).unwrap_or(std::cmp::Ordering::Equal));
    let mut out: Vec<RStr> = Vec::new();
    for i in idx {
        if out.last() != Some(&text[i]) {
            out.push(text[i].clone());
        }
    }
    Some(out)
}

/// Reads strings as R's `charToDate`/`as.POSIXlt.character` do: with `formats` (recycled)
/// when given, else with the first of `try_formats` that reads the first non-NA string
/// (none reading it is R's "not in a standard unambiguous format" error unless `optional`).
pub fn parse_strings(
    s: &[RStr],
    formats: Option<&[String]>,
    try_formats: &[String],
    optional: bool,
) -> EvalResult<Vec<Option<(Tm, Option<i32>)>>> {
    let now = today();
    if let Some(f) = formats {
        return Ok(s
            .iter()
            .enumerate()
            .map(|(i, x)| {
                let x = x.as_deref()?;
                parse::strptime(x, &f[i % f.len()], now)
            })
            .collect());
    }
    let Some(first) = s.iter().flatten().next() else {
        return Ok(vec![None; s.len()]);
    };
    let fmt = try_formats
        .iter()
        .find(|f| parse::strptime(first, f, now).is_some());
    let Some(fmt) = fmt else {
        if optional {
            return Ok(vec![None; s.len()]);
        }
        return err("character string is not in a standard unambiguous format");
    };
    Ok(s.iter()
        .map(|x| parse::strptime(x.as_deref()?, fmt, now))
        .collect())
}

/// A string vector from a value, reading factors by their labels.
pub fn strings_of(v: &Value) -> Vec<RStr> {
    if v.is_factor() {
        crate::value::factor::factor_as_strings(v).str_vec().to_vec()
    } else {
        v.str_vec().to_vec()
    }
}

// ---- Date builtins ------------------------------------------------------------------------

/// What as.Date (and the date-time conversions) read besides `x`.
#[derive(Default)]
pub struct ConvOpts {
    pub tz: Option<String>,
    pub format: Option<Vec<String>>,
    pub try_formats: Option<Vec<String>>,
    pub optional: bool,
    pub origin: Option<Value>,
}

impl ConvOpts {
    /// The options from a call's matched arguments (only formals the builtin declares).
    pub fn from(m: &Matched, names: &[&str]) -> ConvOpts {
        let has = |n: &str| names.contains(&n);
        ConvOpts {
            tz: if has("tz") { m.get("tz").and_then(|v| v.as_string()) } else { None },
            format: if has("format") { formats_arg(m.get("format")) } else { None },
            try_formats: if has("tryFormats") {
                m.get("tryFormats").filter(|v| !v.is_null()).map(|v| {
                    v.str_vec().iter().map(|s| s.as_deref().unwrap_or("").to_string()).collect()
                })
            } else {
                None
            },
            optional: has("optional")
                && m.get("optional").and_then(|v| v.as_bool().flatten()).unwrap_or(false),
            origin: if has("origin") { m.get("origin").filter(|o| !o.is_null()).cloned() } else { None },
        }
    }
}

/// Days since the epoch of each value, for anything as.Date takes.
pub fn to_days(it: &mut Interp, x: &Value, o: &ConvOpts) -> EvalResult<Vec<f64>> {
    if is_date(x) {
        return Ok(x.dbl_vec().to_vec());
    }
    if is_ct(x) {
        let z = zone(o.tz.as_deref().unwrap_or("UTC"));
        return Ok(x
            .dbl_vec()
            .iter()
            .map(|&s| match z.breakdown(s) {
                Some(tm) => tm.days() as f64,
                None => f64::NAN,
            })
            .collect());
    }
    if is_lt(x) {
        let lt = crate::builtins::base::datetimes::lt_fields(x)?;
        return Ok(lt.iter().map(|t| t.as_ref().map(|t| t.days() as f64).unwrap_or(f64::NAN)).collect());
    }
    if matches!(x.vtype(), Some(VType::Str)) || x.is_factor() {
        let s = strings_of(x);
        let default = ["%Y-%m-%d".to_string(), "%Y/%m/%d".to_string()];
        let tries = o.try_formats.as_deref().unwrap_or(&default);
        let parsed = parse_strings(&s, o.format.as_deref(), tries, o.optional)?;
        return Ok(parsed
            .into_iter()
            .map(|p| match p {
                Some((tm, _)) => tm.days() as f64,
                None => f64::NAN,
            })
            .collect());
    }
    match x.data() {
        Some(Data::Lgl(l)) if l.iter().all(|&v| v == crate::value::NA_LGL) => Ok(vec![f64::NAN; l.len()]),
        Some(Data::Dbl(_)) | Some(Data::Int(_)) | Some(Data::Lgl(_)) => {
            let Some(origin) = &o.origin else {
                return err("'origin' must be supplied");
            };
            let od = to_days(it, origin, &ConvOpts::default())?;
            let od = od.first().copied().unwrap_or(f64::NAN);
            Ok(x.dbl_vec().iter().map(|&d| d + od).collect())
        }
        _ => err("do not know how to convert 'x' to class “Date”"),
    }
}

fn as_date(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let o = ConvOpts::from(&m, &["format", "tryFormats", "origin", "tz", "optional"]);
    let days = to_days(it, &x, &o)?;
    let days: Vec<f64> = days
        .into_iter()
        .map(|d| if d.is_nan() { crate::value::na_real() } else { d })
        .collect();
    let r = make_date(days);
    Ok(if x.is_factor() || is_lt(&x) { r } else { keep_names(&x, r) })
}

fn sys_date(_it: &mut Interp, _m: Matched) -> EvalResult {
    let (y, mo, d) = today();
    Ok(make_date(vec![crate::stats::time::calendar::days_from_civil(y, mo, d) as f64]))
}

fn format_date(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?;
    let fmts = formats_arg(m.get("format")).unwrap_or_else(|| vec!["%Y-%m-%d".into()]);
    let days = x.dbl_vec();
    let out: Vec<RStr> = if fmts.len() == 1 {
        format_days(&days, &fmts[0])
    } else {
        let n = days.len().max(fmts.len());
        (0..n)
            .map(|i| format_days(&[days[i % days.len()]], &fmts[i % fmts.len()]).remove(0))
            .collect()
    };
    Ok(keep_names(x, Value::strs(out)))
}

/// Prints formatted text as `print(format(x))` does, or "`what` of length 0".
pub fn print_formatted(it: &mut Interp, x: &Value, text: Value, what: &str) -> EvalResult {
    if x.is_empty() {
        it.write_out(&format!("{} of length 0\n", what));
    } else {
        let s = crate::builtins::base::print::format_default(it, &text, None, true)?;
        it.write_out(&s);
    }
    it.visible = false;
    Ok(x.clone())
}

fn print_date(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let text = keep_names(&x, Value::strs(format_days(&x.dbl_vec(), "%Y-%m-%d")));
    print_formatted(it, &x, text, "Date")
}

/// The local broken-down times of dates or date-times.
fn broken_down(x: &Value) -> EvalResult<Vec<Option<Tm>>> {
    if is_date(x) {
        return Ok(x
            .dbl_vec()
            .iter()
            .map(|&d| d.is_finite().then(|| Tm::from_days(d.floor() as i64)))
            .collect());
    }
    if is_ct(x) {
        let z = zone(&tzone(x));
        return Ok(x.dbl_vec().iter().map(|&s| z.breakdown(s)).collect());
    }
    if is_lt(x) {
        return crate::builtins::base::datetimes::lt_fields(x);
    }
    err("no applicable method for this class: a \"Date\" or \"POSIXt\" object is needed")
}

fn names_of(x: &Value, fmt: impl Fn(&Tm) -> String) -> EvalResult {
    let tms = broken_down(x)?;
    let out: Vec<RStr> = tms
        .iter()
        .map(|t| t.as_ref().map(|t| Rc::from(fmt(t).as_str())))
        .collect();
    Ok(keep_names(x, Value::strs(out)))
}

fn abbreviate(m: &Matched) -> bool {
    m.get("abbreviate").and_then(|v| v.as_bool().flatten()).unwrap_or(false)
}

fn weekdays(_it: &mut Interp, m: Matched) -> EvalResult {
    let f = if abbreviate(&m) { "%a" } else { "%A" };
    names_of(m.req("x")?, |t| write::strftime(t, f, 0))
}

fn months(_it: &mut Interp, m: Matched) -> EvalResult {
    let f = if abbreviate(&m) { "%b" } else { "%B" };
    names_of(m.req("x")?, |t| write::strftime(t, f, 0))
}

fn quarters(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?;
    let tms = broken_down(x)?;
    // R pastes "Q" to the number, so NA becomes "QNA"
    let out: Vec<RStr> = tms
        .iter()
        .map(|t| match t {
            Some(t) => Some(Rc::from(format!("Q{}", t.mon / 3 + 1).as_str())),
            None => Some(Rc::from("QNA")),
        })
        .collect();
    Ok(keep_names(x, Value::strs(out)))
}

fn julian(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    if is_date(&x) {
        let origin = m.get("origin").filter(|o| !o.is_null()).cloned();
        if origin.as_ref().is_some_and(|o| o.len() != 1) {
            return err("'origin' must be of length one");
        }
        // a numeric origin counts in days as it is (R: unclass(x) - unclass(origin))
        let numeric = origin.as_ref().is_some_and(|o| {
            !is_date(o) && matches!(o.vtype(), Some(VType::Dbl) | Some(VType::Int) | Some(VType::Lgl))
        });
        let o0 = match &origin {
            Some(o) if numeric => o.as_f64().unwrap_or(f64::NAN),
            Some(o) => to_days(it, o, &ConvOpts::default())?.first().copied().unwrap_or(0.0),
            None => 0.0,
        };
        let mut r = Value::dbls(x.dbl_vec().iter().map(|d| d - o0).collect());
        let attr = match origin {
            Some(o) if numeric => o,
            _ => make_date(vec![o0]),
        };
        r.set_attr(Sym::new("origin"), attr);
        return Ok(keep_names(&x, r));
    }
    if is_ct(&x) {
        let o = match m.get("origin") {
            Some(o) if is_ct(o) => o.dbl_vec().first().copied().unwrap_or(0.0),
            _ => 0.0,
        };
        let mut r = Value::dbls(x.dbl_vec().iter().map(|s| (s - o) / DAY).collect());
        r.set_attr(Sym::new("units"), Value::str("days"));
        r.set_attr(Sym::new("class"), Value::str("difftime"));
        r.set_attr(Sym::new("origin"), make_ct(vec![o], Some("GMT")));
        return Ok(r);
    }
    err("no applicable method for 'julian' applied to this object")
}

/// A text column read as "Date" or "POSIXct" (read.csv's colClasses).
pub fn convert_column(text: &Value, class: &str) -> EvalResult<Value> {
    let s = text.str_vec().to_vec();
    if class == "Date" {
        let default = ["%Y-%m-%d".to_string(), "%Y/%m/%d".to_string()];
        let days = parse_strings(&s, None, &default, false)?
            .into_iter()
            .map(|p| p.map(|(tm, _)| tm.days() as f64).unwrap_or_else(crate::value::na_real))
            .collect();
        return Ok(make_date(days));
    }
    let o = ConvOpts {
        tz: Some(String::new()),
        ..Default::default()
    };
    let mut secs = Vec::new();
    let z = zone("");
    let tries: Vec<String> = [
        "%Y-%m-%d %H:%M:%OS",
        "%Y/%m/%d %H:%M:%OS",
        "%Y-%m-%d %H:%M",
        "%Y/%m/%d %H:%M",
        "%Y-%m-%d",
        "%Y/%m/%d",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for p in parse_strings(&s, None, &tries, o.optional)? {
        secs.push(match p {
            Some((tm, Some(off))) => tm.local_secs() - off as f64,
            Some((tm, None)) => z.to_utc(&tm),
            None => crate::value::na_real(),
        });
    }
    Ok(make_ct(secs, Some("")))
}

#[cfg(test)]
#[path = "dates_tests.rs"]
mod tests;
