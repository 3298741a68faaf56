prop.test(c(15, 25), c(50, 50))
prop.test(30, 100)
prop.test(30, 100, p = 0.4, alternative = "less", correct = FALSE)
prop.test(c(15, 25, 30), c(50, 50, 60))
r <- prop.test(c(83, 90), c(86, 93), alternative = "greater")
r$p.value
r$conf.int
