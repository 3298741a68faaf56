# multi-stratum analysis of variance with an Error() term
fit <- aov(yield ~ N * P * K + Error(block), data = npk)
fit
summary(fit)
names(fit)
fit2 <- aov(yield ~ N + K + Error(block), data = npk)
summary(fit2)
