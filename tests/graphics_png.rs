//! Bitmap and PDF output decoded: png() writes valid PNG files of the requested size with
//! ink where something was drawn; jpeg() a JPEG; pdf() a PDF with its pages, fonts and
//! transparency.

use std::io::Read;

fn temp(name: &str) -> String {
    let dir = std::env::temp_dir().join(format!("rsc-png-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(name).to_string_lossy().replace('\\', "/")
}

fn run(code: &str) {
    let mut r = rsc::Interpreter::new();
    r.eval(code).expect("script runs");
}

/// A decoded 8-bit PNG: width, height, channels and the unfiltered pixel bytes.
struct Image {
    w: usize,
    h: usize,
    ch: usize,
    px: Vec<u8>,
}

impl Image {
    fn at(&self, x: usize, y: usize) -> &[u8] {
        let i = (y * self.w + x) * self.ch;
        &self.px[i..i + self.ch]
    }
    /// Pixels in the rectangle that are not white.
    fn ink(&self, x0: usize, y0: usize, x1: usize, y1: usize) -> usize {
        let mut n = 0;
        for y in y0..y1 {
            for x in x0..x1 {
                if self.at(x, y)[..3].iter().any(|c| *c < 250) {
                    n += 1;
                }
            }
        }
        n
    }
}

fn decode_png(b: &[u8]) -> Image {
    assert_eq!(&b[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    let mut pos = 8;
    let (mut w, mut h, mut ch) = (0, 0, 0);
    let mut idat = Vec::new();
    while pos + 8 <= b.len() {
        let len = u32::from_be_bytes([b[pos], b[pos + 1], b[pos + 2], b[pos + 3]]) as usize;
        let kind = &b[pos + 4..pos + 8];
        let data = &b[pos + 8..pos + 8 + len];
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        let stored = &b[pos + 8 + len..pos + 12 + len];
        assert_eq!(crc.sum().to_be_bytes(), stored, "chunk CRC");
        match kind {
            b"IHDR" => {
                w = u32::from_be_bytes([data[0], data[1], data[2], data[3]]) as usize;
                h = u32::from_be_bytes([data[4], data[5], data[6], data[7]]) as usize;
                assert_eq!(data[8], 8, "8-bit samples");
                ch = match data[9] {
                    2 => 3,
                    6 => 4,
                    t => panic!("colour type {}", t),
                };
            }
            b"IDAT" => idat.extend_from_slice(data),
            _ => {}
        }
        pos += 12 + len;
    }
    let mut raw = Vec::new();
    flate2::read::ZlibDecoder::new(&idat[..]).read_to_end(&mut raw).expect("zlib data");
    let stride = w * ch;
    assert_eq!(raw.len(), (stride + 1) * h, "image data size");
    let mut px = vec![0u8; stride * h];
    for y in 0..h {
        let f = raw[y * (stride + 1)];
        for x in 0..stride {
            let v = raw[y * (stride + 1) + 1 + x];
            let a = if x >= ch { px[y * stride + x - ch] as i32 } else { 0 };
            let up = if y > 0 { px[(y - 1) * stride + x] as i32 } else { 0 };
            let c = if x >= ch && y > 0 { px[(y - 1) * stride + x - ch] as i32 } else { 0 };
            let pred = match f {
                0 => 0,
                1 => a,
                2 => up,
                3 => (a + up) / 2,
                4 => {
                    let p = a + up - c;
                    let (pa, pb, pc) = ((p - a).abs(), (p - up).abs(), (p - c).abs());
                    if pa <= pb && pa <= pc {
                        a
                    } else if pb <= pc {
                        up
                    } else {
                        c
                    }
                }
                _ => panic!("filter {}", f),
            };
            px[y * stride + x] = (v as i32 + pred) as u8;
        }
    }
    Image { w, h, ch, px }
}

#[test]
fn png_of_a_scatter_plot() {
    let f = temp("scatter.png");
    run(&format!("png('{}', width = 300, height = 200); plot(1:10, main = 'Ten'); dev.off()", f));
    let img = decode_png(&std::fs::read(&f).expect("png written"));
    assert_eq!((img.w, img.h), (300, 200));
    // white corner, ink in the plot region (points, box) and in the title strip
    assert_eq!(img.at(0, 0)[..3], [255, 255, 255]);
    assert!(img.ink(60, 40, 280, 150) > 100);
    assert!(img.ink(100, 0, 200, 40) > 20, "the title is drawn");
}

#[test]
fn png_pages_are_numbered_files_and_res_scales() {
    let f = temp("page%02d.png");
    run(&format!(
        "png('{}', width = 2, height = 1, units = 'in', res = 100); plot(1); plot.new(); dev.off()",
        f
    ));
    let first = decode_png(&std::fs::read(f.replace("%02d", "01")).expect("page 1"));
    let second = decode_png(&std::fs::read(f.replace("%02d", "02")).expect("page 2"));
    assert_eq!((first.w, first.h), (200, 100));
    assert!(first.ink(0, 0, 200, 100) > 0);
    assert_eq!(second.ink(0, 0, 200, 100), 0, "an empty page stays blank");
}

#[test]
fn png_transparent_background_has_alpha() {
    let f = temp("alpha.png");
    run(&format!("png('{}', 50, 50, bg = 'transparent'); plot.new(); dev.off()", f));
    let img = decode_png(&std::fs::read(&f).expect("png written"));
    assert_eq!(img.ch, 4);
    assert_eq!(img.at(0, 0)[3], 0);
    let f = temp("red.png");
    run(&format!("png('{}', 100, 100); par(mar = c(0, 0, 0, 0)); plot.new(); rect(0, 0, 1, 1, col = 'red', border = NA); dev.off()", f));
    let img = decode_png(&std::fs::read(&f).expect("png written"));
    assert_eq!(img.at(50, 50)[..3], [255, 0, 0]);
}

#[test]
fn jpeg_is_a_jfif_file() {
    let f = temp("p.jpeg");
    run(&format!("jpeg('{}', width = 120, height = 80, quality = 90); hist(c(1, 2, 2, 3, 3, 3)); dev.off()", f));
    let b = std::fs::read(&f).expect("jpeg written");
    assert_eq!(&b[..2], &[0xFF, 0xD8]);
    assert_eq!(&b[b.len() - 2..], &[0xFF, 0xD9]);
    // the frame header holds the size
    let sof = b.windows(2).position(|w| w == [0xFF, 0xC0]).expect("baseline frame");
    assert_eq!(u16::from_be_bytes([b[sof + 5], b[sof + 6]]), 80);
    assert_eq!(u16::from_be_bytes([b[sof + 7], b[sof + 8]]), 120);
}

#[test]
fn pdf_pages_fonts_and_transparency() {
    let f = temp("t.pdf");
    run(&format!(
        "pdf('{}'); plot(1:3, main = 'caf\\u00e9'); rect(1, 1, 2, 2, col = rgb(1, 0, 0, 0.5)); plot(1); dev.off()",
        f
    ));
    let b = std::fs::read(&f).expect("pdf written");
    let s = String::from_utf8_lossy(&b);
    assert!(s.starts_with("%PDF-1.4"));
    assert!(s.trim_end().ends_with("%%EOF"));
    assert_eq!(s.matches("/Type /Page ").count(), 2);
    assert!(s.contains("/BaseFont /Helvetica-Bold"));
    assert!(s.contains("/ExtGState << /A255_128 << /CA 1 /ca 0.5 >>"), "transparent fill");
    assert!(s.contains("/A255_128 gs"));
    // Latin-1 text in WinAnsi: e-acute as an octal escape
    assert!(s.contains("(caf\\351) Tj"));
    // the cross-reference offsets point at the objects
    let xref = s.rfind("\nxref\n").expect("xref") + 1;
    let off: usize = s[xref..].lines().nth(3).expect("entry 1")[..10].parse().expect("offset");
    assert!(s[off..].starts_with("1 0 obj"));
}
