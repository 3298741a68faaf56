# tools::assertError, assertWarning and assertCondition
tools::assertError(stop("boom"))
tools::assertWarning(as.integer("x"))
r <- tools::assertCondition(warning("w1"), "warning")
class(r[[1]])
res <- tryCatch(tools::assertError(1 + 1), error = conditionMessage)
res
res <- tryCatch(tools::assertWarning(log(-1:1) + stop("no")), error = conditionMessage)
res
tools::assertCondition(message("hello"), "message")
tools::assertError(sqrt("a"), verbose = TRUE)
