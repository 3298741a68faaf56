x + y * z - 1/2
a %% b %/% c
x %*% y %o% z
2^3^4
