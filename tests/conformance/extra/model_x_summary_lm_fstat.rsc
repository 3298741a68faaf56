summary(lm(Ozone ~ Wind + Temp, data = airquality))
summary(lm(weight ~ height, data = women))
