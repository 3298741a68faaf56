//! String encoding as R's `encodeString`: quoting and escapes.

use super::num_format::str_width;

/// Escapes a string as R prints it: control characters as `\n`, `\t`, `\001`...;
/// with `quote`, also `"` and `\` are escaped and the result is wrapped in quotes.
pub fn escape_str(s: &str, quote: bool) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    if quote {
        out.push('"');
    }
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\u{b}' => out.push_str("\\v"),
            '\0' => out.push_str("\\0"),
            '"' if quote => out.push_str("\\\""),
            '\\' if quote => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\{:03o}", c as u32))
            }
            c => out.push(c),
        }
    }
    if quote {
        out.push('"');
    }
    out
}

/// Encodes one string element: escaped (and quoted when `quote`); NA is `NA` when quoted and
/// `<NA>` otherwise, as R's print does.
pub fn encode_str(s: Option<&str>, quote: bool) -> String {
    match s {
        Some(s) => escape_str(s, quote),
        None => {
            if quote {
                "NA".into()
            } else {
                "<NA>".into()
            }
        }
    }
}

/// Formats strings as `print` does: encoded, padded to the common width (left-justified
/// unless `right`).
pub fn format_str_vec(xs: &[Option<&str>], quote: bool, right: bool) -> Vec<String> {
    let v: Vec<String> = xs.iter().map(|s| encode_str(*s, quote)).collect();
    let w = v.iter().map(|s| str_width(s)).max().unwrap_or(0);
    v.iter()
        .map(|s| {
            if right {
                super::num_format::pad_left(s, w)
            } else {
                super::num_format::pad_right(s, w)
            }
        })
        .collect()
}

/// Whether `s` is a syntactic R name (so `$s` needs no backquotes).
pub fn is_syntactic_name(s: &str) -> bool {
    if crate::syntax::deparse::is_reserved(s) {
        return false;
    }
    let mut cs = s.chars();
    let Some(c0) = cs.next() else { return false };
    if !(c0.is_alphabetic() || c0 == '.') {
        return false;
    }
    if c0 == '.' {
        if let Some(c1) = s.chars().nth(1) {
            if c1.is_ascii_digit() {
                return false;
            }
        }
    }
    if !s
        .chars()
        .all(|c| c.is_alphanumeric() || c == '.' || c == '_')
    {
        return false;
    }
    if s.starts_with("..") && s[2..].chars().all(|c| c.is_ascii_digit()) && s.len() > 2 {
        return false;
    }
    s != "..."
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn escapes() {
        assert_eq!(escape_str("a\"b", true), r#""a\"b""#);
        assert_eq!(escape_str("c\\d", true), r#""c\\d""#);
        assert_eq!(escape_str("e\nf", true), r#""e\nf""#);
        assert_eq!(escape_str("g\th", false), r#"g\th"#);
        assert_eq!(escape_str("a\\b", false), r#"a\b"#);
        assert_eq!(escape_str("\u{1}", true), r#""\001""#);
        assert_eq!(
            format_str_vec(&[Some("a"), None, Some("bbb")], true, false).join("|"),
            r#""a"  |NA   |"bbb""#
        );
        assert_eq!(
            format_str_vec(&[Some("a"), None], false, false).join("|"),
            "a   |<NA>"
        );
        assert!(is_syntactic_name("a.b_1"));
        assert!(!is_syntactic_name("my name"));
        assert!(!is_syntactic_name("1a"));
        assert!(!is_syntactic_name("if"));
    }
}
