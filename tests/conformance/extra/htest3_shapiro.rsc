shapiro.test(mtcars$mpg)
shapiro.test(iris$Sepal.Width)
shapiro.test(c(1, 2, 4))
shapiro.test(PlantGrowth$weight)
shapiro.test(c(2.1, 3.5, 1.9, 4.8, 2.2, 3.9, 5.1, 2.8, 3.3, 4.0))
shapiro.test(ToothGrowth$len)
shapiro.test(log(airquality$Ozone))
r <- shapiro.test(faithful$eruptions)
names(r)
r$statistic
r$p.value
