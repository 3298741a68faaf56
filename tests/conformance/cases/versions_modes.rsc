v <- package_version(c("3.1-2", "3.10.0", "3.9"))
v
class(v)
v >= "3.9"
v == "3.9"
sort(v)
as.character(v)
v[2]
numeric_version("2.0") < numeric_version("2.0.1")
numeric_version("1.10") > "1.9"
getRversion() >= "3.5.0"
is.numeric_version(v)
h <- as.hexmode(c(1, 31, 300))
h
format(h)
format(as.hexmode(255), upper.case = TRUE)
format(as.hexmode(5), width = 3)
as.character(as.hexmode(4095))
as.hexmode("1f")
as.hexmode(12) | as.hexmode(3)
o <- as.octmode(c(9, 64, 511))
o
format(o)
as.octmode("755")
r <- as.roman(c(3, 14, 48, 2024))
r
as.integer(r)
as.roman("MMXX")
as.roman("xlii") + 2
r > 20
max(as.roman(c(5, 50, 9)))
format(as.roman(99))
as.roman(0)
