f(a,
  b)
x <-
  1
(a
 + b)
if (a)
  b
function(x)
  x
