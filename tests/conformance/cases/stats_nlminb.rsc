fr <- function(p) 100 * (p[2] - p[1]^2)^2 + (1 - p[1])^2
grr <- function(p) c(-400 * p[1] * (p[2] - p[1]^2) - 2 * (1 - p[1]), 200 * (p[2] - p[1]^2))
r1 <- nlminb(c(-1.2, 1), fr, grr)
round(r1$par, 5)
signif(r1$objective, 3) < 1e-10
r1$convergence
names(r1)
r2 <- nlminb(c(x = 1, y = 1), function(p) sum((p - c(3, -2))^2), lower = c(0, 0), upper = c(2, 5))
round(r2$par, 6)
round(r2$objective, 6)
r2$convergence
ui <- rbind(c(-1, 0), c(0, -1))
ci <- c(-0.9, -0.9)
co <- constrOptim(c(0.5, 0), fr, grr, ui = ui, ci = ci)
round(co$par, 4)
round(co$value, 5)
co$convergence
co2 <- constrOptim(c(0.5, 0), fr, NULL, ui = ui, ci = ci)
round(co2$par, 3)
try(constrOptim(c(1, 1), fr, grr, ui = ui, ci = ci))
