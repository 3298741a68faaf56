//! StructTS and the Kalman functions, model.tables/se.contrast/eff.aovlist, and nls's
//! profiles and "port" fits against values computed by R 4.2 on R's own data sets
//! (relative tolerance 1e-8 unless said otherwise).

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
        let rel = if w.abs() < 1e-12 { g.abs() } else { ((g - w) / w).abs() };
        assert!(rel <= tol, "{}[{}]: got {}, want {} (rel {:e})", what, i, g, w, rel);
    }
}

#[test]
fn structts_matches_r() {
    let mut r = Interpreter::new();
    r.eval("fit <- StructTS(Nile, type = 'level')").unwrap();
    close(&nums(&mut r, "c(fit$coef, fit$loglik)"), &[1469.1466192376836, 15098.5771535974, -643.20098751576131], 1e-8, "level");
    close(&nums(&mut r, "predict(fit, 3)$se"), &[143.52655040021355, 148.55644479127363, 153.42152361471454], 1e-8, "level se");
    close(&nums(&mut r, "tsSmooth(fit)[c(1, 50, 100)]"), &[1111.66869251779576, 834.76304030008748, 798.36815651538939], 1e-8, "smooth");
    close(&nums(&mut r, "residuals(fit)[c(2, 50, 100)]"), &[0.2247847180511611, -0.26683553387063597, -0.5548456700688239], 1e-8, "resid");
    r.eval("gas <- StructTS(log10(UKgas), type = 'BSM')").unwrap();
    close(
        &nums(&mut r, "c(gas$coef, gas$loglik)"),
        &[0.0, 0.00001733002994572153, 0.00071369434680453297, 0.00036779776757449935, 153.99929744389738],
        1e-8,
        "BSM",
    );
    close(
        &nums(&mut r, "predict(gas, 4)$pred"),
        &[3.1301262563726699, 2.831481042044159, 2.5809689980488182, 2.9478720242858309],
        1e-8,
        "BSM forecasts",
    );
    close(
        &nums(&mut r, "tsSmooth(gas)[c(1, 50, 108), ]"),
        &[2.140950787403102407, 2.377185706906281393, 2.842972885438810327, -0.026352455250162166, 0.014716773750149015, 0.0118556778996236, 0.089109479828039184, -0.018160570650850943, 0.057476427248525939],
        1e-8,
        "BSM smooth",
    );
}

#[test]
fn kalman_functions_match_r() {
    let mut r = Interpreter::new();
    r.eval("m <- list(Z = 1, a = 0, P = matrix(1e7), T = matrix(1), V = matrix(1400), h = 15000, Pn = matrix(0))").unwrap();
    close(&nums(&mut r, "unlist(KalmanLike(Nile, m, nit = -1))"), &[4.9969626907436924, 1.0039591150220921], 1e-10, "like");
    r.eval("s <- KalmanSmooth(Nile, m, nit = -1)").unwrap();
    close(&nums(&mut r, "s$smooth[c(1, 50, 100)]"), &[1111.0491069141372, 834.9145086925505, 799.8571335076582], 1e-10, "smooth");
    close(&nums(&mut r, "s$var[c(1, 50, 100)]"), &[3934.1826229747385, 2265.015046221642, 3935.7307945997036], 1e-10, "var");
}

#[test]
fn model_tables_match_r() {
    let mut r = Interpreter::new();
    r.eval("fit2 <- aov(breaks ~ wool * tension, data = warpbreaks); mt <- model.tables(fit2, 'means', se = TRUE)").unwrap();
    close(&nums(&mut r, "as.vector(mt$tables$tension)"), &[36.388888888888886, 26.3888888888889, 21.666666666666671], 1e-10, "means");
    close(
        &nums(&mut r, "as.vector(mt$tables$'wool:tension')"),
        &[44.555555555555543, 28.222222222222221, 24.000000000000011, 28.777777777777786, 24.555555555555564, 18.777777777777775],
        1e-10,
        "cell means",
    );
    close(&nums(&mut r, "unlist(mt$se)"), &[2.9775681702531687, 3.6467613457364063, 5.1572993538783853], 1e-10, "se means");
    close(&nums(&mut r, "unlist(model.tables(fit2, se = TRUE)$se)"), &[2.105458644631236, 2.5786496769391927, 3.6467613457364063], 1e-10, "se effects");
    close(&nums(&mut r, "se.contrast(fit2, list(warpbreaks$wool == 'A', warpbreaks$wool == 'B'))"), &[2.97756817025317], 1e-10, "se.contrast");
    r.eval("fa <- aov(yield ~ N * P * K + Error(block), data = npk)").unwrap();
    close(&nums(&mut r, "as.vector(model.tables(fa)$tables$N)"), &[-2.8083333333333327, 2.8083333333333327], 1e-10, "strata effects");
    close(
        &nums(&mut r, "unlist(model.tables(fa, se = TRUE)$se)"),
        &[1.1343337088189531, 1.1343337088189531, 1.1343337088189531, 1.6041901152687368, 1.6041901152687368, 1.6041901152687368, 5.0521722500766391],
        1e-10,
        "strata se",
    );
    r.eval(
        "d <- data.frame(block = factor(rep(1:8, each = 2)), A = factor(c(1,2, 1,2, 1,1, 2,2, 1,2, 1,2, 1,2, 1,2)), \
         B = factor(c(1,2, 2,1, 1,2, 1,2, 1,1, 2,2, 1,2, 2,1))); set.seed(7); \
         d$y <- round(rnorm(16, 10) + as.numeric(d$A) + 0.5 * as.numeric(d$block), 2)",
    )
    .unwrap();
    close(&nums(&mut r, "as.vector(eff.aovlist(aov(y ~ A * B + Error(block), data = d)))"), &[0.25, 0.75, 0.25, 0.75, 0.5, 0.5], 1e-10, "eff");
}

#[test]
fn nls_profiles_and_port_match_r() {
    let mut r = Interpreter::new();
    r.eval("h <- nls(density ~ SSlogis(log(conc), Asym, xmid, scal), DNase[DNase$Run == 1, ])").unwrap();
    close(
        &nums(&mut r, "as.vector(suppressMessages(confint(h)))"),
        &[2.19354374716074974, 1.32145396340284815, 0.97430715691801195, 2.53880351106031288, 1.67875136659272894, 1.11493857746739966],
        1e-8,
        "confint SSlogis",
    );
    r.eval("x <- 1:8; y <- c(2.1, 3.9, 7.2, 12.1, 19.8, 30.5, 44.1, 63.0); fd <- nls(y ~ a * exp(b * x), start = list(a = 1, b = 0.3))").unwrap();
    close(
        &nums(&mut r, "as.vector(suppressMessages(confint(fd)))"),
        &[1.89993696934341982, 0.36793595513006289, 3.29417680995888063, 0.44323886851062549],
        1e-8,
        "confint",
    );
    close(
        &nums(&mut r, "profile(fd)$a$tau"),
        &[-3.94628129101227554, -3.15369145674193918, -2.36341387583876594, -1.57528668070609768, -0.78902499201475218, 0.0, 0.74684906366980841, 1.45211294431896731, 2.1595210530511757, 2.86796493939058283, 3.57742310060629887, 4.28785079554156123],
        1e-8,
        "tau",
    );
    // a bound held fit is exact; PORT's free optimum is only matched to its own convergence
    r.eval("g <- nls(y ~ a * exp(b * x), start = list(a = 3, b = 0.3), algorithm = 'port', lower = c(3, 0))").unwrap();
    close(&nums(&mut r, "coef(g)"), &[3.0, 0.38127221127636701], 1e-8, "port bound");
    r.eval("f <- nls(y ~ a * exp(b * x), start = list(a = 1, b = 0.3), algorithm = 'port')").unwrap();
    close(&nums(&mut r, "coef(f)"), &[2.5360954256288979, 0.404043649977462], 1e-7, "port");
}
