//! R's optimisers, root finder and quadrature, free of interpreter types.
//!
//! Each algorithm follows the routine R itself runs (`src/appl/optim.c`, `lbfgsb.c`,
//! `integrate.c`, `stats/src/optimize.c`, `zeroin.c`) step for step, so that results and
//! evaluation counts agree with R's. Objectives are Rust closures returning
//! `Result<f64, E>`; an error from the closure aborts the algorithm and is handed back
//! unchanged as [`Fail::Fn`].

// The ports keep the Fortran's index loops (so sums run in R's order) and QUADPACK's
// constants as published.
#![allow(clippy::needless_range_loop, clippy::excessive_precision)]

pub mod bfgs;
pub mod brent;
pub mod cg;
pub mod lbfgsb;
mod lbfgsb_steps;
pub mod neldermead;
pub mod quadpack;
pub mod sann;
#[cfg(test)]
mod tests;
pub mod uncmin;

/// Why an algorithm stopped without a result.
#[derive(Debug)]
pub enum Fail<E> {
    /// The objective (or gradient) closure failed.
    Fn(E),
    /// The algorithm itself gave up, with R's message.
    Msg(String),
}

impl<E> Fail<E> {
    /// A message failure.
    pub fn msg(s: impl Into<String>) -> Fail<E> {
        Fail::Msg(s.into())
    }
}

/// What a multivariate minimiser returns (R's `optim` result, before rescaling).
#[derive(Clone, Debug, PartialEq)]
pub struct OptimOut {
    /// The best parameters found.
    pub par: Vec<f64>,
    /// The objective at `par`.
    pub value: f64,
    /// Function evaluations counted as R counts them.
    pub fncount: i32,
    /// Gradient evaluations (`None` for methods that use none).
    pub grcount: Option<i32>,
    /// R's convergence code (0 success, 1 maxit reached, 10 degenerate simplex, 51/52 L-BFGS-B).
    pub fail: i32,
    /// L-BFGS-B's message (`None` for the other methods).
    pub message: Option<String>,
}

/// Stopping rules shared by Nelder-Mead, BFGS and CG.
#[derive(Clone, Copy, Debug)]
pub struct Tolerances {
    pub maxit: i32,
    pub abstol: f64,
    pub reltol: f64,
}

impl Default for Tolerances {
    fn default() -> Self {
        Tolerances {
            maxit: 100,
            abstol: f64::NEG_INFINITY,
            reltol: f64::EPSILON.sqrt(),
        }
    }
}

/// An objective as the minimisers see it: values and gradients in their own coordinates.
pub trait Objective<E> {
    /// The objective at `x`.
    fn value(&mut self, x: &[f64]) -> Result<f64, Fail<E>>;
    /// The gradient at `x`, written into `g`.
    fn grad(&mut self, x: &[f64], g: &mut [f64]) -> Result<(), Fail<E>>;
}

/// R's `optim` objective: the user's function of the unscaled parameters, seen by the
/// minimisers through `parscale` and `fnscale`, with the analytic gradient when given and
/// R's central differences (step `ndeps`, clipped to the bounds for L-BFGS-B) otherwise.
pub struct Scaled<F, G> {
    /// The user's function: its result vector (only the first element is used).
    pub f: F,
    /// The user's gradient, if any.
    pub gr: Option<G>,
    pub parscale: Vec<f64>,
    pub fnscale: f64,
    pub ndeps: Vec<f64>,
    /// Bounds in scaled coordinates, used by the numerical gradient (L-BFGS-B only).
    pub bounds: Option<(Vec<f64>, Vec<f64>)>,
}

impl<E, F, G> Scaled<F, G>
where
    F: FnMut(&[f64]) -> Result<Vec<f64>, E>,
    G: FnMut(&[f64]) -> Result<Vec<f64>, E>,
{
    fn eval_first(&mut self, x: &[f64]) -> Result<f64, Fail<E>> {
        let s = (self.f)(x).map_err(Fail::Fn)?;
        Ok(s.first().copied().unwrap_or(f64::NAN) / self.fnscale)
    }

    /// R's `optimHess`: the Hessian at the unscaled `par` by central differences of the
    /// gradient, symmetrised; column-major n×n in unscaled units.
    pub fn hessian(&mut self, par: &[f64]) -> Result<Vec<f64>, Fail<E>> {
        let n = par.len();
        let saved = self.bounds.take();
        let mut dpar: Vec<f64> = par.iter().zip(&self.parscale).map(|(p, s)| p / s).collect();
        let mut df1 = vec![0.0; n];
        let mut df2 = vec![0.0; n];
        let mut h = vec![0.0; n * n];
        for i in 0..n {
            let eps = self.ndeps[i] / self.parscale[i];
            dpar[i] += eps;
            let r = self.grad(&dpar, &mut df1);
            if r.is_err() {
                self.bounds = saved;
                return r.map(|_| vec![]);
            }
            dpar[i] -= 2.0 * eps;
            let r = self.grad(&dpar, &mut df2);
            if r.is_err() {
                self.bounds = saved;
                return r.map(|_| vec![]);
            }
            for j in 0..n {
                h[i * n + j] = self.fnscale * (df1[j] - df2[j])
                    / (2.0 * eps * self.parscale[i] * self.parscale[j]);
            }
            dpar[i] += eps;
        }
        self.bounds = saved;
        for i in 0..n {
            for j in 0..i {
                let t = 0.5 * (h[i * n + j] + h[j * n + i]);
                h[i * n + j] = t;
                h[j * n + i] = t;
            }
        }
        Ok(h)
    }
}

impl<E, F, G> Objective<E> for Scaled<F, G>
where
    F: FnMut(&[f64]) -> Result<Vec<f64>, E>,
    G: FnMut(&[f64]) -> Result<Vec<f64>, E>,
{
    fn value(&mut self, p: &[f64]) -> Result<f64, Fail<E>> {
        if p.iter().any(|v| !v.is_finite()) {
            return Err(Fail::msg("non-finite value supplied by optim"));
        }
        let x: Vec<f64> = p.iter().zip(&self.parscale).map(|(p, s)| p * s).collect();
        let s = (self.f)(&x).map_err(Fail::Fn)?;
        if s.len() != 1 {
            return Err(Fail::Msg(format!(
                "objective function in optim evaluates to length {} not 1",
                s.len()
            )));
        }
        Ok(s[0] / self.fnscale)
    }

    fn grad(&mut self, p: &[f64], df: &mut [f64]) -> Result<(), Fail<E>> {
        let n = p.len();
        if let Some(gr) = self.gr.as_mut() {
            if p.iter().any(|v| !v.is_finite()) {
                return Err(Fail::msg("non-finite value supplied by optim"));
            }
            let x: Vec<f64> = p.iter().zip(&self.parscale).map(|(p, s)| p * s).collect();
            let s = gr(&x).map_err(Fail::Fn)?;
            if s.len() != n {
                return Err(Fail::Msg(format!(
                    "gradient in optim evaluated to length {} not {}",
                    s.len(),
                    n
                )));
            }
            for i in 0..n {
                df[i] = s[i] * self.parscale[i] / self.fnscale;
            }
            return Ok(());
        }
        let mut x: Vec<f64> = p.iter().zip(&self.parscale).map(|(p, s)| p * s).collect();
        for i in 0..n {
            let mut eps = self.ndeps[i];
            let (val1, val2, denom);
            match self.bounds.as_ref().map(|(l, u)| (l[i], u[i])) {
                None => {
                    x[i] = (p[i] + eps) * self.parscale[i];
                    val1 = self.eval_first(&x)?;
                    x[i] = (p[i] - eps) * self.parscale[i];
                    val2 = self.eval_first(&x)?;
                    denom = 2.0 * eps;
                }
                Some((lo, up)) => {
                    let mut epsused = eps;
                    let mut tmp = p[i] + eps;
                    if tmp > up {
                        tmp = up;
                        epsused = tmp - p[i];
                    }
                    x[i] = tmp * self.parscale[i];
                    val1 = self.eval_first(&x)?;
                    tmp = p[i] - eps;
                    if tmp < lo {
                        tmp = lo;
                        eps = p[i] - tmp;
                    }
                    x[i] = tmp * self.parscale[i];
                    val2 = self.eval_first(&x)?;
                    denom = epsused + eps;
                }
            }
            df[i] = (val1 - val2) / denom;
            if !df[i].is_finite() {
                return Err(Fail::Msg(format!(
                    "non-finite finite-difference value [{}]",
                    i + 1
                )));
            }
            x[i] = p[i] * self.parscale[i];
        }
        Ok(())
    }
}
