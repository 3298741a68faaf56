//! hclust, kmeans and arima against values computed by R 4.2 on R's own data sets
//! (relative tolerance 1e-8; merge orders and cluster sizes exactly).

use rsc::Interpreter;

fn nums(r: &mut Interpreter, code: &str) -> Vec<f64> {
    let v: Vec<Option<f64>> = r
        .eval(code)
        .unwrap_or_else(|e| panic!("{}: {}", code, e.render()))
        .try_into()
        .expect("numeric");
    v.into_iter().map(|x| x.unwrap_or(f64::NAN)).collect()
}

fn close(got: &[f64], want: &[f64], tol: f64, what: &str) {
    assert_eq!(got.len(), want.len(), "{}: length", what);
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        let rel = if *w == 0.0 { g.abs() } else { ((g - w) / w).abs() };
        assert!(rel <= tol, "{}[{}]: got {}, want {} (rel {:e})", what, i, g, w, rel);
    }
}

fn ints(v: &[i32]) -> Vec<f64> {
    v.iter().map(|&x| x as f64).collect()
}

#[test]
fn hclust_matches_r_on_usarrests() {
    let mut r = Interpreter::new();
    r.eval("h <- hclust(dist(USArrests), 'average')").unwrap();
    close(&nums(&mut r, "h$height[c(1, 10, 49)]"), &[2.2912878474779204, 10.73673881867175, 152.31399938080577], 1e-8, "average height");
    let order = [9, 33, 5, 20, 3, 31, 8, 1, 18, 13, 32, 22, 28, 2, 24, 40, 47, 37, 50, 36, 46, 39, 21, 30, 25, 4, 42, 10, 6, 43, 12, 27, 17, 26, 35, 44, 14, 16, 7, 38, 11, 48, 19, 41, 34, 45, 23, 49, 15, 29];
    close(&nums(&mut r, "h$order"), &ints(&order), 0.0, "average order");
    let m1 = [-15, -17, -14, -13, -35, -36, -7, -19, -49, -50, -48, -21, -27, -4, -37, -34, -22, 3, -3, -6, -12, 5, -20, -1, -47, -8, 4, -23, -25, 21, -24, -39, -10, 26, 25, 16, -5, -2, 29, 11, -9, 34, -11, 37, 35, 30, 41, 45, 47];
    close(&nums(&mut r, "h$merge[, 1]"), &ints(&m1), 0.0, "average merge");
    r.eval("h <- hclust(dist(USArrests)^2, 'centroid')").unwrap();
    close(&nums(&mut r, "h$height[c(1, 25, 49)]"), &[5.2500000000000018, 225.62000000000003, 22574.945527141008], 1e-8, "centroid height");
    let order = [5, 20, 3, 31, 8, 1, 18, 13, 32, 22, 28, 2, 24, 40, 9, 33, 25, 4, 42, 10, 6, 43, 39, 21, 30, 47, 37, 50, 36, 46, 12, 14, 16, 27, 17, 26, 35, 44, 7, 38, 11, 48, 19, 41, 34, 45, 23, 49, 15, 29];
    close(&nums(&mut r, "h$order"), &ints(&order), 0.0, "centroid order");
    r.eval("h <- hclust(dist(scale(USArrests)), 'ward.D2')").unwrap();
    close(&nums(&mut r, "h$height[c(1, 25, 49)]"), &[0.2058538571573483, 1.0910920438553862, 13.516242350693959], 1e-8, "ward.D2 height");
    let order = [1, 18, 10, 42, 33, 24, 40, 43, 13, 32, 9, 3, 22, 20, 31, 2, 6, 5, 28, 41, 48, 34, 45, 12, 26, 27, 23, 49, 19, 15, 29, 46, 50, 4, 17, 8, 21, 30, 7, 39, 25, 37, 47, 36, 14, 16, 35, 38, 11, 44];
    close(&nums(&mut r, "h$order"), &ints(&order), 0.0, "ward.D2 order");
}

#[test]
fn kmeans_matches_r_for_the_same_seed() {
    let mut r = Interpreter::new();
    r.eval("set.seed(1); k <- kmeans(iris[, 1:4], 3)").unwrap();
    close(&nums(&mut r, "c(k$tot.withinss, k$size, k$iter)"), &[78.851441426145996, 62.0, 38.0, 50.0, 2.0], 1e-8, "iris");
    close(
        &nums(&mut r, "as.vector(k$centers)"),
        &[5.9016129032258071, 6.8500000000000005, 5.0059999999999993, 2.7483870967741941, 3.0736842105263151, 3.4280000000000008, 4.3935483870967751, 5.7421052631578933, 1.4620000000000002, 1.4338709677419357, 2.0710526315789473, 0.24599999999999991],
        1e-8,
        "iris centers",
    );
    r.eval("set.seed(2); k <- kmeans(USArrests, 4, nstart = 5)").unwrap();
    close(&nums(&mut r, "c(k$tot.withinss, k$size)"), &[34728.629357142861, 14.0, 10.0, 16.0, 10.0], 1e-8, "nstart");
    r.eval("set.seed(3); k <- kmeans(USArrests, 3, algorithm = 'Lloyd')").unwrap();
    close(&nums(&mut r, "c(k$tot.withinss, k$size, k$iter)"), &[47964.26535714286, 16.0, 20.0, 14.0, 3.0], 1e-8, "Lloyd");
    r.eval("set.seed(3); k <- kmeans(USArrests, 3, algorithm = 'MacQueen')").unwrap();
    close(&nums(&mut r, "c(k$tot.withinss, k$size, k$iter)"), &[47964.265357142853, 16.0, 20.0, 14.0, 2.0], 1e-8, "MacQueen");
}

#[test]
fn arima_matches_r() {
    let mut r = Interpreter::new();
    r.eval("a <- arima(lh, order = c(1, 0, 0))").unwrap();
    close(
        &nums(&mut r, "c(coef(a), a$sigma2, a$loglik, a$var.coef)"),
        &[0.57392960144257898, 2.4132879577123503, 0.19748951492690067, -29.379162387371231, 0.013488343625265633, 0.00069441831926517011, 0.00069441831926517, 0.021495514200363931],
        1e-8,
        "lh AR(1)",
    );
    r.eval("a <- arima(presidents, c(1, 0, 0))").unwrap();
    close(&nums(&mut r, "c(coef(a), a$sigma2, a$loglik)"), &[0.82416485913594206, 56.150481676488418, 85.468555476252192, -416.89227329403695], 1e-8, "presidents (NAs)");
    r.eval("a <- arima(USAccDeaths, order = c(0, 1, 1), seasonal = list(order = c(0, 1, 1)))").unwrap();
    close(&nums(&mut r, "c(coef(a), a$sigma2, a$loglik)"), &[-0.43026923621726409, -0.55279127018579566, 99346.889930085294, -425.43999355313764], 1e-8, "airline model");
    r.eval("a <- arima(lh, order = c(3, 0, 0), method = 'CSS')").unwrap();
    close(&nums(&mut r, "c(coef(a), a$sigma2, a$loglik)"), &[0.65782335409263559, -0.065812766747862558, -0.23483584377750763, 2.3918193670571695, 0.19046922882341977, -28.310698571060342], 1e-8, "CSS");
    r.eval("a <- arima(LakeHuron, order = c(2, 0, 0), xreg = time(LakeHuron) - 1920)").unwrap();
    close(&nums(&mut r, "c(coef(a), a$sigma2, a$loglik)"), &[1.0048037441569364, -0.29131982222819885, 579.09934482081383, -0.021568828219728609, 0.45661864325066431, -101.1982673216194], 1e-8, "LakeHuron xreg");
}

#[test]
fn stl_matches_r() {
    let mut r = Interpreter::new();
    r.eval("s <- stl(log(co2), s.window = 21)").unwrap();
    close(
        &nums(&mut r, "as.vector(s$time.series[c(1, 100, 468), ])"),
        &[-0.00018493338088790249, 0.0071091614427503756, -0.0024361970161429257, 5.7535410578909723, 5.7739834387468365, 5.8987503351819832, 0.00054895954932732138, 0.00042222300696614923, 0.0017733594368429806],
        1e-8,
        "co2 s.window = 21",
    );
    r.eval("s <- stl(nottem, 'per')").unwrap();
    close(
        &nums(&mut r, "as.vector(s$time.series[c(1, 120, 240), ])"),
        &[-9.3471980274764039, -9.4781422782969482, -9.4781422782969482, 49.680672648563224, 49.44735849575715, 49.005097082385689, 0.26652537891317962, 1.9307837825397982, -1.7269548040887415],
        1e-8,
        "nottem periodic",
    );
    r.eval("s <- stl(log(co2), s.window = 13, robust = TRUE)").unwrap();
    close(
        &nums(&mut r, "c(as.vector(s$time.series[c(5, 200), ]), s$weights[c(3, 300)])"),
        &[0.0088367218060616762, -0.0036399544095151817, 5.7543848676104759, 5.8025585117100453, -0.00076148514292473379, -0.00012897906599373954, 0.98729933992492647, 0.6690381028487874],
        1e-8,
        "robust",
    );
}
