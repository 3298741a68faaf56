//! The graphics parameters (`par`): R's names, defaults and values, held as R values.

use crate::value::Value;

/// One device's graphics parameters.
#[derive(Clone, Debug)]
pub struct Par {
    vals: Vec<(&'static str, Value)>,
}

fn n(v: &[f64]) -> Value {
    Value::dbls(v.to_vec())
}
fn s(v: &str) -> Value {
    Value::str(v)
}

/// The parameters `par()` lists that cannot be set.
pub const READ_ONLY: &[&str] = &["cin", "cra", "csi", "cxy", "din", "page"];

impl Par {
    /// R's defaults on a device of `w` by `h` inches.
    pub fn defaults(w: f64, h: f64) -> Par {
        let vals = vec![
            ("xlog", Value::lgl(false)),
            ("ylog", Value::lgl(false)),
            ("adj", Value::num(0.5)),
            ("ann", Value::lgl(true)),
            ("ask", Value::lgl(false)),
            ("bg", s("transparent")),
            ("bty", s("o")),
            ("cex", Value::num(1.0)),
            ("cex.axis", Value::num(1.0)),
            ("cex.lab", Value::num(1.0)),
            ("cex.main", Value::num(1.2)),
            ("cex.sub", Value::num(1.0)),
            ("cin", n(&[0.15, 0.2])),
            ("col", s("black")),
            ("col.axis", s("black")),
            ("col.lab", s("black")),
            ("col.main", s("black")),
            ("col.sub", s("black")),
            ("cra", n(&[10.8, 14.4])),
            ("crt", Value::num(0.0)),
            ("csi", Value::num(0.2)),
            ("cxy", n(&[0.02604167, 0.03875969])),
            ("din", n(&[w, h])),
            ("err", Value::int(0)),
            ("family", s("")),
            ("fg", s("black")),
            ("fig", n(&[0.0, 1.0, 0.0, 1.0])),
            ("fin", n(&[w, h])),
            ("font", Value::int(1)),
            ("font.axis", Value::int(1)),
            ("font.lab", Value::int(1)),
            ("font.main", Value::int(2)),
            ("font.sub", Value::int(1)),
            ("lab", Value::ints(vec![5, 5, 7])),
            ("las", Value::int(0)),
            ("lend", s("round")),
            ("lheight", Value::num(1.0)),
            ("ljoin", s("round")),
            ("lmitre", Value::num(10.0)),
            ("lty", s("solid")),
            ("lwd", Value::num(1.0)),
            ("mai", n(&[1.02, 0.82, 0.82, 0.42])),
            ("mar", n(&[5.1, 4.1, 4.1, 2.1])),
            ("mex", Value::num(1.0)),
            ("mfcol", Value::ints(vec![1, 1])),
            ("mfg", Value::ints(vec![1, 1, 1, 1])),
            ("mfrow", Value::ints(vec![1, 1])),
            ("mgp", n(&[3.0, 1.0, 0.0])),
            ("mkh", Value::num(0.001)),
            ("new", Value::lgl(false)),
            ("oma", n(&[0.0, 0.0, 0.0, 0.0])),
            ("omd", n(&[0.0, 1.0, 0.0, 1.0])),
            ("omi", n(&[0.0, 0.0, 0.0, 0.0])),
            ("page", Value::lgl(true)),
            ("pch", Value::int(1)),
            ("pin", n(&[w - 1.24, h - 1.84])),
            ("plt", n(&[0.82 / w, (w - 0.42) / w, 1.02 / h, (h - 0.82) / h])),
            ("ps", Value::int(12)),
            ("pty", s("m")),
            ("smo", Value::num(1.0)),
            ("srt", Value::num(0.0)),
            ("tck", Value::lgl_na()),
            ("tcl", Value::num(-0.5)),
            ("usr", n(&[0.0, 1.0, 0.0, 1.0])),
            ("xaxp", n(&[0.0, 1.0, 5.0])),
            ("xaxs", s("r")),
            ("xaxt", s("s")),
            ("xpd", Value::lgl(false)),
            ("yaxp", n(&[0.0, 1.0, 5.0])),
            ("yaxs", s("r")),
            ("yaxt", s("s")),
            ("ylbias", Value::num(0.2)),
        ];
        Par { vals }
    }

    /// Every parameter's name, in `par()`'s order.
    pub fn names(&self) -> Vec<&'static str> {
        self.vals.iter().map(|(k, _)| *k).collect()
    }

    pub fn get(&self, name: &str) -> Option<&Value> {
        self.vals.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }

    /// Sets a known parameter without checks; false when the name is unknown.
    pub fn put(&mut self, name: &str, v: Value) -> bool {
        match self.vals.iter_mut().find(|(k, _)| *k == name) {
            Some(slot) => {
                slot.1 = v;
                true
            }
            None => false,
        }
    }

    pub fn num(&self, name: &str) -> f64 {
        self.get(name).and_then(|v| v.as_f64()).unwrap_or(f64::NAN)
    }
    pub fn nums(&self, name: &str) -> Vec<f64> {
        self.get(name).map(|v| v.dbl_vec().to_vec()).unwrap_or_default()
    }
    pub fn string(&self, name: &str) -> String {
        self.get(name).and_then(|v| v.as_string()).unwrap_or_default()
    }
    pub fn flag(&self, name: &str) -> bool {
        self.get(name).and_then(|v| v.as_bool().flatten()).unwrap_or(false)
    }
    pub fn set_nums(&mut self, name: &str, v: &[f64]) {
        self.put(name, n(v));
    }
}
