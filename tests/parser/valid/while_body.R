while (i < 10) i <- i + 1
while (x) {
  x <- FALSE
}
