# S4 objects through saveRDS/readRDS: R's file read back, and a round trip
setClass("Pt", representation(x = "numeric", y = "numeric"))
p <- readRDS("../../fixtures/rds/s4_point.rds")
isS4(p)
is(p, "Pt")
p@x + p@y
p
f <- tempfile(fileext = ".rds")
saveRDS(new("Pt", x = 3, y = 4), f)
q <- readRDS(f)
isS4(q)
c(q@x, q@y)
identical(q, new("Pt", x = 3, y = 4))
