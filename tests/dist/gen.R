# Generates tests/dist/values.csv: reference values from GNU R for the distribution kernels.
# Run from the repository root:  Rscript tests/dist/gen.R
set.seed(1)
rows <- list()
emit <- function(fn, a, lower = TRUE, logp = FALSE, val) {
  a <- c(a, rep(NA, 4 - length(a)))
  rows[[length(rows) + 1L]] <<- sprintf("%s,%s,%s,%s,%s,%d,%d,%s", fn,
    sprintf("%.17g", a[1]), sprintf("%.17g", a[2]), sprintf("%.17g", a[3]), sprintf("%.17g", a[4]),
    as.integer(lower), as.integer(logp), sprintf("%.17g", val))
}
# p-functions: all four tail/log combinations; q-functions: inverse of computed probabilities
pq <- function(name, xs, pars) {
  pf <- get(paste0("p", name)); qf <- get(paste0("q", name)); df <- get(paste0("d", name))
  for (pr in pars) for (x in xs) {
    args <- c(list(x), as.list(pr))
    emit(paste0("d", name), c(x, pr), TRUE, FALSE, do.call(df, args))
    emit(paste0("d", name), c(x, pr), TRUE, TRUE, do.call(df, c(args, log = TRUE)))
    for (lt in c(TRUE, FALSE)) for (lg in c(FALSE, TRUE)) {
      emit(paste0("p", name), c(x, pr), lt, lg, do.call(pf, c(args, lower.tail = lt, log.p = lg)))
    }
  }
  ps <- c(1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999)
  for (pr in pars) for (p in ps) for (lt in c(TRUE, FALSE)) {
    emit(paste0("q", name), c(p, pr), lt, FALSE, do.call(qf, c(list(p), as.list(pr), lower.tail = lt)))
    emit(paste0("q", name), c(log(p), pr), lt, TRUE, do.call(qf, c(list(log(p)), as.list(pr), lower.tail = lt, log.p = TRUE)))
  }
}
pq("norm", c(-40, -38, -30, -20, -10, -5.5, -3, -1.96, -1, -0.5, -0.1, 0, 0.3, 0.66, 1, 2, 5, 8, 10, 37),
   list(c(0, 1), c(1, 2), c(-3, 0.1)))
pq("t", c(-1e10, -1e5, -400, -40, -10, -3, -1, -0.2, 0, 0.5, 1.5, 2.5, 7, 30, 200),
   list(1, 2, 3, 5.5, 10, 30, 100, 1e4, 0.5))
pq("chisq", c(1e-10, 0.001, 0.1, 0.5, 1, 2, 3.84, 5, 10, 20, 50, 100, 300, 1000),
   list(0.5, 1, 2, 3, 7.5, 10, 50, 200))
pq("f", c(1e-5, 0.01, 0.2, 0.5, 1, 1.5, 3, 4.2, 10, 50, 1000),
   list(c(1, 1), c(2, 20), c(3, 10), c(5, 2.5), c(10, 100), c(50, 7)))
pq("gamma", c(1e-20, 1e-5, 0.01, 0.3, 1, 2, 5, 10, 30, 100, 1000),
   list(c(0.01, 1), c(0.1, 1), c(0.5, 2), c(1, 1), c(2.5, 0.5), c(10, 1), c(100, 1), c(1000, 1)))
pq("beta", c(1e-10, 1e-4, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.9999),
   list(c(0.5, 0.5), c(1, 1), c(2, 3), c(0.1, 5), c(10, 10), c(50, 2), c(200, 300), c(1e3, 1e4)))
pq("exp", c(0, 1e-10, 0.01, 0.5, 1, 3, 10, 50, 500), list(1, 2, 0.1))
pq("lnorm", c(1e-10, 0.01, 0.5, 1, 2, 10, 1000), list(c(0, 1), c(1, 0.5)))
pq("weibull", c(1e-5, 0.1, 0.5, 1, 2, 5, 20), list(c(1, 1), c(2, 3), c(0.5, 1)))
pq("logis", c(-800, -40, -5, -1, 0, 0.5, 3, 30, 700), list(c(0, 1), c(2, 0.5)))
pq("cauchy", c(-1e10, -100, -2, -1, -0.5, 0, 0.3, 1, 5, 1e6), list(c(0, 1), c(-1, 3)))
pq("unif", c(-1, 0, 0.2, 0.5, 0.99, 1, 3), list(c(0, 1), c(-2, 5)))
# discrete families: x on the support
dq <- function(name, xs, pars) pq(name, xs, pars)
dq("binom", c(0, 1, 2, 3, 5, 10, 20, 50, 100, 400, 1000, 4000, 9999),
   list(c(10, 0.5), c(20, 0.1), c(100, 0.3), c(1000, 0.01), c(10000, 0.41), c(1e6, 0.002)))
dq("pois", c(0, 1, 2, 3, 5, 10, 20, 50, 100, 1000, 1e5), list(0.5, 3, 10, 100, 1e4, 1e5))
dq("geom", c(0, 1, 2, 5, 10, 100, 1000), list(0.5, 0.1, 0.001, 0.9))
dq("nbinom", c(0, 1, 2, 5, 10, 50, 100, 1000), list(c(1, 0.5), c(3.5, 0.2), c(10, 0.9), c(100, 0.05)))
dq("hyper", c(0, 1, 2, 3, 5, 8, 10, 20, 50), list(c(20, 30, 12), c(10, 7, 8), c(100, 200, 60), c(1000, 500, 300)))
writeLines(unlist(rows), "tests/dist/values.csv")
