# formatDL, formatUL and formatOL
items <- c(alpha = "the first letter of the Greek alphabet, used widely in statistics for significance levels",
           b = "short", "a rather long item name" = "its description")
writeLines(formatDL(items))
writeLines(formatDL(items, style = "list", width = 40))
writeLines(formatDL(names(items), unname(items), width = 50, indent = 12))
txt <- c("one small thing", "a second item whose text is long enough to wrap onto the following line of output", "three")
writeLines(formatUL(txt, width = 40))
writeLines(formatUL(txt, label = "-", offset = 2, width = 40))
writeLines(formatOL(txt, width = 40))
writeLines(formatOL(txt, type = "i", start = 7, width = 40))
writeLines(formatOL(txt, type = "A"))
formatUL(character())
