# text columns from read.csv used straight in models: NA and empty strings, levels in
# collation order, a column changed after reading, an unseen level in newdata
f <- tempfile(fileext = ".csv")
set.seed(3)
n <- 40
g <- sample(c("b", "a", "C", "d e"), n, replace = TRUE)
g[c(4, 17)] <- NA
h <- sample(c("", "u", "v"), n, replace = TRUE)
x <- round(rnorm(n), 3)
y <- round(1 + 2 * x + (g == "a") - 0.5 * (h == "u") + rnorm(n, sd = 0.3), 3)
id <- sprintf("id%03d", seq_len(n))
write.csv(data.frame(y, x, g, h, id), f, row.names = FALSE)
d <- read.csv(f)
str(d)
table(d$g, useNA = "ifany")
fit <- lm(y ~ x + g + h, data = d)
coef(fit)
nobs(fit)
fit$xlevels
anova(fit)
d$g[1:3] <- "zz"
table(d$g, useNA = "ifany")
coef(lm(y ~ g, data = d))
nd <- data.frame(x = 0, g = "q", h = "u")
tryCatch(predict(fit, nd), error = function(e) cat("Error:", conditionMessage(e), "\n"))
length(unique(d$id))
d$id[c(1, n)]
aggregate(y ~ h, data = d, FUN = length)
