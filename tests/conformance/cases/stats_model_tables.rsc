# model.tables and se.contrast for aov fits
fit <- aov(breaks ~ wool + tension, data = warpbreaks)
model.tables(fit)
model.tables(fit, "means", se = TRUE)
fit2 <- aov(breaks ~ wool * tension, data = warpbreaks)
mt <- model.tables(fit2, "means")
mt
mt$n
round(mt$tables$"wool:tension", 3)
model.tables(fit2, se = TRUE)
model.tables(fit2, "means", cterms = "tension")
f3 <- aov(yield ~ N * P + K, data = npk)
model.tables(f3, "means", se = TRUE)
# unbalanced: replications shown beside the means
wb <- warpbreaks[-c(1, 2, 30), ]
u <- aov(breaks ~ wool + tension, data = wb)
model.tables(u, "means")
# standard errors of contrasts between groups of observations
se.contrast(fit, list(warpbreaks$tension == "L", warpbreaks$tension == "H"))
se.contrast(fit2, list(warpbreaks$wool == "A", warpbreaks$wool == "B"), data = warpbreaks)
cm <- cbind(L_vs_M = (warpbreaks$tension == "L") / 18 - (warpbreaks$tension == "M") / 18,
            A_vs_B = (warpbreaks$wool == "A") / 27 - (warpbreaks$wool == "B") / 27)
se.contrast(fit2, cm)
# multi-stratum fits
fa <- aov(yield ~ N * P * K + Error(block), data = npk)
model.tables(fa, se = TRUE)
model.tables(fa, "means")
pr <- proj(fa)
names(pr)
round(pr[["Within"]][1:4, ], 4)
round(pr[["block"]][1:3, ], 4)
eff.aovlist(fa)
dummy.coef(fa)
d <- data.frame(block = factor(rep(1:8, each = 2)),
                A = factor(c(1, 2, 1, 2, 1, 1, 2, 2, 1, 2, 1, 2, 1, 2, 1, 2)),
                B = factor(c(1, 2, 2, 1, 1, 2, 1, 2, 1, 1, 2, 2, 1, 2, 2, 1)))
set.seed(7)
d$y <- round(rnorm(16, 10) + as.numeric(d$A) + 0.5 * as.numeric(d$block), 2)
eff.aovlist(aov(y ~ A * B + Error(block), data = d))
se.contrast(fa, list(N == "0", N == "1"), data = npk)
cm2 <- cbind(N = c(-1, 1)[npk$N] / 24, PK = c(-1, 1)[npk$P] * c(-1, 1)[npk$K] / 24)
se.contrast(fa, cm2)
# several responses
fm <- aov(cbind(breaks, log(breaks)) ~ wool + tension, data = warpbreaks)
class(fm)
fm
