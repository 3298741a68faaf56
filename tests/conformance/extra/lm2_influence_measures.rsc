fit <- lm(dist ~ speed, data = cars[1:12, ])
influence.measures(fit)
dfbeta(fit)[1:3, ]
dfbetas(fit)[1:3, ]
dffits(fit)[1:3]
covratio(fit)[1:3]
fit2 <- lm(mpg ~ wt + factor(cyl), data = mtcars[1:15, ])
im <- influence.measures(fit2)
im
