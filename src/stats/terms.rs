//! Formula expansion as R's `terms.formula`: variables, terms as bit sets over the
//! variables, term labels, orders, intercept, offsets and the `factors` coding table.
//!
//! Operators: `+ - : * ^ %in% / ( )`, `.` (all data columns not on the left), `0`/`1`
//! for the intercept, `offset()` (a variable but not a term). Any other call or symbol
//! (`log(x)`, `I(x^2)`, `poly(x, 2)`, `factor(cyl)`) is a variable.

use crate::syntax::ast::{BinOp, Const, Expr, ExprKind, UnOp};
use crate::syntax::deparse::deparse;

/// The expanded terms of a formula.
#[derive(Clone, Debug)]
pub struct Terms {
    /// Every variable (response first when there is one).
    pub variables: Vec<Expr>,
    /// Deparsed variables, as R labels them.
    pub var_labels: Vec<String>,
    /// Whether `variables[0]` is the response.
    pub response: bool,
    /// Terms as bit sets over `variables`, in R's order (by degree, then as written).
    pub terms: Vec<Term>,
    /// `term.labels`.
    pub labels: Vec<String>,
    /// Whether the model has an intercept.
    pub intercept: bool,
    /// Indices of `offset(...)` variables.
    pub offsets: Vec<usize>,
}

struct Builder<'a> {
    vars: Vec<Expr>,
    labels: Vec<String>,
    intercept: bool,
    offsets: Vec<usize>,
    data_names: Option<&'a [String]>,
    lhs_labels: Vec<String>,
}

fn is_num(e: &Expr, v: f64) -> bool {
    match &e.kind {
        ExprKind::Const(Const::Num(x)) => *x == v,
        ExprKind::Const(Const::Int(x)) => *x as f64 == v,
        ExprKind::Paren(inner) => is_num(inner, v),
        _ => false,
    }
}

/// A term: the set of variables (indices into `Terms::variables`) it multiplies, of any
/// number of variables.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Term(Vec<u64>);

impl Term {
    /// The term of variable `i` alone.
    pub fn single(i: usize) -> Term {
        let mut w = vec![0u64; i / 64 + 1];
        w[i / 64] = 1u64 << (i % 64);
        Term(w)
    }
    /// Whether variable `i` is in the term.
    pub fn has(&self, i: usize) -> bool {
        self.0.get(i / 64).map(|w| w >> (i % 64) & 1 == 1).unwrap_or(false)
    }
    /// The number of variables (the term's order).
    pub fn count(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The term without variable `i`.
    pub fn without(&self, i: usize) -> Term {
        let mut t = self.clone();
        if let Some(w) = t.0.get_mut(i / 64) {
            *w &= !(1u64 << (i % 64));
        }
        t.trim();
        t
    }
    /// Whether every variable of this term is in `o`.
    pub fn is_subset_of(&self, o: &Term) -> bool {
        self.0.iter().enumerate().all(|(k, w)| w & !o.0.get(k).copied().unwrap_or(0) == 0)
    }
    /// The variables of the term, in increasing order.
    pub fn vars(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.0.len() * 64).filter(move |&i| self.has(i))
    }
    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }
}

impl std::ops::BitOr<&Term> for &Term {
    type Output = Term;
    fn bitor(self, o: &Term) -> Term {
        let n = self.0.len().max(o.0.len());
        let word = |t: &Term, k: usize| t.0.get(k).copied().unwrap_or(0);
        Term((0..n).map(|k| word(self, k) | word(o, k)).collect())
    }
}

fn push_unique(out: &mut Vec<Term>, t: Term) {
    if !t.is_empty() && !out.contains(&t) {
        out.push(t);
    }
}

impl<'a> Builder<'a> {
    fn install(&mut self, e: &Expr) -> Result<usize, String> {
        let lab = deparse(e);
        if let Some(i) = self.labels.iter().position(|l| *l == lab) {
            return Ok(i);
        }
        self.vars.push(e.clone());
        self.labels.push(lab);
        Ok(self.vars.len() - 1)
    }

    fn encode(&mut self, e: &Expr) -> Result<Vec<Term>, String> {
        match &e.kind {
            ExprKind::Paren(inner) => self.encode(inner),
            ExprKind::Const(Const::Num(_)) | ExprKind::Const(Const::Int(_)) => {
                if is_num(e, 1.0) {
                    self.intercept = true;
                    Ok(vec![])
                } else if is_num(e, 0.0) {
                    self.intercept = false;
                    Ok(vec![])
                } else {
                    Err("invalid model formula".into())
                }
            }
            ExprKind::Ident(s) if s.as_str() == "." => {
                let Some(names) = self.data_names else {
                    return Err("'.' in formula and no 'data' argument".into());
                };
                let mut out = Vec::new();
                for n in names.iter() {
                    if self.lhs_labels.contains(n) {
                        continue;
                    }
                    let ex = Expr::new(ExprKind::Ident(crate::syntax::sym::Sym::new(n)), e.span);
                    let i = self.install(&ex)?;
                    push_unique(&mut out, Term::single(i));
                }
                Ok(out)
            }
            ExprKind::Binary(op, l, r) => match op {
                BinOp::Add => {
                    let mut a = self.encode(l)?;
                    for t in self.encode(r)? {
                        push_unique(&mut a, t);
                    }
                    Ok(a)
                }
                BinOp::Sub => {
                    let a = self.encode(l)?;
                    if is_num(r, 1.0) || is_num(r, 0.0) {
                        self.intercept = is_num(r, 0.0);
                        return Ok(a);
                    }
                    let saved = self.intercept;
                    let b = self.encode(r)?;
                    self.intercept = saved;
                    Ok(a.into_iter().filter(|t| !b.contains(t)).collect())
                }
                BinOp::Range => {
                    let a = self.encode(l)?;
                    let b = self.encode(r)?;
                    let mut out = Vec::new();
                    for x in &a {
                        for y in &b {
                            push_unique(&mut out, x | y);
                        }
                    }
                    Ok(out)
                }
                BinOp::Mul => {
                    let a = self.encode(l)?;
                    let b = self.encode(r)?;
                    let mut out = a.clone();
                    for y in &b {
                        push_unique(&mut out, y.clone());
                    }
                    for x in &a {
                        for y in &b {
                            push_unique(&mut out, x | y);
                        }
                    }
                    Ok(out)
                }
                BinOp::Special(s) if s.as_str() == "%in%" => {
                    let a = self.encode(l)?;
                    let b = self.encode(r)?;
                    let all = b.iter().fold(Term::default(), |acc, t| &acc | t);
                    let mut out = Vec::new();
                    for x in &a {
                        push_unique(&mut out, x | &all);
                    }
                    Ok(out)
                }
                BinOp::Div => {
                    let a = self.encode(l)?;
                    let b = self.encode(r)?;
                    let all = a.iter().fold(Term::default(), |acc, t| &acc | t);
                    let mut out = a.clone();
                    for y in &b {
                        push_unique(&mut out, y | &all);
                    }
                    Ok(out)
                }
                BinOp::Pow => {
                    let n = match &r.kind {
                        ExprKind::Const(Const::Num(x)) => *x as usize,
                        ExprKind::Const(Const::Int(x)) => *x as usize,
                        _ => return Err("invalid power in formula".into()),
                    };
                    let base = self.encode(l)?;
                    let mut acc = base.clone();
                    for _ in 1..n.max(1) {
                        let mut next = acc.clone();
                        for x in &acc {
                            for y in &base {
                                push_unique(&mut next, x | y);
                            }
                        }
                        acc = next;
                    }
                    Ok(acc)
                }
                _ => Ok(vec![Term::single(self.install(e)?)]),
            },
            ExprKind::Unary(UnOp::Neg, inner) => {
                if is_num(inner, 1.0) || is_num(inner, 0.0) {
                    self.intercept = is_num(inner, 0.0);
                }
                Ok(vec![])
            }
            ExprKind::Unary(UnOp::Pos, inner) => self.encode(inner),
            ExprKind::Call(f, _) if matches!(&f.kind, ExprKind::Ident(s) if s.as_str() == "offset") =>
            {
                let i = self.install(e)?;
                if !self.offsets.contains(&i) {
                    self.offsets.push(i);
                }
                Ok(vec![])
            }
            _ => Ok(vec![Term::single(self.install(e)?)]),
        }
    }
}

/// Expands `lhs ~ rhs`. `data_names` supplies the columns `.` stands for.
pub fn terms_of(
    lhs: Option<&Expr>,
    rhs: &Expr,
    data_names: Option<&[String]>,
) -> Result<Terms, String> {
    let mut b = Builder {
        vars: vec![],
        labels: vec![],
        intercept: true,
        offsets: vec![],
        data_names,
        lhs_labels: vec![],
    };
    if let Some(l) = lhs {
        b.install(l)?;
        b.lhs_labels = crate::stats::terms::all_vars(l);
        b.lhs_labels.push(deparse(l));
    }
    let mut ts = b.encode(rhs)?;
    if lhs.is_some() {
        ts.retain(|t| !t.has(0));
    }
    // stable sort by degree
    ts.sort_by_key(|t| t.count());
    let labels = ts
        .iter()
        .map(|t| {
            t.vars()
                .map(|i| b.labels[i].clone())
                .collect::<Vec<_>>()
                .join(":")
        })
        .collect();
    Ok(Terms {
        variables: b.vars,
        var_labels: b.labels,
        response: lhs.is_some(),
        terms: ts,
        labels,
        intercept: b.intercept,
        offsets: b.offsets,
    })
}

impl Terms {
    /// Term orders (number of variables in each term).
    pub fn order(&self) -> Vec<usize> {
        self.terms.iter().map(|t| t.count()).collect()
    }
    /// R's `factors` table: entry `[v][t]` is 0 (absent), 1 (coded by contrasts) or 2 (coded
    /// by indicators because the term's margin without `v` is not in the model).
    pub fn factors(&self) -> Vec<Vec<u8>> {
        let nv = self.variables.len();
        let mut f = vec![vec![0u8; self.terms.len()]; nv];
        for (ti, t) in self.terms.iter().enumerate() {
            for (v, row) in f.iter_mut().enumerate() {
                if !t.has(v) {
                    continue;
                }
                let dropped = t.without(v);
                let code = if dropped.is_empty() || self.terms[..ti].iter().any(|p| dropped.is_subset_of(p)) {
                    1
                } else {
                    2
                };
                row[ti] = code;
            }
        }
        f
    }
}

/// `all.vars()`: symbols in an expression, in order, without duplicates.
pub fn all_vars(e: &Expr) -> Vec<String> {
    let mut out = Vec::new();
    collect_vars(e, &mut out);
    out
}

fn collect_vars(e: &Expr, out: &mut Vec<String>) {
    let add = |s: &str, out: &mut Vec<String>| {
        if !out.iter().any(|x| x == s) {
            out.push(s.to_string());
        }
    };
    match &e.kind {
        ExprKind::Ident(s) => add(s.as_str(), out),
        ExprKind::Call(_, args) => {
            for a in args.iter() {
                if let Some(v) = &a.value {
                    collect_vars(v, out);
                }
            }
        }
        ExprKind::Index(x, args) | ExprKind::Index2(x, args) => {
            collect_vars(x, out);
            for a in args.iter() {
                if let Some(v) = &a.value {
                    collect_vars(v, out);
                }
            }
        }
        ExprKind::Dollar(x, _) | ExprKind::At(x, _) => collect_vars(x, out),
        ExprKind::Unary(_, x) | ExprKind::Paren(x) => collect_vars(x, out),
        ExprKind::Binary(_, l, r) => {
            collect_vars(l, out);
            collect_vars(r, out);
        }
        ExprKind::Formula(l, r) => {
            if let Some(l) = l {
                collect_vars(l, out);
            }
            collect_vars(r, out);
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(src: &str) -> Vec<String> {
        let e = crate::syntax::parse(src).expect("parse");
        let ExprKind::Formula(l, r) = &e[0].kind else {
            panic!("not a formula")
        };
        terms_of(l.as_deref(), r, None).expect("terms").labels
    }

    #[test]
    fn expansions_match_r() {
        assert_eq!(
            labels("y ~ a*b*c"),
            ["a", "b", "c", "a:b", "a:c", "b:c", "a:b:c"]
        );
        assert_eq!(
            labels("y ~ (a+b+c)^2"),
            ["a", "b", "c", "a:b", "a:c", "b:c"]
        );
        assert_eq!(labels("y ~ a + b - a"), ["b"]);
        assert_eq!(labels("y ~ a:b + a"), ["a", "a:b"]);
        assert_eq!(labels("y ~ a/b"), ["a", "a:b"]);
        assert_eq!(labels("y ~ b %in% a"), ["b:a"]);
    }
}
