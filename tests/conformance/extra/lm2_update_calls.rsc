fit <- lm(mpg ~ wt, data = mtcars)
update(fit, . ~ . + hp, evaluate = FALSE)
coef(update(fit))
g <- glm(am ~ wt, family = binomial, data = mtcars)
g2 <- update(g, . ~ . + hp)
coef(g2)
g2$call
f <- function(dd) { m <- lm(mpg ~ wt, data = dd); update(m, . ~ . + qsec) }
coef(f(mtcars[1:20, ]))
update(fit, subset = cyl == 4)$call
update(fit, weights = hp)$call
update(fit, formula = . ~ . - 1)$call
