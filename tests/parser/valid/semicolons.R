a; b; c
d;
