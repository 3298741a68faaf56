# POSIXlt: length, [, [<-, is.na, c, rep; cut(<Date>, n); lapply over dates keeps the class
lt <- as.POSIXlt(c("2023-06-01 12:00:00", "2023-12-24 18:30:00", NA), tz = "UTC")
length(lt)
lt[2]
lt[-1]
is.na(lt)
c(lt[1], lt[2])
lt[3] <- as.POSIXlt("2024-02-29 00:00:01", tz = "UTC")
lt
rep(lt[1:2], times = 2)
rep(lt[1], each = 2)
class(lt[1])
lt$hour
d <- as.Date(c("2023-01-10", "2023-03-01", "2023-05-20", "2023-02-02"))
cut(d, 2)
cut(d, 3)
table(cut(d, 2))
lapply(d[1:2], function(z) class(z))
sapply(d, function(z) format(z, "%d/%m"))
vapply(d, function(z) as.numeric(z), 0)
ct <- as.POSIXct("2023-04-05 06:07:08", tz = "UTC") + c(0, 3600)
lapply(ct, format)
