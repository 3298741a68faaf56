//! Tests of the fast CSV reader.

use super::*;

/// Comma-separated, double-quoted fields, with these NA strings.
fn comma(na: &[String], header: bool) -> Format<'_> {
    Format {
        sep: b',',
        quote: Some(b'"'),
        na,
        header,
    }
}

#[test]
fn decimals_are_correctly_rounded() {
    for s in [
        "0.1",
        "-1.234567",
        "123456.789012",
        "1e-5",
        "2.5E+3",
        "+7",
        "0.000000123",
        "12345678901234567890.5",
        "1.7976931348623157e308",
        "4.9e-324",
        "0.30000000000000004",
    ] {
        let want: f64 = s.parse().unwrap_or_else(|e| panic!("{}: {}", s, e));
        assert_eq!(
            dbl(s.as_bytes()).map(f64::to_bits),
            Some(want.to_bits()),
            "{}",
            s
        );
    }
    assert_eq!(dbl(b"Inf"), Some(f64::INFINITY));
    assert_eq!(dbl(b"-0.000").map(f64::to_bits), Some((-0.0f64).to_bits()));
    assert_eq!(dbl(b"0x1A"), Some(26.0));
    assert!(
        dbl(b"1.2.3").is_none()
            && dbl(b"abc").is_none()
            && dbl(b"1e").is_none()
            && dbl(b".").is_none()
    );
    assert_eq!(int(b"-42"), Some(-42));
    for k in 0..=20 {
        let digits: String = "98765432109876543210".chars().take(k).collect();
        for s in [
            digits.to_string(),
            format!("1.{}", digits),
            format!("{}.5e-3", digits),
        ] {
            let want: Option<f64> = s.parse().ok();
            assert_eq!(
                dbl(s.as_bytes()).map(f64::to_bits),
                want.map(f64::to_bits),
                "{}",
                s
            );
        }
    }
    assert_eq!(
        decimal_at(b"12345678,9", 0).map(|(v, e)| (v.ok(), e)),
        Some((Some(12345678.0), 8))
    );
    assert_eq!(
        decimal_at(b"-0.000001\n", 0).map(|(v, e)| (v.ok(), e)),
        Some((Some(-1e-6), 9))
    );
    assert!(int(b"4.5").is_none() && int(b"").is_none());
}

#[test]
fn short_fields_parse_as_the_standard_library_does() {
    // every mix of sign, digits before and after the point and what ends the row, in
    // rows of three columns, parsed by a part and by str::parse
    let mut fields = Vec::new();
    for sign in ["", "-", "+"] {
        for a in 0..=9 {
            for b in [None, Some(0), Some(1), Some(3), Some(7), Some(8), Some(9)] {
                let mut f = format!("{}{}", sign, &"9081726354"[..a]);
                if let Some(b) = b {
                    f.push('.');
                    f.push_str(&"1928374655"[..b]);
                }
                fields.push(f);
            }
        }
    }
    fields.extend(["1e5", "-2.5E-3", ".5", "7.", "1.2.3", " 1", "00012", "1\r"].map(String::from));
    let mut text = String::new();
    let mut want = Vec::new();
    for k in 0..fields.len() {
        for j in 0..3 {
            let f = &fields[(k + j * 7) % fields.len()];
            text.push_str(f);
            text.push(if j == 2 { '\n' } else { ',' });
            // an empty field is NA; R allows spaces around a number
            let f = f.trim_end_matches('\r');
            want.push(if f.is_empty() {
                Some(na_real())
            } else {
                f.trim().parse::<f64>().ok()
            });
        }
    }
    let na = vec!["NA".to_string()];
    let fmt = comma(&na, false);
    let kinds = [Kind::Dbl; 3];
    // row by row, so that a row that does not parse is known, and whole
    for row in text.lines().zip(want.chunks(3)) {
        let mut part = Part::new(&kinds);
        let line = format!("{}\n", row.0);
        let ok = part.parse(line.as_bytes(), &fmt, &kinds);
        let all = row.1.iter().all(Option::is_some);
        assert_eq!(ok, all, "{}", row.0);
        if ok {
            for (c, w) in part.cols.iter().zip(row.1) {
                let PartCol::Dbl(v) = c else {
                    panic!("not a double column")
                };
                assert_eq!(
                    v[0].to_bits(),
                    w.map(f64::to_bits).unwrap_or(0),
                    "{}",
                    row.0
                );
            }
        }
    }
    let good: String = text
        .lines()
        .zip(want.chunks(3))
        .filter(|(_, w)| w.iter().all(Option::is_some))
        .map(|(l, _)| format!("{}\n", l))
        .collect();
    let mut part = Part::new(&kinds);
    assert!(part.parse(good.as_bytes(), &fmt, &kinds));
    let flat: Vec<u64> = want
        .chunks(3)
        .filter(|w| w.iter().all(Option::is_some))
        .flatten()
        .map(|w| w.map(f64::to_bits).unwrap_or(0))
        .collect();
    for (j, c) in part.cols.iter().enumerate() {
        let PartCol::Dbl(v) = c else {
            panic!("not a double column")
        };
        let col: Vec<u64> = flat.iter().skip(j).step_by(3).copied().collect();
        assert_eq!(
            v[..part.rows]
                .iter()
                .map(|x| x.to_bits())
                .collect::<Vec<_>>(),
            col
        );
    }
}

/// Runs `f` on `text` written to a temporary file, with the format of R's `read.csv`.
fn with_file<T>(text: &str, f: impl FnOnce(&str, &Format) -> T) -> T {
    let path = std::env::temp_dir().join(format!(
        "rsc-fastcsv-{}-{}.csv",
        std::process::id(),
        text.len()
    ));
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}", e));
    let na = vec!["NA".to_string()];
    let fmt = comma(&na, true);
    let r = f(path.to_str().unwrap_or(""), &fmt);
    let _ = std::fs::remove_file(&path);
    r
}

fn read_text(text: &str, kinds: &[Kind], threads: usize) -> Option<Vec<Column>> {
    with_file(text, |path, fmt| {
        read(path, fmt, kinds, threads).unwrap_or_else(|e| panic!("{}", e))
    })
}

#[test]
fn reads_rows_across_threads() {
    let mut text = String::from("x,i,s\r\n");
    for k in 0..30000 {
        let x = if k % 1000 == 7 {
            "NA".to_string()
        } else {
            format!("{}.25", k)
        };
        text.push_str(&format!(
            "{},{},{}\r\n",
            x,
            k as i64 - 5,
            ["a", "b", "NA", ""][k % 4]
        ));
        if k == 100 {
            text.push('\n');
        }
    }
    let cols = read_text(&text, &[Kind::Dbl, Kind::Int, Kind::Str], 3)
        .unwrap_or_else(|| panic!("gave up"));
    let (Column::Dbl(x), Column::Int(i), Column::Str(s)) = (&cols[0], &cols[1], &cols[2]) else {
        panic!("kinds")
    };
    assert_eq!((x.len(), i.len(), s.len()), (30000, 30000, 30000));
    assert!(crate::value::is_na_real(x[7]) && x[8] == 8.25 && x[29999] == 29999.25);
    assert_eq!((i[0], i[29999]), (-5, 29994));
    assert_eq!(
        (s[0].as_deref(), s[2].as_deref(), s[3].as_deref()),
        (Some("a"), None, Some(""))
    );
    assert!(Rc::ptr_eq(
        s[0].as_ref().unwrap_or_else(|| panic!()),
        s[29996].as_ref().unwrap_or_else(|| panic!())
    ));
    // kept as codes into the distinct strings, in the order first met
    let (codes, dict) = s.codes().unwrap_or_else(|| panic!("not coded"));
    assert_eq!((&codes[..4], dict.len()), (&[0, 1, CODE_NA, 2][..], 3));
}

/// Text fields of many shapes, met again and again (short ones are then found by their
/// key): quoted or not, NA, empty, 15, 16 and 20 bytes long, before a carriage return.
#[test]
fn repeated_strings_keep_their_codes() {
    // (as written, as read)
    let pool: [(&str, Option<&str>); 10] = [
        ("a", Some("a")),
        ("west", Some("west")),
        ("\"west\"", Some("west")),
        ("NA", None),
        ("", Some("")),
        ("\"a\"\"b\"", Some("a\"b")),
        ("abcdefghijklmno", Some("abcdefghijklmno")),
        ("abcdefghijklmnop", Some("abcdefghijklmnop")),
        ("abcdefghijklmnopqrst", Some("abcdefghijklmnopqrst")),
        ("x y", Some("x y")),
    ];
    let (mut text, mut want) = (String::from("s,x,t\n"), Vec::new());
    for k in 0..5000usize {
        let (a, b) = (pool[k * 7 % 10], pool[k * 3 % 10]);
        let eol = if k % 5 == 0 { "\r\n" } else { "\n" };
        text.push_str(&format!("{},{},{}{}", a.0, k, b.0, eol));
        want.push((a.1, b.1));
    }
    let cols = read_text(&text, &[Kind::Str, Kind::Dbl, Kind::Str], 2)
        .unwrap_or_else(|| panic!("gave up"));
    let (Column::Str(s), Column::Str(t)) = (&cols[0], &cols[2]) else {
        panic!("kinds")
    };
    for (k, (a, b)) in want.iter().enumerate() {
        assert_eq!((s[k].as_deref(), t[k].as_deref()), (*a, *b), "row {}", k);
    }
}

#[test]
fn quoted_fields_and_giving_up() {
    let cols = read_text(
        "s,x\n\"a,\"\"b\"\"\nc\",1\n\"NA\",2\n",
        &[Kind::Str, Kind::Dbl],
        2,
    )
    .unwrap_or_else(|| panic!("gave up"));
    let Column::Str(s) = &cols[0] else {
        panic!("kind")
    };
    assert_eq!(
        (s[0].as_deref(), s[1].as_deref()),
        (Some("a,\"b\"\nc"), None)
    );
    assert!(
        read_text("x,y\n1,2\n3\n", &[Kind::Dbl, Kind::Dbl], 1).is_none(),
        "ragged row"
    );
    assert!(
        read_text("x,y\n1,2\n3,a\n", &[Kind::Dbl, Kind::Dbl], 1).is_none(),
        "text in a number column"
    );
    assert!(
        read_text("x,y\n1,2\n3,4.5\n", &[Kind::Dbl, Kind::Int], 1).is_none(),
        "a double in an integer column"
    );
}
#[test]
fn late_quoted_newlines_are_read_whole() {
    // plain rows first (cut and split without looking for quotes), then quoted fields
    // holding newlines wherever a block or part boundary may fall
    let mut text = String::from("s,x\n");
    let mut want = Vec::new();
    for k in 0..6000 {
        let s = if k >= 1500 && k % 7 == 0 {
            format!("l{}\nm,{}", k, k)
        } else {
            format!("p{}", k)
        };
        if k < 1500 {
            text.push_str(&format!("{},{}\n", s, k));
        } else {
            text.push_str(&format!("\"{}\",{}\n", s, k));
        }
        want.push(s);
    }
    let check = |s: &[crate::value::RStr], x: &[f64], from: usize| {
        for (k, (a, b)) in s.iter().zip(x).enumerate() {
            assert_eq!(a.as_deref(), Some(want[from + k].as_str()));
            assert_eq!(*b, (from + k) as f64);
        }
    };
    let cols = read_text(&text, &[Kind::Str, Kind::Dbl], 3).unwrap_or_else(|| panic!("gave up"));
    let (Column::Str(s), Column::Dbl(x)) = (&cols[0], &cols[1]) else {
        panic!("kinds")
    };
    assert_eq!(s.len(), 6000);
    check(s, x, 0);
    // in small blocks, read ahead while parsing
    let mut rows = 0;
    let done = with_file(&text, |path, fmt| {
        for_each_chunk(path, fmt, &[Kind::Str, Kind::Dbl], 2, 4096, |cols| {
            let (Column::Str(s), Column::Dbl(x)) = (&cols[0], &cols[1]) else {
                panic!("kinds")
            };
            check(s, x, rows);
            rows += s.len();
            Ok(true)
        })
    });
    assert!(matches!(done, Ok(Some(()))));
    assert_eq!(rows, 6000);
}

/// Fields of many shapes, each followed by a comma and padding: the short-number parsers
/// (scalar, and SSSE3 where the processor has it) agree with the standard library on the
/// ones they take, and take every plain decimal short enough.
#[test]
fn short_numbers_match_the_standard_parse() {
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = move |k: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % k
    };
    let alphabet = b"0123456789.-+e,x";
    for round in 0..20_000 {
        // mostly decimals of up to 16 characters, sometimes any bytes of the alphabet
        let mut f = String::new();
        if round % 4 == 0 {
            for _ in 0..next(17) {
                f.push(alphabet[next(alphabet.len() as u64) as usize] as char);
            }
        } else {
            match next(3) {
                0 => f.push('-'),
                1 => f.push('+'),
                _ => {}
            }
            for _ in 0..next(9) {
                f.push((b'0' + next(10) as u8) as char);
            }
            if next(4) > 0 {
                f.push('.');
                for _ in 0..next(9) {
                    f.push((b'0' + next(10) as u8) as char);
                }
            }
        }
        let field = f.split(',').next().unwrap_or("").to_string();
        let text = format!("{},{}", field, "9".repeat(24));
        let want: Option<f64> = field
            .parse()
            .ok()
            .filter(|_| field.bytes().any(|b| b.is_ascii_digit()) && !field.contains(['e', 'x']));
        let scalar = short_decimal(text.as_bytes(), 0, u64::from_le_bytes([b','; 8]));
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("ssse3") {
            // SAFETY: the processor has SSSE3
            #[allow(unsafe_code)]
            let simd = unsafe { super::simd::short_decimal(text.as_bytes(), 0, b',') };
            let bits = |r: Option<(f64, usize)>| r.map(|(x, n)| (x.to_bits(), n));
            match want {
                Some(w) if field.len() <= 15 => {
                    assert_eq!(bits(simd), Some((w.to_bits(), field.len())), "{}", field)
                }
                Some(_) => assert_eq!(simd, None, "{}", field),
                None => assert_eq!(simd, None, "{}", field),
            }
        }
        // the scalar parser takes up to seven digits on each side of the point, within 15
        // bytes
        match (scalar, want) {
            (Some((x, n)), Some(w)) => {
                assert_eq!((x.to_bits(), n), (w.to_bits(), field.len()), "{}", field)
            }
            (Some(_), None) => panic!("{} taken", field),
            (None, Some(_)) => {
                let digits = |s: &str| s.bytes().filter(u8::is_ascii_digit).count();
                let (a, b) = field.split_once('.').unwrap_or((&field, ""));
                let long = digits(a) > 7 || digits(b) > 7 || field.len() > 15;
                assert!(long, "{} not taken", field);
            }
            (None, None) => {}
        }
    }
}

/// Single-thread parse speed on a real file (not a test: run by hand with
/// `RSC_PARSE_BENCH=path cargo test --release --lib parse_speed -- --ignored --nocapture`).
#[test]
#[ignore]
fn parse_speed() {
    let Ok(path) = std::env::var("RSC_PARSE_BENCH") else {
        return;
    };
    let bytes = std::fs::read(&path).unwrap();
    let body = &bytes[bytes.iter().position(|&b| b == b'\n').unwrap() + 1..];
    let body = &body[..last_record_end(&body[..body.len().min(128 << 20)], None).unwrap()];
    let mut kinds = vec![Kind::Dbl; 11];
    kinds.push(Kind::Str);
    let na = vec!["NA".to_string()];
    let fmt = comma(&na, true);
    let mut part = Part::new(&kinds);
    let (mut best, mut rows) = (f64::INFINITY, 0);
    // in parts of the size the reader gives each thread
    let texts = split(body, body.len() / (BLOCK / PARTS_PER_THREAD / 2));
    for _ in 0..5 {
        let t = std::time::Instant::now();
        rows = 0;
        for text in &texts {
            assert!(part.parse(text, &fmt, &kinds));
            rows += part.rows;
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    let fields = rows * kinds.len();
    eprintln!(
        "{} rows, {:.2} ns/field, {:.3} GB/s",
        rows,
        best * 1e9 / fields as f64,
        body.len() as f64 / best / 1e9
    );
}
