# Everyday data operations on 1e6 rows (see data_ops.R.in): factors, grouping, tables,
# sorting, matching and frame indexing, each timed alone
n <- 1e6
reps <- 1
source("data_ops.R.in")
