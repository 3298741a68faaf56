//! Conversions between vector types, following R's coercion rules.

use super::complex::{cplx_is_na, cplx_to_string, dbl_to_cplx, int_to_cplx, parse_cplx, C64};
use super::vector::{is_na_real, na_real, Data, RStr, VType, NA_INT, NA_LGL};
use super::{Value, Vector};
use crate::syntax::ast::{Expr, ExprKind};
use std::rc::Rc;

/// `length()` of a language object (a call counts its function and arguments).
pub fn lang_len(e: &Expr) -> usize {
    match &e.kind {
        ExprKind::Call(_, a) => 1 + a.len(),
        ExprKind::Index(_, a) | ExprKind::Index2(_, a) => 2 + a.len(),
        ExprKind::Binary(..) | ExprKind::Assign(..) | ExprKind::Dollar(..) => 3,
        ExprKind::If(_, _, b) => 3 + b.is_some() as usize,
        ExprKind::Formula(l, _) => 2 + l.is_some() as usize,
        ExprKind::Unary(..) | ExprKind::Paren(_) => 2,
        ExprKind::Block(v) => 1 + v.len(),
        ExprKind::For(..) => 4,
        ExprKind::While(..) => 3,
        ExprKind::Repeat(_) => 2,
        _ => 1,
    }
}

/// Formats a double as `as.character` does: up to 15 significant digits, fixed or
/// scientific, whichever is shorter (fixed wins ties).
pub fn num_to_string(x: f64) -> String {
    if is_na_real(x) {
        return "NA".into();
    }
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Inf".into() } else { "-Inf".into() };
    }
    if x == 0.0 {
        return "0".into();
    }
    // Minimal significant digits (<= 15) that represent x to 15 digits.
    let sci15 = format!("{:.14e}", x);
    let (mant, exp) = sci15.split_once('e').unwrap_or((&sci15, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mant = mant.trim_end_matches('0').trim_end_matches('.');
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let nsig = digits.len() as i32;
    // fixed representation
    let fixed = if exp >= 0 {
        if nsig - 1 <= exp {
            let mut s = digits.clone();
            s.push_str(&"0".repeat((exp - (nsig - 1)) as usize));
            s
        } else {
            let (a, b) = digits.split_at((exp + 1) as usize);
            format!("{}.{}", a, b)
        }
    } else {
        format!("0.{}{}", "0".repeat((-exp - 1) as usize), digits)
    };
    let sci = {
        let m = if nsig > 1 {
            format!("{}.{}", &digits[..1], &digits[1..])
        } else {
            digits.clone()
        };
        format!("{}e{}{:02}", m, if exp < 0 { "-" } else { "+" }, exp.abs())
    };
    let body = if fixed.len() <= sci.len() { fixed } else { sci };
    if neg {
        format!("-{}", body)
    } else {
        body
    }
}

/// Parses a string as R's `as.numeric` does (NA when it does not parse).
pub fn parse_num(s: &str) -> f64 {
    let t = s.trim();
    match t {
        "NA" => return na_real(),
        "Inf" | "inf" | "+Inf" => return f64::INFINITY,
        "-Inf" | "-inf" => return f64::NEG_INFINITY,
        "NaN" => return f64::NAN,
        "TRUE" | "FALSE" | "T" | "F" => return na_real(),
        _ => {}
    }
    let (neg, body) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    if let Some(h) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
        return match u64::from_str_radix(h, 16) {
            Ok(v) => {
                if neg {
                    -(v as f64)
                } else {
                    v as f64
                }
            }
            Err(_) => na_real(),
        };
    }
    if body.is_empty()
        || body
            .chars()
            .any(|c| c.is_ascii_alphabetic() && c != 'e' && c != 'E')
    {
        return na_real();
    }
    match body.parse::<f64>() {
        Ok(v) => {
            if neg {
                -v
            } else {
                v
            }
        }
        Err(_) => na_real(),
    }
}

/// Converts one double to an integer as `as.integer` does (truncation; NA out of range).
pub fn dbl_to_int(x: f64) -> i32 {
    if x.is_nan() || x >= 2147483648.0 || x <= -2147483649.0 {
        NA_INT
    } else {
        x.trunc() as i32
    }
}

fn lgl_str(x: i32) -> RStr {
    match x {
        NA_LGL => None,
        0 => Some(Rc::from("FALSE")),
        _ => Some(Rc::from("TRUE")),
    }
}

fn str_to_lgl(s: &str) -> i32 {
    match s {
        "TRUE" | "true" | "T" | "True" => 1,
        "FALSE" | "false" | "F" | "False" => 0,
        _ => NA_LGL,
    }
}

impl Data {
    /// The payload as doubles.
    pub fn to_dbl(&self) -> Rc<Vec<f64>> {
        match self {
            Data::Raw(v) => Rc::new(v.iter().map(|&b| b as f64).collect()),
            Data::Dbl(v) => v.clone(),
            Data::Lgl(v) | Data::Int(v) => Rc::new(
                v.iter()
                    .map(|&x| if x == NA_INT { na_real() } else { x as f64 })
                    .collect(),
            ),
            Data::Cplx(v) => Rc::new(
                v.iter()
                    .map(|z| if is_na_real(z.im) { na_real() } else { z.re })
                    .collect(),
            ),
            Data::Str(v) => Rc::new(
                v.iter()
                    .map(|s| s.as_deref().map(parse_num).unwrap_or(na_real()))
                    .collect(),
            ),
            Data::List(v) => Rc::new(
                v.iter()
                    .map(|x| {
                        x.data()
                            .filter(|d| d.len() == 1)
                            .map(|d| d.to_dbl()[0])
                            .unwrap_or(na_real())
                    })
                    .collect(),
            ),
        }
    }
    /// The payload as integers.
    pub fn to_int(&self) -> Rc<Vec<i32>> {
        match self {
            Data::Raw(v) => Rc::new(v.iter().map(|&b| b as i32).collect()),
            Data::Int(v) => v.clone(),
            Data::Lgl(v) => v.clone(),
            Data::Dbl(v) => Rc::new(v.iter().map(|&x| dbl_to_int(x)).collect()),
            Data::Cplx(v) => Rc::new(
                v.iter()
                    .map(|z| if cplx_is_na(*z) { NA_INT } else { dbl_to_int(z.re) })
                    .collect(),
            ),
            Data::Str(v) => Rc::new(
                v.iter()
                    .map(|s| {
                        s.as_deref()
                            .map(|s| dbl_to_int(parse_num(s)))
                            .unwrap_or(NA_INT)
                    })
                    .collect(),
            ),
            Data::List(v) => Rc::new(
                v.iter()
                    .map(|x| {
                        x.data()
                            .filter(|d| d.len() == 1)
                            .map(|d| d.to_int()[0])
                            .unwrap_or(NA_INT)
                    })
                    .collect(),
            ),
        }
    }
    /// The payload as logicals.
    pub fn to_lgl(&self) -> Rc<Vec<i32>> {
        match self {
            Data::Raw(v) => Rc::new(v.iter().map(|&b| (b != 0) as i32).collect()),
            Data::Lgl(v) => v.clone(),
            Data::Int(v) => Rc::new(
                v.iter()
                    .map(|&x| if x == NA_INT { NA_LGL } else { (x != 0) as i32 })
                    .collect(),
            ),
            Data::Dbl(v) => Rc::new(
                v.iter()
                    .map(|&x| {
                        if x.is_nan() {
                            NA_LGL
                        } else {
                            (x != 0.0) as i32
                        }
                    })
                    .collect(),
            ),
            Data::Cplx(v) => Rc::new(
                v.iter()
                    .map(|z| {
                        if cplx_is_na(*z) {
                            NA_LGL
                        } else {
                            (z.re != 0.0 || z.im != 0.0) as i32
                        }
                    })
                    .collect(),
            ),
            Data::Str(v) => Rc::new(
                v.iter()
                    .map(|s| s.as_deref().map(str_to_lgl).unwrap_or(NA_LGL))
                    .collect(),
            ),
            Data::List(v) => Rc::new(
                v.iter()
                    .map(|x| {
                        x.data()
                            .filter(|d| d.len() == 1)
                            .map(|d| d.to_lgl()[0])
                            .unwrap_or(NA_LGL)
                    })
                    .collect(),
            ),
        }
    }
    /// The payload as strings (numbers as `as.character` writes them).
    pub fn to_str(&self) -> Rc<crate::value::Strs> {
        match self {
            Data::Raw(v) => Rc::new(
                v.iter()
                    .map(|&b| Some(Rc::from(format!("{b:02x}"))))
                    .collect(),
            ),
            Data::Str(v) => v.clone(),
            Data::Lgl(v) => Rc::new(v.iter().map(|&x| lgl_str(x)).collect()),
            Data::Int(v) => Rc::new(
                v.iter()
                    .map(|&x| {
                        if x == NA_INT {
                            None
                        } else {
                            Some(Rc::from(x.to_string()))
                        }
                    })
                    .collect(),
            ),
            Data::Dbl(v) => Rc::new(
                v.iter()
                    .map(|&x| {
                        if is_na_real(x) {
                            None
                        } else {
                            Some(Rc::from(crate::value::num_format::with_out_dec(num_to_string(x))))
                        }
                    })
                    .collect(),
            ),
            Data::Cplx(v) => Rc::new(v.iter().map(|&z| cplx_to_string(z)).collect()),
            Data::List(v) => Rc::new(
                v.iter()
                    .map(|x| match x.data() {
                        Some(d) if d.len() == 1 && d.vtype() != VType::List => {
                            d.to_str()[0].clone()
                        }
                        _ => Some(Rc::from(crate::value::deparse::deparse_value_short(x))),
                    })
                    .collect(),
            ),
        }
    }
    /// The payload as complex numbers.
    pub fn to_cplx(&self) -> Rc<Vec<C64>> {
        match self {
            Data::Raw(v) => Rc::new(v.iter().map(|&b| C64::new(b as f64, 0.0)).collect()),
            Data::Cplx(v) => v.clone(),
            Data::Lgl(v) | Data::Int(v) => Rc::new(v.iter().map(|&x| int_to_cplx(x)).collect()),
            Data::Dbl(v) => Rc::new(v.iter().map(|&x| dbl_to_cplx(x)).collect()),
            Data::Str(v) => Rc::new(
                v.iter()
                    .map(|s| {
                        s.as_deref()
                            .map(parse_cplx)
                            .unwrap_or_else(super::complex::na_cplx)
                    })
                    .collect(),
            ),
            Data::List(v) => Rc::new(
                v.iter()
                    .map(|x| {
                        x.data()
                            .filter(|d| d.len() == 1)
                            .map(|d| d.to_cplx()[0])
                            .unwrap_or_else(super::complex::na_cplx)
                    })
                    .collect(),
            ),
        }
    }
    /// The payload as bytes, as `as.raw` converts: values outside 0..=255 (and NA)
    /// become 0; the flag tells whether any did (R warns "out-of-range values treated
    /// as 0 in coercion to raw").
    pub fn to_raw(&self) -> (Rc<Vec<u8>>, bool) {
        let mut bad = false;
        let mut from_int = |x: i32| {
            if (0..=255).contains(&x) {
                x as u8
            } else {
                bad = true;
                0
            }
        };
        let v: Vec<u8> = match self {
            Data::Raw(v) => return (v.clone(), false),
            Data::Lgl(v) | Data::Int(v) => v.iter().map(|&x| from_int(x)).collect(),
            Data::Dbl(_) | Data::Cplx(_) | Data::Str(_) | Data::List(_) => {
                self.to_int().iter().map(|&x| from_int(x)).collect()
            }
        };
        (Rc::new(v), bad)
    }
    /// The payload as list elements.
    pub fn to_list(&self) -> Rc<Vec<Value>> {
        match self {
            Data::List(v) => v.clone(),
            _ => Rc::new(
                (0..self.len())
                    .map(|i| Value::from_data(self.select(&[Some(i)])))
                    .collect(),
            ),
        }
    }
    /// Converts to another vector type.
    pub fn coerce(&self, t: VType) -> Data {
        if self.vtype() == t {
            return self.clone();
        }
        match t {
            VType::Raw => Data::Raw(self.to_raw().0),
            VType::Lgl => Data::Lgl(self.to_lgl()),
            VType::Int => Data::Int(self.to_int()),
            VType::Dbl => Data::Dbl(self.to_dbl()),
            VType::Cplx => Data::Cplx(self.to_cplx()),
            VType::Str => Data::Str(self.to_str()),
            VType::List => Data::List(self.to_list()),
        }
    }
}

impl Value {
    /// A vector converted to type `t`, keeping attributes (NULL becomes an empty vector).
    pub fn coerce(&self, t: VType) -> Value {
        match self {
            Value::Vector(v) => Value::Vector(Vector {
                data: v.data.coerce(t),
                attrs: v.attrs.clone(),
            }),
            _ => Value::from_data(Data::empty(t)),
        }
    }
    /// The first element as a double, if any.
    pub fn as_f64(&self) -> Option<f64> {
        let d = self.data()?;
        if d.is_empty() || d.vtype() == VType::List {
            return None;
        }
        Some(d.select(&[Some(0)]).to_dbl()[0])
    }
    /// The first element as an integer (NA is `NA_INT`).
    pub fn as_i32(&self) -> Option<i32> {
        let d = self.data()?;
        if d.is_empty() || d.vtype() == VType::List {
            return None;
        }
        Some(d.select(&[Some(0)]).to_int()[0])
    }
    /// The first element as a logical: Some(None) for NA.
    pub fn as_bool(&self) -> Option<Option<bool>> {
        let d = self.data()?;
        if d.is_empty() || d.vtype() == VType::List {
            return None;
        }
        let x = d.select(&[Some(0)]).to_lgl()[0];
        Some(if x == NA_LGL { None } else { Some(x != 0) })
    }
    /// The first element as a string (None for NA or non-vectors).
    pub fn as_string(&self) -> Option<String> {
        let d = self.data()?;
        if d.is_empty() {
            return None;
        }
        d.select(&[Some(0)]).to_str()[0]
            .as_deref()
            .map(|s| s.to_string())
    }
    /// All elements as doubles (empty for non-vectors).
    pub fn dbl_vec(&self) -> Rc<Vec<f64>> {
        self.data().map(|d| d.to_dbl()).unwrap_or_default()
    }
    pub fn cplx_vec(&self) -> Rc<Vec<C64>> {
        self.data().map(|d| d.to_cplx()).unwrap_or_default()
    }
    pub fn int_vec(&self) -> Rc<Vec<i32>> {
        self.data().map(|d| d.to_int()).unwrap_or_default()
    }
    pub fn lgl_vec(&self) -> Rc<Vec<i32>> {
        self.data().map(|d| d.to_lgl()).unwrap_or_default()
    }
    pub fn str_vec(&self) -> Rc<crate::value::Strs> {
        self.data().map(|d| d.to_str()).unwrap_or_default()
    }
    pub fn list_vec(&self) -> Rc<Vec<Value>> {
        self.data().map(|d| d.to_list()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn as_character_doubles() {
        assert_eq!(num_to_string(0.1), "0.1");
        assert_eq!(num_to_string(1.0 / 3.0), "0.333333333333333");
        assert_eq!(num_to_string(1e6), "1e+06");
        assert_eq!(num_to_string(123456.7), "123456.7");
        assert_eq!(num_to_string(3.0), "3");
        assert_eq!(num_to_string(100000.0), "1e+05");
        assert_eq!(num_to_string(123456.0), "123456");
        assert_eq!(num_to_string(-2.5), "-2.5");
        assert_eq!(num_to_string(1e-20), "1e-20");
        assert_eq!(num_to_string(0.0001), "1e-04");
        assert_eq!(num_to_string(0.00012), "0.00012");
    }
}
