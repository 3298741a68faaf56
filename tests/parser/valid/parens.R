(a + b) * c
((x))
-(1 + 2)
(function(x) x)(1)
(a = 1)
