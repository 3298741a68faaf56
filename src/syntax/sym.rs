//! Interned symbols: names compared and hashed by pointer.

use std::collections::HashSet;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::{Mutex, OnceLock};

/// An interned name. Two `Sym`s are equal exactly when their text is equal.
#[derive(Clone, Copy)]
pub struct Sym(&'static str);

fn table() -> &'static Mutex<HashSet<&'static str>> {
    static T: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    T.get_or_init(|| Mutex::new(HashSet::new()))
}

impl Sym {
    /// Interns `s` (the text is kept for the life of the process).
    pub fn new(s: &str) -> Sym {
        let mut t = match table().lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        };
        if let Some(&k) = t.get(s) {
            return Sym(k);
        }
        let k: &'static str = Box::leak(s.to_string().into_boxed_str());
        t.insert(k);
        Sym(k)
    }
    pub fn as_str(&self) -> &'static str {
        self.0
    }
}

impl PartialEq for Sym {
    fn eq(&self, o: &Sym) -> bool {
        std::ptr::eq(self.0.as_ptr(), o.0.as_ptr())
    }
}
impl Eq for Sym {}
impl Hash for Sym {
    fn hash<H: Hasher>(&self, h: &mut H) {
        (self.0.as_ptr() as usize).hash(h)
    }
}
impl PartialOrd for Sym {
    fn partial_cmp(&self, o: &Sym) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Sym {
    fn cmp(&self, o: &Sym) -> std::cmp::Ordering {
        self.0.cmp(o.0)
    }
}
impl fmt::Debug for Sym {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "`{}`", self.0)
    }
}
impl fmt::Display for Sym {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.0)
    }
}
impl std::ops::Deref for Sym {
    type Target = str;
    fn deref(&self) -> &str {
        self.0
    }
}
impl From<&str> for Sym {
    fn from(s: &str) -> Sym {
        Sym::new(s)
    }
}
