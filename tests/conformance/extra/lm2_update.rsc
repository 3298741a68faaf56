fit <- lm(mpg ~ wt, data = mtcars)
fit2 <- update(fit, . ~ . + hp)
fit2
fit3 <- update(fit2, . ~ . - wt)
formula(fit3)
fit4 <- update(fit, log(.) ~ .)
coef(fit4)
anova(fit, fit2)
fit5 <- update(fit2, data = mtcars[mtcars$cyl > 4, ])
fit5
