# reshape between long and wide formats
long <- data.frame(id = rep(1:3, each = 4), visit = rep(c(0, 2, 4, 8), 3),
                   score = c(10, 12, 15, 14, 8, 9, 11, 13, 20, 19, 18, 22),
                   grp = rep(c("a", "b", "a"), each = 4))
wide <- reshape(long, direction = "wide", idvar = "id", timevar = "visit")
wide
str(attr(wide, "reshapeWide"))
back <- reshape(wide)
back
w2 <- reshape(long, direction = "wide", idvar = "id", timevar = "visit", v.names = "score", sep = "_")
names(w2)
df <- data.frame(subj = c("s1", "s2", "s3"), x.1 = c(1, 2, 3), x.2 = c(4, 5, 6), y.1 = c(7, 8, 9), y.2 = c(0, 1, 2))
l2 <- reshape(df, direction = "long", varying = 2:5, idvar = "subj")
l2
l3 <- reshape(df, direction = "long", varying = list(c("x.1", "x.2"), c("y.1", "y.2")),
              v.names = c("x", "y"), times = c(10, 20), timevar = "when", idvar = "subj")
l3
reshape(df[, 1:3], direction = "long", varying = list(2:3), v.names = "val", new.row.names = 1:6)
