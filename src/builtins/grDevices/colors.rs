//! Colours: `rgb`, `hsv`, `hcl`, `gray`/`grey`, `col2rgb`, `colors()`, `palette()`,
//! `rainbow`, `heat.colors`, `adjustcolor`.

use super::devices::gfx;
use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::graphics::color::{self, channel, Rgba, DEFAULT_PALETTE};
use crate::graphics::color_names::NAMED;
use crate::syntax::sym::Sym;
use crate::value::{Data, Value, NA_INT};

pub const BUILTINS: &[Builtin] = &[
    declared("rgb", rgb),
    declared("hsv", hsv),
    declared("hcl", hcl),
    declared("gray", gray),
    declared("grey", gray),
    declared("col2rgb", col2rgb),
    declared("colors", colors),
    declared("colours", colors),
    declared("palette", palette),
    declared("rainbow", rainbow),
    declared("heat.colors", heat_colors),
    declared("terrain.colors", terrain_colors),
    declared("topo.colors", topo_colors),
    declared("cm.colors", cm_colors),
    declared("adjustcolor", adjustcolor),
];

pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("rgb", "rgb(red, green, blue, alpha, names = NULL, maxColorValue = 1)", "Colours from red, green and blue intensities (and alpha), as `#RRGGBB[AA]` strings."),
        doc("hsv", "hsv(h = 1, s = 1, v = 1, alpha)", "Colours from hue, saturation and value in [0, 1]."),
        doc("hcl", "hcl(h = 0, c = 35, l = 85, alpha, fixup = TRUE)", "Colours from hue, chroma and luminance (polar CIE-LUV)."),
        doc("gray", "gray(level, alpha)", "Grey levels in [0, 1] as colours."),
        doc("grey", "grey(level, alpha)", "Grey levels in [0, 1] as colours."),
        doc("col2rgb", "col2rgb(col, alpha = FALSE)", "The red, green and blue (and alpha) values of colours, as an integer matrix with a column per colour."),
        doc("colors", "colors(distinct = FALSE)", "R's 657 colour names."),
        doc("colours", "colours(distinct = FALSE)", "R's 657 colour names."),
        doc("palette", "palette(value)", "The palette numeric colours index; with `value` (colours, or a name from palette.pals()), sets it (\"default\" restores R 4's) and returns the old one invisibly."),
        doc("rainbow", "rainbow(n, s = 1, v = 1, start = 0, end = max(1, n - 1)/n, alpha, rev = FALSE)", "n colours of evenly spaced hues."),
        doc("heat.colors", "heat.colors(n, alpha, rev = FALSE)", "n colours from red through yellow to white."),
        doc("terrain.colors", "terrain.colors(n, alpha, rev = FALSE)", "n colours from green through brown to near white, as for terrain heights."),
        doc("topo.colors", "topo.colors(n, alpha, rev = FALSE)", "n colours from blue through green and yellow to tan, as for topographic maps."),
        doc("cm.colors", "cm.colors(n, alpha, rev = FALSE)", "n colours from cyan through white to magenta."),
        doc("adjustcolor", "adjustcolor(col, alpha.f = 1, red.f = 1, green.f = 1, blue.f = 1, offset = c(0, 0, 0, 0), transform = NULL)", "Colours with their channels scaled and offset (most often the alpha, for transparency); `transform`, a 4 x 4 matrix, maps (r, g, b, alpha) in [0, 1] in place of the scale factors."),
    ]
};

/// Colours of an R value: strings (names, hex, numbers), numbers (palette indices, 0 the
/// background) or NA (transparent).
pub fn colors_of(it: &mut Interp, v: &Value) -> EvalResult<Vec<Rgba>> {
    let g = gfx(it);
    let bg = Rgba::WHITE;
    let res: Result<Vec<Rgba>, String> = match v.data() {
        Some(Data::Str(s)) => s
            .iter()
            .map(|x| match x.as_deref() {
                None | Some("NA") => Ok(Rgba::TRANSPARENT),
                Some(s) => g.color(s, bg),
            })
            .collect(),
        Some(Data::Lgl(l)) => Ok(l.iter().map(|_| Rgba::TRANSPARENT).collect()),
        Some(d) => d
            .to_dbl()
            .iter()
            .map(|&x| if x.is_nan() { Ok(Rgba::TRANSPARENT) } else { color::index(x as i64, &g.palette, bg) })
            .collect(),
        None => Ok(Vec::new()),
    };
    res.or_else(|e| err(e))
}

fn alpha_of(m: &Matched, n: usize, max: f64) -> Option<Vec<f64>> {
    m.get("alpha").map(|a| {
        let v = a.dbl_vec();
        let whole = |x: f64| if max == 255.0 && x.is_finite() { x.trunc() } else { x };
        (0..n).map(|i| whole(v.get(i % v.len().max(1)).copied().unwrap_or(max)) / max).collect()
    })
}

fn hex_vec(cols: Vec<Rgba>, names: Option<Value>) -> Value {
    let mut v = Value::strings(&cols.iter().map(|c| c.hex()).collect::<Vec<_>>());
    if let Some(n) = names {
        v.set_attr(Sym::new("names"), n);
    }
    v
}

fn rgb(_it: &mut Interp, m: Matched) -> EvalResult {
    let max = m.get("maxColorValue").and_then(|v| v.as_f64()).unwrap_or(1.0);
    let red = m.req("red")?.clone();
    let (r, g, b) = match (m.get("green"), m.get("blue")) {
        (Some(g), Some(b)) => (red.dbl_vec().to_vec(), g.dbl_vec().to_vec(), b.dbl_vec().to_vec()),
        _ => {
            let v = red.dbl_vec();
            let nrow = red.dim().map(|d| d[0]).unwrap_or(v.len() / 3);
            if v.len() < 3 * nrow || nrow == 0 {
                return err("argument \"green\" is missing, with no default");
            }
            (v[..nrow].to_vec(), v[nrow..2 * nrow].to_vec(), v[2 * nrow..3 * nrow].to_vec())
        }
    };
    let n = r.len().max(g.len()).max(b.len());
    if r.is_empty() || g.is_empty() || b.is_empty() {
        return Ok(Value::strings::<&str>(&[]));
    }
    let alpha = alpha_of(&m, n, max);
    // R takes intensities on the 0..255 scale as integers (truncated)
    let whole = |x: f64| if max == 255.0 && x.is_finite() { x.trunc() } else { x };
    let mut out = Vec::new();
    for i in 0..n {
        let c = |v: &Vec<f64>| whole(v[i % v.len()]) / max;
        let (cr, cg, cb) = (c(&r), c(&g), c(&b));
        if [cr, cg, cb].iter().any(|x| !(0.0..=1.0).contains(x)) {
            return err("color intensity not in [0,1]".to_string());
        }
        let a = alpha.as_ref().map(|a| channel(a[i])).unwrap_or(255);
        let mut col = Rgba::rgb(channel(cr), channel(cg), channel(cb));
        col.a = a;
        out.push(col);
    }
    let mut s: Vec<String> = out.iter().map(|c| c.hex()).collect();
    if alpha.is_some() {
        for (x, c) in s.iter_mut().zip(&out) {
            if c.a == 255 {
                x.push_str("FF");
            }
        }
    }
    let mut v = Value::strings(&s);
    if let Some(nm) = m.get("names").filter(|v| !v.is_null()) {
        v.set_attr(Sym::new("names"), nm.clone());
    }
    Ok(v)
}

fn recycle3(m: &Matched, names: [&str; 3], defaults: [f64; 3]) -> (Vec<[f64; 3]>, usize) {
    let vs: Vec<Vec<f64>> = names
        .iter()
        .zip(defaults)
        .map(|(n, d)| m.get(n).map(|v| v.dbl_vec().to_vec()).unwrap_or(vec![d]))
        .collect();
    let n = if vs.iter().any(|v| v.is_empty()) { 0 } else { vs.iter().map(|v| v.len()).max().unwrap_or(0) };
    ((0..n).map(|i| [vs[0][i % vs[0].len()], vs[1][i % vs[1].len()], vs[2][i % vs[2].len()]]).collect(), n)
}

fn with_alpha(cols: Vec<Rgba>, alpha: Option<Vec<f64>>) -> Value {
    let s: Vec<String> = cols
        .iter()
        .enumerate()
        .map(|(i, c)| match &alpha {
            Some(a) => format!("{}{:02X}", Rgba { a: 255, ..*c }.hex(), channel(a[i])),
            None => c.hex(),
        })
        .collect();
    Value::strings(&s)
}

fn hsv_cols(hsv: &[[f64; 3]]) -> Vec<Rgba> {
    hsv.iter()
        .map(|[h, s, v]| {
            let (r, g, b) = color::hsv_to_rgb(*h, *s, *v);
            Rgba::rgb(channel(r), channel(g), channel(b))
        })
        .collect()
}

fn hsv(_it: &mut Interp, m: Matched) -> EvalResult {
    let (v, n) = recycle3(&m, ["h", "s", "v"], [1.0, 1.0, 1.0]);
    Ok(with_alpha(hsv_cols(&v), alpha_of(&m, n, 1.0)))
}

fn hcl(_it: &mut Interp, m: Matched) -> EvalResult {
    let (v, n) = recycle3(&m, ["h", "c", "l"], [0.0, 35.0, 85.0]);
    let cols = v
        .iter()
        .map(|[h, c, l]| {
            let (r, g, b, _) = color::hcl_to_rgb(*h, *c, *l);
            Rgba::rgb(channel(r), channel(g), channel(b))
        })
        .collect();
    Ok(with_alpha(cols, alpha_of(&m, n, 1.0)))
}

fn gray(_it: &mut Interp, m: Matched) -> EvalResult {
    let lv = m.req("level")?.dbl_vec();
    if lv.iter().any(|x| !(0.0..=1.0).contains(x)) {
        return err("invalid gray level, must be in [0,1].");
    }
    let cols = lv.iter().map(|&l| Rgba::rgb(channel(l), channel(l), channel(l))).collect();
    Ok(with_alpha(cols, alpha_of(&m, lv.len(), 1.0)))
}

fn col2rgb(it: &mut Interp, m: Matched) -> EvalResult {
    let col = m.req("col")?.clone();
    let alpha = m.get("alpha").and_then(|v| v.as_bool().flatten()).unwrap_or(false);
    let cols = colors_of(it, &col)?;
    let k = if alpha { 4 } else { 3 };
    let mut data = Vec::with_capacity(k * cols.len());
    for c in &cols {
        data.extend([c.r as i32, c.g as i32, c.b as i32]);
        if alpha {
            data.push(c.a as i32);
        }
    }
    let _ = NA_INT;
    let mut v = Value::ints(data);
    v.set_attr(Sym::new("dim"), Value::ints(vec![k as i32, cols.len() as i32]));
    let rows: &[&str] = if alpha { &["red", "green", "blue", "alpha"] } else { &["red", "green", "blue"] };
    let colnames = col.get_attr("names").cloned().unwrap_or(Value::Null);
    v.set_attr(Sym::new("dimnames"), Value::list(vec![Value::strings(rows), colnames]));
    Ok(v)
}

fn colors(_it: &mut Interp, _m: Matched) -> EvalResult {
    Ok(Value::strings(&NAMED.iter().map(|c| c.0).collect::<Vec<_>>()))
}

fn palette_value(it: &mut Interp) -> Value {
    let p: Vec<String> = gfx(it).palette.iter().map(|c| c.name_or_hex()).collect();
    Value::strings(&p)
}

fn palette(it: &mut Interp, m: Matched) -> EvalResult {
    let old = palette_value(it);
    let Some(v) = m.get("value").cloned() else {
        return Ok(old);
    };
    let new: Vec<Rgba> = match v.as_strings() {
        Some(s) if s.len() == 1 && (s[0] == "default" || s[0] == "R4") => {
            DEFAULT_PALETTE.iter().filter_map(|s| color::parse(s, &[], Rgba::WHITE).ok()).collect()
        }
        Some(s) if s.len() == 1 && color::named(&s[0]).is_none() && super::palettes::find(&s[0]).is_some() => {
            let cols = super::palettes::find(&s[0]).map(|p| p.1).unwrap_or(&[]);
            cols.iter().filter_map(|s| color::parse(s, &[], Rgba::WHITE).ok()).collect()
        }
        _ => colors_of(it, &v)?,
    };
    gfx(it).palette = new;
    it.visible = false;
    Ok(old)
}

fn count(m: &Matched) -> EvalResult<usize> {
    let n = m.req("n")?.as_f64().unwrap_or(0.0);
    Ok(if n.is_finite() && n > 0.0 { n as usize } else { 0 })
}

fn seq(from: f64, to: f64, n: usize) -> Vec<f64> {
    if n == 1 {
        return vec![from];
    }
    (0..n).map(|i| from + (to - from) * i as f64 / (n - 1) as f64).collect()
}

fn finish(mut cols: Vec<Rgba>, m: &Matched) -> Value {
    if m.get("rev").and_then(|v| v.as_bool().flatten()).unwrap_or(false) {
        cols.reverse();
    }
    with_alpha(cols.clone(), alpha_of(m, cols.len(), 1.0))
}

fn rainbow(_it: &mut Interp, m: Matched) -> EvalResult {
    let n = count(&m)?;
    if n == 0 {
        return Ok(Value::strings::<&str>(&[]));
    }
    let s = m.get("s").and_then(|v| v.as_f64()).unwrap_or(1.0);
    let v = m.get("v").and_then(|v| v.as_f64()).unwrap_or(1.0);
    let start = m.get("start").and_then(|v| v.as_f64()).unwrap_or(0.0);
    let end = m.get("end").and_then(|v| v.as_f64()).unwrap_or(((n as f64) - 1.0).max(1.0) / n as f64);
    let hsv: Vec<[f64; 3]> = seq(start, end, n).into_iter().map(|h| [h, s, v]).collect();
    Ok(finish(hsv_cols(&hsv), &m))
}

fn heat_colors(_it: &mut Interp, m: Matched) -> EvalResult {
    let n = count(&m)?;
    let j = n / 4;
    let i = n - j;
    let mut hsv: Vec<[f64; 3]> = seq(0.0, 1.0 / 6.0, i).into_iter().map(|h| [h, 1.0, 1.0]).collect();
    if j > 0 {
        let jf = j as f64;
        hsv.extend(seq(1.0 - 1.0 / (2.0 * jf), 1.0 / (2.0 * jf), j).into_iter().map(|s| [1.0 / 6.0, s, 1.0]));
    }
    if i == 0 {
        hsv.clear();
    }
    Ok(finish(hsv_cols(&hsv), &m))
}

/// Steps of hue, saturation and value, each from `a` to `b` in `n` steps.
fn hsv_steps(a: [f64; 3], b: [f64; 3], n: usize) -> Vec<[f64; 3]> {
    let (h, s, v) = (seq(a[0], b[0], n), seq(a[1], b[1], n), seq(a[2], b[2], n));
    (0..n).map(|i| [h[i], s[i], v[i]]).collect()
}

fn terrain_colors(_it: &mut Interp, m: Matched) -> EvalResult {
    let n = count(&m)?;
    let k = n / 2;
    let (p0, p1, p2) = ([4.0 / 12.0, 1.0, 0.65], [2.0 / 12.0, 1.0, 0.9], [0.0, 0.0, 0.95]);
    let mut hsv = hsv_steps(p0, p1, k);
    hsv.extend(hsv_steps(p1, p2, n - k + 1).into_iter().skip(1));
    Ok(finish(hsv_cols(&hsv), &m))
}

fn topo_colors(_it: &mut Interp, m: Matched) -> EvalResult {
    let n = count(&m)?;
    let (j, k) = (n / 3, n / 3);
    let i = n - j - k;
    let mut hsv = hsv_steps([43.0 / 60.0, 1.0, 1.0], [31.0 / 60.0, 1.0, 1.0], i);
    hsv.extend(hsv_steps([23.0 / 60.0, 1.0, 1.0], [11.0 / 60.0, 1.0, 1.0], j));
    hsv.extend(hsv_steps([10.0 / 60.0, 1.0, 1.0], [6.0 / 60.0, 0.3, 1.0], k));
    Ok(finish(hsv_cols(&hsv), &m))
}

fn cm_colors(_it: &mut Interp, m: Matched) -> EvalResult {
    let n = count(&m)?;
    let even = n % 2 == 0;
    let k = n / 2;
    let l1 = k + 1 - even as usize;
    let l2 = n - k + even as usize;
    let mut hsv = hsv_steps([0.5, 0.5, 1.0], [0.5, if even { 0.5 / k as f64 } else { 0.0 }, 1.0], l1);
    if l2 > 1 {
        hsv.extend(hsv_steps([10.0 / 12.0, 0.0, 1.0], [10.0 / 12.0, 0.5, 1.0], l2).into_iter().skip(1));
    }
    if n == 0 {
        hsv.clear();
    }
    Ok(finish(hsv_cols(&hsv), &m))
}

fn adjustcolor(it: &mut Interp, m: Matched) -> EvalResult {
    let col = m.req("col")?.clone();
    let cols = colors_of(it, &col)?;
    let f = |name: &str| m.get(name).and_then(|v| v.as_f64()).unwrap_or(1.0);
    let mut t = [0.0; 16];
    for (i, name) in ["red.f", "green.f", "blue.f", "alpha.f"].iter().enumerate() {
        t[i * 5] = f(name);
    }
    if let Some(tv) = m.get("transform").filter(|v| !v.is_null()) {
        let d = tv.dim();
        if d.as_deref() != Some(&[4, 4][..]) {
            return err("'transform' must be a 4 x 4 matrix");
        }
        t.copy_from_slice(&tv.dbl_vec()[..16]);
    }
    let off = m.get("offset").map(|v| v.dbl_vec().to_vec()).unwrap_or(vec![0.0; 4]);
    if off.is_empty() || off.len() % 4 != 0 {
        return err("length(offset) %% 4L == 0L is not TRUE");
    }
    let out: Vec<String> = cols
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let x = [c.r, c.g, c.b, c.a].map(|v| v as f64 / 255.0);
            let ch = |i: usize| {
                let v: f64 = (0..4).map(|j| t[i + 4 * j] * x[j]).sum::<f64>() + off[(4 * k + i) % off.len()];
                channel(v.clamp(0.0, 1.0))
            };
            let a = Rgba { r: ch(0), g: ch(1), b: ch(2), a: 255 };
            format!("{}{:02X}", a.hex(), ch(3))
        })
        .collect();
    let mut v = Value::strings(&out);
    if let Some(n) = col.get_attr("names") {
        v.set_attr(Sym::new("names"), n.clone());
    }
    let _ = hex_vec;
    Ok(v)
}
