# Part one of the round trip: rsc writes each object of objects.R to an .rds file.
dir <- commandArgs(trailingOnly = TRUE)[1]
source("objects.R")
for (n in names(objs)) saveRDS(objs[[n]], file.path(dir, paste0(n, ".rds")))
saveRDS(objs$frame, file.path(dir, "frame_plain.rds"), compress = FALSE)
saveRDS(objs$frame, file.path(dir, "frame_v2.rds"), version = 2)
a <- objs$named; b <- objs$frame
save(a, b, file = file.path(dir, "objs.RData"))
fit <- lm(mpg ~ wt + factor(cyl), data = mtcars)
saveRDS(fit, file.path(dir, "lm.rds"))
gfit <- glm(am ~ wt, family = binomial, data = mtcars)
saveRDS(gfit, file.path(dir, "glm.rds"))
