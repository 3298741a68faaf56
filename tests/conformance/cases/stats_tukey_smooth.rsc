# Tukey's running median smoothers and median polish
x <- c(5, 2, 4, 7, 7, 5, 2, 7, 3, 5, 3, 8, 1)
s3 <- smooth(x, "3R")
s3
smooth(s3, kind = "S")
smooth(x)
smooth(x, "3RSS")
smooth(x, "3", endrule = "copy")
smooth(x, "3RSR", twiceit = TRUE)
summary(smooth(x))
as.vector(smooth(c(1, 1, 19:1)))
tab <- matrix(c(12, 15, 11, 20, 18, 17, 25, 24, 30, 14, 16, 13), 4,
              dimnames = list(paste0("r", 1:4), c("A", "B", "C")))
mp <- medpolish(tab)
mp
mp$overall
