# The PostScript / PDF / Quartz font databases and font descriptions
f <- Type1Font("MyFont", c("a.afm", "b.afm", "c.afm", "d.afm"))
f
class(CIDFont("MyCID", "UniJIS-UCS2-H", "UCS-2"))
str(postscriptFonts("serif"))
postscriptFonts(MyFont = f)
names(postscriptFonts("MyFont", "mono"))
postscriptFonts("MyFont")$MyFont$metrics
pdfFonts("sans")$sans$family
str(quartzFonts())
quartzFonts("mono")
r <- try(postscriptFonts(bad = list(1)), silent = TRUE)
cat(conditionMessage(attr(r, "condition")), "\n")
