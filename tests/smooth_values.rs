//! Smoothing, density and nonlinear-fit results against values computed by R 4.2 on R's
//! own data sets (relative tolerance 1e-8 unless noted).

use rsc::Interpreter;

fn nums(r: &mut Interpreter, code: &str) -> Vec<f64> {
    let v: Vec<Option<f64>> = r
        .eval(code)
        .unwrap_or_else(|e| panic!("{}: {}", code, e.render()))
        .try_into()
        .unwrap_or_else(|_| panic!("{}: not numeric", code));
    v.into_iter().map(|x| x.unwrap_or(f64::NAN)).collect()
}

fn check(r: &mut Interpreter, code: &str, want: &[f64], tol: f64) {
    let got = nums(r, code);
    assert_eq!(got.len(), want.len(), "{}: length", code);
    for (g, w) in got.iter().zip(want) {
        let scale = w.abs().max(1e-300);
        assert!((g - w).abs() <= tol * scale || (g - w).abs() < 1e-15, "{}: got {:e}, R gives {:e}", code, g, w);
    }
}

#[test]
fn density_matches_r() {
    let mut r = Interpreter::new();
    r.eval("d <- density(faithful$eruptions)").unwrap();
    check(&mut r, "d$bw", &[0.33477703446394325], 1e-12);
    check(
        &mut r,
        "d$y[c(1,50,128,256,300,400,512)]",
        &[0.0003406783312343226, 0.027080556370097868, 0.34170143651697615, 0.11149299532978012, 0.29833563788235679, 0.27781387529084994, 0.0002261507385284937],
        1e-8,
    );
    r.eval("d2 <- density(precip, bw = 'SJ', kernel = 'epanechnikov')").unwrap();
    check(&mut r, "d2$bw", &[3.9317684586929098], 1e-8);
    check(&mut r, "d2$y[c(100,256,400)]", &[0.012651484861250171, 0.035404487611552946, 0.0053089221859742375], 1e-8);
}

#[test]
fn bandwidths_match_r() {
    let mut r = Interpreter::new();
    check(
        &mut r,
        "c(bw.ucv(precip), bw.bcv(faithful$eruptions), bw.SJ(faithful$waiting), bw.SJ(precip, method = 'dpi'))",
        &[4.8618676706865616, 0.15769214221991296, 2.5043706713337994, 4.0220440847261347],
        1e-8,
    );
}

#[test]
fn nls_matches_r() {
    let mut r = Interpreter::new();
    r.eval(
        "DNase1 <- subset(DNase, Run == 1)
         fm1 <- nls(density ~ Asym/(1 + exp((xmid - log(conc))/scal)), data = DNase1,
                    start = list(Asym = 3, xmid = 0, scal = 1))",
    )
    .unwrap_or_else(|e| panic!("{}", e.render()));
    check(&mut r, "unname(coef(fm1))", &[2.3451787602928587, 1.4830887537788646, 1.0414544790654328], 1e-8);
    check(&mut r, "deviance(fm1)", &[0.0047895689699664059], 1e-8);
    check(&mut r, "unname(sqrt(diag(vcov(fm1))))", &[0.078153772949714304, 0.081353069169198447, 0.032270775711054363], 1e-6);
    r.eval("pur <- nls(rate ~ Vm * conc/(K + conc), data = Puromycin, subset = state == 'treated', start = c(Vm = 200, K = 0.05))")
        .unwrap_or_else(|e| panic!("{}", e.render()));
    check(&mut r, "c(unname(coef(pur)), deviance(pur))", &[212.683579974954, 0.064121027394948807, 1195.4488145412217], 1e-8);
}

#[test]
fn lowess_and_splines_match_r() {
    let mut r = Interpreter::new();
    check(
        &mut r,
        "lowess(cars)$y[c(1,5,20,35,50)]",
        &[4.9654592771868815, 15.858633382098317, 32.962506136157629, 46.885478946023973, 84.328698096834188],
        1e-10,
    );
    check(
        &mut r,
        "suppressWarnings(spline(cars$speed, cars$dist, n = 7))$y",
        &[6.0, 16.222552548656665, 22.5, 42.778653372295139, 64.5, 68.937715581894153, 85.0],
        1e-12,
    );
    check(
        &mut r,
        "splinefun(precip[1:20], method = 'natural')(c(3.5, 10.2, 18.7), deriv = 1)",
        &[58.250177177180845, -7.4453929111749071, 4.6873161133834245],
        1e-10,
    );
}
