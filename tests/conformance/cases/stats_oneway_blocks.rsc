# oneway.test, friedman.test, quade.test
oneway.test(weight ~ group, PlantGrowth, var.equal = TRUE)
oneway.test(weight ~ group, PlantGrowth)
oneway.test(len ~ supp, data = ToothGrowth)
m <- matrix(c(5.4, 5.5, 5.55, 5.85, 5.7, 5.75, 5.2, 5.6, 5.5, 5.55, 5.5, 5.4, 5.9, 5.85,
              5.7, 5.45, 5.55, 5.6, 5.4, 5.4, 5.35, 5.45, 5.5, 5.35, 5.25, 5.15, 5.0),
            9, 3, byrow = TRUE)
friedman.test(m)
quade.test(m)
y <- c(3, 5, 2, 4, 6, 3, 5, 7, 4, 2, 4, 3)
g <- factor(rep(c("a", "b", "c"), 4))
b <- factor(rep(1:4, each = 3))
friedman.test(y, g, b)
quade.test(y, g, b)
d <- data.frame(y, g, b)
friedman.test(y ~ g | b, data = d)
