a + ~b | c
~a ~ b
-~a
