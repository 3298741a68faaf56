ir <- isoreg(c(1, 0, 4, 3, 3, 5, 4, 2, 0))
ir
names(ir)
ir2 <- isoreg(c(5, 1, 3, 2, 4), c(1, 3, 2, 4, 3.5))
ir2
fitted(ir2)
residuals(ir2)
isoreg(c(1, 1, 1))$iKnots
isoreg(c(3, 1, 2, 2, 5))$yf
