\(x) x + 1
sapply(xs, \(v) v^2)
