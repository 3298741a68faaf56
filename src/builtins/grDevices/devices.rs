//! Devices: `svg()`, `pdf()`, `png()`/`jpeg()` (rasterized), `dev.off()`,
//! `dev.cur()`, `dev.list()`, `dev.new()`, `graphics.off()`; with no device open, drawing
//! opens `Rplots.pdf` as Rscript does.

use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::graphics::color::Rgba;
use crate::graphics::engine::{Graphics, Slot};
use crate::graphics::pdf::PdfDevice;
use crate::graphics::raster::{Format, RasterDevice};
use crate::graphics::svg::SvgDevice;
use crate::syntax::sym::Sym;
use crate::value::Value;

pub const BUILTINS: &[Builtin] = &[
    declared("svg", svg),
    declared("pdf", pdf),
    declared("png", png),
    declared("jpeg", jpeg),
    declared("dev.off", dev_off),
    declared("dev.cur", dev_cur),
    declared("dev.list", dev_list),
    declared("dev.new", dev_new),
    declared("graphics.off", graphics_off),
];

pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("svg", "svg(filename = \"Rplot%03d.svg\", width = 7, height = 7, pointsize = 12, onefile = FALSE, family = \"sans\", bg = \"white\", ...)",
            "Opens an SVG device: each page is written to `filename` (a `%d` format numbers the pages) when the device closes."),
        doc("pdf", "pdf(file = \"Rplots.pdf\", width = 7, height = 7, onefile = TRUE, family = \"Helvetica\", title = \"R Graphics Output\", bg = \"transparent\", pointsize = 12, ...)",
            "Opens a PDF device; all pages go to one file, written when the device closes."),
        doc("png", "png(filename = \"Rplot%03d.png\", width = 480, height = 480, units = \"px\", pointsize = 12, bg = \"white\", res = NA, ...)",
            "Opens a PNG device: each page is rasterized (anti-aliased, text in the embedded Liberation Sans) and written to `filename` (a `%d` format numbers the pages) when the device closes. `res` (default 72) is pixels per inch; `units` may be \"px\", \"in\", \"cm\" or \"mm\"."),
        doc("jpeg", "jpeg(filename = \"Rplot%03d.jpeg\", width = 480, height = 480, units = \"px\", pointsize = 12, quality = 75, bg = \"white\", res = NA, ...)",
            "As png(), writing baseline JPEG files of the given `quality` (0-100)."),
        doc("dev.off", "dev.off(which = dev.cur())", "Closes a device (writing its file) and returns the number of the device that becomes current."),
        doc("dev.cur", "dev.cur()", "The number of the current device, named by its kind (`null device` 1 when none is open)."),
        doc("dev.list", "dev.list()", "The numbers of the open devices, named by kind, or NULL."),
        doc("dev.new", "dev.new(...)", "Opens the default device (a PDF file, `Rplots.pdf`)."),
        doc("graphics.off", "graphics.off()", "Closes every open device."),
    ]
};

/// The interpreter's graphics state, made on first use.
pub fn gfx(it: &mut Interp) -> &mut Graphics {
    if !it.graphics.as_ref().is_some_and(|b| b.is::<Graphics>()) {
        it.graphics = Some(Box::new(Graphics::new()));
    }
    match it.graphics.as_mut().and_then(|b| b.downcast_mut::<Graphics>()) {
        Some(g) => g,
        None => unreachable!("graphics state was just set"),
    }
}

/// The current device, opening the default one (`Rplots.pdf`) when none is open.
pub fn current_slot(it: &mut Interp) -> EvalResult<&mut Slot> {
    if gfx(it).current().is_none() {
        open_default(it)?;
    }
    match gfx(it).current() {
        Some(s) => Ok(s),
        None => err("no graphics device is open"),
    }
}

fn open_default(it: &mut Interp) -> EvalResult<usize> {
    check_write(it)?;
    let dev = Box::new(PdfDevice::new(7.0 * 72.0, 7.0 * 72.0));
    Ok(gfx(it).open(dev, "pdf", "Rplots.pdf", Rgba::WHITE))
}

fn check_write(it: &Interp) -> EvalResult<()> {
    it.require(crate::eval::Cap::FilesWrite, "")
}

fn num_arg(m: &Matched, name: &str, default: f64) -> f64 {
    m.get(name).and_then(|v| v.as_f64()).filter(|x| x.is_finite()).unwrap_or(default)
}

fn str_arg(m: &Matched, name: &str, default: &str) -> String {
    m.get(name).and_then(|v| v.as_string()).unwrap_or_else(|| default.to_string())
}

fn bg_arg(it: &mut Interp, m: &Matched, default: &str) -> EvalResult<Rgba> {
    let s = str_arg(m, "bg", default);
    gfx(it).color(&s, Rgba::WHITE).or_else(|e| err(e))
}

fn finish_open(it: &mut Interp, slot_num: usize, pointsize: f64) -> EvalResult {
    if let Some(s) = gfx(it).current() {
        s.par.put("ps", Value::num(pointsize));
    }
    let _ = slot_num;
    it.visible = false;
    Ok(Value::Null)
}

fn svg(it: &mut Interp, m: Matched) -> EvalResult {
    check_write(it)?;
    let file = str_arg(&m, "filename", "Rplot%03d.svg");
    let (w, h) = (num_arg(&m, "width", 7.0), num_arg(&m, "height", 7.0));
    let bg = bg_arg(it, &m, "white")?;
    let dev = Box::new(SvgDevice::new(w * 72.0, h * 72.0));
    let n = gfx(it).open(dev, "svg", &file, bg);
    finish_open(it, n, num_arg(&m, "pointsize", 12.0))
}

fn pdf(it: &mut Interp, m: Matched) -> EvalResult {
    check_write(it)?;
    // pdf(NULL): a device that draws but writes no file
    let file = match m.get("file") {
        Some(Value::Null) => String::new(),
        _ => str_arg(&m, "file", "Rplots.pdf"),
    };
    let (w, h) = (num_arg(&m, "width", 7.0), num_arg(&m, "height", 7.0));
    let bg = bg_arg(it, &m, "transparent")?;
    let dev = Box::new(PdfDevice::new(w * 72.0, h * 72.0));
    let n = gfx(it).open(dev, "pdf", &file, bg);
    finish_open(it, n, num_arg(&m, "pointsize", 12.0))
}

/// `png()`/`jpeg()`: sized in pixels (or `units` at `res` pixels per inch), rasterized.
fn bitmap(it: &mut Interp, m: Matched, kind: &str, format: Format) -> EvalResult {
    check_write(it)?;
    let file = str_arg(&m, "filename", &format!("Rplot%03d.{}", kind));
    let res = num_arg(&m, "res", 72.0);
    let res = if res > 0.0 { res } else { 72.0 };
    let scale = match str_arg(&m, "units", "px").as_str() {
        "in" => res,
        "cm" => res / 2.54,
        "mm" => res / 25.4,
        _ => 1.0,
    };
    let (w, h) = (num_arg(&m, "width", 480.0) * scale, num_arg(&m, "height", 480.0) * scale);
    if !(w >= 1.0 && h >= 1.0 && w * h <= 1e9) {
        return err("invalid 'width' or 'height'");
    }
    let bg = bg_arg(it, &m, "white")?;
    // points at `res` pixels per inch: a device of w/res inches
    let dev = Box::new(RasterDevice::new(w * 72.0 / res, h * 72.0 / res, res, format));
    let n = gfx(it).open(dev, kind, &file, bg);
    finish_open(it, n, num_arg(&m, "pointsize", 12.0))
}

fn png(it: &mut Interp, m: Matched) -> EvalResult {
    bitmap(it, m, "png", Format::Png)
}

fn jpeg(it: &mut Interp, m: Matched) -> EvalResult {
    let q = num_arg(&m, "quality", 75.0).clamp(1.0, 100.0) as u8;
    bitmap(it, m, "jpeg", Format::Jpeg(q))
}

/// A page's file name: the `%d`/`%03d` format filled with the page number.
fn page_file(pattern: &str, page: usize) -> String {
    if let Some(i) = pattern.find('%') {
        let rest = &pattern[i + 1..];
        let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
        if rest[digits.len()..].starts_with('d') {
            let width: usize = digits.trim_start_matches('0').parse().unwrap_or(0);
            let num = if digits.starts_with('0') {
                format!("{:0w$}", page, w = width)
            } else {
                format!("{:w$}", page, w = width)
            };
            return format!("{}{}{}", &pattern[..i], num, &rest[digits.len() + 1..]);
        }
    }
    pattern.to_string()
}

/// Writes a closed device's pages to its file(s).
fn write_slot(mut slot: Slot) -> Result<(), String> {
    let pages = slot.dev.finish();
    if slot.file.is_empty() {
        return Ok(());
    }
    for (i, bytes) in pages.iter().enumerate() {
        let name = page_file(&slot.file, i + 1);
        std::fs::write(&name, bytes).map_err(|e| format!("cannot write '{}': {}", name, e))?;
    }
    Ok(())
}

fn named_int(name: &str, n: usize) -> Value {
    let mut v = Value::int(n as i32);
    v.set_attr(Sym::new("names"), Value::str(name));
    v
}

fn device_value(it: &mut Interp, n: usize) -> Value {
    let g = gfx(it);
    match n.checked_sub(1).and_then(|i| g.slots.get(i)).and_then(|s| s.as_ref()) {
        Some(s) => named_int(&s.name, n),
        None => named_int("null device", 1),
    }
}

fn dev_off(it: &mut Interp, m: Matched) -> EvalResult {
    let cur = gfx(it).cur + 1;
    let which = m.get("which").and_then(|v| v.as_f64()).map(|x| x as usize).unwrap_or(cur);
    if which == 1 {
        return err("cannot shut down device 1 (the null device)");
    }
    if let Some(slot) = gfx(it).close(which) {
        write_slot(slot).or_else(|e| err(e))?;
    }
    let now = gfx(it).cur + 1;
    Ok(device_value(it, now))
}

fn dev_cur(it: &mut Interp, _m: Matched) -> EvalResult {
    let now = gfx(it).cur + 1;
    Ok(device_value(it, now))
}

fn dev_list(it: &mut Interp, _m: Matched) -> EvalResult {
    let g = gfx(it);
    let nums = g.open_numbers();
    if nums.is_empty() {
        return Ok(Value::Null);
    }
    let names: Vec<String> = nums
        .iter()
        .map(|&n| g.slots[n - 1].as_ref().map(|s| s.name.clone()).unwrap_or_default())
        .collect();
    let mut v = Value::ints(nums.iter().map(|&n| n as i32).collect());
    v.set_attr(Sym::new("names"), Value::strings(&names));
    Ok(v)
}

fn dev_new(it: &mut Interp, _m: Matched) -> EvalResult {
    open_default(it)?;
    it.visible = false;
    Ok(Value::Null)
}

fn graphics_off(it: &mut Interp, _m: Matched) -> EvalResult {
    close_all(it).or_else(|e| err(e))?;
    it.visible = false;
    Ok(Value::Null)
}

/// Closes every open device, writing its files (at the end of a script, as R does).
pub fn close_all(it: &mut Interp) -> Result<(), String> {
    if it.graphics.is_none() {
        return Ok(());
    }
    let nums = gfx(it).open_numbers();
    let mut first_err = Ok(());
    for n in nums {
        if let Some(slot) = gfx(it).close(n) {
            if let Err(e) = write_slot(slot) {
                if first_err.is_ok() {
                    first_err = Err(e);
                }
            }
        }
    }
    first_err
}

#[cfg(test)]
mod tests {
    #[test]
    fn page_files() {
        assert_eq!(super::page_file("Rplot%03d.svg", 2), "Rplot002.svg");
        assert_eq!(super::page_file("a.svg", 2), "a.svg");
    }
}
