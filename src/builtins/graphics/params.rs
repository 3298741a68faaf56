//! `par`, `layout`, `plot.new`, `plot.window`, `axTicks`, `strwidth`, and base's `pretty`.

use crate::builtins::grDevices::{colors::colors_of, current_slot};
use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::graphics::engine::Layout;
use crate::graphics::metrics::str_width;
use crate::graphics::par::READ_ONLY;
use crate::graphics::pretty::{self, PrettyOpts};
use crate::value::{Data, Value};

pub const BUILTINS: &[Builtin] = &[
    declared("par", par),
    declared("layout", layout),
    declared("plot.new", plot_new),
    declared("frame", plot_new),
    declared("plot.window", plot_window),
    declared("axTicks", ax_ticks),
    declared("axisTicks", axis_ticks),
    declared("strwidth", strwidth),
    declared("strheight", strheight),
    declared("pretty", pretty_fn),
    declared(".hist_counts", hist_counts),
];

pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("par", "par(..., no.readonly = FALSE)", "Queries or sets graphical parameters; setting returns the old values invisibly."),
        doc("layout", "layout(mat, widths = rep.int(1, ncol(mat)), heights = rep.int(1, nrow(mat)), respect = FALSE)", "Splits the page into figures as numbered in `mat`; returns the number of figures invisibly."),
        doc("plot.new", "plot.new()", "Starts a new plot: the next figure, or a new page."),
        doc("frame", "frame()", "Starts a new plot (as plot.new)."),
        doc("plot.window", "plot.window(xlim, ylim, log = \"\", asp = NA, ...)", "Sets the user coordinates of the plot region (par(\"usr\")) from the axis limits, extended by 4% for axis style \"r\"."),
        doc("axisTicks", "axisTicks(usr, log, axp = NULL, nint = 5)", "Tick positions for an axis over the user range usr (log10 units when log is TRUE), without reference to a device."),
        doc("axTicks", "axTicks(side, axp = NULL, usr = NULL, log = NULL, nintLog = NULL)", "The tick positions axis() would draw on a side."),
        doc("strwidth", "strwidth(s, units = \"user\", cex = NULL, font = NULL, vfont = NULL, ...)", "Widths of strings in user coordinates, inches or figure units (Helvetica metrics)."),
        doc("strheight", "strheight(s, units = \"user\", cex = NULL, font = NULL, vfont = NULL, ...)", "Heights of strings (the height of a capital M, plus a line height per further line) in user coordinates, inches or figure units."),
        doc("pretty", "pretty(x, n = 5, min.n = n %/% 3, shrink.sml = 0.75, high.u.bias = 1.5, u5.bias = 0.5 + 1.5 * high.u.bias, eps.correct = 0, ...)", "About n + 1 equally spaced round values covering the range of x."),
        doc(".hist_counts", ".hist_counts(x, breaks, right = TRUE, include.lowest = TRUE)", "Counts of x in the intervals of breaks (R's BinCount); hist() fuzzes the breaks first."),
    ]
};

fn setting_cex_for(nr: usize, nc: usize) -> f64 {
    if nr >= 3 || nc >= 3 {
        0.66
    } else if nr == 2 && nc == 2 {
        0.83
    } else {
        1.0
    }
}

/// Sets one parameter on the current device, with the side effects R gives it.
fn set_par(it: &mut Interp, name: &str, v: Value) -> EvalResult<()> {
    if READ_ONLY.contains(&name) {
        it.warning(format!("graphical parameter \"{}\" cannot be set", name));
        return Ok(());
    }
    let v = match name {
        "col" | "bg" | "fg" | "col.axis" | "col.lab" | "col.main" | "col.sub" => {
            colors_of(it, &v)?;
            v
        }
        _ => v,
    };
    let slot = current_slot(it)?;
    match name {
        "mfrow" | "mfcol" => {
            let d = v.dbl_vec();
            if d.len() != 2 || d.iter().any(|x| !(*x >= 1.0)) {
                return err(format!("invalid value specified for graphical parameter \"{}\"", name));
            }
            let (nr, nc) = (d[0] as usize, d[1] as usize);
            slot.layout = Layout::grid(nr, nc, name == "mfrow");
            slot.figure = None;
            slot.par.put("cex", Value::num(setting_cex_for(nr, nc)));
            slot.par.put(name, Value::ints(vec![nr as i32, nc as i32]));
            slot.par.put(if name == "mfrow" { "mfcol" } else { "mfrow" }, Value::ints(vec![nr as i32, nc as i32]));
            slot.par.put("mex", Value::num(1.0));
        }
        "mai" | "omi" => {
            let lh = crate::graphics::engine::line_height(&slot.par) / 72.0;
            let lines: Vec<f64> = v.dbl_vec().iter().map(|x| x / lh).collect();
            slot.par.set_nums(if name == "mai" { "mar" } else { "oma" }, &lines);
        }
        "omd" => {
            let d = v.dbl_vec();
            if d.len() != 4 || d.iter().any(|x| !(0.0..=1.0).contains(x)) {
                return err("invalid value specified for graphical parameter \"omd\"");
            }
            let lh = crate::graphics::engine::line_height(&slot.par);
            let (w, h) = slot.dev.size();
            slot.par.set_nums("oma", &[d[2] * h / lh, d[0] * w / lh, (1.0 - d[3]) * h / lh, (1.0 - d[1]) * w / lh]);
        }
        "usr" => {
            let u = v.dbl_vec();
            if u.len() != 4 {
                return err("invalid value specified for graphical parameter \"usr\"");
            }
            slot.par.put("usr", Value::dbls(u.to_vec()));
            slot.set_cxy();
        }
        "ask" | "family" | "lend" | "ljoin" | "lmitre" | "smo" | "mkh" | "lheight" | "err" => {
            slot.par.put(name, v);
        }
        _ => {
            if !slot.par.put(name, v) {
                it.warning(format!("\"{}\" is not a graphical parameter", name));
            }
        }
    }
    if let Some(slot) = crate::builtins::grDevices::gfx(it).current() {
        if ["mar", "mai", "oma", "omi", "omd", "pty", "mex", "cex", "mfrow", "mfcol"].contains(&name) {
            slot.update_regions();
        }
    }
    Ok(())
}

fn par(it: &mut Interp, m: Matched) -> EvalResult {
    let mut queries: Vec<String> = Vec::new();
    let mut sets: Vec<(String, Value)> = Vec::new();
    for (n, v) in &m.dots {
        match n {
            Some(n) => sets.push((n.as_str().to_string(), v.clone())),
            None => match v {
                Value::Null => {}
                v if matches!(v.data(), Some(Data::List(_))) => {
                    let names = v.names().unwrap_or_default();
                    for (i, x) in v.list_vec().iter().enumerate() {
                        if let Some(Some(k)) = names.get(i) {
                            sets.push((k.to_string(), x.clone()));
                        }
                    }
                }
                v => queries.extend(v.as_strings().unwrap_or_default()),
            },
        }
    }
    let no_ro = m.get("no.readonly").and_then(|v| v.as_bool().flatten()).unwrap_or(false);
    let slot = current_slot(it)?;
    if sets.is_empty() && queries.is_empty() {
        let names: Vec<&str> = slot.par.names().into_iter().filter(|n| !(no_ro && READ_ONLY.contains(n))).collect();
        let items = names.iter().map(|n| (n.to_string(), slot.par.get(n).cloned().unwrap_or(Value::Null))).collect();
        return Ok(Value::named_list(items));
    }
    if sets.is_empty() {
        if queries.len() == 1 {
            return Ok(slot.par.get(&queries[0]).cloned().unwrap_or(Value::Null));
        }
        let items = queries.iter().map(|n| (n.clone(), slot.par.get(n).cloned().unwrap_or(Value::Null))).collect();
        return Ok(Value::named_list(items));
    }
    let old: Vec<(String, Value)> =
        sets.iter().map(|(n, _)| (n.clone(), slot.par.get(n).cloned().unwrap_or(Value::Null))).collect();
    for (n, v) in sets {
        set_par(it, &n, v)?;
    }
    it.visible = false;
    Ok(Value::named_list(old))
}

fn layout(it: &mut Interp, m: Matched) -> EvalResult {
    let mat = m.req("mat")?.clone();
    let vals: Vec<i64> = mat.dbl_vec().iter().map(|x| *x as i64).collect();
    let (nr, nc) = match mat.dim() {
        Some(d) if d.len() == 2 => (d[0], d[1]),
        _ => (vals.len(), 1),
    };
    let nfig = vals.iter().copied().max().unwrap_or(0).max(0) as usize;
    let mut cells = Vec::new();
    for k in 1..=nfig {
        let mut b: Option<(usize, usize, usize, usize)> = None;
        for c in 0..nc {
            for r in 0..nr {
                if vals[c * nr + r] == k as i64 {
                    b = Some(match b {
                        None => (r, r, c, c),
                        Some((r0, r1, c0, c1)) => (r0.min(r), r1.max(r), c0.min(c), c1.max(c)),
                    });
                }
            }
        }
        match b {
            Some(b) => cells.push(b),
            None => return err("layout matrix must contain at least one reference\n  to each of the values {1 ... 1}"),
        }
    }
    let widths = m.get("widths").map(|v| v.dbl_vec().to_vec()).filter(|v| v.len() == nc).unwrap_or(vec![1.0; nc]);
    let heights = m.get("heights").map(|v| v.dbl_vec().to_vec()).filter(|v| v.len() == nr).unwrap_or(vec![1.0; nr]);
    let slot = current_slot(it)?;
    slot.layout = Layout { widths, heights, cells };
    slot.figure = None;
    slot.par.put("cex", Value::num(setting_cex_for(nr, nc)));
    it.visible = false;
    Ok(Value::int(nfig as i32))
}

fn plot_new(it: &mut Interp, _m: Matched) -> EvalResult {
    let slot = current_slot(it)?;
    slot.new_plot();
    slot.par.set_nums("usr", &[0.0, 1.0, 0.0, 1.0]);
    slot.clip(Some(false));
    it.visible = false;
    Ok(Value::Null)
}

fn range_of(v: &Value) -> Option<(f64, f64)> {
    let d = v.dbl_vec();
    if d.len() < 2 || !d[0].is_finite() || !d[1].is_finite() {
        return None;
    }
    Some((d[0], d[1]))
}

fn plot_window(it: &mut Interp, m: Matched) -> EvalResult {
    let Some(xlim) = range_of(m.req("xlim")?) else {
        return err("need finite 'xlim' values");
    };
    let Some(ylim) = range_of(m.req("ylim")?) else {
        return err("need finite 'ylim' values");
    };
    let log = m.get("log").and_then(|v| v.as_string()).unwrap_or_default();
    let asp = m.get("asp").and_then(|v| v.as_f64()).unwrap_or(f64::NAN);
    let (xs, ys) = (m.opt("xaxs").and_then(|v| v.as_string()), m.opt("yaxs").and_then(|v| v.as_string()));
    let slot = current_slot(it)?;
    let saved = (slot.par.string("xaxs"), slot.par.string("yaxs"));
    if let Some(x) = xs {
        slot.par.put("xaxs", Value::str(&x));
    }
    if let Some(y) = ys {
        slot.par.put("yaxs", Value::str(&y));
    }
    if (log.contains('x') && xlim.0.min(xlim.1) <= 0.0) || (log.contains('y') && ylim.0.min(ylim.1) <= 0.0) {
        return err("Logarithmic axis must have positive limits");
    }
    slot.plot_window(xlim, ylim, log.contains('x'), log.contains('y'), asp);
    slot.par.put("xaxs", Value::str(&saved.0));
    slot.par.put("yaxs", Value::str(&saved.1));
    it.visible = false;
    Ok(Value::Null)
}

fn axp3(v: &[f64]) -> Option<[f64; 3]> {
    (v.len() == 3).then(|| [v[0], v[1], v[2]])
}

/// The ticks of an axis side as `axis()` draws them: R's `CreateAtVector` over the current
/// `usr` and `xaxp`/`yaxp`, with `par("lab")` intervals.
pub fn side_ticks(it: &mut Interp, side: i32) -> EvalResult<Vec<f64>> {
    let slot = current_slot(it)?;
    let u = slot.usr();
    let horizontal = side == 1 || side == 3;
    let log = slot.par.flag(if horizontal { "xlog" } else { "ylog" });
    let (lo, hi) = if horizontal { (u[0], u[1]) } else { (u[2], u[3]) };
    let lab = slot.par.nums("lab");
    let nint = lab.get(if horizontal { 0 } else { 1 }).copied().unwrap_or(5.0).max(1.0) as usize;
    let axp = axp3(&slot.par.nums(if horizontal { "xaxp" } else { "yaxp" })).unwrap_or_else(|| pretty::axis_pars(lo, hi, nint, log));
    let (a, b) = if log { (10f64.powf(lo), 10f64.powf(hi)) } else { (lo, hi) };
    Ok(pretty::create_at(axp, a, b, nint, log))
}

/// `axTicks`: R's rules, with `axp`, `usr`, `log` and `nintLog` defaulting to the
/// current plot's parameters; `nintLog = Inf` lists every 1 (2, 5) times a power of ten.
fn ax_ticks(it: &mut Interp, m: Matched) -> EvalResult {
    let side = m.req("side")?.as_f64().unwrap_or(f64::NAN);
    if !(1.0..=4.0).contains(&side) {
        return err("'side' must be in {1:4}");
    }
    let is_x = side as i32 % 2 == 1;
    let axp = match m.get("axp").filter(|v| !v.is_null()) {
        Some(v) => match axp3(&v.dbl_vec()).filter(|_| matches!(v.data(), Some(Data::Int(_) | Data::Dbl(_)))) {
            Some(a) => a,
            None => return err("invalid 'axp'"),
        },
        None => axp3(&current_slot(it)?.par.nums(if is_x { "xaxp" } else { "yaxp" })).unwrap_or([0.0, 1.0, 5.0]),
    };
    let log = match m.get("log").filter(|v| !v.is_null()) {
        Some(v) => match v.as_bool().flatten() {
            Some(b) if matches!(v.data(), Some(Data::Lgl(_))) => b,
            _ => return err("invalid 'log'"),
        },
        None => current_slot(it)?.par.flag(if is_x { "xlog" } else { "ylog" }),
    };
    if !(log && axp[2] > 0.0) {
        return Ok(Value::dbls(pretty::create_at(axp, 0.0, 1.0, 5, false)));
    }
    let code = axp[2] as i64;
    if !(1..=3).contains(&code) {
        return err("invalid positive 'axp[3]'");
    }
    let usr = match m.get("usr").filter(|v| !v.is_null()) {
        Some(v) if matches!(v.data(), Some(Data::Int(_) | Data::Dbl(_))) && v.len() == 2 => v.dbl_vec().to_vec(),
        Some(_) => return err("invalid 'usr'"),
        None => {
            let u = current_slot(it)?.usr();
            if is_x { vec![u[0], u[1]] } else { vec![u[2], u[3]] }
        }
    };
    let nint = match m.get("nintLog").filter(|v| !v.is_null()) {
        Some(v) => v.as_f64().unwrap_or(5.0),
        None => current_slot(it)?.par.nums("lab").get(if is_x { 0 } else { 1 }).copied().unwrap_or(5.0),
    };
    if nint.is_finite() {
        return Ok(Value::dbls(pretty::create_at(axp, 10f64.powf(usr[0]), 10f64.powf(usr[1]), nint.max(1.0) as usize, true)));
    }
    // every 1 (2, 5) times a power of ten within usr
    let rev = usr[0] > usr[1];
    let (u0, u1, a0, a1) = if rev { (usr[1], usr[0], axp[1], axp[0]) } else { (usr[0], usr[1], axp[0], axp[1]) };
    let (i0, i1) = (a0.log10().round() as i32 - (code >= 2) as i32, a1.log10().round() as i32);
    let mults: &[f64] = match code {
        1 => &[1.0],
        2 => &[1.0, 5.0],
        _ => &[1.0, 2.0, 5.0],
    };
    let mut r: Vec<f64> = (i0..=i1).flat_map(|e| mults.iter().map(move |m| m * 10f64.powi(e))).skip(if code >= 2 { 1 } else { 0 }).collect();
    if rev {
        r.reverse();
    }
    r.retain(|v| u0 <= v.log10() && v.log10() <= u1);
    Ok(Value::dbls(r))
}

/// `axisTicks`: `axp` from R's `GAxisPars` unless given, then `CreateAtVector`.
fn axis_ticks(_it: &mut Interp, m: Matched) -> EvalResult {
    let usr = m.req("usr")?.dbl_vec().to_vec();
    if usr.len() != 2 || !usr.iter().all(|x| x.is_finite()) {
        return crate::error::err("'usr' must be a finite numeric vector of length 2");
    }
    let log = m.req("log")?.as_bool().flatten().unwrap_or(false);
    let nint = m.get("nint").and_then(|v| v.as_f64()).filter(|x| x.is_finite() && *x >= 1.0).unwrap_or(5.0) as usize;
    let axp = match m.get("axp").filter(|v| !v.is_null()) {
        Some(v) => match axp3(&v.dbl_vec()) {
            Some(a) => a,
            None => return err("invalid 'axp'"),
        },
        None => pretty::axis_pars(usr[0], usr[1], nint, log),
    };
    let (a, b) = if log { (10f64.powf(usr[0]), 10f64.powf(usr[1])) } else { (usr[0], usr[1]) };
    Ok(Value::dbls(pretty::create_at(axp, a, b, nint, log)))
}

/// The texts of a label argument: strings as they are; a call, a symbol or the elements of
/// an expression (plotmath, not laid out yet) as their deparsed text.
pub fn label_texts(v: &Value) -> Vec<Option<String>> {
    use crate::value::deparse::deparse_value;
    match v {
        Value::Lang(_) => vec![Some(deparse_value(v))],
        _ => match v.data() {
            Some(Data::Str(s)) => s.iter().map(|x| x.as_deref().map(str::to_string)).collect(),
            Some(Data::List(l)) => l
                .iter()
                .map(|e| match e.data() {
                    Some(Data::Str(s)) => s.iter().next().and_then(|x| x.as_deref().map(str::to_string)),
                    _ => Some(deparse_value(e)),
                })
                .collect(),
            _ => v.str_vec().iter().map(|x| x.as_deref().map(str::to_string)).collect(),
        },
    }
}

fn strwidth(it: &mut Interp, m: Matched) -> EvalResult {
    let s = label_texts(m.req("s")?);
    let units = m.get("units").and_then(|v| v.as_string()).unwrap_or("user".into());
    let slot = current_slot(it)?;
    let cex = m.get("cex").and_then(|v| v.as_f64()).unwrap_or(1.0) * slot.par.num("cex");
    let font = m.get("font").and_then(|v| v.as_f64()).unwrap_or(1.0) as i32;
    // R's pdf device measures text at the font size rounded to whole points
    let size = (slot.par.num("ps") * cex + 0.5).floor();
    let u = slot.usr();
    let pw = slot.plot_rect.w();
    let fw = slot.fig_rect.w();
    let out: Vec<f64> = s
        .iter()
        .map(|x| {
            let w = x.as_deref().map(|t| t.split('\n').map(|l| str_width(l, size, font)).fold(0.0, f64::max)).unwrap_or(0.0);
            // units are matched by prefix, as R's match.arg does ("inch", "fig")
            match units.as_str() {
                u if u.starts_with("in") => w / 72.0,
                u if u.starts_with("fi") => w / fw,
                _ => w / pw * (u[1] - u[0]),
            }
        })
        .collect();
    Ok(Value::dbls(out))
}

fn strheight(it: &mut Interp, m: Matched) -> EvalResult {
    let s = label_texts(m.req("s")?);
    let units = m.get("units").and_then(|v| v.as_string()).unwrap_or("user".into());
    let slot = current_slot(it)?;
    let cex = m.get("cex").and_then(|v| v.as_f64()).unwrap_or(1.0) * slot.par.num("cex");
    let exact = slot.par.num("ps") * cex;
    let size = (exact + 0.5).floor();
    let u = slot.usr();
    let ph = slot.plot_rect.h();
    let fh = slot.fig_rect.h();
    let out: Vec<f64> = s
        .iter()
        .map(|x| {
            let lines = x.as_deref().map(|t| t.split('\n').count()).unwrap_or(1) as f64;
            let h = (lines - 1.0) * exact * 1.2 + size * crate::graphics::metrics::CAP_HEIGHT / 1000.0;
            // units are matched by prefix, as R's match.arg does ("inch", "fig")
            match units.as_str() {
                u if u.starts_with("in") => h / 72.0,
                u if u.starts_with("fi") => h / fh,
                _ => h / ph * (u[3] - u[2]),
            }
        })
        .collect();
    Ok(Value::dbls(out))
}

fn pretty_fn(_it: &mut Interp, m: Matched) -> EvalResult {
    let x: Vec<f64> = m.req("x")?.dbl_vec().iter().copied().filter(|v| v.is_finite()).collect();
    if x.is_empty() {
        return Ok(Value::dbls(Vec::new()));
    }
    let n = m.get("n").and_then(|v| v.as_f64()).unwrap_or(5.0).max(0.0) as usize;
    let mut o = PrettyOpts::base(n);
    if let Some(mn) = m.get("min.n").and_then(|v| v.as_f64()) {
        o.min_n = mn.max(0.0) as usize;
    }
    if let Some(s) = m.get("shrink.sml").and_then(|v| v.as_f64()) {
        o.shrink = s;
    }
    if let Some(h) = m.get("high.u.bias").and_then(|v| v.as_f64()) {
        o.high_u = h;
        o.u5 = 0.5 + 1.5 * h;
    }
    if let Some(u) = m.get("u5.bias").and_then(|v| v.as_f64()) {
        o.u5 = u;
    }
    let lo = x.iter().cloned().fold(f64::INFINITY, f64::min);
    let hi = x.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    Ok(Value::dbls(pretty::pretty(lo, hi, o)))
}

/// Counts per interval as R's `BinCount`: intervals `(b[i], b[i+1]]` (`[b[i], b[i+1])` when
/// not `right`), the outer border included when `include.lowest`; `hist` has already moved
/// the breaks by its fuzz.
fn hist_counts(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.dbl_vec();
    let b = m.req("breaks")?.dbl_vec();
    let right = m.get("right").and_then(|v| v.as_bool().flatten()).unwrap_or(true);
    let lowest = m.get("include.lowest").and_then(|v| v.as_bool().flatten()).unwrap_or(true);
    let nb = b.len();
    if nb < 2 {
        return err("invalid number of 'breaks'");
    }
    let last = nb - 1;
    let mut counts = vec![0i32; last];
    for &v in x.iter().filter(|v| v.is_finite()) {
        if !(b[0] <= v && (v < b[last] || (v == b[last] && lowest))) {
            continue;
        }
        let (mut lo, mut hi) = (0, last);
        while hi - lo >= 2 {
            let mid = (hi + lo) / 2;
            if v > b[mid] || (!right && v == b[mid]) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        counts[lo] += 1;
    }
    Ok(Value::ints(counts))
}
