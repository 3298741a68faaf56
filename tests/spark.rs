//! The `spark` feature against a live Spark Connect server (`tests/spark/run.sh` starts
//! one and sets `RSC_SPARK_URL`); without that variable the tests say so and pass.
#![cfg(feature = "spark")]

use rsc::Interpreter;

#[path = "spark/models.rs"]
mod models;

/// The server's address and a folder both rsc and the server can read, if a server runs.
fn server() -> Option<(String, String)> {
    let url = std::env::var("RSC_SPARK_URL").ok()?;
    let data = std::env::var("RSC_SPARK_DATA")
        .unwrap_or_else(|_| std::env::temp_dir().to_string_lossy().into_owned());
    Some((url, data))
}

/// Tests take this shared; the interrupt test takes it alone (the interrupt flag is the
/// process's, so it would stop other tests' evaluations too).
static SERIAL: std::sync::RwLock<()> = std::sync::RwLock::new(());

type Shared = std::sync::RwLockReadGuard<'static, ()>;

fn shared() -> Shared {
    SERIAL.read().unwrap_or_else(|e| e.into_inner())
}

fn session() -> Option<(Interpreter, String, Shared)> {
    let g = shared();
    let Some((url, data)) = server() else {
        eprintln!("RSC_SPARK_URL is not set: no Spark Connect server to test against (see tests/spark/run.sh)");
        return None;
    };
    let mut r = Interpreter::new();
    r.eval(&format!("con <- spark_connect({:?})", url))
        .unwrap_or_else(|e| panic!("spark_connect: {}", e.render()));
    Some((r, data, g))
}

#[test]
fn an_interrupt_cancels_the_running_spark_job() {
    let _g = SERIAL.write().unwrap_or_else(|e| e.into_inner());
    let Some((url, _)) = server() else {
        return;
    };
    let mut r = Interpreter::new();
    eval(&mut r, &format!("con <- spark_connect({:?})", url));
    // Ctrl-C sets the interpreter's flag: here, 4 s into a query that would run for hours
    let bell = std::thread::spawn(|| {
        std::thread::sleep(std::time::Duration::from_secs(4));
        rsc::eval::INTERRUPTED.store(true, std::sync::atomic::Ordering::SeqCst);
    });
    let t = std::time::Instant::now();
    let e = fails(
        &mut r,
        "x <- collect(spark_sql(con, 'SELECT sum(hash(id)) AS s FROM range(0, 1000000000000)'))",
    );
    let _ = bell.join();
    rsc::eval::INTERRUPTED.store(false, std::sync::atomic::Ordering::SeqCst);
    assert!(e.contains("interrupted"), "{}", e);
    assert!(t.elapsed().as_secs() < 60, "{:?}", t.elapsed());
    // the job was cancelled in Spark: a query needing the (2) task slots runs at once
    let t = std::time::Instant::now();
    let s: f64 = eval(&mut r, "collect(spark_sql(con, 'SELECT sum(id) AS s FROM range(0, 1000)'))$s")
        .try_into()
        .unwrap();
    assert_eq!(s, 499500.0);
    assert!(t.elapsed().as_secs() < 30, "{:?}", t.elapsed());
}

fn eval(r: &mut Interpreter, code: &str) -> rsc::Value {
    r.eval(code)
        .unwrap_or_else(|e| panic!("{}: {}", code, e.render()))
}

fn text(r: &mut Interpreter, code: &str) -> String {
    let v = eval(
        r,
        &format!("paste(capture.output({}), collapse = \"\\n\")", code),
    );
    v.try_into().expect("string")
}

fn fails(r: &mut Interpreter, code: &str) -> String {
    match r.eval(code) {
        Ok(_) => panic!("{} should fail", code),
        Err(e) => e.render(),
    }
}

#[test]
fn queries_come_back_as_frames() {
    let Some((mut r, _, _g)) = session() else { return };
    eval(
        &mut r,
        "q <- spark_sql(con, \"SELECT id, CAST(id AS DOUBLE) / 4 AS x, \
         CASE WHEN id % 3 = 0 THEN NULL ELSE concat('s', CAST(id AS STRING)) END AS s, \
         id % 2 = 0 AS even, DATE '2024-01-31' + CAST(id AS INT) AS d, \
         CAST(id AS INT) AS i, CAST(id AS DECIMAL(10, 2)) / 8 AS dec \
         FROM range(0, 10)\")",
    );
    let n: f64 = eval(&mut r, "nrow(q)").try_into().unwrap();
    assert_eq!(n, 10.0);
    let names = text(&mut r, "cat(names(q))");
    assert_eq!(names, "id x s even d i dec");
    assert_eq!(text(&mut r, "cat(dim(q))"), "10 7");
    let h = text(&mut r, "print(head(q, 4))");
    let expect = "  id    x    s  even          d i   dec\n\
                  1  0 0.00 <NA>  TRUE 2024-01-31 0 0.000\n\
                  2  1 0.25   s1 FALSE 2024-02-01 1 0.125\n\
                  3  2 0.50   s2  TRUE 2024-02-02 2 0.250\n\
                  4  3 0.75 <NA> FALSE 2024-02-03 3 0.375";
    assert_eq!(h, expect);
    let d = eval(
        &mut r,
        "x <- collect(q); c(sum(x$x), sum(is.na(x$s)), class(x$d) == 'Date', is.integer(x$i))",
    );
    let d: Vec<Option<f64>> = d.try_into().unwrap();
    assert_eq!(d, vec![Some(11.25), Some(4.0), Some(1.0), Some(1.0)]);
    let p = text(&mut r, "print(q)");
    assert!(p.starts_with("<Spark frame> query: SELECT id"), "{}", p);
    assert!(p.contains("10 rows, 7 columns:"), "{}", p);
    assert!(p.contains("  s    <character>"), "{}", p);
}

#[test]
fn parquet_files_and_large_results() {
    let Some((mut r, data, _g)) = session() else {
        return;
    };
    let path = format!("{}/mtcars.parquet", data);
    eval(&mut r, &format!("write_parquet(mtcars, {:?})", path));
    eval(&mut r, &format!("m <- spark_read_parquet(con, {:?})", path));
    assert_eq!(text(&mut r, "cat(nrow(m), ncol(m))"), "32 11");
    let same: bool = eval(&mut r, "isTRUE(all.equal(collect(m)$mpg, mtcars$mpg))")
        .try_into()
        .unwrap();
    assert!(same);
    // many batches: a result larger than one Arrow batch and one HTTP/2 window step
    eval(&mut r, "big <- spark_sql(con, 'SELECT id, id * 0.5 AS h, repeat(\"ab\", 20) AS s FROM range(0, 300000)')");
    let s: f64 = eval(&mut r, "b <- collect(big); sum(b$h) + nrow(b)")
        .try_into()
        .unwrap();
    assert_eq!(s, 0.5 * 299999.0 * 300000.0 / 2.0 + 300000.0);
    let e = fails(
        &mut r,
        "options(rsc.spark.collect.max = 1000); collect(big)",
    );
    assert!(e.contains("more than 1000 rows"), "{}", e);
    let n: f64 = eval(&mut r, "nrow(collect(big, 5))").try_into().unwrap();
    assert_eq!(n, 5.0);
}

#[test]
fn spark_errors_are_r_errors() {
    let Some((mut r, _, _g)) = session() else { return };
    let e = fails(&mut r, "spark_table(con, 'no_such_table_here')");
    assert!(e.contains("Error in spark_table"), "{}", e);
    assert!(e.contains("TABLE_OR_VIEW_NOT_FOUND"), "{}", e);
    let e = fails(&mut r, "spark_sql(con, 'SELEC 1')");
    assert!(e.contains("PARSE_SYNTAX_ERROR"), "{}", e);
    let e = fails(&mut r, "spark_table(con, 'x; drop table y')");
    assert!(e.contains("is not a table name"), "{}", e);
    // the connection still works after errors
    let n: f64 = eval(&mut r, "nrow(spark_sql(con, 'SELECT 1 AS a'))")
        .try_into()
        .unwrap();
    assert_eq!(n, 1.0);
    let e = fails(
        &mut r,
        "collect(spark_sql(con, \"SELECT raise_error('custom failure')\"))",
    );
    assert!(e.contains("custom failure"), "{}", e);
}

#[test]
fn unreachable_servers_fail_fast() {
    let _g = shared();
    let mut r = Interpreter::new();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let t = std::time::Instant::now();
    let e = fails(
        &mut r,
        &format!("spark_connect('sc://127.0.0.1:{}', timeout = 2)", port),
    );
    assert!(e.contains("Error in spark_connect"), "{}", e);
    assert!(e.contains("cannot connect"), "{}", e);
    assert!(t.elapsed().as_secs() < 10);
    let e = fails(&mut r, "spark_connect('http://x')");
    assert!(e.contains("not a Spark Connect address"), "{}", e);
}

/// Coefficients, standard errors and the relative gap between two fits' vectors.
fn max_rel(r: &mut Interpreter, a: &str, b: &str) -> f64 {
    eval(
        r,
        &format!("max(abs(({a}) - ({b})) / pmax(abs({a}), 1e-300))"),
    )
    .try_into()
    .unwrap()
}

#[test]
fn lm_on_longley_equals_the_in_memory_fit() {
    let Some((mut r, data, _g)) = session() else {
        return;
    };
    let path = format!("{}/longley.parquet", data);
    eval(&mut r, &format!("write_parquet(longley, {:?})", path));
    eval(
        &mut r,
        "d <- longley; f1 <- lm(Employed ~ ., data = d); s1 <- capture.output(print(summary(f1)))",
    );
    eval(
        &mut r,
        &format!(
            "d <- spark_read_parquet(con, {:?}); f2 <- lm(Employed ~ ., data = d)",
            path
        ),
    );
    assert!(max_rel(&mut r, "coef(f1)", "coef(f2)") < 1e-6);
    assert!(max_rel(&mut r, "sqrt(diag(vcov(f1)))", "sqrt(diag(vcov(f2)))") < 1e-6);
    let s2: String = eval(
        &mut r,
        "s2 <- capture.output(print(summary(f2))); paste(s2, collapse = '\\n')",
    )
    .try_into()
    .unwrap();
    let s1: String = eval(&mut r, "paste(s1, collapse = '\\n')")
        .try_into()
        .unwrap();
    assert_eq!(s1, s2);
    // the methods of a fit object work on it
    assert!(max_rel(&mut r, "confint(f1)", "confint(f2)") < 1e-6);
    assert!(
        max_rel(
            &mut r,
            "c(AIC(f1), BIC(f1), logLik(f1))",
            "c(AIC(f2), BIC(f2), logLik(f2))"
        ) < 1e-9
    );
    assert!(
        max_rel(
            &mut r,
            "predict(f1, longley[1:3, ])",
            "predict(f2, longley[1:3, ])"
        ) < 1e-9
    );
    let a1: String = eval(&mut r, "paste(capture.output(anova(f1)), collapse = '\\n')")
        .try_into()
        .unwrap();
    let a2: String = eval(&mut r, "paste(capture.output(anova(f2)), collapse = '\\n')")
        .try_into()
        .unwrap();
    assert_eq!(a1, a2);
}

#[test]
fn lm_on_generated_data_to_1e9() {
    let Some((mut r, data, _g)) = session() else {
        return;
    };
    let path = format!("{}/gen.parquet", data);
    eval(
        &mut r,
        &format!(
            "set.seed(1); n <- 20000; g <- data.frame(x1 = rnorm(n, 50, 5), x2 = runif(n), x3 = rexp(n)); \
             g$f <- sample(c(\"north\", \"east\", \"south\"), n, TRUE); \
             g$y <- 3 + 0.5 * g$x1 - 2 * g$x2 + g$x3 * g$x2 + (g$f == \"east\") + rnorm(n); \
             g$x3[c(5, 17)] <- NA; g$f[9] <- NA; \
             write_parquet(g, {:?})",
            path
        ),
    );
    eval(
        &mut r,
        "f1 <- lm(y ~ x1 + x2 * x3 + log(x3 + 1) + I(x1^2) + f, data = g)",
    );
    eval(&mut r, &format!("t <- spark_read_parquet(con, {:?}); f2 <- lm(y ~ x1 + x2 * x3 + log(x3 + 1) + I(x1^2) + f, data = t)", path));
    let rel = max_rel(&mut r, "coef(f1)", "coef(f2)");
    assert!(rel < 1e-9, "relative error {}", rel);
    assert!(max_rel(&mut r, "sqrt(diag(vcov(f1)))", "sqrt(diag(vcov(f2)))") < 1e-9);
    let same: bool = eval(&mut r, "identical(names(coef(f1)), names(coef(f2))) && nobs(f1) == nobs(f2) && df.residual(f1) == df.residual(f2)")
        .try_into()
        .unwrap();
    assert!(same);
    // the printed summary, but for the call's data name (3 rows omitted for NAs)
    let same: bool = eval(
        &mut r,
        "identical(capture.output(summary(f1))[-3], capture.output(summary(f2))[-3])",
    )
    .try_into()
    .unwrap();
    assert!(
        same,
        "{}",
        text(&mut r, "{ a <- capture.output(summary(f1))[-3]; b <- capture.output(summary(f2))[-3]; print(a[a != b]); print(b[a != b]) }")
    );
    let e = fails(&mut r, "lm(y ~ nope, data = t)");
    assert!(e.contains("nope"), "{}", e);
}
