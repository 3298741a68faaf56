# Dates: construction, formatting, printing, arithmetic, leap years
Sys.setenv(TZ = "UTC")
x <- as.Date("2024-01-15")
x
class(x)
unclass(x)
as.Date(c("2024-02-28", "2024-02-29", "2024-03-01", NA))
as.Date("2023/12/31")
as.Date("01/02/2024", format = "%m/%d/%Y")
as.Date("15mar2021", "%d%b%Y")
as.Date(c("2024-01-01", "junk"))
as.Date(45000, origin = "1899-12-30")
as.Date(0:2, origin = as.Date("2000-02-28"))
as.Date(NA)
r <- tryCatch(as.Date("hello"), error = function(e) conditionMessage(e))
r
format(x, "%d %B %Y, day %j, %A (%a), %b, week %U/%W, wday %u %w, %y, [%e]")
format(x, "%F|%D|%m")
as.character(x)
weekdays(x); months(x); quarters(x); weekdays(x, TRUE); months(x, abbreviate = TRUE)
julian(x)
x + 30
30 + x
x - 15
x - as.Date("2023-12-25")
as.Date("2024-03-01") - as.Date("2024-02-01")
as.Date("2023-03-01") - as.Date("2023-02-01")
as.Date("2100-03-01") - as.Date("2100-02-28")
as.Date("2000-03-01") - as.Date("2000-02-28")
x > as.Date("2024-01-01")
x == "2024-01-15"
x < c("2024-01-10", "2024-02-01")
d <- as.Date(c("2024-01-01", "2024-03-01", "2024-12-31"))
diff(d)
as.numeric(diff(d))
names(d) <- c("a", "b", "c")
d
d[2]
d[["c"]]
rev(d)
length(d)
is.na(as.Date(c("2024-01-01", NA)))
as.numeric(x)
format(as.Date(c("2024-01-01", NA)))
y <- as.Date(character(0))
y
length(y)
z <- as.Date("2024-02-29") + 365
z
format(z, "%Y is leap? %j")
seq(as.Date("2024-01-31"), by = "month", length.out = 5)
as.Date("1969-12-31")
as.Date("1900-03-01") - as.Date("1900-02-28")
