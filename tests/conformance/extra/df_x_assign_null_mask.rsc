d <- data.frame(a=c(1,NA,3), b=c(NA,5,6), c=c("x","y","z"))
d["b"] <- NULL
d
d <- data.frame(a=c(1,NA,3), b=c(NA,5,6))
d[is.na(d)] <- 0
d
d[is.na(d) | d$a > 2] <- -9
d
d[c("a","b")] <- lapply(d[c("a","b")], function(v) v * 2)
d
d[] <- lapply(d, as.character)
str(d)
e <- data.frame(x=c(1,2,NA,4), g=c("a","b","a","b"), k=1:4)
e[, "k"] <- NULL
e
e[is.na(e)] <- 0
e
