# R stand-ins for rsc's polars functions, used only to make goldens with R:
#   cat shims.R extra/NAME.rsc | Rscript --vanilla - > extra/NAME.out
write_parquet <- function(x, file) invisible(saveRDS(x, file))
read_parquet <- function(file) readRDS(file)
scan_parquet <- function(file) readRDS(file)
scan_csv <- function(file, sep = ",", na.strings = "NA") read.csv(file, sep = sep, na.strings = na.strings)
collect <- function(x, n) if (missing(n)) x else head(x, n)
