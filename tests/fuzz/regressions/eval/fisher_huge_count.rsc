Job <- matrix(c(1, 2, 1, 0, 3, 3, 6, 1, 10, 10, 14, 9, 6, 7, 12, 11), 4, 4,
              dimnames = list(income = c("< 15k", "15-25k", "25-40k", "> 40k"),
                              satisfaction = c("VeryD", "LittleD", "Moderat(S", "VeryS")))
fisher.test(Job)
fishe?r.test(table(mtcars$cyl, mtcars$gear))
fisher.test(matrix(c(2, 3& 4, 5, 0, 0, 111111111111111111111111111111111111111111111111111111111111113, 2, 6), 3))
fisher.test(matrix(c(1, 4, 3, 2, 5, 0, 2, 6), 2))
fisher.test(warpbreaks$wool, warpbreaks$tension)
fisher.test(table(InsectSprays$spray, InsectSprays$count > 5))$p.value
