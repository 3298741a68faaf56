# Generates tests/rng/streams.txt: R's random streams for many seeds.
# Run from the repository root with: Rscript tests/rng/gen.R
# Format: "E<TAB>id<TAB>expression" lines, then "seed<TAB>id<TAB>values" lines
# (doubles with 17 significant digits, integers as they are).
exprs <- c(
  "runif(5)",
  "rnorm(5)",
  "rexp(5)",
  "sample(10)",
  "sample(100, 5, replace = TRUE)",
  "rbinom(5, 10, 0.3)",
  "rbinom(5, 1000, 0.4)",
  "rbinom(5, 200, 0.8)",
  "rpois(5, 3)",
  "rpois(5, 100)",
  "rgamma(5, 0.5)",
  "rgamma(5, 2.5, 3)",
  "rgamma(5, 20)",
  "rbeta(5, 0.5, 0.7)",
  "rbeta(5, 2, 3)",
  "rt(5, 5)",
  "rchisq(5, 3)",
  "rgeom(5, 0.2)",
  "rnbinom(5, 3, 0.4)",
  "rnbinom(5, size = 2, mu = 10)",
  "rlogis(5)",
  "rweibull(5, 2, 3)",
  "rlnorm(5)",
  "rcauchy(5)",
  "sample(5, 10, replace = TRUE, prob = c(0.1, 0.2, 0.3, 0.2, 0.2))",
  "sample(300, 5, replace = TRUE, prob = 1:300)",
  "sample(10, 4, prob = 1:10)",
  "rpois(5, c(1, 15, 0.5, 40, 8))",
  "rbinom(6, c(5, 50, 500), c(0.1, 0.5, 0.9))",
  "sample(1e8, 3)",
  "rf(5, 3, 7)",
  "sample(letters, 5)",
  "rnorm(3, c(0, 100, 1000), c(1, 0.5, 2))",
  "rexp(4, c(0.5, 2))",
  "rbinom(5, 100000, 0.3)",
  "rbinom(5, 60, 0.5)",
  "rbinom(5, 75, 0.45)",
  "rpois(5, 10)",
  "rpois(5, 12.5)",
  "rpois(5, 1e6)",
  "rgamma(5, 1)",
  "rgamma(5, 5)",
  "rgamma(5, 0.01)",
  "rgamma(5, 100, scale = 2)",
  "rbeta(5, 0.2, 0.2)",
  "rbeta(5, 5, 0.5)",
  "rbeta(5, 50, 80)",
  "rt(5, 0.5)",
  "rt(5, Inf)",
  "rt(5, 3, ncp = 1)",
  "rchisq(5, 2, ncp = 1.5)",
  "rnbinom(5, 0.5, 0.1)",
  "rnbinom(5, 100, mu = 3)",
  "rweibull(5, 0.5)",
  "sample(2000, 5, replace = TRUE, prob = rep(1, 2000))",
  "sample(1000, 10, prob = rep(1:4, 250))",
  "sample(20, 6, replace = TRUE, prob = rep(1:2, 10))",
  "sample(3e9, 2)",
  "sample(3e9, 3, replace = TRUE)",
  "sample(2^31, 2)",
  "runif(3, -5, c(0, 10))",
  "rlogis(3, 2, c(1, 0.5))",
  "rcauchy(3, 1, 2)",
  "rnorm(3, c(1, NA, 3))",
  "rpois(3, c(2, -1, 4))",
  "sample(c(a = 1, b = 2, c = 3))",
  "sample(100, 100)",
  "rhyper(5, 10, 7, 8)",
  "rhyper(5, 3, 200, 20)",
  "rhyper(5, 500, 600, 400)",
  "rhyper(5, 5000, 3000, 2500)",
  "rhyper(5, 300, 100, 350)"
)
seeds <- c(1:250, -(1:20), round(seq(-2147483647, 2147483647, length.out = 80)))
out <- file("tests/rng/streams.txt", "w")
for (i in seq_along(exprs)) writeLines(paste("E", i, exprs[i], sep = "\t"), out)
fmt <- function(x) {
  if (is.character(x)) return(paste(x, collapse = " "))
  if (is.integer(x)) return(paste(x, collapse = " "))
  if (!is.null(names(x))) x <- unname(x)
  paste(sprintf("%.17g", x), collapse = " ")
}
for (s in seeds) {
  for (i in seq_along(exprs)) {
    set.seed(s)
    x <- suppressWarnings(eval(parse(text = exprs[i])))
    writeLines(paste(s, i, fmt(x), sep = "\t"), out)
  }
}
close(out)
