cor.test(~ mpg + wt, data = mtcars)
cor.test(~ Sepal.Length + Petal.Length, data = iris, alternative = "greater", conf.level = 0.9)
