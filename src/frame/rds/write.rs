//! Encoding values as a serialization stream, as R writes one: symbols and environments
//! go into a reference table on first sight and are referred to afterwards.

use super::code::*;
use super::lang::{const_value, expr_node, Node, Part};
use super::r_version;
use super::read::Ctx;
use crate::syntax::ast::{Expr, Param};
use crate::syntax::sym::Sym;
use crate::value::{is_na_real, Attrs, Data, Env, RStr, Value, NA_INT};
use std::collections::HashMap;

/// The encoding of the stream body.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Format {
    /// Big-endian binary (R's default).
    Xdr,
    /// Text, one number or string per line (`ascii = TRUE`).
    Ascii,
}

/// Table entries are found by the address of what they stand for.
#[derive(Hash, PartialEq, Eq)]
enum Key {
    Sym(usize),
    Env(usize),
}

struct Writer<'a> {
    out: Vec<u8>,
    fmt: Format,
    refs: HashMap<Key, u32>,
    ctx: &'a Ctx,
}

/// Encodes `v` as a whole stream (format line, header, item) in format `version` (2 or 3).
pub fn serialize(v: &Value, version: u32, fmt: Format, ctx: &Ctx) -> Result<Vec<u8>, String> {
    let mut w = Writer::start(version, fmt, ctx, size_hint(v, 0));
    w.item(v)?;
    Ok(w.out)
}

/// Encodes the bindings of a `.RData` file: a pairlist tagged with the names.
pub fn serialize_bindings(
    items: &[(Sym, Value)],
    version: u32,
    fmt: Format,
    ctx: &Ctx,
) -> Result<Vec<u8>, String> {
    let mut w = Writer::start(version, fmt, ctx, 0);
    for (name, v) in items {
        w.int((LISTSXP as u32 | HAS_TAG) as i32);
        w.sym(*name);
        w.item(v)?;
    }
    w.int(NILVALUE_SXP as i32);
    Ok(w.out)
}

/// About how many bytes the binary stream of `v` takes (its vectors' payloads), so the
/// output buffer is allocated once for a large frame instead of growing by doubling.
fn size_hint(v: &Value, depth: usize) -> usize {
    match v.data() {
        Some(Data::Lgl(x)) | Some(Data::Int(x)) => x.len() * 4,
        Some(Data::Dbl(x)) => x.len() * 8,
        Some(Data::Str(x)) => x.len() * 8,
        Some(Data::List(l)) if depth < 3 => {
            l.iter().map(|x| size_hint(x, depth + 1)).sum::<usize>() + 8 * l.len()
        }
        _ => 0,
    }
    .min(1 << 34)
}

/// Whether a string is plain ASCII (R marks such strings so).
fn ascii(s: &str) -> bool {
    s.is_ascii()
}

impl<'a> Writer<'a> {
    fn start(version: u32, fmt: Format, ctx: &'a Ctx, hint: usize) -> Writer<'a> {
        let mut w = Writer {
            out: Vec::with_capacity(64 + hint),
            fmt,
            refs: HashMap::new(),
            ctx,
        };
        w.out
            .extend_from_slice(if fmt == Format::Xdr { b"X\n" } else { b"A\n" });
        w.int(version as i32);
        w.int(r_version(4, 2, 2) as i32);
        if version >= 3 {
            w.int(r_version(3, 5, 0) as i32);
            w.int(5);
            w.string(b"UTF-8");
        } else {
            w.int(r_version(2, 3, 0) as i32);
        }
        w
    }

    // ---- primitive writes ------------------------------------------------------------

    fn int(&mut self, x: i32) {
        match self.fmt {
            Format::Xdr => self.out.extend_from_slice(&x.to_be_bytes()),
            Format::Ascii => {
                if x == NA_INT {
                    self.out.extend_from_slice(b"NA\n");
                } else {
                    self.out.extend_from_slice(format!("{}\n", x).as_bytes());
                }
            }
        }
    }

    fn ints(&mut self, xs: &[i32]) {
        match self.fmt {
            Format::Xdr => {
                self.out.reserve(xs.len() * 4);
                for x in xs {
                    self.out.extend_from_slice(&x.to_be_bytes());
                }
            }
            Format::Ascii => xs.iter().for_each(|&x| self.int(x)),
        }
    }

    fn reals(&mut self, xs: &[f64]) {
        match self.fmt {
            Format::Xdr => {
                let start = self.out.len();
                self.out.resize(start + xs.len() * 8, 0);
                for (o, x) in self.out[start..].chunks_exact_mut(8).zip(xs) {
                    o.copy_from_slice(&x.to_be_bytes());
                }
            }
            Format::Ascii => {
                for &x in xs {
                    let s = if is_na_real(x) {
                        "NA".to_string()
                    } else if x.is_nan() {
                        "NaN".to_string()
                    } else if x.is_infinite() {
                        if x > 0.0 { "Inf" } else { "-Inf" }.to_string()
                    } else {
                        format!("{:e}", x)
                    };
                    self.out.extend_from_slice(s.as_bytes());
                    self.out.push(b'\n');
                }
            }
        }
    }

    /// String contents (escaped in an ASCII stream, as R escapes them).
    fn string(&mut self, b: &[u8]) {
        if self.fmt == Format::Xdr {
            self.out.extend_from_slice(b);
            return;
        }
        for &c in b {
            match c {
                b'\n' => self.out.extend_from_slice(b"\\n"),
                b'\t' => self.out.extend_from_slice(b"\\t"),
                0x0b => self.out.extend_from_slice(b"\\v"),
                0x08 => self.out.extend_from_slice(b"\\b"),
                b'\r' => self.out.extend_from_slice(b"\\r"),
                0x0c => self.out.extend_from_slice(b"\\f"),
                0x07 => self.out.extend_from_slice(b"\\a"),
                b'\\' => self.out.extend_from_slice(b"\\\\"),
                b'?' => self.out.extend_from_slice(b"\\?"),
                b'\'' => self.out.extend_from_slice(b"\\'"),
                b'"' => self.out.extend_from_slice(b"\\\""),
                c if c <= 32 || c > 126 => self
                    .out
                    .extend_from_slice(format!("\\{:03o}", c).as_bytes()),
                c => self.out.push(c),
            }
        }
        self.out.push(b'\n');
    }

    fn length(&mut self, n: usize) {
        if n <= i32::MAX as usize {
            self.int(n as i32);
        } else {
            self.int(-1);
            self.int((n as u64 >> 32) as i32);
            self.int(n as u64 as u32 as i32);
        }
    }

    fn charsxp(&mut self, s: &RStr) {
        match s {
            None => {
                self.int(CHARSXP as i32);
                self.int(-1);
            }
            Some(s) => {
                let gp = if ascii(s) { ASCII_MASK } else { UTF8_MASK };
                self.int((CHARSXP as u32 | (gp << 12)) as i32);
                self.int(s.len() as i32);
                self.string(s.as_bytes());
            }
        }
    }

    /// Refers back to table entry `i` (1-based).
    fn reference(&mut self, i: u32) {
        if i > (i32::MAX >> 8) as u32 {
            self.int(REFSXP as i32);
            self.int(i as i32);
        } else {
            self.int(((i << 8) | REFSXP as u32) as i32);
        }
    }

    /// Enters a table entry; false if it was there (and a reference was written).
    fn enter(&mut self, k: Key) -> bool {
        if let Some(&i) = self.refs.get(&k) {
            self.reference(i);
            return false;
        }
        let n = self.refs.len() as u32 + 1;
        self.refs.insert(k, n);
        true
    }

    fn sym(&mut self, s: Sym) {
        if self.enter(Key::Sym(s.as_str().as_ptr() as usize)) {
            self.int(SYMSXP as i32);
            self.charsxp(&Some(s.as_str().into()));
        }
    }

    // ---- items -----------------------------------------------------------------------

    fn item(&mut self, v: &Value) -> Result<(), String> {
        match v {
            Value::Null => self.int(NILVALUE_SXP as i32),
            Value::Missing => self.int(MISSINGARG_SXP as i32),
            Value::Env(e) => self.env(e)?,
            Value::Vector(x) => self.vector(&x.data, x.attrs.as_deref())?,
            Value::Closure(c) => {
                let attrs = c.attrs.as_deref().filter(|a| !a.is_empty());
                self.int(self.flags(CLOSXP, attrs) | HAS_TAG as i32);
                if let Some(a) = attrs {
                    self.attrs(a)?;
                }
                self.env(&c.env)?;
                self.formals(&c.params)?;
                self.expr(&c.body)?;
            }
            Value::Builtin(b) => {
                self.int(BUILTINSXP as i32);
                self.int(b.name.len() as i32);
                self.string(b.name.as_bytes());
            }
            Value::Lang(l) => {
                let attrs = l.attrs.as_deref().filter(|a| !a.is_empty());
                self.lang(&l.expr, attrs)?;
            }
            Value::Promise(p) => {
                let forced = p.value.borrow().clone();
                match forced {
                    Some(v) => self.item(&v)?,
                    None => {
                        let tag = if p.env.is_some() { HAS_TAG } else { 0 };
                        self.int((PROMSXP as u32 | tag) as i32);
                        if let Some(e) = &p.env {
                            self.env(e)?;
                        }
                        self.int(UNBOUNDVALUE_SXP as i32);
                        self.expr(&p.expr)?;
                    }
                }
            }
            Value::Extern(x) => {
                return Err(format!(
                    "cannot serialize an object of class '{}'",
                    x.0.class()
                ))
            }
        }
        Ok(())
    }

    /// The header word of an item of type `ty` with these attributes.
    fn flags(&self, ty: u8, attrs: Option<&Attrs>) -> i32 {
        let mut f = ty as u32;
        if let Some(a) = attrs {
            f |= HAS_ATTR;
            if let Some((_, class)) = a.iter().find(|(k, _)| k.as_str() == "class") {
                f |= IS_OBJECT;
                // an S4 object (its class names the package): R's S4 bit among the "levels" bits
                if class.get_attr("package").is_some() {
                    f |= S4_BIT;
                }
            }
        }
        f as i32
    }

    fn vector(&mut self, d: &Data, attrs: Option<&Attrs>) -> Result<(), String> {
        let attrs = attrs.filter(|a| !a.is_empty());
        if let Some(full) = attrs.and_then(|a| r_family(d, a, self.ctx)) {
            return self.item(&full);
        }
        if d.is_empty() && matches!(d, Data::List(_)) && self.flags(VECSXP, attrs) as u32 & S4_BIT != 0 {
            // an S4 object without a data part: its slots are its attributes
            self.int(self.flags(S4SXP, attrs));
            if let Some(a) = attrs {
                self.attrs(a)?;
            }
            return Ok(());
        }
        let ty = match d {
            Data::Raw(_) => RAWSXP,
            Data::Lgl(_) => LGLSXP,
            Data::Int(_) => INTSXP,
            Data::Dbl(_) => REALSXP,
            Data::Cplx(_) => CPLXSXP,
            Data::Str(_) => STRSXP,
            Data::List(_) => VECSXP,
        };
        self.int(self.flags(ty, attrs));
        self.length(d.len());
        match d {
            Data::Raw(b) => match self.fmt {
                Format::Xdr => self.out.extend_from_slice(b),
                Format::Ascii => {
                    for c in b.iter() {
                        self.out.extend_from_slice(format!("{:02x}\n", c).as_bytes());
                    }
                }
            },
            Data::Lgl(v) | Data::Int(v) => self.ints(v),
            Data::Dbl(v) => self.reals(v),
            Data::Cplx(v) => {
                let parts: Vec<f64> = v.iter().flat_map(|z| [z.re, z.im]).collect();
                self.reals(&parts)
            }
            Data::Str(v) => {
                for s in v.iter() {
                    self.charsxp(s);
                }
            }
            Data::List(v) => {
                for x in v.iter() {
                    self.item(x)?;
                }
            }
        }
        if let Some(a) = attrs {
            self.attrs(a)?;
        }
        Ok(())
    }

    fn attrs(&mut self, a: &Attrs) -> Result<(), String> {
        for (k, v) in a {
            self.int((LISTSXP as u32 | HAS_TAG) as i32);
            self.sym(*k);
            self.item(v)?;
        }
        self.int(NILVALUE_SXP as i32);
        Ok(())
    }

    fn env(&mut self, e: &Env) -> Result<(), String> {
        if e.ptr_eq(&self.ctx.global) {
            self.int(GLOBALENV_SXP as i32);
            return Ok(());
        }
        if e.ptr_eq(&self.ctx.base) {
            self.int(BASEENV_SXP as i32);
            return Ok(());
        }
        let (name, parent) = {
            let f = e.0.borrow();
            (f.name.clone(), f.parent.clone())
        };
        if name.as_deref() == Some("R_EmptyEnv") && parent.is_none() {
            self.int(EMPTYENV_SXP as i32);
            return Ok(());
        }
        if !self.enter(Key::Env(std::rc::Rc::as_ptr(&e.0) as usize)) {
            return Ok(());
        }
        if let Some(ns) = name.as_deref().and_then(|n| n.strip_prefix("namespace:")) {
            self.int(NAMESPACESXP as i32);
            self.int(0);
            self.int(1);
            self.charsxp(&Some(ns.into()));
            return Ok(());
        }
        self.int(ENVSXP as i32);
        self.int(0);
        match &parent {
            Some(p) => self.env(p)?,
            None => self.int(EMPTYENV_SXP as i32),
        }
        let bindings = e.bindings();
        for (k, v) in &bindings {
            self.int((LISTSXP as u32 | HAS_TAG) as i32);
            self.sym(*k);
            self.item(v)?;
        }
        self.int(NILVALUE_SXP as i32);
        self.int(NILVALUE_SXP as i32); // no hash table
        self.int(NILVALUE_SXP as i32); // no attributes
        Ok(())
    }

    fn formals(&mut self, params: &[Param]) -> Result<(), String> {
        for p in params {
            self.int((LISTSXP as u32 | HAS_TAG) as i32);
            self.sym(p.name);
            match &p.default {
                Some(d) => self.expr(d)?,
                None => self.int(MISSINGARG_SXP as i32),
            }
        }
        self.int(NILVALUE_SXP as i32);
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), String> {
        self.lang(e, None)
    }

    /// A language object (with attributes only at the top, as a formula has them).
    fn lang(&mut self, e: &Expr, attrs: Option<&Attrs>) -> Result<(), String> {
        match expr_node(e) {
            Node::Sym(s) if s.as_str().is_empty() => self.int(MISSINGARG_SXP as i32),
            Node::Sym(s) => self.sym(s),
            Node::Const(c) => self.item(&const_value(c))?,
            Node::Call(head, args) => {
                self.int(self.flags(LANGSXP, attrs));
                if let Some(a) = attrs {
                    self.attrs(a)?;
                }
                self.part(&head)?;
                for (tag, p) in &args {
                    let f = LISTSXP as u32 | if tag.is_some() { HAS_TAG } else { 0 };
                    self.int(f as i32);
                    if let Some(t) = tag {
                        self.sym(*t);
                    }
                    self.part(p)?;
                }
                self.int(NILVALUE_SXP as i32);
            }
        }
        Ok(())
    }

    fn part(&mut self, p: &Part) -> Result<(), String> {
        match p {
            Part::Expr(e) => self.expr(e),
            Part::Sym(s) => {
                self.sym(*s);
                Ok(())
            }
            Part::Missing => {
                self.int(MISSINGARG_SXP as i32);
                Ok(())
            }
            Part::Null => {
                self.int(NILVALUE_SXP as i32);
                Ok(())
            }
            Part::Formals(ps) => self.formals(ps),
        }
    }
}

/// rsc's family objects hold only the family and link names; R's glm methods call the
/// family's functions (`linkinv`, `dev.resids`, ...). Such a family is written with those
/// functions added, each a closure in R's stats namespace that calls R's own family, so a
/// glm fitted by rsc works in R.
fn r_family(d: &Data, attrs: &Attrs, ctx: &Ctx) -> Option<Value> {
    let is_family = attrs.iter().any(|(k, v)| {
        k.as_str() == "class" && v.as_strings().is_some_and(|c| c.iter().any(|c| c == "family"))
    });
    let Data::List(items) = d else { return None };
    if !is_family {
        return None;
    }
    let names = attrs
        .iter()
        .find(|(k, _)| k.as_str() == "names")?
        .1
        .as_strings()?;
    if names.iter().any(|n| n == "linkfun") {
        return None;
    }
    let get = |n: &str| {
        names
            .iter()
            .position(|x| x == n)
            .and_then(|i| items.get(i))
            .and_then(|v| v.as_string())
    };
    let family = get("family")?;
    let link = get("link")?;
    let ctor = match family.as_str() {
        "binomial" | "gaussian" | "poisson" | "Gamma" | "inverse.gaussian" | "quasibinomial"
        | "quasipoisson" | "quasi" => family.clone(),
        _ => return None,
    };
    let ns = Env::named(Some(ctx.base.clone()), "namespace:stats");
    let mut out: Vec<(String, Value)> = names
        .iter()
        .cloned()
        .zip(items.iter().cloned())
        .collect();
    for (name, params) in [
        ("linkfun", "mu"),
        ("linkinv", "eta"),
        ("variance", "mu"),
        ("dev.resids", "y, mu, wt"),
        ("aic", "y, n, mu, wt, dev"),
        ("mu.eta", "eta"),
        ("validmu", "mu"),
        ("valideta", "eta"),
    ] {
        let src = format!(
            "function({p}) stats::{c}(link = \"{l}\")${n}({p})",
            p = params,
            c = ctor,
            l = link,
            n = name
        );
        let Ok(e) = crate::syntax::parse_expr(&src) else { continue };
        if let crate::syntax::ast::ExprKind::Function(params, body) = e.kind {
            out.push((
                name.to_string(),
                Value::Closure(std::rc::Rc::new(crate::value::Closure {
                    params,
                    body,
                    env: ns.clone(),
                    attrs: None,
                })),
            ));
        }
    }
    let mut v = Value::named_list(out);
    for (k, a) in attrs {
        if k.as_str() != "names" {
            v.set_attr(*k, a.clone());
        }
    }
    Some(v)
}
