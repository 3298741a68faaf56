# Dates as factors and groups
Sys.setenv(TZ = "UTC")
d <- as.Date(c("2024-03-02", "2024-01-15", "2024-03-02", NA, "2024-02-10"))
factor(d)
levels(factor(d))
table(d)
table(format(d, "%Y-%m"))
as.integer(factor(d))
x <- c(5, 1, 2, 8, 4)
tapply(x, format(d, "%m"), sum)
tapply(x, quarters(d), mean)
sapply(split(x, months(d)), sum)
agg <- aggregate(x ~ m, data = data.frame(x = x, m = format(d, "%Y-%m")), FUN = sum)
agg
by_week <- cut(as.Date("2024-01-01") + c(0, 3, 8, 20), "week")
table(by_week)
f <- factor(as.POSIXct(c("2024-01-01 10:00", "2024-01-01 09:00"), tz = "UTC"))
f
wd <- weekdays(as.Date("2024-01-01") + 0:6)
wd
factor(wd, levels = c("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))
paste("Day:", as.Date("2024-01-15"))
paste0(as.POSIXct("2024-01-15 10:00", tz = "UTC"), "!")
sprintf("%s", format(as.Date("2024-01-15")))
