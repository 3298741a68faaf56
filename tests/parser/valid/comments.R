# leading comment
x <- 1 # trailing
# only comment
