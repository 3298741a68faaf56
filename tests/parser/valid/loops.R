for (i in 1:10) print(i)
while (TRUE) break
repeat { next }
for (i in x) {
  if (i > 2) break
  s <- s + i
}
