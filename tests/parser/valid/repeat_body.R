repeat break
repeat x <- x + 1
