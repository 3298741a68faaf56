stats::lm
base:::sum
pkg::f(x)
