//! Shared copies of syntax nodes. A closure call's frame and each promise hold their
//! expression as an `Rc<Expr>`, and making one from a borrowed node is a deep copy (several
//! allocations for `f(n - 1)`). The interpreter keeps one copy per node address and hands
//! it out again only while it still equals the node, so an address freed and reused by
//! another expression can never give a wrong one.

use super::Interp;
use crate::syntax::ast::Expr;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

/// Most nodes kept; the cache starts over when full.
const LIMIT: usize = 4096;

/// Node address -> shared copy.
#[derive(Default)]
pub struct ExprCache(HashMap<usize, Rc<Expr>, BuildHasherDefault<AddrHasher>>);

/// Hashes an address by one multiplication (the keys are distinct pointers).
#[derive(Default)]
pub struct AddrHasher(u64);

impl Hasher for AddrHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x100_0000_01b3);
        }
    }
    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.0 = ((n as u64) >> 3).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

impl Interp {
    /// `e` as a shared expression, equal to a fresh copy of it.
    #[inline]
    pub fn shared_expr(&mut self, e: &Expr) -> Rc<Expr> {
        let key = e as *const Expr as usize;
        if let Some(rc) = self.expr_cache.0.get(&key) {
            if **rc == *e {
                return rc.clone();
            }
        }
        let rc = Rc::new(e.clone());
        if self.expr_cache.0.len() >= LIMIT {
            self.expr_cache.0.clear();
        }
        self.expr_cache.0.insert(key, rc.clone());
        rc
    }
}
