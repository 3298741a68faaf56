`my var` <- 1
.x + ..1
x.y_z
`a b`(1)
f(...)
