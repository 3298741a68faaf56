y ~ x1 + x2
~x + z
y ~ .
y ~ x - 1
y ~ a:b + a %in% c
y ~ (a + b + c)^2
y ~ poly(x, 2) + I(x^2) + log(z)
y ~ 0 + x
lm(y ~ x, data = d)
