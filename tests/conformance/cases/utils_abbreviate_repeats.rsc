# abbreviate() with repeated strings gives them one abbreviation
abbreviate(c("Smith", "Smith", "Smithers", "Jones", "Jon"), 3)
abbreviate(c("New York", "New Jersey", "New York", "Nevada"), 4)
abbreviate(c("a b", "a b"), 2, named = FALSE)
x <- state.name[c(1:5, 1:5)]
abbreviate(x, 5)
