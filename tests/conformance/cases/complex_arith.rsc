# Complex arithmetic, coercion, math functions and errors
z <- c(1+2i, -3+0.5i, 2i)
z + 1
z * 2L
z / (1-1i)
z^2
z^0.5
(1+1i)^-2
2^(1i)
0^(1+0i)
0^(-1+0i)
z - TRUE
z == (1+2i)
z != 2i
c(1i, NA) == 1i
tryCatch(z < 1, error = function(e) conditionMessage(e))
tryCatch(z %% 2, error = function(e) conditionMessage(e))
tryCatch(floor(z), error = function(e) conditionMessage(e))
tryCatch(max(z), error = function(e) conditionMessage(e))
!c(0i, 1i)
-z
Re(z); Im(z); Mod(z); Arg(z); Conj(z)
Re(c(a=1,b=-2)); Arg(-2); Mod(-3L)
abs(3+4i)
sqrt(-1+0i); exp(1i); log(-1+0i); log(1i, 2); log10(100i)
sin(1+1i); cos(1i); tan(1+2i); asin(2+0i); acos(0.5i); atan(1+1i)
sinh(1i); cosh(1+1i); tanh(2-1i)
round(1.2345+6.789i, 2); signif(123.456+0.001234i, 3)
typeof(z); mode(z); class(z); is.complex(z); is.numeric(z); is.complex(1)
as.complex("1+2i"); suppressWarnings(as.complex(c("3", "-1.5e2-2i", "x")))
as.complex(TRUE); as.complex(NA); as.numeric(3+0i)
suppressWarnings(as.numeric(3+1i))
as.integer(2.7+0i)
as.logical(c(0i, 1i))
complex(real = 1:3, imaginary = 2)
complex(modulus = 2, argument = pi/2)
complex(2)
vector("complex", 2)
c(1, 2i, TRUE)
c(1i, "a")
c(z, NA)
is.na(c(1i, NA, NaN))
m <- matrix(1:4 + 1i, 2); m; dim(m); m[2, ]; t(m)
x <- 1:3; x[2] <- 1i; x
x <- c(1i, 2); x[5] <- 3; x
ifelse(c(TRUE, FALSE), 1i, 2)
unlist(list(1i, 2))
sapply(1:3, function(k) k * 1i)
identical(1+2i, complex(real=1, imaginary=2))
identical(1+2i, 1+3i)
z[2]; z[-1]
names(z) <- c("a","b","c"); z
m <- matrix(c(1+1i, 2, 3i, 4), 2); m %*% m
m %*% c(1, 1i)
diag(2) * 1i
outer(1:2, 1:2 * 1i)
