//! `nlm`: R's Dennis–Schnabel minimiser over an R function, with R's cache of recent
//! evaluations and gradient/Hessian attributes.

use super::{as_function, call_at, from_fail};
use crate::builtins::Args;
use crate::error::{err, EvalResult, Flow};
use crate::eval::call::ArgVal;
use crate::eval::Interp;
use crate::stats::optim::uncmin::{fdhess, optif9, NlmControl, NlmObjective};
use crate::stats::optim::Fail;
use crate::syntax::sym::Sym;
use crate::value::{VType, Value, NA_INT};

/// One remembered evaluation of `nlm`'s objective.
struct Cached {
    x: Vec<f64>,
    f: f64,
    grad: Vec<f64>,
    hess: Vec<f64>,
}

/// `nlm`'s objective over the interpreter, with R's table of the last five evaluations
/// (so a point is never evaluated twice in a row and gradients come from attributes).
struct NlmState<'a, 'b> {
    it: &'a mut Interp,
    f: &'b Value,
    dots: &'b [ArgVal],
    have_grad: bool,
    have_hess: bool,
    table: Vec<Cached>,
    last: i64,
}

impl NlmState<'_, '_> {
    fn lookup(&self, x: &[f64]) -> Option<usize> {
        let size = self.table.len() as i64;
        (0..size)
            .map(|i| (self.last - i).rem_euclid(size) as usize)
            .find(|&k| self.table[k].x == x)
    }

    fn eval(&mut self, x: &[f64]) -> Result<usize, Fail<Flow>> {
        if let Some(k) = self.lookup(x) {
            return Ok(k);
        }
        if x.iter().any(|v| !v.is_finite()) {
            return Err(Fail::msg("non-finite value supplied by 'nlm'"));
        }
        let r = call_at(self.it, self.f, Value::dbls(x.to_vec()), self.dots).map_err(Fail::Fn)?;
        let f = match r.vtype() {
            Some(VType::Int | VType::Dbl) if r.len() == 1 => {
                let v = r.dbl_vec()[0];
                if v.is_finite() {
                    v
                } else {
                    let int = r.vtype() == Some(VType::Int);
                    self.it.warning(if int {
                        "NA replaced by maximum positive value"
                    } else {
                        "NA/Inf replaced by maximum positive value"
                    });
                    f64::MAX
                }
            }
            _ => return Err(Fail::msg("invalid function value in 'nlm' optimizer")),
        };
        let attr = |name: &str| {
            r.get_attr(name)
                .map(|v| v.dbl_vec().to_vec())
                .unwrap_or_default()
        };
        let grad = if self.have_grad {
            attr("gradient")
        } else {
            vec![]
        };
        let hess = if self.have_hess {
            attr("hessian")
        } else {
            vec![]
        };
        self.last += 1;
        let k = (self.last as usize) % self.table.len();
        self.table[k] = Cached {
            x: x.to_vec(),
            f,
            grad,
            hess,
        };
        Ok(k)
    }
}

impl NlmObjective<Flow> for NlmState<'_, '_> {
    fn value(&mut self, x: &[f64]) -> Result<f64, Fail<Flow>> {
        let k = self.eval(x)?;
        Ok(self.table[k].f)
    }
    fn grad(&mut self, x: &[f64], g: &mut [f64]) -> Result<(), Fail<Flow>> {
        let k = self.eval(x)?;
        for (i, v) in g.iter_mut().enumerate() {
            *v = self.table[k].grad.get(i).copied().unwrap_or(f64::NAN);
        }
        Ok(())
    }
    fn hess(&mut self, x: &[f64], h: &mut [f64]) -> Result<(), Fail<Flow>> {
        let k = self.eval(x)?;
        let n = x.len();
        for j in 0..n {
            for i in j..n {
                h[i + j * n] = self.table[k]
                    .hess
                    .get(i + j * n)
                    .copied()
                    .unwrap_or(f64::NAN);
            }
        }
        Ok(())
    }
    fn report(&mut self, itncnt: i32, step: Option<&[f64]>, x: &[f64], f: f64, g: &[f64]) {
        let digits = crate::print::option_digits(self.it);
        let opts = crate::print::PrintOpts {
            digits,
            ..Default::default()
        };
        let show = |v: &[f64]| crate::print::print_value(&Value::dbls(v.to_vec()), &opts);
        let mut out = format!("iteration = {}\n", itncnt);
        if let Some(p) = step {
            out += &format!("Step:\n{}", show(p));
        }
        out += &format!(
            "Parameter:\n{}Function Value\n{}Gradient:\n{}\n",
            show(x),
            show(&[f]),
            show(g)
        );
        self.it.write_out(&out);
    }
}

/// R's `optcode`: what `nlm` prints about its termination when `print.level` > 0.
fn nlm_code_message(code: i32) -> &'static str {
    match code {
        1 => "Relative gradient close to zero.\nCurrent iterate is probably solution.\n",
        2 => "Successive iterates within tolerance.\nCurrent iterate is probably solution.\n",
        3 => "Last global step failed to locate a point lower than x.\nEither x is an approximate local minimum of the function,\nthe function is too non-linear for this algorithm,\nor steptol is too large.\n",
        4 => "Iteration limit exceeded.  Algorithm failed.\n",
        5 => "Maximum step size exceeded 5 consecutive times.\nEither the function is unbounded below,\nbecomes asymptotic to a finite value\nfrom above in some direction,\nor stepmx is too small.\n",
        _ => "",
    }
}

/// `fixparam`: a finite numeric parameter vector of the expected length.
fn nlm_param(v: &Value, n: Option<usize>) -> EvalResult<Vec<f64>> {
    if !matches!(v.vtype(), Some(VType::Lgl | VType::Int | VType::Dbl)) || v.is_factor() {
        return err("numeric parameter expected");
    }
    match n {
        Some(n) if v.len() != n => return err("conflicting parameter lengths"),
        None if v.is_empty() => return err("invalid parameter length"),
        _ => {}
    }
    let x = v.dbl_vec().to_vec();
    if x.iter().any(|d| !d.is_finite()) {
        return err("missing value in parameter");
    }
    Ok(x)
}

/// `nlm(f, p, ...)`.
pub(super) fn nlm(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&[
        "f",
        "p",
        "...",
        "hessian",
        "typsize",
        "fscale",
        "print.level",
        "ndigit",
        "gradtol",
        "stepmax",
        "steptol",
        "iterlim",
        "check.analyticals",
    ])?;
    let f = as_function(it, m.req("f")?)?;
    let dots = m.dots.clone();
    let print_level = m.get("print.level").and_then(|v| v.as_i32()).unwrap_or(0);
    if !(0..=2).contains(&print_level) {
        return err("'print.level' must be in {0,1,2}");
    }
    let mut msg = [9, 1, 17][print_level as usize];
    if m.get("check.analyticals")
        .and_then(|v| v.as_bool().flatten())
        == Some(false)
    {
        msg += 6;
    }
    let p = nlm_param(m.req("p")?, None)?;
    let n = p.len();
    let want_hessian = m
        .get("hessian")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    let typsize = match m.get("typsize") {
        Some(v) => nlm_param(v, Some(n))?,
        None => vec![1.0; n],
    };
    let num = |name: &str, d: f64| m.get(name).and_then(|v| v.as_f64()).unwrap_or(d);
    let default_stepmax = {
        let ss: f64 = p.iter().zip(&typsize).map(|(x, t)| (x / t) * (x / t)).sum();
        (1000.0 * ss.sqrt()).max(1000.0)
    };
    let (fscale, gradtol, stepmax, steptol) = (
        num("fscale", 1.0),
        num("gradtol", 1e-6),
        num("stepmax", default_stepmax),
        num("steptol", 1e-6),
    );
    let int = |name: &str, d: i32| m.get(name).and_then(|v| v.as_i32()).unwrap_or(d);
    let (ndigit, iterlim) = (int("ndigit", 12), int("iterlim", 100));
    if [fscale, gradtol, stepmax, steptol]
        .iter()
        .any(|v| v.is_nan())
        || ndigit == NA_INT
        || iterlim == NA_INT
    {
        return err("invalid NA value in parameter");
    }
    // one evaluation to see whether the function supplies a gradient (and Hessian)
    let probe = call_at(it, &f, Value::dbls(p.clone()), &dots)?;
    let numeric_attr = |name: &str, len: usize| {
        probe
            .get_attr(name)
            .map(|v| v.len() == len && matches!(v.vtype(), Some(VType::Int | VType::Dbl)))
    };
    let (mut have_grad, mut have_hess) = (false, false);
    match numeric_attr("gradient", n) {
        Some(true) => {
            have_grad = true;
            match numeric_attr("hessian", n * n) {
                Some(true) => have_hess = true,
                Some(false) => {
                    it.warning("hessian supplied is of the wrong length or mode, so ignored")
                }
                None => {}
            }
        }
        Some(false) => it.warning("gradient supplied is of the wrong length or mode, so ignored"),
        None => {}
    }
    if (msg / 4) % 2 == 1 && !have_hess {
        msg -= 4;
    }
    if (msg / 2) % 2 == 1 && !have_grad {
        msg -= 2;
    }
    let ctl = NlmControl {
        typsize,
        fscale,
        msg,
        ndigit,
        gradtol,
        stepmax,
        steptol,
        iterlim,
        analytic_gradient: have_grad,
        analytic_hessian: have_hess,
    };
    let empty = || Cached {
        x: vec![f64::MAX; n],
        f: 0.0,
        grad: vec![],
        hess: vec![],
    };
    let mut st = NlmState {
        it: &mut *it,
        f: &f,
        dots: &dots,
        have_grad,
        have_hess,
        table: (0..5).map(|_| empty()).collect(),
        last: -1,
    };
    let out = optif9(&mut st, &p, &ctl).map_err(from_fail)?;
    if out.code != 0 && print_level > 0 {
        st.it
            .write_out(&format!("{}\n", nlm_code_message(out.code)));
    }
    let hess = if want_hessian {
        Some(fdhess(&mut st, &out.estimate, out.minimum, ndigit, &out.typsize).map_err(from_fail)?)
    } else {
        None
    };
    let mut items = vec![
        ("minimum".to_string(), Value::num(out.minimum)),
        ("estimate".to_string(), Value::dbls(out.estimate)),
        ("gradient".to_string(), Value::dbls(out.gradient)),
    ];
    if let Some(h) = hess {
        let mut hv = Value::dbls(h);
        hv.set_attr(Sym::new("dim"), Value::ints(vec![n as i32, n as i32]));
        items.push(("hessian".to_string(), hv));
    }
    items.push(("code".to_string(), Value::int(out.code)));
    items.push(("iterations".to_string(), Value::int(out.iterations)));
    it.visible = true;
    Ok(Value::named_list(items))
}
