//! Terms objects: the formula with R's `terms` attributes, the `predvars` and
//! `dataClasses` a model frame adds, and how `print` shows them.

use super::*;

fn list_call(items: Vec<Expr>) -> Value {
    let call = Expr::new(
        ExprKind::Call(
            std::rc::Rc::new(Expr::new(ExprKind::Ident(s("list")), Default::default())),
            items
                .into_iter()
                .map(|v| Arg {
                    name: None,
                    value: Some(v),
                    span: Default::default(),
                })
                .collect::<Vec<_>>().into(),
        ),
        Default::default(),
    );
    Value::Lang(Rc::new(Lang {
        expr: Rc::new(call),
        attrs: None,
    }))
}

/// A terms object value (the formula with R's terms attributes).
pub(crate) fn terms_value(t: &Terms, lhs: Option<Expr>, rhs: Expr, env: &Env) -> Value {
    let mut f = make_formula_value(lhs, rhs, env);
    let nv = t.variables.len();
    let nt = t.terms.len();
    let fac = t.factors();
    let mut fm = Vec::with_capacity(nv * nt);
    for ti in 0..nt {
        for row in fac.iter() {
            fm.push(row[ti] as i32);
        }
    }
    let mut facv = Value::ints(fm);
    facv.set_attr(s("dim"), Value::ints(vec![nv as i32, nt as i32]));
    facv.set_attr(
        s("dimnames"),
        Value::list(vec![
            Value::strings(&t.var_labels),
            Value::strings(&t.labels),
        ]),
    );
    f.set_attr(s("class"), Value::Null);
    f.set_attr(s(".Environment"), Value::Null);
    f.set_attr(s("variables"), list_call(t.variables.clone()));
    if !t.offsets.is_empty() {
        f.set_attr(
            s("offset"),
            Value::ints(t.offsets.iter().map(|&i| i as i32 + 1).collect()),
        );
    }
    f.set_attr(
        s("factors"),
        if nt == 0 { Value::ints(vec![]) } else { facv },
    );
    f.set_attr(s("term.labels"), Value::strings(&t.labels));
    f.set_attr(
        s("order"),
        Value::ints(t.order().iter().map(|&o| o as i32).collect()),
    );
    f.set_attr(s("intercept"), Value::int(t.intercept as i32));
    f.set_attr(s("response"), Value::int(t.response as i32));
    f.set_attr(s("class"), Value::strings(&["terms", "formula"]));
    f.set_attr(s(".Environment"), Value::Env(env.clone()));
    f
}

/// R's `.MFclass`: how a model-frame variable is classed in `dataClasses`.
pub(crate) fn mf_class(v: &Value) -> String {
    if matches!(v.data(), Some(Data::Lgl(_))) {
        return "logical".into();
    }
    if v.inherits("ordered") {
        return "ordered".into();
    }
    if v.is_factor() {
        return "factor".into();
    }
    if matches!(v.data(), Some(Data::Str(_))) {
        return "character".into();
    }
    if let Some(d) = v.dim().filter(|d| d.len() == 2) {
        if matches!(v.data(), Some(Data::Dbl(_)) | Some(Data::Int(_))) {
            return format!("nmatrix.{}", d[1]);
        }
    }
    if matches!(v.data(), Some(Data::Dbl(_)) | Some(Data::Int(_))) {
        return "numeric".into();
    }
    "other".into()
}

/// `makepredictcall`: a `poly()` variable gets its fitted `coefs` so that prediction on
/// new data reuses them.
fn predict_call(var: &Expr, col: &Value) -> Expr {
    let Some(coefs) = col.get_attr("coefs") else {
        return var.clone();
    };
    let ExprKind::Call(f, args) = &var.kind else {
        return var.clone();
    };
    if !matches!(&f.kind, ExprKind::Ident(x) if x.as_str() == "poly") {
        return var.clone();
    }
    let mut args: Vec<Arg> = args
        .iter()
        .filter(|a| a.name.map(|n| n.as_str() != "coefs").unwrap_or(true))
        .cloned()
        .collect();
    args.push(Arg {
        name: Some(s("coefs")),
        value: Some(crate::eval::lang_list::value_to_expr(coefs)),
        span: Default::default(),
    });
    Expr::new(ExprKind::Call(f.clone(), args.into()), var.span)
}

/// The terms of an evaluated model frame, with `predvars` and `dataClasses` as
/// `model.frame` leaves them.
pub(crate) fn frame_terms_value(fr: &Frame) -> Value {
    let mut tv = terms_value(&fr.terms, fr.lhs.clone(), fr.rhs.clone(), &fr.env);
    let pv: Vec<Expr> = fr
        .terms
        .variables
        .iter()
        .zip(&fr.cols)
        .map(|(v, c)| predict_call(v, c))
        .collect();
    tv.set_attr(s("predvars"), list_call(pv));
    let classes: Vec<String> = fr.cols.iter().map(mf_class).collect();
    let mut dc = Value::strings(&classes);
    dc.set_attr(s("names"), Value::strings(&fr.terms.var_labels));
    tv.set_attr(s("dataClasses"), dc);
    tv
}

/// `print.terms`: the formula printed by `print.default` after `unclass`, so every
/// attribute shows, `.Environment` included.
pub fn format_terms(v: &Value) -> String {
    let mut x = v.clone();
    x.set_attr(s("class"), Value::Null);
    crate::print::print_value(&x, &crate::print::PrintOpts::default())
}
