x |> f()
x |> f(y) |> g(z = 1)
a %in% b |> f()
df |> subset(a > 1) |> nrow()
