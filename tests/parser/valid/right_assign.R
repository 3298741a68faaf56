x -> y
1 -> a -> b
f(x) -> z
