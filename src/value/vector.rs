//! Atomic vectors and lists with R's NA conventions.

use super::Value;
use std::rc::Rc;

/// Integer NA, as in R.
pub const NA_INT: i32 = i32::MIN;
/// Logical NA (logicals are stored as i32: 0, 1 or NA_INT).
pub const NA_LGL: i32 = i32::MIN;

/// R's NA_real_: a NaN with payload 1954 in the low word.
pub const NA_REAL_BITS: u64 = 0x7FF0_0000_0000_07A2;

/// The double NA value.
#[inline]
pub fn na_real() -> f64 {
    f64::from_bits(NA_REAL_BITS)
}

/// True for R's `NA_real_` (not for other NaNs).
#[inline]
pub fn is_na_real(x: f64) -> bool {
    x.is_nan() && (x.to_bits() & 0xFFFF_FFFF) == 1954
}

/// Writes `x` as the one element of `buf` in place, when `buf` has one element and
/// nothing else holds it.
pub(crate) fn overwrite_scalar<T>(buf: &mut Rc<Vec<T>>, x: T) -> bool {
    match Rc::get_mut(buf) {
        Some(b) if b.len() == 1 => {
            b[0] = x;
            true
        }
        _ => false,
    }
}

/// A string element; `None` is `NA_character_`.
pub type RStr = Option<Rc<str>>;

/// The payload of an atomic vector or list. Each is shared and copied on write.
#[derive(Clone, Debug)]
pub enum Data {
    /// Bytes (`raw`): no NA, lowest in the coercion order.
    Raw(Rc<Vec<u8>>),
    Lgl(Rc<Vec<i32>>),
    Int(Rc<Vec<i32>>),
    Dbl(Rc<Vec<f64>>),
    Cplx(Rc<Vec<super::complex::C64>>),
    Str(Rc<super::Strs>),
    List(Rc<Vec<Value>>),
}

/// R's vector types, ordered as coercion goes
/// (raw < logical < integer < double < complex < character < list).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum VType {
    Raw,
    Lgl,
    Int,
    Dbl,
    Cplx,
    Str,
    List,
}

impl VType {
    /// `typeof()` name.
    pub fn type_name(self) -> &'static str {
        match self {
            VType::Raw => "raw",
            VType::Lgl => "logical",
            VType::Int => "integer",
            VType::Dbl => "double",
            VType::Cplx => "complex",
            VType::Str => "character",
            VType::List => "list",
        }
    }
    /// `mode()`/`class()` name for plain vectors.
    pub fn class_name(self) -> &'static str {
        match self {
            VType::Raw => "raw",
            VType::Lgl => "logical",
            VType::Int => "integer",
            VType::Dbl => "numeric",
            VType::Cplx => "complex",
            VType::Str => "character",
            VType::List => "list",
        }
    }
}

impl Data {
    pub fn vtype(&self) -> VType {
        match self {
            Data::Raw(_) => VType::Raw,
            Data::Lgl(_) => VType::Lgl,
            Data::Int(_) => VType::Int,
            Data::Dbl(_) => VType::Dbl,
            Data::Cplx(_) => VType::Cplx,
            Data::Str(_) => VType::Str,
            Data::List(_) => VType::List,
        }
    }
    pub fn len(&self) -> usize {
        match self {
            Data::Raw(v) => v.len(),
            Data::Lgl(v) | Data::Int(v) => v.len(),
            Data::Dbl(v) => v.len(),
            Data::Cplx(v) => v.len(),
            Data::Str(v) => v.len(),
            Data::List(v) => v.len(),
        }
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// An empty payload of a type.
    pub fn empty(t: VType) -> Data {
        Data::with_len(t, 0)
    }
    /// A payload of `n` default elements (FALSE, 0, "", NULL).
    pub fn with_len(t: VType, n: usize) -> Data {
        match t {
            VType::Raw => Data::Raw(Rc::new(vec![0; n])),
            VType::Lgl => Data::Lgl(Rc::new(vec![0; n])),
            VType::Int => Data::Int(Rc::new(vec![0; n])),
            VType::Dbl => Data::Dbl(Rc::new(vec![0.0; n])),
            VType::Cplx => Data::Cplx(Rc::new(vec![super::complex::C64::new(0.0, 0.0); n])),
            VType::Str => Data::Str(Rc::new(vec![Some(Rc::from("")); n].into())),
            VType::List => Data::List(Rc::new(vec![Value::Null; n])),
        }
    }
    /// A payload of `n` NA elements (NULL for lists).
    pub fn na_of(t: VType, n: usize) -> Data {
        match t {
            VType::Raw => Data::Raw(Rc::new(vec![0; n])),
            VType::Lgl => Data::Lgl(Rc::new(vec![NA_LGL; n])),
            VType::Int => Data::Int(Rc::new(vec![NA_INT; n])),
            VType::Dbl => Data::Dbl(Rc::new(vec![na_real(); n])),
            VType::Cplx => Data::Cplx(Rc::new(vec![super::complex::na_cplx(); n])),
            VType::Str => Data::Str(Rc::new(vec![None; n].into())),
            VType::List => Data::List(Rc::new(vec![Value::Null; n])),
        }
    }
    /// Whether element `i` is NA (never for lists, except a length-one logical NA element).
    pub fn is_na(&self, i: usize) -> bool {
        match self {
            Data::Raw(_) => false,
            Data::Lgl(v) | Data::Int(v) => v[i] == NA_INT,
            Data::Dbl(v) => v[i].is_nan(),
            Data::Cplx(v) => super::complex::cplx_is_na(v[i]),
            Data::Str(v) => v[i].is_none(),
            Data::List(v) => v[i].is_na_scalar(),
        }
    }
    /// Picks elements by 0-based index; `None` gives NA.
    pub fn select(&self, idx: &[Option<usize>]) -> Data {
        fn pick<T: Clone>(v: &[T], idx: &[Option<usize>], na: T) -> Vec<T> {
            idx.iter()
                .map(|i| match i {
                    Some(i) if *i < v.len() => v[*i].clone(),
                    _ => na.clone(),
                })
                .collect()
        }
        match self {
            Data::Raw(v) => Data::Raw(Rc::new(pick(v, idx, 0))),
            Data::Lgl(v) => Data::Lgl(Rc::new(pick(v, idx, NA_LGL))),
            Data::Int(v) => Data::Int(Rc::new(pick(v, idx, NA_INT))),
            Data::Dbl(v) => Data::Dbl(Rc::new(pick(v, idx, na_real()))),
            Data::Cplx(v) => Data::Cplx(Rc::new(pick(v, idx, super::complex::na_cplx()))),
            Data::Str(v) => Data::Str(Rc::new(pick(v, idx, None).into())),
            Data::List(v) => Data::List(Rc::new(pick(v, idx, Value::Null))),
        }
    }
}
