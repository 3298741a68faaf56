# proj: projections onto the terms of lm and aov fits
fit <- lm(breaks ~ wool + tension, warpbreaks)
p <- proj(fit)
head(round(p, 5))
attr(p, "df")
colSums(p^2)
a <- aov(yield ~ N + P + K, npk)
round(proj(a)[1:6, ], 5)
