update(y ~ a + b, . ~ . - b + c)
update(y ~ a, log(.) ~ . + d)
