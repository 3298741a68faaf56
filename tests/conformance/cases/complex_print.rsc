# Printing complex vectors as R does: common format per part, NA, names, matrices
print(c(1+2i, 3.25-1i))
print(1i^2)
print(exp(1i*pi))
sqrt(as.complex(-1))
print(complex(real=1e10, imaginary=1))
z <- complex(real = c(1.5, -2, 0), imaginary = c(0, 3.25, -1))
z
matrix(c(1+1i, 2-3.5i, -1i, 4), 2)
c(a = 1+1i, bb = NA, c = 2i)
NA_complex_
complex(3)
1i
-1i
c(1e-10+1i, 1)
c(123456+1i, 0.001i)
x <- (1:6) * (1 + 0.5i); x
1/3 + 2i/7
c(1e20+1i, 1)
complex(real=NaN, imaginary=1)
complex(real=Inf, imaginary=-Inf)
c(complex(real=-Inf, imaginary=NaN), 1+1i)
1e-300+1e300i
print(pi*1i, digits=3)
print(c(1.123456789+2i, 1e-3i), digits = 3)
format(c(1+2i, 3.25-1i))
format(1/3+1i, digits=3)
format(1i, nsmall = 2)
as.character(c(1+2i, 3.25-1i, 1/3+1i, NA))
paste(1i, 2+3i)
paste0("z=", 1+2i)
cat(1+2i, 1/3+1i, NA_complex_, "\n")
str(c(1+2i, 3-1i, 5i))
str(1i)
str(complex(real=1:10, imaginary=0.5))
str(list(z=1:2+1i))
toString(c(1i,2))
list(a=1i, b=c(2,3+1i))
setNames(1:15+1i, paste0("n", 1:15))
complex(0)
dput(c(1+2i, NA, 3.5-1i)); dput(1i); dput(NA_complex_)
deparse(quote(2i)); deparse(quote(x+1.5i)); deparse(quote(-2i)); deparse(1:3 + 1i)
dput(c(a = 1/3+2i))
data.frame(z = c(1i, 2))
