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

/// The ticks of a log axis whose user range is `[lo, up]` in log10 units: powers of ten,
/// with 2 and 5 (or every integer) between them when the range spans few decades.
pub fn log_ticks(lo: f64, up: f64) -> Vec<f64> {
    let (a, b) = (lo.min(up), lo.max(up));
    let (pa, pb) = (10f64.powf(a), 10f64.powf(b));
    let decades = b - a;
    let mults: &[f64] = if decades > 3.0 {
        &[1.0]
    } else if decades > 1.5 {
        &[1.0, 2.0, 5.0]
    } else if decades >= 0.5 {
        &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0]
    } else {
        return axis_ticks(pa, pb, 5);
    };
    let mut out = Vec::new();
    let mut e = a.floor() as i32;
    while (e as f64) <= b.ceil() {
        for m in mults {
            let v = m * 10f64.powi(e);
            if v >= pa * (1.0 - 1e-10) && v <= pb * (1.0 + 1e-10) {
                out.push(v);
            }
        }
        e += 1;
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
