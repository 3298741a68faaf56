# Dates in data frames: reading, printing, str, summary, grouping by month
Sys.setenv(TZ = "UTC")
v <- read.csv("data/visits.csv", colClasses = c(day = "Date"))
str(v)
v
class(v$day)
v$when <- as.POSIXct(v$when, tz = "UTC")
str(v)
v
summary(v)
v$month <- format(v$day, "%Y-%m")
v
tapply(v$amount, months(v$day), sum)
tapply(v$amount, format(v$day, "%Y-%m"), sum, na.rm = TRUE)
aggregate(amount ~ month, data = v, FUN = sum)
v[order(v$day, decreasing = TRUE), c("id", "day")]
v[v$day > as.Date("2024-02-01") & !is.na(v$day), ]
d <- data.frame(when = as.Date(c("2024-01-01", "2024-06-15", NA)), n = c(3L, 5L, 7L))
d
str(d)
summary(d)
d$when[2]
d$gap <- d$when - as.Date("2023-12-25")
d
str(d)
fit <- lm(amount ~ as.numeric(day), data = v)
round(coef(fit), 6)
w <- data.frame(x = 1:3)
w$t <- as.POSIXct(c("2024-03-10 01:00", "2024-03-10 03:00", "2024-03-10 04:00"), tz = "America/New_York")
w
diff(w$t)
