//! A PDF writer of our own: vector pages with the standard Helvetica fonts (not embedded,
//! as R's pdf device does), so text widths match `metrics.rs`; semi-transparent colours
//! through graphics-state dictionaries (`/CA`, `/ca`), as R's pdf device writes them.

use super::color::Rgba;
use super::device::{Device, Gc};
use super::metrics::str_width;
use std::fmt::Write;

/// A multi-page PDF device of a given size in points.
pub struct PdfDevice {
    width: f64,
    height: f64,
    pages: Vec<String>,
    in_clip: bool,
    /// Stroke and fill alpha in force, and when the clip's `q` was written.
    alpha: (u8, u8),
    alpha_at_q: (u8, u8),
    /// Every (stroke, fill) alpha pair used, one `/ExtGState` entry each.
    alphas: std::collections::BTreeSet<(u8, u8)>,
}

impl PdfDevice {
    pub fn new(width: f64, height: f64) -> PdfDevice {
        PdfDevice {
            width,
            height,
            pages: Vec::new(),
            in_clip: false,
            alpha: (255, 255),
            alpha_at_q: (255, 255),
            alphas: Default::default(),
        }
    }
    fn body(&mut self) -> &mut String {
        if self.pages.is_empty() {
            self.new_page(Rgba::WHITE);
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }
    fn y(&self, y: f64) -> f64 {
        self.height - y
    }
    /// Sets the stroke and fill alpha when they change (written into `s`).
    fn set_alpha(&mut self, s: &mut String, stroke: u8, fill: u8) {
        if self.alpha != (stroke, fill) {
            self.alphas.insert((stroke, fill));
            let _ = writeln!(s, "/A{}_{} gs", stroke, fill);
            self.alpha = (stroke, fill);
        }
    }
}

fn n(x: f64) -> String {
    let s = format!("{:.2}", x);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" || s.is_empty() {
        "0".into()
    } else {
        s.to_string()
    }
}

fn rgb(c: Rgba) -> String {
    format!("{} {} {}", n(c.r as f64 / 255.0), n(c.g as f64 / 255.0), n(c.b as f64 / 255.0))
}

fn stroke_state(gc: &Gc) -> String {
    let w = gc.width_pt();
    let dash: Vec<String> = gc.dash.iter().map(|d| n(d * w)).collect();
    format!("{} RG {} w [{}] 0 d\n", rgb(gc.col), n(w), dash.join(" "))
}

fn escape(s: &str) -> String {
    let mut o = String::new();
    for c in s.chars() {
        match c {
            '(' | ')' | '\\' => {
                o.push('\\');
                o.push(c);
            }
            c if (c as u32) < 127 && (c as u32) >= 32 => o.push(c),
            // WinAnsiEncoding is Latin-1 from 160 on
            c if (160..=255).contains(&(c as u32)) => {
                let _ = write!(o, "\\{:03o}", c as u32);
            }
            _ => o.push('?'),
        }
    }
    o
}

impl PdfDevice {
    fn path(&mut self, x: &[f64], y: &[f64], close: bool, gc: &Gc) {
        let stroke = !gc.col.invisible();
        let fill = close && !gc.fill.invisible();
        if !(stroke || fill) || x.len() < 2 {
            return;
        }
        let mut s = String::new();
        self.set_alpha(&mut s, gc.col.a, if fill { gc.fill.a } else { 255 });
        if stroke {
            s.push_str(&stroke_state(gc));
        }
        if fill {
            let _ = writeln!(s, "{} rg", rgb(gc.fill));
        }
        for (i, (a, b)) in x.iter().zip(y).enumerate() {
            if !(a.is_finite() && b.is_finite()) {
                continue;
            }
            let _ = write!(s, "{} {} {} ", n(*a), n(self.y(*b)), if i == 0 { "m" } else { "l" });
        }
        s.push_str(match (close, fill, stroke) {
            (true, true, true) => "b\n",
            (true, true, false) => "f\n",
            (true, false, _) => "s\n",
            _ => "S\n",
        });
        self.body().push_str(&s);
    }
}

impl Device for PdfDevice {
    fn size(&self) -> (f64, f64) {
        (self.width, self.height)
    }
    fn new_page(&mut self, bg: Rgba) {
        if self.in_clip {
            if let Some(p) = self.pages.last_mut() {
                p.push_str("Q\n");
            }
            self.in_clip = false;
        }
        let mut p = String::from("1 J 1 j\n");
        self.alpha = (255, 255);
        if !bg.invisible() {
            let _ = writeln!(p, "{} rg 0 0 {} {} re f", rgb(bg), n(self.width), n(self.height));
        }
        self.pages.push(p);
    }
    fn clip(&mut self, rect: Option<(f64, f64, f64, f64)>) {
        let was = self.in_clip;
        let h = self.height;
        if was {
            // Q restores the alpha in force at the q
            self.alpha = self.alpha_at_q;
        }
        self.alpha_at_q = self.alpha;
        let b = self.body();
        if was {
            b.push_str("Q\n");
        }
        if let Some((x0, y0, x1, y1)) = rect {
            let _ = writeln!(b, "q {} {} {} {} re W n", n(x0), n(h - y1), n(x1 - x0), n(y1 - y0));
        }
        self.in_clip = rect.is_some();
    }
    fn polyline(&mut self, x: &[f64], y: &[f64], gc: &Gc) {
        self.path(x, y, false, gc);
    }
    fn polygon(&mut self, x: &[f64], y: &[f64], gc: &Gc) {
        self.path(x, y, true, gc);
    }
    fn rect(&mut self, x0: f64, y0: f64, x1: f64, y1: f64, gc: &Gc) {
        self.path(&[x0, x1, x1, x0], &[y0, y0, y1, y1], true, gc);
    }
    fn circle(&mut self, x: f64, y: f64, r: f64, gc: &Gc) {
        let stroke = !gc.col.invisible();
        let fill = !gc.fill.invisible();
        if !(stroke || fill) {
            return;
        }
        let k = 0.5523 * r;
        let cy = self.y(y);
        let mut s = String::new();
        self.set_alpha(&mut s, gc.col.a, if fill { gc.fill.a } else { 255 });
        if stroke {
            s.push_str(&stroke_state(gc));
        }
        if fill {
            let _ = writeln!(s, "{} rg", rgb(gc.fill));
        }
        let _ = write!(
            s,
            "{} {} m {} {} {} {} {} {} c {} {} {} {} {} {} c {} {} {} {} {} {} c {} {} {} {} {} {} c ",
            n(x + r), n(cy),
            n(x + r), n(cy + k), n(x + k), n(cy + r), n(x), n(cy + r),
            n(x - k), n(cy + r), n(x - r), n(cy + k), n(x - r), n(cy),
            n(x - r), n(cy - k), n(x - k), n(cy - r), n(x), n(cy - r),
            n(x + k), n(cy - r), n(x + r), n(cy - k), n(x + r), n(cy)
        );
        s.push_str(match (fill, stroke) {
            (true, true) => "b\n",
            (true, false) => "f\n",
            _ => "s\n",
        });
        self.body().push_str(&s);
    }
    fn text(&mut self, x: f64, y: f64, s: &str, rot: f64, hadj: f64, gc: &Gc) {
        if gc.col.invisible() || s.is_empty() {
            return;
        }
        let w = str_width(s, gc.size, gc.font);
        let (c, si) = (rot.to_radians().cos(), rot.to_radians().sin());
        let px = x - hadj * w * c;
        let py = self.y(y) - hadj * w * si;
        let f = gc.font.clamp(1, 4);
        let mut line = String::new();
        self.set_alpha(&mut line, 255, gc.col.a);
        let _ = write!(
            line,
            "BT {} rg /F{} {} Tf {} {} {} {} {} {} Tm ({}) Tj ET",
            rgb(gc.col), f, n(gc.size), n(c), n(si), n(-si), n(c), n(px), n(py), escape(s)
        );
        line.push('\n');
        self.body().push_str(&line);
    }
    fn finish(&mut self) -> Vec<Vec<u8>> {
        if self.in_clip {
            if let Some(p) = self.pages.last_mut() {
                p.push_str("Q\n");
            }
            self.in_clip = false;
        }
        if self.pages.is_empty() {
            self.new_page(Rgba::WHITE);
        }
        vec![document(&self.pages, self.width, self.height, &self.alphas)]
    }
    fn pages(&self) -> usize {
        self.pages.len()
    }
}

/// The PDF file: catalog, page tree, the four Helvetica faces, then one page and content
/// stream per page, with the cross-reference table.
fn document(pages: &[String], w: f64, h: f64, alphas: &std::collections::BTreeSet<(u8, u8)>) -> Vec<u8> {
    let mut objs: Vec<String> = Vec::new();
    let np = pages.len();
    // 1 catalog, 2 pages, 3 resources, 4..=7 fonts, then (page, content) pairs
    objs.push("<< /Type /Catalog /Pages 2 0 R >>".into());
    let kids: Vec<String> = (0..np).map(|i| format!("{} 0 R", 8 + 2 * i)).collect();
    objs.push(format!("<< /Type /Pages /Kids [{}] /Count {} >>", kids.join(" "), np));
    let gs: Vec<String> = alphas
        .iter()
        .map(|(a, b)| format!("/A{}_{} << /CA {} /ca {} >>", a, b, n(*a as f64 / 255.0), n(*b as f64 / 255.0)))
        .collect();
    let gs = if gs.is_empty() { String::new() } else { format!(" /ExtGState << {} >>", gs.join(" ")) };
    objs.push(format!("<< /Font << /F1 4 0 R /F2 5 0 R /F3 6 0 R /F4 7 0 R >>{} >>", gs));
    for f in ["Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique"] {
        objs.push(format!("<< /Type /Font /Subtype /Type1 /BaseFont /{} /Encoding /WinAnsiEncoding >>", f));
    }
    for (i, p) in pages.iter().enumerate() {
        objs.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {} {}] /Resources 3 0 R /Contents {} 0 R >>",
            n(w),
            n(h),
            9 + 2 * i
        ));
        objs.push(format!("<< /Length {} >>\nstream\n{}endstream", p.len(), p));
    }
    let mut out = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, o) in objs.iter().enumerate() {
        offsets.push(out.len());
        let _ = write!(out, "{} 0 obj\n{}\nendobj\n", i + 1, o);
    }
    let xref = out.len();
    let _ = write!(out, "xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1);
    for off in offsets {
        let _ = write!(out, "{:010} 00000 n \n", off);
    }
    let _ = write!(out, "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{}\n%%EOF\n", objs.len() + 1, xref);
    out.into_bytes()
}
