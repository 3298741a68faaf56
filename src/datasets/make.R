# Writes every data set of R's datasets package as src/datasets/NAME.rds (gzip, format 2),
# the files rsc embeds (src/frame/datasets.rs). Run from the repository root with R:
#   Rscript --vanilla src/datasets/make.R
items <- data(package = "datasets")$results[, "Item"]
names <- sub(" .*", "", items)
for (n in names)
    saveRDS(get(n, envir = as.environment("package:datasets")),
            file.path("src/datasets", paste0(n, ".rds")), version = 2)
writeLines(names, "src/datasets/NAMES")
