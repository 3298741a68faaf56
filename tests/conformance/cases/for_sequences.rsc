# for loops over 1:n and seq_len(n): values and types as the made sequences
for (i in 1:3) cat(i, typeof(i), "\n")
for (i in 3:1) cat(i, "")
cat("\n")
for (i in 1.5:4) cat(i, typeof(i), "")
cat("\n")
for (i in seq_len(4)) if (i == 3) break
print(i)
for (i in seq_len(0)) print("never")
n <- 0L
for (i in -2:2) n <- n + i
print(n)
for (i in seq_len(3e9)) if (i > 2) break
print(i)
print(typeof(i))
for (i in 2147483646:2147483648) cat(i, typeof(i), "")
cat("\n")
x <- 1
for (i in 1:200) x <- list(x, i)
print(length(unlist(x)))
print(sum(unlist(x)))
l <- list(a = 1, b = list(c = 2, d = list(e = 3, f = "x")))
print(unlist(l))
