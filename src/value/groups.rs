//! Rows grouped by integer codes in one counting pass, and gathering a vector's elements
//! at given rows: the shared core of `split`, `tapply` and `ave` (no per-group index
//! lists grown element by element, no `Option` per index).

use super::{Data, RStr};
use std::rc::Rc;

/// Rows by group: `rows[start[g]..start[g + 1]]` are group `g`'s rows, in their order.
#[derive(Debug, Default)]
pub struct Groups {
    pub start: Vec<usize>,
    pub rows: Vec<u32>,
}

impl Groups {
    /// Groups rows by their 0-based codes below `ng` (a code at or above `ng`, such as
    /// `u32::MAX` for NA, leaves its row out), by a counting sort.
    pub fn by_codes(codes: &[u32], ng: usize) -> Groups {
        let mut start = vec![0usize; ng + 1];
        for &c in codes {
            if (c as usize) < ng {
                start[c as usize + 1] += 1;
            }
        }
        for g in 0..ng {
            start[g + 1] += start[g];
        }
        let mut next = start[..ng].to_vec();
        let mut rows = vec![0u32; start[ng]];
        for (i, &c) in codes.iter().enumerate() {
            if let Some(p) = next.get_mut(c as usize) {
                rows[*p] = i as u32;
                *p += 1;
            }
        }
        Groups { start, rows }
    }

    /// The number of groups.
    pub fn len(&self) -> usize {
        self.start.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Group `g`'s rows.
    pub fn of(&self, g: usize) -> &[u32] {
        &self.rows[self.start[g]..self.start[g + 1]]
    }
}

/// The elements of `d` at `rows` (every row in range).
pub fn gather(d: &Data, rows: &[u32]) -> Data {
    fn pick<T: Clone>(v: &[T], rows: &[u32]) -> Vec<T> {
        rows.iter().map(|&i| v[i as usize].clone()).collect()
    }
    match d {
        Data::Raw(v) => Data::Raw(Rc::new(pick(v, rows))),
        Data::Lgl(v) => Data::Lgl(Rc::new(pick(v, rows))),
        Data::Int(v) => Data::Int(Rc::new(pick(v, rows))),
        Data::Dbl(v) => Data::Dbl(Rc::new(pick(v, rows))),
        Data::Cplx(v) => Data::Cplx(Rc::new(pick(v, rows))),
        Data::Str(v) => {
            let s: &[RStr] = v;
            Data::Str(Rc::new(pick(s, rows).into()))
        }
        Data::List(v) => Data::List(Rc::new(pick(v, rows))),
    }
}

/// `d` in reverse order.
pub fn reversed(d: &Data) -> Data {
    fn rev<T: Clone>(v: &[T]) -> Vec<T> {
        v.iter().rev().cloned().collect()
    }
    match d {
        Data::Raw(v) => Data::Raw(Rc::new(rev(v))),
        Data::Lgl(v) => Data::Lgl(Rc::new(rev(v))),
        Data::Int(v) => Data::Int(Rc::new(rev(v))),
        Data::Dbl(v) => Data::Dbl(Rc::new(rev(v))),
        Data::Cplx(v) => Data::Cplx(Rc::new(rev(v))),
        Data::Str(v) => {
            let s: &[RStr] = v;
            Data::Str(Rc::new(rev(s).into()))
        }
        Data::List(v) => Data::List(Rc::new(rev(v))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_and_gather() {
        let g = Groups::by_codes(&[1, 0, u32::MAX, 1, 2, 0], 3);
        assert_eq!(g.of(0), &[1, 5]);
        assert_eq!(g.of(1), &[0, 3]);
        assert_eq!(g.of(2), &[4]);
        assert_eq!(g.len(), 3);
        let d = Data::Dbl(Rc::new(vec![10.0, 11.0, 12.0, 13.0, 14.0, 15.0]));
        match gather(&d, g.of(1)) {
            Data::Dbl(v) => assert_eq!(*v, vec![10.0, 13.0]),
            other => panic!("{other:?}"),
        }
        match reversed(&d) {
            Data::Dbl(v) => assert_eq!(v[0], 15.0),
            other => panic!("{other:?}"),
        }
    }
}
