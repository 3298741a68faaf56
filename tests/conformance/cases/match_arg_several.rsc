# match.arg: NULL picks the first choice; several.ok = TRUE matches each element
pick <- function(kind = c("linear", "quadratic", "cubic")) match.arg(kind)
pick()
pick(NULL)
pick("quad")
r <- tryCatch(pick("c"), error = conditionMessage)
r
match.arg(c("lin", "cub"), c("linear", "quadratic", "cubic"), several.ok = TRUE)
match.arg(c("x", "", "qu"), c("linear", "quadratic", "cubic"), several.ok = TRUE)
r <- tryCatch(match.arg(c("x", "y"), c("ab", "cd"), several.ok = TRUE), error = conditionMessage)
r
r <- tryCatch(match.arg(c("ab", "cd"), c("ab", "cd", "ef")), error = conditionMessage)
r
