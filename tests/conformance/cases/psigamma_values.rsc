# psigamma: polygamma functions of order 0 to 4
x <- c(0.25, 1, 2.5, 7, 30)
print(psigamma(x), digits = 12)
print(psigamma(x, 1), digits = 12)
print(psigamma(x, 2), digits = 12)
print(psigamma(x, deriv = 3), digits = 12)
print(psigamma(x, 4), digits = 12)
print(psigamma(c(-1.5, -0.3), 2), digits = 12)
all.equal(psigamma(x, 0), digamma(x))
