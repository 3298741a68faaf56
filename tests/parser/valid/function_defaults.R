function(x = c(1, 2), y = list(a = 1), z = NULL) NULL
function(n = 10L, na.rm = FALSE) n
