//! Syntax colouring and the bracket matching the cursor (off with NO_COLOR).

use super::complete::KEYWORDS;

/// Colours keywords, strings, numbers and comments, and the bracket matching the cursor.
pub fn highlight(line: &str, pos: usize) -> String {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let matching = matching_bracket(line, pos);
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let (bi, c) = chars[i];
        if Some(bi) == matching {
            out.push_str(&format!("\x1b[1;34m{}\x1b[0m", c));
            i += 1;
            continue;
        }
        if c == '#' {
            out.push_str(&format!("\x1b[2m{}\x1b[0m", &line[bi..]));
            break;
        }
        if c == '"' || c == '\'' {
            let mut j = i + 1;
            while j < chars.len() && chars[j].1 != c {
                if chars[j].1 == '\\' {
                    j += 1;
                }
                j += 1;
            }
            let end = chars.get(j + 1).map(|x| x.0).unwrap_or(line.len());
            out.push_str(&format!("\x1b[32m{}\x1b[0m", &line[bi..end]));
            i = j + 1;
            continue;
        }
        if c.is_ascii_digit() {
            let mut j = i;
            while j < chars.len() && (chars[j].1.is_ascii_alphanumeric() || chars[j].1 == '.') {
                j += 1;
            }
            let end = chars.get(j).map(|x| x.0).unwrap_or(line.len());
            out.push_str(&format!("\x1b[36m{}\x1b[0m", &line[bi..end]));
            i = j;
            continue;
        }
        if c.is_alphabetic() || c == '.' {
            let mut j = i;
            while j < chars.len()
                && (chars[j].1.is_alphanumeric() || chars[j].1 == '.' || chars[j].1 == '_')
            {
                j += 1;
            }
            let end = chars.get(j).map(|x| x.0).unwrap_or(line.len());
            let w = &line[bi..end];
            if KEYWORDS.contains(&w) {
                out.push_str(&format!("\x1b[35m{}\x1b[0m", w));
            } else {
                out.push_str(w);
            }
            i = j;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Byte offset of the bracket matching the one at or just before the cursor.
fn matching_bracket(line: &str, pos: usize) -> Option<usize> {
    let b = line.as_bytes();
    let at = if pos < b.len() && b"()[]{}".contains(&b[pos]) {
        pos
    } else if pos > 0 && b"()[]{}".contains(&b[pos - 1]) {
        pos - 1
    } else {
        return None;
    };
    let (open, close, fwd) = match b[at] {
        b'(' => (b'(', b')', true),
        b'[' => (b'[', b']', true),
        b'{' => (b'{', b'}', true),
        b')' => (b'(', b')', false),
        b']' => (b'[', b']', false),
        _ => (b'{', b'}', false),
    };
    let mut depth = 0i32;
    if fwd {
        for (i, &c) in b.iter().enumerate().skip(at) {
            if c == open {
                depth += 1;
            } else if c == close {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
        }
    } else {
        for i in (0..=at).rev() {
            if b[i] == close {
                depth += 1;
            } else if b[i] == open {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
        }
    }
    None
}
