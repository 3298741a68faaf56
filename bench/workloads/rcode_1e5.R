# R-level code as users write it, 1e5 calls of small R functions each: the apply family
# over closures, Map/Reduce/do.call, a list and a vector grown in a loop with `[[<-` and
# `$<-`, a closure keeping state, recursion and a while loop. Each step is timed alone
# (`op_seconds: NAME S`) and prints a digest that both engines must print identically.
n <- 1e5
set.seed(26)
x <- rnorm(n)
w <- sample.int(100L, n, TRUE)
op <- function(label, expr) {
  f <- substitute(expr)
  e <- parent.frame()
  t0 <- proc.time()[["elapsed"]]
  v <- eval(f, e)
  cat("op_seconds:", label, proc.time()[["elapsed"]] - t0, "\n")
  v
}
scale_by <- function(k) function(v) v * k + 1
triple <- scale_by(3)
r <- op("lapply_closure", lapply(x, triple))
cat("lapply_closure", format(sum(unlist(r)), digits = 9), "\n")
r <- op("sapply_anon", sapply(w, function(i) if (i %% 2L == 0L) i %/% 2L else 3L * i + 1L))
cat("sapply_anon", sum(r), "\n")
r <- op("vapply_dbl", vapply(seq_len(n), function(i) x[i] * w[i], numeric(1)))
cat("vapply_dbl", format(sum(r), digits = 9), "\n")
r <- op("Map_two", Map(function(a, b) a + b, x, w))
cat("Map_two", format(sum(unlist(r)), digits = 9), "\n")
r <- op("Reduce_acc", Reduce(function(acc, v) acc + v * v, x, accumulate = TRUE))
cat("Reduce_acc", format(r[n], digits = 9), length(r), "\n")
r <- op("do_call_rbind", do.call(rbind, lapply(1:2000, function(i) c(i, i^2))))
cat("do_call_rbind", dim(r), sum(r), "\n")
r <- op("list_grow", {
  out <- list()
  for (i in 1:20000) out[[i]] <- list(id = i, sq = i * i)
  out
})
cat("list_grow", length(r), r[[20000]]$sq, "\n")
r <- op("dollar_assign", {
  st <- list(count = 0L, total = 0)
  for (v in x) {
    st$count <- st$count + 1L
    st$total <- st$total + v
  }
  st
})
cat("dollar_assign", r$count, format(r$total, digits = 9), "\n")
make_counter <- function() {
  i <- 0L
  function() {
    i <<- i + 1L
    i
  }
}
r <- op("closure_state", {
  cnt <- make_counter()
  for (j in 1:n) cnt()
  cnt()
})
cat("closure_state", r, "\n")
r <- op("recursion", {
  depth <- function(v, k) if (k == 0L) v else depth(v + k, k - 1L)
  s <- 0
  for (j in 1:2000) s <- s + depth(0, 50L)
  s
})
cat("recursion", r, "\n")
r <- op("while_loop", {
  i <- 0L
  acc <- 0
  while (i < n) {
    i <- i + 1L
    if (w[i] > 50L) acc <- acc + x[i] else acc <- acc - 1
  }
  acc
})
cat("while_loop", format(r, digits = 9), "\n")
