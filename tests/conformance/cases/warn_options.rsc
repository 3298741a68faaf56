# options(warn =): warnings kept, dropped, printed at once or turned into errors
f <- function(n) { for (i in seq_len(n)) warning(paste("w", i)); n }
x <- f(3)
print(warnings())
options(warn = 2)
r <- tryCatch(f(1), error = function(e) conditionMessage(e))
print(r)
r <- try(f(2), silent = TRUE)
cat(r)
options(warn = -1)
print(f(5))
options(warn = 0)
print(suppressWarnings(f(2)))
g <- function() { warning("only one"); "done" }
y <- g()
w <- warnings()
print(class(w))
print(names(w))
print(length(w))
