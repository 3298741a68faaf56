# step for lm (backward, forward with scope, k) and glm; drop1/add1/extractAIC for glm
fit <- lm(mpg ~ wt + hp + qsec + drat, mtcars)
s <- step(fit)
s$anova
s2 <- step(lm(mpg ~ 1, mtcars), scope = ~ wt + hp + qsec + cyl, direction = "forward")
coef(s2)
s3 <- step(lm(mpg ~ wt, mtcars), scope = list(lower = ~ wt, upper = ~ wt + hp + qsec),
           trace = 0, k = log(32))
s3$anova
g <- glm(vs ~ mpg + wt + drat, binomial, mtcars)
extractAIC(g)
drop1(g)
drop1(g, test = "Chisq")
add1(glm(vs ~ mpg, binomial, mtcars), ~ mpg + wt + drat)
pg <- glm(breaks ~ wool + tension, poisson, warpbreaks)
drop1(pg, test = "LRT")
gs <- step(g)
gs$anova
