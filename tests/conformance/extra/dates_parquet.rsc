# Parquet keeps Date and POSIXct columns (with their time zone) and their NAs.
f <- tempfile(fileext = ".parquet")
x <- data.frame(id = 1:4,
                day = as.Date(c("2024-01-05", NA, "2024-02-29", "1969-07-20")),
                at = as.POSIXct(c("2024-03-10 01:30:00", "2024-03-10 03:30:00", NA, "2024-11-03 12:00:00"),
                                tz = "America/New_York"),
                utc = as.POSIXct(c("2024-01-01 00:00:00", "2024-06-30 12:34:56", "2000-01-01 00:00:00", NA),
                                 tz = "UTC"))
write_parquet(x, f)
y <- read_parquet(f)
str(y)
y
sapply(y, function(col) class(col)[1])
attr(y$at, "tzone")
all.equal(x, y)
y$day[3] - y$day[1]
format(y$at, "%H:%M %Z")
