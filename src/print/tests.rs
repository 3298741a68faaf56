//! print_value tests; expected strings are GNU R 4.2 output.

use super::*;
use crate::syntax::sym::Sym;
use crate::value::factor::make_factor;
use crate::value::{na_real, Value, NA_INT};

fn pv(v: &Value) -> String {
    print_value(v, &PrintOpts::default())
}
fn with_attr(mut v: Value, k: &str, a: Value) -> Value {
    v.set_attr(Sym::new(k), a);
    v
}
fn seq(a: i32, b: i32) -> Value {
    Value::ints((a..=b).collect())
}
fn mat(v: Value, nr: i32, nc: i32) -> Value {
    with_attr(v, "dim", Value::ints(vec![nr, nc]))
}

#[test]
fn plain_vectors() {
    assert_eq!(pv(&Value::num(0.1 + 0.2)), "[1] 0.3\n");
    assert_eq!(
        pv(&Value::dbls(vec![1.0, 2.5, 3.25])),
        "[1] 1.00 2.50 3.25\n"
    );
    assert_eq!(
        pv(&Value::dbls(vec![-1.5, 2.0, na_real(), 4.25])),
        "[1] -1.50  2.00    NA  4.25\n"
    );
    assert_eq!(pv(&Value::ints(vec![NA_INT, 1])), "[1] NA  1\n");
    assert_eq!(
        pv(&Value::strings(&["hi", "lo", "mid"])),
        "[1] \"hi\"  \"lo\"  \"mid\"\n"
    );
    assert_eq!(pv(&Value::Null), "NULL\n");
    assert_eq!(pv(&Value::strs(vec![])), "character(0)\n");
    assert_eq!(pv(&Value::dbls(vec![])), "numeric(0)\n");
    assert_eq!(pv(&Value::ints(vec![])), "integer(0)\n");
    assert_eq!(pv(&Value::lgls(vec![])), "logical(0)\n");
    assert_eq!(pv(&Value::list(vec![])), "list()\n");
    let o = PrintOpts {
        digits: 3,
        ..Default::default()
    };
    assert_eq!(
        print_value(&Value::num(std::f64::consts::PI), &o),
        "[1] 3.14\n"
    );
    let o = PrintOpts {
        quote: false,
        ..Default::default()
    };
    assert_eq!(
        print_value(&Value::strs(vec![Some("a".into()), None]), &o),
        "[1] a    <NA>\n"
    );
}

#[test]
fn wrapping() {
    assert_eq!(
        pv(&seq(1, 30)),
        " [1]  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25\n[26] 26 27 28 29 30\n"
    );
    assert_eq!(
        pv(&seq(100, 140)),
        " [1] 100 101 102 103 104 105 106 107 108 109 110 111 112 113 114 115 116 117 118\n\
         [20] 119 120 121 122 123 124 125 126 127 128 129 130 131 132 133 134 135 136 137\n\
         [39] 138 139 140\n"
    );
    let sq: Vec<f64> = (1..=20).map(|i| (i as f64).sqrt()).collect();
    assert_eq!(
        pv(&Value::dbls(sq)),
        " [1] 1.000000 1.414214 1.732051 2.000000 2.236068 2.449490 2.645751 2.828427\n \
         [9] 3.000000 3.162278 3.316625 3.464102 3.605551 3.741657 3.872983 4.000000\n\
         [17] 4.123106 4.242641 4.358899 4.472136\n"
    );
    let letters: Vec<String> = ('a'..='z').map(|c| c.to_string()).collect();
    assert_eq!(
        pv(&Value::strings(&letters)),
        " [1] \"a\" \"b\" \"c\" \"d\" \"e\" \"f\" \"g\" \"h\" \"i\" \"j\" \"k\" \"l\" \"m\" \"n\" \"o\" \"p\" \"q\" \"r\" \"s\"\n\
         [20] \"t\" \"u\" \"v\" \"w\" \"x\" \"y\" \"z\"\n"
    );
    let l = vec![
        1, 0, NA_INT, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, NA_INT, 1, 0, 1, 0, 1,
    ];
    assert_eq!(
        pv(&Value::lgls(l)),
        " [1]  TRUE FALSE    NA  TRUE  TRUE FALSE  TRUE FALSE FALSE  TRUE  TRUE  TRUE\n[13] FALSE    NA  TRUE FALSE  TRUE FALSE  TRUE\n"
    );
    let big = pv(&seq(1, 100));
    assert!(big.starts_with("  [1]   1   2"));
    assert!(big.ends_with(" [91]  91  92  93  94  95  96  97  98  99 100\n"));
}

#[test]
fn named_vectors() {
    let x = with_attr(
        Value::dbls(vec![1.5, 2.0, -3.25]),
        "names",
        Value::strings(&["alpha", "beta", "gamma"]),
    );
    assert_eq!(pv(&x), "alpha  beta gamma \n 1.50  2.00 -3.25 \n");
    let z = with_attr(
        Value::strs(vec![Some("a".into()), Some("bb".into()), None]),
        "names",
        Value::strings(&["first", "second", "third"]),
    );
    assert_eq!(pv(&z), " first second  third \n   \"a\"   \"bb\"     NA \n");
    let w = with_attr(
        Value::lgls(vec![1, 0, NA_INT]),
        "names",
        Value::strings(&["a", "b", "c"]),
    );
    assert_eq!(pv(&w), "    a     b     c \n TRUE FALSE    NA \n");
    let letters: Vec<String> = ('a'..='z').map(|c| c.to_string()).collect();
    let y = with_attr(seq(1, 26), "names", Value::strings(&letters));
    assert_eq!(
        pv(&y),
        " a  b  c  d  e  f  g  h  i  j  k  l  m  n  o  p  q  r  s  t  u  v  w  x  y  z \n \
         1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 \n"
    );
    let e = with_attr(Value::dbls(vec![]), "names", Value::strs(vec![]));
    assert_eq!(pv(&e), "named numeric(0)\n");
    let hp = with_attr(
        Value::dbls(vec![110.0, 110.0, 93.0, 110.0, 175.0]),
        "names",
        Value::strings(&[
            "Mazda RX4",
            "Mazda RX4 Wag",
            "Datsun 710",
            "Hornet 4 Drive",
            "Hornet Sportabout",
        ]),
    );
    assert_eq!(
        pv(&hp),
        "        Mazda RX4     Mazda RX4 Wag        Datsun 710    Hornet 4 Drive \n              110               110                93               110 \n\
         Hornet Sportabout \n              175 \n"
    );
    let na_name = with_attr(
        Value::dbls(vec![1.0, 2.0]),
        "names",
        Value::strs(vec![Some("a".into()), None]),
    );
    assert_eq!(pv(&na_name), "   a <NA> \n   1    2 \n");
    let d3 = PrintOpts {
        digits: 3,
        ..Default::default()
    };
    let ab = with_attr(
        Value::dbls(vec![1.23456, 9.87654]),
        "names",
        Value::strings(&["a", "b"]),
    );
    assert_eq!(print_value(&ab, &d3), "   a    b \n1.23 9.88 \n");
}

#[test]
fn lists() {
    let l = Value::list(vec![Value::num(1.0), Value::str("a"), Value::lgl(true)]);
    assert_eq!(
        pv(&l),
        "[[1]]\n[1] 1\n\n[[2]]\n[1] \"a\"\n\n[[3]]\n[1] TRUE\n\n"
    );
    let inner = Value::named_list(vec![
        ("d".into(), Value::num(4.0)),
        ("e".into(), Value::Null),
    ]);
    let l = Value::named_list(vec![
        ("a".into(), seq(1, 3)),
        ("b".into(), Value::str("text")),
        ("c".into(), inner),
    ]);
    assert_eq!(
        pv(&l),
        "$a\n[1] 1 2 3\n\n$b\n[1] \"text\"\n\n$c\n$c$d\n[1] 4\n\n$c$e\nNULL\n\n\n"
    );
    assert_eq!(
        pv(&Value::named_list(vec![("x".into(), Value::Null)])),
        "$x\nNULL\n\n"
    );
    let nested = Value::list(vec![
        Value::list(vec![Value::num(1.0), Value::num(2.0)]),
        Value::list(vec![Value::str("a")]),
    ]);
    assert_eq!(
        pv(&nested),
        "[[1]]\n[[1]][[1]]\n[1] 1\n\n[[1]][[2]]\n[1] 2\n\n\n[[2]]\n[[2]][[1]]\n[1] \"a\"\n\n\n"
    );
    let mixed = with_attr(
        Value::list(vec![Value::num(1.0), Value::num(2.0)]),
        "names",
        Value::strings(&["a", ""]),
    );
    assert_eq!(pv(&mixed), "$a\n[1] 1\n\n[[2]]\n[1] 2\n\n");
    let sp = Value::named_list(vec![("my name".into(), Value::num(1.0))]);
    assert_eq!(pv(&sp), "$`my name`\n[1] 1\n\n");
    let el = Value::named_list(vec![("a".into(), Value::list(vec![]))]);
    assert_eq!(pv(&el), "$a\nlist()\n\n");
    let withattr = with_attr(
        Value::named_list(vec![("a".into(), Value::num(1.0))]),
        "foo",
        Value::num(2.0),
    );
    assert_eq!(pv(&withattr), "$a\n[1] 1\n\nattr(,\"foo\")\n[1] 2\n");
    let m = mat(seq(1, 4), 2, 2);
    let f = make_factor(vec![1, 2], &["u", "v"], false);
    let l = Value::named_list(vec![("m".into(), m), ("f".into(), f)]);
    assert_eq!(
        pv(&l),
        "$m\n     [,1] [,2]\n[1,]    1    3\n[2,]    2    4\n\n$f\n[1] u v\nLevels: u v\n\n"
    );
    // The hook prints classed elements.
    let obj = with_attr(Value::num(1.0), "class", Value::str("foo"));
    let l = Value::list(vec![obj]);
    let s = print_value_with(&l, &PrintOpts::default(), &mut |_| Some("<foo>\n".into()));
    assert_eq!(s, "[[1]]\n<foo>\n\n");
    assert_eq!(
        pv(&with_attr(
            Value::list(vec![]),
            "names",
            Value::strs(vec![])
        )),
        "named list()\n"
    );
}

#[test]
fn attributes() {
    let x = with_attr(seq(1, 3), "foo", Value::str("bar"));
    assert_eq!(pv(&x), "[1] 1 2 3\nattr(,\"foo\")\n[1] \"bar\"\n");
}

#[test]
fn factors() {
    let f = make_factor(vec![2, 1, 3, 1, 2], &["hi", "lo", "mid"], false);
    assert_eq!(pv(&f), "[1] lo  hi  mid hi  lo \nLevels: hi lo mid\n");
    let f = make_factor(vec![1, NA_INT, 2], &["a", "b"], false);
    assert_eq!(pv(&f), "[1] a    <NA> b   \nLevels: a b\n");
    let o = make_factor(vec![1, 3, 2], &["S", "M", "L"], true);
    assert_eq!(pv(&o), "[1] S L M\nLevels: S < M < L\n");
    assert_eq!(
        pv(&make_factor(vec![], &[], false)),
        "factor(0)\nLevels: \n"
    );
    let labs: Vec<String> = (1..=30).map(|i| format!("level_number_{}", i)).collect();
    let mut sorted = labs.clone();
    sorted.sort();
    let lr: Vec<&str> = sorted.iter().map(|s| s.as_str()).collect();
    let codes: Vec<i32> = labs
        .iter()
        .map(|l| sorted.iter().position(|s| s == l).unwrap_or(0) as i32 + 1)
        .collect();
    let out = pv(&make_factor(codes, &lr, false));
    assert!(out.ends_with("[29] level_number_29 level_number_30\n30 Levels: level_number_1 level_number_10 level_number_11 ... level_number_9\n"));
    assert!(
        out.starts_with(" [1] level_number_1  level_number_2  level_number_3  level_number_4 \n")
    );
}

#[test]
fn matrices() {
    let m = mat(seq(1, 6), 2, 3);
    assert_eq!(
        pv(&m),
        "     [,1] [,2] [,3]\n[1,]    1    3    5\n[2,]    2    4    6\n"
    );
    let dn = Value::list(vec![
        Value::strings(&["r1", "r2"]),
        Value::strings(&["A", "B"]),
    ]);
    let m = with_attr(
        mat(Value::dbls(vec![1.5, 2.0, 3.25, 4.0]), 2, 2),
        "dimnames",
        dn,
    );
    assert_eq!(pv(&m), "     A    B\nr1 1.5 3.25\nr2 2.0 4.00\n");
    let m = mat(Value::strings(&["a", "bb", "ccc", "d"]), 2, 2);
    assert_eq!(
        pv(&m),
        "     [,1] [,2] \n[1,] \"a\"  \"ccc\"\n[2,] \"bb\" \"d\"  \n"
    );
    let m = mat(Value::lgls(vec![1, 0, NA_INT, 1]), 2, 2);
    assert_eq!(
        pv(&m),
        "      [,1] [,2]\n[1,]  TRUE   NA\n[2,] FALSE TRUE\n"
    );
    let m = mat(Value::dbls(vec![0.001, 123.5, -2.0, na_real()]), 2, 2);
    assert_eq!(
        pv(&m),
        "        [,1] [,2]\n[1,]   0.001   -2\n[2,] 123.500   NA\n"
    );
    let m = mat(seq(1, 40), 2, 20);
    assert_eq!(
        pv(&m),
        "     [,1] [,2] [,3] [,4] [,5] [,6] [,7] [,8] [,9] [,10] [,11] [,12] [,13] [,14]\n\
         [1,]    1    3    5    7    9   11   13   15   17    19    21    23    25    27\n\
         [2,]    2    4    6    8   10   12   14   16   18    20    22    24    26    28\n     \
         [,15] [,16] [,17] [,18] [,19] [,20]\n\
         [1,]    29    31    33    35    37    39\n\
         [2,]    30    32    34    36    38    40\n"
    );
    assert_eq!(pv(&mat(Value::dbls(vec![]), 0, 3)), "     [,1] [,2] [,3]\n");
    assert_eq!(
        pv(&mat(Value::dbls(vec![]), 3, 0)),
        "    \n[1,]\n[2,]\n[3,]\n"
    );
    let dn = with_attr(
        Value::list(vec![
            Value::strings(&["x", "y"]),
            Value::strings(&["p", "q"]),
        ]),
        "names",
        Value::strings(&["a", "b"]),
    );
    let m = with_attr(mat(seq(1, 4), 2, 2), "dimnames", dn);
    assert_eq!(pv(&m), "   b\na   p q\n  x 1 3\n  y 2 4\n");
    let dn = Value::list(vec![Value::strings(&["xlong", "y"]), Value::Null]);
    let m = with_attr(mat(seq(1, 4), 2, 2), "dimnames", dn);
    assert_eq!(
        pv(&m),
        "      [,1] [,2]\nxlong    1    3\ny        2    4\n"
    );
    let m = mat(seq(1, 10), 10, 1);
    assert!(pv(&m).starts_with("      [,1]\n [1,]    1\n"));
    let m = mat(Value::dbls(vec![1.5, na_real(), 3.0, 4e10]), 2, 2);
    assert_eq!(
        pv(&m),
        "     [,1]  [,2]\n[1,]  1.5 3e+00\n[2,]   NA 4e+10\n"
    );
    let o = PrintOpts {
        quote: false,
        ..Default::default()
    };
    let m = mat(Value::strs(vec![Some("a".into()), None]), 1, 2);
    assert_eq!(print_value(&m, &o), "     [,1] [,2]\n[1,] a    <NA>\n");
}

#[test]
fn arrays() {
    let a = with_attr(seq(1, 12), "dim", Value::ints(vec![2, 3, 2]));
    assert_eq!(
        pv(&a),
        ", , 1\n\n     [,1] [,2] [,3]\n[1,]    1    3    5\n[2,]    2    4    6\n\n\
         , , 2\n\n     [,1] [,2] [,3]\n[1,]    7    9   11\n[2,]    8   10   12\n\n"
    );
    let dn = with_attr(
        Value::list(vec![
            Value::strings(&["a", "b"]),
            Value::strings(&["c", "d"]),
            Value::strings(&["e", "f"]),
        ]),
        "names",
        Value::strings(&["A", "B", "C"]),
    );
    let a = with_attr(
        with_attr(seq(1, 8), "dim", Value::ints(vec![2, 2, 2])),
        "dimnames",
        dn,
    );
    assert_eq!(
        pv(&a),
        ", , C = e\n\n   B\nA   c d\n  a 1 3\n  b 2 4\n\n, , C = f\n\n   B\nA   c d\n  a 5 7\n  b 6 8\n\n"
    );
}

#[test]
fn more_numbers_from_r() {
    assert_eq!(
        pv(&Value::dbls(vec![1.123, 22.45, 333.5, 4444.0, 0.001])),
        "[1]    1.123   22.450  333.500 4444.000    0.001\n"
    );
    assert_eq!(
        pv(&Value::dbls(vec![1e-8, 1.0, 1000.0])),
        "[1] 1e-08 1e+00 1e+03\n"
    );
    assert_eq!(pv(&Value::num(2.432902e18)), "[1] 2.432902e+18\n");
    assert_eq!(
        pv(&Value::num(std::f64::consts::E.powi(20))),
        "[1] 485165195\n"
    );
    assert_eq!(
        pv(&Value::dbls(vec![0.1, 0.12, 0.123])),
        "[1] 0.100 0.120 0.123\n"
    );
    let half: Vec<f64> = (1..=30).map(|i| i as f64 * 0.5).collect();
    assert_eq!(
        pv(&Value::dbls(half)),
        " [1]  0.5  1.0  1.5  2.0  2.5  3.0  3.5  4.0  4.5  5.0  5.5  6.0  6.5  7.0  7.5\n\
         [16]  8.0  8.5  9.0  9.5 10.0 10.5 11.0 11.5 12.0 12.5 13.0 13.5 14.0 14.5 15.0\n"
    );
    let o = PrintOpts {
        digits: 4,
        ..Default::default()
    };
    assert_eq!(
        print_value(&Value::dbls(vec![1.123456, 2.1]), &o),
        "[1] 1.123 2.100\n"
    );
    let q = with_attr(
        Value::dbls(vec![1.0, 3.0, 5.0, 7.0, 9.0]),
        "names",
        Value::strings(&["0%", "25%", "50%", "75%", "100%"]),
    );
    assert_eq!(
        pv(&q),
        "  0%  25%  50%  75% 100% \n   1    3    5    7    9 \n"
    );
    let m = with_attr(
        Value::dbls(vec![1.0, 2.0, 3.0, 4.0]),
        "names",
        Value::strs(vec![
            Some("a".into()),
            Some("".into()),
            Some("c".into()),
            None,
        ]),
    );
    assert_eq!(pv(&m), "   a         c <NA> \n   1    2    3    4 \n");
}

#[test]
fn empty_dimnames_titles() {
    let dn = with_attr(
        Value::list(vec![
            Value::strings(&["x", "y"]),
            Value::strings(&["p", "q"]),
        ]),
        "names",
        Value::strings(&["a", ""]),
    );
    let m = with_attr(mat(seq(1, 4), 2, 2), "dimnames", dn);
    assert_eq!(pv(&m), "   \na   p q\n  x 1 3\n  y 2 4\n");
    let dn = with_attr(
        Value::list(vec![Value::Null, Value::strings(&["p", "q"])]),
        "names",
        Value::strings(&["", "b"]),
    );
    let m = with_attr(mat(seq(1, 4), 2, 2), "dimnames", dn);
    assert_eq!(pv(&m), "      b\n       p q\n  [1,] 1 3\n  [2,] 2 4\n");
}

#[test]
fn long_vectors_stop_at_max_print() {
    // R: x <- 1:100010; x   (last lines)
    let out = pv(&seq(1, 100_010));
    let tail: Vec<&str> = out.lines().rev().take(3).collect();
    assert_eq!(
        tail[0],
        " [ reached getOption(\"max.print\") -- omitted 11 entries ]"
    );
    assert_eq!(tail[1], "[99997] 99997 99998 99999");
    assert_eq!(
        tail[2],
        "[99985] 99985 99986 99987 99988 99989 99990 99991 99992 99993 99994 99995 99996"
    );
}
