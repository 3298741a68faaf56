f(aaaaaaaaaa, bbbbbbbbbbbbb, cccccccccccccc, dddddddddddddddd, eeeeeeeeeeeeeeeeee, ffffffffff)
x <- aaaaaaaaaaaa + bbbbbbbbbbbbbbbbbb + cccccccccccccccccc + dddddddddddddddddd + eeeeeeeeee
