bartlett.test(breaks ~ tension, data = warpbreaks)
bartlett.test(InsectSprays$count, InsectSprays$spray)
bartlett.test(list(PlantGrowth$weight[1:10], PlantGrowth$weight[11:20], PlantGrowth$weight[21:30]))
bartlett.test(len ~ supp, data = ToothGrowth)
kruskal.test(Ozone ~ Month, data = airquality)
kruskal.test(weight ~ group, data = PlantGrowth)
kruskal.test(list(c(2.9, 3.0, 2.5, 2.6, 3.2), c(3.8, 2.7, 4.0, 2.4), c(2.8, 3.4, 3.7, 2.2, 2.0)))
kruskal.test(chickwts$weight, chickwts$feed)
r <- kruskal.test(count ~ spray, data = InsectSprays)
r$statistic
r$parameter
