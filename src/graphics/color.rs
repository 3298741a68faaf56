//! Colours: R's names, `#RRGGBB[AA]` strings, palette indices, and their text forms.

use super::color_names::NAMED;

/// A colour with alpha, 8 bits per channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgba {
    pub r: u8,
    pub g: u8,
    pub b: u8,
    pub a: u8,
}

impl Rgba {
    pub const BLACK: Rgba = Rgba { r: 0, g: 0, b: 0, a: 255 };
    pub const WHITE: Rgba = Rgba { r: 255, g: 255, b: 255, a: 255 };
    pub const TRANSPARENT: Rgba = Rgba { r: 255, g: 255, b: 255, a: 0 };

    pub fn rgb(r: u8, g: u8, b: u8) -> Rgba {
        Rgba { r, g, b, a: 255 }
    }
    /// Whether nothing is drawn in this colour.
    pub fn invisible(&self) -> bool {
        self.a == 0
    }
    /// `#RRGGBB`, or `#RRGGBBAA` when not opaque (as `rgb()` writes it).
    pub fn hex(&self) -> String {
        if self.a == 255 {
            format!("#{:02X}{:02X}{:02X}", self.r, self.g, self.b)
        } else {
            format!("#{:02X}{:02X}{:02X}{:02X}", self.r, self.g, self.b, self.a)
        }
    }
    /// R's name for the colour when it has one (as `palette()` shows it), else its hex form.
    pub fn name_or_hex(&self) -> String {
        if self.a == 255 {
            if let Some((n, ..)) = NAMED
                .iter()
                .find(|(n, r, g, b)| (*r, *g, *b) == (self.r, self.g, self.b) && !n.contains("grey"))
            {
                return n.to_string();
            }
        }
        self.hex()
    }
}

/// R 4's default palette.
pub const DEFAULT_PALETTE: &[&str] = &[
    "black", "#DF536B", "#61D04F", "#2297E6", "#28E2E5", "#CD0BBC", "#F5C710", "gray62",
];

/// A named colour (case and spaces ignored, as R does), or `transparent`.
pub fn named(name: &str) -> Option<Rgba> {
    let key: String = name
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(|c| c.to_lowercase())
        .collect();
    if key == "transparent" {
        return Some(Rgba::TRANSPARENT);
    }
    NAMED
        .iter()
        .find(|(n, ..)| *n == key)
        .map(|&(_, r, g, b)| Rgba::rgb(r, g, b))
}

fn hex_digit(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// `#RGB`, `#RGBA`, `#RRGGBB` or `#RRGGBBAA`.
pub fn parse_hex(s: &str) -> Option<Rgba> {
    let h = s.strip_prefix('#')?.as_bytes();
    let d: Option<Vec<u8>> = h.iter().map(|&c| hex_digit(c)).collect();
    let d = d?;
    match d.len() {
        3 | 4 => Some(Rgba {
            r: d[0] * 17,
            g: d[1] * 17,
            b: d[2] * 17,
            a: if d.len() == 4 { d[3] * 17 } else { 255 },
        }),
        6 | 8 => Some(Rgba {
            r: d[0] * 16 + d[1],
            g: d[2] * 16 + d[3],
            b: d[4] * 16 + d[5],
            a: if d.len() == 8 { d[6] * 16 + d[7] } else { 255 },
        }),
        _ => None,
    }
}

/// A colour string: a name, a hex form, or a number (a palette index, `"0"` the background).
pub fn parse(s: &str, palette: &[Rgba], bg: Rgba) -> Result<Rgba, String> {
    if s.starts_with('#') {
        return parse_hex(s).ok_or_else(|| format!("invalid RGB specification '{}'", s));
    }
    if let Ok(i) = s.trim().parse::<i64>() {
        return index(i, palette, bg);
    }
    named(s).ok_or_else(|| format!("invalid color name '{}'", s))
}

/// A palette index as R reads it: 0 is the background, others cycle through the palette.
pub fn index(i: i64, palette: &[Rgba], bg: Rgba) -> Result<Rgba, String> {
    if i < 0 {
        return Err(format!("numerical color values must be >= 0, found {}", i));
    }
    if i == 0 || palette.is_empty() {
        return Ok(bg);
    }
    Ok(palette[((i - 1) as usize) % palette.len()])
}

/// HSV (each in [0, 1]) to RGB, as `hsv()` computes it.
pub fn hsv_to_rgb(h: f64, s: f64, v: f64) -> (f64, f64, f64) {
    if s == 0.0 {
        return (v, v, v);
    }
    let t = 6.0 * (h % 1.0);
    let i = t.floor();
    let f = t - i;
    let p = v * (1.0 - s);
    let q = v * (1.0 - s * f);
    let u = v * (1.0 - s * (1.0 - f));
    match i as i32 {
        0 | 6 => (v, u, p),
        1 => (q, v, p),
        2 => (p, v, u),
        3 => (p, q, v),
        4 => (u, p, v),
        _ => (v, p, q),
    }
}

/// A channel in [0, 1] to 0..=255, rounded as R rounds it.
pub fn channel(x: f64) -> u8 {
    (255.0 * x.clamp(0.0, 1.0) + 0.5).floor() as u8
}

/// HCL (polar CIE-LUV) to sRGB channels in [0, 1], or None when out of gamut (`hcl(fixup)`).
pub fn hcl_to_rgb(h: f64, c: f64, l: f64) -> (f64, f64, f64, bool) {
    const WHITE: (f64, f64, f64) = (95.047, 100.000, 108.883);
    if l <= 0.0 {
        return (0.0, 0.0, 0.0, true);
    }
    let hr = h.to_radians();
    let (u, v) = (c * hr.cos(), c * hr.sin());
    let y = WHITE.1 * if l > 7.999592 { ((l + 16.0) / 116.0).powi(3) } else { l / 903.3 };
    let t = WHITE.0 + WHITE.1 + WHITE.2;
    let x = WHITE.0 / t;
    let yy = WHITE.1 / t;
    let un = 2.0 * x / (6.0 * yy - x + 1.5);
    let vn = 4.5 * yy / (6.0 * yy - x + 1.5);
    let uu = u / (13.0 * l) + un;
    let vv = v / (13.0 * l) + vn;
    let xx = 9.0 * y * uu / (4.0 * vv);
    let z = -xx / 3.0 - 5.0 * y + 3.0 * y / vv;
    let gamma = |u: f64| {
        if u > 0.00304 {
            1.055 * u.powf(1.0 / 2.4) - 0.055
        } else {
            12.92 * u
        }
    };
    let r = gamma((3.240479 * xx - 1.537150 * y - 0.498535 * z) / WHITE.1);
    let g = gamma((-0.969256 * xx + 1.875992 * y + 0.041556 * z) / WHITE.1);
    let b = gamma((0.055648 * xx - 0.204043 * y + 1.057311 * z) / WHITE.1);
    let ok = [r, g, b].iter().all(|v| (0.0..=1.0).contains(v));
    (r.clamp(0.0, 1.0), g.clamp(0.0, 1.0), b.clamp(0.0, 1.0), ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_hex_and_indices() {
        let pal: Vec<Rgba> = DEFAULT_PALETTE.iter().map(|s| parse(s, &[], Rgba::WHITE).unwrap()).collect();
        assert_eq!(parse("Red", &pal, Rgba::WHITE).unwrap().hex(), "#FF0000");
        assert_eq!(parse("#DF536B", &pal, Rgba::WHITE).unwrap(), pal[1]);
        assert_eq!(parse("2", &pal, Rgba::WHITE).unwrap().hex(), "#DF536B");
        assert_eq!(parse("gray62", &pal, Rgba::WHITE).unwrap().hex(), "#9E9E9E");
        assert_eq!(NAMED.len(), 657);
        assert!(parse("nosuch", &pal, Rgba::WHITE).is_err());
    }
}
