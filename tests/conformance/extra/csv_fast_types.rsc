# read.csv typing through the multithreaded reader: integers (leading zeros), big integers,
# doubles with Inf/NaN, quoted fields with commas and doubled quotes, logical T/F, blanks
f <- tempfile(fileext = ".csv")
writeLines(c('a,b,c,d,e,f,g,h,i',
             '1,1.5,x,TRUE,007,"q, r",3000000000,,T',
             '2,NA,"y z",FALSE,8,"s""t",1,NA,F',
             'NA,1e5,NA,NA,9,,2,3,NA',
             '-3,Inf,w,true,10,u,-1,NaN,T'), f)
d <- read.csv(f)
str(d)
print(d)
sapply(d, class)
d2 <- read.csv(f, stringsAsFactors = TRUE)
str(d2)
levels(d2$c)
d3 <- read.csv(f, na.strings = c("NA", "w"))
d3$c
read.csv(f, nrows = 2)
read.csv(f, header = FALSE)[1:2, 1:4]
