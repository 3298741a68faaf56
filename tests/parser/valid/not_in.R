!x %in% y
!a == b
a & !b | c
a + !b & c
