# options(max.print =) for vectors, matrices and data frames
options(max.print = 10)
print(1:100)
x <- seq(0.5, 20, by = 0.5)
x
print(letters)
d <- data.frame(a = 1:20, b = letters[1:20])
print(d)
d
options(max.print = 99999)
print(1:12)
