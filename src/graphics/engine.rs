//! The graphics engine: open devices, each with its parameters and figure layout, and
//! drawing in user, figure-margin and device coordinates (R's plot regions, `usr`,
//! clipping by `xpd`).

use super::color::{self, Rgba};
use super::device::{Device, Gc};
use super::metrics::str_width;
use super::par::Par;
use super::pretty;

/// A rectangle in device points: x0 < x1, y0 (top) < y1 (bottom).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn w(&self) -> f64 {
        self.x1 - self.x0
    }
    pub fn h(&self) -> f64 {
        self.y1 - self.y0
    }
}

/// How a page is split into figures (`mfrow`, `mfcol`, `layout`).
#[derive(Clone, Debug)]
pub struct Layout {
    pub widths: Vec<f64>,
    pub heights: Vec<f64>,
    /// Each figure's rows and columns (first, last), in drawing order.
    pub cells: Vec<(usize, usize, usize, usize)>,
}

impl Layout {
    /// An `nr` by `nc` grid filled by rows (or by columns).
    pub fn grid(nr: usize, nc: usize, by_row: bool) -> Layout {
        let mut cells = Vec::new();
        for k in 0..nr * nc {
            let (r, c) = if by_row { (k / nc, k % nc) } else { (k % nr, k / nr) };
            cells.push((r, r, c, c));
        }
        Layout { widths: vec![1.0; nc], heights: vec![1.0; nr], cells }
    }
}

/// One open device: its drawing surface, file, parameters and plot state.
pub struct Slot {
    pub dev: Box<dyn Device>,
    /// The device's name as `dev.cur()` shows it (`pdf`, `svg`, `png`).
    pub name: String,
    /// The output file name (may hold a `%d` page-number format).
    pub file: String,
    pub par: Par,
    pub layout: Layout,
    /// The current figure (index into `layout.cells`), None before the first plot.
    pub figure: Option<usize>,
    pub fig_rect: Rect,
    pub plot_rect: Rect,
    pub bg: Rgba,
}

/// All devices of an interpreter: slot `i` is device number `i + 1`; device 1 is the null
/// device and is never open.
#[derive(Default)]
pub struct Graphics {
    pub slots: Vec<Option<Slot>>,
    pub cur: usize,
    pub palette: Vec<Rgba>,
}

impl Graphics {
    pub fn new() -> Graphics {
        let palette = color::DEFAULT_PALETTE
            .iter()
            .filter_map(|s| color::parse(s, &[], Rgba::WHITE).ok())
            .collect();
        Graphics { slots: vec![None], cur: 0, palette }
    }

    /// Opens a device and makes it current; returns its number.
    pub fn open(&mut self, dev: Box<dyn Device>, name: &str, file: &str, bg: Rgba) -> usize {
        let (w, h) = dev.size();
        let slot = Slot {
            dev,
            name: name.to_string(),
            file: file.to_string(),
            par: Par::defaults(w / 72.0, h / 72.0),
            layout: Layout::grid(1, 1, true),
            figure: None,
            fig_rect: Rect { x0: 0.0, y0: 0.0, x1: w, y1: h },
            plot_rect: Rect::default(),
            bg,
        };
        let i = match self.slots.iter().skip(1).position(|s| s.is_none()) {
            Some(k) => k + 1,
            None => {
                self.slots.push(None);
                self.slots.len() - 1
            }
        };
        self.slots[i] = Some(slot);
        self.cur = i;
        if let Some(s) = self.slots[i].as_mut() {
            s.plot_rect = plot_region(&s.par, s.fig_rect);
        }
        i + 1
    }

    /// The current device, if one is open.
    pub fn current(&mut self) -> Option<&mut Slot> {
        self.slots.get_mut(self.cur).and_then(|s| s.as_mut())
    }

    /// The numbers of the open devices.
    pub fn open_numbers(&self) -> Vec<usize> {
        (1..self.slots.len()).filter(|&i| self.slots[i].is_some()).map(|i| i + 1).collect()
    }

    /// Closes device number `num` and returns it (its pages still to be written); the next
    /// open device becomes current.
    pub fn close(&mut self, num: usize) -> Option<Slot> {
        let slot = self.slots.get_mut(num.checked_sub(1)?)?.take();
        let open = self.open_numbers();
        self.cur = open.iter().find(|&&n| n > num).or(open.first()).map(|n| n - 1).unwrap_or(0);
        slot
    }

    pub fn color(&self, s: &str, bg: Rgba) -> Result<Rgba, String> {
        color::parse(s, &self.palette, bg)
    }
}

/// The height of a margin line in points: `mex * cex * csi`.
pub fn line_height(par: &Par) -> f64 {
    par.num("mex") * par.num("cex") * par.num("ps") * 1.2
}

/// The plot region inside a figure region: the figure less the margins (`mar`), made
/// square for `pty = "s"`.
pub fn plot_region(par: &Par, fig: Rect) -> Rect {
    let lh = line_height(par);
    let mar = par.nums("mar");
    let m = |i: usize| mar.get(i).copied().unwrap_or(0.0) * lh;
    let mut r = Rect { x0: fig.x0 + m(1), y0: fig.y0 + m(2), x1: fig.x1 - m(3), y1: fig.y1 - m(0) };
    if par.string("pty") == "s" {
        let side = r.w().min(r.h());
        let (cx, cy) = ((r.x0 + r.x1) / 2.0, (r.y0 + r.y1) / 2.0);
        r = Rect { x0: cx - side / 2.0, x1: cx + side / 2.0, y0: cy - side / 2.0, y1: cy + side / 2.0 };
    }
    r
}

impl Slot {
    /// The region inside the outer margins.
    pub fn inner(&self) -> Rect {
        let (w, h) = self.dev.size();
        let lh = line_height(&self.par);
        let oma = self.par.nums("oma");
        let o = |i: usize| oma.get(i).copied().unwrap_or(0.0) * lh;
        Rect { x0: o(1), y0: o(2), x1: w - o(3), y1: h - o(0) }
    }

    /// The rectangle of figure `k` of the layout.
    pub fn figure_rect(&self, k: usize) -> Rect {
        let inner = self.inner();
        let l = &self.layout;
        let (tw, th): (f64, f64) = (l.widths.iter().sum(), l.heights.iter().sum());
        let (r0, r1, c0, c1) = l.cells[k];
        let xs = |c: usize| l.widths[..c].iter().sum::<f64>() / tw;
        let ys = |r: usize| l.heights[..r].iter().sum::<f64>() / th;
        Rect {
            x0: inner.x0 + inner.w() * xs(c0),
            x1: inner.x0 + inner.w() * xs(c1 + 1),
            y0: inner.y0 + inner.h() * ys(r0),
            y1: inner.y0 + inner.h() * ys(r1 + 1),
        }
    }

    /// `plot.new()`: moves to the next figure (a new page after the last one, or on the
    /// first plot), unless `par(new = TRUE)`.
    pub fn new_plot(&mut self) {
        let again = self.par.flag("new") && self.figure.is_some();
        self.par.put("new", crate::value::Value::lgl(false));
        if !again {
            let next = match self.figure {
                Some(k) if k + 1 < self.layout.cells.len() => k + 1,
                _ => {
                    self.dev.new_page(self.bg);
                    0
                }
            };
            self.figure = Some(next);
        }
        self.update_regions();
    }

    /// Recomputes the figure and plot regions from the parameters.
    pub fn update_regions(&mut self) {
        let k = self.figure.unwrap_or(0);
        self.fig_rect = self.figure_rect(k);
        self.plot_rect = plot_region(&self.par, self.fig_rect);
        let (w, h) = self.dev.size();
        let inner = self.inner();
        let f = self.fig_rect;
        let p = self.plot_rect;
        self.par.set_nums(
            "fig",
            &[
                (f.x0 - inner.x0) / inner.w(),
                (f.x1 - inner.x0) / inner.w(),
                (inner.y1 - f.y1) / inner.h(),
                (inner.y1 - f.y0) / inner.h(),
            ],
        );
        self.par.set_nums("fin", &[f.w() / 72.0, f.h() / 72.0]);
        self.par.set_nums("pin", &[p.w() / 72.0, p.h() / 72.0]);
        self.par.set_nums(
            "plt",
            &[(p.x0 - f.x0) / f.w(), (p.x1 - f.x0) / f.w(), (f.y1 - p.y1) / f.h(), (f.y1 - p.y0) / f.h()],
        );
        let lh = line_height(&self.par) / 72.0;
        let mar = self.par.nums("mar");
        let mai: Vec<f64> = mar.iter().map(|m| m * lh).collect();
        self.par.set_nums("mai", &mai);
        let oma = self.par.nums("oma");
        let omi: Vec<f64> = oma.iter().map(|m| m * lh).collect();
        self.par.set_nums("omi", &omi);
        self.par.set_nums("omd", &[inner.x0 / w, inner.x1 / w, (h - inner.y1) / h, (h - inner.y0) / h]);
        self.set_cxy();
    }

    /// `plot.window(xlim, ylim)`: sets `usr` (with the 4% extension of style "r", in log10
    /// units for log axes) and the axis tick parameters.
    pub fn plot_window(&mut self, xlim: (f64, f64), ylim: (f64, f64), xlog: bool, ylog: bool, asp: f64) {
        self.par.put("xlog", crate::value::Value::lgl(xlog));
        self.par.put("ylog", crate::value::Value::lgl(ylog));
        let style = |s: String| s.chars().next().unwrap_or('r');
        let tr = |v: f64, log: bool| if log { v.log10() } else { v };
        let (mut x0, mut x1) = pretty::axis_range(tr(xlim.0, xlog), tr(xlim.1, xlog), style(self.par.string("xaxs")));
        let (mut y0, mut y1) = pretty::axis_range(tr(ylim.0, ylog), tr(ylim.1, ylog), style(self.par.string("yaxs")));
        if xlim.0 > xlim.1 {
            std::mem::swap(&mut x0, &mut x1);
            let (a, b) = pretty::axis_range(tr(xlim.1, xlog), tr(xlim.0, xlog), style(self.par.string("xaxs")));
            x0 = b;
            x1 = a;
        }
        if ylim.0 > ylim.1 {
            let (a, b) = pretty::axis_range(tr(ylim.1, ylog), tr(ylim.0, ylog), style(self.par.string("yaxs")));
            y0 = b;
            y1 = a;
        }
        if asp.is_finite() && asp > 0.0 {
            let p = self.plot_rect;
            let (xd, yd) = ((x1 - x0).abs(), (y1 - y0).abs());
            let scale = (p.w() / xd).min(p.h() / (yd * asp));
            let (xc, yc) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
            let (xh, yh) = (p.w() / scale / 2.0, p.h() / (scale * asp) / 2.0);
            x0 = xc - xh * (x1 - x0).signum();
            x1 = xc + xh * (x1 - x0).signum();
            y0 = yc - yh;
            y1 = yc + yh;
        }
        self.par.set_nums("usr", &[x0, x1, y0, y1]);
        let lab = self.par.nums("lab");
        let nx = lab.first().copied().unwrap_or(5.0).max(1.0) as usize;
        let ny = lab.get(1).copied().unwrap_or(5.0).max(1.0) as usize;
        self.par.set_nums("xaxp", &pretty::axis_pars(x0, x1, nx, xlog));
        self.par.set_nums("yaxp", &pretty::axis_pars(y0, y1, ny, ylog));
        self.set_cxy();
    }

    /// `par("cxy")`: the default character size (`cin` times `cex`) in user units.
    pub fn set_cxy(&mut self) {
        let u = self.usr();
        let (cin, cex, p) = (self.par.nums("cin"), self.par.num("cex"), self.plot_rect);
        if cin.len() == 2 && p.w() > 0.0 && p.h() > 0.0 {
            let cxy = [cin[0] * cex * 72.0 / p.w() * (u[1] - u[0]), cin[1] * cex * 72.0 / p.h() * (u[3] - u[2])];
            self.par.set_nums("cxy", &cxy);
        }
    }

    pub fn usr(&self) -> [f64; 4] {
        let u = self.par.nums("usr");
        [u[0], u[1], u[2], u[3]]
    }

    /// User x to device x (data values: log10 taken on a log axis).
    pub fn dx(&self, x: f64) -> f64 {
        let u = self.usr();
        let x = if self.par.flag("xlog") { x.log10() } else { x };
        let p = self.plot_rect;
        p.x0 + (x - u[0]) / (u[1] - u[0]) * p.w()
    }
    pub fn dy(&self, y: f64) -> f64 {
        let u = self.usr();
        let y = if self.par.flag("ylog") { y.log10() } else { y };
        let p = self.plot_rect;
        p.y1 - (y - u[2]) / (u[3] - u[2]) * p.h()
    }

    /// Clips to the plot region, the figure region or the device for `xpd` FALSE, TRUE, NA.
    pub fn clip(&mut self, xpd: Option<bool>) {
        let r = match xpd {
            Some(false) => self.plot_rect,
            Some(true) => self.fig_rect,
            None => {
                let (w, h) = self.dev.size();
                Rect { x0: 0.0, y0: 0.0, x1: w, y1: h }
            }
        };
        self.dev.clip(Some((r.x0, r.y0, r.x1, r.y1)));
    }

    /// The clip `par("xpd")` asks for.
    pub fn clip_par(&mut self) {
        match self.par.get("xpd").and_then(|v| v.as_bool()) {
            Some(Some(true)) => self.clip(Some(true)),
            Some(None) => self.clip(None),
            _ => self.clip(Some(false)),
        }
    }

    /// A polyline in user coordinates, broken at missing values.
    pub fn lines(&mut self, x: &[f64], y: &[f64], gc: &Gc) {
        let mut xs = Vec::new();
        let mut ys = Vec::new();
        for (a, b) in x.iter().zip(y) {
            let (px, py) = (self.dx(*a), self.dy(*b));
            if px.is_finite() && py.is_finite() {
                xs.push(px);
                ys.push(py);
            } else {
                self.dev.polyline(&xs, &ys, gc);
                xs.clear();
                ys.clear();
            }
        }
        self.dev.polyline(&xs, &ys, gc);
    }

    /// A margin text (`mtext`): `side` 1..4, `line` outwards from the plot region (or from
    /// the inner region when `outer`), `at` in user coordinates (NaN: placed by `adj`).
    #[allow(clippy::too_many_arguments)]
    pub fn mtext(&mut self, s: &str, side: i32, line: f64, at: f64, adj: f64, perp: bool, outer: bool, gc: &Gc) {
        let lh = line_height(&self.par);
        let bias = self.par.num("ylbias");
        let r = if outer { self.inner_full() } else { self.plot_rect };
        // perpendicular text is justified by `adj` when given (NaN: towards the plot)
        let (pos_adj, padj) = if adj.is_finite() { (adj, Some(adj)) } else { (0.5, None) };
        let along_x = |sl: &Slot| if at.is_finite() && !outer { sl.dx(at) } else { r.x0 + pos_adj * r.w() };
        let along_y = |sl: &Slot| if at.is_finite() && !outer { sl.dy(at) } else { r.y1 - pos_adj * r.h() };
        let adj = pos_adj;
        let half = gc.size * 0.718 / 2.0;
        let lines: Vec<&str> = s.split('\n').collect();
        for (i, text) in lines.iter().enumerate() {
            let l = line + i as f64 * if side == 1 || side == 4 { 1.0 } else { -1.0 } * gc.size * 1.2 / lh;
            let l = if lines.len() > 1 && side != 1 && side != 4 { line + (lines.len() - 1 - i) as f64 * gc.size * 1.2 / lh } else { l };
            match side {
                1 => {
                    let x = along_x(self);
                    if perp {
                        let y = r.y1 + l * lh;
                        self.dev.text(x + half, y, text, 90.0, padj.unwrap_or(1.0), gc);
                    } else {
                        let y = r.y1 + (l + 1.0 - bias) * lh;
                        self.dev.text(x, y, text, 0.0, adj, gc);
                    }
                }
                3 => {
                    let x = along_x(self);
                    if perp {
                        self.dev.text(x + half, r.y0 - l * lh, text, 90.0, padj.unwrap_or(0.0), gc);
                    } else {
                        self.dev.text(x, r.y0 - (l + bias) * lh, text, 0.0, adj, gc);
                    }
                }
                2 => {
                    let y = along_y(self);
                    if perp {
                        self.dev.text(r.x0 - l * lh, y + half, text, 0.0, padj.unwrap_or(1.0), gc);
                    } else {
                        self.dev.text(r.x0 - (l + bias) * lh, y, text, 90.0, adj, gc);
                    }
                }
                _ => {
                    let y = along_y(self);
                    if perp {
                        self.dev.text(r.x1 + l * lh, y + half, text, 0.0, padj.unwrap_or(0.0), gc);
                    } else {
                        self.dev.text(r.x1 + (l + 1.0 - bias) * lh, y, text, 90.0, adj, gc);
                    }
                }
            }
        }
    }

    /// The region inside the outer margins (for `outer = TRUE` texts).
    fn inner_full(&self) -> Rect {
        self.inner()
    }

    /// Draws an axis on `side` with ticks at `at` (user values) and their labels.
    #[allow(clippy::too_many_arguments)]
    pub fn axis(&mut self, side: i32, at: &[f64], labels: &[String], line_gc: &Gc, label_gc: &Gc, draw_line: bool) {
        let lh = line_height(&self.par);
        let mgp = self.par.nums("mgp");
        let tcl = self.par.num("tcl");
        let las = self.par.num("las") as i32;
        let horizontal = side == 1 || side == 3;
        let pos: Vec<f64> = at.iter().map(|&v| if horizontal { self.dx(v) } else { self.dy(v) }).collect();
        let r = self.plot_rect;
        let base = mgp.get(2).copied().unwrap_or(0.0) * lh;
        let edge = match side {
            1 => r.y1 + base,
            2 => r.x0 - base,
            3 => r.y0 - base,
            _ => r.x1 + base,
        };
        let outward = if side == 1 || side == 4 { 1.0 } else { -1.0 };
        let tick = -tcl * lh * outward;
        self.dev.clip(None);
        let fin: Vec<f64> = pos.iter().copied().filter(|p| p.is_finite()).collect();
        if draw_line && !fin.is_empty() {
            let (lo, hi) = (fin.iter().cloned().fold(f64::INFINITY, f64::min), fin.iter().cloned().fold(f64::NEG_INFINITY, f64::max));
            if horizontal {
                self.dev.polyline(&[lo, hi], &[edge, edge], line_gc);
            } else {
                self.dev.polyline(&[edge, edge], &[lo, hi], line_gc);
            }
        }
        for &p in &fin {
            if horizontal {
                self.dev.polyline(&[p, p], &[edge, edge + tick], line_gc);
            } else {
                self.dev.polyline(&[edge, edge + tick], &[p, p], line_gc);
            }
        }
        let perp = match side {
            1 | 3 => las == 2 || las == 3,
            _ => las == 1 || las == 2,
        };
        let line = mgp.get(1).copied().unwrap_or(1.0);
        let mut last_end = f64::NEG_INFINITY;
        for (p, text) in pos.iter().zip(labels) {
            if !p.is_finite() || text.is_empty() {
                continue;
            }
            if !perp {
                let w = str_width(text, label_gc.size, label_gc.font);
                let (lo, hi) = if horizontal { (p - w / 2.0, p + w / 2.0) } else { (-p - w / 2.0, -p + w / 2.0) };
                let (lo, hi) = if horizontal || side == 2 || side == 4 { (lo, hi) } else { (lo, hi) };
                if lo < last_end {
                    continue;
                }
                last_end = hi + str_width("m", label_gc.size, 1) * 0.5;
            }
            let (u, v) = (if horizontal { *p } else { r.x0 }, if horizontal { r.y1 } else { *p });
            self.mtext_at(text, side, line, u, v, perp, label_gc);
        }
        self.clip(Some(false));
    }

    /// Margin text at a device position along the side (used by axis labels).
    #[allow(clippy::too_many_arguments)]
    fn mtext_at(&mut self, s: &str, side: i32, line: f64, x: f64, y: f64, perp: bool, gc: &Gc) {
        let lh = line_height(&self.par);
        let bias = self.par.num("ylbias");
        let r = self.plot_rect;
        let half = gc.size * 0.718 / 2.0;
        match (side, perp) {
            (1, false) => self.dev.text(x, r.y1 + (line + 1.0 - bias) * lh, s, 0.0, 0.5, gc),
            (1, true) => self.dev.text(x + half, r.y1 + line * lh, s, 90.0, 1.0, gc),
            (3, false) => self.dev.text(x, r.y0 - (line + bias) * lh, s, 0.0, 0.5, gc),
            (3, true) => self.dev.text(x + half, r.y0 - line * lh, s, 90.0, 0.0, gc),
            (2, false) => self.dev.text(r.x0 - (line + bias) * lh, y, s, 90.0, 0.5, gc),
            (2, true) => self.dev.text(r.x0 - line * lh, y + half, s, 0.0, 1.0, gc),
            (_, false) => self.dev.text(r.x1 + (line + 1.0 - bias) * lh, y, s, 90.0, 0.5, gc),
            (_, true) => self.dev.text(r.x1 + line * lh, y + half, s, 0.0, 0.0, gc),
        }
    }

    /// The box around the plot region in style `bty`.
    pub fn draw_box(&mut self, bty: &str, gc: &Gc) {
        let r = self.plot_rect;
        self.dev.clip(None);
        let (l, t, rr, b) = (r.x0, r.y0, r.x1, r.y1);
        let pts: Option<Vec<(f64, f64)>> = match bty {
            "o" => {
                self.dev.rect(l, t, rr, b, &Gc { fill: Rgba::TRANSPARENT, ..gc.clone() });
                None
            }
            "l" => Some(vec![(l, t), (l, b), (rr, b)]),
            "7" => Some(vec![(l, t), (rr, t), (rr, b)]),
            "c" => Some(vec![(rr, t), (l, t), (l, b), (rr, b)]),
            "u" => Some(vec![(l, t), (l, b), (rr, b), (rr, t)]),
            "]" => Some(vec![(l, t), (rr, t), (rr, b), (l, b)]),
            _ => None,
        };
        if let Some(p) = pts {
            let (xs, ys): (Vec<f64>, Vec<f64>) = p.into_iter().unzip();
            self.dev.polyline(&xs, &ys, gc);
        }
        self.clip(Some(false));
    }

    /// A plotting symbol (`pch`) at device (x, y); `cex` scales it; `bg` fills 21..25.
    pub fn symbol(&mut self, x: f64, y: f64, pch: &Pch, cex: f64, gc: &Gc, bg: Rgba) {
        if !(x.is_finite() && y.is_finite()) {
            return;
        }
        let size = self.par.num("ps") * cex;
        // R sizes symbols by half the character height (1.2 ps): the circle of pch 1 has radius 2.7 at ps 12
        let r = 0.375 * 0.6 * size;
        let stroke = gc.clone();
        let filled = Gc { fill: gc.col, ..gc.clone() };
        let with_bg = Gc { fill: bg, ..gc.clone() };
        let sq = r * 0.886_226_925_452_758;
        let tri = |d: &mut dyn Device, down: bool, g: &Gc| {
            let rr = 1.555_120_301_556_214 * r;
            let (xc, yc) = (rr * 3f64.sqrt() / 2.0, rr / 2.0);
            let s = if down { -1.0 } else { 1.0 };
            d.polygon(&[x, x + xc, x - xc], &[y - s * rr, y + s * yc, y + s * yc], g);
        };
        let diamond = |d: &mut dyn Device, h: f64, g: &Gc| d.polygon(&[x - h, x, x + h, x], &[y, y - h, y, y + h], g);
        let d = self.dev.as_mut();
        match pch {
            Pch::Char(c) => d.text(x, y + size * 0.718 / 2.0, c, 0.0, 0.5, &Gc { size, ..gc.clone() }),
            Pch::None => {}
            Pch::Code(k) => match k {
                0 => d.rect(x - r, y - r, x + r, y + r, &stroke),
                1 => d.circle(x, y, r, &stroke),
                2 => tri(d, false, &stroke),
                3 => {
                    let h = r * 2f64.sqrt();
                    d.polyline(&[x - h, x + h], &[y, y], &stroke);
                    d.polyline(&[x, x], &[y - h, y + h], &stroke);
                }
                4 => {
                    d.polyline(&[x - r, x + r], &[y - r, y + r], &stroke);
                    d.polyline(&[x - r, x + r], &[y + r, y - r], &stroke);
                }
                5 => diamond(d, r * 2f64.sqrt(), &stroke),
                6 => tri(d, true, &stroke),
                7 => {
                    d.rect(x - r, y - r, x + r, y + r, &stroke);
                    d.polyline(&[x - r, x + r], &[y - r, y + r], &stroke);
                    d.polyline(&[x - r, x + r], &[y + r, y - r], &stroke);
                }
                8 => {
                    let h = r * 2f64.sqrt();
                    d.polyline(&[x - h, x + h], &[y, y], &stroke);
                    d.polyline(&[x, x], &[y - h, y + h], &stroke);
                    d.polyline(&[x - r, x + r], &[y - r, y + r], &stroke);
                    d.polyline(&[x - r, x + r], &[y + r, y - r], &stroke);
                }
                9 => {
                    let h = r * 2f64.sqrt();
                    diamond(d, h, &stroke);
                    d.polyline(&[x - h, x + h], &[y, y], &stroke);
                    d.polyline(&[x, x], &[y - h, y + h], &stroke);
                }
                10 => {
                    d.circle(x, y, r, &stroke);
                    d.polyline(&[x - r, x + r], &[y, y], &stroke);
                    d.polyline(&[x, x], &[y - r, y + r], &stroke);
                }
                11 | 12 | 13 | 14 => {
                    if *k == 13 {
                        d.circle(x, y, r, &stroke);
                        d.polyline(&[x - r, x + r], &[y - r, y + r], &stroke);
                        d.polyline(&[x - r, x + r], &[y + r, y - r], &stroke);
                    } else {
                        d.rect(x - r, y - r, x + r, y + r, &stroke);
                        d.polyline(&[x - r, x + r], &[y, y], &stroke);
                        d.polyline(&[x, x], &[y - r, y + r], &stroke);
                    }
                }
                15 => d.rect(x - r, y - r, x + r, y + r, &Gc { col: Rgba::TRANSPARENT, ..filled.clone() }),
                16 | 19 => d.circle(x, y, r, &filled),
                17 => tri(d, false, &filled),
                18 => diamond(d, r, &filled),
                20 => d.circle(x, y, r * 2.0 / 3.0, &filled),
                21 => d.circle(x, y, r, &with_bg),
                22 => d.rect(x - sq, y - sq, x + sq, y + sq, &with_bg),
                23 => diamond(d, r * 1.253_314_137_315_5, &with_bg),
                24 => tri(d, false, &with_bg),
                25 => tri(d, true, &with_bg),
                _ => d.circle(x, y, r, &stroke),
            },
        }
    }
}

/// A plotting symbol: a numeric code, a character, or nothing (`NA`).
#[derive(Clone, Debug)]
pub enum Pch {
    Code(i32),
    Char(String),
    None,
}

/// Axis tick labels as R formats them: a common number of decimals, or scientific notation
/// when that is narrower.
pub fn format_ticks(at: &[f64]) -> Vec<String> {
    let decimals = |v: f64| (0..15).find(|&d| {
        let p = 10f64.powi(d);
        ((v * p).round() / p - v).abs() <= 1e-9 * v.abs().max(1e-300)
    }).unwrap_or(15);
    let d = at.iter().filter(|v| v.is_finite()).map(|&v| decimals(v)).max().unwrap_or(0);
    let fixed: Vec<String> = at.iter().map(|v| clean_zero(format!("{:.*}", d as usize, v))).collect();
    let sci_m = at.iter().filter(|v| v.is_finite() && **v != 0.0).map(|&v| {
        let e = v.abs().log10().floor();
        decimals(v / 10f64.powf(e))
    }).max().unwrap_or(0);
    let sci: Vec<String> = at.iter().map(|&v| sci_str(v, sci_m as usize)).collect();
    let fw = fixed.iter().map(|s| s.len()).max().unwrap_or(0);
    let sw = sci.iter().map(|s| s.len()).max().unwrap_or(0);
    if fw > sw { sci } else { fixed }
}

fn clean_zero(s: String) -> String {
    if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') {
        s[1..].to_string()
    } else {
        s
    }
}

fn sci_str(v: f64, digits: usize) -> String {
    let s = format!("{:.*e}", digits, v);
    match s.split_once('e') {
        Some((m, e)) => {
            let e: i32 = e.parse().unwrap_or(0);
            format!("{}e{}{:02}", m, if e < 0 { "-" } else { "+" }, e.abs())
        }
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tick_labels() {
        assert_eq!(format_ticks(&[0.0, 0.5, 1.0]), vec!["0.0", "0.5", "1.0"]);
        assert_eq!(format_ticks(&[2.0, 4.0, 10.0]), vec!["2", "4", "10"]);
        assert_eq!(format_ticks(&[0.0, 2e5, 1e6]), vec!["0e+00", "2e+05", "1e+06"]);
    }
}
