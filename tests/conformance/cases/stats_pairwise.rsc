# pairwise.t.test, pairwise.wilcox.test, pairwise.prop.test and their printing
Month <- factor(airquality$Month, labels = month.abb[5:9])
Ozone <- airquality$Ozone
pairwise.t.test(Ozone, Month)
pairwise.t.test(Ozone, Month, p.adjust.method = "bonf")
pairwise.t.test(Ozone, Month, pool.sd = FALSE)
pairwise.wilcox.test(Ozone, Month, exact = FALSE)
smokers <- c(83, 90, 129, 70)
patients <- c(86, 93, 136, 82)
pairwise.prop.test(smokers, patients)
r <- pairwise.t.test(PlantGrowth$weight, PlantGrowth$group, p.adjust.method = "BH")
class(r)
r$p.value
