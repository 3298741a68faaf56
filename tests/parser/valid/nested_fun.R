f <- function(x) {
  g <- function(y) {
    y * 2
  }
  g(x)
}
