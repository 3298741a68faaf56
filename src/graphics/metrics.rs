//! Text widths from Helvetica's metrics (advance widths per 1000 units of the font size,
//! for ASCII 32..=126; derived by measuring each character with R's pdf device), so that
//! label placement matches R's PDF output. Other characters count as a lower-case `n`.

const PLAIN: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 222, 333, 333, 389, 584, 278, 584, 278, 278, 556, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778,
    722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278,
    278, 278, 469, 556, 222, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

const BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 278, 333, 333, 389, 584, 278, 584, 278, 278, 556, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778,
    722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333,
    278, 333, 584, 556, 278, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

/// Height of a capital `M` per 1000 units (R's `strheight`).
pub const CAP_HEIGHT: f64 = 718.0;

/// Width of `s` in points at font size `size`, plain (font 1) or bold (font 2 and 4).
pub fn str_width(s: &str, size: f64, font: i32) -> f64 {
    let table = if font == 2 || font == 4 { &BOLD } else { &PLAIN };
    let total: u32 = s
        .chars()
        .map(|c| {
            let i = c as u32;
            if (32..=126).contains(&i) {
                table[(i - 32) as usize] as u32
            } else {
                556
            }
        })
        .sum();
    total as f64 * size / 1000.0
}

#[cfg(test)]
mod tests {
    #[test]
    fn widths_of_digits() {
        assert_eq!(super::str_width("10", 12.0, 1), 2.0 * 556.0 * 12.0 / 1000.0);
    }
}
