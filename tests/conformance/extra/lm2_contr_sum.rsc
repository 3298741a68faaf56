fit <- lm(weight ~ group, data = PlantGrowth, contrasts = list(group = "contr.sum"))
summary(fit)
fit$contrasts
mm <- model.matrix(fit)
mm[c(1, 11, 21), ]
attr(mm, "contrasts")
