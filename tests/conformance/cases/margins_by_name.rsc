tbl <- xtabs(Freq ~ Gender + Admit, as.data.frame(UCBAdmissions))
print(marginSums(tbl, "Gender"))
print(proportions(tbl, "Gender"))
print(margin.table(UCBAdmissions, c("Admit", "Dept")))
