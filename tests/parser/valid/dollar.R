x$name
x$"name"
x$`odd name`
x@slot
a$b$c
a$b()
a::b$c
