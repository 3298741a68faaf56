//! The glm families (`binomial()`, `poisson()`, ...) and `glm.control`: constructors, and
//! the [`Family`] and [`Control`] of family objects and fits.

use crate::builtins::stats::models::s;
use crate::builtins::Args;
use crate::error::{err, EvalResult, Flow, RError};
use crate::eval::Interp;
use crate::stats::glm::{Control, Family, Kind, QuasiVar};
use crate::syntax::ast::Expr;
use crate::value::fields::field;
use crate::value::{Env, Value};

/// A message as an R runtime error.
pub(super) fn rerr(m: String) -> Flow {
    RError::runtime(m).into()
}

/// A family object (`list(family, link)` of class `family`).
pub(crate) fn family_value(f: &Family) -> Value {
    let mut items = vec![
        ("family".into(), Value::str(f.name())),
        ("link".into(), Value::str(f.link.name())),
    ];
    if let Kind::Quasi(q) = f.kind {
        items.push(("varfun".into(), Value::str(q.name())));
    }
    let mut v = Value::named_list(items);
    v.set_attr(s("class"), Value::str("family"));
    v
}

/// The full family object (with R's functions: `linkinv`, `variance`, `dev.resids`, ...)
/// built by the R definition `.glm_family` (builtins/R/stats_family.R).
pub(crate) fn family_object(it: &mut Interp, f: &Family) -> EvalResult {
    let base = it.base.clone();
    if let Kind::Quasi(v) = f.kind {
        let make = it.get_function(s("quasi"), &base)?;
        return it.call_value(
            &make,
            vec![
                (Some(s("link")), Value::str(f.link.name())),
                (Some(s("variance")), Value::str(v.name())),
            ],
        );
    }
    let make = it.get_function(s(".glm_family"), &base)?;
    it.call_value(
        &make,
        vec![
            (None, Value::str(f.name())),
            (None, Value::str(f.link.name())),
        ],
    )
}

/// Replaces a fit's two-field `family` component by the full family object.
pub(crate) fn complete_family(it: &mut Interp, items: &mut [(String, Value)]) -> EvalResult<()> {
    for (k, v) in items.iter_mut() {
        if k == "family" {
            if let Ok(f) = family_of(v) {
                *v = family_object(it, &f)?;
            }
        }
    }
    Ok(())
}

/// The family constructor `name(link)`.
fn make_family(it: &mut Interp, name: &str, a: Args) -> EvalResult {
    let m = a.matched(&["link", "..."])?;
    if let Some(l) = m.get("link").filter(|l| l.inherits("link-glm")) {
        // a link object (make.link, power(), or the user's own): R's functions as given
        let base = it.base.clone();
        let make = it.get_function(s(".glm_family"), &base)?;
        return it.call_value(&make, vec![(None, Value::str(name)), (None, l.clone())]);
    }
    let link = match m.get("link") {
        Some(v) => Some(
            v.as_string()
                .ok_or_else(|| rerr(format!("invalid link for the {} family", name)))?,
        ),
        None => None,
    };
    let f = Family::new(name, link.as_deref()).map_err(rerr)?;
    family_object(it, &f)
}

/// `binomial(link)`, and so on for each family.
pub(super) fn binomial(it: &mut Interp, a: Args) -> EvalResult {
    make_family(it, "binomial", a)
}
pub(super) fn quasibinomial(it: &mut Interp, a: Args) -> EvalResult {
    make_family(it, "quasibinomial", a)
}
pub(super) fn poisson(it: &mut Interp, a: Args) -> EvalResult {
    make_family(it, "poisson", a)
}
pub(super) fn quasipoisson(it: &mut Interp, a: Args) -> EvalResult {
    make_family(it, "quasipoisson", a)
}
pub(super) fn gaussian(it: &mut Interp, a: Args) -> EvalResult {
    make_family(it, "gaussian", a)
}
pub(super) fn gamma(it: &mut Interp, a: Args) -> EvalResult {
    make_family(it, "Gamma", a)
}
pub(super) fn inverse_gaussian(it: &mut Interp, a: Args) -> EvalResult {
    make_family(it, "inverse.gaussian", a)
}

/// The [`Family`] of a family object (or a fit's `family` component).
pub fn family_of(v: &Value) -> EvalResult<Family> {
    let f = if v.inherits("family") {
        v.clone()
    } else {
        field(v, "family").unwrap_or(Value::Null)
    };
    let name = field(&f, "family")
        .and_then(|x| x.as_string())
        .ok_or_else(|| rerr("invalid family".into()))?;
    let link = field(&f, "link").and_then(|x| x.as_string());
    let mut fam = Family::new(&name, link.as_deref()).map_err(rerr)?;
    if name == "quasi" {
        let var = field(&f, "varfun").and_then(|x| x.as_string()).unwrap_or_else(|| "constant".into());
        let v = QuasiVar::from_name(&var).ok_or_else(|| rerr(format!("'variance' \"{}\" is invalid", var)))?;
        fam.kind = Kind::Quasi(v);
    }
    Ok(fam)
}

/// `family(object)`.
pub(super) fn family_fn(_it: &mut Interp, a: Args) -> EvalResult {
    let x = a
        .items
        .into_iter()
        .next()
        .map(|x| x.1)
        .unwrap_or(Value::Null);
    Ok(field(&x, "family").unwrap_or(Value::Null))
}

/// A `glm.control` list.
pub(crate) fn control_value(eps: f64, maxit: usize, trace: bool) -> Value {
    Value::named_list(vec![
        ("epsilon".into(), Value::num(eps)),
        ("maxit".into(), Value::num(maxit as f64)),
        ("trace".into(), Value::lgls(vec![trace as i32])),
    ])
}

/// `glm.control(epsilon, maxit, trace)`.
pub(super) fn glm_control(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["epsilon", "maxit", "trace"])?;
    let eps = m.get("epsilon").and_then(|v| v.as_f64()).unwrap_or(1e-8);
    let maxit = m.get("maxit").and_then(|v| v.as_f64()).unwrap_or(25.0);
    if eps.is_nan() || eps <= 0.0 {
        return err("value of 'epsilon' must be > 0");
    }
    if maxit.is_nan() || maxit <= 0.0 {
        return err("maximum number of iterations must be > 0");
    }
    let trace = m
        .get("trace")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    Ok(control_value(eps, maxit as usize, trace))
}

/// `glm`'s `family` argument (a family object, a constructor, or its name) as a [`Family`].
pub(super) fn eval_family(it: &mut Interp, e: Option<&Expr>, env: &Env) -> EvalResult<Family> {
    let Some(e) = e else {
        return Family::new("gaussian", None).map_err(rerr);
    };
    let mut v = it.eval(e, env)?;
    if let Some(name) = v.as_string().filter(|_| !v.inherits("family")) {
        v = it.get_function(s(&name), env).map_err(|_| {
            rerr(format!(
                "object '{}' of mode 'function' was not found",
                name
            ))
        })?;
    }
    if matches!(v, Value::Builtin(_) | Value::Closure(_)) {
        v = it.call_value(&v, vec![])?;
    }
    if !v.inherits("family") {
        return err("'family' not recognized");
    }
    family_of(&v)
}

/// The iteration controls a glm fit was made with (its `control`).
pub(crate) fn control_of(fit: &Value) -> Control {
    let get = |k: &str| {
        field(fit, "control")
            .and_then(|c| field(&c, k))
            .and_then(|v| v.as_f64())
    };
    Control {
        epsilon: get("epsilon").unwrap_or(1e-8),
        maxit: get("maxit").unwrap_or(25.0) as usize,
    }
}
