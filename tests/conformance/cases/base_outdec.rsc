# options(OutDec = ",") changes the decimal mark of printed and formatted numbers
old <- options(OutDec = ",")
v <- c(2.5, 10.125, -3)
v
print(pi, digits = 4)
format(v)
format(1234567.891, big.mark = " ")
as.character(c(0.75, 12))
paste("mean:", mean(v))
cat(v, "\n")
cat(format(1/3, digits = 3), "\n")
sprintf("%.3f", 2.5)
deparse(c(1.5, 2))
summary(c(1.25, 2.5, 4, 8.75))
data.frame(id = 1:2, w = c(0.5, 1.75))
matrix(c(1.5, 2, 3.25, 4), 2)
c(a = 0.1, b = 0.25)
list(p = 0.05)
1e-15
options(old)
v
getOption("OutDec")
options(OutDec = "::")
getOption("OutDec")
