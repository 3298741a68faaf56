# formals() of base functions that are closures in R; primitives have none
names(formals(rep.int))
formals(rep.int)
is.null(formals(sum))
is.null(formals(`+`))
twice <- Vectorize(rep.int, "times")
twice(c(7, 8), 2:3)
# .POSIXct / .Date / .difftime constructors
.POSIXct(86400 * 365, tz = "UTC")
.Date(c(0, 19000.75))
.difftime(c(90, 30), units = "mins")
# julian() with a numeric origin counts in days
j <- julian(as.Date(c("2000-03-01", "1970-01-02")), -10)
j
julian(as.Date("2021-07-04"), as.Date("2021-01-01"))
# min/max/range of ordered factors follow the level order
sev <- factor(c("mid", "low", "high", "mid"), levels = c("low", "mid", "high"), ordered = TRUE)
range(sev)
max(sev)
min(sev[sev != "low"])
