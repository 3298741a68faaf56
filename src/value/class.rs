//! What R reports a value to be: `typeof()`, and the implicit and full class vectors.

use super::{VType, Value};
use crate::syntax::ast::ExprKind;

/// `typeof()` of a value.
pub fn type_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "NULL",
        Value::Vector(x) if x.data.is_empty() && matches!(x.data, super::Data::List(_)) && is_s4(v) => "S4",
        Value::Vector(v) => v.data.vtype().type_name(),
        Value::Closure(_) => "closure",
        Value::Builtin(_) => "builtin",
        Value::Env(_) => "environment",
        Value::Lang(l) => match l.expr.kind {
            ExprKind::Ident(_) => "symbol",
            _ => "language",
        },
        Value::Promise(_) => "promise",
        Value::Missing => "symbol",
        Value::Extern(_) => "externalptr",
    }
}

/// The class R gives a value with no class attribute.
pub fn implicit_class(v: &Value) -> Vec<String> {
    if let Some(d) = v.dim() {
        let mut c = vec![if d.len() == 2 {
            "matrix".to_string()
        } else {
            "array".to_string()
        }];
        if d.len() == 2 {
            c.push("array".into());
        }
        return c;
    }
    vec![match v {
        Value::Null => "NULL".into(),
        Value::Vector(x) => match x.data.vtype() {
            VType::Dbl => "numeric".into(),
            t => t.class_name().into(),
        },
        Value::Closure(_) | Value::Builtin(_) => "function".into(),
        Value::Env(_) => "environment".into(),
        Value::Extern(x) => x.0.class().into(),
        Value::Lang(l) => match &l.expr.kind {
            ExprKind::Ident(_) => "name".into(),
            ExprKind::If(..) => "if".into(),
            ExprKind::For(..) => "for".into(),
            ExprKind::Assign(..) => "<-".into(),
            ExprKind::Block(..) => "{".into(),
            ExprKind::Paren(..) => "(".into(),
            _ => "call".into(),
        },
        _ => "NULL".into(),
    }]
}

/// The full class vector (`class(x)`).
pub fn class_of(v: &Value) -> Vec<String> {
    v.class_attr().unwrap_or_else(|| implicit_class(v))
}

/// Whether `v` is a `Date`, `POSIXct` or `difftime` vector: the classes whose subsetting,
/// reversing, sorting and `unique` keep the class and time attributes, as R's methods do.
pub fn is_time_vector(v: &Value) -> bool {
    v.attrs().is_some() && (v.inherits("Date") || v.inherits("POSIXct") || v.inherits("difftime"))
}

/// `to` with the `class`, `tzone` and `units` attributes of the time vector `from`.
pub fn keep_time_class(from: &Value, mut to: Value) -> Value {
    if !matches!(to, Value::Vector(_)) {
        return to;
    }
    for a in ["class", "tzone", "units"] {
        if let Some(v) = from.get_attr(a) {
            to.set_attr(crate::syntax::sym::Sym::new(a), v.clone());
        }
    }
    to
}

/// Whether `v` is an S4 object: its class attribute carries the `package` attribute that
/// `new()` and `setRefClass` give it (as R's class of an S4 object does).
pub fn is_s4(v: &Value) -> bool {
    matches!(v.get_attr("class"), Some(c) if c.get_attr("package").is_some())
}

/// The name R stores in a slot's attribute for a slot whose value is NULL.
pub const S4_NULL_SLOT: &str = "\u{1}NULL\u{1}";
