//! Tukey's running-median smoothers: "3" (running median of three), "3R" (repeated to
//! convergence), "S" (splitting two-flats), and the compounds 3RS3R, 3RSS and 3RSR, with
//! the copy and Tukey end rules.

/// How the two end values are set after a running median.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum EndRule {
    /// Leave them alone.
    Keep,
    /// Copy them from the input.
    Copy,
    /// Tukey's extrapolation rule.
    Tukey,
}

fn med3(u: f64, v: f64, w: f64) -> f64 {
    pick(u, v, w, which_med3(u, v, w))
}

/// Which of (u, v, w) is the median: -1 for u, 0 for v, 1 for w (v preferred on ties).
fn which_med3(u: f64, v: f64, w: f64) -> i32 {
    if (u <= v && v <= w) || (u >= v && v >= w) {
        0
    } else if (u <= w && w <= v) || (u >= w && w >= v) {
        1
    } else {
        -1
    }
}

fn pick(u: f64, v: f64, w: f64, j: i32) -> f64 {
    match j {
        -1 => u,
        0 => v,
        _ => w,
    }
}

fn apply_ends(x: &[f64], y: &mut [f64], rule: EndRule, changed: &mut bool) {
    let n = x.len();
    match rule {
        EndRule::Keep => {}
        EndRule::Copy => {
            y[0] = x[0];
            y[n - 1] = x[n - 1];
        }
        EndRule::Tukey => {
            y[0] = med3(3.0 * y[1] - 2.0 * y[2], x[0], y[1]);
            *changed |= y[0] != x[0];
            y[n - 1] = med3(y[n - 2], x[n - 1], 3.0 * y[n - 2] - 2.0 * y[n - 3]);
            *changed |= y[n - 1] != x[n - 1];
        }
    }
}

/// y := running median of three of x; returns whether anything changed.
pub fn run3(x: &[f64], y: &mut [f64], rule: EndRule) -> bool {
    let n = x.len();
    if n <= 2 {
        y.copy_from_slice(x);
        return false;
    }
    let mut changed = false;
    for i in 1..n - 1 {
        let j = which_med3(x[i - 1], x[i], x[i + 1]);
        y[i] = x[(i as i64 + j as i64) as usize];
        changed |= j != 0;
    }
    apply_ends(x, y, rule, &mut changed);
    changed
}

/// y := "3R"(x): running medians of three until nothing changes; returns the iteration count.
pub fn run3r(x: &[f64], y: &mut [f64], rule: EndRule) -> i32 {
    let n = x.len();
    let mut z = vec![0.0; n];
    let first = run3(x, y, EndRule::Copy);
    let mut iter = first as i32;
    let mut changed = first;
    while changed {
        changed = run3(y, &mut z, EndRule::Keep);
        if changed {
            iter += 1;
            y[1..n - 1].copy_from_slice(&z[1..n - 1]);
        }
    }
    let mut end_changed = false;
    if n > 2 {
        apply_ends(x, y, rule, &mut end_changed);
    }
    if iter != 0 {
        iter
    } else {
        end_changed as i32
    }
}

/// A two-flat that is a local peak or valley at x[i] == x[i + 1].
fn split_here(x: &[f64], i: usize) -> bool {
    if x[i] != x[i + 1] {
        return false;
    }
    !((x[i - 1] <= x[i] && x[i + 1] <= x[i + 2]) || (x[i - 1] >= x[i] && x[i + 1] >= x[i + 2]))
}

/// y := "S"(x): splits the two-flats of x; returns whether anything changed.
pub fn split(x: &[f64], y: &mut [f64], do_ends: bool) -> bool {
    let n = x.len();
    y.copy_from_slice(x);
    if n <= 4 {
        return false;
    }
    let mut changed = false;
    if do_ends && split_here(x, 1) {
        changed = true;
        y[1] = x[0];
        y[2] = med3(x[2], x[3], 3.0 * x[3] - 2.0 * x[4]);
    }
    for i in 2..n.saturating_sub(3) {
        if split_here(x, i) {
            let j = which_med3(x[i], x[i - 1], 3.0 * x[i - 1] - 2.0 * x[i - 2]);
            if j > -1 {
                y[i] = if j == 0 { x[i - 1] } else { 3.0 * x[i - 1] - 2.0 * x[i - 2] };
                changed = y[i] != x[i];
            }
            let j = which_med3(x[i + 1], x[i + 2], 3.0 * x[i + 2] - 2.0 * x[i + 3]);
            if j > -1 {
                y[i + 1] = if j == 0 { x[i + 2] } else { 3.0 * x[i + 2] - 2.0 * x[i + 3] };
                changed = y[i + 1] != x[i + 1];
            }
        }
    }
    if do_ends && split_here(x, n - 3) {
        changed = true;
        y[n - 2] = x[n - 1];
        y[n - 3] = med3(x[n - 3], x[n - 4], 3.0 * x[n - 4] - 2.0 * x[n - 5]);
    }
    changed
}

/// The compound smoothers by name ("3RS3R", "3RSS", "3RSR", "3R", "3"); returns the smooth and
/// the iteration count (for "3" whether it changed anything).
pub fn smooth(x: &[f64], kind: &str, rule: EndRule, split_ends: bool) -> (Vec<f64>, i32) {
    let n = x.len();
    let mut y = vec![0.0; n];
    let mut z = vec![0.0; n];
    let iter = match kind {
        "3RS3R" => {
            let it = run3r(x, &mut y, rule);
            let ch = split(&y, &mut z, split_ends);
            let mut extra = 0;
            if ch {
                extra = run3r(&z, &mut y, rule);
            }
            it + extra + ch as i32
        }
        "3RSS" => {
            let it = run3r(x, &mut y, rule);
            let ch = split(&y, &mut z, split_ends);
            if ch {
                split(&z, &mut y, split_ends);
            }
            it + ch as i32
        }
        "3RSR" => {
            let mut it = run3r(x, &mut y, rule);
            loop {
                it += 1;
                let ch = split(&y, &mut z, split_ends);
                let ch2 = run3r(&z, &mut y, rule) != 0;
                if !(ch || ch2) || it > 2 * n as i32 {
                    break;
                }
                for i in 0..n {
                    z[i] = x[i] - y[i];
                }
            }
            it
        }
        "3R" => run3r(x, &mut y, rule),
        _ => run3(x, &mut y, rule) as i32,
    };
    (y, iter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tukey_smoothers_match_r() {
        let x = [4.0, 1.0, 3.0, 6.0, 6.0, 4.0, 1.0, 6.0, 2.0, 4.0, 2.0];
        // R 4.2: smooth(x, "3R")
        let (y, it) = smooth(&x, "3R", EndRule::Tukey, false);
        assert_eq!(y, vec![3.0, 3.0, 3.0, 6.0, 6.0, 4.0, 4.0, 4.0, 2.0, 2.0, 2.0]);
        assert_eq!(it, 2);
        let mut s = vec![0.0; x.len()];
        split(&y, &mut s, false);
        assert_eq!(s, vec![3.0, 3.0, 3.0, 3.0, 4.0, 4.0, 4.0, 4.0, 2.0, 2.0, 2.0]);
    }
}
