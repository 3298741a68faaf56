# levels<- with a named list, f[i, drop = TRUE], as.character of a formula, ls(pattern =)
g <- factor(c("cat", "dog", "cow", "pig", "dog", "hen"))
levels(g) <- list(pet = c("cat", "dog"), farm = c("cow", "pig"))
g
table(g, useNA = "ifany")
h <- factor(c("b", "a"))
levels(h) <- list(Z = "z", B = "b", A = "a")
h
as.integer(h)
ff <- factor(c("q", "r", "q"), levels = c("p", "q", "r", "s"))
ff[, drop = TRUE]
ff[3:2, drop = TRUE]
ff[1]
factor(letters[3:6])[c(1, 4), drop = TRUE]
as.character(y ~ x + log(z))
as.character(~ w)
alpha1 <- 1; alpha2 <- 2; beta <- 3
ls(pattern = "^alpha")
ls(pattern = "a$")
