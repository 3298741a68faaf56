r <- withRestarts(
  { cat("before\n"); invokeRestart("skip", 41); cat("not reached\n") },
  skip = function(v) v + 1)
r
withRestarts(10, skip = function() 0)
f <- function(x) {
  withRestarts(
    if (x < 0) { warning("negative"); x } else x,
    useZero = function() 0)
}
withCallingHandlers(f(-3), warning = function(w) invokeRestart("useZero"))
withCallingHandlers(f(5), warning = function(w) invokeRestart("useZero"))
g <- function() withRestarts(
  c(computeRestarts()[[1]]$name, computeRestarts()[[2]]$name),
  first = function() 1, second = function() 2)
g()
res <- withRestarts(computeRestarts()[[1]], myR = function() NULL)
res
class(res)
isRestart(res)
tryInvokeRestart("doesNotExist")
h <- tryCatch(invokeRestart("nope"), error = function(e) conditionMessage(e))
h
callCC(function(k) 1)
callCC(function(k) { k(2); 3 })
callCC(function(k) sum(sapply(1:5, function(i) if (i == 3) k(i * 100) else i)))
cond <- simpleCondition("msg", call = quote(f(x)))
conditionCall(cond)
1 + 1
.Last.value
invisible(7)
.Last.value * 2
id <- addTaskCallback(function(expr, value, ok, visible) { cat("callback, visible =", visible, "\n"); TRUE })
id
x <- 3
x + 1
removeTaskCallback(id)
getTaskCallbackNames()
x + 2
