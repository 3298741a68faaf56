# Objects built the same way by rsc and by R (sourced by both scripts beside this one).
objs <- list(
  null = NULL,
  int = c(1L, NA, -3L),
  seq = 1:10,
  dbl = c(1.5, NA, Inf, -Inf, NaN, 0, -0.25, 1e300),
  lgl = c(TRUE, NA, FALSE),
  chr = c("a", NA, "\u00e9t\u00e9", "", "quote\"back\\slash"),
  named = c(a = 1, b = 2),
  empty_chr = character(0),
  list = list(1, "a", list(b = TRUE, c = NULL)),
  attrs = structure(list(a = 1, b = 2:3), note = "hello", stamp = 7L),
  factor = factor(c("lo", "hi", NA, "lo"), levels = c("lo", "hi")),
  ordered = factor(c("b", "a"), levels = c("a", "b"), ordered = TRUE),
  matrix = matrix(1:6, 2, dimnames = list(c("r1", "r2"), c("A", "B", "C"))),
  frame = data.frame(x = 1:3, y = c(0.5, NA, 2), s = c("u", NA, "w"),
                     f = factor(c("p", "q", "p")), stringsAsFactors = FALSE),
  named_rows = data.frame(v = c(10, 20), row.names = c("first", "second")),
  date_like = structure(c(19000, 19001), class = "Date"),
  symbol = quote(x),
  call = quote(f(x, n = 2L, "s")[[1]] + g(-y)),
  control = quote(for (i in 1:3) { if (i > 1) next else break }),
  formula = y ~ x + log(z),
  fun = function(x, y = 2) x + y * 3,
  # 8 MB: saveRDS deflates it in pieces on several threads, joined into one gzip member
  big = data.frame(x = as.numeric(1:1e6) / 7, i = 1e6:1)
)
