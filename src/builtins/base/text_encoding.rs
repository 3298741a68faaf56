//! Text read from and written to files in a declared encoding (`fileEncoding`, `encoding`,
//! `file(encoding =)`): Latin-1 byte for byte, everything else WHATWG knows (Windows-1252,
//! UTF-16 with or without a byte-order mark, Shift_JIS, ...) through `encoding_rs`. A UTF-8
//! byte-order mark is dropped and lines may end in LF, CRLF or a lone CR, as R reads them.

/// An encoding a script named, resolved.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TextEncoding {
    Utf8,
    /// ISO-8859-1: each byte is the code point of the same number.
    Latin1,
    /// UTF-16 in R's sense: the byte-order mark says which order (big-endian without one).
    Utf16,
    Other(&'static encoding_rs::Encoding),
}

/// The encoding an R name means; None for `""`, `"unknown"`, `"native.enc"` and `"bytes"`
/// (the text is taken as UTF-8). An unknown name is an error, as R's.
pub fn resolve(name: &str) -> Result<Option<TextEncoding>, String> {
    let lower = name.trim().to_ascii_lowercase();
    Ok(Some(match lower.as_str() {
        "" | "unknown" | "native.enc" | "bytes" => return Ok(None),
        "utf-8" | "utf8" | "utf-8-bom" => TextEncoding::Utf8,
        "latin1" | "latin-1" | "iso-8859-1" | "iso8859-1" | "iso_8859-1" | "l1" => TextEncoding::Latin1,
        "utf-16" | "utf16" | "ucs-2" => TextEncoding::Utf16,
        "cp1252" => TextEncoding::Other(encoding_rs::WINDOWS_1252),
        _ => match encoding_rs::Encoding::for_label(lower.as_bytes()) {
            Some(e) => TextEncoding::Other(e),
            None => return Err(format!("unsupported conversion from '{}' to ''", name)),
        },
    }))
}

/// Decodes file bytes to text: the declared encoding, else UTF-8. A UTF-8 (or, when
/// declared, UTF-16) byte-order mark is dropped. The flag says whether bytes were not valid
/// in the encoding (they become U+FFFD, and the caller warns).
pub fn decode(bytes: &[u8], enc: Option<TextEncoding>) -> (String, bool) {
    match enc.unwrap_or(TextEncoding::Utf8) {
        TextEncoding::Utf8 => {
            let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            match std::str::from_utf8(b) {
                Ok(s) => (s.to_string(), false),
                Err(_) => (String::from_utf8_lossy(b).into_owned(), true),
            }
        }
        TextEncoding::Latin1 => (bytes.iter().map(|&b| b as char).collect(), false),
        TextEncoding::Utf16 => {
            let (s, _, bad) = if bytes.starts_with(b"\xFF\xFE") {
                encoding_rs::UTF_16LE.decode(bytes)
            } else {
                encoding_rs::UTF_16BE.decode(bytes)
            };
            (s.into_owned(), bad)
        }
        TextEncoding::Other(e) => {
            let (s, _, bad) = e.decode(bytes);
            (s.into_owned(), bad)
        }
    }
}

/// Encodes text for a file in `enc`; characters the encoding cannot hold are an error
/// naming the first of them.
pub fn encode(text: &str, enc: Option<TextEncoding>) -> Result<Vec<u8>, String> {
    let unmappable = |c: char| format!("character '{}' cannot be written in the file's encoding", c);
    match enc.unwrap_or(TextEncoding::Utf8) {
        TextEncoding::Utf8 => Ok(text.as_bytes().to_vec()),
        TextEncoding::Latin1 => text
            .chars()
            .map(|c| u8::try_from(u32::from(c)).map_err(|_| unmappable(c)))
            .collect(),
        TextEncoding::Utf16 => {
            let mut out = vec![0xFE, 0xFF];
            for u in text.encode_utf16() {
                out.extend_from_slice(&u.to_be_bytes());
            }
            Ok(out)
        }
        TextEncoding::Other(e) if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE => {
            let le = e == encoding_rs::UTF_16LE;
            let mut out = Vec::with_capacity(text.len() * 2);
            for u in text.encode_utf16() {
                out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
            }
            Ok(out)
        }
        TextEncoding::Other(e) => {
            let mut enc = e.new_encoder();
            let mut out = Vec::with_capacity(text.len() + 16);
            let mut rest = text;
            loop {
                out.reserve(rest.len() * 2 + 16);
                let (r, read) = enc.encode_from_utf8_to_vec_without_replacement(rest, &mut out, true);
                match r {
                    encoding_rs::EncoderResult::InputEmpty => return Ok(out),
                    encoding_rs::EncoderResult::OutputFull => rest = &rest[read..],
                    encoding_rs::EncoderResult::Unmappable(c) => return Err(unmappable(c)),
                }
            }
        }
    }
}

/// Splits text into lines ending in LF, CRLF or a lone CR (a last line without an end
/// counts; an empty text has none).
pub fn split_lines(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                out.push(text[start..i].to_string());
                start = i + 1;
            }
            b'\r' => {
                out.push(text[start..i].to_string());
                if b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < b.len() {
        out.push(text[start..].to_string());
    }
    out
}

/// The text with every line end made LF (for the parsers, which split on LF).
pub fn normalize_line_ends(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut s = text.replace("\r\n", "\n");
    if s.contains('\r') {
        s = s.replace('\r', "\n");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_declared_encodings() {
        let l1 = resolve("latin1").unwrap();
        assert_eq!(decode(b"caf\xe9", l1), ("café".to_string(), false));
        assert_eq!(encode("café", l1).unwrap(), b"caf\xe9");
        let w = resolve("windows-1252").unwrap();
        assert_eq!(decode(b"\x80 5", w).0, "€ 5");
        assert_eq!(encode("€ 5", w).unwrap(), b"\x80 5");
        let u16 = resolve("UTF-16").unwrap();
        assert_eq!(decode(b"\xFF\xFEa\0b\0", u16).0, "ab");
        assert_eq!(decode(b"\0a\0b", u16).0, "ab");
        assert_eq!(decode(&encode("ab", u16).unwrap(), u16).0, "ab");
        assert_eq!(decode(b"\xEF\xBB\xBFa,b", None).0, "a,b");
        assert!(decode(b"caf\xe9", None).1);
        assert!(resolve("no-such-encoding").is_err());
        assert!(encode("\u{4e00}", l1).is_err());
    }

    #[test]
    fn splits_every_line_end() {
        assert_eq!(split_lines("a\r1\r2\r"), ["a", "1", "2"]);
        assert_eq!(split_lines("a\r\nb\nc"), ["a", "b", "c"]);
        assert_eq!(split_lines("a\n\nb\n"), ["a", "", "b"]);
        assert!(split_lines("").is_empty());
        assert_eq!(normalize_line_ends("a\r1\r\n2".into()), "a\n1\n2");
    }
}
