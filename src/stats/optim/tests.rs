//! The algorithms against R 4.2's own results (values printed with `%.17g`).

use super::bfgs::vmmin;
use super::brent::{fmin, zeroin2};
use super::cg::cgmin;
use super::lbfgsb::{lbfgsb, LbfgsbControl};
use super::neldermead::{nmmin, NmCoef};
use super::quadpack::{integrate, Range};
use super::sann::samin;
use super::{OptimOut, Scaled, Tolerances};

type Vf = fn(&[f64]) -> Result<Vec<f64>, ()>;

fn rosen(x: &[f64]) -> Result<Vec<f64>, ()> {
    let a = x[1] - x[0] * x[0];
    let b = 1.0 - x[0];
    Ok(vec![100.0 * a * a + b * b])
}

fn rosen_gr(x: &[f64]) -> Result<Vec<f64>, ()> {
    Ok(vec![
        -400.0 * x[0] * (x[1] - x[0] * x[0]) - 2.0 * (1.0 - x[0]),
        200.0 * (x[1] - x[0] * x[0]),
    ])
}

fn problem(gr: Option<Vf>, bounds: Option<(Vec<f64>, Vec<f64>)>) -> Scaled<Vf, Vf> {
    Scaled {
        f: rosen as Vf,
        gr,
        parscale: vec![1.0; 2],
        fnscale: 1.0,
        ndeps: vec![1e-3; 2],
        bounds,
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-10 * b.abs().max(1e-300) || (a - b).abs() < 1e-22
}

fn check(out: &OptimOut, par: &[f64], value: f64, fn_count: i32, gr_count: Option<i32>, fail: i32) {
    for (a, b) in out.par.iter().zip(par) {
        assert!(close(*a, *b), "par {:?} vs {:?}", out.par, par);
    }
    assert!(close(out.value, value), "value {} vs {}", out.value, value);
    assert_eq!(out.fncount, fn_count);
    assert_eq!(out.grcount, gr_count);
    assert_eq!(out.fail, fail);
}

const START: [f64; 2] = [-1.2, 1.0];

#[test]
fn nelder_mead_rosenbrock() {
    let tol = Tolerances {
        maxit: 500,
        ..Default::default()
    };
    let out = nmmin(&mut problem(None, None), &START, tol, NmCoef::default()).unwrap();
    check(
        &out,
        &[1.0002601387256695, 1.000505999303765],
        8.8252410967227472e-08,
        195,
        None,
        0,
    );
}

#[test]
fn bfgs_analytic_and_numeric_gradient() {
    let out = vmmin(
        &mut problem(Some(rosen_gr), None),
        &START,
        Tolerances::default(),
    )
    .unwrap();
    check(
        &out,
        &[0.99999999690491403, 0.999999993797419],
        9.5949556437698302e-18,
        110,
        Some(43),
        0,
    );
    let out = vmmin(&mut problem(None, None), &START, Tolerances::default()).unwrap();
    check(
        &out,
        &[0.99980443323133883, 0.99960838062337087],
        3.8273827583286181e-08,
        120,
        Some(38),
        0,
    );
}

#[test]
fn conjugate_gradients_stops_at_maxit() {
    let out = cgmin(
        &mut problem(Some(rosen_gr), None),
        &START,
        Tolerances::default(),
        1,
    )
    .unwrap();
    check(
        &out,
        &[-0.7648372957330416, 0.59275883367186466],
        3.1065787964981539,
        402,
        Some(101),
        1,
    );
}

#[test]
fn lbfgsb_free_and_bounded() {
    let inf = f64::INFINITY;
    let out = lbfgsb(
        &mut problem(Some(rosen_gr), None),
        &START,
        &[-inf, -inf],
        &[inf, inf],
        LbfgsbControl::default(),
    )
    .unwrap();
    check(
        &out,
        &[0.9999997167506105, 0.99999947178021376],
        2.2675773074879826e-13,
        47,
        Some(47),
        0,
    );
    assert_eq!(
        out.message.as_deref(),
        Some("CONVERGENCE: REL_REDUCTION_OF_F <= FACTR*EPSMCH")
    );
    let (lo, up) = (vec![-2.0, -inf], vec![0.5, inf]);
    let out = lbfgsb(
        &mut problem(Some(rosen_gr), Some((lo.clone(), up.clone()))),
        &START,
        &lo,
        &up,
        LbfgsbControl::default(),
    )
    .unwrap();
    check(&out, &[0.5, 0.25], 0.25, 29, Some(29), 0);
    assert_eq!(
        out.message.as_deref(),
        Some("CONVERGENCE: NORM OF PROJECTED GRADIENT <= PGTOL")
    );
}

#[test]
fn sann_with_r_streams() {
    // set.seed(1); optim(c(-1.2, 1), fr, method = "SANN", control = list(maxit = 100))
    let mut rng = crate::stats::rng::Rng::from_seed(1);
    let cell = std::cell::RefCell::new(&mut rng);
    let gen = |p: &[f64], scale: f64, out: &mut [f64]| {
        for i in 0..p.len() {
            out[i] = p[i] + scale * cell.borrow_mut().norm_rand();
        }
        Ok(())
    };
    let out = samin(&mut problem(None, None), &START, 100, 10, 10.0, gen, || {
        cell.borrow_mut().unif_rand()
    })
    .unwrap();
    check(
        &out,
        &[-0.9413784711422708, 0.9035224206637037],
        3.7989797740622224,
        100,
        None,
        0,
    );
}

#[test]
fn optim_hessian() {
    let h = problem(None, None).hessian(&[1.0, 1.0]).unwrap();
    let r = [
        802.00079999993454,
        -399.99999999997851,
        -399.99999999997851,
        199.99999999998923,
    ];
    for (a, b) in h.iter().zip(&r) {
        assert!(close(*a, *b), "{:?}", h);
    }
}

fn dnorm(x: &[f64]) -> Result<Vec<f64>, ()> {
    Ok(x.iter()
        .map(|v| (-0.5 * v * v).exp() / (2.0 * std::f64::consts::PI).sqrt())
        .collect())
}

#[test]
fn quadpack_matches_r() {
    let eps = f64::EPSILON.powf(0.25);
    let cases: Vec<(
        Box<dyn Fn(&[f64]) -> Result<Vec<f64>, ()>>,
        Range,
        f64,
        f64,
        i32,
    )> = vec![
        (
            Box::new(dnorm),
            Range::Infinite(0.0, 2),
            0.99999999979415932,
            9.3611240867069734e-05,
            3,
        ),
        (
            Box::new(|x: &[f64]| Ok(x.iter().map(|v| 1.0 / ((v + 1.0) * v.sqrt())).collect())),
            Range::Infinite(0.0, 1),
            3.1415926530279119,
            2.6514999261539884e-05,
            10,
        ),
        (
            Box::new(|x: &[f64]| Ok(x.iter().map(|v| v.exp()).collect())),
            Range::Finite(0.0, 1.0),
            1.7182818284590453,
            1.9076760487502457e-14,
            1,
        ),
        (
            Box::new(|x: &[f64]| Ok(x.iter().map(|v| v.ln()).collect())),
            Range::Finite(0.0, 1.0),
            -0.99999999999999989,
            1.1102230246251563e-15,
            6,
        ),
    ];
    for (f, range, value, abserr, sub) in cases {
        let q = integrate(|x: &[f64]| f(x), range, eps, eps, 100).unwrap();
        assert!(close(q.value, value), "{:?}", q);
        assert!((q.abs_error - abserr).abs() <= 1e-6 * abserr, "{:?}", q);
        assert_eq!((q.subdivisions, q.ier), (sub, 0));
    }
}

#[test]
fn brent_min_and_root() {
    let x = fmin::<()>(0.0, 5.0, |x| Ok(x.sin()), f64::EPSILON.powf(0.25)).unwrap();
    assert!(close(x, 4.7123956284232165));
    let z = zeroin2::<()>(0.0, 2.0, 1.0, 2f64.cos(), |x| Ok(x.cos()), 1e-10, 1000).unwrap();
    assert!(close(z.root, 1.5707963268154532));
    assert_eq!(z.iter, Some(5));
    assert!(close(z.estim_prec, 5.0000670270833325e-11));
}

struct NlmRosen;

impl super::uncmin::NlmObjective<()> for NlmRosen {
    fn value(&mut self, x: &[f64]) -> Result<f64, super::Fail<()>> {
        let a = x[1] - x[0] * x[0];
        Ok(100.0 * (a * a) + (1.0 - x[0]) * (1.0 - x[0]))
    }
    fn grad(&mut self, _x: &[f64], _g: &mut [f64]) -> Result<(), super::Fail<()>> {
        Ok(())
    }
    fn hess(&mut self, _x: &[f64], _h: &mut [f64]) -> Result<(), super::Fail<()>> {
        Ok(())
    }
}

#[test]
fn nlm_rosenbrock() {
    use super::uncmin::{fdhess, optif9, NlmControl};
    let ctl = NlmControl {
        typsize: vec![1.0; 2],
        fscale: 1.0,
        msg: 9,
        ndigit: 12,
        gradtol: 1e-6,
        stepmax: 1000.0 * (1.2f64 * 1.2 + 1.0).sqrt(),
        steptol: 1e-6,
        iterlim: 100,
        analytic_gradient: false,
        analytic_hessian: false,
    };
    let out = optif9(&mut NlmRosen, &START, &ctl).unwrap();
    assert!(close(out.minimum, 3.97376555581202e-12), "{:?}", out);
    assert!(
        close(out.estimate[0], 0.99999800663918514) && close(out.estimate[1], 0.99999601495032941)
    );
    assert!(
        close(out.gradient[0], -6.5392255290687917e-07)
            && close(out.gradient[1], 3.3359713880098815e-07)
    );
    assert_eq!((out.code, out.iterations), (1, 23));
    let h = fdhess(&mut NlmRosen, &out.estimate, out.minimum, 12, &out.typsize).unwrap();
    let r = [
        802.23682348024499,
        -400.01920265546568,
        -400.01920265546568,
        200.00000000044423,
    ];
    for (a, b) in h.iter().zip(&r) {
        assert!(close(*a, *b), "{:?}", h);
    }
}
