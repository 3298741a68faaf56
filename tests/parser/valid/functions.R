function(x, y = 2, ...) x + y
function() NULL
f <- function(x) y <- x
function(x) x = 1
function(a) function(b) a + b
