a <- b ~ c
y ~ a | b
x <- -1
!x & y
-x^2 + 1
a - -b
a * -b + c
