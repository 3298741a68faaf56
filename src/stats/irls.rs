//! R's iteratively reweighted least squares (the iteration of `glm.fit`), written once over
//! [`IrlsRows`]: a source of rows that can evaluate the model at a point (one pass over the
//! rows) and solve the weighted least squares at the point it last evaluated. Columns in
//! memory and a file streamed in chunks are two such sources; the iteration, its step
//! halving, convergence test and warnings are this module's alone.

use super::glm::{Control, Family, Kind};

/// Where an evaluation's linear predictor comes from.
#[derive(Clone, Copy, Debug)]
pub enum At<'a> {
    /// The source's starting means (the family's `mustart` rule, or means it was given).
    Start,
    /// `X b + offset` for these coefficients (NaN, the aliased, count as 0).
    Coef(&'a [f64]),
}

/// What evaluating the model at a point tells the iteration.
#[derive(Clone, Copy, Debug)]
pub struct Eval {
    /// The deviance at the point's means.
    pub dev: f64,
    /// Whether every linear predictor and mean is valid for the family.
    pub valid: bool,
}

/// A weighted least-squares fit made at an evaluated point.
#[derive(Clone, Debug)]
pub struct Step<F> {
    /// Coefficients in the original column order, NaN for the aliased.
    pub coef: Vec<f64>,
    /// 0-based original column of each pivoted column.
    pub pivot: Vec<usize>,
    /// Numerical rank.
    pub rank: usize,
    /// What the source keeps of the fit (the last accepted one becomes the fit's QR).
    pub fit: F,
}

/// The rows a GLM is fitted to. Errors are messages; a source that fails in a richer way
/// keeps its error and returns some message for it.
pub trait IrlsRows {
    /// What the source keeps of a weighted least-squares fit.
    type Fit;
    /// Evaluates the model at `at` (linear predictor, means, deviance); `at` becomes the
    /// current point.
    fn eval(&mut self, at: At) -> Result<Eval, String>;
    /// Regresses the working response on the design with the working weights of the current
    /// point (rows with zero weight or `mu.eta` take no part); None when no row informs.
    fn wls(&mut self) -> Result<Option<Step<Self::Fit>>, String>;
    /// Whether some mean at the current point is numerically at the family's boundary
    /// (see [`Family::mu_at_boundary`]).
    fn mu_at_boundary(&self) -> bool;
}

/// The result of [`irls`]; the source is left at the final coefficients.
#[derive(Clone, Debug)]
pub struct Irls<F> {
    /// Coefficients in the original column order (NaN for aliased ones).
    pub coef: Vec<f64>,
    /// The last accepted weighted least-squares fit, with its rank and pivot.
    pub last: Step<F>,
    /// The deviance at `coef`.
    pub dev: f64,
    /// Iterations used.
    pub iter: usize,
    /// Whether the iteration converged.
    pub converged: bool,
    /// Whether step-halving hit the boundary.
    pub boundary: bool,
    /// Warnings raised, in order (R's texts).
    pub warnings: Vec<String>,
}

/// R's warning when the intercept-only fit behind the null deviance does not converge.
pub const NULL_FIT_NOT_CONVERGED: &str =
    "fitting to calculate the null deviance did not converge -- increase 'maxit'?";

const NO_VALID_COEF: &str =
    "no valid set of coefficients has been found: please supply starting values";

/// Fits by IRLS, as R's `glm.fit`, from `start` (coefficients) or the source's starting
/// means.
pub fn irls<R: IrlsRows>(
    rows: &mut R,
    fam: &Family,
    ctl: &Control,
    start: Option<&[f64]>,
) -> Result<Irls<R::Fit>, String> {
    let first = rows.eval(start.map_or(At::Start, At::Coef))?;
    irls_from(rows, fam, ctl, start, first)
}

/// [`irls`] after its first evaluation (`first`, at `start` or the starting means), which
/// the caller made.
pub fn irls_from<R: IrlsRows>(
    rows: &mut R,
    fam: &Family,
    ctl: &Control,
    start: Option<&[f64]>,
    first: Eval,
) -> Result<Irls<R::Fit>, String> {
    if !first.valid {
        return Err("cannot find valid starting values: please specify some".into());
    }
    let mut warnings = Vec::new();
    let mut coefold: Option<Vec<f64>> = start.map(|s| s.to_vec());
    let (mut dev, mut devold) = (first.dev, first.dev);
    let (mut conv, mut boundary, mut iter) = (false, false, 0);
    let mut coef = vec![];
    let mut last = None;
    for it in 1..=ctl.maxit.max(1) {
        iter = it;
        let Some(step) = rows.wls()? else {
            warnings.push(format!("no observations informative at iteration {}", it));
            break;
        };
        if step.pivot[..step.rank]
            .iter()
            .any(|&j| !step.coef[j].is_finite())
        {
            warnings.push(format!("non-finite coefficients at iteration {}", it));
            break;
        }
        let mut b = step.coef.clone();
        let mut ev = rows.eval(At::Coef(&b))?;
        boundary = false;
        if !ev.dev.is_finite() {
            let Some(old) = &coefold else {
                return Err(NO_VALID_COEF.into());
            };
            warnings.push("step size truncated due to divergence".into());
            let mut ii = 1;
            while !ev.dev.is_finite() {
                if ii > ctl.maxit {
                    return Err("inner loop 1; cannot correct step size".into());
                }
                ii += 1;
                halve(&mut b, old);
                ev = rows.eval(At::Coef(&b))?;
            }
            boundary = true;
        }
        if !ev.valid {
            let Some(old) = &coefold else {
                return Err(NO_VALID_COEF.into());
            };
            warnings.push("step size truncated: out of bounds".into());
            let mut ii = 1;
            while !ev.valid {
                if ii > ctl.maxit {
                    return Err("inner loop 2; cannot correct step size".into());
                }
                ii += 1;
                halve(&mut b, old);
                ev = rows.eval(At::Coef(&b))?;
            }
            boundary = true;
        }
        dev = ev.dev;
        last = Some(step);
        if (dev - devold).abs() / (0.1 + dev.abs()) < ctl.epsilon {
            conv = true;
            coef = b;
            break;
        }
        devold = dev;
        coef = b.clone();
        coefold = Some(b);
    }
    if !conv {
        warnings.push("glm.fit: algorithm did not converge".into());
    }
    if boundary {
        warnings.push("glm.fit: algorithm stopped at boundary value".into());
    }
    match fam.kind {
        Kind::Binomial if rows.mu_at_boundary() => {
            warnings.push("glm.fit: fitted probabilities numerically 0 or 1 occurred".into())
        }
        Kind::Poisson if rows.mu_at_boundary() => {
            warnings.push("glm.fit: fitted rates numerically 0 occurred".into())
        }
        _ => {}
    }
    let Some(last) = last else {
        return Err("no iterations were performed".into());
    };
    Ok(Irls {
        coef,
        last,
        dev,
        iter,
        converged: conv,
        boundary,
        warnings,
    })
}

/// Halves the step from `old` to `b`.
fn halve(b: &mut [f64], old: &[f64]) {
    for (s, o) in b.iter_mut().zip(old) {
        *s = (*s + o) / 2.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A source that answers evaluations from a script of deviances and always solves to
    /// the same coefficients; it records the points it was evaluated at.
    struct Script {
        devs: Vec<f64>,
        solve: Vec<f64>,
        seen: Vec<Option<Vec<f64>>>,
    }

    impl IrlsRows for Script {
        type Fit = ();
        fn eval(&mut self, at: At) -> Result<Eval, String> {
            self.seen.push(match at {
                At::Start => None,
                At::Coef(b) => Some(b.to_vec()),
            });
            let dev = self.devs.remove(0);
            Ok(Eval { dev, valid: true })
        }
        fn wls(&mut self) -> Result<Option<Step<()>>, String> {
            Ok(Some(Step {
                coef: self.solve.clone(),
                pivot: (0..self.solve.len()).collect(),
                rank: self.solve.len(),
                fit: (),
            }))
        }
        fn mu_at_boundary(&self) -> bool {
            false
        }
    }

    fn ctl(maxit: usize) -> Control {
        Control {
            epsilon: 1e-8,
            maxit,
        }
    }

    #[test]
    fn divergence_halves_the_step() {
        let fam = Family::new("poisson", None).expect("family");
        let mut s = Script {
            devs: vec![10.0, f64::INFINITY, f64::NAN, 5.0, 5.0],
            solve: vec![4.0, 4.0],
            seen: vec![],
        };
        let r = irls(&mut s, &fam, &ctl(25), Some(&[0.0, 0.0])).expect("fit");
        let pts: Vec<Vec<f64>> = s.seen.into_iter().flatten().collect();
        assert_eq!(
            pts,
            vec![
                vec![0.0, 0.0],
                vec![4.0, 4.0],
                vec![2.0, 2.0],
                vec![1.0, 1.0],
                vec![4.0, 4.0]
            ]
        );
        assert_eq!((r.iter, r.converged, r.boundary), (2, true, false));
        assert_eq!(r.coef, vec![4.0, 4.0]);
        assert_eq!(r.warnings, vec!["step size truncated due to divergence"]);
    }

    #[test]
    fn divergence_without_start_is_an_error() {
        let fam = Family::new("poisson", None).expect("family");
        let mut s = Script {
            devs: vec![10.0, f64::INFINITY],
            solve: vec![1.0],
            seen: vec![],
        };
        let e = irls(&mut s, &fam, &ctl(25), None).err();
        assert_eq!(e.as_deref(), Some(NO_VALID_COEF));
    }

    #[test]
    fn maxit_stops_unconverged() {
        let fam = Family::new("binomial", None).expect("family");
        let mut s = Script {
            devs: vec![10.0, 8.0, 6.0, 4.0],
            solve: vec![1.0],
            seen: vec![],
        };
        let r = irls(&mut s, &fam, &ctl(3), None).expect("fit");
        assert_eq!((r.iter, r.converged, r.dev), (3, false, 4.0));
        assert_eq!(r.warnings, vec!["glm.fit: algorithm did not converge"]);
    }
}
