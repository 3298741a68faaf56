# Part two of the round trip: R reads what rsc wrote and compares with its own objects.
dir <- commandArgs(trailingOnly = TRUE)[1]
source("objects.R")
ok <- TRUE
same <- function(a, b) identical(a, b, ignore.environment = TRUE, ignore.bytecode = TRUE,
                                 ignore.srcref = TRUE)
for (n in names(objs)) {
  got <- readRDS(file.path(dir, paste0(n, ".rds")))
  res <- same(got, objs[[n]])
  if (!res) { ok <- FALSE; cat("DIFFERENT:", n, "\n"); str(got); str(objs[[n]]) }
}
for (n in c("frame_plain", "frame_v2"))
  if (!same(readRDS(file.path(dir, paste0(n, ".rds"))), objs$frame)) { ok <- FALSE; cat("DIFFERENT:", n, "\n") }
e <- new.env()
load(file.path(dir, "objs.RData"), envir = e)
if (!same(e$a, objs$named) || !same(e$b, objs$frame)) { ok <- FALSE; cat("DIFFERENT: objs.RData\n") }
fit <- readRDS(file.path(dir, "lm.rds"))
ref <- lm(mpg ~ wt + factor(cyl), data = mtcars)
s1 <- capture.output(print(summary(fit))); s2 <- capture.output(print(summary(ref)))
if (!identical(s1, s2)) { ok <- FALSE; cat("DIFFERENT: summary of the lm fit\n"); print(s1) }
p1 <- predict(fit, newdata = data.frame(wt = 3, cyl = 6)); p2 <- predict(ref, newdata = data.frame(wt = 3, cyl = 6))
if (!isTRUE(all.equal(p1, p2))) { ok <- FALSE; cat("DIFFERENT: predict on the lm fit\n") }
g <- readRDS(file.path(dir, "glm.rds"))
gref <- glm(am ~ wt, family = binomial, data = mtcars)
c1 <- capture.output(print(coef(summary(g)))); c2 <- capture.output(print(coef(summary(gref))))
if (!identical(c1, c2)) { ok <- FALSE; cat("DIFFERENT: summary of the glm fit\n"); print(c1) }
q1 <- predict(g, newdata = data.frame(wt = 3), type = "response")
q2 <- predict(gref, newdata = data.frame(wt = 3), type = "response")
if (!isTRUE(all.equal(q1, q2))) { ok <- FALSE; cat("DIFFERENT: predict on the glm fit\n") }
cat(if (ok) "all identical\n" else "some differ\n")
quit(status = if (ok) 0 else 1)
