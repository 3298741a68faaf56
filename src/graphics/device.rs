//! The device trait: what a device draws, in points (1/72 inch) from the top-left corner,
//! y downwards.

use super::color::Rgba;

/// How a primitive is drawn: stroke and fill colours, line width and type, font.
#[derive(Clone, Debug)]
pub struct Gc {
    pub col: Rgba,
    pub fill: Rgba,
    /// Line width in R's units (1 = 1/96 inch = 0.75 pt).
    pub lwd: f64,
    /// Dash pattern in multiples of the line width (empty: solid; `None`-like blank is col alpha 0).
    pub dash: Vec<f64>,
    /// Font size in points (`ps * cex`).
    pub size: f64,
    /// R's font face: 1 plain, 2 bold, 3 italic, 4 bold italic.
    pub font: i32,
}

impl Default for Gc {
    fn default() -> Gc {
        Gc { col: Rgba::BLACK, fill: Rgba::TRANSPARENT, lwd: 1.0, dash: Vec::new(), size: 12.0, font: 1 }
    }
}

impl Gc {
    /// Line width in points.
    pub fn width_pt(&self) -> f64 {
        (self.lwd * 0.75).max(0.01)
    }
}

/// R's line types: 0/"blank", 1/"solid", 2/"dashed", 3/"dotted", 4/"dotdash", 5/"longdash",
/// 6/"twodash", or a string of hex digits; the dash pattern (empty when solid), or None
/// when nothing is drawn.
pub fn lty_dash(lty: &str) -> Option<Vec<f64>> {
    let hex = match lty {
        "0" | "blank" => return None,
        "1" | "solid" => return Some(Vec::new()),
        "2" | "dashed" => "44",
        "3" | "dotted" => "13",
        "4" | "dotdash" => "1343",
        "5" | "longdash" => "73",
        "6" | "twodash" => "2262",
        s => s,
    };
    let d: Option<Vec<f64>> = hex.chars().map(|c| c.to_digit(16).map(|d| d as f64)).collect();
    Some(d.unwrap_or_default())
}

/// A page-oriented drawing surface.
pub trait Device {
    /// Width and height in points.
    fn size(&self) -> (f64, f64);
    /// Starts a new page filled with `bg`.
    fn new_page(&mut self, bg: Rgba);
    /// Restricts drawing to a rectangle (x0 < x1, y0 < y1); `None` lifts the restriction.
    fn clip(&mut self, rect: Option<(f64, f64, f64, f64)>);
    /// An open polyline.
    fn polyline(&mut self, x: &[f64], y: &[f64], gc: &Gc);
    /// A closed polygon, filled with `gc.fill` and outlined with `gc.col`.
    fn polygon(&mut self, x: &[f64], y: &[f64], gc: &Gc);
    /// A rectangle between two corners.
    fn rect(&mut self, x0: f64, y0: f64, x1: f64, y1: f64, gc: &Gc);
    /// A circle of radius `r` points.
    fn circle(&mut self, x: f64, y: f64, r: f64, gc: &Gc);
    /// Text whose reference point is (x, y): `rot` degrees anticlockwise, `hadj` 0 left,
    /// 0.5 centre, 1 right; the baseline passes through the point.
    fn text(&mut self, x: f64, y: f64, s: &str, rot: f64, hadj: f64, gc: &Gc);
    /// The finished pages' bytes, one item per output file (closing the device).
    fn finish(&mut self) -> Vec<Vec<u8>>;
    /// Pages drawn so far.
    fn pages(&self) -> usize;
}
