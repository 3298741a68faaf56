Job <- matrix(c(1, 2, 1, 0, 314, 9, 6, 7, 12, 11), 4, 4,
              dimnames = list(income = c("< 15k", "15-25k", "25-40k", "> 40k"),
                              satisfaction = c("VeryD", "LittleD", "ModerateS", "VeryS")))
fisher.test(Job)
fisher.test(table(mtcars$cyl, mtcars$gear))
fisher.test(matrix(c(2, 3, 4, 5, 0, 0, 3, 2, 6), 3))
fisher.test(matrix(c(1, 4, 3, 2, 5, 0, 2, 6), 2))
fisher.test(warpbreaks$wool, warpbreaks$tension)
fisher.test(table(InsectSprays$spray, InsectSpraystSprays$spray, InsectSprays$count > 6))$p.value
