//! `update` for fits and formulas, and `update.formula`.

use super::*;

/// `update(object, formula., ..., evaluate = TRUE)` for formulas and fitted models: the
/// new formula via `update.formula`, the extra arguments spliced into the fit's call as
/// unevaluated expressions, and the call evaluated in the caller's environment.
pub(crate) fn update(it: &mut Interp, _args: &[Arg], env: &Env, call: &Expr) -> EvalResult {
    let mcall = matched_call_expr(call, &["object", "formula.", "...", "evaluate"]);
    let ExprKind::Call(_, margs) = &mcall.kind else {
        return err("invalid call");
    };
    let named = |n: &str| {
        margs
            .iter()
            .find(|a| a.name.map(|x| x.as_str() == n).unwrap_or(false))
            .and_then(|a| a.value.clone())
    };
    let Some(oe) = named("object") else {
        return err("argument \"object\" is missing, with no default");
    };
    let old = it.eval(&oe, env)?;
    let newf = match named("formula.") {
        Some(e) => Some(it.eval(&e, env)?),
        None => None,
    };
    let evaluate = match named("evaluate") {
        Some(e) => it.eval(&e, env)?.as_bool().flatten().unwrap_or(true),
        None => true,
    };
    let extras: Vec<Arg> = margs
        .iter()
        .filter(|a| {
            !matches!(
                a.name.map(|x| x.as_str()),
                Some("object" | "formula." | "evaluate")
            )
        })
        .cloned()
        .collect();
    let is_fit = !matches!(old, Value::Lang(_)) && field(&old, "call").is_some();
    let f = match &newf {
        Some(nf) => {
            let base = if is_fit {
                formula_fn(it, Args::positional(vec![old.clone()]))?
            } else {
                old.clone()
            };
            Some(update_formula(it, &base, nf)?)
        }
        None => None,
    };
    if !is_fit {
        return match f {
            Some(f) => Ok(f),
            None if matches!(old, Value::Lang(_)) => Ok(old),
            None => err("need an object with call component"),
        };
    }
    let Some(Value::Lang(fcall)) = field(&old, "call") else {
        return err("need an object with call component");
    };
    let ExprKind::Call(fun, cargs) = &fcall.expr.kind else {
        return err("invalid call");
    };
    let mut args = cargs.to_vec();
    fn set(args: &mut Vec<Arg>, name: Option<&str>, e: Expr) {
        if let Some(a) = args
            .iter_mut()
            .find(|a| name.is_some() && a.name.map(|x| Some(x.as_str()) == name).unwrap_or(false))
        {
            a.value = Some(e);
        } else {
            args.push(Arg {
                name: name.map(s),
                value: Some(e),
                span: Default::default(),
            });
        }
    }
    if let Some(Value::Lang(l)) = &f {
        set(&mut args, Some("formula"), (*l.expr).clone());
    }
    for a in extras {
        if let Some(v) = a.value {
            set(&mut args, a.name.map(|n| n.as_str()), v);
        }
    }
    let newcall = Expr::new(ExprKind::Call(fun.clone(), args.into()), Default::default());
    if !evaluate {
        return Ok(Value::Lang(Rc::new(Lang {
            expr: Rc::new(newcall),
            attrs: None,
        })));
    }
    it.eval(&newcall, env)
}

/// `update.formula(old, new)`: `.` on each side of `new` stands for that side of `old`;
/// the result is simplified through its terms.
pub(crate) fn update_formula(it: &mut Interp, old: &Value, new: &Value) -> EvalResult {
    let (ol, or, env) = formula_parts(old, it)?;
    let (nl, nr, _) = formula_parts(new, it)?;
    let lhs = match nl {
        Some(l) => Some(subst_dot(&l, ol.as_ref())),
        None => ol.clone(),
    };
    let rhs = subst_dot(
        &nr,
        Some(&Expr::new(
            ExprKind::Paren(std::rc::Rc::new(or.clone())),
            Default::default(),
        )),
    );
    let rhs = simplify_rhs(&rhs, &ol);
    Ok(make_formula_value(lhs, rhs, &env))
}

pub(crate) fn subst_dot(e: &Expr, with: Option<&Expr>) -> Expr {
    match &e.kind {
        ExprKind::Ident(x) if x.as_str() == "." => with.cloned().unwrap_or_else(|| e.clone()),
        ExprKind::Binary(op, l, r) => Expr::new(
            ExprKind::Binary(
                *op,
                std::rc::Rc::new(subst_dot(l, with)),
                std::rc::Rc::new(subst_dot(r, with)),
            ),
            e.span,
        ),
        ExprKind::Paren(x) => Expr::new(ExprKind::Paren(std::rc::Rc::new(subst_dot(x, with))), e.span),
        ExprKind::Unary(op, x) => {
            Expr::new(ExprKind::Unary(*op, std::rc::Rc::new(subst_dot(x, with))), e.span)
        }
        ExprKind::Call(f, args) => Expr::new(
            ExprKind::Call(
                f.clone(),
                args.iter()
                    .map(|a| Arg {
                        name: a.name,
                        value: a.value.as_ref().map(|v| subst_dot(v, with)),
                        span: a.span,
                    })
                    .collect::<Vec<_>>().into(),
            ),
            e.span,
        ),
        _ => e.clone(),
    }
}

/// Simplifies an updated right-hand side as `update.formula` does (via `terms`): the
/// result lists the remaining term labels joined by `+`.
pub(crate) fn simplify_rhs(rhs: &Expr, lhs: &Option<Expr>) -> Expr {
    let Ok(t) = terms_of(lhs.as_ref(), rhs, None) else {
        return rhs.clone();
    };
    let mut text = if t.labels.is_empty() {
        "1".to_string()
    } else {
        t.labels.join(" + ")
    };
    for &o in &t.offsets {
        text.push_str(&format!(" + {}", t.var_labels[o]));
    }
    if !t.intercept {
        text.push_str(" - 1");
    }
    crate::syntax::parse_expr(&text).unwrap_or_else(|_| rhs.clone())
}
