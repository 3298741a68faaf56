fit <- lm(weight ~ group, data = PlantGrowth, contrasts = list(group = "contr.sum"))
coef(fit)
fit2 <- lm(weight ~ group, data = PlantGrowth, contrasts = list(group = "contr.helmert"))
coef(fit2)
