1 + 2i
-3.5i * x
f(1e3i)
