# printing time series as R does: calendars for months and quarters, headers otherwise
x <- ts(c(3.1, 4.25, 5, 6.5, 7, 8.125, 9, 10.5), start = c(2001, 3), frequency = 4)
x
ts(1:30, start = c(1990, 5), frequency = 12)
ts(c(12, 15, 11), start = c(2010, 2), frequency = 12)
ts(round(sin(1:10), 3), start = 1950)
ts(1:9, start = c(3, 2), frequency = 7)
ts(matrix(c(1.5, 2, 3, 4, 5, 6.25), 3), start = c(1999, 11), frequency = 12)
ts(matrix(1:8, 4, dimnames = list(NULL, c("a", "b"))), start = c(1960, 3), frequency = 4)
ts(matrix(1:6, 3), start = 2000)
print(ts(1:4, start = c(2000, 2), frequency = 12), calendar = FALSE)
presidents
window(AirPassengers, 1960)
head(Nile, 3)
str(ldeaths)
tsp(UKgas)
start(co2); end(co2); frequency(co2); deltat(co2)
time(ts(1:6, start = c(2000, 3), frequency = 4))
cycle(ts(1:6, start = c(2000, 3), frequency = 4))
