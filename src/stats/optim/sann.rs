//! Simulated annealing as in R's `samin` (by Adrian Trapletti): Gaussian Markov
//! candidates, a logarithmic cooling schedule and the Metropolis acceptance rule.

use super::{Fail, Objective, OptimOut};

const BIG: f64 = 1.0e35;
/// exp(1) - 1, as R rounds it.
const E1: f64 = 1.7182818;

/// Runs `maxit` evaluations of `obj` from `start`, `tmax` per temperature, starting at
/// temperature `ti`. `gen(p, scale, ptry)` proposes the next candidate (R's default adds
/// `scale` times standard normal draws); `unif` draws from R's uniform stream. Returns
/// the best point seen; counts are `maxit` function evaluations as R reports them.
pub fn samin<E, O: Objective<E>>(
    obj: &mut O,
    start: &[f64],
    maxit: i32,
    tmax: i32,
    ti: f64,
    mut gen: impl FnMut(&[f64], f64, &mut [f64]) -> Result<(), Fail<E>>,
    mut unif: impl FnMut() -> f64,
) -> Result<OptimOut, Fail<E>> {
    let n = start.len();
    let mut pb = start.to_vec();
    let out = |par: Vec<f64>, value: f64| OptimOut {
        par,
        value,
        fncount: if n > 0 { maxit } else { 1 },
        grcount: None,
        fail: 0,
        message: None,
    };
    if n == 0 {
        let y = obj.value(&pb)?;
        return Ok(out(pb, y));
    }
    let mut yb = obj.value(&pb)?;
    if !yb.is_finite() {
        yb = BIG;
    }
    let mut p = pb.clone();
    let mut ptry = vec![0.0; n];
    let mut y = yb;
    let scale = 1.0 / ti;
    let mut its = 1;
    while its < maxit {
        let t = ti / ((its as f64) + E1).ln();
        let mut k = 1;
        while k <= tmax && its < maxit {
            gen(&p, scale * t, &mut ptry)?;
            let mut ytry = obj.value(&ptry)?;
            if !ytry.is_finite() {
                ytry = BIG;
            }
            let dy = ytry - y;
            if dy <= 0.0 || unif() < (-dy / t).exp() {
                p.copy_from_slice(&ptry);
                y = ytry;
                if y <= yb {
                    pb.copy_from_slice(&p);
                    yb = y;
                }
            }
            its += 1;
            k += 1;
        }
    }
    Ok(out(pb, yb))
}
