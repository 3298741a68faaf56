# print(x, width =) and literal replacements with fixed = TRUE
print(month.name, width = 40)
print(1:30, width = 30)
print(c(a = 1.5, b = 2, c = 3.25, d = 4), width = 20)
gsub(".", "\\", "1.2.3", fixed = TRUE)
sub("x", "\\1y", "axb", fixed = TRUE)
gsub("/", "\\\\", "a/b/c", fixed = TRUE)
gsub("(b)", "[\\1]", "abcb")
