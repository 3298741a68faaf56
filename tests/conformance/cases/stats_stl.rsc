# STL decomposition: periodic and windowed seasonal components
s1 <- stl(nottem, "periodic")
round(window(s1$time.series, 1920, c(1920, 12)), 5)
s2 <- stl(log(co2), s.window = 21)
round(window(s2$time.series, 1959, c(1959, 6)), 6)
s2$win; s2$deg; s2$jump
s4 <- stl(UKgas, s.window = 7, t.window = 15, t.jump = 1)
round(s4$time.series[c(1, 50, 108), ], 5)
