//! Decoding a serialization stream (`unserialize`, and `readRDS`/`load` after
//! decompression). Every length is checked against the bytes left before anything is
//! allocated, nesting is bounded, and a short or malformed stream is an error, never a
//! panic.

use super::code::*;
use super::lang::{embedded_too_much, item_expr, item_params, reset_embedded};
use crate::syntax::sym::Sym;
use crate::value::raw::raw_value;
use crate::value::{Attrs, Closure, Data, Env, Lang, Promise, RStr, Value, Vector};
use std::cell::RefCell;
use std::rc::Rc;

/// How deeply items may nest before the stream is rejected (R code rarely nests past 100).
const MAX_DEPTH: usize = 2000;

/// The environments a stream refers to by name.
pub struct Ctx {
    pub global: Env,
    pub base: Env,
}

/// Why a stream could not be read.
#[derive(Debug, PartialEq)]
pub enum ReadError {
    /// The stream ended early (R: "error reading from connection" or "read error").
    Truncated,
    /// Any other problem, as R words it.
    Msg(String),
}

type Res<T> = Result<T, ReadError>;

fn msg<T>(s: impl Into<String>) -> Res<T> {
    Err(ReadError::Msg(s.into()))
}

/// One decoded item: a value, or one of the pieces that only make sense inside a
/// language object or an environment.
#[derive(Clone, Debug)]
pub(crate) enum Item {
    Val(Value),
    Sym(Sym),
    /// The empty argument (`R_MissingArg`).
    Missing,
    /// `R_UnboundValue` (an unforced promise's value slot).
    Unbound,
    /// A pairlist (`lang` false) or a call (`lang` true): tagged nodes, and the
    /// attributes of the first node.
    Pairs {
        lang: bool,
        nodes: Vec<(Option<Sym>, Item)>,
        attrs: Option<Attrs>,
    },
    /// A promise: its value (`Unbound` if not forced), expression and environment.
    Promise(Box<Item>, Box<Item>, Option<Env>),
}

/// The formats of the stream body.
#[derive(Clone, Copy, PartialEq)]
enum Fmt {
    Xdr,
    Native,
    Ascii,
}

/// Objects the stream may refer back to.
enum Ref {
    Sym(Sym),
    Env(Env),
    Val(Value),
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
    fmt: Fmt,
    refs: Vec<Ref>,
    ctx: &'a Ctx,
    depth: usize,
    namespaces: Vec<(String, Env)>,
}

/// Decodes a whole serialization stream (starting at its format line, `X\n`).
pub fn unserialize(bytes: &[u8], ctx: &Ctx) -> Result<Value, ReadError> {
    reset_embedded();
    let mut r = Reader::start(bytes, ctx)?;
    let it = r.item()?;
    let v = r.value(it)?;
    checked_embedding(v)
}

/// R's calls may hold any value; rsc's syntax trees hold constants as nodes, so a call
/// holding millions of elements is refused.
fn checked_embedding<T>(v: T) -> Result<T, ReadError> {
    if embedded_too_much() {
        return msg("a call in the data holds a constant too large to read");
    }
    Ok(v)
}

/// Decodes the stream of a `.RData` file (after its `RDX2\n`/`RDX3\n` line): the names and
/// values it binds, in order.
pub fn unserialize_bindings(bytes: &[u8], ctx: &Ctx) -> Result<Vec<(Sym, Value)>, ReadError> {
    reset_embedded();
    let mut r = Reader::start(bytes, ctx)?;
    let out: Vec<(Sym, Value)> = match r.item()? {
        Item::Pairs { nodes, .. } => nodes
            .into_iter()
            .map(|(tag, it)| {
                let name = tag.unwrap_or_else(|| Sym::new(""));
                Ok((name, r.value(it)?))
            })
            .collect::<Res<_>>()?,
        Item::Val(Value::Null) => Vec::new(),
        _ => return msg("loaded data is not in pair list form"),
    };
    checked_embedding(out)
}

impl<'a> Reader<'a> {
    fn start(b: &'a [u8], ctx: &'a Ctx) -> Res<Reader<'a>> {
        let fmt = match b {
            [b'X', b'\n', ..] => Fmt::Xdr,
            [b'B', b'\n', ..] => Fmt::Native,
            [b'A', b'\n', ..] => Fmt::Ascii,
            _ => return msg("unknown input format"),
        };
        let mut r = Reader {
            b,
            pos: 2,
            fmt,
            refs: Vec::new(),
            ctx,
            depth: 0,
            namespaces: Vec::new(),
        };
        let version = r.int()?;
        let writer = r.int()?;
        let min_reader = r.int()?;
        match version {
            2 => {}
            3 => {
                let n = r.int()?;
                if !(0..=63).contains(&n) {
                    return msg("invalid length of encoding name");
                }
                r.string_bytes(n as usize)?;
            }
            _ => {
                let v = |x: i32| format!("{}.{}.{}", x / 65536, (x % 65536) / 256, x % 256);
                return msg(format!(
                    "cannot read workspace version {} written by R {}; need R {} or newer",
                    version,
                    v(writer),
                    v(min_reader)
                ));
            }
        }
        Ok(r)
    }

    // ---- primitive reads -------------------------------------------------------------

    fn bytes(&mut self, n: usize) -> Res<&'a [u8]> {
        if self.b.len() - self.pos < n {
            return Err(ReadError::Truncated);
        }
        let s = &self.b[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    /// The next white-space delimited word of an ASCII stream.
    fn word(&mut self) -> Res<&'a [u8]> {
        while self.pos < self.b.len() && self.b[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
        let start = self.pos;
        while self.pos < self.b.len() && !self.b[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
        if start == self.pos {
            return Err(ReadError::Truncated);
        }
        Ok(&self.b[start..self.pos])
    }

    fn int(&mut self) -> Res<i32> {
        match self.fmt {
            Fmt::Xdr => Ok(i32::from_be_bytes(four(self.bytes(4)?))),
            Fmt::Native => Ok(i32::from_le_bytes(four(self.bytes(4)?))),
            Fmt::Ascii => {
                let w = self.word()?;
                if w == b"NA" {
                    return Ok(i32::MIN);
                }
                std::str::from_utf8(w)
                    .ok()
                    .and_then(|s| s.parse().ok())
                    .ok_or_else(|| ReadError::Msg("read error".into()))
            }
        }
    }

    fn real_ascii(&mut self) -> Res<f64> {
        let w = self.word()?;
        Ok(match w {
            b"NA" => crate::value::na_real(),
            b"NaN" => f64::NAN,
            b"Inf" => f64::INFINITY,
            b"-Inf" => f64::NEG_INFINITY,
            _ => std::str::from_utf8(w)
                .ok()
                .and_then(|s| s.parse().ok())
                .ok_or_else(|| ReadError::Msg("read error".into()))?,
        })
    }

    /// A vector length (a long length takes two words).
    fn length(&mut self) -> Res<usize> {
        let n = self.int()?;
        if n >= 0 {
            return Ok(n as usize);
        }
        if n != -1 {
            return msg("negative serialized length for vector");
        }
        let hi = self.int()? as u32 as u64;
        let lo = self.int()? as u32 as u64;
        usize::try_from((hi << 32) | lo).map_err(|_| ReadError::Msg("read error".into()))
    }

    /// Checks that `n` elements of at least `each` bytes can still follow, so an absurd
    /// length is a read error rather than a huge allocation.
    fn room(&self, n: usize, each: usize) -> Res<()> {
        let each = if self.fmt == Fmt::Ascii { 2 } else { each };
        match n.checked_mul(each) {
            Some(need) if need <= self.b.len() - self.pos => Ok(()),
            _ => Err(ReadError::Truncated),
        }
    }

    fn ints(&mut self, n: usize) -> Res<Vec<i32>> {
        self.room(n, 4)?;
        match self.fmt {
            Fmt::Xdr => Ok(self
                .bytes(n * 4)?
                .chunks_exact(4)
                .map(|c| i32::from_be_bytes(four(c)))
                .collect()),
            Fmt::Native => Ok(self
                .bytes(n * 4)?
                .chunks_exact(4)
                .map(|c| i32::from_le_bytes(four(c)))
                .collect()),
            Fmt::Ascii => (0..n).map(|_| self.int()).collect(),
        }
    }

    fn reals(&mut self, n: usize) -> Res<Vec<f64>> {
        self.room(n, 8)?;
        match self.fmt {
            Fmt::Xdr => Ok(self
                .bytes(n * 8)?
                .chunks_exact(8)
                .map(|c| f64::from_be_bytes(eight(c)))
                .collect()),
            Fmt::Native => Ok(self
                .bytes(n * 8)?
                .chunks_exact(8)
                .map(|c| f64::from_le_bytes(eight(c)))
                .collect()),
            Fmt::Ascii => (0..n).map(|_| self.real_ascii()).collect(),
        }
    }

    /// The `n` bytes of a string's contents (escapes undone in an ASCII stream).
    fn string_bytes(&mut self, n: usize) -> Res<Vec<u8>> {
        if self.fmt != Fmt::Ascii {
            return Ok(self.bytes(n)?.to_vec());
        }
        self.room(n, 1)?;
        while self.pos < self.b.len() && self.b[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
        let mut out = Vec::with_capacity(n);
        let next = |r: &mut Self| -> Res<u8> {
            let c = *r.b.get(r.pos).ok_or(ReadError::Truncated)?;
            r.pos += 1;
            Ok(c)
        };
        while out.len() < n {
            let c = next(self)?;
            if c != b'\\' {
                out.push(c);
                continue;
            }
            let e = next(self)?;
            out.push(match e {
                b'n' => b'\n',
                b't' => b'\t',
                b'v' => 0x0b,
                b'b' => 0x08,
                b'r' => b'\r',
                b'f' => 0x0c,
                b'a' => 0x07,
                b'0'..=b'7' => {
                    let mut d = (e - b'0') as u32;
                    for _ in 0..2 {
                        match self.b.get(self.pos) {
                            Some(&c @ b'0'..=b'7') => {
                                d = d * 8 + (c - b'0') as u32;
                                self.pos += 1;
                            }
                            _ => break,
                        }
                    }
                    d as u8
                }
                other => other,
            });
        }
        Ok(out)
    }

    // ---- items -----------------------------------------------------------------------

    fn item(&mut self) -> Res<Item> {
        let flags = self.int()? as u32;
        self.item_with(flags)
    }

    fn item_with(&mut self, flags: u32) -> Res<Item> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return msg("serialized object is nested too deeply");
        }
        let r = self.item_body(flags);
        self.depth -= 1;
        r
    }

    fn item_body(&mut self, flags: u32) -> Res<Item> {
        let ty = (flags & 0xff) as u8;
        let has_attr = flags & HAS_ATTR != 0;
        let has_tag = flags & HAS_TAG != 0;
        let val = match ty {
            NILVALUE_SXP => return Ok(Item::Val(Value::Null)),
            EMPTYENV_SXP => return Ok(Item::Val(Value::Env(Env::named(None, "R_EmptyEnv")))),
            BASEENV_SXP | BASENAMESPACE_SXP => {
                return Ok(Item::Val(Value::Env(self.ctx.base.clone())))
            }
            GLOBALENV_SXP => return Ok(Item::Val(Value::Env(self.ctx.global.clone()))),
            UNBOUNDVALUE_SXP => return Ok(Item::Unbound),
            MISSINGARG_SXP => return Ok(Item::Missing),
            REFSXP => {
                let mut i = (flags >> 8) as usize;
                if i == 0 {
                    i = self.int()?.max(0) as usize;
                }
                return match i.checked_sub(1).and_then(|i| self.refs.get(i)) {
                    Some(Ref::Sym(s)) => Ok(Item::Sym(*s)),
                    Some(Ref::Env(e)) => Ok(Item::Val(Value::Env(e.clone()))),
                    Some(Ref::Val(v)) => Ok(Item::Val(v.clone())),
                    None => msg("invalid reference index in serialized stream"),
                };
            }
            PERSISTSXP => {
                self.string_vec()?;
                return msg("no restore method available");
            }
            SYMSXP => {
                let name = self.charsxp()?.unwrap_or_else(|| Rc::from("NA"));
                let s = Sym::new(&name);
                self.refs.push(Ref::Sym(s));
                return Ok(Item::Sym(s));
            }
            PACKAGESXP | NAMESPACESXP => {
                let names = self.string_vec()?;
                let name = names
                    .first()
                    .cloned()
                    .flatten()
                    .unwrap_or_else(|| Rc::from(""));
                let env = self.named_env(ty == NAMESPACESXP, &name);
                self.refs.push(Ref::Env(env.clone()));
                return Ok(Item::Val(Value::Env(env)));
            }
            ENVSXP => return self.env(),
            LISTSXP | LANGSXP | ATTRLISTSXP | ATTRLANGSXP => return self.pairs(flags),
            CLOSXP => return self.closure(has_attr, has_tag),
            PROMSXP => {
                let _attrs = if has_attr { Some(self.item()?) } else { None };
                let env = if has_tag {
                    match self.item()? {
                        Item::Val(Value::Env(e)) => Some(e),
                        _ => None,
                    }
                } else {
                    None
                };
                let value = self.item()?;
                let expr = self.item()?;
                return Ok(Item::Promise(Box::new(value), Box::new(expr), env));
            }
            DOTSXP => {
                if has_attr {
                    self.item()?;
                }
                if has_tag {
                    self.item()?;
                }
                self.item()?;
                self.item()?;
                return Ok(Item::Val(Value::Null));
            }
            EXTPTRSXP => {
                let slot = self.refs.len();
                self.refs.push(Ref::Val(Value::Null));
                self.item()?;
                self.item()?;
                let _ = slot;
                Value::Null
            }
            WEAKREFSXP => {
                self.refs.push(Ref::Val(Value::Null));
                Value::Null
            }
            SPECIALSXP | BUILTINSXP => {
                let n = self.int()?.max(0) as usize;
                let name = String::from_utf8_lossy(self.bytes(n)?).into_owned();
                match self.ctx.base.get_local(Sym::new(&name)) {
                    Some(v @ Value::Builtin(_)) | Some(v @ Value::Closure(_)) => v,
                    _ => return msg(format!("unrecognized internal function name \"{}\"", name)),
                }
            }
            CHARSXP => {
                // only inside strings and symbols in R's own streams; accept it as a string
                let len = self.int()?;
                let s = self.char_body(flags, len)?;
                Value::strs(vec![s])
            }
            LGLSXP => {
                let n = self.length()?;
                Value::from_data(Data::Lgl(Rc::new(self.ints(n)?)))
            }
            INTSXP => {
                let n = self.length()?;
                Value::from_data(Data::Int(Rc::new(self.ints(n)?)))
            }
            REALSXP => {
                let n = self.length()?;
                Value::from_data(Data::Dbl(Rc::new(self.reals(n)?)))
            }
            CPLXSXP => {
                let n = self.length()?;
                let parts = self.reals(n.saturating_mul(2))?;
                Value::cplxs(
                    parts
                        .chunks_exact(2)
                        .map(|p| crate::value::complex::C64::new(p[0], p[1]))
                        .collect(),
                )
            }
            STRSXP => {
                let n = self.length()?;
                self.room(n, 8)?;
                let mut v: Vec<RStr> = Vec::with_capacity(n);
                for _ in 0..n {
                    v.push(self.charsxp()?);
                }
                Value::strs(v)
            }
            VECSXP | EXPRSXP => {
                let n = self.length()?;
                self.room(n, 4)?;
                let mut v = Vec::with_capacity(n);
                for _ in 0..n {
                    let it = self.item()?;
                    v.push(self.value(it)?);
                }
                Value::list(v)
            }
            RAWSXP => {
                let n = self.length()?;
                self.room(n, 1)?;
                let b = if self.fmt == Fmt::Ascii {
                    let mut b = Vec::with_capacity(n);
                    for _ in 0..n {
                        let w = self.word()?;
                        let s = std::str::from_utf8(w).unwrap_or("");
                        b.push(
                            u8::from_str_radix(s, 16)
                                .map_err(|_| ReadError::Msg("read error".into()))?,
                        );
                    }
                    b
                } else {
                    self.bytes(n)?.to_vec()
                };
                raw_value(b)
            }
            BCODESXP => {
                let nreps = self.int()?.max(0) as usize;
                self.room(nreps, 0)?;
                let mut reps = vec![Item::Val(Value::Null); nreps.min(1 << 16)];
                return self.bytecode(&mut reps);
            }
            // an S4 object without a data part: its slots come as attributes
            S4SXP => Value::list(vec![]),
            ALTREP_SXP => self.altrep()?,
            _ => {
                return msg(format!(
                    "ReadItem: unknown type {}, perhaps written by later version of R",
                    ty
                ))
            }
        };
        let mut val = val;
        if has_attr {
            let a = self.item()?;
            let attrs = self.attrs(a)?;
            check_shape(&val, &attrs)?;
            set_attrs(&mut val, attrs);
        }
        Ok(Item::Val(val))
    }

    /// A CHARSXP item: a string or `NA`.
    fn charsxp(&mut self) -> Res<RStr> {
        let flags = self.int()? as u32;
        if (flags & 0xff) as u8 != CHARSXP {
            return msg("invalid type in serialized string, expected CHARSXP");
        }
        let len = self.int()?;
        self.char_body(flags, len)
    }

    fn char_body(&mut self, flags: u32, len: i32) -> Res<RStr> {
        if len == -1 {
            return Ok(None);
        }
        if len < 0 {
            return msg("negative serialized length for vector");
        }
        let b = self.string_bytes(len as usize)?;
        let levels = flags >> 12;
        let s = if levels & LATIN1_MASK != 0 {
            b.iter().map(|&c| c as char).collect::<String>()
        } else {
            match String::from_utf8(b) {
                Ok(s) => s,
                Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
            }
        };
        Ok(Some(Rc::from(s)))
    }

    /// The string vector of a namespace or package reference (a 0, a length, strings).
    fn string_vec(&mut self) -> Res<Vec<RStr>> {
        if self.int()? != 0 {
            return msg("names in persistent strings are not supported yet");
        }
        let n = self.length()?;
        self.room(n, 8)?;
        (0..n).map(|_| self.charsxp()).collect()
    }

    /// The environment standing for a package or namespace: base for base; otherwise the
    /// global environment for a package (as R does for one not attached) and, for a
    /// namespace, one empty environment per name inside base, written back as the same
    /// namespace.
    fn named_env(&mut self, namespace: bool, name: &str) -> Env {
        if name == "base" || name == "package:base" {
            return self.ctx.base.clone();
        }
        if !namespace {
            return self.ctx.global.clone();
        }
        if let Some((_, e)) = self.namespaces.iter().find(|(n, _)| n == name) {
            return e.clone();
        }
        let e = Env::named(Some(self.ctx.base.clone()), &format!("namespace:{}", name));
        self.namespaces.push((name.to_string(), e.clone()));
        e
    }

    fn env(&mut self) -> Res<Item> {
        let _locked = self.int()?;
        let env = Env::new(None);
        self.refs.push(Ref::Env(env.clone()));
        let enclos = self.item()?;
        let frame = self.item()?;
        let hashtab = self.item()?;
        let attrib = self.item()?;
        let parent = match enclos {
            Item::Val(Value::Env(p)) => p,
            _ => self.ctx.base.clone(),
        };
        env.0.borrow_mut().parent = Some(parent);
        if let Item::Pairs { nodes, .. } = frame {
            for (tag, it) in nodes {
                let v = self.value(it)?;
                env.set(tag.unwrap_or_else(|| Sym::new("")), v);
            }
        }
        if let Item::Val(Value::Vector(Vector {
            data: Data::List(buckets),
            ..
        })) = hashtab
        {
            for b in buckets.iter() {
                let names = b.names().unwrap_or_default();
                if let Some(Data::List(vals)) = b.data() {
                    for (n, v) in names.iter().zip(vals.iter()) {
                        env.set(Sym::new(n.as_deref().unwrap_or("")), v.clone());
                    }
                }
            }
        }
        // attributes of an environment have nowhere to go in rsc
        let _ = attrib;
        Ok(Item::Val(Value::Env(env)))
    }

    /// A pairlist or call, read node by node (no recursion along the list).
    fn pairs(&mut self, first: u32) -> Res<Item> {
        let ty0 = (first & 0xff) as u8;
        let lang = ty0 == LANGSXP || ty0 == ATTRLANGSXP;
        let mut flags = first;
        let mut nodes = Vec::new();
        let mut attrs = None;
        loop {
            let ty = (flags & 0xff) as u8;
            let has_attr = flags & HAS_ATTR != 0 || ty == ATTRLANGSXP || ty == ATTRLISTSXP;
            if has_attr {
                let a = self.item()?;
                let a = self.attrs(a)?;
                if nodes.is_empty() {
                    attrs = Some(a);
                }
            }
            let tag = if flags & HAS_TAG != 0 {
                match self.item()? {
                    Item::Sym(s) => Some(s),
                    Item::Val(Value::Null) => None,
                    _ => return msg("invalid tag in serialized pairlist"),
                }
            } else {
                None
            };
            self.depth += 1;
            let car = self.item();
            self.depth -= 1;
            nodes.push((tag, car?));
            let next = self.int()? as u32;
            match (next & 0xff) as u8 {
                NILVALUE_SXP => break,
                LISTSXP | LANGSXP | ATTRLISTSXP | ATTRLANGSXP => flags = next,
                _ => {
                    // a dotted pair: keep its last element as one more node
                    let rest = self.item_with(next)?;
                    nodes.push((None, rest));
                    break;
                }
            }
        }
        Ok(Item::Pairs { lang, nodes, attrs })
    }

    fn closure(&mut self, has_attr: bool, has_tag: bool) -> Res<Item> {
        let attrs = if has_attr {
            let a = self.item()?;
            Some(self.attrs(a)?)
        } else {
            None
        };
        let env = if has_tag {
            match self.item()? {
                Item::Val(Value::Env(e)) => e,
                _ => self.ctx.global.clone(),
            }
        } else {
            self.ctx.global.clone()
        };
        let formals = self.item()?;
        let body = self.item()?;
        let params = item_params(&formals);
        let body = item_expr(&body);
        Ok(Item::Val(Value::Closure(Rc::new(Closure {
            params: Rc::new(params),
            body: Rc::new(body),
            env,
            attrs: attrs.filter(|a| !a.is_empty()).map(Rc::new),
        }))))
    }

    /// A byte-code object: the code vector is skipped and the expression it was compiled
    /// from (its first constant) kept.
    fn bytecode(&mut self, reps: &mut Vec<Item>) -> Res<Item> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return msg("serialized object is nested too deeply");
        }
        let _code = self.item()?;
        let n = self.int()?.max(0) as usize;
        self.room(n, 4)?;
        let mut first = None;
        for i in 0..n {
            let ty = self.int()?;
            let c = match ty as u8 {
                _ if ty < 0 || ty > 255 => return msg("invalid byte-code constant"),
                BCODESXP => self.bytecode(reps)?,
                LANGSXP | LISTSXP | BCREPDEF | BCREPREF | ATTRLANGSXP | ATTRLISTSXP => {
                    self.bc_lang(ty as u8, reps)?
                }
                _ => self.item()?,
            };
            if i == 0 {
                first = Some(c);
            }
        }
        self.depth -= 1;
        Ok(first.unwrap_or(Item::Val(Value::Null)))
    }

    fn bc_lang(&mut self, ty: u8, reps: &mut Vec<Item>) -> Res<Item> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return msg("serialized object is nested too deeply");
        }
        let r = self.bc_lang_body(ty, reps);
        self.depth -= 1;
        r
    }

    fn bc_lang_body(&mut self, ty: u8, reps: &mut Vec<Item>) -> Res<Item> {
        match ty {
            BCREPREF => {
                let i = self.int()?;
                Ok(reps
                    .get(i.max(0) as usize)
                    .cloned()
                    .unwrap_or(Item::Val(Value::Null)))
            }
            BCREPDEF | LANGSXP | LISTSXP | ATTRLANGSXP | ATTRLISTSXP => {
                let (pos, ty) = if ty == BCREPDEF {
                    let p = self.int()?;
                    (Some(p), self.int()? as u8)
                } else {
                    (None, ty)
                };
                let has_attr = ty == ATTRLANGSXP || ty == ATTRLISTSXP;
                let lang = ty == LANGSXP || ty == ATTRLANGSXP;
                let attrs = if has_attr {
                    let a = self.item()?;
                    Some(self.attrs(a)?)
                } else {
                    None
                };
                let tag = match self.item()? {
                    Item::Sym(s) => Some(s),
                    _ => None,
                };
                let t = self.int()? as u8;
                let car = self.bc_lang(t, reps)?;
                let t = self.int()? as u8;
                let cdr = self.bc_lang(t, reps)?;
                let mut nodes = vec![(tag, car)];
                match cdr {
                    Item::Pairs { nodes: rest, .. } => nodes.extend(rest),
                    Item::Val(Value::Null) => {}
                    other => nodes.push((None, other)),
                }
                let it = Item::Pairs { lang, nodes, attrs };
                if let Some(p) = pos {
                    if let Some(slot) = reps.get_mut(p.max(0) as usize) {
                        *slot = it.clone();
                    }
                }
                Ok(it)
            }
            _ => self.item(),
        }
    }

    /// A compact or wrapped vector (ALTREP, version 3): expanded to an ordinary one.
    fn altrep(&mut self) -> Res<Value> {
        let info = self.item()?;
        let state = self.item()?;
        let attr = self.item()?;
        let class = match &info {
            Item::Pairs { nodes, .. } => match nodes.first() {
                Some((_, Item::Sym(s))) => s.as_str(),
                _ => "",
            },
            _ => "",
        };
        let state_val = |r: &mut Self, it: Item| r.value(it);
        let mut v = match class {
            "compact_intseq" | "compact_realseq" => {
                let st = state_val(self, state)?;
                let p = st.dbl_vec();
                if p.len() != 3 || !(p[0] >= 0.0) || p[0] > crate::value::alloc::MAX_LEN {
                    return msg("invalid compact sequence state");
                }
                crate::value::alloc::check(p[0], 8).map_err(|e| ReadError::Msg(e.message))?;
                let (n, start, by) = (p[0] as usize, p[1], p[2]);
                let xs: Vec<f64> = (0..n).map(|i| start + by * i as f64).collect();
                if class == "compact_intseq" {
                    Value::ints(xs.iter().map(|&x| x as i32).collect())
                } else {
                    Value::dbls(xs)
                }
            }
            "deferred_string" => {
                let arg = match state {
                    Item::Pairs { nodes, .. } => match nodes.into_iter().next() {
                        Some((_, it)) => self.value(it)?,
                        None => Value::Null,
                    },
                    other => self.value(other)?,
                };
                let mut s = match arg.data() {
                    Some(d) => Value::from_data(Data::Str(d.to_str())),
                    None => Value::strs(vec![]),
                };
                s.clear_attrs();
                s
            }
            c if c.starts_with("wrap_") => {
                let st = state_val(self, state)?;
                match st.data() {
                    Some(Data::List(l)) if !l.is_empty() => l[0].clone(),
                    _ => return msg("invalid wrapper state"),
                }
            }
            _ => {
                return msg(format!(
                    "cannot unserialize ALTVEC object of class '{}'",
                    class
                ))
            }
        };
        let a = self.attrs(attr)?;
        if !a.is_empty() {
            set_attrs(&mut v, a);
        }
        Ok(v)
    }

    /// An attribute pairlist as attributes.
    fn attrs(&mut self, it: Item) -> Res<Attrs> {
        match it {
            Item::Pairs { nodes, .. } => {
                let mut out = Attrs::with_capacity(nodes.len());
                for (tag, it) in nodes {
                    let v = self.value(it)?;
                    if let Some(t) = tag {
                        out.push((t, v));
                    }
                }
                Ok(out)
            }
            _ => Ok(Attrs::new()),
        }
    }

    /// An item as a value: a pairlist becomes a list, a call or symbol a language object.
    fn value(&mut self, it: Item) -> Res<Value> {
        Ok(match it {
            Item::Val(v) => v,
            Item::Sym(_) | Item::Missing => lang_value(item_expr(&it), None),
            Item::Unbound => Value::Null,
            Item::Pairs { lang: true, .. } => {
                let e = item_expr(&it);
                match it {
                    Item::Pairs { attrs, .. } => lang_value(e, attrs),
                    _ => lang_value(e, None),
                }
            }
            Item::Pairs {
                lang: false,
                nodes,
                attrs,
            } => {
                let any_tag = nodes.iter().any(|(t, _)| t.is_some());
                let names: Vec<RStr> = nodes
                    .iter()
                    .map(|(t, _)| Some(Rc::from(t.map(|s| s.as_str()).unwrap_or(""))))
                    .collect();
                let mut vals = Vec::with_capacity(nodes.len());
                for (_, it) in nodes {
                    vals.push(self.value(it)?);
                }
                let mut l = Value::list(vals);
                if let Some(a) = attrs {
                    set_attrs(&mut l, a);
                }
                if any_tag {
                    l.set_attr(Sym::new("names"), Value::strs(names));
                }
                l
            }
            Item::Promise(value, expr, env) => match *value {
                Item::Unbound => Value::Promise(Rc::new(Promise {
                    expr: Rc::new(item_expr(&expr)),
                    env,
                    value: RefCell::new(None),
                    is_default: false,
                })),
                v => self.value(v)?,
            },
        })
    }
}

/// R checks `dim` and `names` when they are set, not when a file is read; rsc's printers
/// and indexing rely on them, so a file whose `dim` or `names` does not fit its vector is
/// refused with the error R gives when such an attribute is set.
fn check_shape(v: &Value, attrs: &Attrs) -> Res<()> {
    let Some(d) = v.data() else { return Ok(()) };
    let n = d.len();
    for (k, a) in attrs {
        match k.as_str() {
            "dim" => {
                let dims = a.data().map(|x| x.to_dbl()).unwrap_or_default();
                let prod: f64 = dims.iter().product();
                if dims.is_empty() || dims.iter().any(|&x| !(x >= 0.0)) || prod != n as f64 {
                    return msg(format!(
                        "dims [product {}] do not match the length of object [{}]",
                        prod, n
                    ));
                }
            }
            "names" if a.len() != n => {
                return msg(format!(
                    "'names' attribute [{}] must be the same length as the vector [{}]",
                    a.len(),
                    n
                ))
            }
            _ => {}
        }
    }
    Ok(())
}

fn lang_value(e: crate::syntax::ast::Expr, attrs: Option<Attrs>) -> Value {
    Value::Lang(Rc::new(Lang {
        expr: Rc::new(e),
        attrs: attrs.filter(|a| !a.is_empty()).map(Rc::new),
    }))
}

/// Puts decoded attributes on a value (environments and functions keep none but a
/// closure's own).
fn set_attrs(v: &mut Value, attrs: Attrs) {
    if attrs.is_empty() {
        return;
    }
    match v {
        Value::Vector(x) => x.attrs = Some(Rc::new(attrs)),
        Value::Closure(c) => {
            *v = Value::Closure(Rc::new(Closure {
                params: c.params.clone(),
                body: c.body.clone(),
                env: c.env.clone(),
                attrs: Some(Rc::new(attrs)),
            }))
        }
        Value::Lang(l) => Rc::make_mut(l).attrs = Some(Rc::new(attrs)),
        _ => {}
    }
}

fn four(b: &[u8]) -> [u8; 4] {
    [b[0], b[1], b[2], b[3]]
}

fn eight(b: &[u8]) -> [u8; 8] {
    [b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]
}
