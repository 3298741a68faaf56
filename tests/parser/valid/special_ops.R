a %in% b
a %*% b %*% c
x %o% y
a %% b + c
