//! The elements of a character vector. Usually a plain vector; the long label vectors a
//! model fit carries (the row labels `"1".."n"` that name residuals and fitted values, the
//! labels of the rows kept, the names of `effects`) are kept as a rule and written out only
//! when something reads the elements, so a fit on 10 million rows does not hold 10 million
//! strings nobody looks at. A text column read from a file is kept as codes into its
//! distinct strings, which the model code reads directly.

use super::RStr;
use std::cell::OnceCell;
use std::ops::{Deref, DerefMut};
use std::rc::Rc;

/// A rule that produces the elements of a character vector.
#[derive(Clone, Debug)]
enum Rule {
    /// `"1", "2", ..., "n"`.
    Count(usize),
    /// The given numbers as text (row labels of the rows kept, 1-based).
    Numbers(Rc<[u32]>),
    /// The given elements, then `""` up to `n`.
    Padded(Vec<RStr>, usize),
    /// `dict[code]` for each code ([`CODE_NA`] for NA).
    Coded(Rc<Vec<u32>>, Rc<Vec<RStr>>),
}

/// The code of NA in [`Strs::coded`].
pub const CODE_NA: u32 = u32::MAX;

impl Rule {
    fn len(&self) -> usize {
        match self {
            Rule::Count(n) | Rule::Padded(_, n) => *n,
            Rule::Numbers(v) => v.len(),
            Rule::Coded(codes, _) => codes.len(),
        }
    }

    fn write_out(&self) -> Vec<RStr> {
        match self {
            Rule::Count(n) => (1..=*n).map(|i| Some(Rc::from(i.to_string()))).collect(),
            Rule::Numbers(v) => v.iter().map(|i| Some(Rc::from(i.to_string()))).collect(),
            Rule::Padded(head, n) => {
                let empty: Rc<str> = Rc::from("");
                let mut v = head.clone();
                v.resize(*n, Some(empty));
                v
            }
            Rule::Coded(codes, dict) => codes.iter().map(|&c| coded(dict, c).clone()).collect(),
        }
    }
}

/// The element a code stands for.
fn coded(dict: &[RStr], c: u32) -> &RStr {
    const NA: &RStr = &None;
    dict.get(c as usize).unwrap_or(NA)
}

/// Character vector elements, possibly kept as a rule until first read.
#[derive(Clone)]
pub struct Strs {
    rule: Option<Rule>,
    vals: OnceCell<Vec<RStr>>,
}

impl Strs {
    /// `"1".."n"`.
    pub fn count(n: usize) -> Strs {
        Strs::lazy(Rule::Count(n))
    }

    /// The numbers (1-based row positions) as text.
    pub fn numbers(v: Vec<u32>) -> Strs {
        Strs::lazy(Rule::Numbers(v.into()))
    }

    /// `head`, then `""` up to `n` elements.
    pub fn padded(head: Vec<RStr>, n: usize) -> Strs {
        Strs::lazy(Rule::Padded(head, n))
    }

    /// `dict[code]` for each of `codes` ([`CODE_NA`], or any code past the end of `dict`,
    /// for NA).
    pub fn coded(codes: Vec<u32>, dict: Vec<RStr>) -> Strs {
        Strs::lazy(Rule::Coded(Rc::new(codes), Rc::new(dict)))
    }

    /// The codes and the strings they index, when the elements are kept that way.
    pub fn codes(&self) -> Option<(&[u32], &[RStr])> {
        match &self.rule {
            Some(Rule::Coded(codes, dict)) => Some((codes, dict)),
            _ => None,
        }
    }

    fn lazy(rule: Rule) -> Strs {
        Strs {
            rule: Some(rule),
            vals: OnceCell::new(),
        }
    }

    /// The number of elements (without writing a rule out).
    pub fn len(&self) -> usize {
        match (self.vals.get(), &self.rule) {
            (Some(v), _) => v.len(),
            (None, Some(r)) => r.len(),
            (None, None) => 0,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether these are the labels `"1".."n"`, known without reading them.
    pub fn is_count(&self) -> bool {
        matches!(self.rule, Some(Rule::Count(_)))
    }

    /// Element `i` as text (without writing a rule out).
    pub fn label(&self, i: usize) -> Option<String> {
        match (self.vals.get(), &self.rule) {
            (None, Some(Rule::Count(n))) => (i < *n).then(|| (i + 1).to_string()),
            (None, Some(Rule::Numbers(v))) => v.get(i).map(|k| k.to_string()),
            (None, Some(Rule::Coded(codes, dict))) => codes
                .get(i)
                .map(|&c| coded(dict, c).as_deref().unwrap_or("NA").to_string()),
            _ => self
                .get(i)
                .map(|s| s.as_deref().unwrap_or("NA").to_string()),
        }
    }

    /// Elements `range` as text (NA as `"NA"`), without writing a rule out.
    pub fn labels(&self, range: std::ops::Range<usize>) -> Vec<String> {
        range.map(|i| self.label(i).unwrap_or_default()).collect()
    }

    /// The elements, written out (once) if kept as a rule.
    fn filled(&self) -> &Vec<RStr> {
        self.vals
            .get_or_init(|| self.rule.as_ref().map(Rule::write_out).unwrap_or_default())
    }

    /// The elements as a plain vector.
    pub fn into_vec(self) -> Vec<RStr> {
        match (self.vals.into_inner(), self.rule) {
            (Some(v), _) => v,
            (None, Some(r)) => r.write_out(),
            (None, None) => Vec::new(),
        }
    }
}

impl From<Vec<RStr>> for Strs {
    fn from(v: Vec<RStr>) -> Strs {
        Strs {
            rule: None,
            vals: OnceCell::from(v),
        }
    }
}

impl Default for Strs {
    fn default() -> Strs {
        Strs::from(Vec::new())
    }
}

impl FromIterator<RStr> for Strs {
    fn from_iter<I: IntoIterator<Item = RStr>>(it: I) -> Strs {
        Strs::from(it.into_iter().collect::<Vec<RStr>>())
    }
}

impl PartialEq for Strs {
    fn eq(&self, other: &Strs) -> bool {
        self.filled() == other.filled()
    }
}

impl Deref for Strs {
    type Target = Vec<RStr>;
    fn deref(&self) -> &Vec<RStr> {
        self.filled()
    }
}

impl DerefMut for Strs {
    fn deref_mut(&mut self) -> &mut Vec<RStr> {
        self.filled();
        self.rule = None;
        match self.vals.get_mut() {
            Some(v) => v,
            // `deref` above filled the cell
            None => unreachable!("string elements written out"),
        }
    }
}

impl std::fmt::Debug for Strs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.vals.get(), &self.rule) {
            (None, Some(r)) => write!(f, "{:?}", r),
            _ => write!(f, "{:?}", self.filled()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_write_out_on_first_read() {
        let c = Strs::count(3);
        assert_eq!(
            (c.len(), c.is_count(), c.label(2)),
            (3, true, Some("3".to_string()))
        );
        assert_eq!(
            c.iter()
                .map(|s| s.as_deref().unwrap_or("NA").to_string())
                .collect::<Vec<_>>(),
            ["1", "2", "3"]
        );
        let mut p = Strs::padded(vec![Some(Rc::from("a"))], 3);
        assert_eq!(p.len(), 3);
        p.push(None);
        assert_eq!(p.len(), 4);
        assert_eq!(p[1].as_deref(), Some(""));
        let a = Some(Rc::from("a"));
        let c = Strs::coded(vec![1, CODE_NA, 0, 1], vec![a.clone(), Some(Rc::from("b"))]);
        assert_eq!(
            (c.len(), c.label(1), c.label(3)),
            (4, Some("NA".into()), Some("b".into()))
        );
        assert_eq!(c.codes().map(|(k, d)| (k.len(), d.len())), Some((4, 2)));
        assert_eq!(c[2], a);
        assert_eq!(c.into_vec()[1], None);
        let k = Strs::numbers(vec![2, 5]);
        assert_eq!(
            (k.label(1), k.into_vec()[0].as_deref().map(String::from)),
            (Some("5".to_string()), Some("2".to_string()))
        );
    }
}
