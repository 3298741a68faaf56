//! `deparse()` of values: `c(1, 2)`, `1:3`, `"a"`, `list(a = 1)`, `structure(...)`.

use super::str_format::{escape_str, is_syntactic_name};
use crate::value::coerce::num_to_string;
use crate::value::{is_na_real, Data, Value, NA_INT};

/// Line width after which R's deparser breaks vectors (`width.cutoff = 60`).
const CUTOFF: usize = 60;

/// A deparse buffer that breaks lines after `, ` once a line exceeds the cutoff.
struct Buf {
    lines: Vec<String>,
    cur: String,
}

impl Buf {
    fn push(&mut self, s: &str) {
        self.cur.push_str(s);
    }
    fn sep(&mut self) {
        self.cur.push_str(", ");
        if self.cur.len() > CUTOFF {
            self.lines.push(std::mem::take(&mut self.cur));
        }
    }
}

/// A short one-line deparse of a value for error messages (`unused argument (3)`).
pub fn deparse_value_short(v: &Value) -> String {
    deparse_lines(v).concat()
}

/// R's `deparse()` of a value, lines joined with `\n`.
pub fn deparse_value(v: &Value) -> String {
    deparse_lines(v).join("\n")
}

/// R's `deparse()` of a value as separate lines (breaking at width 60 like R).
pub fn deparse_lines(v: &Value) -> Vec<String> {
    let mut b = Buf {
        lines: Vec::new(),
        cur: String::new(),
    };
    dep(&mut b, v);
    if !b.cur.is_empty() || b.lines.is_empty() {
        b.lines.push(b.cur);
    }
    b.lines
}

fn name_str(n: &str) -> String {
    if is_syntactic_name(n) {
        n.to_string()
    } else {
        escape_str(n, true)
    }
}

fn int_range(x: &[i32]) -> bool {
    x.len() >= 2
        && x.iter().all(|&v| v != NA_INT)
        && (x.windows(2).all(|w| w[1] as i64 == w[0] as i64 + 1)
            || x.windows(2).all(|w| w[1] as i64 == w[0] as i64 - 1))
}

fn elem(d: &Data, i: usize, all_na: bool) -> String {
    match d {
        Data::Raw(x) => format!("0x{:02x}", x[i]),
        Data::Lgl(x) => match x[i] {
            NA_INT => "NA".into(),
            0 => "FALSE".into(),
            _ => "TRUE".into(),
        },
        Data::Int(x) => {
            if x[i] == NA_INT {
                if all_na {
                    "NA_integer_".into()
                } else {
                    "NA".into()
                }
            } else {
                format!("{}L", x[i])
            }
        }
        Data::Dbl(x) => {
            if is_na_real(x[i]) {
                if all_na {
                    "NA_real_".into()
                } else {
                    "NA".into()
                }
            } else {
                num_to_string(x[i])
            }
        }
        Data::Cplx(x) => {
            let z = x[i];
            if crate::value::complex::cplx_is_na_strict(z) {
                if all_na {
                    "NA_complex_".into()
                } else {
                    "NA".into()
                }
            } else if z.re.is_finite() && z.im.is_finite() {
                crate::value::complex::cplx_to_string(z)
                    .map(|s| s.to_string())
                    .unwrap_or_else(|| "NA".into())
            } else {
                format!(
                    "complex(real={}, imaginary={})",
                    num_to_string(z.re),
                    num_to_string(z.im)
                )
            }
        }
        Data::Str(x) => match &x[i] {
            Some(s) => escape_str(s, true),
            None => {
                if all_na {
                    "NA_character_".into()
                } else {
                    "NA".into()
                }
            }
        },
        Data::List(x) => deparse_value_short(&x[i]),
    }
}

fn dep(b: &mut Buf, v: &Value) {
    match v {
        Value::Null => b.push("NULL"),
        Value::Vector(vec) => dep_vector(b, v, &vec.data),
        Value::Lang(l) => b.push(&crate::syntax::deparse::deparse(&l.expr)),
        Value::Closure(c) => {
            let f = crate::syntax::ast::Expr::new(
                crate::syntax::ast::ExprKind::Function(c.params.clone(), c.body.clone()),
                c.body.span,
            );
            b.push(&crate::syntax::deparse::deparse(&f))
        }
        Value::Builtin(bi) => b.push(&format!(".Primitive(\"{}\")", bi.name)),
        Value::Env(_) => b.push("<environment>"),
        Value::Promise(p) => match p.value.borrow().clone() {
            Some(x) => dep(b, &x),
            None => b.push(&crate::syntax::deparse::deparse(&p.expr)),
        },
        Value::Missing => {}
        Value::Extern(x) => b.push(&format!("<pointer: {}>", x.0.class())),
    }
}

fn dep_vector(b: &mut Buf, v: &Value, d: &Data) {
    let attrs: Vec<(String, Value)> = v
        .attrs()
        .map(|a| {
            a.iter()
                .map(|(k, x)| (k.as_str().to_string(), x.clone()))
                .collect()
        })
        .unwrap_or_default();
    let names = v.names();
    let is_list = matches!(d, Data::List(_));
    let range = matches!(d, Data::Int(x) if int_range(x));
    // Names go inline (`c(a = 1)`) unless the vector is a range; other attributes need structure().
    let inline_names = names.is_some() && !range && !d.is_empty();
    let extra: Vec<&(String, Value)> = attrs
        .iter()
        .filter(|(k, _)| !(inline_names && k == "names"))
        .collect();
    if !extra.is_empty() {
        b.push("structure(");
    }
    let n = d.len();
    if n == 0 {
        b.push(match d {
            Data::Raw(_) => "raw(0)",
            Data::Lgl(_) => "logical(0)",
            Data::Int(_) => "integer(0)",
            Data::Dbl(_) => "numeric(0)",
            Data::Cplx(_) => "complex(0)",
            Data::Str(_) => "character(0)",
            Data::List(_) => "list()",
        });
    } else if let (true, Data::Int(x)) = (range, d) {
        b.push(&format!("{}:{}", x[0], x[n - 1]));
    } else {
        let all_na = (0..n).all(|i| d.is_na(i)) && !matches!(d, Data::Lgl(_));
        let wrap = n > 1 || inline_names || is_list;
        let is_raw = matches!(d, Data::Raw(_));
        if is_raw {
            b.push("as.raw(");
        }
        if wrap {
            b.push(if is_list { "list(" } else { "c(" });
        }
        for i in 0..n {
            if i > 0 {
                b.sep();
            }
            if inline_names {
                if let Some(nm) = names.as_ref().and_then(|ns| ns.get(i).cloned().flatten()) {
                    if !nm.is_empty() {
                        b.push(&format!("{} = ", name_str(&nm)));
                    }
                }
            }
            if let Data::List(items) = d {
                dep(b, &items[i]);
            } else {
                b.push(&elem(d, i, all_na));
            }
        }
        if wrap {
            b.push(")");
        }
        if is_raw {
            b.push(")");
        }
    }
    if !extra.is_empty() {
        for (k, x) in extra {
            b.sep();
            let key = match k.as_str() {
                "dim" => "dim".to_string(),
                "dimnames" => "dimnames".to_string(),
                k => name_str(k),
            };
            b.push(&format!("{} = ", key));
            dep(b, x);
        }
        b.push(")");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::sym::Sym;
    use crate::value::na_real;

    #[test]
    fn deparse_constants() {
        assert_eq!(deparse_value(&Value::num(3.0)), "3");
        assert_eq!(deparse_value(&Value::str("a")), "\"a\"");
        assert_eq!(deparse_value(&Value::dbls(vec![1.0, 2.0])), "c(1, 2)");
        assert_eq!(deparse_value(&Value::ints(vec![1, 2, 3])), "1:3");
        assert_eq!(deparse_value(&Value::ints(vec![3, 2, 1])), "3:1");
        assert_eq!(deparse_value(&Value::int(5)), "5L");
        assert_eq!(deparse_value(&Value::ints(vec![1, NA_INT])), "c(1L, NA)");
        assert_eq!(deparse_value(&Value::int(NA_INT)), "NA_integer_");
        assert_eq!(
            deparse_value(&Value::dbls(vec![na_real(), na_real()])),
            "c(NA_real_, NA_real_)"
        );
        assert_eq!(deparse_value(&Value::lgl(true)), "TRUE");
        assert_eq!(deparse_value(&Value::Null), "NULL");
        assert_eq!(
            deparse_value(&Value::named_list(vec![("a".into(), Value::num(1.0))])),
            "list(a = 1)"
        );
        assert_eq!(deparse_value(&Value::dbls(vec![])), "numeric(0)");
        assert_eq!(
            deparse_value(&Value::dbls(vec![1.5, na_real(), f64::INFINITY])),
            "c(1.5, NA, Inf)"
        );
        let mut x = Value::num(1.0);
        x.set_attr(Sym::new("names"), Value::str("a b"));
        assert_eq!(deparse_value(&x), "c(\"a b\" = 1)");
        let mut r = Value::ints(vec![1, 2]);
        r.set_attr(Sym::new("names"), Value::strings(&["a", "b"]));
        assert_eq!(deparse_value(&r), "structure(1:2, names = c(\"a\", \"b\"))");
        let f = crate::value::factor::make_factor(vec![1], &["a"], false);
        assert_eq!(
            deparse_value(&f),
            "structure(1L, levels = \"a\", class = \"factor\")"
        );
        let v: Vec<f64> = (1..=20).map(|i| i as f64 * 1.5).collect();
        assert_eq!(
            deparse_lines(&Value::dbls(v)),
            vec![
                "c(1.5, 3, 4.5, 6, 7.5, 9, 10.5, 12, 13.5, 15, 16.5, 18, 19.5, ",
                "21, 22.5, 24, 25.5, 27, 28.5, 30)"
            ]
        );
    }
}
