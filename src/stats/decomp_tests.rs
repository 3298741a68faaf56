//! Tests of the SVD, eigen decompositions and norms against values from R 4.2.
use super::*;
use crate::stats::linalg::tests::{close, hilbert, longley};
use crate::stats::linalg::{gemm, mat, Op};

/// Columns of `a` and `b` agree up to the sign of each column.
fn same_up_to_sign(a: &Mat, b: &Mat, tol: f64) {
    assert_eq!(a.shape(), b.shape());
    for j in 0..a.ncols() {
        let s = if a.column(j).dot(&b.column(j)) < 0.0 { -1.0 } else { 1.0 };
        for i in 0..a.nrows() {
            assert!((a[(i, j)] - s * b[(i, j)]).abs() < tol, "[{},{}] {} {}", i, j, a[(i, j)], b[(i, j)]);
        }
    }
}

#[test]
fn svd_matches_r() {
    // R: svd(matrix(c(1,2,3,4,5,6,7,8,10,11,12,13), 4))
    let m = mat(4, 3, vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 10.0, 11.0, 12.0, 13.0]);
    let s = svd(&m, 3, 3).unwrap_or_else(|e| panic!("{}", e));
    assert!(close(s.d[0], 2.7104959340036853e+01, 1e-13));
    assert!(close(s.d[1], 1.8224102652664855e+00, 1e-13));
    assert!(s.d[2].abs() < 1e-13);
    let u = s.u.unwrap_or_else(|| panic!("u"));
    let v = s.v.unwrap_or_else(|| panic!("v"));
    let ru = mat(4, 2, vec![
        -0.41122202207852709, -0.46773518231406741, -0.52424834254960739, -0.58076150278514738,
        -0.72862641220151170, -0.28499789337050596, 0.15863062546049997, 0.60225914429150640,
    ]);
    let rv = mat(3, 2, vec![
        -0.19341417781624853, -0.48619706302011190, -0.85217566952494128,
        0.87044409529433842, 0.31571821246343901, -0.37768914107518581,
    ]);
    // the third pair spans a null space of a rank-2 matrix: compare the first two
    same_up_to_sign(&u.columns(0, 2).into_owned(), &ru, 1e-12);
    same_up_to_sign(&v.columns(0, 2).into_owned(), &rv, 1e-12);
    // signs: each v column's largest entry is positive, u follows v
    let back = &u * Mat::from_diagonal(&nalgebra::DVector::from_vec(s.d.clone())) * v.transpose();
    assert!((back - &m).iter().all(|x| x.abs() < 1e-12));
    // nu = 4: a full orthonormal basis
    let s = svd(&m, 4, 0).unwrap_or_else(|e| panic!("{}", e));
    let u = s.u.unwrap_or_else(|| panic!("u"));
    assert!((u.transpose() * &u - Mat::identity(4, 4)).iter().all(|x| x.abs() < 1e-14));
    assert!(s.v.is_none());
    // wide matrices
    let s = svd(&m.transpose(), 3, 4).unwrap_or_else(|e| panic!("{}", e));
    assert!(close(s.d[0], 2.7104959340036853e+01, 1e-13));
}

#[test]
fn ill_conditioned_singular_values() {
    // R: svd(h8)$d; each value is good to about eps * d[1] in absolute terms
    let want = [
        1.6959389969219496e+00, 2.9812521131693076e-01, 2.6212843578119045e-02, 1.4676881177418364e-03,
        5.4369433697499565e-05, 1.2943320918700759e-06, 1.7988737454536877e-08, 1.1115390006764151e-10,
    ];
    let s = svd(&hilbert(8), 0, 0).unwrap_or_else(|e| panic!("{}", e));
    for (a, b) in s.d.iter().zip(want) {
        assert!(close(*a, b, 1e-10) || (a - b).abs() < 1e-15, "{} {}", a, b);
    }
    // R: svd(model.matrix(Employed ~ ., longley))$d
    let want = [
        8.1641294010893953e+03, 4.5724498274113967e+02, 3.2458442350301334e+02, 1.3431217446486798e+02,
        4.9555319592994191e+00, 1.4195483207633712e+00, 3.4237090418380914e-04,
    ];
    let (x, _) = longley();
    let s = svd(&x, 0, 0).unwrap_or_else(|e| panic!("{}", e));
    for (a, b) in s.d.iter().zip(want) {
        assert!(close(*a, b, 1e-10), "{} {}", a, b);
    }
}

#[test]
fn symmetric_eigen_matches_r() {
    // R: eigen(matrix(c(4,1,2, 1,3,0, 2,0,5), 3))
    let a = mat(3, 3, vec![4.0, 1.0, 2.0, 1.0, 3.0, 0.0, 2.0, 0.0, 5.0]);
    let (vals, vecs) = eigen_sym(&a, true).unwrap_or_else(|e| panic!("{}", e));
    for (a, b) in vals.iter().zip([6.6690790882822881, 3.4760236029181351, 1.8548973087995770]) {
        assert!(close(*a, b, 1e-13));
    }
    let rv = mat(3, 3, vec![
        -0.63117896877648327, -0.17202653679290814, -0.75632002486599104,
        0.37436195478307038, 0.78643569875137942, -0.49129626351156780,
        0.67931306198633745, -0.59323331191738327, -0.43198148275855403,
    ]);
    same_up_to_sign(&vecs.unwrap_or_else(|| panic!("vectors")), &rv, 1e-13);
    // R: eigen(h8)$values, and for crossprod of Longley's design
    let want = [
        1.6959389969219487e+00, 2.9812521131693037e-01, 2.6212843578118886e-02, 1.4676881177417772e-03,
        5.4369433697523370e-05, 1.2943320918730990e-06, 1.7988737451889958e-08, 1.1115390005366376e-10,
    ];
    let (vals, _) = eigen_sym(&hilbert(8), false).unwrap_or_else(|e| panic!("{}", e));
    for (a, b) in vals.iter().zip(want) {
        assert!(close(*a, b, 1e-10) || (a - b).abs() < 1e-15, "{} {}", a, b);
    }
    let (x, _) = longley();
    let xtx = gemm(&x, Op::T, &x, Op::N);
    let want = [
        6.6653008877732068e+07, 2.0907297424194455e+05, 1.0535504798078389e+05, 1.8039760209481046e+04,
        2.4557296994239280e+01, 2.0151174345694609e+00, 1.1721782312421600e-07,
    ];
    let (vals, _) = eigen_sym(&xtx, false).unwrap_or_else(|e| panic!("{}", e));
    for (a, b) in vals.iter().zip(want) {
        // absolute accuracy eps * |lambda_max| ~ 1e-8
        assert!(close(*a, b, 1e-10) || (a - b).abs() < 1e-7, "{} {}", a, b);
    }
}

#[test]
fn general_eigen_matches_r() {
    // R: eigen(matrix(c(2,1,0, 1,3,1, 0,0,4), 3))
    let g = mat(3, 3, vec![2.0, 1.0, 0.0, 1.0, 3.0, 1.0, 0.0, 0.0, 4.0]);
    let (vals, vecs) = eigen_general(&g, true).unwrap_or_else(|e| panic!("{}", e));
    for (a, b) in vals.iter().zip([4.0, 3.6180339887498949, 1.3819660112501051]) {
        assert!(close(*a, b, 1e-13), "{} {}", a, b);
    }
    let rv = mat(3, 3, vec![
        0.0, 0.0, 1.0,
        0.21535373011074399, 0.34844965492325541, -0.91225303995725493,
        0.83400135179648038, -0.51544118207358303, 0.19688101235068572,
    ]);
    same_up_to_sign(&vecs.unwrap_or_else(|| panic!("vectors")), &rv, 1e-13);
    let rot = mat(2, 2, vec![0.0, 1.0, -1.0, 0.0]);
    assert!(eigen_general(&rot, false).err().unwrap_or_default().contains("complex"));
}

#[test]
fn norms_match_r() {
    // R: norm(h8, type) for O, I, F, M, 2
    let h = hilbert(8);
    let want = [2.7178571428571425, 2.7178571428571425, 1.7221431395612752, 1.0, 1.6959389969219496];
    for (t, w) in ['O', 'I', 'F', 'M', '2'].into_iter().zip(want) {
        assert!(close(norm(&h, t).unwrap_or(f64::NAN), w, 1e-14), "{}", t);
    }
    assert!(norm(&h, 'X').is_err());
}

#[test]
fn norm_pivoted_qr_matches_lapack() {
    // R: qr(m, LAPACK = TRUE) for m = matrix(c(2,1,1,1, 3,2,1,0, 0,4,1,1), 4)
    let m = mat(4, 3, vec![2.0, 1.0, 1.0, 1.0, 3.0, 2.0, 1.0, 0.0, 0.0, 4.0, 1.0, 1.0]);
    let h = geqp3(&m);
    assert_eq!(h.pivot, vec![2, 1, 0]);
    let want_tau = [1.0, 1.917663, 1.310136];
    for (a, b) in h.tau.iter().zip(want_tau) {
        assert!((a - b).abs() < 1e-6, "{} {}", a, b);
    }
    let want_qr = [
        -4.2426407, 0.9428090, 0.2357023, 0.2357023, -2.12132034, 3.08220700, 0.03503969, 0.20422627,
        -1.4142136, 1.9466571, -1.1002392, 0.7256439,
    ];
    for (a, b) in h.qr.iter().zip(want_qr) {
        assert!((a - b).abs() < 1e-7, "{} {}", a, b);
    }
    // Q'Q = I through the compact form
    let mut q = Mat::identity(4, 4);
    house_apply(&h.qr, &h.tau, &mut q, false);
    assert!((q.transpose() * &q - Mat::identity(4, 4)).iter().all(|v| v.abs() < 1e-14));
}

#[test]
fn linpack_condition_estimate_matches_kappa() {
    // R: kappa(h8) and kappa(model.matrix(Employed ~ ., longley)), from the triangle of
    // LINPACK's QR
    let r_of = |x: &Mat| {
        let (n, p) = x.shape();
        let q = crate::stats::qr::dqrdc2(x.as_slice(), n, p, 1e-7);
        Mat::from_fn(p, p, |i, j| if i <= j { q.at(i, j) } else { 0.0 })
    };
    let k = 1.0 / crate::stats::linalg::dtrco(&r_of(&hilbert(8)));
    assert!(close(k, 22109864660.570202, 1e-6), "{}", k);
    let (x, _) = longley();
    let k = 1.0 / crate::stats::linalg::dtrco(&r_of(&x));
    assert!(close(k, 22219266.176142048, 1e-8), "{}", k);
    // R: 1 / rcond(qr.R(qr(h8)), triangular = TRUE) (LAPACK's dtrcon)
    let k = 1.0 / crate::stats::linalg::tri_rcond(&r_of(&hilbert(8)), true);
    assert!(close(k, 2.2412626772414436e+10, 1e-6), "{}", k);
}
