//! The SVG writer: one SVG document per page.

use super::color::Rgba;
use super::device::{Device, Gc};
use std::fmt::Write;

/// An SVG device of a given size in points.
pub struct SvgDevice {
    width: f64,
    height: f64,
    pages: Vec<String>,
    clip_id: usize,
    in_clip: bool,
}

impl SvgDevice {
    pub fn new(width: f64, height: f64) -> SvgDevice {
        SvgDevice { width, height, pages: Vec::new(), clip_id: 0, in_clip: false }
    }

    fn body(&mut self) -> &mut String {
        if self.pages.is_empty() {
            self.new_page(Rgba::WHITE);
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// The document of each page so far.
    pub fn documents(&self) -> Vec<String> {
        self.pages.iter().map(|p| self.document(p, false)).collect()
    }

    fn document(&self, body: &str, in_clip: bool) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" \
             width=\"{w}pt\" height=\"{h}pt\" viewBox=\"0 0 {w} {h}\" version=\"1.1\">\n{b}{c}</svg>\n",
            w = num(self.width),
            h = num(self.height),
            b = body,
            c = if in_clip { "</g>\n" } else { "" }
        )
    }
}

/// A coordinate with at most two decimals.
fn num(x: f64) -> String {
    let s = format!("{:.2}", x);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

fn paint(c: Rgba) -> String {
    if c.invisible() {
        return "none".into();
    }
    format!("#{:02x}{:02x}{:02x}", c.r, c.g, c.b)
}

fn stroke_attrs(gc: &Gc) -> String {
    let mut s = format!(" stroke=\"{}\"", paint(gc.col));
    if gc.col.invisible() {
        return s;
    }
    if gc.col.a < 255 {
        let _ = write!(s, " stroke-opacity=\"{:.3}\"", gc.col.a as f64 / 255.0);
    }
    let w = gc.width_pt();
    let _ = write!(s, " stroke-width=\"{}\"", num(w));
    if !gc.dash.is_empty() {
        let d: Vec<String> = gc.dash.iter().map(|d| num(d * w)).collect();
        let _ = write!(s, " stroke-dasharray=\"{}\"", d.join(","));
    }
    s
}

fn fill_attrs(gc: &Gc) -> String {
    let mut s = format!(" fill=\"{}\"", paint(gc.fill));
    if !gc.fill.invisible() && gc.fill.a < 255 {
        let _ = write!(s, " fill-opacity=\"{:.3}\"", gc.fill.a as f64 / 255.0);
    }
    s
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn points(x: &[f64], y: &[f64]) -> String {
    let mut s = String::new();
    for (a, b) in x.iter().zip(y) {
        if !s.is_empty() {
            s.push(' ');
        }
        let _ = write!(s, "{},{}", num(*a), num(*b));
    }
    s
}

impl Device for SvgDevice {
    fn size(&self) -> (f64, f64) {
        (self.width, self.height)
    }

    fn new_page(&mut self, bg: Rgba) {
        if self.in_clip {
            if let Some(p) = self.pages.last_mut() {
                p.push_str("</g>\n");
            }
            self.in_clip = false;
        }
        let mut p = String::new();
        let _ = writeln!(
            p,
            "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"none\"/>",
            num(self.width),
            num(self.height),
            if bg.invisible() { "none".to_string() } else { paint(bg) }
        );
        self.pages.push(p);
    }

    fn clip(&mut self, rect: Option<(f64, f64, f64, f64)>) {
        let was = self.in_clip;
        self.clip_id += 1;
        let id = self.clip_id;
        let b = self.body();
        if was {
            b.push_str("</g>\n");
        }
        if let Some((x0, y0, x1, y1)) = rect {
            let _ = writeln!(
                b,
                "<clipPath id=\"c{}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></clipPath><g clip-path=\"url(#c{})\">",
                id,
                num(x0),
                num(y0),
                num(x1 - x0),
                num(y1 - y0),
                id
            );
        }
        self.in_clip = rect.is_some();
    }

    fn polyline(&mut self, x: &[f64], y: &[f64], gc: &Gc) {
        if gc.col.invisible() || x.len() < 2 {
            return;
        }
        let line = format!(
            "<polyline points=\"{}\" fill=\"none\"{} stroke-linejoin=\"round\" stroke-linecap=\"round\"/>\n",
            points(x, y),
            stroke_attrs(gc)
        );
        self.body().push_str(&line);
    }

    fn polygon(&mut self, x: &[f64], y: &[f64], gc: &Gc) {
        if x.len() < 2 {
            return;
        }
        let line = format!(
            "<polygon points=\"{}\"{}{} stroke-linejoin=\"round\"/>\n",
            points(x, y),
            fill_attrs(gc),
            stroke_attrs(gc)
        );
        self.body().push_str(&line);
    }

    fn rect(&mut self, x0: f64, y0: f64, x1: f64, y1: f64, gc: &Gc) {
        let line = format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"{}{}/>\n",
            num(x0.min(x1)),
            num(y0.min(y1)),
            num((x1 - x0).abs()),
            num((y1 - y0).abs()),
            fill_attrs(gc),
            stroke_attrs(gc)
        );
        self.body().push_str(&line);
    }

    fn circle(&mut self, x: f64, y: f64, r: f64, gc: &Gc) {
        let line = format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"{}{}/>\n",
            num(x),
            num(y),
            num(r),
            fill_attrs(gc),
            stroke_attrs(gc)
        );
        self.body().push_str(&line);
    }

    fn text(&mut self, x: f64, y: f64, s: &str, rot: f64, hadj: f64, gc: &Gc) {
        if gc.col.invisible() || s.is_empty() {
            return;
        }
        let anchor = if hadj <= 0.25 {
            "start"
        } else if hadj >= 0.75 {
            "end"
        } else {
            "middle"
        };
        let transform = if rot != 0.0 {
            format!(" transform=\"rotate({} {} {})\"", num(-rot), num(x), num(y))
        } else {
            String::new()
        };
        let weight = if gc.font == 2 || gc.font == 4 { " font-weight=\"bold\"" } else { "" };
        let style = if gc.font == 3 || gc.font == 4 { " font-style=\"italic\"" } else { "" };
        let opacity = if gc.col.a < 255 { format!(" fill-opacity=\"{:.3}\"", gc.col.a as f64 / 255.0) } else { String::new() };
        let line = format!(
            "<text x=\"{}\" y=\"{}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"{}\"{}{} text-anchor=\"{}\" fill=\"{}\"{}{}>{}</text>\n",
            num(x),
            num(y),
            num(gc.size),
            weight,
            style,
            anchor,
            paint(gc.col),
            opacity,
            transform,
            escape(s)
        );
        self.body().push_str(&line);
    }

    fn finish(&mut self) -> Vec<Vec<u8>> {
        let n = self.pages.len();
        let in_clip = self.in_clip;
        self.pages
            .iter()
            .enumerate()
            .map(|(i, p)| self.document(p, in_clip && i + 1 == n).into_bytes())
            .collect()
    }

    fn pages(&self) -> usize {
        self.pages.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_balanced_documents() {
        let mut d = SvgDevice::new(100.0, 100.0);
        d.new_page(Rgba::WHITE);
        d.clip(Some((10.0, 10.0, 90.0, 90.0)));
        d.circle(50.0, 50.0, 4.5, &Gc::default());
        d.text(50.0, 50.0, "a<b", 90.0, 0.5, &Gc::default());
        d.new_page(Rgba::WHITE);
        d.polyline(&[0.0, 1.0], &[0.0, 1.0], &Gc::default());
        let pages = d.finish();
        assert_eq!(pages.len(), 2);
        let first = String::from_utf8(pages[0].clone()).unwrap();
        assert_eq!(first.matches("<g ").count(), first.matches("</g>").count());
        assert_eq!(first.matches("<circle").count(), 1);
        assert!(first.contains("a&lt;b") && first.contains("rotate(-90 50 50)"));
    }
}
