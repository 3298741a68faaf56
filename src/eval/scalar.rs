//! Scalar arithmetic without intermediate vectors: the evaluator's fast path for
//! `x <- a * b + c` over numeric scalars, and `for` loop bodies whose statements are such
//! assignments, compiled once per loop into small stack programs.
//!
//! Every fast path gives up (returns None) on anything it does not cover, and the caller
//! then evaluates normally; the only work repeated is variable lookups. None of them run
//! once a script has bound an arithmetic operator to a function of its own
//! ([`operators_overridden`]).

use super::{ops, with_span, Interp};
use crate::error::{err, EvalResult, Flow};
use crate::syntax::ast::{Arg, AssignOp, BinOp, Const, Expr, ExprKind, UnOp};
use crate::syntax::sym::Sym;
use crate::value::env::operators_overridden;
use crate::value::{Data, Env, Value};
use std::cell::Cell;

impl Interp {
    /// `e` applied through the script's own definition of its operator, when `e` is an
    /// operator call or `( )` and the script rebound that operator to a closure.
    pub(super) fn user_operator(&mut self, e: &Expr, env: &Env) -> Option<EvalResult> {
        let (name, operands): (&str, Vec<&Expr>) = match &e.kind {
            ExprKind::Binary(op, a, b) if !matches!(op, BinOp::Special(_)) => {
                (op.as_str(), vec![&**a, &**b])
            }
            ExprKind::Unary(op, a) => (op.as_str(), vec![&**a]),
            ExprKind::Paren(a) => ("(", vec![&**a]),
            _ => return None,
        };
        let fv = self.get_function(Sym::new(name), env).ok()?;
        if !matches!(fv, Value::Closure(_)) {
            return None;
        }
        let args: Vec<Arg> = operands
            .into_iter()
            .map(|x| Arg {
                name: None,
                value: Some(x.clone()),
                span: x.span,
            })
            .collect();
        Some(self.apply_call(fv, e, &args, env))
    }
}

/// A scalar result of [`Interp::scalar_arith`].
pub(super) enum Scalar {
    Num(f64),
    Lgl(i32),
}

/// A variable's value as a numeric scalar (value, is_integer), seeing through forced
/// promises.
#[inline(always)]
fn scalar_value(v: &Value) -> Option<(f64, bool)> {
    match v {
        Value::Promise(p) => p.value.borrow().as_ref().and_then(ops::scalar_num),
        v => ops::scalar_num(v),
    }
}

/// `op` applied to two numeric scalars as the fast path does it: None for two integers
/// (their result is an integer vector, left to the general path) unless dividing or
/// raising to a power.
#[inline(always)]
fn arith(op: BinOp, (x, xi): (f64, bool), (y, yi): (f64, bool)) -> Option<f64> {
    if xi && yi && !matches!(op, BinOp::Div | BinOp::Pow) {
        return None;
    }
    ops::arith_scalars(op, x, y)
}

impl Interp {
    /// The value of a side-effect-free arithmetic expression over attribute-free numeric
    /// scalars (literals, variables already evaluated, `( )`, unary minus, `+ - * / ^ %% %/%`
    /// with at least one double, comparisons at the top). None when any part is something
    /// else; the caller then evaluates normally, which repeats only variable lookups.
    #[inline]
    pub(super) fn scalar_arith(&mut self, e: &Expr, env: &Env) -> Option<Scalar> {
        let ExprKind::Binary(op, a, b) = &e.kind else {
            return None;
        };
        if operators_overridden() {
            return None;
        }
        let x = scalar_operand(a, env, 0)?;
        let y = scalar_operand(b, env, 0)?;
        if let Some(r) = ops::compare_scalars(*op, x.0, y.0) {
            return Some(Scalar::Lgl(r));
        }
        arith(*op, x, y).map(Scalar::Num)
    }

    pub(super) fn eval_for(&mut self, var: Sym, seq: &Expr, body: &Expr, env: &Env) -> EvalResult {
        let sv = match self.loop_sequence(seq, env)? {
            LoopSeq::Value(v) => v,
            LoopSeq::Compact(c) => return self.eval_for_compact(var, c, body, env),
        };
        let n = sv.len();
        // Iterate without materialising each element as a full vector where possible.
        let data = match &sv {
            Value::Vector(v) => Some(v.data.clone()),
            Value::Null => None,
            _ => return err("invalid for() loop sequence").map_err(|f| with_span(f, seq)),
        };
        let is_factor = sv.is_factor();
        let fast = LoopBody::compile(body);
        if let Some(data) = data {
            for i in 0..n {
                self.tick()?;
                // Reuse the loop variable's buffer when nothing else holds it.
                if is_factor || env.with_local_mut(var, |cur| refill(cur, &data, i)) != Some(true) {
                    let item = match &data {
                        Data::Dbl(v) => Value::num(v[i]),
                        Data::Int(v) => Value::int(v[i]),
                        Data::Lgl(v) => Value::lgls(vec![v[i]]),
                        Data::Str(v) => Value::strs(vec![v[i].clone()]),
                        Data::Cplx(v) => Value::cplxs(vec![v[i]]),
                        Data::Raw(v) => crate::value::raw::raw_value(vec![v[i]]),
                        Data::List(v) => v[i].clone(),
                    };
                    let item = if is_factor {
                        let lv = sv
                            .get_attr("levels")
                            .map(|l| l.str_vec())
                            .unwrap_or_default();
                        let k = item.as_i32().unwrap_or(0);
                        Value::strs(vec![lv.get((k - 1).max(0) as usize).cloned().flatten()])
                    } else {
                        item
                    };
                    env.set(var, item);
                }
                if self.loop_iteration(fast.as_ref(), body, env)? {
                    break;
                }
            }
        }
        self.visible = false;
        Ok(Value::Null)
    }

    /// The sequence of a `for` loop: `a:b` and `seq_len(n)` (the base functions) as their
    /// compact form, walked without making the vector, so `for (i in seq_len(3e9))` takes
    /// no memory; anything else evaluated as usual.
    fn loop_sequence(&mut self, seq: &Expr, env: &Env) -> EvalResult<LoopSeq> {
        match &seq.kind {
            ExprKind::Binary(BinOp::Range, a, b) if !operators_overridden() => {
                let x = self.eval(a, env)?;
                let y = self.eval(b, env)?;
                match (plain_number(&x), plain_number(&y)) {
                    (Some((from, x_int)), Some((to, _))) if from.is_finite() && to.is_finite() => {
                        let n = ((to - from).abs() + 1.0 + f32::EPSILON as f64).floor();
                        let step = if to >= from { 1.0 } else { -1.0 };
                        let last = from + step * (n - 1.0);
                        let int = (x_int || from == from.trunc())
                            && from.abs() <= i32::MAX as f64
                            && last.abs() <= i32::MAX as f64;
                        Ok(LoopSeq::Compact(Compact { from, step, n, int }))
                    }
                    _ => Ok(LoopSeq::Value(
                        ops::binary(self, BinOp::Range, x, y, env).map_err(|f| with_span(f, seq))?,
                    )),
                }
            }
            ExprKind::Call(f, args)
                if args.len() == 1
                    && args[0].value.is_some()
                    && matches!(&f.kind, ExprKind::Ident(s) if s.as_str() == "seq_len") =>
            {
                let fv = self.get_function(Sym::new("seq_len"), env)?;
                if !matches!(&fv, Value::Builtin(b) if b.name == "seq_len") {
                    return self.eval(seq, env).map(LoopSeq::Value);
                }
                let Some(arg) = args[0].value.as_ref() else {
                    return self.eval(seq, env).map(LoopSeq::Value);
                };
                let v = self.eval(arg, env)?;
                match plain_number(&v) {
                    Some((n, _)) if n.is_finite() && n >= 0.0 && n.fract() == 0.0 => {
                        Ok(LoopSeq::Compact(Compact {
                            from: 1.0,
                            step: 1.0,
                            n,
                            int: n <= i32::MAX as f64,
                        }))
                    }
                    _ => {
                        let name = args[0].name;
                        self.call_value(&fv, vec![(name, v)])
                            .map(LoopSeq::Value)
                            .map_err(|f| with_span(f, seq))
                    }
                }
            }
            _ => self.eval(seq, env).map(LoopSeq::Value),
        }
    }

    /// A `for` loop over a compact sequence (see [`loop_sequence`](Self::loop_sequence)).
    fn eval_for_compact(&mut self, var: Sym, c: Compact, body: &Expr, env: &Env) -> EvalResult {
        let fast = LoopBody::compile(body);
        let hint = Cell::new(0);
        let mut i = 0.0;
        while i < c.n {
            self.tick()?;
            let x = c.from + c.step * i;
            let reused = env.with_slots(|sl| sl.find(var, &hint).map(|k| match sl.value_mut(k) {
                Value::Vector(crate::value::Vector { data: Data::Int(a), attrs: None }) if c.int => {
                    crate::value::vector::overwrite_scalar(a, x as i32)
                }
                Value::Vector(crate::value::Vector { data: Data::Dbl(a), attrs: None }) if !c.int => {
                    crate::value::vector::overwrite_scalar(a, x)
                }
                _ => false,
            }));
            if reused != Some(true) {
                env.set(var, if c.int { Value::int(x as i32) } else { Value::num(x) });
            }
            if self.loop_iteration(fast.as_ref(), body, env)? {
                break;
            }
            i += 1.0;
        }
        self.visible = false;
        Ok(Value::Null)
    }

    /// One pass of a loop body, true after `break`: compiled statements run as programs
    /// when their operands allow (not while the debugger steps), the rest is evaluated.
    #[inline]
    fn loop_iteration(&mut self, fast: Option<&LoopBody>, body: &Expr, env: &Env) -> EvalResult<bool> {
        let r = match fast {
            Some(fb) if !self.debug.stepping => self.run_loop_body(fb, env),
            _ => self.eval(body, env).map(drop),
        };
        match r {
            Ok(()) | Err(Flow::Next) => Ok(false),
            Err(Flow::Break) => Ok(true),
            Err(f) => Err(f),
        }
    }

    fn run_loop_body(&mut self, fb: &LoopBody, env: &Env) -> EvalResult<()> {
        for (item, prog) in &fb.items {
            if let Some(p) = prog {
                if !operators_overridden() {
                    let r = match p.run_local(env) {
                        Local::Done => continue,
                        Local::Value(r) => Some(r),
                        Local::NotLocal => p.run(env),
                        Local::Fail => None,
                    };
                    if let Some(r) = r {
                        match r {
                            Scalar::Num(x) => env.store_num(p.target, x),
                            Scalar::Lgl(x) => env.set(p.target, Value::lgls(vec![x])),
                        }
                        continue;
                    }
                }
            }
            self.eval(item, env)?;
        }
        Ok(())
    }
}

fn scalar_operand(e: &Expr, env: &Env, depth: usize) -> Option<(f64, bool)> {
    if depth > 32 {
        return None;
    }
    match &e.kind {
        ExprKind::Const(Const::Num(x)) => Some((*x, false)),
        ExprKind::Const(Const::Int(i)) => Some((*i as f64, true)),
        ExprKind::Ident(s) => env.lookup_with(*s, scalar_value)?,
        ExprKind::Paren(x) => scalar_operand(x, env, depth + 1),
        ExprKind::Unary(UnOp::Neg, x) => scalar_operand(x, env, depth + 1).map(|(v, i)| (-v, i)),
        ExprKind::Binary(op, a, b) => {
            let x = scalar_operand(a, env, depth + 1)?;
            let y = scalar_operand(b, env, depth + 1)?;
            arith(*op, x, y).map(|r| (r, false))
        }
        _ => None,
    }
}

/// The statements of a `for` body, each with its program when it compiled.
pub(super) struct LoopBody<'a> {
    items: Vec<(&'a Expr, Option<Prog>)>,
}

impl<'a> LoopBody<'a> {
    /// None when no statement compiles (the body is then evaluated as it stands).
    fn compile(body: &'a Expr) -> Option<LoopBody<'a>> {
        if operators_overridden() {
            return None;
        }
        let stmts: Vec<&Expr> = match &body.kind {
            ExprKind::Block(items) => items.iter().collect(),
            _ => vec![body],
        };
        let items: Vec<_> = stmts.into_iter().map(|s| (s, Prog::compile(s))).collect();
        items
            .iter()
            .any(|(_, p)| p.is_some())
            .then_some(LoopBody { items })
    }
}

/// Most variables and stack slots a program may use.
const MAX_VARS: usize = 8;
const MAX_STACK: usize = 16;

#[derive(Clone, Copy)]
enum Op {
    /// Push a constant (value, is_integer).
    Push(f64, bool),
    /// Push variable k's value.
    Var(u8),
    Neg,
    /// Pop two, push their arithmetic result.
    Bin(BinOp),
    /// Apply `op` with a double literal on the right to the top of the stack.
    BinK(BinOp, f64),
    /// `%%` by a whole double literal b, 0 < |b| < 2^31, with 1/b.
    ModK(f64, f64),
    /// Pop two, compare: only as the last op.
    Cmp(BinOp),
}

/// `target <- <scalar arithmetic>` as a postfix program over the distinct variables it reads.
pub(super) struct Prog {
    target: Sym,
    vars: Vec<Sym>,
    ops: Vec<Op>,
    /// Where the variables (then the target) were last found in the frame.
    hints: Vec<Cell<u32>>,
}

/// What [`Prog::run_local`] did.
enum Local {
    /// Computed and stored in place.
    Done,
    /// Computed; the caller stores it.
    Value(Scalar),
    /// A variable is not bound in the frame itself: look along the parents.
    NotLocal,
    /// An operand or the result is not a numeric scalar.
    Fail,
}

impl Prog {
    /// The program for `x <- e` when `e` is scalar arithmetic as [`Interp::scalar_arith`]
    /// takes it, within the variable and stack limits.
    fn compile(stmt: &Expr) -> Option<Prog> {
        let ExprKind::Assign(AssignOp::Local | AssignOp::Equals | AssignOp::Right, t, v) =
            &stmt.kind
        else {
            return None;
        };
        let (ExprKind::Ident(target), ExprKind::Binary(op, a, b)) = (&t.kind, &v.kind) else {
            return None;
        };
        let mut p = Prog {
            target: *target,
            vars: Vec::new(),
            ops: Vec::new(),
            hints: Vec::new(),
        };
        let mut depth = 0;
        if is_comparison(*op) {
            p.operand(a, &mut depth, 0)?;
            p.operand(b, &mut depth, 0)?;
            p.ops.push(Op::Cmp(*op));
        } else if is_arith(*op) {
            p.operand(v, &mut depth, 0)?;
        } else {
            return None;
        }
        p.hints = (0..=p.vars.len()).map(|_| Cell::new(0)).collect();
        Some(p)
    }

    /// The statement run on the frame's own bindings under one borrow, the result written
    /// into the target's buffer when it is an unshared double scalar.
    #[inline]
    fn run_local(&self, env: &Env) -> Local {
        env.with_slots(|sl| {
            let mut vals = [(0.0, false); MAX_VARS];
            for (k, s) in self.vars.iter().enumerate() {
                let Some(i) = sl.find(*s, &self.hints[k]) else {
                    return Local::NotLocal;
                };
                match scalar_value(sl.value(i)) {
                    Some(v) => vals[k] = v,
                    None => return Local::Fail,
                }
            }
            match self.compute(&vals) {
                Some(Scalar::Num(x)) => match sl.find(self.target, &self.hints[self.vars.len()]) {
                    Some(i) if sl.store_num(i, x) => Local::Done,
                    _ => Local::Value(Scalar::Num(x)),
                },
                Some(r) => Local::Value(r),
                None => Local::Fail,
            }
        })
    }

    fn operand(&mut self, e: &Expr, depth: &mut usize, nest: usize) -> Option<()> {
        if nest > 32 {
            return None;
        }
        match &e.kind {
            ExprKind::Const(Const::Num(x)) => self.push(Op::Push(*x, false), depth)?,
            ExprKind::Const(Const::Int(i)) => self.push(Op::Push(*i as f64, true), depth)?,
            ExprKind::Ident(s) => {
                let k = match self.vars.iter().position(|v| v == s) {
                    Some(k) => k,
                    None if self.vars.len() < MAX_VARS => {
                        self.vars.push(*s);
                        self.vars.len() - 1
                    }
                    None => return None,
                };
                self.push(Op::Var(k as u8), depth)?
            }
            ExprKind::Paren(x) => self.operand(x, depth, nest + 1)?,
            ExprKind::Unary(UnOp::Neg, x) => {
                self.operand(x, depth, nest + 1)?;
                self.ops.push(Op::Neg);
            }
            ExprKind::Binary(op, a, b) if is_arith(*op) => {
                self.operand(a, depth, nest + 1)?;
                match literal_num(b) {
                    // a whole divisor small enough for the exact quick remainder
                    Some(k) if *op == BinOp::Mod && k == k.trunc() && k != 0.0 && k.abs() < 2147483648.0 => {
                        self.ops.push(Op::ModK(k, 1.0 / k))
                    }
                    Some(k) => self.ops.push(Op::BinK(*op, k)),
                    None => {
                        self.operand(b, depth, nest + 1)?;
                        self.ops.push(Op::Bin(*op));
                        *depth -= 1;
                    }
                }
            }
            _ => return None,
        }
        Some(())
    }

    fn push(&mut self, op: Op, depth: &mut usize) -> Option<()> {
        *depth += 1;
        if *depth > MAX_STACK {
            return None;
        }
        self.ops.push(op);
        Some(())
    }

    /// The statement's value, or None when an operand is not a numeric scalar or the
    /// result is not a double or logical scalar.
    #[inline]
    fn run(&self, env: &Env) -> Option<Scalar> {
        let mut vals = [(0.0, false); MAX_VARS];
        for (slot, s) in vals.iter_mut().zip(&self.vars) {
            *slot = env.lookup_with(*s, scalar_value)??;
        }
        self.compute(&vals)
    }

    /// The program's value over the variables' values.
    #[inline]
    fn compute(&self, vals: &[(f64, bool); MAX_VARS]) -> Option<Scalar> {
        let mut st = [(0.0, false); MAX_STACK];
        let mut sp = 0;
        for op in &self.ops {
            match *op {
                Op::Push(x, i) => {
                    st[sp] = (x, i);
                    sp += 1;
                }
                Op::Var(v) => {
                    st[sp] = vals[v as usize];
                    sp += 1;
                }
                Op::Neg => st[sp - 1].0 = -st[sp - 1].0,
                Op::BinK(op, k) => {
                    let x = st[sp - 1].0;
                    st[sp - 1] = (
                        match op {
                            BinOp::Add => x + k,
                            BinOp::Sub => x - k,
                            BinOp::Mul => x * k,
                            BinOp::Div => x / k,
                            op => ops::arith_scalars(op, x, k)?,
                        },
                        false,
                    );
                }
                Op::ModK(k, inv) => st[sp - 1] = (mod_by(st[sp - 1].0, k, inv), false),
                Op::Bin(op) => {
                    sp -= 1;
                    let (x, y) = (st[sp - 1], st[sp]);
                    st[sp - 1] = (arith(op, x, y)?, false);
                }
                Op::Cmp(op) => {
                    sp -= 1;
                    return ops::compare_scalars(op, st[sp - 1].0, st[sp].0).map(Scalar::Lgl);
                }
            }
        }
        Some(Scalar::Num(st[0].0))
    }
}

/// A double literal (`3`, `0.5`), not an integer one.
fn literal_num(e: &Expr) -> Option<f64> {
    match &e.kind {
        ExprKind::Const(Const::Num(x)) => Some(*x),
        _ => None,
    }
}

/// R's `a %% k` for a whole `k`, 0 < |k| < 2^31, `inv` = 1/k: for whole `a` below 2^31
/// the quotient from the reciprocal is off by at most two and the remainder is exact once
/// moved into range (sign of `k`); anything else goes the general way.
#[inline(always)]
fn mod_by(a: f64, k: f64, inv: f64) -> f64 {
    if a.abs() < 2147483648.0 && a == (a as i64) as f64 {
        let q = (a * inv) as i64 as f64;
        let mut r = a - q * k;
        if k > 0.0 {
            while r < 0.0 {
                r += k;
            }
            while r >= k {
                r -= k;
            }
        } else {
            while r > 0.0 {
                r += k;
            }
            while r <= k {
                r -= k;
            }
        }
        return r + 0.0;
    }
    ops::r_mod(a, k)
}

fn is_arith(op: BinOp) -> bool {
    matches!(
        op,
        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::Pow | BinOp::Mod | BinOp::IntDiv
    )
}

fn is_comparison(op: BinOp) -> bool {
    matches!(
        op,
        BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge
    )
}

/// Writes element `i` of `data` into `cur` when `cur` is an unshared scalar of the same type.
/// A `for` loop's sequence: a value, or `n` numbers `from`, `from + step`, ... not made.
enum LoopSeq {
    Value(Value),
    Compact(Compact),
}

#[derive(Clone, Copy)]
struct Compact {
    from: f64,
    step: f64,
    n: f64,
    /// Integers (else doubles), as `:` and `seq_len` would give.
    int: bool,
}

/// An attribute-free numeric (integer or double, not logical) scalar and whether it is an
/// integer.
fn plain_number(v: &Value) -> Option<(f64, bool)> {
    match v {
        Value::Vector(crate::value::Vector { data: Data::Int(a), attrs: None }) if a.len() == 1 => {
            (a[0] != crate::value::NA_INT).then_some((a[0] as f64, true))
        }
        Value::Vector(crate::value::Vector { data: Data::Dbl(a), attrs: None }) if a.len() == 1 => {
            Some((a[0], false))
        }
        _ => None,
    }
}

fn refill(cur: &mut Value, data: &Data, i: usize) -> bool {
    use crate::value::vector::overwrite_scalar;
    match (cur, data) {
        (
            Value::Vector(crate::value::Vector {
                data: Data::Int(a),
                attrs: None,
            }),
            Data::Int(src),
        ) => overwrite_scalar(a, src[i]),
        (
            Value::Vector(crate::value::Vector {
                data: Data::Dbl(a),
                attrs: None,
            }),
            Data::Dbl(src),
        ) => overwrite_scalar(a, src[i]),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mod_by_matches_r_mod() {
        let ks = [1.0, 2.0, 3.0, 7.0, -3.0, -1.0, 1e9, -2147483647.0, 2147483647.0];
        let xs = [
            0.0, -0.0, 1.0, -1.0, 2.0, 5.0, -5.0, 6.0, -6.0, 1e9, -1e9, 2147483647.0,
            -2147483647.0, 2147483648.0, 0.5, -2.5, f64::NAN, f64::INFINITY, 123456789.0,
        ];
        for &k in &ks {
            for &x in &xs {
                let (a, b) = (mod_by(x, k, 1.0 / k), ops::r_mod(x, k));
                assert!(
                    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
                    "{} %% {}: {} vs {}",
                    x,
                    k,
                    a,
                    b
                );
            }
        }
        for x in -3000..3000 {
            for k in [3.0, -7.0, 10.0] {
                let x = x as f64 * 7919.0;
                assert_eq!(mod_by(x, k, 1.0 / k).to_bits(), ops::r_mod(x, k).to_bits());
            }
        }
    }
}
