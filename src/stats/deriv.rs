//! Symbolic differentiation as R's `D` and `deriv` do it: R's derivative table, its
//! simplifications (x * 1 -> x, 0 + x -> x, unary minus pulled outwards), the parentheses
//! it adds for deparsing, and `deriv`'s common-subexpression program (`.expr1 <- ...`).

use crate::syntax::ast::{detach_spans, Arg, AssignOp, BinOp, Const, Expr, ExprKind, UnOp};
use crate::syntax::sym::Sym;

fn mk(kind: ExprKind) -> Expr {
    Expr::new(kind, Default::default())
}

fn num(x: f64) -> Expr {
    mk(ExprKind::Const(Const::Num(x)))
}

fn int(x: i32) -> Expr {
    mk(ExprKind::Const(Const::Int(x)))
}

fn ident(s: &str) -> Expr {
    mk(ExprKind::Ident(Sym::new(s)))
}

fn string(s: &str) -> Expr {
    mk(ExprKind::Const(Const::Str(s.into())))
}

fn arg(e: Expr) -> Arg {
    Arg { name: None, value: Some(e), span: Default::default() }
}

fn call(f: &str, args: Vec<Expr>) -> Expr {
    mk(ExprKind::Call(std::rc::Rc::new(ident(f)), args.into_iter().map(arg).collect::<Vec<_>>().into()))
}

fn bin(op: BinOp, a: Expr, b: Expr) -> Expr {
    mk(ExprKind::Binary(op, std::rc::Rc::new(a), std::rc::Rc::new(b)))
}

fn neg(a: Expr) -> Expr {
    mk(ExprKind::Unary(UnOp::Neg, std::rc::Rc::new(a)))
}

fn paren(a: Expr) -> Expr {
    mk(ExprKind::Paren(std::rc::Rc::new(a)))
}

fn assign(target: Expr, value: Expr) -> Expr {
    mk(ExprKind::Assign(AssignOp::Local, std::rc::Rc::new(target), std::rc::Rc::new(value)))
}

/// The numeric value of a constant (R's `asReal`), None for anything else.
fn as_real(e: &Expr) -> Option<f64> {
    match &e.kind {
        ExprKind::Const(Const::Num(x)) => Some(*x),
        ExprKind::Const(Const::Int(x)) => Some(*x as f64),
        ExprKind::Const(Const::Bool(b)) => Some(if *b { 1.0 } else { 0.0 }),
        ExprKind::Const(Const::Str(s)) => s.trim().parse().ok(),
        _ => None,
    }
}

fn is_zero(e: &Expr) -> bool {
    as_real(e) == Some(0.0)
}

fn is_one(e: &Expr) -> bool {
    as_real(e) == Some(1.0)
}

fn uminus_arg(e: &Expr) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Unary(UnOp::Neg, a) => Some(a),
        _ => None,
    }
}

/// The simplifying constructors (R's `simplify`).
fn plus(a: Expr, b: Expr) -> Expr {
    if is_zero(&a) {
        b
    } else if is_zero(&b) {
        a
    } else if let Some(x) = uminus_arg(&a) {
        let x = x.clone();
        minus(b, x)
    } else if let Some(y) = uminus_arg(&b) {
        let y = y.clone();
        minus(a, y)
    } else {
        bin(BinOp::Add, a, b)
    }
}

fn negate(a: Expr) -> Expr {
    if is_zero(&a) {
        num(0.0)
    } else if let Some(x) = uminus_arg(&a) {
        x.clone()
    } else {
        neg(a)
    }
}

fn minus(a: Expr, b: Expr) -> Expr {
    if is_zero(&b) {
        a
    } else if is_zero(&a) {
        negate(b)
    } else if let Some(x) = uminus_arg(&a) {
        let x = x.clone();
        negate(plus(x, b))
    } else if let Some(y) = uminus_arg(&b) {
        let y = y.clone();
        plus(a, y)
    } else {
        bin(BinOp::Sub, a, b)
    }
}

fn times(a: Expr, b: Expr) -> Expr {
    if is_zero(&a) || is_zero(&b) {
        num(0.0)
    } else if is_one(&a) {
        b
    } else if is_one(&b) {
        a
    } else if let Some(x) = uminus_arg(&a) {
        let x = x.clone();
        negate(times(x, b))
    } else if let Some(y) = uminus_arg(&b) {
        let y = y.clone();
        negate(times(a, y))
    } else {
        bin(BinOp::Mul, a, b)
    }
}

fn divide(a: Expr, b: Expr) -> Expr {
    if is_zero(&a) {
        num(0.0)
    } else if is_zero(&b) {
        num(f64::NAN)
    } else if is_one(&b) {
        a
    } else if let Some(x) = uminus_arg(&a) {
        let x = x.clone();
        negate(divide(x, b))
    } else if let Some(y) = uminus_arg(&b) {
        let y = y.clone();
        negate(divide(a, y))
    } else {
        bin(BinOp::Div, a, b)
    }
}

fn power(a: Expr, b: Expr) -> Expr {
    if is_zero(&b) {
        num(1.0)
    } else if is_zero(&a) {
        num(0.0)
    } else if is_one(&a) {
        num(1.0)
    } else if is_one(&b) {
        a
    } else {
        bin(BinOp::Pow, a, b)
    }
}

fn f1(name: &str, a: &Expr) -> Expr {
    call(name, vec![a.clone()])
}

/// The name R would show for the function of a call it cannot differentiate.
fn op_name(op: BinOp) -> String {
    match op {
        BinOp::Mod => "%%".into(),
        BinOp::IntDiv => "%/%".into(),
        BinOp::Special(s) => s.to_string(),
        BinOp::Range => ":".into(),
        BinOp::Eq => "==".into(),
        BinOp::Ne => "!=".into(),
        BinOp::Lt => "<".into(),
        BinOp::Le => "<=".into(),
        BinOp::Gt => ">".into(),
        BinOp::Ge => ">=".into(),
        BinOp::And => "&".into(),
        BinOp::And2 => "&&".into(),
        BinOp::Or => "|".into(),
        BinOp::Or2 => "||".into(),
        BinOp::Add => "+".into(),
        BinOp::Sub => "-".into(),
        BinOp::Mul => "*".into(),
        BinOp::Div => "/".into(),
        BinOp::Pow => "^".into(),
    }
}

/// The derivative of `e` with respect to `var`, simplified as R simplifies it.
pub fn d(e: &Expr, var: &str) -> Result<Expr, String> {
    let not_in_table = |name: &str| Err(format!("Function '{}' is not in the derivatives table", name));
    Ok(match &e.kind {
        ExprKind::Const(Const::Num(_) | Const::Int(_) | Const::Bool(_)) => num(0.0),
        ExprKind::Const(_) => num(f64::NAN),
        ExprKind::Ident(s) => num(if s.as_str() == var { 1.0 } else { 0.0 }),
        ExprKind::Paren(a) => d(a, var)?,
        ExprKind::Unary(UnOp::Pos, a) => d(a, var)?,
        ExprKind::Unary(UnOp::Neg, a) => negate(d(a, var)?),
        ExprKind::Unary(UnOp::Not, _) => return not_in_table("!"),
        ExprKind::Binary(op, a, b) => match op {
            BinOp::Add => plus(d(a, var)?, d(b, var)?),
            BinOp::Sub => minus(d(a, var)?, d(b, var)?),
            BinOp::Mul => plus(times(d(a, var)?, (**b).clone()), times((**a).clone(), d(b, var)?)),
            BinOp::Div => {
                let (da, db) = (d(a, var)?, d(b, var)?);
                minus(divide(da, (**b).clone()), divide(times((**a).clone(), db), power((**b).clone(), num(2.0))))
            }
            BinOp::Pow => {
                if let Some(p) = as_real(b).filter(|_| !matches!(b.kind, ExprKind::Const(Const::Str(_)))) {
                    times((**b).clone(), times(d(a, var)?, power((**a).clone(), num(p - 1.0))))
                } else {
                    let e1 = times(
                        power((**a).clone(), minus((**b).clone(), num(1.0))),
                        times((**b).clone(), d(a, var)?),
                    );
                    let e2 = times(power((**a).clone(), (**b).clone()), times(f1("log", a), d(b, var)?));
                    plus(e1, e2)
                }
            }
            other => return not_in_table(&op_name(*other)),
        },
        ExprKind::Call(f, args) => {
            let fname = match &f.kind {
                ExprKind::Ident(s) => s.to_string(),
                _ => return not_in_table(&crate::syntax::deparse::deparse(f)),
            };
            let a = match args.first().and_then(|x| x.value.as_ref()) {
                Some(a) => a,
                None => return Ok(num(f64::NAN)),
            };
            let da = || d(a, var);
            match fname.as_str() {
                "exp" => times(e.clone(), da()?),
                "log" => {
                    if args.len() != 1 {
                        return Err("only single-argument calls to log() are supported;\n  maybe use log(x,a) = log(x)/log(a)".into());
                    }
                    divide(da()?, a.clone())
                }
                "cos" => times(f1("sin", a), negate(da()?)),
                "sin" => times(f1("cos", a), da()?),
                "tan" => divide(da()?, power(f1("cos", a), num(2.0))),
                "cosh" => times(f1("sinh", a), da()?),
                "sinh" => times(f1("cosh", a), da()?),
                "tanh" => divide(da()?, power(f1("cosh", a), num(2.0))),
                "sqrt" => d(&bin(BinOp::Pow, a.clone(), num(0.5)), var)?,
                "pnorm" => times(f1("dnorm", a), da()?),
                "dnorm" => times(negate(a.clone()), times(f1("dnorm", a), da()?)),
                "asin" => divide(da()?, f1("sqrt", &minus(num(1.0), power(a.clone(), num(2.0))))),
                "acos" => negate(divide(da()?, f1("sqrt", &minus(num(1.0), power(a.clone(), num(2.0)))))),
                "atan" => divide(da()?, plus(num(1.0), power(a.clone(), num(2.0)))),
                "lgamma" => times(da()?, f1("digamma", a)),
                "gamma" => times(da()?, times(e.clone(), f1("digamma", a))),
                "digamma" => times(da()?, f1("trigamma", a)),
                "trigamma" => times(da()?, call("psigamma", vec![a.clone(), int(2)])),
                "psigamma" => {
                    let order = match args.get(1).and_then(|x| x.value.as_ref()) {
                        None => int(1),
                        Some(n) => match &n.kind {
                            ExprKind::Const(Const::Int(k)) => int(k + 1),
                            ExprKind::Const(Const::Num(k)) => int(*k as i32 + 1),
                            _ => plus(n.clone(), int(1)),
                        },
                    };
                    times(da()?, call("psigamma", vec![a.clone(), order]))
                }
                "expm1" => times(f1("exp", a), da()?),
                "log1p" => divide(da()?, plus(num(1.0), a.clone())),
                "log2" => divide(da()?, times(a.clone(), f1("log", &num(2.0)))),
                "log10" => divide(da()?, times(a.clone(), f1("log", &num(10.0)))),
                "cospi" => times(f1("sinpi", a), times(negate(ident("pi")), da()?)),
                "sinpi" => times(f1("cospi", a), times(ident("pi"), da()?)),
                "tanpi" => divide(times(ident("pi"), da()?), power(f1("cospi", a), num(2.0))),
                "lfactorial" => times(da()?, f1("digamma", &plus(a.clone(), int(1)))),
                "factorial" => times(da()?, times(e.clone(), f1("digamma", &plus(a.clone(), int(1))))),
                other => return not_in_table(other),
            }
        }
        ExprKind::Index(..) => return not_in_table("["),
        ExprKind::Index2(..) => return not_in_table("[["),
        ExprKind::Dollar(..) => return not_in_table("$"),
        _ => num(f64::NAN),
    })
}

fn is_bin(e: &Expr, ops: &[BinOp]) -> bool {
    matches!(&e.kind, ExprKind::Binary(op, _, _) if ops.contains(op))
}

/// Adds the parentheses R's `AddParens` adds so the result deparses as R shows it.
pub fn add_parens(e: Expr) -> Expr {
    use BinOp::*;
    let kind = match e.kind {
        ExprKind::Call(f, args) => ExprKind::Call(
            f,
            std::rc::Rc::unwrap_or_clone(args).into_iter()
                .map(|a| Arg { value: a.value.map(add_parens), ..a })
                .collect::<Vec<_>>().into(),
        ),
        ExprKind::Unary(op, a) => ExprKind::Unary(op, std::rc::Rc::new(add_parens(std::rc::Rc::unwrap_or_clone(a)))),
        ExprKind::Paren(a) => ExprKind::Paren(std::rc::Rc::new(add_parens(std::rc::Rc::unwrap_or_clone(a)))),
        ExprKind::Binary(op, a, b) => {
            let (mut a, mut b) = (add_parens(std::rc::Rc::unwrap_or_clone(a)), add_parens(std::rc::Rc::unwrap_or_clone(b)));
            match op {
                Add => {
                    if is_bin(&b, &[Add]) {
                        b = paren(b);
                    }
                }
                Sub => {
                    if is_bin(&b, &[Add, Sub]) {
                        b = paren(b);
                    }
                }
                Mul | Div => {
                    if is_bin(&b, &[Add, Sub, Mul, Div]) {
                        b = paren(b);
                    }
                    if is_bin(&a, &[Add, Sub]) {
                        a = paren(a);
                    }
                }
                Pow => {
                    if is_bin(&a, &[Pow]) {
                        a = paren(a);
                    }
                    if is_bin(&b, &[Add, Sub, Mul, Div]) {
                        b = paren(b);
                    }
                }
                _ => {}
            }
            ExprKind::Binary(op, std::rc::Rc::new(a), std::rc::Rc::new(b))
        }
        k => k,
    };
    mk(kind)
}

/// R's operator precedence for deparsing (higher binds tighter) and right associativity.
fn prec(e: &Expr) -> Option<(u8, bool)> {
    use BinOp::*;
    match &e.kind {
        ExprKind::Binary(op, _, _) => Some(match op {
            Pow => (14, true),
            Range => (12, false),
            Special(_) | Mod | IntDiv => (11, false),
            Mul | Div => (10, false),
            Add | Sub => (9, false),
            Eq | Ne | Lt | Le | Gt | Ge => (8, false),
            And | And2 => (6, false),
            Or | Or2 => (5, false),
        }),
        ExprKind::Unary(UnOp::Not, _) => Some((7, false)),
        ExprKind::Unary(..) => Some((13, false)),
        _ => None,
    }
}

/// Wraps an operand in parentheses where R's deparser would print them, since the
/// evaluator's deparser prints the tree as it is.
fn deparse_parens(e: Expr) -> Expr {
    let wrap = |main: (u8, bool), arg: Expr, left: bool| -> Expr {
        match prec(&arg) {
            Some((p, _)) if p < main.0 || (p == main.0 && left == main.1) => paren(arg),
            _ => arg,
        }
    };
    let main = prec(&e);
    let kind = match e.kind {
        ExprKind::Binary(op, a, b) => {
            let m = main.unwrap_or((0, false));
            let a = wrap(m, deparse_parens(std::rc::Rc::unwrap_or_clone(a)), true);
            let b = match b.kind {
                ExprKind::Unary(..) => deparse_parens(std::rc::Rc::unwrap_or_clone(b)),
                _ => wrap(m, deparse_parens(std::rc::Rc::unwrap_or_clone(b)), false),
            };
            ExprKind::Binary(op, std::rc::Rc::new(a), std::rc::Rc::new(b))
        }
        ExprKind::Unary(op, a) => {
            let m = main.unwrap_or((0, false));
            let a = deparse_parens(std::rc::Rc::unwrap_or_clone(a));
            let a = match prec(&a) {
                Some((p, _)) if p < m.0 => paren(a),
                _ => a,
            };
            ExprKind::Unary(op, std::rc::Rc::new(a))
        }
        ExprKind::Paren(a) => ExprKind::Paren(std::rc::Rc::new(deparse_parens(std::rc::Rc::unwrap_or_clone(a)))),
        ExprKind::Call(f, args) => ExprKind::Call(f, std::rc::Rc::unwrap_or_clone(args).into_iter().map(|a| Arg { value: a.value.map(deparse_parens), ..a }).collect::<Vec<_>>().into()),
        ExprKind::Index(f, args) => ExprKind::Index(f, std::rc::Rc::unwrap_or_clone(args).into_iter().map(|a| Arg { value: a.value.map(deparse_parens), ..a }).collect::<Vec<_>>().into()),
        ExprKind::Assign(op, t, v) => ExprKind::Assign(op, std::rc::Rc::new(deparse_parens(std::rc::Rc::unwrap_or_clone(t))), std::rc::Rc::new(deparse_parens(std::rc::Rc::unwrap_or_clone(v)))),
        ExprKind::Block(items) => ExprKind::Block(items.into_iter().map(deparse_parens).collect()),
        k => k,
    };
    mk(kind)
}

/// `D(expr, name)`: the derivative with R's parentheses.
pub fn deriv_expr(e: &Expr, var: &str) -> Result<Expr, String> {
    let mut e = e.clone();
    detach_spans(&mut e);
    Ok(deparse_parens(add_parens(d(&e, var)?)))
}

/// The list of subexpressions `deriv` builds, numbered from 1 as `.exprK`.
struct Subexprs {
    list: Vec<Expr>,
    tag: String,
}

impl Subexprs {
    fn var(&self, k: usize) -> Expr {
        ident(&format!("{}{}", self.tag, k))
    }

    fn accumulate(&mut self, e: Expr) -> usize {
        if let Some(i) = self.list.iter().position(|x| *x == e) {
            return i + 1;
        }
        self.list.push(e);
        self.list.len()
    }

    /// Replaces each compound argument of `e` by its subexpression variable; returns the
    /// index of `e` itself (0 for a symbol or constant).
    fn find(&mut self, e: &mut Expr) -> usize {
        match &mut e.kind {
            ExprKind::Ident(_) | ExprKind::Const(_) => 0,
            ExprKind::Paren(a) => self.find(std::rc::Rc::make_mut(a)),
            ExprKind::Unary(_, a) => {
                self.sub(a);
                self.accumulate(e.clone())
            }
            ExprKind::Binary(_, a, b) => {
                self.sub(a);
                self.sub(b);
                self.accumulate(e.clone())
            }
            ExprKind::Call(_, args) => {
                for a in std::rc::Rc::make_mut(args).iter_mut() {
                    if let Some(v) = a.value.as_mut() {
                        let k = self.find(v);
                        if k != 0 {
                            *v = self.var(k);
                        }
                    }
                }
                self.accumulate(e.clone())
            }
            _ => self.accumulate(e.clone()),
        }
    }

    fn sub(&mut self, a: &mut std::rc::Rc<Expr>) {
        let k = self.find(std::rc::Rc::make_mut(a));
        if k != 0 {
            *std::rc::Rc::make_mut(a) = self.var(k);
        }
    }
}

fn count_sym(e: &Expr, name: &str) -> usize {
    match &e.kind {
        ExprKind::Ident(s) => (s.as_str() == name) as usize,
        ExprKind::Paren(a) | ExprKind::Unary(_, a) => count_sym(a, name),
        ExprKind::Binary(_, a, b) | ExprKind::Assign(_, a, b) => count_sym(a, name) + count_sym(b, name),
        ExprKind::Call(f, args) | ExprKind::Index(f, args) => {
            count_sym(f, name) + args.iter().filter_map(|a| a.value.as_ref()).map(|v| count_sym(v, name)).sum::<usize>()
        }
        _ => 0,
    }
}

fn replace_sym(e: &mut Expr, name: &str, with: &Expr) {
    match &mut e.kind {
        ExprKind::Ident(s) if s.as_str() == name => *e = with.clone(),
        ExprKind::Paren(a) | ExprKind::Unary(_, a) => replace_sym(std::rc::Rc::make_mut(a), name, with),
        ExprKind::Binary(_, a, b) | ExprKind::Assign(_, a, b) => {
            replace_sym(std::rc::Rc::make_mut(a), name, with);
            replace_sym(std::rc::Rc::make_mut(b), name, with);
        }
        ExprKind::Call(f, args) | ExprKind::Index(f, args) => {
            replace_sym(std::rc::Rc::make_mut(f), name, with);
            for a in std::rc::Rc::make_mut(args).iter_mut() {
                if let Some(v) = a.value.as_mut() {
                    replace_sym(v, name, with);
                }
            }
        }
        _ => {}
    }
}

fn c_of_names(names: &[String]) -> Expr {
    call("c", names.iter().map(|n| string(n)).collect())
}

fn grad_index(target: &str, idx: &[&str]) -> Expr {
    let mut args = vec![Arg { name: None, value: None, span: Default::default() }];
    args.extend(idx.iter().map(|n| arg(string(n))));
    mk(ExprKind::Index(std::rc::Rc::new(ident(target)), args.into()))
}

/// Entries of `deriv`'s program before naming: a placeholder is None.
enum Slot {
    Expr(Expr),
    Placeholder,
    Missing,
}

/// `deriv(expr, names, tag, hessian)`: the `{ ... }` block R's `deriv` builds.
pub fn deriv_block(expr: &Expr, names: &[String], tag: &str, hessian: bool) -> Result<Expr, String> {
    let mut expr = expr.clone();
    detach_spans(&mut expr);
    let mut subs = Subexprs { list: Vec::new(), tag: tag.to_string() };
    let f_index = subs.find(&mut expr.clone());
    let n = names.len();
    let mut d_index = vec![0usize; n];
    let mut d2_index = Vec::new();
    let mut firsts = Vec::with_capacity(n);
    for (i, name) in names.iter().enumerate() {
        let di = d(&expr, name)?;
        d_index[i] = subs.find(&mut di.clone());
        if hessian {
            for nj in names.iter().skip(i) {
                let dij = d(&di, nj)?;
                d2_index.push(subs.find(&mut dij.clone()));
            }
        }
        firsts.push(di);
    }
    let nexpr = subs.list.len();
    let mut slots: Vec<Slot> = subs.list.iter().map(|e| Slot::Expr(e.clone())).collect();
    slots.push(Slot::Expr(if f_index != 0 { subs.var(f_index) } else { expr.clone() }));
    slots.push(Slot::Placeholder);
    if hessian {
        slots.push(Slot::Placeholder);
    }
    let mut k = 0;
    for i in 0..n {
        if d_index[i] != 0 {
            slots.push(Slot::Expr(subs.var(d_index[i])));
        } else {
            slots.push(Slot::Expr(firsts[i].clone()));
        }
        if hessian {
            for j in i..n {
                if d2_index[k] != 0 {
                    slots.push(Slot::Expr(subs.var(d2_index[k])));
                } else {
                    let dij = d(&firsts[i], &names[j])?;
                    if d_index[i] == 0 && is_zero(&dij) {
                        slots.push(Slot::Missing);
                    } else {
                        slots.push(Slot::Expr(dij));
                    }
                }
                k += 1;
            }
        }
    }
    // eliminate subexpressions used fewer than twice
    for i in 0..nexpr {
        let name = format!("{}{}", tag, i + 1);
        let count: usize = slots[i + 1..]
            .iter()
            .map(|s| if let Slot::Expr(e) = s { count_sym(e, &name) } else { 0 })
            .sum();
        if count < 2 {
            let this = match std::mem::replace(&mut slots[i], Slot::Missing) {
                Slot::Expr(e) => e,
                _ => continue,
            };
            for s in slots[i + 1..].iter_mut() {
                if let Slot::Expr(e) = s {
                    replace_sym(e, &name, &this);
                }
            }
        } else if let Slot::Expr(e) = std::mem::replace(&mut slots[i], Slot::Missing) {
            slots[i] = Slot::Expr(assign(ident(&name), add_parens(e)));
        }
    }
    let mut out: Vec<Expr> = Vec::new();
    let mut it = slots.into_iter();
    for _ in 0..nexpr {
        if let Some(Slot::Expr(e)) = it.next() {
            out.push(e);
        }
    }
    if let Some(Slot::Expr(v)) = it.next() {
        out.push(assign(ident(".value"), add_parens(v)));
    }
    it.next();
    let value_len = call("length", vec![ident(".value")]);
    out.push(assign(
        ident(".grad"),
        call(
            "array",
            vec![num(0.0), call("c", vec![value_len.clone(), int(n as i32)]), call("list", vec![mk(ExprKind::Const(Const::Null)), c_of_names(names)])],
        ),
    ));
    if hessian {
        it.next();
        out.push(assign(
            ident(".hessian"),
            call(
                "array",
                vec![
                    num(0.0),
                    call("c", vec![value_len, int(n as i32), int(n as i32)]),
                    call("list", vec![mk(ExprKind::Const(Const::Null)), c_of_names(names), c_of_names(names)]),
                ],
            ),
        ));
    }
    for i in 0..n {
        if let Some(Slot::Expr(e)) = it.next() {
            out.push(assign(grad_index(".grad", &[&names[i]]), add_parens(e)));
        }
        if hessian {
            for j in i..n {
                if let Some(Slot::Expr(e)) = it.next() {
                    let e = add_parens(e);
                    if i == j {
                        out.push(assign(grad_index(".hessian", &[&names[i], &names[i]]), e));
                    } else {
                        out.push(assign(
                            grad_index(".hessian", &[&names[i], &names[j]]),
                            assign(grad_index(".hessian", &[&names[j], &names[i]]), e),
                        ));
                    }
                }
            }
        }
    }
    out.push(assign(call("attr", vec![ident(".value"), string("gradient")]), ident(".grad")));
    if hessian {
        out.push(assign(call("attr", vec![ident(".value"), string("hessian")]), ident(".hessian")));
    }
    out.push(ident(".value"));
    Ok(deparse_parens(mk(ExprKind::Block(out))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::deparse::deparse;

    fn dd(src: &str, v: &str) -> String {
        let e = crate::syntax::parse_expr(src).unwrap();
        deparse(&deriv_expr(&e, v).unwrap())
    }

    #[test]
    fn derivative_table_deparses_as_r() {
        assert_eq!(dd("sin(x)^2", "x"), "2 * (cos(x) * sin(x))");
        assert_eq!(dd("cos(x)", "x"), "-sin(x)");
        assert_eq!(dd("sqrt(x)", "x"), "0.5 * x^-0.5");
        assert_eq!(dd("x/y", "y"), "-(x/y^2)");
        assert_eq!(dd("a*exp(-b*x)", "b"), "-(a * (exp(-b * x) * x))");
        assert_eq!(dd("sqrt(1 - x^2)", "x"), "-(0.5 * (2 * x * (1 - x^2)^-0.5))");
        assert_eq!(dd("(-x)^2", "x"), "-(2 * (-x))");
    }
}
