//! Optimisation, root finding and quadrature: optim, optimHess, optimize/optimise,
//! uniroot, integrate (with print.integrate). The numerics live in `stats::optim`;
//! this file turns R arguments into closures over the interpreter and builds R's results.

use crate::builtins::base::apply::as_function;
use crate::builtins::{declared, eager, Builtin, Matched};
use crate::error::{err, EvalResult, Flow};
use crate::eval::call::ArgVal;
use crate::eval::Interp;
use crate::stats::optim::brent::{fmin, zeroin2};
use crate::stats::optim::lbfgsb::{lbfgsb, LbfgsbControl};
use crate::stats::optim::neldermead::{nmmin, NmCoef};
use crate::stats::optim::quadpack::{integrate as quad, Range};
use crate::stats::optim::{
    bfgs::vmmin, cg::cgmin, sann::samin, Fail, OptimOut, Scaled, Tolerances,
};
use crate::syntax::sym::Sym;
use crate::value::{Data, RStr, VType, Value, NA_INT};
use std::cell::RefCell;

pub mod integrate;
mod nlm;
pub mod univariate;

/// Optimisation builtins.
pub const BUILTINS: &[Builtin] = &[
    declared("optim", optim),
    declared("optimHess", optim_hess),
    eager("nlm", nlm::nlm),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("optim",
            "optim(par, fn, gr = NULL, ..., method = c(\"Nelder-Mead\", \"BFGS\", \"CG\", \"L-BFGS-B\", \"SANN\", \
             \"Brent\"), lower = -Inf, upper = Inf, control = list(), hessian = FALSE)",
            "Minimises fn starting from the parameter vector par with the chosen method; gr is an optional \
             gradient, lower and upper bound the search for \"L-BFGS-B\" and \"Brent\", and control = \
             list(fnscale = -1) maximises. Returns a list with par, value, counts, convergence (0 means success) \
             and message, plus the hessian when asked."),
        doc("optimHess", "optimHess(par, fn, gr = NULL, ..., control = list())",
            "Returns a numerical estimate of the Hessian matrix of fn at par, by finite differences of the \
             gradient."),
        doc("nlm",
            "nlm(f, p, ..., hessian = FALSE, typsize = rep(1, length(p)), fscale = 1, print.level = 0, ndigit = \
             12, gradtol = 1e-06, stepmax = max(1000 * sqrt(sum((p/typsize)^2)), 1000), steptol = 1e-06, iterlim \
             = 100, check.analyticals = TRUE)",
            "Minimises f starting from p with a Newton-type algorithm. Returns a list with minimum, estimate, \
             gradient, code (1 or 2 means convergence) and iterations, plus the hessian when asked."),
    ]
};

const METHODS: &[&str] = &["Nelder-Mead", "BFGS", "CG", "L-BFGS-B", "SANN", "Brent"];

/// `match.arg(arg, choices)` for a character argument (the first choice when absent).
fn match_arg(v: Option<&Value>, choices: &[&str]) -> EvalResult<String> {
    let quoted = || {
        choices
            .iter()
            .map(|c| format!("\u{201c}{}\u{201d}", c))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let Some(v) = v else {
        return Ok(choices[0].to_string());
    };
    let given = v.as_strings().unwrap_or_default();
    if given.len() == choices.len() && given.iter().zip(choices).all(|(a, b)| a == b) {
        return Ok(choices[0].to_string());
    }
    if given.len() != 1 {
        return err("'arg' must be of length 1");
    }
    let g = &given[0];
    if let Some(c) = choices.iter().find(|c| *c == g) {
        return Ok(c.to_string());
    }
    let hits: Vec<&&str> = choices
        .iter()
        .filter(|c| !g.is_empty() && c.starts_with(g.as_str()))
        .collect();
    if hits.len() == 1 {
        return Ok(hits[0].to_string());
    }
    err(format!("'arg' should be one of {}", quoted()))
}

/// The doubles of a function's result, as `coerceVector(s, REALSXP)` gives them.
fn result_doubles(v: &Value) -> EvalResult<Vec<f64>> {
    match v {
        Value::Null => Ok(vec![]),
        Value::Vector(x) => match &x.data {
            Data::List(items) => {
                let mut out = Vec::with_capacity(items.len());
                for it in items.iter() {
                    match it.vtype() {
                        Some(VType::Lgl | VType::Int | VType::Dbl) if it.len() == 1 => {
                            out.push(it.dbl_vec()[0])
                        }
                        _ => return err("(list) object cannot be coerced to type 'double'"),
                    }
                }
                Ok(out)
            }
            d => Ok(d.to_dbl().to_vec()),
        },
        _ => err(format!(
            "cannot coerce type '{}' to vector of type 'double'",
            crate::value::class::type_of(v)
        )),
    }
}

fn from_fail(f: Fail<Flow>) -> Flow {
    match f {
        Fail::Fn(e) => e,
        Fail::Msg(m) => Flow::from(crate::error::RError::runtime(m)),
    }
}

fn list_field(v: &Value, name: &str) -> Option<Value> {
    crate::value::fields::field(v, name)
}

/// `optim`'s control list merged over its defaults.
struct Control {
    fnscale: f64,
    parscale: Vec<f64>,
    ndeps: Vec<f64>,
    maxit: i32,
    abstol: f64,
    reltol: f64,
    coef: NmCoef,
    report: i32,
    kind: i32,
    lmm: i32,
    factr: f64,
    pgtol: f64,
    tmax: i32,
    temp: f64,
    trace: f64,
}

const CONTROL_NAMES: &[&str] = &[
    "trace",
    "fnscale",
    "parscale",
    "ndeps",
    "maxit",
    "abstol",
    "reltol",
    "alpha",
    "beta",
    "gamma",
    "REPORT",
    "warn.1d.NelderMead",
    "type",
    "lmm",
    "factr",
    "pgtol",
    "tmax",
    "temp",
];

fn control(
    it: &mut Interp,
    ctl: Option<&Value>,
    npar: usize,
    method: &str,
) -> EvalResult<(Control, Vec<String>)> {
    let names: Vec<String> = ctl
        .and_then(|c| c.names())
        .map(|n| {
            n.iter()
                .map(|s| s.as_deref().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default();
    let get = |k: &str| ctl.and_then(|c| list_field(c, k));
    let num = |k: &str, d: f64| get(k).and_then(|v| v.as_f64()).unwrap_or(d);
    let vecn = |k: &str| {
        get(k)
            .map(|v| v.dbl_vec().to_vec())
            .unwrap_or_else(|| vec![if k == "ndeps" { 1e-3 } else { 1.0 }; npar])
    };
    let unknown: Vec<&String> = names
        .iter()
        .filter(|n| !CONTROL_NAMES.contains(&n.as_str()))
        .collect();
    if !unknown.is_empty() {
        it.warning(format!(
            "unknown names in control: {}",
            unknown
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let (def_maxit, def_report) = match method {
        "Nelder-Mead" => (500.0, 10.0),
        "SANN" => (10000.0, 100.0),
        _ => (100.0, 10.0),
    };
    let maxit = match get("maxit") {
        Some(v) => v.as_i32().unwrap_or(NA_INT),
        None => def_maxit as i32,
    };
    let c = Control {
        fnscale: num("fnscale", 1.0),
        parscale: vecn("parscale"),
        ndeps: vecn("ndeps"),
        maxit,
        abstol: num("abstol", f64::NEG_INFINITY),
        reltol: num("reltol", f64::EPSILON.sqrt()),
        coef: NmCoef {
            alpha: num("alpha", 1.0),
            beta: num("beta", 0.5),
            gamma: num("gamma", 2.0),
        },
        report: num("REPORT", def_report) as i32,
        kind: num("type", 1.0) as i32,
        lmm: num("lmm", 5.0) as i32,
        factr: num("factr", 1e7),
        pgtol: num("pgtol", 0.0),
        tmax: get("tmax").and_then(|v| v.as_i32()).unwrap_or(10),
        temp: num("temp", 10.0),
        trace: num("trace", 0.0),
    };
    if c.trace < 0.0 {
        it.warning("read the documentation for 'trace' more carefully");
    }
    Ok((c, names))
}

/// Calls `f(x, ...)` with `x` carrying `names`.
fn call_at(it: &mut Interp, f: &Value, x: Value, dots: &[ArgVal]) -> EvalResult {
    let mut args = vec![(None, x)];
    args.extend(dots.iter().cloned());
    it.call_value(f, args)
}

fn named_dbls(x: &[f64], names: &Option<Vec<RStr>>) -> Value {
    let mut v = Value::dbls(x.to_vec());
    if let Some(n) = names {
        v.set_attr(Sym::new("names"), Value::strs(n.clone()));
    }
    v
}

/// The pieces of one optim problem shared by the methods and optimHess.
struct Problem<'a> {
    fnv: &'a Value,
    gr: Option<&'a Value>,
    dots: &'a [ArgVal],
    names: Option<Vec<RStr>>,
}

impl Problem<'_> {
    /// Runs `body` on the scaled objective built over the interpreter.
    fn with_scaled<T>(
        &self,
        it: &mut Interp,
        con: &Control,
        bounds: Option<(Vec<f64>, Vec<f64>)>,
        body: impl FnOnce(&mut dyn ObjectiveDyn, &RefCell<&mut Interp>) -> Result<T, Fail<Flow>>,
    ) -> EvalResult<T> {
        let cell = RefCell::new(it);
        let call = |func: &Value, x: &[f64]| -> Result<Vec<f64>, Flow> {
            let mut it = cell.borrow_mut();
            let r = call_at(&mut it, func, named_dbls(x, &self.names), self.dots)?;
            result_doubles(&r)
        };
        let f = |x: &[f64]| call(self.fnv, x);
        let g = self.gr.map(|gv| move |x: &[f64]| call(gv, x));
        let mut sc = Scaled {
            f,
            gr: g,
            parscale: con.parscale.clone(),
            fnscale: con.fnscale,
            ndeps: con.ndeps.clone(),
            bounds,
        };
        body(&mut sc, &cell).map_err(from_fail)
    }
}

/// Object-safe view of a [`Scaled`] objective, so one closure type serves every method.
trait ObjectiveDyn {
    fn value(&mut self, x: &[f64]) -> Result<f64, Fail<Flow>>;
    fn grad(&mut self, x: &[f64], g: &mut [f64]) -> Result<(), Fail<Flow>>;
    fn hessian(&mut self, par: &[f64]) -> Result<Vec<f64>, Fail<Flow>>;
}

impl<F, G> ObjectiveDyn for Scaled<F, G>
where
    F: FnMut(&[f64]) -> Result<Vec<f64>, Flow>,
    G: FnMut(&[f64]) -> Result<Vec<f64>, Flow>,
{
    fn value(&mut self, x: &[f64]) -> Result<f64, Fail<Flow>> {
        crate::stats::optim::Objective::value(self, x)
    }
    fn grad(&mut self, x: &[f64], g: &mut [f64]) -> Result<(), Fail<Flow>> {
        crate::stats::optim::Objective::grad(self, x, g)
    }
    fn hessian(&mut self, par: &[f64]) -> Result<Vec<f64>, Fail<Flow>> {
        Scaled::hessian(self, par)
    }
}

/// Adapts the object-safe view back to the algorithms' trait.
struct Dyn<'a>(&'a mut dyn ObjectiveDyn);

impl crate::stats::optim::Objective<Flow> for Dyn<'_> {
    fn value(&mut self, x: &[f64]) -> Result<f64, Fail<Flow>> {
        self.0.value(x)
    }
    fn grad(&mut self, x: &[f64], g: &mut [f64]) -> Result<(), Fail<Flow>> {
        self.0.grad(x, g)
    }
}

fn hessian_value(it: &mut Interp, p: &Problem, con: &Control, par: &[f64]) -> EvalResult {
    let n = par.len();
    if con.parscale.len() != n {
        return err("'parscale' is of the wrong length");
    }
    if con.ndeps.len() != n {
        return err("'ndeps' is of the wrong length");
    }
    let h = p.with_scaled(it, con, None, |o, _| o.hessian(par))?;
    let mut v = Value::dbls(h);
    v.set_attr(Sym::new("dim"), Value::ints(vec![n as i32, n as i32]));
    if let Some(nm) = &p.names {
        v.set_attr(
            Sym::new("dimnames"),
            Value::list(vec![Value::strs(nm.clone()), Value::strs(nm.clone())]),
        );
    }
    Ok(v)
}

fn optim(it: &mut Interp, m: Matched) -> EvalResult {
    let par_v = m.req("par")?.clone();
    let fnv = as_function(it, m.req("fn")?)?;
    let gr = match m.get("gr") {
        None | Some(Value::Null) => None,
        Some(v) => Some(as_function(it, v)?),
    };
    let dots = m.dots.clone();
    let mut method = match_arg(m.get("method"), METHODS)?;
    let lower0 = m
        .get("lower")
        .map(|v| v.dbl_vec().to_vec())
        .unwrap_or_else(|| vec![f64::NEG_INFINITY]);
    let upper0 = m
        .get("upper")
        .map(|v| v.dbl_vec().to_vec())
        .unwrap_or_else(|| vec![f64::INFINITY]);
    let hessian = m
        .get("hessian")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    if (lower0.iter().any(|l| *l > f64::NEG_INFINITY) || upper0.iter().any(|u| *u < f64::INFINITY))
        && method != "L-BFGS-B"
        && method != "Brent"
    {
        it.warning("bounds can only be used with method L-BFGS-B (or Brent)");
        method = "L-BFGS-B".into();
    }
    let npar = par_v.len();
    let (con, cnames) = control(it, m.get("control"), npar, &method)?;
    if method == "L-BFGS-B" && cnames.iter().any(|n| n == "reltol" || n == "abstol") {
        it.warning("method L-BFGS-B uses 'factr' (and 'pgtol') instead of 'reltol' and 'abstol'");
    }
    let warn1d = m
        .get("control")
        .and_then(|c| list_field(c, "warn.1d.NelderMead"))
        .map(|v| v.as_bool() == Some(Some(true)))
        .unwrap_or(true);
    if npar == 1 && method == "Nelder-Mead" && warn1d {
        it.warning("one-dimensional optimization by Nelder-Mead is unreliable:\nuse \"Brent\" or optimize() directly");
    }
    if npar > 1 && method == "Brent" {
        return err("method = \"Brent\" is only available for one-dimensional optimization");
    }
    let rep = |v: &[f64]| -> Vec<f64> {
        (0..npar)
            .map(|i| {
                if v.is_empty() {
                    f64::NAN
                } else {
                    v[i % v.len()]
                }
            })
            .collect()
    };
    let lower = rep(&lower0);
    let upper = rep(&upper0);
    let names = par_v.names();
    let prob = Problem {
        fnv: &fnv,
        gr: gr.as_ref(),
        dots: &dots,
        names: names.clone(),
    };
    let mut res = if method == "Brent" {
        if lower.iter().chain(&upper).any(|v| !v.is_finite()) {
            return err("'lower' and 'upper' must be finite values");
        }
        let fnscale = con.fnscale;
        let (x, obj) = {
            let cell = RefCell::new(&mut *it);
            let f = |x: f64| -> Result<f64, Flow> {
                let mut it = cell.borrow_mut();
                let r = call_at(&mut it, &fnv, Value::num(x), &dots)?;
                let d = result_doubles(&r)?;
                let v = d.first().copied().unwrap_or(f64::NAN) / fnscale;
                fmin_value(&mut it, &d, v, "optimize")
            };
            let x = brent_min(lower[0], upper[0], con.reltol, f)?;
            let mut it = cell.borrow_mut();
            let r = call_at(&mut it, &fnv, Value::num(x), &dots)?;
            let d = result_doubles(&r)?;
            (
                x,
                d.first().copied().unwrap_or(f64::NAN) / fnscale * fnscale,
            )
        };
        let mut counts = Value::lgls(vec![crate::value::NA_LGL, crate::value::NA_LGL]);
        counts.set_attr(Sym::new("names"), Value::strings(&["function", "gradient"]));
        vec![
            ("par".to_string(), Value::num(x)),
            ("value".to_string(), Value::num(obj)),
            ("counts".to_string(), counts),
            ("convergence".to_string(), Value::int(0)),
            ("message".to_string(), Value::Null),
        ]
    } else {
        let out = run_method(it, &prob, &con, &method, &par_v, &lower, &upper)?;
        let par: Vec<f64> = out
            .par
            .iter()
            .zip(&con.parscale)
            .map(|(p, s)| p * s)
            .collect();
        let mut counts = Value::ints(vec![out.fncount, out.grcount.unwrap_or(NA_INT)]);
        counts.set_attr(Sym::new("names"), Value::strings(&["function", "gradient"]));
        vec![
            ("par".to_string(), named_dbls(&par, &names)),
            ("value".to_string(), Value::num(out.value * con.fnscale)),
            ("counts".to_string(), counts),
            ("convergence".to_string(), Value::int(out.fail)),
            (
                "message".to_string(),
                out.message.map(|s| Value::str(&s)).unwrap_or(Value::Null),
            ),
        ]
    };
    if hessian {
        let par = res[0].1.dbl_vec().to_vec();
        let h = hessian_value(it, &prob, &con, &par)?;
        res.push(("hessian".to_string(), h));
    }
    it.visible = true;
    Ok(Value::named_list(res))
}

fn run_method(
    it: &mut Interp,
    prob: &Problem,
    con: &Control,
    method: &str,
    par_v: &Value,
    lower: &[f64],
    upper: &[f64],
) -> EvalResult<OptimOut> {
    let npar = par_v.len();
    let par = par_v.dbl_vec().to_vec();
    if con.parscale.len() != npar {
        return err("'parscale' is of the wrong length");
    }
    let dpar: Vec<f64> = par.iter().zip(&con.parscale).map(|(p, s)| p / s).collect();
    if con.maxit == NA_INT {
        return err("'maxit' is not an integer");
    }
    let tol = Tolerances {
        maxit: con.maxit,
        abstol: con.abstol,
        reltol: con.reltol,
    };
    let needs_ndeps = prob.gr.is_none() && matches!(method, "BFGS" | "CG" | "L-BFGS-B");
    if needs_ndeps && con.ndeps.len() != npar {
        return err("'ndeps' is of the wrong length");
    }
    match method {
        "Nelder-Mead" => prob.with_scaled(it, con, None, |o, _| {
            nmmin(&mut Dyn(o), &dpar, tol, con.coef)
        }),
        "BFGS" => {
            if con.report <= 0 {
                return err("REPORT must be > 0 (method = \"BFGS\")");
            }
            prob.with_scaled(it, con, None, |o, _| vmmin(&mut Dyn(o), &dpar, tol))
        }
        "CG" => prob.with_scaled(it, con, None, |o, _| {
            cgmin(&mut Dyn(o), &dpar, tol, con.kind)
        }),
        "L-BFGS-B" => {
            if con.report <= 0 {
                return err("REPORT must be > 0 (method = \"L-BFGS-B\")");
            }
            let lo: Vec<f64> = lower
                .iter()
                .zip(&con.parscale)
                .map(|(l, s)| l / s)
                .collect();
            let up: Vec<f64> = upper
                .iter()
                .zip(&con.parscale)
                .map(|(u, s)| u / s)
                .collect();
            let ctl = LbfgsbControl {
                m: con.lmm.max(0) as usize,
                factr: con.factr,
                pgtol: con.pgtol,
                maxit: con.maxit,
            };
            let b = Some((lo.clone(), up.clone()));
            prob.with_scaled(it, con, b, |o, _| lbfgsb(&mut Dyn(o), &dpar, &lo, &up, ctl))
        }
        "SANN" => {
            if con.tmax == NA_INT || con.tmax < 1 {
                return err("'tmax' is not a positive integer");
            }
            let scale = &con.parscale;
            let seed = RefCell::new(it.rng.clone());
            prob.with_scaled(it, con, None, |o, cell| {
                let gen = |p: &[f64], sd: f64, out: &mut [f64]| -> Result<(), Fail<Flow>> {
                    let Some(gr) = prob.gr else {
                        for i in 0..p.len() {
                            out[i] = p[i] + sd * cell.borrow_mut().rng.norm_rand();
                        }
                        return Ok(());
                    };
                    if p.iter().any(|v| !v.is_finite()) {
                        return Err(Fail::msg("non-finite value supplied by optim"));
                    }
                    let x: Vec<f64> = p.iter().zip(scale).map(|(a, b)| a * b).collect();
                    // R's samin holds the generator state while R code runs: R-level
                    // draws start from the last saved .Random.seed and replace the state.
                    let mut itb = cell.borrow_mut();
                    let inner = std::mem::replace(&mut itb.rng, seed.borrow().clone());
                    let before = format!("{:?}", itb.rng);
                    let r = call_at(&mut itb, gr, named_dbls(&x, &prob.names), prob.dots);
                    if format!("{:?}", itb.rng) != before {
                        *seed.borrow_mut() = itb.rng.clone();
                    } else {
                        itb.rng = inner;
                    }
                    drop(itb);
                    let r = r.map_err(Fail::Fn)?;
                    let s = result_doubles(&r).map_err(Fail::Fn)?;
                    if s.len() != p.len() {
                        return Err(Fail::Msg(format!(
                            "candidate point in optim evaluated to length {} not {}",
                            s.len(),
                            p.len()
                        )));
                    }
                    for i in 0..p.len() {
                        out[i] = s[i] / scale[i];
                    }
                    Ok(())
                };
                samin(
                    &mut Dyn(o),
                    &dpar,
                    con.maxit,
                    con.tmax,
                    con.temp,
                    gen,
                    || cell.borrow_mut().rng.unif_rand(),
                )
            })
        }
        _ => err("unknown 'method'"),
    }
}

fn optim_hess(it: &mut Interp, m: Matched) -> EvalResult {
    let par_v = m.req("par")?.clone();
    let fnv = as_function(it, m.req("fn")?)?;
    let gr = match m.get("gr") {
        None | Some(Value::Null) => None,
        Some(v) => Some(as_function(it, v)?),
    };
    let dots = m.dots.clone();
    let npar = par_v.len();
    let ctl = m.get("control");
    let get = |k: &str| ctl.and_then(|c| list_field(c, k));
    let con = Control {
        fnscale: get("fnscale").and_then(|v| v.as_f64()).unwrap_or(1.0),
        parscale: get("parscale")
            .map(|v| v.dbl_vec().to_vec())
            .unwrap_or_else(|| vec![1.0; npar]),
        ndeps: get("ndeps")
            .map(|v| v.dbl_vec().to_vec())
            .unwrap_or_else(|| vec![1e-3; npar]),
        maxit: 100,
        abstol: 0.0,
        reltol: 0.0,
        coef: NmCoef::default(),
        report: 10,
        kind: 1,
        lmm: 5,
        factr: 1e7,
        pgtol: 0.0,
        tmax: 10,
        temp: 10.0,
        trace: 0.0,
    };
    let prob = Problem {
        fnv: &fnv,
        gr: gr.as_ref(),
        dots: &dots,
        names: par_v.names(),
    };
    let par = par_v.dbl_vec().to_vec();
    let h = hessian_value(it, &prob, &con, &par)?;
    it.visible = true;
    Ok(h)
}

/// Applies `optimize`'s rules to one function value: a non-finite value becomes the
/// largest double, with a warning.
fn fmin_value(it: &mut Interp, d: &[f64], v: f64, who: &str) -> Result<f64, Flow> {
    if d.len() != 1 {
        return err(format!("invalid function value in '{}'", who));
    }
    if !v.is_finite() {
        it.warning("NA/Inf replaced by maximum positive value");
        return Ok(f64::MAX);
    }
    Ok(v)
}

fn brent_min(
    lower: f64,
    upper: f64,
    tol: f64,
    f: impl FnMut(f64) -> Result<f64, Flow>,
) -> EvalResult<f64> {
    if !lower.is_finite() {
        return err("invalid 'xmin' value");
    }
    if !upper.is_finite() {
        return err("invalid 'xmax' value");
    }
    if lower >= upper {
        return err("'xmin' not less than 'xmax'");
    }
    if !tol.is_finite() || tol <= 0.0 {
        return err("invalid 'tol' value");
    }
    fmin(lower, upper, f, tol)
}

/// `uniroot`'s function values for zeroin: infinities are replaced with warnings.
fn zeroin_value(it: &mut Interp, r: &Value) -> Result<f64, Flow> {
    let d = match r.vtype() {
        Some(VType::Int | VType::Dbl) if r.len() == 1 => r.dbl_vec()[0],
        _ => return err("invalid function value in 'zeroin'"),
    };
    if d.is_finite() {
        return Ok(d);
    }
    if d == f64::NEG_INFINITY {
        it.warning("-Inf replaced by maximally negative value");
        return Ok(-f64::MAX);
    }
    it.warning("NA/Inf replaced by maximum positive value");
    Ok(f64::MAX)
}

fn scalar_of(v: &Value) -> f64 {
    v.as_f64().unwrap_or(f64::NAN)
}

const INTEGRATE_MESSAGES: &[&str] = &[
    "OK",
    "maximum number of subdivisions reached",
    "roundoff error was detected",
    "extremely bad integrand behaviour",
    "roundoff error is detected in the extrapolation table",
    "the integral is probably divergent",
    "the input is invalid",
];
