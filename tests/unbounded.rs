//! Nothing grows without bound: `for` over `1:n` and `seq_len(n)` walks the sequence
//! without making it, and nested `unlist` takes time linear in its input.

use rsc::Interpreter;
use std::time::{Duration, Instant};

/// An interpreter that refuses any vector over a megabyte: a loop that made its
/// sequence would fail instead of passing.
fn small() -> Interpreter {
    Interpreter::builder().max_vector_bytes(1 << 20).build()
}

fn num(r: &mut Interpreter, src: &str) -> f64 {
    r.eval(src).unwrap_or_else(|e| panic!("{}: {}", src, e)).try_into().unwrap()
}

#[test]
fn for_loops_walk_long_sequences_without_making_them() {
    let mut r = small();
    let t = Instant::now();
    assert_eq!(num(&mut r, "for (i in seq_len(3e9)) if (i > 2) break; i"), 3.0);
    assert_eq!(num(&mut r, "for (i in 1:1e10) if (i > 4) break; i"), 5.0);
    assert_eq!(num(&mut r, "n <- 5e9; for (i in n:1) if (i < n - 1) break; i"), 5e9 - 2.0);
    assert!(t.elapsed() < Duration::from_secs(1), "{:?}", t.elapsed());
    // the same values and types as the made sequence
    let s: String = r.eval("for (i in 1:3) NULL; typeof(i)").unwrap().try_into().unwrap();
    assert_eq!(s, "integer");
    let s: String = r.eval("for (i in 1.5:3) NULL; paste(typeof(i), i)").unwrap().try_into().unwrap();
    assert_eq!(s, "double 2.5");
    let s: String = r.eval("for (i in seq_len(3e9)) break; typeof(i)").unwrap().try_into().unwrap();
    assert_eq!(s, "double");
    assert_eq!(num(&mut r, "s <- 0; for (i in 10:1) s <- s * 2 + i; s"), {
        let mut s = 0.0;
        for i in (1..=10).rev() {
            s = s * 2.0 + i as f64;
        }
        s
    });
    assert_eq!(num(&mut r, "k <- 0; for (i in seq_len(0)) k <- k + 1; k"), 0.0);
    assert_eq!(num(&mut r, "k <- 0; for (i in 1:2.9999999) k <- k + 1; k"), 3.0);
    // a script's own `:` or seq_len is still called
    assert_eq!(num(&mut r, "seq_len <- function(n) c(7, 8); s <- 0; for (i in seq_len(2)) s <- s + i; s"), 15.0);
    r.eval("rm(seq_len)").unwrap();
    assert!(r.eval("for (i in seq_len(-1)) NULL").is_err());
    assert!(r.eval("for (i in 1:NA) NULL").is_err());
    // a made sequence of that length is still refused
    assert!(r.eval("x <- seq_len(3e9)").is_err());
}

#[test]
fn nested_unlist_is_linear() {
    let mut r = Interpreter::new();
    num(&mut r, "x <- 1; for (i in 1:1000) x <- list(x, i); 0");
    let t = Instant::now();
    assert_eq!(num(&mut r, "length(unlist(x))"), 1001.0);
    assert_eq!(num(&mut r, "sum(unlist(x))"), 1.0 + 500500.0);
    assert!(t.elapsed() < Duration::from_millis(500), "{:?}", t.elapsed());
    num(&mut r, "y <- list(a = 1); for (i in 1:40) y <- list(y, b = i); 0");
    let t = Instant::now();
    assert_eq!(num(&mut r, "length(unlist(y))"), 41.0);
    assert!(t.elapsed() < Duration::from_millis(500), "{:?}", t.elapsed());
}
