# read.csv's type guessing on the multithreaded reader matches R's type.convert.
f <- tempfile(fileext = ".csv")
writeLines(c(
  'id,score,flag,name,mixed,big,blank,tf,"odd name",id',
  '1,2.5,TRUE,"Smith, J",1,3000000000,,T,x,7',
  '2,NA,FALSE,"O""Brien",2.5,1,,F,y,8',
  '3,1e3,NA,plain,NA,2,,T,,9',
  '4,-0.125,true,NA,4,5,,NA,z,10'), f)
d <- read.csv(f)
str(d)
d
sapply(d, class)
d2 <- read.csv(f, stringsAsFactors = TRUE, na.strings = c("NA", "x"))
str(d2)
d3 <- read.csv(f, nrows = 2, check.names = FALSE)
names(d3)
d3
g <- tempfile(fileext = ".tsv")
writeLines(c("a\tb", "1\tq", "2\tr"), g)
read.delim(g)
h <- tempfile(fileext = ".csv")
writeLines(c("x,y", "1,2", "3,4,5"), h)
r <- tryCatch(read.csv(h), error = function(e) "error")
class(r)
