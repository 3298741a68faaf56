//! Language objects seen as R sees them: a call is a list of its function and arguments, so
//! `f[[2]]`, `length(f)`, `f[[3]] <- quote(x)` and `as.list(quote(g(a, b)))` work.

use crate::syntax::ast::{Arg, AssignOp, BinOp, Const, Expr, ExprKind, UnOp};
use crate::syntax::span::Span;
use crate::syntax::sym::Sym;
use crate::value::Value;

fn sym(s: &str) -> Expr {
    Expr::new(ExprKind::Ident(Sym::new(s)), Span::default())
}

fn arg(e: Expr) -> (Option<Sym>, Expr) {
    (None, e)
}

/// The components of a call (function first), with argument names.
pub fn components(e: &Expr) -> Vec<(Option<Sym>, Expr)> {
    match &e.kind {
        ExprKind::Call(f, args) => {
            let mut v = vec![arg((**f).clone())];
            v.extend(
                args.iter()
                    .map(|a| (a.name, a.value.clone().unwrap_or_else(|| sym("")))),
            );
            v
        }
        ExprKind::Index(x, args) | ExprKind::Index2(x, args) => {
            let op = if matches!(e.kind, ExprKind::Index(..)) {
                "["
            } else {
                "[["
            };
            let mut v = vec![arg(sym(op)), arg((**x).clone())];
            v.extend(
                args.iter()
                    .map(|a| (a.name, a.value.clone().unwrap_or_else(|| sym("")))),
            );
            v
        }
        ExprKind::Binary(op, a, b) => vec![
            arg(sym(op.as_str())),
            arg((**a).clone()),
            arg((**b).clone()),
        ],
        ExprKind::Unary(op, a) => vec![arg(sym(op.as_str())), arg((**a).clone())],
        ExprKind::Formula(l, r) => {
            let mut v = vec![arg(sym("~"))];
            if let Some(l) = l {
                v.push(arg((**l).clone()));
            }
            v.push(arg((**r).clone()));
            v
        }
        ExprKind::Assign(op, t, val) => {
            let o = match op {
                AssignOp::Super | AssignOp::RightSuper => "<<-",
                AssignOp::Equals => "=",
                _ => "<-",
            };
            vec![arg(sym(o)), arg((**t).clone()), arg((**val).clone())]
        }
        ExprKind::Paren(x) => vec![arg(sym("(")), arg((**x).clone())],
        ExprKind::Block(items) => {
            let mut v = vec![arg(sym("{"))];
            v.extend(items.iter().cloned().map(arg));
            v
        }
        ExprKind::If(c, a, b) => {
            let mut v = vec![arg(sym("if")), arg((**c).clone()), arg((**a).clone())];
            if let Some(b) = b {
                v.push(arg((**b).clone()));
            }
            v
        }
        ExprKind::Dollar(x, n) => vec![arg(sym("$")), arg((**x).clone()), arg(sym(n.as_str()))],
        ExprKind::For(v, seq, body) => vec![
            arg(sym("for")),
            arg(sym(v.as_str())),
            arg((**seq).clone()),
            arg((**body).clone()),
        ],
        ExprKind::While(c, body) => vec![arg(sym("while")), arg((**c).clone()), arg((**body).clone())],
        ExprKind::Repeat(body) => vec![arg(sym("repeat")), arg((**body).clone())],
        _ => vec![arg(e.clone())],
    }
}

/// Rebuilds an expression from call components (the inverse of [`components`]).
pub fn from_components(items: Vec<(Option<Sym>, Expr)>) -> Expr {
    let mut it = items.into_iter();
    let Some((_, f)) = it.next() else {
        return sym("NULL");
    };
    let rest: Vec<(Option<Sym>, Expr)> = it.collect();
    let b = |e: &Expr| std::rc::Rc::new(e.clone());
    if let ExprKind::Ident(s) = &f.kind {
        let name = s.as_str();
        let n = rest.len();
        let binop = match name {
            "+" => Some(BinOp::Add),
            "-" => Some(BinOp::Sub),
            "*" => Some(BinOp::Mul),
            "/" => Some(BinOp::Div),
            "^" => Some(BinOp::Pow),
            "%%" => Some(BinOp::Mod),
            "%/%" => Some(BinOp::IntDiv),
            ":" => Some(BinOp::Range),
            "==" => Some(BinOp::Eq),
            "!=" => Some(BinOp::Ne),
            "<" => Some(BinOp::Lt),
            "<=" => Some(BinOp::Le),
            ">" => Some(BinOp::Gt),
            ">=" => Some(BinOp::Ge),
            "&" => Some(BinOp::And),
            "&&" => Some(BinOp::And2),
            "|" => Some(BinOp::Or),
            "||" => Some(BinOp::Or2),
            s if s.len() > 1 && s.starts_with('%') && s.ends_with('%') => {
                Some(BinOp::Special(Sym::new(s)))
            }
            _ => None,
        };
        let kind = match (name, n) {
            ("~", 1) => Some(ExprKind::Formula(None, b(&rest[0].1))),
            ("~", 2) => Some(ExprKind::Formula(Some(b(&rest[0].1)), b(&rest[1].1))),
            ("-", 1) => Some(ExprKind::Unary(UnOp::Neg, b(&rest[0].1))),
            ("+", 1) => Some(ExprKind::Unary(UnOp::Pos, b(&rest[0].1))),
            ("!", 1) => Some(ExprKind::Unary(UnOp::Not, b(&rest[0].1))),
            ("(", 1) => Some(ExprKind::Paren(b(&rest[0].1))),
            ("{", _) => Some(ExprKind::Block(rest.iter().map(|x| x.1.clone()).collect())),
            ("<-", 2) => Some(ExprKind::Assign(
                AssignOp::Local,
                b(&rest[0].1),
                b(&rest[1].1),
            )),
            ("<<-", 2) => Some(ExprKind::Assign(
                AssignOp::Super,
                b(&rest[0].1),
                b(&rest[1].1),
            )),
            ("=", 2) => Some(ExprKind::Assign(
                AssignOp::Equals,
                b(&rest[0].1),
                b(&rest[1].1),
            )),
            ("if", 2) => Some(ExprKind::If(b(&rest[0].1), b(&rest[1].1), None)),
            ("if", 3) => Some(ExprKind::If(
                b(&rest[0].1),
                b(&rest[1].1),
                Some(b(&rest[2].1)),
            )),
            ("for", 3) => match &rest[0].1.kind {
                ExprKind::Ident(v) => Some(ExprKind::For(*v, b(&rest[1].1), b(&rest[2].1))),
                _ => None,
            },
            ("while", 2) => Some(ExprKind::While(b(&rest[0].1), b(&rest[1].1))),
            ("repeat", 1) => Some(ExprKind::Repeat(b(&rest[0].1))),
            ("$", 2) => match &rest[1].1.kind {
                ExprKind::Ident(s) => Some(ExprKind::Dollar(b(&rest[0].1), *s)),
                _ => None,
            },
            (_, 2) if binop.is_some() => {
                binop.map(|op| ExprKind::Binary(op, b(&rest[0].1), b(&rest[1].1)))
            }
            _ => None,
        };
        if let Some(k) = kind {
            return Expr::new(k, Span::default());
        }
        if (name == "[" || name == "[[") && n >= 1 {
            let obj = b(&rest[0].1);
            let args = rest[1..].iter().map(to_arg).collect::<Vec<_>>().into();
            let k = if name == "[" {
                ExprKind::Index(obj, args)
            } else {
                ExprKind::Index2(obj, args)
            };
            return Expr::new(k, Span::default());
        }
    }
    let args = rest.iter().map(to_arg).collect::<Vec<_>>().into();
    Expr::new(ExprKind::Call(std::rc::Rc::new(f), args), Span::default())
}

fn to_arg(x: &(Option<Sym>, Expr)) -> Arg {
    let empty = matches!(&x.1.kind, ExprKind::Ident(s) if s.as_str().is_empty());
    Arg {
        name: x.0,
        value: if empty { None } else { Some(x.1.clone()) },
        span: Span::default(),
    }
}

/// A language object as a list of values (`as.list(call)`).
pub fn to_list(e: &Expr) -> Value {
    let comps = components(e);
    let any_name = comps.iter().any(|c| c.0.is_some());
    let names: Vec<String> = comps
        .iter()
        .map(|c| c.0.map(|s| s.to_string()).unwrap_or_default())
        .collect();
    let mut l = Value::list(comps.iter().map(|c| lang_or_const(&c.1)).collect());
    if any_name {
        l.set_attr(Sym::new("names"), Value::strings(&names));
    }
    l
}

/// Rebuilds a language object from a list of values.
pub fn from_list(l: &Value) -> Expr {
    let names = l.names();
    let items: Vec<(Option<Sym>, Expr)> = l
        .list_vec()
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let n = names
                .as_ref()
                .and_then(|n| n[i].as_deref().filter(|s| !s.is_empty()).map(Sym::new));
            (n, value_to_expr(v))
        })
        .collect();
    from_components(items)
}

/// A quoted expression: constants stay values, everything else is a language object.
pub fn lang_or_const(e: &Expr) -> Value {
    match &e.kind {
        ExprKind::Const(c) => crate::eval::const_value(c),
        _ => Value::Lang(std::rc::Rc::new(crate::value::Lang {
            expr: std::rc::Rc::new(e.clone()),
            attrs: None,
        })),
    }
}

/// A value as an expression that evaluates to it (used when substituting values).
pub fn value_to_expr(v: &Value) -> Expr {
    match v {
        Value::Lang(l) => (*l.expr).clone(),
        Value::Null => Expr::new(ExprKind::Const(Const::Null), Default::default()),
        _ => {
            if let (Some(d), None) = (v.data(), v.attrs()) {
                if d.len() == 1 {
                    let c = match d {
                        crate::value::Data::Dbl(x) => Some(Const::Num(x[0])),
                        crate::value::Data::Int(x) if x[0] != crate::value::NA_INT => {
                            Some(Const::Int(x[0]))
                        }
                        crate::value::Data::Lgl(x) if x[0] != crate::value::NA_LGL => {
                            Some(Const::Bool(x[0] != 0))
                        }
                        crate::value::Data::Str(x) => x[0].clone().map(Const::Str),
                        _ => None,
                    };
                    if let Some(c) = c {
                        return Expr::new(ExprKind::Const(c), Default::default());
                    }
                }
            }
            // Fall back to deparsing the value and parsing it back.
            let text = crate::value::deparse::deparse_value(v);
            crate::syntax::parse_expr(&text)
                .unwrap_or_else(|_| Expr::new(ExprKind::Const(Const::Null), Default::default()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    fn left(e: &Expr) -> &Rc<Expr> {
        match &e.kind {
            ExprKind::Binary(_, a, _) => a,
            k => panic!("not a binary call: {:?}", k),
        }
    }

    /// `x <- call("+", x, i)` in a loop: each step shares the previous call's subtrees
    /// instead of copying them (copying made 20,000 steps take tens of seconds).
    #[test]
    fn built_calls_share_their_arguments() {
        // a deep call is dropped recursively: give it the stack the interpreter runs with
        let t = std::thread::Builder::new().stack_size(256 << 20).spawn(build_20000);
        t.unwrap().join().unwrap();
    }

    fn build_20000() {
        let num = |v: f64| Expr::new(ExprKind::Const(Const::Num(v)), Span::default());
        let mut x = Value::num(0.0);
        let mut prev: Option<Rc<crate::value::Lang>> = None;
        let start = std::time::Instant::now();
        for i in 1..=20_000 {
            let e = from_components(vec![(None, sym("+")), (None, value_to_expr(&x)), (None, num(i as f64))]);
            x = lang_or_const(&e);
            let Value::Lang(l) = &x else { panic!("not a call") };
            if let Some(p) = &prev {
                if i > 2 {
                    // the new call's left operand is the previous call, whose own left
                    // operand is the very node the previous value holds
                    assert!(Rc::ptr_eq(left(left(&l.expr)), left(&p.expr)), "step {} copied its argument", i);
                }
            }
            prev = Some(l.clone());
        }
        assert_eq!(crate::value::coerce::lang_len(&prev.unwrap().expr), 3);
        // generous: linear work takes milliseconds, the quadratic copy took tens of seconds
        assert!(start.elapsed().as_secs_f64() < 5.0, "20,000 call steps took {:?}", start.elapsed());
    }
}
