//! The model matrix as a plan: each column is a product of per-variable pieces (a numeric
//! column, a contrast column looked up by factor code, or a level indicator), in R's column
//! order with R's names and `assign`. The plan borrows the variables' data, so it can fill
//! any block of rows on any thread without building the whole `n x p` matrix, or
//! materialise it in one allocation.

use super::design::{ModelMatrix, VarCol};
use super::terms::Terms;
use super::tsqr::{axpy, RowSource};

/// One factor of a design column's product.
#[derive(Clone, Copy, Debug)]
enum Piece<'a> {
    /// A numeric column (already offset to the matrix column).
    Num(&'a [f64]),
    /// Contrast column values by 1-based code (0 is NA).
    Con(&'a [u32], &'a [f64]),
    /// Indicator of the 1-based level.
    Ind(&'a [u32], u32),
}

impl Piece<'_> {
    #[inline]
    fn at(&self, i: usize) -> f64 {
        match *self {
            Piece::Num(d) => d[i],
            Piece::Con(codes, vals) => match codes[i] {
                0 => f64::NAN,
                c => vals[c as usize - 1],
            },
            Piece::Ind(codes, l) => match codes[i] {
                0 => f64::NAN,
                c => (c == l) as u8 as f64,
            },
        }
    }
    /// Writes rows `i0..i0 + out.len()`, multiplied into `out` unless `first`.
    fn apply(&self, i0: usize, out: &mut [f64], first: bool) {
        let m = out.len();
        match (*self, first) {
            (Piece::Num(d), true) => out.copy_from_slice(&d[i0..i0 + m]),
            (Piece::Num(d), false) => {
                for (o, v) in out.iter_mut().zip(&d[i0..i0 + m]) {
                    *o *= v;
                }
            }
            (p, true) => {
                for (k, o) in out.iter_mut().enumerate() {
                    *o = p.at(i0 + k);
                }
            }
            (p, false) => {
                for (k, o) in out.iter_mut().enumerate() {
                    *o *= p.at(i0 + k);
                }
            }
        }
    }
}

/// What one factor of a design column's product is, for engines that compute the
/// column themselves (Spark SQL): see [`DesignPlan::pieces`].
#[derive(Clone, Copy, Debug)]
pub enum PieceView<'b> {
    /// The variable's value (its `j`-th column for a matrix).
    Num(usize),
    /// A contrast column: its value for each level.
    Con(&'b [f64]),
    /// The indicator of the 1-based level.
    Ind(u32),
}

/// The columns of a model matrix as products of variable pieces.
pub struct DesignPlan<'a> {
    /// Rows.
    pub n: usize,
    cols: Vec<Vec<Piece<'a>>>,
    /// The variable (index into `terms.variables`) and view of each piece of each column.
    views: Vec<Vec<(usize, PieceView<'a>)>>,
    /// Column names.
    pub colnames: Vec<String>,
    /// Term index of each column (0 for the intercept).
    pub assign: Vec<usize>,
}

impl<'a> DesignPlan<'a> {
    /// The plan for `terms` over the evaluated variables `vars` (indexed as
    /// `terms.variables`) with `n` rows: R's `model.matrix` column order and names.
    pub fn new(terms: &Terms, vars: &'a [VarCol], n: usize) -> DesignPlan<'a> {
        let mut factors = terms.factors();
        if !terms.intercept {
            // the first factor appearing in a term gets full indicator coding
            'outer: for ti in 0..terms.terms.len() {
                for (v, row) in factors.iter_mut().enumerate() {
                    if row[ti] > 0 && vars.get(v).map(|c| c.is_factor()).unwrap_or(false) {
                        row[ti] = 2;
                        break 'outer;
                    }
                }
            }
        }
        let mut plan = DesignPlan {
            n,
            cols: vec![],
            views: vec![],
            colnames: vec![],
            assign: vec![],
        };
        if terms.intercept {
            plan.cols.push(vec![]);
            plan.views.push(vec![]);
            plan.colnames.push("(Intercept)".into());
            plan.assign.push(0);
        }
        for (ti, t) in terms.terms.iter().enumerate() {
            // start from the empty product; each variable multiplies in its columns, the
            // earlier variables varying fastest
            let mut cols: Vec<(Vec<(usize, Piece<'a>, PieceView<'a>)>, String)> =
                vec![(vec![], String::new())];
            for v in 0..terms.variables.len() {
                if !t.has(v) {
                    continue;
                }
                let label = &terms.var_labels[v];
                let block: Vec<((Piece<'a>, PieceView<'a>), String)> = match &vars[v] {
                    VarCol::Numeric {
                        data,
                        ncol,
                        colnames,
                    } => (0..*ncol)
                        .map(|j| {
                            let name = match colnames {
                                Some(c) => format!("{}{}", label, c[j]),
                                None if *ncol == 1 => label.clone(),
                                None => format!("{}{}", label, j + 1),
                            };
                            ((Piece::Num(&data[j * n..(j + 1) * n]), PieceView::Num(j)), name)
                        })
                        .collect(),
                    VarCol::Factor {
                        codes,
                        levels,
                        contrast,
                    } => {
                        if factors[v][ti] == 2 {
                            (0..levels.len())
                                .map(|l| {
                                    (
                                        (
                                            Piece::Ind(codes, l as u32 + 1),
                                            PieceView::Ind(l as u32 + 1),
                                        ),
                                        format!("{}{}", label, levels[l]),
                                    )
                                })
                                .collect()
                        } else {
                            (0..contrast.m)
                                .map(|j| {
                                    let nm = match &contrast.colnames {
                                        Some(c) => c[j].clone(),
                                        None => (j + 1).to_string(),
                                    };
                                    let vals = &contrast.data[j * contrast.k..(j + 1) * contrast.k];
                                    (
                                        (Piece::Con(codes, vals), PieceView::Con(vals)),
                                        format!("{}{}", label, nm),
                                    )
                                })
                                .collect()
                        }
                    }
                };
                let mut next = Vec::with_capacity(cols.len() * block.len());
                for (bp, bn) in &block {
                    for (cp, cn) in &cols {
                        let mut pieces = cp.clone();
                        pieces.push((v, bp.0, bp.1));
                        let name = if cn.is_empty() {
                            bn.clone()
                        } else {
                            format!("{}:{}", cn, bn)
                        };
                        next.push((pieces, name));
                    }
                }
                cols = next;
            }
            for (pieces, name) in cols {
                plan.views.push(pieces.iter().map(|(v, _, w)| (*v, *w)).collect());
                plan.cols.push(pieces.into_iter().map(|(_, p, _)| p).collect());
                plan.colnames.push(name);
                plan.assign.push(ti + 1);
            }
        }
        plan
    }

    /// The factors of column `j`'s product: each one's variable and what it takes of it
    /// (none for the intercept).
    pub fn pieces(&self, j: usize) -> &[(usize, PieceView<'a>)] {
        &self.views[j]
    }

    /// Columns.
    pub fn p(&self) -> usize {
        self.cols.len()
    }

    /// Writes rows `i0..i0 + out.len()` of column `j` into `out`.
    pub fn fill_col(&self, j: usize, i0: usize, out: &mut [f64]) {
        let pieces = &self.cols[j];
        if pieces.is_empty() {
            out.fill(1.0);
            return;
        }
        for (k, pc) in pieces.iter().enumerate() {
            pc.apply(i0, out, k == 0);
        }
    }

    /// The whole matrix, column-major, filled in parallel by columns for large designs.
    pub fn materialize(&self) -> ModelMatrix {
        let (n, p) = (self.n, self.p());
        let mut data = vec![0.0; n * p];
        let threads = if n * p >= 1 << 20 {
            super::tsqr::threads().min(p)
        } else {
            1
        };
        if threads <= 1 || n == 0 {
            for (j, col) in data.chunks_mut(n.max(1)).enumerate().take(p) {
                self.fill_col(j, 0, col);
            }
        } else {
            let per = p.div_ceil(threads);
            std::thread::scope(|s| {
                for (t, cols) in data.chunks_mut(n * per).enumerate() {
                    s.spawn(move || {
                        for (k, col) in cols.chunks_mut(n).enumerate() {
                            self.fill_col(t * per + k, 0, col);
                        }
                    });
                }
            });
        }
        ModelMatrix {
            n,
            data,
            colnames: self.colnames.clone(),
            assign: self.assign.clone(),
        }
    }
}

impl RowSource for DesignPlan<'_> {
    fn ncol(&self) -> usize {
        self.p()
    }
    fn fill(&self, i0: usize, m: usize, out: &mut [f64]) {
        for j in 0..self.p() {
            self.fill_col(j, i0, &mut out[j * m..(j + 1) * m]);
        }
    }
    /// Plain numeric columns and the intercept are read where they are, without being
    /// copied into `scratch` first (the same sums, in the same order, as the default).
    fn add_xb(&self, i0: usize, coef: &[f64], out: &mut [f64], scratch: &mut [f64]) {
        let m = out.len();
        for (j, &b) in coef.iter().enumerate() {
            if b.is_nan() {
                continue;
            }
            match self.cols[j].as_slice() {
                [] => out.iter_mut().for_each(|o| *o += b),
                [Piece::Num(d)] => axpy(b, &d[i0..i0 + m], out),
                _ => {
                    let col = &mut scratch[..m];
                    self.fill_col(j, i0, col);
                    axpy(b, col, out);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::design::contr_treatment;
    use crate::stats::terms::terms_of;
    use std::rc::Rc;

    #[test]
    fn plan_blocks_match_the_materialised_matrix() {
        let e = crate::syntax::parse_expr("y ~ x * g + z").unwrap_or_else(|_| panic!("parse"));
        let crate::syntax::ast::ExprKind::Formula(lhs, rhs) = e.kind else {
            panic!("formula")
        };
        let t = terms_of(lhs.as_deref(), &rhs, None).unwrap_or_else(|m| panic!("{}", m));
        let n = 10;
        let levels: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        let vars = vec![
            VarCol::Numeric {
                data: Rc::new((0..n).map(|i| i as f64).collect()),
                ncol: 1,
                colnames: None,
            },
            VarCol::Numeric {
                data: Rc::new((0..n).map(|i| (i * i) as f64 * 0.5).collect()),
                ncol: 1,
                colnames: None,
            },
            VarCol::Factor {
                codes: (0..n).map(|i| (i % 3 + 1) as u32).collect(),
                contrast: contr_treatment(&levels),
                levels,
            },
            VarCol::Numeric {
                data: Rc::new((0..n).map(|i| 1.0 / (i + 1) as f64).collect()),
                ncol: 1,
                colnames: None,
            },
        ];
        let plan = DesignPlan::new(&t, &vars, n);
        assert_eq!(
            plan.colnames,
            vec!["(Intercept)", "x", "gb", "gc", "z", "x:gb", "x:gc"]
        );
        assert_eq!(plan.assign, vec![0, 1, 2, 2, 3, 4, 4]);
        let mm = plan.materialize();
        // x:gc at row 5 (g = c): x = 12.5; at row 4 (g = b): 0
        assert_eq!(mm.data[6 * n + 5], 12.5);
        assert_eq!(mm.data[6 * n + 4], 0.0);
        let p = plan.p();
        let mut blk = vec![0.0; 4 * p];
        plan.fill(3, 4, &mut blk);
        for j in 0..p {
            for k in 0..4 {
                assert_eq!(blk[j * 4 + k], mm.data[j * n + 3 + k]);
            }
        }
        // X b read from the columns where they are gives the bits of the filled block's
        let coef = [0.5, -1.25, 3.0, f64::NAN, 0.75, 2.5, -0.125];
        let dense = crate::stats::tsqr::Dense { x: &mm.data, n, p };
        let (mut direct, mut filled) = (vec![0.25; 4], vec![0.25; 4]);
        let mut scratch = vec![0.0; 4 * p];
        plan.add_xb(3, &coef, &mut direct, &mut scratch);
        dense.add_xb(3, &coef, &mut filled, &mut scratch);
        assert_eq!(direct, filled);
        assert!(direct.iter().all(|x| x.is_finite() && *x != 0.25));
    }
}
