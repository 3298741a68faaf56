//! The fonts embedded in the binary for bitmap output: Liberation Sans Regular and Bold
//! (SIL Open Font License 1.1, unmodified; `fonts/LICENSE.txt`). Liberation Sans has the
//! advance widths of Arial, which are Helvetica's, so text drawn with it occupies exactly
//! the widths `metrics.rs` gives the layout: PNG, SVG and PDF place every label alike and
//! as R's pdf() does. Italic faces are the upright ones slanted.

use tiny_skia::{Path, PathBuilder};
use ttf_parser::{Face, OutlineBuilder};

static REGULAR: &[u8] = include_bytes!("fonts/LiberationSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("fonts/LiberationSans-Bold.ttf");

/// The face for R's font number (1 plain, 2 bold, 3 italic, 4 bold italic).
pub fn face(font: i32) -> Face<'static> {
    let bytes = if font == 2 || font == 4 { BOLD } else { REGULAR };
    match Face::parse(bytes, 0) {
        Ok(f) => f,
        // the embedded files are valid fonts; fall back to the other one if not
        Err(_) => Face::parse(if font == 2 { REGULAR } else { BOLD }, 0).unwrap_or_else(|_| unreachable!()),
    }
}

pub fn units_per_em(face: &Face) -> u16 {
    face.units_per_em()
}

/// The outlines of a string set on one line, in font units with y up, starting at 0.
pub struct Outline {
    pub path: Path,
    /// Total advance width in font units.
    pub advance: f32,
}

struct Builder {
    pb: PathBuilder,
    dx: f32,
    slant: f32,
}

impl Builder {
    fn p(&self, x: f32, y: f32) -> (f32, f32) {
        (x + self.dx + self.slant * y, y)
    }
}

impl OutlineBuilder for Builder {
    fn move_to(&mut self, x: f32, y: f32) {
        let (x, y) = self.p(x, y);
        self.pb.move_to(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let (x, y) = self.p(x, y);
        self.pb.line_to(x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let (x1, y1) = self.p(x1, y1);
        let (x, y) = self.p(x, y);
        self.pb.quad_to(x1, y1, x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let (x1, y1) = self.p(x1, y1);
        let (x2, y2) = self.p(x2, y2);
        let (x, y) = self.p(x, y);
        self.pb.cubic_to(x1, y1, x2, y2, x, y);
    }
    fn close(&mut self) {
        self.pb.close();
    }
}

/// The glyph outlines of `s`; characters the font lacks are drawn as its missing glyph.
pub fn outline(face: &Face, s: &str, italic: bool) -> Option<Outline> {
    let mut b = Builder { pb: PathBuilder::new(), dx: 0.0, slant: if italic { 0.2 } else { 0.0 } };
    for c in s.chars() {
        let gid = face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
        face.outline_glyph(gid, &mut b);
        b.dx += face.glyph_hor_advance(gid).unwrap_or(0) as f32;
    }
    let advance = b.dx;
    b.pb.finish().map(|path| Outline { path, advance })
}

/// Width of `s` in points at `size` points, from the embedded font's advances.
pub fn str_width(s: &str, size: f64, font: i32) -> f64 {
    let f = face(font);
    let units: u32 = s
        .chars()
        .map(|c| f.glyph_index(c).and_then(|g| f.glyph_hor_advance(g)).unwrap_or(0) as u32)
        .sum();
    units as f64 * size / f.units_per_em() as f64
}

#[cfg(test)]
mod tests {
    #[test]
    fn liberation_widths_are_helvetica_widths() {
        for s in ["0123456789", "Index", "Sepal.Length", "Frequency", "Histogram of x"] {
            for font in [1, 2] {
                let a = super::str_width(s, 12.0, font);
                let b = crate::graphics::metrics::str_width(s, 12.0, font);
                assert!((a - b).abs() < 0.02 * b, "{} {} {} {}", s, font, a, b);
            }
        }
    }
}
