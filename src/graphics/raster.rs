//! The bitmap device behind `png()` and `jpeg()`: tiny-skia rasterizes each primitive
//! directly (anti-aliased, premultiplied RGBA) and text is drawn from the glyph outlines of
//! the embedded Liberation Sans fonts (`fonts.rs`), so no system font is ever read.

use super::color::Rgba;
use super::device::{Device, Gc};
use super::fonts;
use tiny_skia::{
    FillRule, LineCap, LineJoin, Mask, Paint, PathBuilder, Pixmap, Rect, Stroke, StrokeDash, Transform,
};

/// The encoded file format of each page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Png,
    /// JPEG with a quality of 1..=100.
    Jpeg(u8),
}

/// A bitmap device of `width` x `height` points drawn at `res` pixels per inch.
pub struct RasterDevice {
    width: f64,
    height: f64,
    /// Pixels per point.
    scale: f32,
    format: Format,
    pages: Vec<Pixmap>,
    clip: Option<Mask>,
    /// The clip rectangle of `clip` in whole pixels (x0, y0, x1, y1); None: the page.
    clip_px: Option<(i32, i32, i32, i32)>,
    /// The last small circle drawn, rasterized once and copied to each further position.
    stamp: Option<Stamp>,
}

/// A small symbol rendered once (premultiplied RGBA, `side` x `side` pixels, centred on the
/// middle pixel) and composited wherever it is drawn again: scatter plots of many points.
struct Stamp {
    key: (u32, [u8; 4], [u8; 4], u32),
    side: i32,
    data: Vec<u8>,
}

/// Circles at most this many pixels in radius are drawn from a stamp.
const STAMP_MAX_RADIUS: f32 = 8.0;

impl RasterDevice {
    pub fn new(width: f64, height: f64, res: f64, format: Format) -> RasterDevice {
        RasterDevice { width, height, scale: (res / 72.0) as f32, format, pages: Vec::new(), clip: None, clip_px: None, stamp: None }
    }

    /// The pixel size of a page.
    pub fn pixels(&self) -> (u32, u32) {
        let w = (self.width * self.scale as f64).round().max(1.0) as u32;
        let h = (self.height * self.scale as f64).round().max(1.0) as u32;
        (w, h)
    }

    fn page(&mut self) -> Option<&mut Pixmap> {
        if self.pages.is_empty() {
            self.new_page(Rgba::WHITE);
        }
        self.pages.last_mut()
    }

    fn transform(&self) -> Transform {
        Transform::from_scale(self.scale, self.scale)
    }

    fn fill_path(&mut self, path: &tiny_skia::Path, c: Rgba, t: Transform) {
        if c.invisible() {
            return;
        }
        let paint = paint_of(c);
        let clip = self.clip.take();
        if let Some(p) = self.page() {
            p.fill_path(path, &paint, FillRule::EvenOdd, t, clip.as_ref());
        }
        self.clip = clip;
    }

    fn stroke_path(&mut self, path: &tiny_skia::Path, gc: &Gc) {
        if gc.col.invisible() {
            return;
        }
        let stroke = self.stroke_of(gc);
        let paint = paint_of(gc.col);
        let t = self.transform();
        let clip = self.clip.take();
        if let Some(p) = self.page() {
            p.stroke_path(path, &paint, &stroke, t, clip.as_ref());
        }
        self.clip = clip;
    }

    /// The pen of `gc` in points (at least one pixel wide, as R's cairo devices draw thin lines).
    fn stroke_of(&self, gc: &Gc) -> Stroke {
        let w = (gc.width_pt() as f32).max(1.0 / self.scale);
        let mut stroke = Stroke { width: w, line_cap: LineCap::Round, line_join: LineJoin::Round, ..Stroke::default() };
        if !gc.dash.is_empty() {
            let mut d: Vec<f32> = gc.dash.iter().map(|d| (*d as f32 * w).max(0.01)).collect();
            if d.len() % 2 == 1 {
                d.extend(d.clone());
            }
            stroke.dash = StrokeDash::new(d, 0.0);
            stroke.line_cap = LineCap::Butt;
        }
        stroke
    }

    /// Draws the circle of radius r (points) at (x, y) by copying its stamp, rendering the stamp
    /// first when the circle differs from the last one. False when the circle is too big for a stamp.
    fn stamp_circle(&mut self, x: f64, y: f64, r: f64, gc: &Gc) -> bool {
        let s = self.scale;
        let rp = r as f32 * s;
        if rp > STAMP_MAX_RADIUS || !gc.dash.is_empty() {
            return false;
        }
        let rgba = |c: Rgba| [c.r, c.g, c.b, c.a];
        let key = (rp.to_bits(), rgba(gc.fill), rgba(gc.col), (gc.width_pt() as f32).to_bits());
        if self.stamp.as_ref().map(|st| st.key) != Some(key) {
            let stroke = self.stroke_of(gc);
            let side = 2 * ((rp + stroke.width * s / 2.0).ceil() as i32 + 1) + 1;
            let Some(mut pm) = Pixmap::new(side as u32, side as u32) else { return false };
            let c = side as f32 / 2.0;
            let Some(path) = PathBuilder::from_circle(c, c, rp) else { return false };
            let t = Transform::identity();
            if !gc.fill.invisible() {
                pm.fill_path(&path, &paint_of(gc.fill), FillRule::EvenOdd, t, None);
            }
            if !gc.col.invisible() {
                let pen = Stroke { width: stroke.width * s, ..stroke };
                pm.stroke_path(&path, &paint_of(gc.col), &pen, t, None);
            }
            self.stamp = Some(Stamp { key, side, data: pm.data().to_vec() });
        }
        let (w, h) = self.pixels();
        let (cx0, cy0, cx1, cy1) = self.clip_px.unwrap_or((0, 0, w as i32, h as i32));
        let Some(st) = self.stamp.take() else { return false };
        // the stamp's middle pixel on the pixel holding the centre
        let left = (x as f32 * s).floor() as i32 - st.side / 2;
        let top = (y as f32 * s).floor() as i32 - st.side / 2;
        if let Some(page) = self.page() {
            let data = page.data_mut();
            for j in 0..st.side {
                let py = top + j;
                if py < cy0 || py >= cy1 {
                    continue;
                }
                for i in 0..st.side {
                    let px = left + i;
                    if px < cx0 || px >= cx1 {
                        continue;
                    }
                    let k = ((j * st.side + i) * 4) as usize;
                    let sa = st.data[k + 3] as u32;
                    if sa == 0 {
                        continue;
                    }
                    let d = ((py as u32 * w + px as u32) * 4) as usize;
                    // source over, premultiplied
                    for c in 0..4 {
                        let v = st.data[k + c] as u32 + (data[d + c] as u32 * (255 - sa) + 127) / 255;
                        data[d + c] = v.min(255) as u8;
                    }
                }
            }
        }
        self.stamp = Some(st);
        true
    }
}

fn paint_of(c: Rgba) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color_rgba8(c.r, c.g, c.b, c.a);
    paint.anti_alias = true;
    paint
}

fn poly_path(x: &[f64], y: &[f64], close: bool) -> Option<tiny_skia::Path> {
    let mut pb = PathBuilder::new();
    let mut started = false;
    for (a, b) in x.iter().zip(y) {
        if !a.is_finite() || !b.is_finite() {
            continue;
        }
        if started {
            pb.line_to(*a as f32, *b as f32);
        } else {
            pb.move_to(*a as f32, *b as f32);
            started = true;
        }
    }
    if close {
        pb.close();
    }
    pb.finish()
}

impl Device for RasterDevice {
    fn size(&self) -> (f64, f64) {
        (self.width, self.height)
    }

    fn new_page(&mut self, bg: Rgba) {
        let (w, h) = self.pixels();
        let Some(mut p) = Pixmap::new(w, h) else { return };
        if !bg.invisible() {
            p.fill(tiny_skia::Color::from_rgba8(bg.r, bg.g, bg.b, bg.a));
        }
        self.pages.push(p);
        self.clip = None;
        self.clip_px = None;
    }

    fn clip(&mut self, rect: Option<(f64, f64, f64, f64)>) {
        self.clip = None;
        self.clip_px = None;
        let Some((x0, y0, x1, y1)) = rect else { return };
        let (w, h) = self.pixels();
        let s = self.scale as f64;
        // whole pixels, as R's devices clip
        let (px0, py0) = ((x0 * s).floor().max(0.0), (y0 * s).floor().max(0.0));
        let (px1, py1) = ((x1 * s).ceil().min(w as f64), (y1 * s).ceil().min(h as f64));
        if px0 <= 0.0 && py0 <= 0.0 && px1 >= w as f64 && py1 >= h as f64 {
            return;
        }
        let Some(mut mask) = Mask::new(w, h) else { return };
        self.clip_px = Some((px0 as i32, py0 as i32, px1 as i32, py1 as i32));
        if let Some(r) = Rect::from_ltrb(px0 as f32, py0 as f32, px1 as f32, py1 as f32) {
            let path = PathBuilder::from_rect(r);
            mask.fill_path(&path, FillRule::Winding, false, Transform::identity());
        }
        self.clip = Some(mask);
    }

    fn polyline(&mut self, x: &[f64], y: &[f64], gc: &Gc) {
        if gc.col.invisible() || x.len() < 2 {
            return;
        }
        if let Some(path) = poly_path(x, y, false) {
            self.stroke_path(&path, gc);
        }
    }

    fn polygon(&mut self, x: &[f64], y: &[f64], gc: &Gc) {
        if x.len() < 2 {
            return;
        }
        if let Some(path) = poly_path(x, y, true) {
            let t = self.transform();
            self.fill_path(&path, gc.fill, t);
            self.stroke_path(&path, gc);
        }
    }

    fn rect(&mut self, x0: f64, y0: f64, x1: f64, y1: f64, gc: &Gc) {
        let r = Rect::from_ltrb(x0.min(x1) as f32, y0.min(y1) as f32, x0.max(x1) as f32, y0.max(y1) as f32);
        let path = match r {
            Some(r) => PathBuilder::from_rect(r),
            None => return,
        };
        let t = self.transform();
        self.fill_path(&path, gc.fill, t);
        self.stroke_path(&path, gc);
    }

    fn circle(&mut self, x: f64, y: f64, r: f64, gc: &Gc) {
        if !(x.is_finite() && y.is_finite() && r > 0.0) {
            return;
        }
        if self.stamp_circle(x, y, r, gc) {
            return;
        }
        if let Some(path) = PathBuilder::from_circle(x as f32, y as f32, r as f32) {
            let t = self.transform();
            self.fill_path(&path, gc.fill, t);
            self.stroke_path(&path, gc);
        }
    }

    fn text(&mut self, x: f64, y: f64, s: &str, rot: f64, hadj: f64, gc: &Gc) {
        if gc.col.invisible() || s.is_empty() || !x.is_finite() || !y.is_finite() {
            return;
        }
        let face = fonts::face(gc.font);
        let Some(outline) = fonts::outline(&face, s, gc.font == 3 || gc.font == 4) else { return };
        let em = fonts::units_per_em(&face) as f32;
        let k = gc.size as f32 / em;
        // glyph units (y up) -> points (y down) at the text's origin, rotated, then pixels
        let shift = -(hadj as f32) * outline.advance * k;
        let t = Transform::from_row(k, 0.0, 0.0, -k, shift, 0.0)
            .post_concat(Transform::from_rotate(-rot as f32))
            .post_translate(x as f32, y as f32)
            .post_concat(self.transform());
        self.fill_path(&outline.path, gc.col, t);
    }

    fn finish(&mut self) -> Vec<Vec<u8>> {
        let pages = std::mem::take(&mut self.pages);
        pages
            .iter()
            .map(|p| match self.format {
                Format::Png => encode_png(p),
                Format::Jpeg(q) => encode_jpeg(p, q),
            })
            .collect()
    }

    fn pages(&self) -> usize {
        self.pages.len()
    }
}

/// Straight (not premultiplied) RGBA of a page.
fn demultiplied(p: &Pixmap) -> Vec<u8> {
    let mut out = Vec::with_capacity(p.data().len());
    for px in p.pixels() {
        let c = px.demultiply();
        out.extend_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
    }
    out
}

/// A PNG file of the page: RGB when every pixel is opaque, else RGBA; rows filtered with
/// `Up`, compressed with zlib.
pub fn encode_png(p: &Pixmap) -> Vec<u8> {
    use std::io::Write;
    let (w, h) = (p.width() as usize, p.height() as usize);
    let rgba = demultiplied(p);
    let opaque = rgba.chunks_exact(4).all(|c| c[3] == 255);
    let channels = if opaque { 3 } else { 4 };
    let row_len = w * channels;
    let mut raw = Vec::with_capacity((row_len + 1) * h);
    let mut prev = vec![0u8; row_len];
    let mut row = Vec::with_capacity(row_len);
    for y in 0..h {
        row.clear();
        for px in rgba[y * w * 4..(y + 1) * w * 4].chunks_exact(4) {
            row.extend_from_slice(&px[..channels]);
        }
        raw.push(2u8);
        raw.extend(row.iter().zip(&prev).map(|(a, b)| a.wrapping_sub(*b)));
        std::mem::swap(&mut prev, &mut row);
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(6));
    let _ = z.write_all(&raw);
    let idat = z.finish().unwrap_or_default();
    let mut ihdr = Vec::with_capacity(13);
    ihdr.extend_from_slice(&(w as u32).to_be_bytes());
    ihdr.extend_from_slice(&(h as u32).to_be_bytes());
    ihdr.extend_from_slice(&[8, if opaque { 2 } else { 6 }, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut out, b"IHDR", &ihdr);
    // 72 dpi by default: pixels per metre
    chunk(&mut out, b"IDAT", &idat);
    chunk(&mut out, b"IEND", &[]);
    out
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let mut crc = flate2::Crc::new();
    crc.update(kind);
    crc.update(data);
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    out.extend_from_slice(&crc.sum().to_be_bytes());
}

/// A JPEG file of the page (over white where transparent).
pub fn encode_jpeg(p: &Pixmap, quality: u8) -> Vec<u8> {
    let rgba = demultiplied(p);
    let mut rgb = Vec::with_capacity(rgba.len() / 4 * 3);
    for c in rgba.chunks_exact(4) {
        let a = c[3] as u32;
        for &v in &c[..3] {
            rgb.push(((v as u32 * a + 255 * (255 - a)) / 255) as u8);
        }
    }
    let mut out = Vec::new();
    let enc = jpeg_encoder::Encoder::new(&mut out, quality.clamp(1, 100));
    match enc.encode(&rgb, p.width() as u16, p.height() as u16, jpeg_encoder::ColorType::Rgb) {
        Ok(()) => out,
        Err(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_signature_and_size() {
        let mut d = RasterDevice::new(100.0, 50.0, 72.0, Format::Png);
        d.new_page(Rgba::WHITE);
        d.rect(10.0, 10.0, 40.0, 40.0, &Gc { fill: Rgba::BLACK, ..Gc::default() });
        d.text(50.0, 30.0, "Hi", 0.0, 0.0, &Gc::default());
        let pages = d.finish();
        assert_eq!(pages.len(), 1);
        let b = &pages[0];
        assert_eq!(&b[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(&b[12..16], b"IHDR");
        assert_eq!(u32::from_be_bytes([b[16], b[17], b[18], b[19]]), 100);
        assert_eq!(u32::from_be_bytes([b[20], b[21], b[22], b[23]]), 50);
    }

    /// The ink of a page: the summed darkness of its pixels.
    fn ink(d: &RasterDevice) -> u64 {
        d.pages[0].data().chunks(4).map(|p| 255 * 3 - (p[0] as u64 + p[1] as u64 + p[2] as u64)).sum()
    }

    #[test]
    fn stamped_circles_match_drawn_ones_and_respect_the_clip() {
        let gc = Gc { col: Rgba::BLACK, fill: Rgba::BLACK, ..Gc::default() };
        // the same circle twice: the second copies the stamp the first rendered
        let mut a = RasterDevice::new(40.0, 20.0, 72.0, Format::Png);
        a.new_page(Rgba::WHITE);
        a.circle(10.5, 10.5, 3.0, &gc);
        a.circle(30.5, 10.5, 3.0, &gc);
        assert!(a.stamp.is_some());
        let mut b = RasterDevice::new(40.0, 20.0, 72.0, Format::Png);
        b.new_page(Rgba::WHITE);
        let path = PathBuilder::from_circle(10.5, 10.5, 3.0).expect("circle");
        b.fill_path(&path, Rgba::BLACK, b.transform());
        b.stroke_path(&path, &gc);
        let one = ink(&b) as f64;
        assert!((ink(&a) as f64 / one - 2.0).abs() < 0.02, "{} vs {}", ink(&a), one);
        // clipped to the left half: only the first circle shows
        let mut c = RasterDevice::new(40.0, 20.0, 72.0, Format::Png);
        c.new_page(Rgba::WHITE);
        c.clip(Some((0.0, 0.0, 20.0, 20.0)));
        c.circle(10.5, 10.5, 3.0, &gc);
        c.circle(30.5, 10.5, 3.0, &gc);
        assert!((ink(&c) as f64 / one - 1.0).abs() < 0.02);
    }
}
