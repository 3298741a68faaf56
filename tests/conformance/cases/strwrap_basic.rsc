x <- "The quick brown fox jumps over the lazy dog. It was a sunny day.  Everyone agreed the fox was quick, and the dog lazy."
print(strwrap(x, 30))
print(strwrap(x, 30, indent = 2, exdent = 4))
print(strwrap(c("a b c", "para one\n\npara two words here"), 8, prefix = "> "))
print(strwrap("", 10))
print(strwrap("abcdefghijklmnop qr", 5))
writeLines(strwrap(x, 40, prefix = "#", initial = "*"))
print(strwrap(x, 30, simplify = FALSE))
