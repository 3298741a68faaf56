# self-starting models: values, gradients, initial values and fits
Lob <- Loblolly[Loblolly$Seed == "329", ]
SSasympOrig(Lob$age, 100, -3.2)
Asym <- 100; lrc <- -3.2
SSasympOrig(Lob$age[1:3], Asym, lrc)
signif(getInitial(height ~ SSasympOrig(age, Asym, lrc), data = Lob), 5)
CO2.Qn1 <- CO2[CO2$Plant == "Qn1", ]
signif(SSasympOff(CO2.Qn1$conc, 32, -4, 43), 6)
signif(getInitial(uptake ~ SSasympOff(conc, Asym, lrc, c0), data = CO2.Qn1), 5)
Indo.1 <- Indometh[Indometh$Subject == 1, ]
signif(SSbiexp(Indo.1$time, 3, 1, 0.6, -1.3), 6)
signif(getInitial(conc ~ SSbiexp(time, A1, lrc1, A2, lrc2), data = Indo.1), 5)
DNase.1 <- subset(DNase, Run == 1)
signif(SSgompertz(log(DNase.1$conc), 4.5, 2.3, 0.7), 6)
signif(getInitial(density ~ SSgompertz(log(conc), Asym, b2, b3), data = DNase.1), 5)
Chick.6 <- subset(ChickWeight, (Chick == 6) & (Time > 0))
signif(SSweibull(Chick.6$Time, 160, 115, -5.5, 2.5), 6)
signif(getInitial(weight ~ SSweibull(Time, Asym, Drop, lrc, pwr), data = Chick.6), 4)
Theoph.1 <- Theoph[Theoph$Subject == 1, ]
signif(with(Theoph.1, SSfol(Dose, Time, -2.5, 0.5, -3)), 6)
xy <- sortedXyData(expression(age), expression(height), Lob)
xy
NLSstLfAsymptote(xy)
signif(NLSstAsymptotic(xy), 4)
