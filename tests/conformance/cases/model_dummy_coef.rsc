# dummy.coef: coefficients expanded to every factor level, and its printing
fit <- lm(breaks ~ wool + tension, warpbreaks)
dummy.coef(fit)
dummy.coef(lm(mpg ~ wt + factor(cyl), mtcars))
dummy.coef(lm(breaks ~ wool * tension, warpbreaks))
d <- dummy.coef(fit)
class(d)
d$tension
