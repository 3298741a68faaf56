DNase1 <- subset(DNase, Run == 1)
fm <- nls(density ~ SSlogis(log(conc), Asym, xmid, scal), DNase1)
round(coef(fm), 4)
round(getInitial(density ~ SSlogis(log(conc), Asym, xmid, scal), data = DNase1), 3)
mm <- nls(rate ~ SSmicmen(conc, Vm, K), data = Puromycin, subset = state == "treated")
round(coef(mm), 4)
Lob <- Loblolly[Loblolly$Seed == 329, ]
ar <- nls(height ~ SSasymp(age, Asym, R0, lrc), data = Lob)
round(coef(ar), 4)
ChickW1 <- ChickWeight[ChickWeight$Chick == 1, ]
fp <- nls(weight ~ SSfpl(Time, A, B, xmid, scal), data = ChickW1)
round(coef(fp), 3)
class(SSlogis)
