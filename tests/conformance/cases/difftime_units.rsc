# difftime: units, conversions, printing, arithmetic
Sys.setenv(TZ = "UTC")
a <- as.POSIXct("2024-01-02 06:00", tz = "UTC")
b <- as.POSIXct("2024-01-01 00:00", tz = "UTC")
a - b
difftime(a, b)
difftime(a, b, units = "hours")
difftime(a, b, units = "mins")
difftime(a, b, units = "weeks")
difftime(as.POSIXct("2024-01-01 00:05", tz = "UTC"), b)
difftime(as.POSIXct("2024-01-01 00:00:05", tz = "UTC"), b)
difftime(as.POSIXct("2024-01-01 03:00", tz = "UTC"), b)
z <- difftime(as.Date("2024-03-01"), as.Date("2023-03-01"))
z
units(z)
units(z) <- "hours"
z
as.numeric(z)
as.numeric(z, units = "days")
as.numeric(z, units = "weeks")
format(z)
h <- as.difftime(c(30, 90, 150), units = "mins")
h
format(h)
units(h) <- "hours"
h
sum(h)
mean(h)
range(h)
h * 2
h / 2
h + as.difftime(1, units = "hours")
h > as.difftime(1, units = "hours")
as.difftime(c("0:30:00", "1:45:00"))
d <- difftime(as.Date(c("2024-01-10", "2024-02-01")), as.Date("2024-01-01"))
d
d[2]
c(d, d)
-d
tryCatch(as.difftime(5), error = function(e) conditionMessage(e))
as.Date("2024-01-31") + as.difftime(2, units = "days")
a + as.difftime(90, units = "mins")
str(h)
