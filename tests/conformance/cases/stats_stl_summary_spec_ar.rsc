# summary() of an STL decomposition; spectrum(method = "ar") returns invisibly when plotting
s <- stl(nottem, s.window = "periodic")
summary(s)
sr <- stl(ldeaths, s.window = 9, robust = TRUE)
summary(sr, digits = 4)
sp <- spectrum(lh, method = "ar")
sp$method
