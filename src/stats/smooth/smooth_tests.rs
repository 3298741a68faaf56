//! Unit tests of the loess and smoothing-spline kernels against values computed by R 4.2
//! on its `cars` data set.

use super::loess::{self, Local, Warn};
use super::smspline::{self, Problem};

const SPEED: [f64; 50] = [
    4., 4., 7., 7., 8., 9., 10., 10., 10., 11., 11., 12., 12., 12., 12., 13., 13., 13., 13., 14., 14., 14., 14., 15., 15., 15.,
    16., 16., 17., 17., 17., 18., 18., 18., 18., 19., 19., 19., 20., 20., 20., 20., 20., 22., 23., 24., 24., 24., 24., 25.,
];
const DIST: [f64; 50] = [
    2., 10., 4., 22., 16., 10., 18., 26., 34., 17., 28., 14., 20., 24., 28., 26., 34., 34., 46., 26., 36., 60., 80., 20., 26.,
    54., 32., 40., 32., 40., 50., 42., 56., 76., 84., 36., 46., 68., 32., 48., 52., 56., 64., 66., 54., 70., 92., 93., 120.,
    85.,
];

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * b.abs().max(1e-300)
}

fn cars_local(rw: &[f64], span: f64, degree: usize) -> Local<'_> {
    Local { x: &SPEED, y: &DIST, rw, n: 50, d: 1, span, degree, dd: 1, cdeg: vec![2] }
}

#[test]
fn loess_interpolated_fit_and_statistics_match_r() {
    // loess(dist ~ speed, cars): fitted values, trace of L and the approximate deltas
    let rw = [1.0; 50];
    let loc = cars_local(&rw, 0.75, 2);
    let mut warn = Warn::default();
    let mut diag = Vec::new();
    let fit = loess::kd_fit(&loc, 0.75 * 0.2, Some(&mut diag), false, &mut warn);
    let fitted: Vec<f64> = SPEED.iter().map(|&x| fit.eval(&[x])).collect();
    let want = [5.89362799029166, 5.89362799029166, 12.49978573407611, 12.49978573407611, 15.28108222398644, 18.44656836411903];
    for (a, b) in fitted.iter().zip(want) {
        assert!(close(*a, b, 1e-10), "{} vs {}", a, b);
    }
    let trl: f64 = diag.iter().rev().sum();
    assert!(close(trl, 5.23878061287733, 1e-10));
    let (d1, d2) = loess::lowesa(trl, 50, 1, 3, warn.nsing, &mut warn);
    assert!(close(d1, 44.30154308257048, 1e-10));
    assert!(close(d2, 43.98742781928974, 1e-10));
    assert!(warn.msgs.is_empty());
}

#[test]
fn loess_direct_fit_matches_r() {
    // loess(dist ~ speed, cars, control = loess.control(surface = "direct"))
    let rw = [1.0; 50];
    let loc = cars_local(&rw, 0.75, 2);
    let mut warn = Warn::default();
    let mut diag = Vec::new();
    let f = loess::direct_fit(&loc, &SPEED, 50, Some(&mut diag), None, &mut warn);
    let want = [5.88705675199254, 5.88705675199254, 12.44242380303075, 12.44242380303075, 15.28108222398643, 18.42571151081150];
    for (a, b) in f.iter().zip(want) {
        assert!(close(*a, b, 1e-10), "{} vs {}", a, b);
    }
    let trl: f64 = diag.iter().sum();
    assert!(close(trl, 5.30078243309913, 1e-10));
    let (d1, d2) = loess::lowesa(trl, 50, 1, 3, 0, &mut warn);
    assert!(close(d1, 44.23236614809117, 1e-10));
    assert!(close(d2, 43.91615757863462, 1e-10));
}

#[test]
fn loess_robustness_pieces() {
    let r = loess::robustness_weights(&[1.0, -2.0, 0.5, 10.0, -0.2]);
    // 6 * median(|r|) = 6: bisquare weights
    let w = |u: f64| (1.0 - (u / 6.0f64).powi(2)).powi(2);
    assert!(close(r[0], w(1.0), 1e-15) && close(r[1], w(2.0), 1e-15) && r[3] == 0.0);
    assert!(close(loess::approx_trace(3, 1, 0.75), 3.0 * (1.0 + (1.09875 - 0.75) / 0.75), 1e-14));
}

/// The cars data reduced to unique speeds (weights = multiplicities), x scaled to [0, 1].
fn cars_unique() -> (Vec<f64>, Vec<f64>, Vec<f64>, f64) {
    let mut ux: Vec<f64> = SPEED.to_vec();
    ux.dedup();
    let (mut w, mut ybar, mut ssw) = (Vec::new(), Vec::new(), 0.0);
    for &u in &ux {
        let ys: Vec<f64> = SPEED.iter().zip(DIST).filter(|(s, _)| **s == u).map(|(_, d)| d).collect();
        let m = ys.iter().sum::<f64>() / ys.len() as f64;
        ssw += ys.iter().map(|y| y * y).sum::<f64>() - ys.len() as f64 * m * m;
        w.push(ys.len() as f64);
        ybar.push(m);
    }
    let (lo, hi) = (ux[0], ux[ux.len() - 1]);
    let xbar = ux.iter().map(|u| (u - lo) / (hi - lo)).collect();
    (xbar, ybar, w, ssw)
}

#[test]
fn smoothing_spline_gcv_matches_r() {
    // smooth.spline(cars$speed, cars$dist): all 19 unique speeds are knots
    let (x, y, w, ssw) = cars_unique();
    let mut knot = vec![x[0]; 3];
    knot.extend_from_slice(&x);
    knot.extend_from_slice(&[x[18]; 3]);
    let p = Problem::new(&x, &y, &w, ssw, &knot, 21, 1.0, 0.0, 1);
    let s = smspline::search_spar(&p, -1.5, 1.5, 1e-4, 2e-8, 500);
    assert!(close(s.spar, 0.780130501420926, 1e-9));
    assert!(close(s.sol.lambda, 0.111220595290836, 1e-9));
    assert!(close(s.crit, 244.104415557180033, 1e-10));
    let df: f64 = s.sol.lev.iter().sum();
    assert!(close(df, 2.635277913633579, 1e-9));
    assert!(close(s.sol.sz[0], 1.65780860818597, 1e-9));
    assert!(close(s.sol.sz[18], 84.10368751535609, 1e-9));
    assert_eq!(s.iter, 11);
    // df matching (df = 10) and derivatives of the fit
    let p = Problem::new(&x, &y, &w, ssw, &knot, 21, 1.0, 10.0, 3);
    let s = smspline::search_spar(&p, -1.5, 1.5, 1e-4, 2e-8, 500);
    assert!(close(s.sol.lev.iter().sum::<f64>(), 9.99839002962329, 1e-9));
    let at = |v: f64| (v - 4.0) / 21.0;
    let d1 = smspline::bvalue(&knot, &s.sol.coef, at(10.0), 1) / 21.0;
    assert!(close(d1, 2.277953975966611, 1e-8));
    let d2 = smspline::bvalue(&knot, &s.sol.coef, at(15.5), 2) / 441.0;
    assert!(close(d2, 7.60098741473465, 1e-8));
}
