//! R's `pretty` (round tick values) and the axis scales of `plot.window`: the 4% extension
//! of `xaxs = "r"` and the tick positions `axTicks` reports.

const ROUNDING_EPS: f64 = 1e-10;

/// The parameters of one `pretty` run (R's `R_pretty` arguments).
#[derive(Clone, Copy, Debug)]
pub struct PrettyOpts {
    pub n: usize,
    pub min_n: usize,
    pub shrink: f64,
    pub high_u: f64,
    pub u5: f64,
    pub eps_correct: u8,
}

impl PrettyOpts {
    /// `pretty(x, n)`'s defaults.
    pub fn base(n: usize) -> PrettyOpts {
        PrettyOpts { n, min_n: n / 3, shrink: 0.75, high_u: 1.5, u5: 0.5 + 1.5 * 1.5, eps_correct: 0 }
    }
}

/// The cell `unit` and the integer bounds `ns`, `nu` such that `ns*unit <= lo` and
/// `nu*unit >= up` (R's `R_pretty` without returning bounds).
pub fn pretty_unit(lo: f64, up: f64, o: PrettyOpts) -> (f64, f64, f64) {
    let (h, h5) = (o.high_u, o.u5);
    let dx = up - lo;
    let (mut cell, i_small);
    if dx == 0.0 && up == 0.0 {
        cell = 1.0;
        i_small = true;
    } else {
        cell = lo.abs().max(up.abs());
        let mut u = 1.0 + if h5 >= 1.5 * h + 0.5 { 1.0 / (1.0 + h) } else { 1.5 / (1.0 + h5) };
        u *= (o.n.max(1) as f64) * f64::EPSILON;
        i_small = dx < cell * u * 3.0;
    }
    if i_small {
        if cell > 10.0 {
            cell = 9.0 + cell / 10.0;
        }
        cell *= o.shrink;
        if o.min_n > 1 {
            cell /= o.min_n as f64;
        }
    } else {
        cell = dx;
        if o.n > 1 {
            cell /= o.n as f64;
        }
    }
    cell = cell.max(20.0 * f64::MIN_POSITIVE);
    let base = 10f64.powf(cell.log10().floor());
    let mut unit = base;
    if 2.0 * base - cell < h * (cell - unit) {
        unit = 2.0 * base;
        if 5.0 * base - cell < h5 * (cell - unit) {
            unit = 5.0 * base;
            if 10.0 * base - cell < h * (cell - unit) {
                unit = 10.0 * base;
            }
        }
    }
    let mut ns = (lo / unit + ROUNDING_EPS).floor();
    let mut nu = (up / unit - ROUNDING_EPS).ceil();
    let (mut lo, mut up) = (lo, up);
    if o.eps_correct > 0 && (o.eps_correct > 1 || !i_small) {
        lo = if lo != 0.0 { lo * (1.0 - f64::EPSILON) } else { -f64::MIN_POSITIVE };
        up = if up != 0.0 { up * (1.0 + f64::EPSILON) } else { f64::MIN_POSITIVE };
    }
    while ns * unit > lo + ROUNDING_EPS * unit {
        ns -= 1.0;
    }
    while nu * unit < up - ROUNDING_EPS * unit {
        nu += 1.0;
    }
    let k = (0.5 + nu - ns).floor() as i64;
    if (k as f64) < o.min_n as f64 {
        let k = o.min_n as i64 - k;
        if ns >= 0.0 {
            nu += (k / 2) as f64;
            ns -= (k / 2 + k % 2) as f64;
        } else {
            ns -= (k / 2) as f64;
            nu += (k / 2 + k % 2) as f64;
        }
    }
    (unit, ns, nu)
}

/// `pretty(c(lo, up), n, min.n)`: the round values covering the range.
pub fn pretty(lo: f64, up: f64, o: PrettyOpts) -> Vec<f64> {
    if !lo.is_finite() || !up.is_finite() {
        return Vec::new();
    }
    let (unit, ns, nu) = pretty_unit(lo, up, o);
    let n = (nu - ns).round() as i64;
    (0..=n).map(|i| clean((ns + i as f64) * unit, unit)).collect()
}

/// Zero for values within rounding of zero (as `seq` in `pretty` gives them).
fn clean(x: f64, unit: f64) -> f64 {
    if x.abs() < 1e-10 * unit {
        0.0
    } else {
        x
    }
}

/// The ticks of a linear axis over `[lo, up]` with about `n` intervals (R's `GEPretty` then
/// `axTicks`): the pretty values that lie within the range.
pub fn axis_ticks(lo: f64, up: f64, n: usize) -> Vec<f64> {
    let (a, b) = if lo <= up { (lo, up) } else { (up, lo) };
    if !(a.is_finite() && b.is_finite()) {
        return Vec::new();
    }
    let o = PrettyOpts { n, min_n: 1, shrink: 0.25, high_u: 0.8, u5: 1.7, eps_correct: 2 };
    let (unit, mut ns, mut nu) = pretty_unit(a, b, o);
    if nu >= ns + 1.0 {
        if ns * unit < a - ROUNDING_EPS * unit {
            ns += 1.0;
        }
        if nu > ns + 1.0 && nu * unit > b + ROUNDING_EPS * unit {
            nu -= 1.0;
        }
    }
    let k = (nu - ns).round() as i64;
    let mut v: Vec<f64> = (0..=k).map(|i| clean((ns + i as f64) * unit, unit)).collect();
    if lo > up {
        v.reverse();
    }
    v
}

/// The user range of an axis for data range `[min, max]`: widened when empty, then by 4%
/// on each side for style `"r"` (style `"i"` keeps it).
pub fn axis_range(min: f64, max: f64, style: char) -> (f64, f64) {
    let (mut a, mut b) = (min, max);
    if a == b {
        if a == 0.0 {
            a = -1.0;
            b = 1.0;
        } else {
            let t = 0.4 * a.abs();
            a -= t;
            b += t;
        }
    }
    if style == 'r' {
        let t = 0.04 * (b - a);
        a -= t;
        b += t;
    }
    (a, b)
}

/// R's `GAxisPars`: the `xaxp`/`yaxp` triple for a user range `[lo, hi]` (log10 units on a
/// log axis). Linear: first and last pretty tick and the number of intervals. Log: powers of
/// ten and a code 1 (powers only), 2 (1, 5) or 3 (1, 2, 5), or, under two decades with no
/// power inside, linear pretty ticks with a negative interval count.
pub fn axis_pars(lo: f64, hi: f64, nint: usize, log: bool) -> [f64; 3] {
    let swap = lo > hi;
    let (mut a, mut b) = if swap { (hi, lo) } else { (lo, hi) };
    let lin = |a: f64, b: f64, sign: f64| {
        let t = axis_ticks(a, b, nint);
        match (t.first(), t.last()) {
            (Some(x), Some(y)) => [*x, *y, sign * (t.len() - 1) as f64],
            _ => [a, b, sign],
        }
    };
    let mut r = if log {
        b = b.min(308.0);
        a = a.max(-307.0);
        let (dl, dh) = (10f64.powf(a), 10f64.powf(b));
        let (mut p1, mut p2) = (dl.log10().ceil(), dh.log10().floor());
        if p2 <= p1 && dh / dl > 10.0 {
            p1 = (dl.log10() - 0.5).ceil();
            p2 = (dh.log10() + 0.5).floor();
        }
        if p2 <= p1 {
            lin(dl, dh, -1.0)
        } else {
            let code = if p2 - p1 <= 2.0 { 3.0 } else if p2 - p1 <= 3.0 { 2.0 } else { 1.0 };
            [10f64.powf(p1), 10f64.powf(p2), code]
        }
    } else {
        lin(a, b, 1.0)
    };
    if swap {
        r.swap(0, 1);
    }
    r
}

/// R's `CreateAtVector`: tick positions from an `axp` triple over the user range
/// `[umin, umax]` (data units, so powers of ten on a log axis) with `nint` intervals wanted.
pub fn create_at(axp: [f64; 3], umin: f64, umax: f64, nint: usize, log: bool) -> Vec<f64> {
    if !log || axp[2] < 0.0 {
        let n = (axp[2].abs() + 0.25) as usize;
        let dn = n.max(1) as f64;
        let rng = axp[1] - axp[0];
        let small = rng.abs() / (100.0 * dn);
        return (0..=n)
            .map(|i| {
                let v = axp[0] + (i as f64 / dn) * rng;
                if v.abs() < small { 0.0 } else { v }
            })
            .collect();
    }
    let (mut a0, mut a1) = (axp[0], axp[1]);
    let (mut lo, mut hi) = (umin, umax);
    let reversed = lo > hi && a0 > a1;
    if lo > hi {
        std::mem::swap(&mut lo, &mut hi);
        if reversed {
            std::mem::swap(&mut a0, &mut a1);
        }
    }
    lo *= 1.0 - 1e-12;
    hi *= 1.0 + 1e-12;
    if !(a0 > 0.0) || !a0.is_finite() || !hi.is_finite() {
        return Vec::new();
    }
    let mut out = Vec::new();
    match (axp[2] + 0.5) as i64 {
        1 => {
            // steps of 10^ne decades, ne about (decades / nint) but leaving nint steps in range;
            // a start moved up when the range would leave many decades unused
            let nint = nint.max(1) as i64;
            let i = (a1.log10().floor() - a0.log10().ceil()) as i64;
            let span = hi.log10() - a0.log10();
            let mut ne = i / nint;
            if ne < 1 {
                ne = 1;
            } else {
                while ne > 1 && (nint * ne) as f64 > span {
                    ne -= 1;
                }
            }
            let k = 1 + ne / 308;
            let ne = if k > 1 { k * (ne / k) } else { ne };
            let d1 = span - (nint * ne) as f64;
            let start = if d1 > 5.0 { a0 * 10f64.powf((d1 / 2.0).floor()) } else { a0 };
            let step = 10f64.powf(ne as f64 / k as f64);
            let mut d = start;
            while d < hi {
                out.push(d);
                for _ in 0..k {
                    d *= step;
                }
            }
        }
        k @ (2 | 3) => {
            let mults: &[f64] = if k == 2 { &[5.0] } else { &[2.0, 5.0] };
            if k == 3 && 0.2 * a0 >= lo {
                out.push(0.2 * a0);
            }
            if 0.5 * a0 >= lo {
                out.push(0.5 * a0);
            }
            let mut d = a0;
            while d <= hi {
                if d >= lo {
                    out.push(d);
                }
                for m in mults {
                    if m * d <= hi {
                        out.push(m * d);
                    }
                }
                d *= 10.0;
            }
        }
        _ => {}
    }
    if reversed {
        out.reverse();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_as_r() {
        assert_eq!(pretty(0.0, 10.0, PrettyOpts::base(5)), vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        assert_eq!(pretty(1.0, 9.5, PrettyOpts::base(5)), vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        // hist(c(2.1, 3.4, 5.9, 7.7, 1.2)) uses pretty(range, 4, min.n = 1)
        let o = PrettyOpts { min_n: 1, ..PrettyOpts::base(4) };
        assert_eq!(pretty(1.2, 7.7, o), vec![0.0, 2.0, 4.0, 6.0, 8.0]);
    }

    #[test]
    fn plot_1_to_10() {
        let (a, b) = axis_range(1.0, 10.0, 'r');
        assert!((a - 0.64).abs() < 1e-12 && (b - 10.36).abs() < 1e-12);
        assert_eq!(axis_ticks(a, b, 5), vec![2.0, 4.0, 6.0, 8.0, 10.0]);
    }
}
