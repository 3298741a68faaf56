//! glm over Spark frames, and lm/glm with `weights` and `subset`: each fit against the
//! same fit on the data in memory.

use super::{eval, fails, max_rel, session, text};
use rsc::Interpreter;

/// Writes the generated data `g` (binary, count and positive responses, numeric and
/// character predictors, a few NAs) and returns its Spark frame's name `t`.
fn generated(r: &mut Interpreter, data: &str, file: &str) {
    let path = format!("{}/{}.parquet", data, file);
    eval(
        r,
        &format!(
            "set.seed(7); n <- 5000; g <- data.frame(x1 = rnorm(n), x2 = runif(n, 1, 3), \
             f = sample(c('lo', 'mid', 'hi'), n, TRUE)); \
             eta <- -0.5 + 0.8 * g$x1 - 0.3 * g$x2 + 0.4 * (g$f == 'hi'); \
             g$yb <- rbinom(n, 1, plogis(eta)); g$yc <- rpois(n, exp(0.3 + 0.4 * g$x1)); \
             g$yg <- rgamma(n, shape = 2, scale = exp(0.5 + 0.2 * g$x1) / 2); \
             g$wt <- sample(1:4, n, TRUE); g$x1[c(3, 11)] <- NA; g$f[20] <- NA; \
             write_parquet(g, {:?}); t <- spark_read_parquet(con, {:?})",
            path, path
        ),
    );
}

/// Asserts that the in-memory fit `f1` and the Spark fit `f2` agree: coefficients and
/// standard errors to `tol` relative, and the printed summary but for the call's line.
fn same_fit(r: &mut Interpreter, tol: f64) {
    let rel = max_rel(r, "coef(f1)", "coef(f2)");
    assert!(rel < tol, "coefficients differ by {}", rel);
    let rel = max_rel(r, "sqrt(diag(vcov(f1)))", "sqrt(diag(vcov(f2)))");
    assert!(rel < tol, "standard errors differ by {}", rel);
    let same: bool = eval(
        r,
        "nocall <- function(s) { e <- which(s == ''); s[-(3:(e[2] - 1))] }; \
         a <- nocall(capture.output(summary(f1))); b <- nocall(capture.output(summary(f2))); identical(a, b)",
    )
    .try_into()
    .unwrap();
    assert!(
        same,
        "{}\n---\n{}",
        text(r, "writeLines(a)"),
        text(r, "writeLines(b)")
    );
}

#[test]
fn glm_families_equal_the_in_memory_fits() {
    let Some((mut r, data, _g)) = session() else {
        return;
    };
    generated(&mut r, &data, "glm");
    eval(&mut r, "nz <- function(x) ifelse(is.na(x), 0, x)");
    for (formula, family) in [
        ("yb ~ x1 + x2 + f", "binomial"),
        ("yb ~ x1 * x2", "binomial(link = 'cloglog')"),
        ("yc ~ x1 + f", "poisson"),
        ("yg ~ x1 + x2", "Gamma(link = 'log')"),
        ("yg ~ x1", "Gamma"),
        ("yg ~ x1 + f", "gaussian"),
        ("yc ~ x1", "quasipoisson"),
    ] {
        eval(
            &mut r,
            &format!(
                "f1 <- glm({f}, family = {fam}, data = g); f2 <- glm({f}, family = {fam}, data = t)",
                f = formula,
                fam = family
            ),
        );
        same_fit(&mut r, 1e-9);
        let rel = max_rel(
            &mut r,
            "nz(c(deviance(f1), f1$null.deviance, AIC(f1), BIC(f1), logLik(f1), f1$iter, df.residual(f1)))",
            "nz(c(deviance(f2), f2$null.deviance, AIC(f2), BIC(f2), logLik(f2), f2$iter, df.residual(f2)))",
        );
        assert!(rel < 1e-9, "{} {}: deviance/AIC differ by {}", formula, family, rel);
    }
    // the methods: anova (nested fits in Spark), confint.default, predict on local data
    eval(
        &mut r,
        "f1 <- glm(yb ~ x1 + x2 + f, binomial, g); f2 <- glm(yb ~ x1 + x2 + f, binomial, t)",
    );
    let a1 = text(&mut r, "print(anova(f1, test = 'Chisq'))");
    let a2 = text(&mut r, "print(anova(f2, test = 'Chisq'))");
    assert_eq!(a1, a2);
    assert!(max_rel(&mut r, "confint.default(f1)", "confint.default(f2)") < 1e-9);
    assert!(
        max_rel(
            &mut r,
            "predict(f1, g[c(1, 2, 4, 5), ], type = 'response')",
            "predict(f2, g[c(1, 2, 4, 5), ], type = 'response')"
        ) < 1e-9
    );
}

#[test]
fn weights_and_subset_equal_the_in_memory_fits() {
    let Some((mut r, data, _g)) = session() else {
        return;
    };
    generated(&mut r, &data, "wsub");
    for (call, tol) in [
        ("lm(yg ~ x1 + f, data = D, weights = wt)", 1e-9),
        ("lm(yg ~ x1 + x2, data = D, subset = f == 'hi' & x2 > 1.5)", 1e-9),
        ("lm(yg ~ x1, data = D, weights = x2, subset = f %in% c('lo', 'mid'))", 1e-9),
        ("glm(yb ~ x1 + f, binomial, data = D, weights = wt)", 1e-9),
        ("glm(yc ~ x1 + x2, poisson, data = D, subset = !is.na(f) & x1 > -1)", 1e-9),
        ("glm(yg ~ x1, Gamma(link = 'log'), data = D, weights = x2)", 1e-9),
    ] {
        eval(
            &mut r,
            &format!(
                "f1 <- {}; f2 <- {}",
                call.replace('D', "g"),
                call.replace('D', "t")
            ),
        );
        same_fit(&mut r, tol);
    }
}

#[test]
fn bad_glm_input_says_why() {
    let Some((mut r, data, _g)) = session() else {
        return;
    };
    generated(&mut r, &data, "bad");
    let cases = [
        ("glm(yc ~ x1, binomial, data = t)", "y values must be 0 <= y <= 1"),
        ("glm(x1 ~ x2, poisson, data = t)", "negative values not allowed"),
        ("glm(yb ~ x1, binomial(link = 'probit'), data = t)", "probit"),
        ("glm(yb ~ x1, binomial, data = t, start = c(1, 2, 3))", "length of 'start'"),
        ("glm(yb ~ x1, binomial, data = t, offset = x2)", "'offset' is not supported"),
        ("lm(yg ~ x1, data = t, weights = x1)", "negative weights"),
        ("lm(yg ~ x1, data = t, subset = sqrt(x1))", "cannot be computed in Spark"),
    ];
    for (code, want) in cases {
        let e = fails(&mut r, code);
        assert!(e.contains(want), "{}: {}", code, e);
    }
}

#[test]
fn factor_interactions_contrasts_and_remote_predictions() {
    let Some((mut r, data, _g)) = session() else {
        return;
    };
    let path = format!("{}/inter.parquet", data);
    eval(
        &mut r,
        &format!(
            "set.seed(3); n <- 4000; g <- data.frame(x1 = rnorm(n), x2 = runif(n, 1, 3), \
             f = sample(c('a', 'b', 'c'), n, TRUE), b = runif(n) > 0.4); \
             g$y <- 1 + g$x1 * (g$f == 'b') - g$x2 * g$b + rnorm(n); \
             g$yb <- rbinom(n, 1, plogis(0.5 * g$x1 - 0.5 * g$b)); g$x1[7] <- NA; \
             write_parquet(g, {:?}); t <- spark_read_parquet(con, {:?})",
            path, path
        ),
    );
    for call in [
        "lm(y ~ f * x1 + b, data = D)",
        "lm(y ~ f:x1 + x2, data = D)",
        "lm(y ~ f:b + x1 - 1, data = D)",
        "glm(yb ~ f * b + x1, binomial, data = D)",
        "lm(y ~ x1 + f, data = D, contrasts = list(f = 'contr.sum'))",
    ] {
        eval(
            &mut r,
            &format!(
                "f1 <- {}; f2 <- {}",
                call.replace('D', "g"),
                call.replace('D', "t")
            ),
        );
        let same: bool = eval(&mut r, "identical(names(coef(f1)), names(coef(f2)))")
            .try_into()
            .unwrap();
        assert!(same, "{}: {}", call, text(&mut r, "print(names(coef(f2)))"));
        same_fit(&mut r, 1e-9);
    }
    // predictions on a Spark frame: a remote frame whose `fit` column is computed in Spark
    eval(
        &mut r,
        "f1 <- lm(y ~ f * x1 + b, data = g); f2 <- lm(y ~ f * x1 + b, data = t); p <- predict(f2, newdata = t)",
    );
    assert!(text(&mut r, "print(p)").contains("fit"));
    let ok: bool = eval(
        &mut r,
        "isTRUE(all.equal(collect(p)$fit, unname(predict(f1, g)), tolerance = 1e-10))",
    )
    .try_into()
    .unwrap();
    assert!(ok);
    eval(
        &mut r,
        "f1 <- glm(yb ~ f + x1, binomial, g); f2 <- glm(yb ~ f + x1, binomial, t); \
         p <- predict(f2, newdata = t, type = 'response')",
    );
    let ok: bool = eval(
        &mut r,
        "isTRUE(all.equal(collect(p)$fit, unname(predict(f1, g, type = 'response')), tolerance = 1e-9))",
    )
    .try_into()
    .unwrap();
    assert!(ok);
    let e = fails(&mut r, "predict(f1, newdata = t)");
    assert!(e.contains("needs a fit made in Spark"), "{}", e);
}

#[test]
fn ill_conditioned_designs_warn() {
    let Some((mut r, data, _g)) = session() else {
        return;
    };
    let path = format!("{}/illcond.parquet", data);
    eval(
        &mut r,
        &format!(
            "set.seed(5); n <- 2000; x <- rnorm(n); d <- data.frame(x = x, z = x + 3e-7 * rnorm(n), \
             y = x + rnorm(n)); write_parquet(d, {:?}); t <- spark_read_parquet(con, {:?})",
            path, path
        ),
    );
    let w = text(
        &mut r,
        "withCallingHandlers(lm(y ~ x + z, data = t), warning = function(w) { cat(conditionMessage(w)); invokeRestart('muffleWarning') })",
    );
    assert!(w.contains("condition number is 6"), "{}", w);
    assert!(w.contains("significant digits"), "{}", w);
}

#[test]
fn first_rows_far_from_the_means_still_fit_exactly() {
    // the first 1000 rows (the shift of the one-pass sums) sit 4.4 standard deviations
    // from the data's mean of x, so the fit sums the products again at the means
    let Some((mut r, data, _g)) = session() else {
        return;
    };
    let path = format!("{}/shifted.parquet", data);
    eval(
        &mut r,
        &format!(
            "set.seed(9); n <- 20000; x <- c(rep(0, 1000), rep(1, n - 1000)) + 1e-3 * rnorm(n); \
             d <- data.frame(x = x, u = 1e4 + runif(n), y = 2 + 3 * x + rnorm(n)); \
             write_parquet(d, {:?}); t <- spark_read_parquet(con, {:?}); \
             f1 <- lm(y ~ x + u, data = d); f2 <- lm(y ~ x + u, data = t)",
            path, path
        ),
    );
    same_fit(&mut r, 1e-9);
}

#[test]
fn summary_of_a_remote_frame_equals_the_local_one() {
    let Some((mut r, data, _g)) = session() else {
        return;
    };
    let path = format!("{}/summary.parquet", data);
    eval(
        &mut r,
        &format!(
            "set.seed(3); n <- 500; d <- data.frame(a = rnorm(n), i = sample(1:50, n, TRUE), \
             s = sample(letters, n, TRUE), b = runif(n) > 0.3); d$a[c(2, 9)] <- NA; \
             d$b[5] <- NA; write_parquet(d, {:?}); t <- spark_read_parquet(con, {:?})",
            path, path
        ),
    );
    let local = text(&mut r, "print(summary(d))");
    let remote = text(&mut r, "print(summary(t))");
    assert_eq!(local, remote);
    assert!(remote.contains("NA's   :2"), "{}", remote);
}
