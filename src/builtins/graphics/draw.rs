//! The low-level drawing functions: `plot.xy` (points and lines), `text`, `mtext`,
//! `title`, `axis`, `box`, `abline`, `polygon`, `rect`, `segments`, `arrows` (`legend` is R code).

use super::params::side_ticks;
use crate::builtins::grDevices::{colors::colors_of, current_slot};
use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::graphics::color::Rgba;
use crate::graphics::device::{lty_dash, Gc};
use crate::graphics::engine::{format_ticks, Pch};
use crate::value::{Data, Value};

pub const BUILTINS: &[Builtin] = &[
    declared("plot.xy", plot_xy),
    declared("text.default", text),
    declared("mtext", mtext),
    declared("title", title),
    declared("axis", axis),
    declared("box", box_fn),
    declared(".abline", abline),
    declared("polygon", polygon),
    declared("rect", rect),
    declared("segments", segments),
    declared("arrows", arrows),
];

pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("plot.xy", "plot.xy(xy, type, pch = par(\"pch\"), lty = par(\"lty\"), col = par(\"col\"), bg = NA, cex = 1, lwd = par(\"lwd\"), ...)",
            "Draws points and/or lines of xy (a list with x and y) in the current plot: type \"p\", \"l\", \"b\", \"o\", \"c\", \"h\", \"s\", \"S\" or \"n\"."),
        doc("text.default", "text.default(x, y = NULL, labels = seq_along(x), adj = NULL, pos = NULL, offset = 0.5, vfont = NULL, cex = 1, col = NULL, font = NULL, srt = 0, ...)", "Writes labels at the given user coordinates."),
        doc("mtext", "mtext(text, side = 3, line = 0, outer = FALSE, at = NA, adj = NA, padj = NA, cex = NA, col = NA, font = NA, ...)", "Writes text in a margin of the plot (or the outer margin)."),
        doc("title", "title(main = NULL, sub = NULL, xlab = NULL, ylab = NULL, line = NA, outer = FALSE, ...)", "Adds the main title, subtitle and axis labels."),
        doc("axis", "axis(side, at = NULL, labels = TRUE, tick = TRUE, line = NA, pos = NA, outer = FALSE, font = NA, lty = \"solid\", lwd = 1, lwd.ticks = lwd, col = NULL, col.ticks = NULL, hadj = NA, padj = NA, gap.axis = NA, ...)",
            "Draws an axis with ticks at `at` (by default the pretty positions of axTicks) and their labels."),
        doc("box", "box(which = \"plot\", lty = \"solid\", ...)", "Draws a box around the plot region in the style par(\"bty\")."),
        doc(".abline", ".abline(a = NULL, b = NULL, h = NULL, v = NULL, coef = NULL, ...)", "Draws lines y = a + b x, horizontal lines h and vertical lines v across the plot."),
        doc("polygon", "polygon(x, y = NULL, density = NULL, angle = 45, border = NULL, col = NA, lty = par(\"lty\"), ..., fillOddEven = FALSE)", "Draws polygons (NA separates them), filled with col."),
        doc("rect", "rect(xleft, ybottom, xright, ytop, density = NULL, angle = 45, col = NA, border = NULL, lty = par(\"lty\"), lwd = par(\"lwd\"), ...)", "Draws rectangles."),
        doc("segments", "segments(x0, y0, x1 = x0, y1 = y0, col = par(\"fg\"), lty = par(\"lty\"), lwd = par(\"lwd\"), ...)", "Draws line segments between pairs of points."),
        doc("arrows", "arrows(x0, y0, x1 = x0, y1 = y0, length = 0.25, angle = 30, code = 2, col = par(\"fg\"), lty = par(\"lty\"), lwd = par(\"lwd\"), ...)", "Draws arrows between pairs of points."),
    ]
};

fn f64_arg(m: &Matched, name: &str) -> Option<f64> {
    m.opt(name).and_then(|v| v.as_f64()).filter(|x| !x.is_nan())
}

fn nums(v: Option<&Value>) -> Vec<f64> {
    v.map(|v| v.dbl_vec().to_vec()).unwrap_or_default()
}

fn at<T: Clone>(v: &[T], i: usize, d: T) -> T {
    if v.is_empty() {
        d
    } else {
        v[i % v.len()].clone()
    }
}

/// Colours from an argument, or the named parameter's colour when absent or NULL.
fn cols(it: &mut Interp, v: Option<&Value>, par_name: &str) -> EvalResult<Vec<Rgba>> {
    match v.filter(|v| !v.is_null()) {
        Some(v) => colors_of(it, &v.clone()),
        None => {
            let p = current_slot(it)?.par.get(par_name).cloned().unwrap_or(Value::str("black"));
            colors_of(it, &p)
        }
    }
}

/// Dash patterns of an `lty` argument (None: blank), or `par("lty")`.
fn ltys(it: &mut Interp, v: Option<&Value>) -> EvalResult<Vec<Option<Vec<f64>>>> {
    let v = match v.filter(|v| !v.is_null()) {
        Some(v) => v.clone(),
        None => current_slot(it)?.par.get("lty").cloned().unwrap_or(Value::str("solid")),
    };
    let strs: Vec<String> = match v.data() {
        Some(Data::Str(s)) => s.iter().map(|x| x.as_deref().unwrap_or("solid").to_string()).collect(),
        _ => v.dbl_vec().iter().map(|x| if x.is_nan() { "solid".to_string() } else { format!("{}", *x as i64) }).collect(),
    };
    Ok(strs.iter().map(|s| lty_dash(s)).collect())
}

fn lwds(it: &mut Interp, v: Option<&Value>) -> EvalResult<Vec<f64>> {
    match v.filter(|v| !v.is_null()) {
        Some(v) => Ok(v.dbl_vec().to_vec()),
        None => Ok(vec![current_slot(it)?.par.num("lwd")]),
    }
}

fn pchs(it: &mut Interp, v: Option<&Value>) -> EvalResult<Vec<Pch>> {
    let v = match v.filter(|v| !v.is_null()) {
        Some(v) => v.clone(),
        None => current_slot(it)?.par.get("pch").cloned().unwrap_or(Value::int(1)),
    };
    Ok(match v.data() {
        Some(Data::Str(s)) => s
            .iter()
            .map(|x| match x.as_deref() {
                None => Pch::None,
                Some(s) => Pch::Char(s.chars().next().map(|c| c.to_string()).unwrap_or_default()),
            })
            .collect(),
        _ => v.dbl_vec().iter().map(|x| if x.is_nan() { Pch::None } else { Pch::Code(*x as i32) }).collect(),
    })
}

/// A line style from recycled vectors.
fn line_gc(col: &[Rgba], lty: &[Option<Vec<f64>>], lwd: &[f64], i: usize) -> Gc {
    let dash = at(lty, i, Some(Vec::new()));
    Gc {
        col: if dash.is_none() { Rgba::TRANSPARENT } else { at(col, i, Rgba::BLACK) },
        dash: dash.unwrap_or_default(),
        lwd: at(lwd, i, 1.0),
        ..Gc::default()
    }
}

fn xy_of(m: &Matched, name: &str) -> (Vec<f64>, Vec<f64>) {
    let xy = m.opt(name).cloned().unwrap_or(Value::Null);
    let l = xy.list_vec();
    let names = xy.names().unwrap_or_default();
    let get = |k: &str| {
        names
            .iter()
            .position(|n| n.as_deref() == Some(k))
            .map(|i| l[i].dbl_vec().to_vec())
            .unwrap_or_default()
    };
    (get("x"), get("y"))
}

fn plot_xy(it: &mut Interp, m: Matched) -> EvalResult {
    let (x, y) = xy_of(&m, "xy");
    let ty = m.get("type").and_then(|v| v.as_string()).unwrap_or("p".into());
    let col = cols(it, m.get("col"), "col")?;
    let bg = match m.get("bg") {
        Some(v) => colors_of(it, &v.clone())?,
        None => vec![Rgba::TRANSPARENT],
    };
    let lty = ltys(it, m.get("lty"))?;
    let lwd = lwds(it, m.get("lwd"))?;
    let pch = pchs(it, m.get("pch"))?;
    let cex_v = nums(m.get("cex"));
    let slot = current_slot(it)?;
    let base_cex = slot.par.num("cex");
    slot.clip_par();
    let n = x.len().min(y.len());
    let gc = line_gc(&col, &lty, &lwd, 0);
    let (dx, dy): (Vec<f64>, Vec<f64>) = (0..n).map(|i| (slot.dx(x[i]), slot.dy(y[i]))).unzip();
    let poly = |slot: &mut crate::graphics::engine::Slot, xs: &[f64], ys: &[f64]| {
        let mut a = Vec::new();
        let mut b = Vec::new();
        for (p, q) in xs.iter().zip(ys) {
            if p.is_finite() && q.is_finite() {
                a.push(*p);
                b.push(*q);
            } else {
                slot.dev.polyline(&a, &b, &gc);
                a.clear();
                b.clear();
            }
        }
        slot.dev.polyline(&a, &b, &gc);
    };
    match ty.as_str() {
        "l" | "b" | "c" | "o" => poly(slot, &dx, &dy),
        "s" | "S" => {
            let (mut sx, mut sy) = (Vec::new(), Vec::new());
            for i in 0..n {
                if i > 0 {
                    if ty == "s" {
                        sx.push(dx[i]);
                        sy.push(dy[i - 1]);
                    } else {
                        sx.push(dx[i - 1]);
                        sy.push(dy[i]);
                    }
                }
                sx.push(dx[i]);
                sy.push(dy[i]);
            }
            poly(slot, &sx, &sy);
        }
        "h" => {
            let y0 = slot.dy(if slot.par.flag("ylog") { 10f64.powf(slot.usr()[2]) } else { 0.0 });
            for i in 0..n {
                let g = line_gc(&col, &lty, &lwd, i);
                slot.dev.polyline(&[dx[i], dx[i]], &[y0, dy[i]], &g);
            }
        }
        _ => {}
    }
    if matches!(ty.as_str(), "p" | "b" | "o") {
        for i in 0..n {
            let g = Gc { col: at(&col, i, Rgba::BLACK), lwd: at(&lwd, i, 1.0), ..Gc::default() };
            let c = at(&cex_v, i, 1.0) * base_cex;
            if !c.is_finite() {
                continue;
            }
            slot.symbol(dx[i], dy[i], &at(&pch, i, Pch::Code(1)), c, &g, at(&bg, i, Rgba::TRANSPARENT));
        }
    }
    it.visible = false;
    Ok(Value::Null)
}

fn text(it: &mut Interp, m: Matched) -> EvalResult {
    let xv = m.req("x")?.clone();
    let (x, y) = match m.get("y").filter(|v| !v.is_null()) {
        Some(y) => (xv.dbl_vec().to_vec(), y.dbl_vec().to_vec()),
        None => {
            let y = xv.dbl_vec().to_vec();
            ((1..=y.len()).map(|i| i as f64).collect(), y)
        }
    };
    let n = x.len().max(y.len());
    let labels: Vec<String> = match m.get("labels") {
        Some(l) if matches!(l, Value::Lang(_)) || matches!(l.data(), Some(Data::List(_))) => {
            super::params::label_texts(l).into_iter().map(|x| x.unwrap_or_else(|| "NA".into())).collect()
        }
        Some(l) => match l.data() {
            Some(Data::Str(s)) => s.iter().map(|x| x.as_deref().unwrap_or("NA").to_string()).collect(),
            _ if l.is_factor() => {
                let lv = l.get_attr("levels").and_then(|v| v.as_strings()).unwrap_or_default();
                l.int_vec().iter().map(|&k| lv.get((k - 1) as usize).cloned().unwrap_or("NA".into())).collect()
            }
            _ => format_ticks(&l.dbl_vec()).into_iter().map(|s| s).collect::<Vec<_>>(),
        },
        None => (1..=n).map(|i| i.to_string()).collect(),
    };
    let col = cols(it, m.get("col"), "col")?;
    let cex = nums(m.get("cex"));
    let font = nums(m.get("font"));
    let srt = f64_arg(&m, "srt").unwrap_or(0.0);
    let adj = nums(m.get("adj"));
    let pos = nums(m.get("pos"));
    let offset = f64_arg(&m, "offset").unwrap_or(0.5);
    let xpd = m.opt("xpd").filter(|v| !v.is_null()).map(|v| v.as_bool());
    let slot = current_slot(it)?;
    match xpd {
        // xpd = FALSE, TRUE or NA for this call only
        Some(Some(Some(b))) => slot.clip(Some(b)),
        Some(Some(None)) => slot.clip(None),
        _ => slot.clip_par(),
    }
    let size0 = slot.par.num("ps") * slot.par.num("cex");
    let lh = size0 * 1.2;
    for i in 0..n.max(labels.len()) {
        let size = size0 * at(&cex, i, 1.0);
        let font = at(&font, i, 1.0);
        let font = if font.is_finite() { font as i32 } else { 1 };
        let gc = Gc { col: at(&col, i, Rgba::BLACK), size, font, ..Gc::default() };
        let (mut px, mut py) = (slot.dx(at(&x, i, f64::NAN)), slot.dy(at(&y, i, f64::NAN)));
        if !(px.is_finite() && py.is_finite()) {
            continue;
        }
        let mut hadj = adj.first().copied().unwrap_or(0.5);
        let vadj = adj.get(1).copied().unwrap_or(0.5);
        let half = size * 0.718 / 2.0;
        match at(&pos, i, 0.0) as i32 {
            1 => {
                py += offset * lh + half;
                hadj = 0.5
            }
            2 => {
                px -= offset * lh;
                hadj = 1.0
            }
            3 => {
                py -= offset * lh + half;
                hadj = 0.5
            }
            4 => {
                px += offset * lh;
                hadj = 0.0
            }
            _ => {}
        }
        let label = at(&labels, i, String::new());
        let shift = (vadj - 0.0) * size * 0.718;
        let (c, s) = (srt.to_radians().cos(), srt.to_radians().sin());
        slot.dev.text(px - s * shift, py + c * shift, &label, srt, hadj, &gc);
    }
    it.visible = false;
    Ok(Value::Null)
}

fn strings_of(v: &Value) -> Vec<String> {
    match v.data() {
        Some(Data::Str(s)) => s.iter().map(|x| x.as_deref().unwrap_or("NA").to_string()).collect(),
        Some(_) => format_ticks(&v.dbl_vec()),
        None => Vec::new(),
    }
}

/// Draws one margin text with parameters from the named `par` entries.
#[allow(clippy::too_many_arguments)]
fn margin_text(it: &mut Interp, s: &str, side: i32, line: f64, at_v: f64, adj: f64, outer: bool, cex: f64, col: Rgba, font: i32, perp: bool) -> EvalResult<()> {
    let slot = current_slot(it)?;
    let size = slot.par.num("ps") * slot.par.num("cex") * cex;
    let gc = Gc { col, size, font, ..Gc::default() };
    slot.dev.clip(None);
    slot.mtext(s, side, line, at_v, adj, perp, outer, &gc);
    slot.clip_par();
    Ok(())
}

fn mtext(it: &mut Interp, m: Matched) -> EvalResult {
    let texts = strings_of(m.req("text")?);
    let side = f64_arg(&m, "side").unwrap_or(3.0) as i32;
    let line = nums(m.get("line"));
    let outer = m.get("outer").and_then(|v| v.as_bool().flatten()).unwrap_or(false);
    let at_v = nums(m.get("at"));
    let las = f64_arg(&m, "las").unwrap_or(current_slot(it)?.par.num("las")) as i32;
    let adj_given = f64_arg(&m, "adj").filter(|a| a.is_finite());
    // an explicit cex is absolute, not scaled by par("cex") (margin_text scales by it)
    let par_cex = current_slot(it)?.par.num("cex");
    let cex = match f64_arg(&m, "cex").filter(|c| c.is_finite()) {
        Some(c) if par_cex > 0.0 => c / par_cex,
        _ => 1.0,
    };
    let col = match m.get("col").filter(|v| v.as_f64().map_or(true, |x| !x.is_nan()) || v.as_string().is_some()) {
        Some(v) => colors_of(it, &v.clone())?.first().copied().unwrap_or(Rgba::BLACK),
        None => cols(it, None, "col")?[0],
    };
    let font = f64_arg(&m, "font").unwrap_or(1.0) as i32;
    let perp = match side {
        1 | 3 => las == 2 || las == 3,
        _ => las == 1 || las == 2,
    };
    // perpendicular text without adj is justified towards the plot; parallel text by par("adj")
    let adj = match adj_given {
        Some(a) => a,
        None if perp => f64::NAN,
        None => current_slot(it)?.par.num("adj"),
    };
    for (i, t) in texts.iter().enumerate() {
        margin_text(it, t, side, at(&line, i, 0.0), at(&at_v, i, f64::NAN), adj, outer, cex, col, font, perp)?;
    }
    it.visible = false;
    Ok(Value::Null)
}

fn text_arg(v: Option<&Value>) -> Option<String> {
    v.filter(|v| !v.is_null()).and_then(|v| match v.data() {
        Some(Data::Str(s)) => Some(s.iter().map(|x| x.as_deref().unwrap_or("NA")).collect::<Vec<_>>().join("\n")),
        Some(_) => Some(strings_of(v).join("\n")),
        None => None,
    })
}

fn title(it: &mut Interp, m: Matched) -> EvalResult {
    let line = f64_arg(&m, "line");
    let outer = m.get("outer").and_then(|v| v.as_bool().flatten()).unwrap_or(false);
    let slot = current_slot(it)?;
    let p = slot.par.clone();
    let mgp = p.nums("mgp");
    let mar = p.nums(if outer { "oma" } else { "mar" });
    let pc = |it: &mut Interp, name: &str| -> EvalResult<Rgba> {
        let v = m.opt(name).cloned().or_else(|| p.get(name).cloned()).unwrap_or(Value::str("black"));
        Ok(colors_of(it, &v)?.first().copied().unwrap_or(Rgba::BLACK))
    };
    let num = |name: &str| m.opt(name).and_then(|v| v.as_f64()).unwrap_or(p.num(name));
    if let Some(s) = text_arg(m.get("main")) {
        let col = pc(it, "col.main")?;
        let nlines = s.split('\n').count() as f64;
        let l = line.unwrap_or(mar.get(2).copied().unwrap_or(4.1) * 0.5 - 0.5 + (nlines - 1.0) * 0.0);
        let cex = num("cex.main");
        margin_text(it, &s, 3, l, f64::NAN, num("adj"), outer, cex, col, num("font.main") as i32, false)?;
    }
    if let Some(s) = text_arg(m.get("sub")) {
        let col = pc(it, "col.sub")?;
        let l = line.unwrap_or(mgp.first().copied().unwrap_or(3.0) + 1.0);
        margin_text(it, &s, 1, l, f64::NAN, num("adj"), outer, num("cex.sub"), col, num("font.sub") as i32, false)?;
    }
    if let Some(s) = text_arg(m.get("xlab")) {
        let col = pc(it, "col.lab")?;
        let l = line.unwrap_or(mgp.first().copied().unwrap_or(3.0));
        margin_text(it, &s, 1, l, f64::NAN, num("adj"), outer, num("cex.lab"), col, num("font.lab") as i32, false)?;
    }
    if let Some(s) = text_arg(m.get("ylab")) {
        let col = pc(it, "col.lab")?;
        let l = line.unwrap_or(mgp.first().copied().unwrap_or(3.0));
        margin_text(it, &s, 2, l, f64::NAN, num("adj"), outer, num("cex.lab"), col, num("font.lab") as i32, false)?;
    }
    it.visible = false;
    Ok(Value::Null)
}

fn axis(it: &mut Interp, m: Matched) -> EvalResult {
    let side = m.req("side")?.as_f64().unwrap_or(1.0) as i32;
    if !(1..=4).contains(&side) {
        return err("invalid axis number");
    }
    let at_v: Vec<f64> = match m.get("at").filter(|v| !v.is_null()) {
        Some(v) => v.dbl_vec().to_vec(),
        None => side_ticks(it, side)?,
    };
    let labels: Vec<String> = match m.get("labels") {
        Some(l) if matches!(l.data(), Some(Data::Lgl(_))) => {
            if l.as_bool().flatten().unwrap_or(true) {
                format_ticks(&at_v)
            } else {
                vec![String::new(); at_v.len()]
            }
        }
        Some(l) => strings_of(l),
        None => format_ticks(&at_v),
    };
    let slot_par = current_slot(it)?.par.clone();
    let col_v = m.get("col").cloned().unwrap_or_else(|| slot_par.get("fg").cloned().unwrap_or(Value::str("black")));
    let col = colors_of(it, &col_v)?.first().copied().unwrap_or(Rgba::BLACK);
    let col_axis = m.opt("col.axis").cloned().unwrap_or_else(|| slot_par.get("col.axis").cloned().unwrap_or(Value::str("black")));
    let lab_col = colors_of(it, &col_axis)?.first().copied().unwrap_or(Rgba::BLACK);
    let lwd = f64_arg(&m, "lwd").unwrap_or(1.0);
    let cex_axis = m.opt("cex.axis").and_then(|v| v.as_f64()).unwrap_or(slot_par.num("cex.axis"));
    let las = m.opt("las").and_then(|v| v.as_f64());
    let tick = m.get("tick").and_then(|v| v.as_bool().flatten()).unwrap_or(true);
    let slot = current_slot(it)?;
    let saved_las = slot.par.get("las").cloned();
    if let Some(l) = las {
        slot.par.put("las", Value::num(l));
    }
    let line_gc = Gc { col: if tick { col } else { Rgba::TRANSPARENT }, lwd, ..Gc::default() };
    let size = slot.par.num("ps") * slot.par.num("cex") * cex_axis;
    let label_gc = Gc { col: lab_col, size, font: slot.par.num("font.axis") as i32, ..Gc::default() };
    let (lo, hi) = {
        let u = slot.usr();
        let (a, b) = if side % 2 == 1 { (u[0], u[1]) } else { (u[2], u[3]) };
        let log = slot.par.flag(if side % 2 == 1 { "xlog" } else { "ylog" });
        let (a, b) = if log { (10f64.powf(a), 10f64.powf(b)) } else { (a, b) };
        (a.min(b), a.max(b))
    };
    let eps = (hi - lo) * 1e-7;
    let (ats, labs): (Vec<f64>, Vec<String>) = at_v
        .iter()
        .zip(labels.iter().chain(std::iter::repeat(&String::new())))
        .filter(|(a, _)| **a >= lo - eps && **a <= hi + eps)
        .map(|(a, l)| (*a, l.clone()))
        .unzip();
    slot.axis(side, &ats, &labs, &line_gc, &label_gc, tick);
    if let Some(l) = saved_las {
        slot.par.put("las", l);
    }
    it.visible = false;
    Ok(Value::dbls(ats))
}

fn box_fn(it: &mut Interp, m: Matched) -> EvalResult {
    let bty_v = m.opt("bty").and_then(|v| v.as_string());
    let col_v = m.opt("col").cloned();
    let col = cols(it, col_v.as_ref(), "fg")?;
    let lty = ltys(it, m.get("lty"))?;
    let lwd = lwds(it, m.opt("lwd"))?;
    let slot = current_slot(it)?;
    let bty = bty_v.unwrap_or_else(|| slot.par.string("bty"));
    let gc = line_gc(&col, &lty, &lwd, 0);
    let which = m.get("which").and_then(|v| v.as_string()).unwrap_or("plot".into());
    if which == "figure" || which == "outer" || which == "inner" {
        let r = if which == "figure" { slot.fig_rect } else { slot.inner() };
        slot.dev.clip(None);
        slot.dev.rect(r.x0, r.y0, r.x1, r.y1, &gc);
        slot.clip_par();
    } else {
        slot.draw_box(&bty, &gc);
    }
    it.visible = false;
    Ok(Value::Null)
}

fn abline(it: &mut Interp, m: Matched) -> EvalResult {
    let col = cols(it, m.opt("col"), "col")?;
    let lty = ltys(it, m.opt("lty"))?;
    let lwd = lwds(it, m.opt("lwd"))?;
    let mut a = nums(m.get("a"));
    let mut b = nums(m.get("b"));
    if let Some(c) = m.get("coef").filter(|v| !v.is_null()) {
        let c = c.dbl_vec();
        a = vec![c.first().copied().unwrap_or(0.0)];
        b = vec![c.get(1).copied().unwrap_or(0.0)];
    } else if a.len() == 2 && b.is_empty() {
        b = vec![a[1]];
        a = vec![a[0]];
    }
    let h = nums(m.get("h"));
    let v = nums(m.get("v"));
    let slot = current_slot(it)?;
    slot.clip_par();
    let u = slot.usr();
    let xlog = slot.par.flag("xlog");
    let ylog = slot.par.flag("ylog");
    let ux = |x: f64| if xlog { 10f64.powf(x) } else { x };
    let uy = |y: f64| if ylog { 10f64.powf(y) } else { y };
    let mut k = 0;
    if !a.is_empty() || !b.is_empty() {
        for i in 0..a.len().max(b.len()) {
            let (ai, bi) = (at(&a, i, 0.0), at(&b, i, 1.0));
            let gc = line_gc(&col, &lty, &lwd, k);
            k += 1;
            let xs = [u[0], u[1]];
            let ys: Vec<f64> = xs.iter().map(|&x| ai + bi * ux(x)).collect();
            slot.lines(&[ux(xs[0]), ux(xs[1])], &ys, &gc);
        }
    }
    for &y in &h {
        let gc = line_gc(&col, &lty, &lwd, k);
        k += 1;
        slot.lines(&[ux(u[0]), ux(u[1])], &[y, y], &gc);
    }
    for &x in &v {
        let gc = line_gc(&col, &lty, &lwd, k);
        k += 1;
        slot.lines(&[x, x], &[uy(u[2]), uy(u[3])], &gc);
    }
    it.visible = false;
    Ok(Value::Null)
}

fn xy_pair(m: &Matched) -> EvalResult<(Vec<f64>, Vec<f64>)> {
    let x = m.req("x")?.clone();
    if matches!(x.data(), Some(Data::List(_))) {
        return Ok(xy_of(m, "x"));
    }
    match m.get("y").filter(|v| !v.is_null()) {
        Some(y) => Ok((x.dbl_vec().to_vec(), y.dbl_vec().to_vec())),
        None => {
            let y = x.dbl_vec().to_vec();
            Ok(((1..=y.len()).map(|i| i as f64).collect(), y))
        }
    }
}

fn fill_and_border(it: &mut Interp, m: &Matched) -> EvalResult<(Vec<Rgba>, Vec<Rgba>)> {
    let fill = match m.get("col") {
        Some(v) if !v.is_null() => colors_of(it, &v.clone())?,
        _ => vec![Rgba::TRANSPARENT],
    };
    let border = match m.get("border") {
        Some(v) if matches!(v.data(), Some(Data::Lgl(_))) => {
            if v.as_bool().flatten().unwrap_or(false) { cols(it, None, "fg")? } else { vec![Rgba::TRANSPARENT] }
        }
        Some(v) if !v.is_null() => colors_of(it, &v.clone())?,
        _ => cols(it, None, "fg")?,
    };
    Ok((fill, border))
}

fn polygon(it: &mut Interp, m: Matched) -> EvalResult {
    let (x, y) = xy_pair(&m)?;
    let (fill, border) = fill_and_border(it, &m)?;
    let lty = ltys(it, m.get("lty"))?;
    let lwd = lwds(it, m.opt("lwd"))?;
    let slot = current_slot(it)?;
    slot.clip_par();
    let (mut xs, mut ys, mut k) = (Vec::new(), Vec::new(), 0);
    let n = x.len().min(y.len());
    for i in 0..=n {
        let p = if i < n { (slot.dx(x[i]), slot.dy(y[i])) } else { (f64::NAN, f64::NAN) };
        if p.0.is_finite() && p.1.is_finite() {
            xs.push(p.0);
            ys.push(p.1);
        } else if !xs.is_empty() {
            let mut gc = line_gc(&border, &lty, &lwd, k);
            gc.fill = at(&fill, k, Rgba::TRANSPARENT);
            slot.dev.polygon(&xs, &ys, &gc);
            xs.clear();
            ys.clear();
            k += 1;
        }
    }
    it.visible = false;
    Ok(Value::Null)
}

fn rect(it: &mut Interp, m: Matched) -> EvalResult {
    let x0 = nums(m.get("xleft"));
    let y0 = nums(m.get("ybottom"));
    let x1 = nums(m.get("xright"));
    let y1 = nums(m.get("ytop"));
    let (fill, border) = fill_and_border(it, &m)?;
    let lty = ltys(it, m.get("lty"))?;
    let lwd = lwds(it, m.get("lwd"))?;
    let slot = current_slot(it)?;
    slot.clip_par();
    let n = [x0.len(), y0.len(), x1.len(), y1.len()].into_iter().max().unwrap_or(0);
    if [x0.len(), y0.len(), x1.len(), y1.len()].contains(&0) {
        return Ok(Value::Null);
    }
    for i in 0..n {
        let mut gc = line_gc(&border, &lty, &lwd, i);
        gc.fill = at(&fill, i, Rgba::TRANSPARENT);
        let (a, b, c, d) = (slot.dx(at(&x0, i, 0.0)), slot.dy(at(&y0, i, 0.0)), slot.dx(at(&x1, i, 0.0)), slot.dy(at(&y1, i, 0.0)));
        if [a, b, c, d].iter().all(|v| v.is_finite()) {
            slot.dev.rect(a.min(c), b.min(d), a.max(c), b.max(d), &gc);
        }
    }
    it.visible = false;
    Ok(Value::Null)
}

struct Segs {
    x0: Vec<f64>,
    y0: Vec<f64>,
    x1: Vec<f64>,
    y1: Vec<f64>,
    n: usize,
}

fn segs(m: &Matched) -> EvalResult<Segs> {
    let x0 = m.req("x0")?.dbl_vec().to_vec();
    let y0 = nums(m.get("y0"));
    let x1 = m.get("x1").map(|v| v.dbl_vec().to_vec()).unwrap_or(x0.clone());
    let y1 = m.get("y1").map(|v| v.dbl_vec().to_vec()).unwrap_or(y0.clone());
    let n = if [x0.len(), y0.len(), x1.len(), y1.len()].contains(&0) { 0 } else { x0.len().max(y0.len()).max(x1.len()).max(y1.len()) };
    Ok(Segs { x0, y0, x1, y1, n })
}

fn segments(it: &mut Interp, m: Matched) -> EvalResult {
    draw_segments(it, &m, None)
}

fn arrows(it: &mut Interp, m: Matched) -> EvalResult {
    let len = f64_arg(&m, "length").unwrap_or(0.25) * 72.0;
    let angle = f64_arg(&m, "angle").unwrap_or(30.0);
    let code = f64_arg(&m, "code").unwrap_or(2.0) as i32;
    draw_segments(it, &m, Some((len, angle, code)))
}

fn draw_segments(it: &mut Interp, m: &Matched, head: Option<(f64, f64, i32)>) -> EvalResult {
    let s = segs(m)?;
    let col = cols(it, m.get("col"), "fg")?;
    let lty = ltys(it, m.get("lty"))?;
    let lwd = lwds(it, m.get("lwd"))?;
    let slot = current_slot(it)?;
    slot.clip_par();
    for i in 0..s.n {
        let gc = line_gc(&col, &lty, &lwd, i);
        let (a, b) = (slot.dx(at(&s.x0, i, 0.0)), slot.dy(at(&s.y0, i, 0.0)));
        let (c, d) = (slot.dx(at(&s.x1, i, 0.0)), slot.dy(at(&s.y1, i, 0.0)));
        if ![a, b, c, d].iter().all(|v| v.is_finite()) {
            continue;
        }
        slot.dev.polyline(&[a, c], &[b, d], &gc);
        if let Some((len, angle, code)) = head {
            let mut tip = |px: f64, py: f64, qx: f64, qy: f64| {
                let th = (py - qy).atan2(px - qx);
                let r = angle.to_radians();
                let l = [th + r, th - r].map(|t| (px - len * t.cos(), py - len * t.sin()));
                slot.dev.polyline(&[l[0].0, px, l[1].0], &[l[0].1, py, l[1].1], &gc);
            };
            if (a - c).hypot(b - d) < 1e-3 {
                continue;
            }
            if code == 2 || code == 3 {
                tip(c, d, a, b);
            }
            if code == 1 || code == 3 {
                tip(a, b, c, d);
            }
        }
    }
    it.visible = false;
    Ok(Value::Null)
}
