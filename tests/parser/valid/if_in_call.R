{
  f(if (a) b else c)
  x <- if (a) b else c
}
