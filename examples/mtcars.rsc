# A first look at R's mtcars data set, then a linear model.
head(mtcars)
summary(mtcars$mpg)
fit <- lm(mpg ~ wt + hp, data = mtcars)
summary(fit)
