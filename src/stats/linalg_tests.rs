//! Tests of the products, LU, Cholesky and triangular solves against values from R 4.2.
use super::*;

/// `close(a, b, rel)`: relative agreement (absolute near zero).
pub(crate) fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * b.abs().max(1e-300) || (a - b).abs() < 1e-300
}

/// The 8 x 8 Hilbert matrix.
pub(crate) fn hilbert(n: usize) -> Mat {
    Mat::from_fn(n, n, |i, j| 1.0 / (i + j + 1) as f64)
}

/// Longley's design: `model.matrix(Employed ~ ., longley)` (16 x 7) and the response.
pub(crate) fn longley() -> (Mat, Vec<f64>) {
    let cols: [[f64; 16]; 6] = [
        [83.0, 88.5, 88.2, 89.5, 96.2, 98.1, 99.0, 100.0, 101.2, 104.6, 108.4, 110.8, 112.6, 114.2, 115.7, 116.9],
        [234.289, 259.426, 258.054, 284.599, 328.975, 346.999, 365.385, 363.112, 397.469, 419.18, 442.769, 444.546, 482.704, 502.601, 518.173, 554.894],
        [235.6, 232.5, 368.2, 335.1, 209.9, 193.2, 187.0, 357.8, 290.4, 282.2, 293.6, 468.1, 381.3, 393.1, 480.6, 400.7],
        [159.0, 145.6, 161.6, 165.0, 309.9, 359.4, 354.7, 335.0, 304.8, 285.7, 279.8, 263.7, 255.2, 251.4, 257.2, 282.7],
        [107.608, 108.632, 109.773, 110.929, 112.075, 113.27, 115.094, 116.219, 117.388, 118.734, 120.445, 121.95, 123.366, 125.368, 127.852, 130.081],
        [1947.0, 1948.0, 1949.0, 1950.0, 1951.0, 1952.0, 1953.0, 1954.0, 1955.0, 1956.0, 1957.0, 1958.0, 1959.0, 1960.0, 1961.0, 1962.0],
    ];
    let mut data = vec![1.0; 16];
    for c in cols {
        data.extend(c);
    }
    let y = vec![
        60.323, 61.122, 60.171, 61.187, 63.221, 63.639, 64.989, 63.761, 66.019, 67.857, 68.169, 66.513, 68.655,
        69.564, 69.331, 70.551,
    ];
    (mat(16, 7, data), y)
}

#[test]
fn small_products_sum_in_order() {
    let a = mat(2, 3, vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
    let b = mat(3, 1, vec![1.0, 2.0, 3.0]);
    assert_eq!(into_vec(matmul(&a, &b)), vec![22.0, 28.0]);
    assert_eq!(into_vec(gemm(&a, Op::T, &a, Op::N)), vec![5.0, 11.0, 17.0, 11.0, 25.0, 39.0, 17.0, 39.0, 61.0]);
    assert_eq!(into_vec(gemm(&a, Op::N, &a, Op::T)), vec![35.0, 44.0, 44.0, 56.0]);
}

#[test]
fn large_products_agree_with_plain_sums() {
    // every layout of the threaded path against the in-order sums
    let f = |n: usize, m: usize, s: f64| Mat::from_fn(n, m, |i, j| ((i * 7 + j * 13) as f64 * s).sin());
    for (n, k, m) in [(120, 90, 110), (40, 30000, 3), (3, 200, 2000), (50, 5000, 50)] {
        for (ta, tb) in [(Op::N, Op::N), (Op::T, Op::N), (Op::N, Op::T), (Op::T, Op::T)] {
            let a = if ta == Op::N { f(n, k, 0.3) } else { f(k, n, 0.3) };
            let b = if tb == Op::N { f(k, m, 0.7) } else { f(m, k, 0.7) };
            let fast = gemm(&a, ta, &b, tb);
            let slow = gemm_exact(&a, ta, &b, tb);
            assert_eq!(fast.shape(), (n, m));
            for (x, y) in fast.iter().zip(slow.iter()) {
                assert!((x - y).abs() < 1e-9 * (k as f64), "{} {} ({} {} {})", x, y, n, k, m);
            }
        }
    }
}

#[test]
fn solves_and_singular_messages() {
    let m = mat(2, 2, vec![2.0, 1.0, 1.0, 3.0]);
    let inv = solve_mat(&m, &Mat::identity(2, 2), f64::EPSILON).unwrap_or_else(|e| panic!("{}", e));
    for (x, w) in inv.iter().zip([0.6, -0.2, -0.2, 0.4]) {
        assert!((x - w).abs() < 1e-15);
    }
    let s = solve_mat(&mat(2, 2, vec![1.0, 2.0, 2.0, 4.0]), &Mat::identity(2, 2), 1e-16);
    assert_eq!(s.err().as_deref(), Some("Lapack routine dgesv: system is exactly singular: U[2,2] = 0"));
    let s = solve_mat(&mat(2, 2, vec![0.0; 4]), &Mat::identity(2, 2), 1e-16);
    assert_eq!(s.err().as_deref(), Some("Lapack routine dgesv: system is exactly singular: U[1,1] = 0"));
    // R: tryCatch(solve(h8, tol = 1e-8), error = conditionMessage)
    let h8 = hilbert(8);
    let s = solve_mat(&h8, &Mat::identity(8, 8), 1e-8);
    assert_eq!(
        s.err().as_deref(),
        Some("system is computationally singular: reciprocal condition number = 2.95222e-11")
    );
    // R: solve(h8, rep(1, 8)); cond(h8) ~ 3e10, so agreement is to about 1e-6
    let want = [
        -7.9999998625171145e+00, 5.0399999019106139e+02, -7.5599998483988993e+03, 4.6199999081246518e+04,
        -1.3859999731520814e+05, 2.1621599595658883e+05, -1.6816799697736907e+05, 5.1479999112485857e+04,
    ];
    let x = solve_mat(&h8, &mat(8, 1, vec![1.0; 8]), f64::EPSILON).unwrap_or_else(|e| panic!("{}", e));
    for (a, b) in x.iter().zip(want) {
        assert!(close(*a, b, 1e-5), "{} {}", a, b);
    }
    // the residual is at rounding level
    let r = &h8 * &x;
    assert!(r.iter().all(|v| (v - 1.0).abs() < 1e-8));
}

#[test]
fn condition_estimates_match_lapack() {
    // R: rcond(h8) = 2.9522220513428797e-11; rcond(A) and rcond(A, "I")
    let f = lu(&hilbert(8));
    assert!(close(f.rcond(norm1(&hilbert(8)), true), 2.9522220513428797e-11, 1e-6));
    let a = mat(3, 3, vec![4.0, 1.0, 2.0, 1.0, 3.0, 0.0, 2.0, 0.0, 5.0]);
    let f = lu(&a);
    assert!(close(f.rcond(norm1(&a), true), 0.23626373626373628, 1e-12));
    assert!(close(f.rcond(norm_inf(&a), false), 0.23626373626373628, 1e-12));
    // R: rcond(crossprod(X)) for Longley's design
    let (x, _) = longley();
    let xtx = gemm(&x, Op::T, &x, Op::N);
    let rc = lu(&xtx).rcond(norm1(&xtx), true);
    assert!(close(rc, 1.1918763400130679e-15, 1e-3), "{}", rc);
}

#[test]
fn determinants() {
    let (m, s) = lu(&mat(2, 2, vec![1.0, 2.0, 3.0, 4.0])).log_det();
    assert_eq!(s, -1);
    assert!((m - 2f64.ln()).abs() < 1e-15);
    // R: det(h8) = 2.7370501354463325e-33
    let (m, s) = lu(&hilbert(8)).log_det();
    assert_eq!(s, 1);
    assert!(close(m.exp(), 2.7370501354463325e-33, 1e-8));
    let (m, s) = lu(&mat(2, 2, vec![1.0, 2.0, 2.0, 4.0])).log_det();
    assert_eq!((m, s), (f64::NEG_INFINITY, 1));
}

#[test]
fn cholesky_plain_pivoted_and_inverse() {
    let r = chol_mat(&mat(2, 2, vec![4.0, 2.0, 2.0, 3.0])).unwrap_or_else(|e| panic!("{}", e));
    assert_eq!(into_vec(r), vec![2.0, 0.0, 1.0, 2f64.sqrt()]);
    let e = chol_mat(&mat(2, 2, vec![1.0, 2.0, 2.0, 1.0]));
    assert_eq!(e.err().as_deref(), Some("the leading minor of order 2 is not positive definite"));
    let e = chol_mat(&mat(3, 3, vec![1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, -1.0]));
    assert_eq!(e.err().as_deref(), Some("the leading minor of order 3 is not positive definite"));
    // R: diag(chol(h8))
    let want = [
        1.0, 2.8867513459481287e-01, 7.4535599249992854e-02, 1.8898223650462211e-02, 4.7619047619119146e-03,
        1.1964735896158973e-03, 3.0016244414826491e-04, 7.5232782909655997e-05,
    ];
    // cond(h8) ~ 1e10: the trailing diagonal agrees with LAPACK's to 1e-6 to 1e-8 (a
    // different summation order), and the factor reproduces h8 to rounding
    let r = chol_mat(&hilbert(8)).unwrap_or_else(|e| panic!("{}", e));
    for (i, w) in want.iter().enumerate() {
        assert!(close(r[(i, i)], *w, [1e-12, 1e-8, 1e-6][i / 3]), "{} {}", r[(i, i)], w);
    }
    let back = r.transpose() * &r - hilbert(8);
    assert!(back.iter().all(|v| v.abs() < 1e-16));
    // R: chol(matrix(c(4,2,0,2,3,1,0,1,5),3), pivot = TRUE)
    let a = mat(3, 3, vec![4.0, 2.0, 0.0, 2.0, 3.0, 1.0, 0.0, 1.0, 5.0]);
    let (r, piv, rank) = chol_pivot(&a, -1.0);
    assert_eq!((piv, rank), (vec![2, 0, 1], 3));
    let want = [5f64.sqrt(), 0.0, 0.0, 0.0, 2.0, 0.0, 0.4472135954999579, 1.0, 1.3416407864998738];
    for (x, w) in r.iter().zip(want) {
        assert!((x - w).abs() < 1e-14, "{} {}", x, w);
    }
    let (r, piv, rank) = chol_pivot(&mat(2, 2, vec![4.0, 2.0, 2.0, 1.0]), -1.0);
    assert_eq!((into_vec(r), piv, rank), (vec![2.0, 0.0, 1.0, 0.0], vec![0, 1], 1));
    // chol2inv(chol(a)) is solve(a)
    let inv = chol2inv(&chol_mat(&a).unwrap_or_else(|e| panic!("{}", e)), 3).unwrap_or_else(|e| panic!("{}", e));
    let id = &a * &inv;
    assert!((id - Mat::identity(3, 3)).iter().all(|v| v.abs() < 1e-15));
    assert!(chol2inv(&mat(2, 2, vec![1.0, 0.0, 1.0, 0.0]), 2).is_err());
}

#[test]
fn triangular_solves() {
    // R: backsolve(r, x), forwardsolve(l, x), backsolve(r, x, transpose = TRUE)
    let r = mat(3, 3, vec![1.0, 0.0, 0.0, 2.0, 3.0, 0.0, 4.0, 5.0, 6.0]);
    let b = mat(3, 1, vec![8.0, 4.0, 2.0]);
    let x = tri_solve(&r, 3, true, false, &b).unwrap_or_else(|e| panic!("{}", e));
    for (a, w) in x.iter().zip([46.0 / 9.0, 7.0 / 9.0, 1.0 / 3.0]) {
        assert!((a - w).abs() < 1e-15);
    }
    let x = tri_solve(&r, 3, true, true, &b).unwrap_or_else(|e| panic!("{}", e));
    for (a, w) in x.iter().zip([8.0, -4.0, -10.0 / 6.0]) {
        assert!((a - w).abs() < 1e-14);
    }
    let e = tri_solve(&mat(2, 2, vec![1.0, 0.0, 2.0, 0.0]), 2, true, false, &mat(2, 1, vec![1.0, 2.0]));
    assert_eq!(e.err().as_deref(), Some("singular matrix in 'backsolve'. First zero in diagonal [2]"));
}
