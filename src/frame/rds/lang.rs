//! Language objects between R's form (calls as pairlists: the function, then tagged
//! arguments) and rsc's syntax trees, both ways.

use super::read::Item;
use crate::syntax::ast::{Arg, AssignOp, BinOp, Const, Expr, ExprKind, Param, UnOp};
use crate::syntax::span::Span;
use crate::syntax::sym::Sym;
use crate::value::{is_na_real, Data, Value, NA_INT};
use std::rc::Rc;

/// Elements of non-literal constants (vectors inside calls) one decode may turn into
/// syntax: each becomes a node, so a stream holding a call with a huge vector in it is
/// refused instead of taking gigabytes.
const EMBED_LIMIT: usize = 1_000_000;

thread_local! {
    static EMBEDDED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Starts a new decode's count of embedded constant elements.
pub(crate) fn reset_embedded() {
    EMBEDDED.with(|c| c.set(0));
}

/// Whether the decode has embedded more constant elements than it may.
pub(crate) fn embedded_too_much() -> bool {
    EMBEDDED.with(|c| c.get()) > EMBED_LIMIT
}

fn ex(kind: ExprKind) -> Expr {
    Expr::new(kind, Span::default())
}

fn ident(s: &str) -> Expr {
    ex(ExprKind::Ident(Sym::new(s)))
}

/// A decoded item in expression position.
pub(crate) fn item_expr(it: &Item) -> Expr {
    match it {
        Item::Sym(s) => ex(ExprKind::Ident(*s)),
        Item::Missing => ident(""),
        Item::Unbound => ex(ExprKind::Const(Const::Null)),
        Item::Val(v) => value_expr(v),
        Item::Promise(_, e, _) => item_expr(e),
        Item::Pairs {
            lang: true, nodes, ..
        } => call_expr(nodes),
        Item::Pairs {
            lang: false, nodes, ..
        } => ex(ExprKind::Call(std::rc::Rc::new(ident("pairlist")), args(nodes).into())),
    }
}

/// The parameters of a closure from its formals pairlist.
pub(crate) fn item_params(it: &Item) -> Vec<Param> {
    match it {
        Item::Pairs { nodes, .. } => nodes
            .iter()
            .map(|(tag, v)| Param {
                name: tag.unwrap_or_else(|| Sym::new("")),
                default: match v {
                    Item::Missing => None,
                    Item::Sym(s) if s.as_str().is_empty() => None,
                    other => Some(item_expr(other)),
                },
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn is_missing(it: &Item) -> bool {
    matches!(it, Item::Missing) || matches!(it, Item::Sym(s) if s.as_str().is_empty())
}

fn args(nodes: &[(Option<Sym>, Item)]) -> Vec<Arg> {
    nodes
        .iter()
        .map(|(tag, it)| Arg {
            name: *tag,
            value: if is_missing(it) {
                None
            } else {
                Some(item_expr(it))
            },
            span: Span::default(),
        })
        .collect()
}

/// A constant as an expression: a plain scalar is a literal; anything else is written as
/// R code that makes it (R's calls may hold any value; rsc's trees hold literals).
fn value_expr(v: &Value) -> Expr {
    if let (Some(d), None) = (v.data(), v.attrs()) {
        if d.len() == 1 {
            let c = match d {
                Data::Lgl(x) if x[0] == NA_INT => Some(Const::Na),
                Data::Lgl(x) => Some(Const::Bool(x[0] != 0)),
                Data::Int(x) if x[0] == NA_INT => Some(Const::NaInt),
                Data::Int(x) => Some(Const::Int(x[0])),
                Data::Dbl(x) if is_na_real(x[0]) => Some(Const::NaReal),
                Data::Dbl(x) => Some(Const::Num(x[0])),
                Data::Cplx(x) if crate::value::complex::cplx_is_na_strict(x[0]) => {
                    Some(Const::NaCplx)
                }
                Data::Cplx(x) if x[0].re == 0.0 && !x[0].re.is_sign_negative() => {
                    Some(Const::Cplx(x[0].im))
                }
                Data::Cplx(_) => None,
                Data::Str(x) => Some(match &x[0] {
                    Some(s) => Const::Str(s.clone()),
                    None => Const::NaChar,
                }),
                Data::List(_) | Data::Raw(_) => None,
            };
            if let Some(c) = c {
                return ex(ExprKind::Const(c));
            }
        }
    }
    match v {
        Value::Null => ex(ExprKind::Const(Const::Null)),
        Value::Lang(l) => (*l.expr).clone(),
        _ => {
            let n = EMBEDDED.with(|c| {
                c.set(c.get().saturating_add(v.len().max(1)));
                c.get()
            });
            if n > EMBED_LIMIT {
                return ex(ExprKind::Const(Const::Null));
            }
            let text = crate::value::deparse::deparse_value(v);
            crate::syntax::parse_expr(&text).unwrap_or_else(|_| ex(ExprKind::Const(Const::Null)))
        }
    }
}

fn binop(name: &str) -> Option<BinOp> {
    Some(match name {
        "+" => BinOp::Add,
        "-" => BinOp::Sub,
        "*" => BinOp::Mul,
        "/" => BinOp::Div,
        "^" => BinOp::Pow,
        "%%" => BinOp::Mod,
        "%/%" => BinOp::IntDiv,
        ":" => BinOp::Range,
        "==" => BinOp::Eq,
        "!=" => BinOp::Ne,
        "<" => BinOp::Lt,
        "<=" => BinOp::Le,
        ">" => BinOp::Gt,
        ">=" => BinOp::Ge,
        "&" => BinOp::And,
        "&&" => BinOp::And2,
        "|" => BinOp::Or,
        "||" => BinOp::Or2,
        s if s.len() > 1 && s.starts_with('%') && s.ends_with('%') => BinOp::Special(Sym::new(s)),
        _ => return None,
    })
}

/// A call from its nodes (function first), using rsc's dedicated node for each operator
/// and control-flow form R writes as a call.
fn call_expr(nodes: &[(Option<Sym>, Item)]) -> Expr {
    let Some((_, head)) = nodes.first() else {
        return ex(ExprKind::Const(Const::Null));
    };
    let rest = &nodes[1..];
    let untagged = rest.iter().all(|(t, _)| t.is_none());
    let e = |i: usize| std::rc::Rc::new(item_expr(&rest[i].1));
    let sym_at = |i: usize| match &rest[i].1 {
        Item::Sym(s) => Some(*s),
        Item::Val(v) => v.as_string().map(|s| Sym::new(&s)),
        _ => None,
    };
    if let Item::Sym(name) = head {
        let n = rest.len();
        let kind = match (name.as_str(), n) {
            ("function", 2..=3) => Some(ExprKind::Function(
                Rc::new(item_params(&rest[0].1)),
                Rc::new(item_expr(&rest[1].1)),
            )),
            ("for", 3) => sym_at(0).map(|v| ExprKind::For(v, e(1), e(2))),
            ("while", 2) => Some(ExprKind::While(e(0), e(1))),
            ("repeat", 1) => Some(ExprKind::Repeat(e(0))),
            ("break", 0) => Some(ExprKind::Break),
            ("next", 0) => Some(ExprKind::Next),
            ("::" | ":::", 2) => match (sym_at(0), sym_at(1)) {
                (Some(pkg), Some(nm)) => Some(ExprKind::Ns {
                    pkg,
                    name: nm,
                    internal: name.as_str() == ":::",
                }),
                _ => None,
            },
            ("@", 2) => sym_at(1).map(|s| ExprKind::At(e(0), s)),
            ("$", 2) => sym_at(1).map(|s| ExprKind::Dollar(e(0), s)),
            ("~", 1) => Some(ExprKind::Formula(None, e(0))),
            ("~", 2) => Some(ExprKind::Formula(Some(e(0)), e(1))),
            ("-", 1) if untagged => Some(ExprKind::Unary(UnOp::Neg, e(0))),
            ("+", 1) if untagged => Some(ExprKind::Unary(UnOp::Pos, e(0))),
            ("!", 1) if untagged => Some(ExprKind::Unary(UnOp::Not, e(0))),
            ("(", 1) => Some(ExprKind::Paren(e(0))),
            ("{", _) => Some(ExprKind::Block(
                rest.iter().map(|(_, it)| item_expr(it)).collect(),
            )),
            ("<-", 2) => Some(ExprKind::Assign(AssignOp::Local, e(0), e(1))),
            ("<<-", 2) => Some(ExprKind::Assign(AssignOp::Super, e(0), e(1))),
            ("=", 2) => Some(ExprKind::Assign(AssignOp::Equals, e(0), e(1))),
            ("if", 2) => Some(ExprKind::If(e(0), e(1), None)),
            ("if", 3) => Some(ExprKind::If(e(0), e(1), Some(e(2)))),
            ("[", 1..) => Some(ExprKind::Index(e(0), args(&rest[1..]).into())),
            ("[[", 1..) => Some(ExprKind::Index2(e(0), args(&rest[1..]).into())),
            (op, 2) if untagged => binop(op).map(|op| ExprKind::Binary(op, e(0), e(1))),
            _ => None,
        };
        if let Some(k) = kind {
            return ex(k);
        }
    }
    ex(ExprKind::Call(std::rc::Rc::new(item_expr(head)), args(rest).into()))
}

/// One piece of a call being written out.
pub(crate) enum Part<'a> {
    Expr(&'a Expr),
    Sym(Sym),
    Missing,
    Null,
    Formals(&'a [Param]),
}

/// An expression as R sees it: a symbol, a constant, or a call (function and tagged
/// arguments).
pub(crate) enum Node<'a> {
    Sym(Sym),
    Const(&'a Const),
    Call(Part<'a>, Vec<(Option<Sym>, Part<'a>)>),
}

fn arg_parts(a: &[Arg]) -> Vec<(Option<Sym>, Part<'_>)> {
    a.iter()
        .map(|a| {
            (
                a.name,
                match &a.value {
                    Some(e) => Part::Expr(e),
                    None => Part::Missing,
                },
            )
        })
        .collect()
}

/// How an rsc syntax tree is written in R's form.
pub(crate) fn expr_node(e: &Expr) -> Node<'_> {
    fn pe(x: &Expr) -> (Option<Sym>, Part<'_>) {
        (None, Part::Expr(x))
    }
    fn call<'b>(f: &str, a: Vec<(Option<Sym>, Part<'b>)>) -> Node<'b> {
        Node::Call(Part::Sym(Sym::new(f)), a)
    }
    match &e.kind {
        ExprKind::Const(c) => Node::Const(c),
        ExprKind::Ident(x) => Node::Sym(*x),
        ExprKind::Call(f, a) => match &f.kind {
            ExprKind::Ident(x) => Node::Call(Part::Sym(*x), arg_parts(a)),
            _ => Node::Call(Part::Expr(f), arg_parts(a)),
        },
        ExprKind::Index(x, a) | ExprKind::Index2(x, a) => {
            let op = if matches!(e.kind, ExprKind::Index(..)) {
                "["
            } else {
                "[["
            };
            let mut v = vec![pe(x)];
            v.extend(arg_parts(a));
            call(op, v)
        }
        ExprKind::Dollar(x, n) => call("$", vec![pe(x), (None, Part::Sym(*n))]),
        ExprKind::At(x, n) => call("@", vec![pe(x), (None, Part::Sym(*n))]),
        ExprKind::Ns {
            pkg,
            name,
            internal,
        } => call(
            if *internal { ":::" } else { "::" },
            vec![(None, Part::Sym(*pkg)), (None, Part::Sym(*name))],
        ),
        ExprKind::Unary(op, x) => call(op.as_str(), vec![pe(x)]),
        ExprKind::Binary(op, a, b) => call(op.as_str(), vec![pe(a), pe(b)]),
        ExprKind::Formula(l, r) => {
            let mut v = Vec::new();
            if let Some(l) = l {
                v.push(pe(l));
            }
            v.push(pe(r));
            call("~", v)
        }
        ExprKind::Assign(op, t, v) => {
            let o = match op {
                AssignOp::Super | AssignOp::RightSuper => "<<-",
                AssignOp::Equals => "=",
                _ => "<-",
            };
            call(o, vec![pe(t), pe(v)])
        }
        ExprKind::Function(params, body) => call(
            "function",
            vec![
                (None, Part::Formals(params)),
                (None, Part::Expr(body)),
                (None, Part::Null),
            ],
        ),
        ExprKind::If(c, a, b) => {
            let mut v = vec![pe(c), pe(a)];
            if let Some(b) = b {
                v.push(pe(b));
            }
            call("if", v)
        }
        ExprKind::For(var, seq, body) => {
            call("for", vec![(None, Part::Sym(*var)), pe(seq), pe(body)])
        }
        ExprKind::While(c, b) => call("while", vec![pe(c), pe(b)]),
        ExprKind::Repeat(b) => call("repeat", vec![pe(b)]),
        ExprKind::Break => call("break", vec![]),
        ExprKind::Next => call("next", vec![]),
        ExprKind::Block(items) => call("{", items.iter().map(pe).collect()),
        ExprKind::Paren(x) => call("(", vec![pe(x)]),
    }
}

/// A literal as the value R stores for it.
pub(crate) fn const_value(c: &Const) -> Value {
    match c {
        Const::Null => Value::Null,
        Const::Bool(b) => Value::lgl(*b),
        Const::Na => Value::lgl_na(),
        Const::NaInt => Value::int(NA_INT),
        Const::NaReal => Value::num(crate::value::na_real()),
        Const::NaChar => Value::strs(vec![None]),
        Const::Int(i) => Value::int(*i),
        Const::Num(x) => Value::num(*x),
        Const::Cplx(x) => Value::cplxs(vec![crate::value::complex::C64::new(0.0, *x)]),
        Const::NaCplx => Value::cplxs(vec![crate::value::complex::na_cplx()]),
        Const::Str(s) => Value::strs(vec![Some(s.clone())]),
    }
}
