//! Fisher's exact test: the 2 x 2 case as R's `fisher.test` computes it (conditional
//! maximum likelihood odds ratio and confidence limits from the noncentral hypergeometric
//! distribution, found with R's `uniroot`, i.e. Brent's `zeroin`), and an exact p-value for
//! r x c tables by a network-style enumeration over columns with bounds (the same criterion
//! as FEXACT: tables no more probable than the observed one, relative tolerance 3.45e-7).

use super::dist::discrete::{dhyper, phyper};
use super::dist::gamma::lgammafn;
use std::collections::HashMap;

/// Brent's root finder as R's `R_zeroin2`, given `f(ax) = fa` and `f(bx) = fb`.
/// Returns the root estimate (R's `uniroot(...)$root`).
pub fn zeroin2(
    ax: f64,
    bx: f64,
    fa: f64,
    fb: f64,
    f: &mut dyn FnMut(f64) -> f64,
    tol: f64,
    maxit: usize,
) -> f64 {
    let (mut a, mut b, mut fa, mut fb) = (ax, bx, fa, fb);
    let (mut c, mut fc) = (a, fa);
    if fa == 0.0 {
        return a;
    }
    if fb == 0.0 {
        return b;
    }
    for _ in 0..=maxit {
        let prev_step = b - a;
        if fc.abs() < fb.abs() {
            a = b;
            b = c;
            c = a;
            fa = fb;
            fb = fc;
            fc = fa;
        }
        let tol_act = 2.0 * f64::EPSILON * b.abs() + tol / 2.0;
        let mut new_step = (c - b) / 2.0;
        if new_step.abs() <= tol_act || fb == 0.0 {
            return b;
        }
        if prev_step.abs() >= tol_act && fa.abs() > fb.abs() {
            let cb = c - b;
            let (mut p, mut q);
            if a == c {
                let t1 = fb / fa;
                p = cb * t1;
                q = 1.0 - t1;
            } else {
                let qq = fa / fc;
                let t1 = fb / fc;
                let t2 = fb / fa;
                p = t2 * (cb * qq * (qq - t1) - (b - a) * (t1 - 1.0));
                q = (qq - 1.0) * (t1 - 1.0) * (t2 - 1.0);
            }
            if p > 0.0 {
                q = -q;
            } else {
                p = -p;
            }
            if p < 0.75 * cb * q - (tol_act * q).abs() / 2.0 && p < (prev_step * q / 2.0).abs() {
                new_step = p / q;
            }
        }
        if new_step.abs() < tol_act {
            new_step = if new_step > 0.0 { tol_act } else { -tol_act };
        }
        a = b;
        fa = fb;
        b += new_step;
        fb = f(b);
        if (fb > 0.0 && fc > 0.0) || (fb < 0.0 && fc < 0.0) {
            c = a;
            fc = fa;
        }
    }
    b
}

/// R's `uniroot(f, c(lo, hi))$root` with its defaults (tol = eps^0.25, maxiter = 1000);
/// infinite function values are replaced by +-DBL_MAX as R does. `None` when the signs
/// at the ends agree or a value is NaN.
pub fn uniroot(f: &mut dyn FnMut(f64) -> f64, lo: f64, hi: f64) -> Option<f64> {
    let mut g = |x: f64| {
        let v = f(x);
        if v == f64::INFINITY {
            f64::MAX
        } else if v == f64::NEG_INFINITY {
            -f64::MAX
        } else {
            v
        }
    };
    let (fl, fu) = (g(lo), g(hi));
    if fl.is_nan() || fu.is_nan() || fl * fu > 0.0 {
        return None;
    }
    Some(zeroin2(
        lo,
        hi,
        fl,
        fu,
        &mut g,
        f64::EPSILON.powf(0.25),
        1000,
    ))
}

/// Results of the 2 x 2 test.
#[derive(Debug, Clone)]
pub struct Fisher2x2 {
    pub p_value: f64,
    /// Conditional MLE of the odds ratio.
    pub estimate: f64,
    /// Confidence limits (when requested).
    pub conf_int: Option<(f64, f64)>,
}

/// The noncentral hypergeometric distribution of the (1,1) cell given the margins.
struct NcHyper {
    m: f64,
    n: f64,
    k: f64,
    x: f64,
    lo: f64,
    hi: f64,
    support: Vec<f64>,
    logdc: Vec<f64>,
}

impl NcHyper {
    fn d(&self, ncp: f64) -> Vec<f64> {
        let l = ncp.ln();
        let d: Vec<f64> = self
            .logdc
            .iter()
            .zip(&self.support)
            .map(|(a, s)| a + l * s)
            .collect();
        let mx = d.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        let e: Vec<f64> = d.iter().map(|v| (v - mx).exp()).collect();
        let s: f64 = e.iter().sum();
        e.iter().map(|v| v / s).collect()
    }
    fn mean(&self, ncp: f64) -> f64 {
        if ncp == 0.0 {
            return self.lo;
        }
        if ncp == f64::INFINITY {
            return self.hi;
        }
        self.support
            .iter()
            .zip(self.d(ncp))
            .map(|(s, d)| s * d)
            .sum()
    }
    fn p(&self, q: f64, ncp: f64, upper: bool) -> f64 {
        if ncp == 1.0 {
            return if upper {
                phyper(self.x - 1.0, self.m, self.n, self.k, false, false)
            } else {
                phyper(self.x, self.m, self.n, self.k, true, false)
            };
        }
        if ncp == 0.0 {
            return (if upper { q <= self.lo } else { q >= self.lo }) as i32 as f64;
        }
        if ncp == f64::INFINITY {
            return (if upper { q <= self.hi } else { q >= self.hi }) as i32 as f64;
        }
        self.support
            .iter()
            .zip(self.d(ncp))
            .filter(|(s, _)| if upper { **s >= q } else { **s <= q })
            .map(|(_, d)| d)
            .sum()
    }
}

/// Fisher's test for the 2 x 2 table `[[a, c], [b, d]]` (column-major `x`), odds ratio
/// under the null `or`, alternative "two.sided" / "less" / "greater".
pub fn fisher_2x2(
    x: [f64; 4],
    or: f64,
    alternative: &str,
    conf_int: bool,
    conf_level: f64,
) -> Fisher2x2 {
    let m = x[0] + x[1];
    let n = x[2] + x[3];
    let k = x[0] + x[2];
    let x11 = x[0];
    let lo = (k - n).max(0.0);
    let hi = k.min(m);
    let support: Vec<f64> = (0..=((hi - lo) as usize)).map(|i| lo + i as f64).collect();
    let logdc: Vec<f64> = support.iter().map(|&s| dhyper(s, m, n, k, true)).collect();
    let h = NcHyper {
        m,
        n,
        k,
        x: x11,
        lo,
        hi,
        support,
        logdc,
    };
    let p_value = match alternative {
        "less" => h.p(x11, or, false),
        "greater" => h.p(x11, or, true),
        _ => {
            if or == 0.0 {
                (x11 == lo) as i32 as f64
            } else if or == f64::INFINITY {
                (x11 == hi) as i32 as f64
            } else {
                let d = h.d(or);
                let cut = d[(x11 - lo) as usize] * (1.0 + 1e-7);
                d.iter().filter(|v| **v <= cut).sum()
            }
        }
    };
    let mle = || -> f64 {
        if x11 == lo {
            return 0.0;
        }
        if x11 == hi {
            return f64::INFINITY;
        }
        let mu = h.mean(1.0);
        if mu > x11 {
            uniroot(&mut |t| h.mean(t) - x11, 0.0, 1.0).unwrap_or(f64::NAN)
        } else if mu < x11 {
            1.0 / uniroot(&mut |t| h.mean(1.0 / t) - x11, f64::EPSILON, 1.0).unwrap_or(f64::NAN)
        } else {
            1.0
        }
    };
    let estimate = mle();
    let ncp_u = |alpha: f64| -> f64 {
        if x11 == hi {
            return f64::INFINITY;
        }
        let p = h.p(x11, 1.0, false);
        if p < alpha {
            uniroot(&mut |t| h.p(x11, t, false) - alpha, 0.0, 1.0).unwrap_or(f64::NAN)
        } else if p > alpha {
            1.0 / uniroot(&mut |t| h.p(x11, 1.0 / t, false) - alpha, f64::EPSILON, 1.0)
                .unwrap_or(f64::NAN)
        } else {
            1.0
        }
    };
    let ncp_l = |alpha: f64| -> f64 {
        if x11 == lo {
            return 0.0;
        }
        let p = h.p(x11, 1.0, true);
        if p > alpha {
            uniroot(&mut |t| h.p(x11, t, true) - alpha, 0.0, 1.0).unwrap_or(f64::NAN)
        } else if p < alpha {
            1.0 / uniroot(&mut |t| h.p(x11, 1.0 / t, true) - alpha, f64::EPSILON, 1.0)
                .unwrap_or(f64::NAN)
        } else {
            1.0
        }
    };
    let ci = if conf_int {
        Some(match alternative {
            "less" => (0.0, ncp_u(1.0 - conf_level)),
            "greater" => (ncp_l(1.0 - conf_level), f64::INFINITY),
            _ => {
                let alpha = (1.0 - conf_level) / 2.0;
                (ncp_l(alpha), ncp_u(alpha))
            }
        })
    } else {
        None
    };
    Fisher2x2 {
        p_value,
        estimate,
        conf_int: ci,
    }
}

fn lfact(k: usize) -> f64 {
    lgammafn(k as f64 + 1.0)
}

/// Minimum of `sum log(x_i!)` over `x` with `sum x = c`, `0 <= x_i <= r_i` (spread evenly).
fn min_lfact_col(r: &[usize], c: usize) -> f64 {
    let mut caps: Vec<usize> = r.to_vec();
    caps.sort_unstable();
    let mut left = c;
    let mut total = 0.0;
    let mut k = caps.len();
    for cap in caps {
        // share the remainder evenly among the rows not yet filled
        let share = left / k;
        let take = cap.min(share + usize::from(!left.is_multiple_of(k) && cap > share));
        total += lfact(take);
        left -= take;
        k -= 1;
    }
    total
}

/// Maximum of `sum log(x_i!)` over the same set (fill the largest rows first).
fn max_lfact_col(r: &[usize], c: usize) -> f64 {
    let mut caps: Vec<usize> = r.to_vec();
    caps.sort_unstable_by(|a, b| b.cmp(a));
    let mut left = c;
    let mut total = 0.0;
    for cap in caps {
        let take = cap.min(left);
        total += lfact(take);
        left -= take;
    }
    total
}

/// Exact p-value of Fisher's test for an `nr x nc` table of counts (column-major): the
/// probability, given the margins, of the tables no more probable than the observed one.
/// Errors when the enumeration would exceed `budget` steps, or when `check` (called every
/// few thousand steps: the caller's interrupt and time limits) says to stop.
pub fn fisher_rxc(
    table: &[usize],
    nr: usize,
    nc: usize,
    budget: usize,
    check: &mut dyn FnMut() -> Result<(), String>,
) -> Result<f64, String> {
    // Orient so that the columns (processed one at a time) are the longer dimension.
    let (t, nr, nc) = if nr > nc {
        let mut tt = vec![0; nr * nc];
        for i in 0..nr {
            for j in 0..nc {
                tt[i * nc + j] = table[i + j * nr];
            }
        }
        (tt, nc, nr)
    } else {
        (table.to_vec(), nr, nc)
    };
    // counts past 2^31 (R's integer limit) would overflow the sums below
    if t.iter().any(|&x| x > i32::MAX as usize)
        || t.iter()
            .try_fold(0usize, |a, &x| a.checked_add(x))
            .is_none_or(|n| n > i32::MAX as usize)
    {
        return Err("the table's counts are too large for an exact test".into());
    }
    let rows: Vec<usize> = (0..nr)
        .map(|i| (0..nc).map(|j| t[i + j * nr]).sum())
        .collect();
    let mut cols: Vec<usize> = (0..nc)
        .map(|j| (0..nr).map(|i| t[i + j * nr]).sum())
        .collect();
    let ntot: usize = rows.iter().sum();
    if ntot == 0 {
        return Ok(1.0);
    }
    // log P(table) = konst - sum log x_ij!
    let konst = rows.iter().map(|&r| lfact(r)).sum::<f64>()
        + cols.iter().map(|&c| lfact(c)).sum::<f64>()
        - lfact(ntot);
    let obs_s: f64 = -t.iter().map(|&x| lfact(x)).sum::<f64>();
    let obs = obs_s + 3.45254e-7;
    cols.sort_unstable_by(|a, b| b.cmp(a));
    // Stage j: map from sorted remaining row sums to the merged past paths, each
    // (past S, log of the summed exp(S) of the paths merged), keyed by quantized S.
    type Pasts = HashMap<i64, (f64, f64)>;
    let qkey = |s: f64| (s * 1e9).round() as i64;
    let mut stage: HashMap<Vec<usize>, Pasts> = HashMap::new();
    let mut r0 = rows.clone();
    r0.sort_unstable();
    stage.insert(r0, HashMap::from([(0i64, (0.0, 0.0))]));
    let mut total = 0.0; // probability of the counted tables
    let mut steps = 0usize;
    let mut next_check = 1 << 14;
    for j in 0..nc {
        let rest_cols = &cols[j..];
        let mut next: HashMap<Vec<usize>, Pasts> = HashMap::new();
        for (r, pasts) in stage {
            let nrem: usize = r.iter().sum();
            // Bounds on the remaining S = -sum log x! over completions (relaxations).
            let s_hi = -rest_cols.iter().map(|&c| min_lfact_col(&r, c)).sum::<f64>();
            let s_lo = -rest_cols.iter().map(|&c| max_lfact_col(&r, c)).sum::<f64>();
            // log of the sum over all completions of prod 1/x!.
            let all = lfact(nrem)
                - r.iter().map(|&x| lfact(x)).sum::<f64>()
                - rest_cols.iter().map(|&c| lfact(c)).sum::<f64>();
            let mut expand: Vec<(f64, f64)> = Vec::new();
            for (_, (s, lw)) in pasts {
                if s + s_hi <= obs {
                    total += (lw + all + konst).exp();
                } else if s + s_lo > obs {
                    continue;
                } else {
                    expand.push((s, lw));
                }
            }
            if expand.is_empty() {
                continue;
            }
            // Enumerate the ways to fill column j.
            let mut x = vec![0usize; r.len()];
            let mut fills: Vec<(Vec<usize>, f64)> = Vec::new();
            compositions(&r, cols[j], 0, &mut x, &mut fills, &mut steps, budget)?;
            for (newr, ds) in fills {
                let mut key = newr;
                key.sort_unstable();
                let entry = next.entry(key).or_default();
                for &(s, lw) in &expand {
                    let ns = s + ds;
                    let nlw = lw + ds;
                    let e = entry.entry(qkey(ns)).or_insert((ns, f64::NEG_INFINITY));
                    let (a, b) = if e.1 > nlw { (e.1, nlw) } else { (nlw, e.1) };
                    e.1 = a + (b - a).exp().ln_1p();
                }
                steps += expand.len();
                if steps > budget {
                    return Err("the table is too large for exact enumeration".into());
                }
                if steps >= next_check {
                    check()?;
                    next_check = steps + (1 << 14);
                }
            }
        }
        stage = next;
    }
    // Completed tables (all columns placed): the remaining S is 0.
    for (_, pasts) in stage {
        for (_, (s, lw)) in pasts {
            if s <= obs {
                total += (lw + konst).exp();
            }
        }
    }
    Ok(total)
}

/// All ways to put `c` into cells bounded by `r[i..]`: (remaining row sums, -sum log x!).
fn compositions(
    r: &[usize],
    c: usize,
    i: usize,
    x: &mut Vec<usize>,
    out: &mut Vec<(Vec<usize>, f64)>,
    steps: &mut usize,
    budget: usize,
) -> Result<(), String> {
    if i == r.len() - 1 {
        if c <= r[i] {
            x[i] = c;
            let newr: Vec<usize> = r.iter().zip(x.iter()).map(|(a, b)| a - b).collect();
            let ds = -x.iter().map(|&v| lfact(v)).sum::<f64>();
            out.push((newr, ds));
            *steps += 1;
            if *steps > budget {
                return Err("the table is too large for exact enumeration".into());
            }
        }
        return Ok(());
    }
    let cap_rest: usize = r[i + 1..].iter().sum();
    let lo = c.saturating_sub(cap_rest);
    for v in lo..=r[i].min(c) {
        x[i] = v;
        compositions(r, c - v, i + 1, x, out, steps, budget)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) {
        assert!((a - b).abs() <= tol * b.abs().max(1e-300), "{} vs {}", a, b);
    }

    #[test]
    fn two_by_two_matches_r() {
        // fisher.test(matrix(c(3, 1, 1, 3), 2)) (the tea tasting table)
        let r = fisher_2x2([3.0, 1.0, 1.0, 3.0], 1.0, "two.sided", true, 0.95);
        close(r.p_value, R_TEA_P, 1e-12);
        close(r.estimate, R_TEA_EST, 1e-9);
        let (lo, hi) = r.conf_int.unwrap();
        close(lo, R_TEA_LO, 1e-9);
        close(hi, R_TEA_HI, 1e-9);
    }

    #[test]
    fn rxc_matches_r() {
        // fisher.test(matrix(c(2, 3, 4, 5, 1, 0, 3, 2, 6), 3))
        let p = fisher_rxc(&[2, 3, 4, 5, 1, 0, 3, 2, 6], 3, 3, 10_000_000, &mut || {
            Ok(())
        })
        .unwrap();
        close(p, R_RXC_P, 1e-9);
        // 2 x 4
        let p = fisher_rxc(&[1, 4, 3, 2, 5, 0, 2, 6], 2, 4, 10_000_000, &mut || Ok(())).unwrap();
        close(p, R_2X4_P, 1e-9);
    }

    const R_TEA_P: f64 = 0.48571428571428582;
    const R_TEA_EST: f64 = 6.4083088670057879;
    const R_TEA_LO: f64 = 0.21173291530550292;
    const R_TEA_HI: f64 = 621.9337505454173;
    const R_RXC_P: f64 = 0.10863870279673109;
    const R_2X4_P: f64 = 0.029382920216140918;

    #[test]
    fn rxc_stops_when_told() {
        // the fuzzer's slow table: the enumeration must ask whether to go on, and stop
        let t = [1, 2, 1, 0, 314, 9, 6, 7, 12, 11, 1, 2, 1, 0, 314, 9];
        let mut calls = 0;
        let r = fisher_rxc(&t, 4, 4, usize::MAX, &mut || {
            calls += 1;
            Err("stop".into())
        });
        assert_eq!((r, calls), (Err("stop".to_string()), 1));
    }
}
