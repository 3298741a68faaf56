//! Evaluated arguments of a builtin call, and R's argument matching against formals.

use crate::error::{EvalResult, RError};
use crate::syntax::sym::Sym;
use crate::value::Value;

/// The evaluated arguments of one builtin call, in call order.
#[derive(Clone, Debug, Default)]
pub struct Args {
    pub items: Vec<(Option<Sym>, Value)>,
}

/// Arguments matched to a builtin's formals: one slot per formal, read by the formal's
/// name, plus what went to `...`.
#[derive(Debug)]
pub struct Matched<'f> {
    formals: &'f [&'f str],
    slots: Vec<Option<Value>>,
    /// Arguments matched to `...`, in order, with their names.
    pub dots: Vec<(Option<Sym>, Value)>,
}

impl Args {
    pub fn new(items: Vec<(Option<Sym>, Value)>) -> Args {
        Args { items }
    }
    pub fn positional(vals: Vec<Value>) -> Args {
        Args {
            items: vals.into_iter().map(|v| (None, v)).collect(),
        }
    }
    pub fn len(&self) -> usize {
        self.items.len()
    }
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
    /// Matches against formals as R does: exact names, then partial names (only for
    /// formals before `...`), then positions. `formals` may contain `"..."`; without it,
    /// an unmatched argument is an error (`unused argument`).
    pub fn matched<'f>(self, formals: &'f [&'f str]) -> Result<Matched<'f>, RError> {
        let n = formals.len();
        let dots_at = formals.iter().position(|f| *f == "...");
        // the common case: positional arguments only, none of them past `...`
        if self.items.len() <= dots_at.unwrap_or(n) && self.items.iter().all(|(k, _)| k.is_none()) {
            let mut slots: Vec<Option<Value>> = Vec::with_capacity(n);
            slots.extend(self.items.into_iter().map(|(_, v)| Some(v)));
            slots.resize(n, None);
            return Ok(Matched {
                formals,
                slots,
                dots: Vec::new(),
            });
        }
        let mut slots: Vec<Option<Value>> = vec![None; n];
        let mut used = vec![false; self.items.len()];
        // exact
        for (i, (name, _)) in self.items.iter().enumerate() {
            if let Some(nm) = name {
                if let Some(j) = formals
                    .iter()
                    .position(|f| *f != "..." && *f == nm.as_str())
                {
                    if slots[j].is_some() {
                        return Err(RError::runtime(format!(
                            "formal argument \"{}\" matched by multiple actual arguments",
                            formals[j]
                        )));
                    }
                    slots[j] = Some(self.items[i].1.clone());
                    used[i] = true;
                }
            }
        }
        // partial (only formals before ...)
        let partial_limit = dots_at.unwrap_or(n);
        for (i, (name, _)) in self.items.iter().enumerate() {
            if used[i] {
                continue;
            }
            if let Some(nm) = name {
                let cands: Vec<usize> = (0..partial_limit)
                    .filter(|&j| slots[j].is_none() && formals[j].starts_with(nm.as_str()))
                    .collect();
                if cands.len() == 1 {
                    slots[cands[0]] = Some(self.items[i].1.clone());
                    used[i] = true;
                }
            }
        }
        // positional
        let mut dots = Vec::new();
        let mut j = 0;
        for (i, (name, v)) in self.items.into_iter().enumerate() {
            if used[i] {
                continue;
            }
            if name.is_some() {
                if dots_at.is_some() {
                    dots.push((name, v));
                    continue;
                }
                return Err(RError::runtime(format!(
                    "unused argument ({} = {})",
                    name.map(|s| s.to_string()).unwrap_or_default(),
                    crate::value::deparse::deparse_value_short(&v)
                )));
            }
            while j < n && (slots[j].is_some() || Some(j) == dots_at) {
                if Some(j) == dots_at {
                    break;
                }
                j += 1;
            }
            if j < n && Some(j) != dots_at {
                slots[j] = Some(v);
                j += 1;
            } else if dots_at.is_some() {
                dots.push((None, v));
            } else {
                return Err(RError::runtime(format!(
                    "unused argument ({})",
                    crate::value::deparse::deparse_value_short(&v)
                )));
            }
        }
        Ok(Matched {
            formals,
            slots,
            dots,
        })
    }
}

impl Matched<'_> {
    /// The slot of formal `name`. Reading a formal the builtin did not declare is a bug in
    /// the builtin: debug builds stop there, release builds see a missing argument.
    fn slot(&self, name: &str) -> Option<usize> {
        let i = self.formals.iter().position(|f| *f == name);
        debug_assert!(i.is_some(), "no formal `{}` among {:?}", name, self.formals);
        i
    }
    /// The value matched to formal `name` (None when not supplied).
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.slot(name)
            .and_then(|i| self.slots[i].as_ref())
            .filter(|v| !matches!(v, Value::Missing))
    }
    /// Takes the value of formal `name`.
    pub fn take(&mut self, name: &str) -> Option<Value> {
        self.slot(name)
            .and_then(|i| self.slots[i].take())
            .filter(|v| !matches!(v, Value::Missing))
    }
    /// The value of formal `name`, or R's error for a missing argument.
    pub fn req(&self, name: &str) -> EvalResult<&Value> {
        self.get(name).ok_or_else(|| {
            RError::runtime(format!("argument \"{}\" is missing, with no default", name)).into()
        })
    }
    /// The value of formal `name` if the builtin declares it, else the `...` argument of
    /// that exact name (graphical parameters such as `col` passed through `...`).
    pub fn opt(&self, name: &str) -> Option<&Value> {
        if self.formals.contains(&name) {
            return self.get(name);
        }
        self.dots
            .iter()
            .find(|(n, _)| n.is_some_and(|s| s.as_str() == name))
            .map(|(_, v)| v)
            .filter(|v| !matches!(v, Value::Missing))
    }
    /// Whether formal `name` was supplied.
    pub fn has(&self, name: &str) -> bool {
        self.get(name).is_some()
    }
}
