{
  a <- 1
  b <- 2; c <- 3
}
{}
{ if (a) b else c }
{ if (a) { b } else c }
