# setNames with only nm, PCRE \h and \v, formula of a data frame, recursive [[<-, the
# pipe placeholder, cat ending with a newline when a separator holds one
setNames(nm = c("a", "b"))
trimws("\t x \n", whitespace = "[\\h\\v]")
gsub("\\h+", "-", "a \t b", perl = TRUE)
formula(PlantGrowth)
formula(data.frame(a = 1, b = 2, `c d` = 3, check.names = FALSE))
z <- list(a = list(b = 1, c = 2), d = 3)
z[[c("a", "b")]] <- "new"
str(z)
z[[c(1, 2)]] <- 20
z$a$c
mtcars |> subset(cyl == 4) |> lm(mpg ~ disp, data = _) |> coef()
sq <- function(x, p = 2) x^p
3 |> sq(x = 2, p = _)
cat(1:3, sep = c(" ", "\n"))
cat("a", "b", sep = c("-", " \n"))
cat(1:5, sep = "\n")
