//! Runtime values: vectors with attributes, lists, functions, environments, language objects.

pub mod alloc;
pub mod class;
pub mod coerce;
pub mod collate;
pub mod combine;
pub mod complex;
pub mod deparse;
pub mod env;
pub mod factor;
pub mod fields;
pub mod frame;
pub mod groups;
pub mod num_format;
pub mod raw;
pub mod str_format;
pub mod uniq;
pub mod strs;
pub mod vector;

pub use env::Env;
pub use strs::Strs;
pub use vector::{is_na_real, na_real, Data, RStr, VType, NA_INT, NA_LGL};

use crate::syntax::ast::{Expr, Param};
use crate::syntax::sym::Sym;
use std::cell::RefCell;
use std::rc::Rc;

/// Attributes in insertion order (R prints them in that order).
pub type Attrs = Vec<(Sym, Value)>;

/// An atomic vector or list with optional attributes.
#[derive(Clone, Debug)]
pub struct Vector {
    pub data: Data,
    pub attrs: Option<Rc<Attrs>>,
}

/// A user-defined function.
#[derive(Debug, Clone)]
pub struct Closure {
    pub params: Rc<Vec<Param>>,
    pub body: Rc<Expr>,
    pub env: Env,
    pub attrs: Option<Rc<Attrs>>,
}

/// A quoted expression (`quote(x + 1)`, a symbol, or a formula with its attributes).
#[derive(Clone, Debug)]
pub struct Lang {
    pub expr: Rc<Expr>,
    pub attrs: Option<Rc<Attrs>>,
}

/// A lazily evaluated argument.
#[derive(Debug)]
pub struct Promise {
    pub expr: Rc<Expr>,
    pub env: Option<Env>,
    pub value: RefCell<Option<Value>>,
    /// True for a parameter's default (the argument itself was missing).
    pub is_default: bool,
}

/// A builtin function as a value: its R name and its id in the interpreter's registry
/// of builtins (`eval::Interp::builtin_kind`).
#[derive(Debug, PartialEq, Eq)]
pub struct Builtin {
    pub name: &'static str,
    pub id: usize,
}

/// Every value a script can hold.
#[derive(Clone, Debug)]
pub enum Value {
    Null,
    Vector(Vector),
    Closure(Rc<Closure>),
    Builtin(Rc<Builtin>),
    Env(Env),
    Lang(Rc<Lang>),
    /// Only ever stored in environments; forced on lookup.
    Promise(Rc<Promise>),
    /// The empty argument marker used for missing arguments without defaults.
    Missing,
    /// A host object the language only passes around (a lazy frame, say); see [`Extern`].
    Extern(Rc<Extern>),
}

/// An opaque object owned by a module outside the evaluator (a lazy frame, say).
pub trait ExternObj {
    /// The R class, used for S3 dispatch and `class()`.
    fn class(&self) -> &'static str;
    /// What `print` shows.
    fn describe(&self) -> String;
    /// For the owning module to downcast.
    fn as_any(&self) -> &dyn std::any::Any;
    /// What `length()` gives (1 unless the object says otherwise).
    fn len(&self) -> usize {
        1
    }
    /// What `dim()` gives, for a host object that is a table (a remote frame).
    fn dim(&self) -> Option<Result<Vec<usize>, String>> {
        None
    }
    /// What `names()` gives, for a host object that has column names.
    fn names(&self) -> Option<Vec<String>> {
        None
    }
    /// `head(x, n)` of a host object that is a table.
    fn head(&self, _n: usize) -> Option<Result<Value, String>> {
        None
    }
    /// `summary(x)` of a host object that is a table: each column's name and summary, as
    /// `summary.data.frame` shows it (a `summaryDefault`).
    fn column_summaries(&self) -> Option<Result<Vec<(String, Value)>, String>> {
        None
    }
    /// `collect(x, n)` of a host object that is a table, refusing more than `max` rows
    /// when `n` is not given.
    fn collect(&self, _n: Option<usize>, _max: usize) -> Option<Result<Value, String>> {
        None
    }
}

/// A shared handle to an [`ExternObj`].
pub struct Extern(pub Box<dyn ExternObj>);

impl std::fmt::Debug for Extern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{}>", self.0.class())
    }
}

impl Value {
    pub fn from_data(data: Data) -> Value {
        Value::Vector(Vector { data, attrs: None })
    }
    pub fn num(x: f64) -> Value {
        Value::from_data(Data::Dbl(Rc::new(vec![x])))
    }
    pub fn int(x: i32) -> Value {
        Value::from_data(Data::Int(Rc::new(vec![x])))
    }
    pub fn lgl(x: bool) -> Value {
        Value::from_data(Data::Lgl(Rc::new(vec![x as i32])))
    }
    pub fn lgl_na() -> Value {
        Value::from_data(Data::Lgl(Rc::new(vec![NA_LGL])))
    }
    pub fn str(s: &str) -> Value {
        Value::from_data(Data::Str(Rc::new(vec![Some(Rc::from(s))].into())))
    }
    pub fn dbls(v: Vec<f64>) -> Value {
        Value::from_data(Data::Dbl(Rc::new(v)))
    }
    pub fn cplxs(v: Vec<complex::C64>) -> Value {
        Value::from_data(Data::Cplx(Rc::new(v)))
    }
    pub fn ints(v: Vec<i32>) -> Value {
        Value::from_data(Data::Int(Rc::new(v)))
    }
    pub fn lgls(v: Vec<i32>) -> Value {
        Value::from_data(Data::Lgl(Rc::new(v)))
    }
    pub fn strs(v: Vec<RStr>) -> Value {
        Value::from_data(Data::Str(Rc::new(v.into())))
    }
    pub fn strings<S: AsRef<str>>(v: &[S]) -> Value {
        Value::strs(v.iter().map(|s| Some(Rc::from(s.as_ref()))).collect())
    }
    pub fn list(v: Vec<Value>) -> Value {
        Value::from_data(Data::List(Rc::new(v)))
    }
    /// A list with names.
    pub fn named_list(items: Vec<(String, Value)>) -> Value {
        let names: Vec<RStr> = items
            .iter()
            .map(|(n, _)| Some(Rc::from(n.as_str())))
            .collect();
        let vals = items.into_iter().map(|(_, v)| v).collect();
        let mut l = Value::list(vals);
        l.set_attr(Sym::new("names"), Value::strs(names));
        l
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
    pub fn as_vector(&self) -> Option<&Vector> {
        match self {
            Value::Vector(v) => Some(v),
            _ => None,
        }
    }
    pub fn data(&self) -> Option<&Data> {
        self.as_vector().map(|v| &v.data)
    }
    pub fn vtype(&self) -> Option<VType> {
        self.data().map(|d| d.vtype())
    }
    /// `length()` of any value.
    pub fn len(&self) -> usize {
        match self {
            Value::Null | Value::Missing => 0,
            Value::Vector(v) => v.data.len(),
            Value::Env(e) => e.len(),
            Value::Lang(l) => crate::value::coerce::lang_len(&l.expr),
            Value::Extern(x) => x.0.len(),
            _ => 1,
        }
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// A length-one logical NA (used for list elements).
    pub fn is_na_scalar(&self) -> bool {
        match self.data() {
            Some(d) if d.len() == 1 && d.vtype() != VType::List => d.is_na(0),
            _ => false,
        }
    }

    pub fn attrs(&self) -> Option<&Attrs> {
        match self {
            Value::Vector(v) => v.attrs.as_deref(),
            Value::Lang(l) => l.attrs.as_deref(),
            Value::Closure(c) => c.attrs.as_deref(),
            _ => None,
        }
    }
    pub fn get_attr(&self, name: &str) -> Option<&Value> {
        self.attrs()?
            .iter()
            .find(|(k, _)| k.as_str() == name)
            .map(|(_, v)| v)
    }
    fn attrs_slot(&mut self) -> Option<&mut Option<Rc<Attrs>>> {
        match self {
            Value::Vector(v) => Some(&mut v.attrs),
            Value::Lang(l) => Some(&mut Rc::make_mut(l).attrs),
            Value::Closure(c) => Some(&mut Rc::make_mut(c).attrs),
            _ => None,
        }
    }
    /// Sets (or with `Value::Null`, removes) an attribute.
    pub fn set_attr(&mut self, name: Sym, val: Value) {
        let Some(slot) = self.attrs_slot() else {
            return;
        };
        if val.is_null() {
            if let Some(a) = slot {
                let a = Rc::make_mut(a);
                a.retain(|(k, _)| *k != name);
                if a.is_empty() {
                    *slot = None;
                }
            }
            return;
        }
        let a = Rc::make_mut(slot.get_or_insert_with(|| Rc::new(Vec::new())));
        if let Some(e) = a.iter_mut().find(|(k, _)| *k == name) {
            e.1 = val;
        } else {
            a.push((name, val));
        }
    }
    /// Drops every attribute.
    pub fn clear_attrs(&mut self) {
        if let Some(slot) = self.attrs_slot() {
            *slot = None;
        }
    }
    /// The `class` attribute, if set.
    pub fn class_attr(&self) -> Option<Vec<String>> {
        self.get_attr("class").and_then(|c| c.as_strings())
    }
    /// Whether the explicit class attribute contains `cls`.
    pub fn inherits(&self, cls: &str) -> bool {
        match self.get_attr("class") {
            Some(Value::Vector(Vector {
                data: Data::Str(s), ..
            })) => s.iter().any(|x| x.as_deref() == Some(cls)),
            _ => false,
        }
    }
    /// The names attribute as strings (NA names become None).
    pub fn names(&self) -> Option<Vec<RStr>> {
        match self.get_attr("names") {
            Some(Value::Vector(Vector {
                data: Data::Str(s), ..
            })) => Some(s.to_vec()),
            _ => None,
        }
    }
    /// The `dim` attribute as integers.
    pub fn dim(&self) -> Option<Vec<usize>> {
        let d = self.get_attr("dim")?;
        match d.data()? {
            Data::Int(v) => Some(v.iter().map(|&x| x.max(0) as usize).collect()),
            Data::Dbl(v) => Some(v.iter().map(|&x| x.max(0.0) as usize).collect()),
            _ => None,
        }
    }
    /// All elements as strings, if this is a character vector.
    pub fn as_strings(&self) -> Option<Vec<String>> {
        match self.data()? {
            Data::Str(s) => Some(
                s.iter()
                    .map(|x| x.as_deref().unwrap_or("NA").to_string())
                    .collect(),
            ),
            _ => None,
        }
    }
    pub fn is_factor(&self) -> bool {
        self.inherits("factor")
    }
    pub fn is_data_frame(&self) -> bool {
        self.inherits("data.frame")
    }
    pub fn is_function(&self) -> bool {
        matches!(self, Value::Closure(_) | Value::Builtin(_))
    }
}

impl Vector {
    pub fn len(&self) -> usize {
        self.data.len()
    }
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }
}
