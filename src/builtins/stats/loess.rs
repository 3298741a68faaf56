//! Kernels behind `loess`, `predict.loess` and `loess.smooth` (R-level code in
//! `builtins/R/stats_loess.R`): the fit on a k-d tree or directly, its statistics, the
//! interpolated surface at new points, standard-error sums, robustness weights and
//! pseudovalues. Numerics live in `crate::stats::smooth::loess`.

use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult, RError};
use crate::eval::index::list_get;
use crate::eval::Interp;
use crate::stats::smooth::loess::{self, KdFit, Local, Warn};
use crate::stats::smooth::loess_kd::KdTree;
use crate::value::Value;

pub const BUILTINS: &[Builtin] = &[
    declared(".loess_raw", loess_raw),
    declared(".loess_ifit", loess_ifit),
    declared(".loess_dfit", loess_dfit),
    declared(".loess_se2", loess_se2),
    declared(".loess_robw", loess_robw),
    declared(".loess_pseudo", loess_pseudo),
];

pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc(".loess_raw", ".loess_raw(y, x, rw, span, degree, nonparametric, cdeg, cell, surf.stat)",
            "One loess fit of y on the columns of x with weights rw; surf.stat as \"interpolate/1.approx\": \
             list(fitted, trL, delta1, delta2, diagonal, kd)."),
        doc(".loess_ifit", ".loess_ifit(kd, x)", "The interpolated loess surface of kd at the rows of x."),
        doc(".loess_dfit", ".loess_dfit(y, x, newx, rw, span, degree, nonparametric, cdeg)",
            "Direct loess fits at the rows of newx."),
        doc(".loess_se2", ".loess_se2(y, x, newx, w, span, degree, nonparametric, cdeg, cell, surface)",
            "Per row of newx, the sum over data points of L[i, j]^2 / w[j] (L the loess operator)."),
        doc(".loess_robw", ".loess_robw(res)", "Bisquare robustness weights of loess from residuals."),
        doc(".loess_pseudo", ".loess_pseudo(y, yhat, pw, rw)", "Pseudovalues of a robust loess fit."),
    ]
};

fn num(m: &Matched, name: &str) -> EvalResult<f64> {
    m.req(name)?.as_f64().ok_or_else(|| RError::runtime(format!("invalid '{}'", name)).into())
}

/// The data and settings shared by the kernels.
struct Setup {
    x: Vec<f64>,
    y: Vec<f64>,
    n: usize,
    d: usize,
    span: f64,
    degree: usize,
    dd: usize,
    cdeg: Vec<usize>,
}

impl Setup {
    fn read(m: &Matched) -> EvalResult<Setup> {
        let y = m.req("y")?.dbl_vec().to_vec();
        let x = m.req("x")?.dbl_vec().to_vec();
        let n = y.len();
        if n == 0 || x.len() % n != 0 {
            return err("invalid 'x'");
        }
        let d = x.len() / n;
        if d == 0 || d > 4 {
            return err("only 1-4 predictors are allowed");
        }
        let span = num(m, "span")?;
        if !(span > 0.0) {
            return err("invalid argument 'span'");
        }
        let degree = num(m, "degree")?;
        if !(0.0..=2.0).contains(&degree) {
            return err("'degree' must be 0, 1 or 2");
        }
        let dd = (num(m, "nonparametric")? as usize).clamp(1, d);
        let cdeg: Vec<usize> = m.req("cdeg")?.dbl_vec().iter().map(|&v| v as usize).collect();
        if cdeg.len() != d {
            return err("invalid 'drop.square'");
        }
        if ((n as f64 * span + 1e-5).floor() as usize).min(n) == 0 {
            return err("span is too small");
        }
        Ok(Setup { x, y, n, d, span, degree: degree as usize, dd, cdeg })
    }

    fn local<'a>(&'a self, rw: &'a [f64]) -> Local<'a> {
        Local {
            x: &self.x,
            y: &self.y,
            rw,
            n: self.n,
            d: self.d,
            span: self.span,
            degree: self.degree,
            dd: self.dd,
            cdeg: self.cdeg.clone(),
        }
    }

    /// Local parameters of the model (squares dropped).
    fn tau(&self) -> usize {
        let full = if self.degree > 1 { (self.d + 2) * (self.d + 1) / 2 } else { self.d + 1 };
        full - self.cdeg.iter().filter(|&&c| c < 2).count()
    }
}

fn weights(m: &Matched, name: &str, n: usize) -> EvalResult<Vec<f64>> {
    let w = m.req(name)?.dbl_vec();
    match w.len() {
        1 => Ok(vec![w[0]; n]),
        l if l == n => Ok(w.to_vec()),
        _ => err(format!("invalid '{}'", name)),
    }
}

fn flush(it: &mut Interp, warn: Warn) {
    for msg in warn.msgs {
        it.warning(msg);
    }
}

fn span_check(loc: &Local, warn: &mut Warn) {
    if loc.ncol() + 1 > loc.nf() {
        warn.msgs.push("span too small.   fewer data values than degrees of freedom.".into());
    }
}

fn kd_value(fit: &KdFit) -> Value {
    let t = &fit.tree;
    let ints = |v: &[usize]| Value::ints(v.iter().map(|&u| u as i32).collect());
    Value::named_list(vec![
        ("parameter".into(), Value::ints(vec![t.d as i32, t.pi.len() as i32, t.vc as i32, t.nc() as i32, t.nv() as i32])),
        ("a".into(), ints(&t.a)),
        ("xi".into(), Value::dbls(t.xi.clone())),
        ("lo".into(), ints(&t.lo)),
        ("hi".into(), ints(&t.hi)),
        ("c".into(), ints(&t.c)),
        ("vert".into(), Value::dbls(t.v.clone())),
        ("vval".into(), Value::dbls(fit.vval.clone())),
    ])
}

fn kd_from(v: &Value) -> EvalResult<KdFit> {
    let field = |n: &str| list_get(v, n).ok_or_else(|| RError::runtime("invalid 'kd' component of a loess fit".to_string()));
    let ints = |n: &str| -> EvalResult<Vec<usize>> { Ok(field(n)?.dbl_vec().iter().map(|&u| u as usize).collect()) };
    let par = ints("parameter")?;
    if par.len() < 5 {
        return err("invalid 'kd' component of a loess fit");
    }
    let (d, vc, nc, nv) = (par[0], par[2], par[3], par[4]);
    let tree = KdTree {
        d,
        vc,
        v: field("vert")?.dbl_vec().to_vec(),
        a: ints("a")?,
        xi: field("xi")?.dbl_vec().to_vec(),
        lo: ints("lo")?,
        hi: ints("hi")?,
        c: ints("c")?,
        pi: Vec::new(),
    };
    let vval = field("vval")?.dbl_vec().to_vec();
    let ok = d >= 1
        && vc == 1 << d
        && tree.v.len() == nv * d
        && tree.a.len() == nc
        && tree.xi.len() == nc
        && tree.lo.len() == nc
        && tree.hi.len() == nc
        && tree.c.len() == nc * vc
        && vval.len() == nv * (d + 1)
        && tree.a.iter().all(|&a| a <= d)
        && tree.c.iter().all(|&c| c < nv)
        && (0..nc).all(|p| tree.a[p] == 0 || (tree.lo[p] < nc && tree.hi[p] < nc && tree.lo[p] > p && tree.hi[p] > p));
    if !ok {
        return err("invalid 'kd' component of a loess fit");
    }
    Ok(KdFit { tree, vval, ops: Vec::new() })
}

fn loess_raw(it: &mut Interp, m: Matched) -> EvalResult {
    let s = Setup::read(&m)?;
    let rw = weights(&m, "rw", s.n)?;
    let cell = num(&m, "cell")?;
    let ss = m.req("surf.stat")?.as_string().unwrap_or_default();
    let loc = s.local(&rw);
    let mut warn = Warn::default();
    span_check(&loc, &mut warn);
    let n = s.n;
    let (mut trl, mut d1, mut d2) = (0.0, 0.0, 0.0);
    let mut diagonal = vec![0.0; n];
    let mut kd = Value::Null;
    let tau = s.tau();
    let fitted = match ss.as_str() {
        "interpolate/none" | "interpolate/2.approx" | "interpolate/1.approx" | "interpolate/exact" => {
            let stat = &ss["interpolate/".len()..];
            let want_diag = stat == "1.approx" || stat == "exact";
            let mut dg = Vec::new();
            let fit = loess::kd_fit(&loc, cell, want_diag.then_some(&mut dg), stat == "exact", &mut warn);
            let xs = |i: usize| -> Vec<f64> { (0..s.d).map(|j| s.x[j * n + i]).collect() };
            let fitted: Vec<f64> = (0..n).map(|i| fit.eval(&xs(i))).collect();
            match stat {
                "1.approx" => {
                    trl = dg.iter().rev().fold(0.0, |a, v| v + a);
                    diagonal = dg;
                    (d1, d2) = loess::lowesa(trl, n, s.d, tau, warn.nsing, &mut warn);
                }
                "2.approx" => {
                    trl = loess::approx_trace(tau, s.d, s.span);
                    (d1, d2) = loess::lowesa(trl, n, s.d, tau, warn.nsing, &mut warn);
                }
                "exact" => {
                    let mut l = vec![0.0; n * n];
                    for i in 0..n {
                        let row = fit.l_row(&xs(i), n);
                        for (j, v) in row.into_iter().enumerate() {
                            l[j * n + i] = v;
                        }
                    }
                    (trl, d1, d2) = loess::exact_stats(&l, n);
                    diagonal = dg;
                }
                _ => {}
            }
            kd = kd_value(&fit);
            fitted
        }
        "direct/none" => loess::direct_fit(&loc, &s.x, n, None, None, &mut warn),
        "direct/approximate" => {
            let mut dg = Vec::new();
            let f = loess::direct_fit(&loc, &s.x, n, Some(&mut dg), None, &mut warn);
            trl = dg.iter().sum();
            diagonal = dg;
            (d1, d2) = loess::lowesa(trl, n, s.d, tau, warn.nsing, &mut warn);
            f
        }
        "direct/exact" => {
            let mut l = Vec::new();
            let f = loess::direct_fit(&loc, &s.x, n, None, Some(&mut l), &mut warn);
            (trl, d1, d2) = loess::exact_stats(&l, n);
            diagonal = (0..n).map(|i| l[i * n + i]).collect();
            f
        }
        _ => return err(format!("invalid surface/statistics combination '{}'", ss)),
    };
    flush(it, warn);
    Ok(Value::named_list(vec![
        ("fitted".into(), Value::dbls(fitted)),
        ("trL".into(), Value::num(trl)),
        ("delta1".into(), Value::num(d1)),
        ("delta2".into(), Value::num(d2)),
        ("diagonal".into(), Value::dbls(diagonal)),
        ("kd".into(), kd),
    ]))
}

/// Rows of a column-major matrix value (m x d) as points.
fn rows(v: &Value, d: usize) -> EvalResult<(Vec<f64>, usize)> {
    let z = v.dbl_vec().to_vec();
    if d == 0 || z.len() % d != 0 {
        return err("invalid new data for a loess fit");
    }
    let m = z.len() / d;
    Ok((z, m))
}

fn loess_ifit(_it: &mut Interp, m: Matched) -> EvalResult {
    let fit = kd_from(m.req("kd")?)?;
    let d = fit.tree.d;
    let (z, mm) = rows(m.req("x")?, d)?;
    let out: Vec<f64> = (0..mm)
        .map(|i| {
            let p: Vec<f64> = (0..d).map(|j| z[j * mm + i]).collect();
            if p.iter().any(|v| v.is_nan()) { f64::NAN } else { fit.eval(&p) }
        })
        .collect();
    Ok(Value::dbls(out))
}

fn loess_dfit(it: &mut Interp, m: Matched) -> EvalResult {
    let s = Setup::read(&m)?;
    let rw = weights(&m, "rw", s.n)?;
    let (z, mm) = rows(m.req("newx")?, s.d)?;
    let mut warn = Warn::default();
    let out = loess::direct_fit(&s.local(&rw), &z, mm, None, None, &mut warn);
    flush(it, warn);
    Ok(Value::dbls(out))
}

fn loess_se2(it: &mut Interp, m: Matched) -> EvalResult {
    let s = Setup::read(&m)?;
    let w = weights(&m, "w", s.n)?;
    let (z, mm) = rows(m.req("newx")?, s.d)?;
    let surface = m.req("surface")?.as_string().unwrap_or_default();
    let loc = s.local(&w);
    let mut warn = Warn::default();
    let n = s.n;
    let sum = |row: &[f64]| -> f64 { row.iter().zip(&w).map(|(l, wj)| l * l / wj).sum() };
    let out: Vec<f64> = if surface == "direct" {
        let mut l = Vec::new();
        loess::direct_fit(&loc, &z, mm, None, Some(&mut l), &mut warn);
        (0..mm).map(|i| sum(&(0..n).map(|j| l[j * mm + i]).collect::<Vec<_>>())).collect()
    } else {
        let cell = num(&m, "cell")?;
        let fit = loess::kd_fit(&loc, cell, None, true, &mut warn);
        (0..mm)
            .map(|i| {
                let p: Vec<f64> = (0..s.d).map(|j| z[j * mm + i]).collect();
                sum(&fit.l_row(&p, n))
            })
            .collect()
    };
    flush(it, warn);
    Ok(Value::dbls(out))
}

fn loess_robw(_it: &mut Interp, m: Matched) -> EvalResult {
    let r = m.req("res")?.dbl_vec();
    Ok(Value::dbls(loess::robustness_weights(&r)))
}

fn loess_pseudo(_it: &mut Interp, m: Matched) -> EvalResult {
    let y = m.req("y")?.dbl_vec();
    let n = y.len();
    let yhat = m.req("yhat")?.dbl_vec();
    let pw = weights(&m, "pw", n)?;
    let rw = weights(&m, "rw", n)?;
    if yhat.len() != n {
        return err("invalid 'yhat'");
    }
    Ok(Value::dbls(loess::pseudovalues(&y, &yhat, &pw, &rw)))
}
