# Everyday data operations on 1e3 rows (see data_ops.R.in): factors, grouping, tables,
# sorting, matching and frame indexing, each timed alone over 100 repetitions
n <- 1e3
reps <- 100
source("data_ops.R.in")
