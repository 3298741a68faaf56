if (a) b else if (c) d else e
if (a) b
if (a) if (b) c else d
1 + if (a) 2 else 3 * 4
if (a) function(x) x else y
