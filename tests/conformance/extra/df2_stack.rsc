# stack and unstack of frames and lists
d <- data.frame(a = c(1, 2, 3), b = c(4.5, 5, 6), c = 7:9)
s <- stack(d)
s
str(s)
levels(s$ind)
stack(list(z = 1:2, a = 3, m = c(10, 11, 12)))
stack(d, select = c(c, a))
unstack(s)
pg <- PlantGrowth
u <- unstack(pg)
u
class(u)
unstack(pg, weight ~ group)
ul <- unstack(data.frame(v = 1:5, g = factor(c("x", "y", "x", "y", "x"))))
ul
tg <- unstack(ToothGrowth, len ~ supp)
head(tg)
dim(tg)
