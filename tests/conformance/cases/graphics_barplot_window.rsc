# barplot(): the plot window (value axis not extended, 1% below zero) and the bar midpoints
pdf(NULL)
print(barplot(c(3, 5, 2))); print(par("usr"))
print(barplot(c(3, 5, 2), horiz = TRUE)); print(par("usr"))
m <- matrix(c(2, 4, 1, 3, 5, 2), 2)
print(barplot(m)); print(par("usr"))
print(barplot(m, beside = TRUE)); print(par("usr"))
print(barplot(m, beside = TRUE, ylim = c(0, 10), legend.text = c("a", "b"))); print(par("usr"))
invisible(dev.off())
