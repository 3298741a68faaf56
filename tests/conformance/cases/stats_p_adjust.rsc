# p.adjust: every method, NAs kept in place, n larger than the number of p-values
p <- c(0.01, 0.02, 0.03, 0.04, 0.05, NA, 0.2, 0.0001)
for (m in p.adjust.methods) print(p.adjust(p, m))
p.adjust(c(a = 0.01, b = 0.5), "hommel")
p.adjust(c(0.01, 0.02), n = 5)
p.adjust(c(0.04, 0.01, 0.03, 0.02, 0.5, 0.001), "hommel")
p.adjust(0.03, "BH")
format.pval(c(0.1, 0.0001, 1e-20, NA))
format.pval(c(0.05, 1e-20), digits = 2)
