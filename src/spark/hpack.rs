//! HPACK (RFC 7541), as much as a gRPC client needs: requests are sent as literal
//! header fields without indexing and without Huffman coding (always valid); responses
//! are decoded in full: the static and dynamic tables, integer and string literals, and
//! Huffman-coded strings (the canonical code of Appendix B, rebuilt from its lengths).

/// The static table (Appendix A): index 1 is the first entry.
const STATIC: [(&str, &str); 61] = [
    (":authority", ""),
    (":method", "GET"),
    (":method", "POST"),
    (":path", "/"),
    (":path", "/index.html"),
    (":scheme", "http"),
    (":scheme", "https"),
    (":status", "200"),
    (":status", "204"),
    (":status", "206"),
    (":status", "304"),
    (":status", "400"),
    (":status", "404"),
    (":status", "500"),
    ("accept-charset", ""),
    ("accept-encoding", "gzip, deflate"),
    ("accept-language", ""),
    ("accept-ranges", ""),
    ("accept", ""),
    ("access-control-allow-origin", ""),
    ("age", ""),
    ("allow", ""),
    ("authorization", ""),
    ("cache-control", ""),
    ("content-disposition", ""),
    ("content-encoding", ""),
    ("content-language", ""),
    ("content-length", ""),
    ("content-location", ""),
    ("content-range", ""),
    ("content-type", ""),
    ("cookie", ""),
    ("date", ""),
    ("etag", ""),
    ("expect", ""),
    ("expires", ""),
    ("from", ""),
    ("host", ""),
    ("if-match", ""),
    ("if-modified-since", ""),
    ("if-none-match", ""),
    ("if-range", ""),
    ("if-unmodified-since", ""),
    ("last-modified", ""),
    ("link", ""),
    ("location", ""),
    ("max-forwards", ""),
    ("proxy-authenticate", ""),
    ("proxy-authorization", ""),
    ("range", ""),
    ("referer", ""),
    ("refresh", ""),
    ("retry-after", ""),
    ("server", ""),
    ("set-cookie", ""),
    ("strict-transport-security", ""),
    ("transfer-encoding", ""),
    ("user-agent", ""),
    ("vary", ""),
    ("via", ""),
    ("www-authenticate", ""),
];

/// Code lengths of the Huffman code (Appendix B) for bytes 0..=255; EOS (256) has 30.
/// The code is canonical: codes of one length are consecutive, in symbol order.
const CODE_LENGTHS: [u8; 256] = [
    13, 23, 28, 28, 28, 28, 28, 28, 28, 24, 30, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 30, 28,
    28, 28, 28, 28, 28, 28, 28, 28, 6, 10, 10, 12, 13, 6, 8, 11, 10, 10, 8, 11, 8, 6, 6, 6, 5, 5,
    5, 6, 6, 6, 6, 6, 6, 6, 7, 8, 15, 6, 12, 10, 13, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
    7, 7, 7, 7, 7, 7, 7, 7, 8, 7, 8, 13, 19, 13, 14, 6, 15, 5, 6, 5, 6, 5, 6, 6, 6, 5, 7, 7, 6, 6,
    6, 5, 6, 7, 6, 5, 5, 6, 7, 7, 7, 7, 7, 15, 11, 14, 13, 28, 20, 22, 20, 20, 22, 22, 22, 23, 22,
    23, 23, 23, 23, 23, 24, 23, 24, 24, 22, 23, 24, 23, 23, 23, 23, 21, 22, 23, 22, 23, 23, 24, 22,
    21, 20, 22, 22, 23, 23, 21, 23, 22, 22, 24, 21, 22, 23, 23, 21, 21, 22, 21, 23, 22, 23, 23, 20,
    22, 22, 22, 23, 22, 22, 23, 26, 26, 20, 19, 22, 23, 22, 25, 26, 26, 26, 27, 27, 26, 24, 25, 19,
    21, 26, 27, 27, 26, 27, 24, 21, 21, 26, 26, 28, 27, 27, 27, 20, 24, 20, 21, 22, 21, 21, 23, 22,
    22, 25, 25, 24, 24, 26, 23, 26, 27, 26, 26, 27, 27, 27, 27, 27, 28, 27, 27, 27, 27, 27, 26,
];

/// Appends an HPACK integer with an `n`-bit prefix whose high bits are `flags`.
fn put_int(out: &mut Vec<u8>, flags: u8, n: u32, v: usize) {
    let max = (1usize << n) - 1;
    if v < max {
        out.push(flags | v as u8);
        return;
    }
    out.push(flags | max as u8);
    let mut v = v - max;
    while v >= 128 {
        out.push((v % 128) as u8 | 0x80);
        v /= 128;
    }
    out.push(v as u8);
}

/// A header block of literal fields without indexing (new names, raw strings).
pub fn encode(headers: &[(&str, &str)]) -> Vec<u8> {
    let mut out = Vec::new();
    for (name, value) in headers {
        out.push(0x00);
        put_int(&mut out, 0, 7, name.len());
        out.extend_from_slice(name.as_bytes());
        put_int(&mut out, 0, 7, value.len());
        out.extend_from_slice(value.as_bytes());
    }
    out
}

/// The decoding side: the dynamic table, kept across header blocks of a connection.
pub struct Decoder {
    /// Newest entry first.
    dynamic: std::collections::VecDeque<(String, String)>,
    size: usize,
    max_size: usize,
    huffman: Huffman,
}

impl Default for Decoder {
    fn default() -> Self {
        Decoder::new()
    }
}

impl Decoder {
    /// A decoder with the default table size (4096 octets).
    pub fn new() -> Decoder {
        Decoder {
            dynamic: Default::default(),
            size: 0,
            max_size: 4096,
            huffman: Huffman::new(),
        }
    }

    fn entry(&self, i: usize) -> Result<(String, String), String> {
        if i == 0 {
            return Err("HPACK: index 0".into());
        }
        if i <= STATIC.len() {
            let (n, v) = STATIC[i - 1];
            return Ok((n.to_string(), v.to_string()));
        }
        self.dynamic
            .get(i - STATIC.len() - 1)
            .cloned()
            .ok_or_else(|| format!("HPACK: index {} out of range", i))
    }

    fn evict(&mut self) {
        while self.size > self.max_size {
            match self.dynamic.pop_back() {
                Some((n, v)) => self.size -= n.len() + v.len() + 32,
                None => break,
            }
        }
    }

    fn insert(&mut self, name: String, value: String) {
        self.size += name.len() + value.len() + 32;
        self.dynamic.push_front((name, value));
        self.evict();
    }

    /// Decodes one complete header block.
    pub fn decode(&mut self, mut b: &[u8]) -> Result<Vec<(String, String)>, String> {
        let mut out = Vec::new();
        while let Some(&first) = b.first() {
            if first & 0x80 != 0 {
                let i = get_int(&mut b, 7)?;
                out.push(self.entry(i)?);
            } else if first & 0xc0 == 0x40 {
                let (n, v) = self.literal(&mut b, 6)?;
                self.insert(n.clone(), v.clone());
                out.push((n, v));
            } else if first & 0xe0 == 0x20 {
                self.max_size = get_int(&mut b, 5)?;
                self.evict();
            } else {
                // without indexing (0000) or never indexed (0001)
                out.push(self.literal(&mut b, 4)?);
            }
        }
        Ok(out)
    }

    fn literal(&self, b: &mut &[u8], n: u32) -> Result<(String, String), String> {
        let i = get_int(b, n)?;
        let name = if i == 0 {
            self.string(b)?
        } else {
            self.entry(i)?.0
        };
        let value = self.string(b)?;
        Ok((name, value))
    }

    fn string(&self, b: &mut &[u8]) -> Result<String, String> {
        let huff = b.first().is_some_and(|x| x & 0x80 != 0);
        let len = get_int(b, 7)?;
        if b.len() < len {
            return Err("HPACK: string past the end of the block".into());
        }
        let (s, rest) = b.split_at(len);
        *b = rest;
        let bytes = if huff {
            self.huffman.decode(s)?
        } else {
            s.to_vec()
        };
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}

/// Reads an HPACK integer with an `n`-bit prefix.
fn get_int(b: &mut &[u8], n: u32) -> Result<usize, String> {
    let bad = || "HPACK: truncated integer".to_string();
    let (&first, rest) = b.split_first().ok_or_else(bad)?;
    *b = rest;
    let max = (1usize << n) - 1;
    let mut v = first as usize & max;
    if v < max {
        return Ok(v);
    }
    let mut shift = 0;
    loop {
        let (&x, rest) = b.split_first().ok_or_else(bad)?;
        *b = rest;
        if shift > 28 {
            return Err("HPACK: integer too large".into());
        }
        v += ((x & 0x7f) as usize) << shift;
        shift += 7;
        if x & 0x80 == 0 {
            return Ok(v);
        }
    }
}

/// Canonical Huffman decoding by code length: for each length, the first code and the
/// index of its symbol in the symbols sorted by (length, value).
struct Huffman {
    first_code: [u32; 31],
    count: [u32; 31],
    offset: [usize; 31],
    symbols: Vec<u16>,
}

impl Huffman {
    fn new() -> Huffman {
        let len = |s: usize| {
            if s == 256 {
                30
            } else {
                CODE_LENGTHS[s] as usize
            }
        };
        let mut symbols: Vec<u16> = (0..=256u16).collect();
        symbols.sort_by_key(|&s| (len(s as usize), s));
        let mut count = [0u32; 31];
        for s in 0..=256 {
            count[len(s)] += 1;
        }
        let (mut first_code, mut offset) = ([0u32; 31], [0usize; 31]);
        let (mut code, mut idx) = (0u32, 0usize);
        for l in 1..31 {
            first_code[l] = code;
            offset[l] = idx;
            idx += count[l] as usize;
            code = (code + count[l]) << 1;
        }
        Huffman {
            first_code,
            count,
            offset,
            symbols,
        }
    }

    fn decode(&self, s: &[u8]) -> Result<Vec<u8>, String> {
        let mut out = Vec::with_capacity(s.len() * 8 / 5);
        let (mut code, mut len) = (0u32, 0usize);
        for &byte in s {
            for k in (0..8).rev() {
                code = (code << 1) | ((byte >> k) & 1) as u32;
                len += 1;
                if len > 30 {
                    return Err("HPACK: bad Huffman code".into());
                }
                let d = code.wrapping_sub(self.first_code[len]);
                if code >= self.first_code[len] && d < self.count[len] {
                    let sym = self.symbols[self.offset[len] + d as usize];
                    if sym == 256 {
                        return Err("HPACK: EOS in a string".into());
                    }
                    out.push(sym as u8);
                    code = 0;
                    len = 0;
                }
            }
        }
        // padding: at most 7 bits, all ones
        if len > 7 || code != (1u32 << len) - 1 {
            return Err("HPACK: bad Huffman padding".into());
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_examples_decode() {
        // RFC 7541 C.4.1 (Huffman-coded request) and C.3.1 (the same, raw)
        let h: Vec<u8> = [
            0x82, 0x86, 0x84, 0x41, 0x8c, 0xf1, 0xe3, 0xc2, 0xe5, 0xf2, 0x3a, 0x6b, 0xa0, 0xab,
            0x90, 0xf4, 0xff,
        ]
        .to_vec();
        let mut d = Decoder::new();
        let out = d.decode(&h).unwrap();
        assert_eq!(out[3], (":authority".into(), "www.example.com".into()));
        assert_eq!(out[0], (":method".into(), "GET".into()));
        // C.4.2: the dynamic entry is reused and a new Huffman literal added
        let h2 = [
            0x82, 0x86, 0x84, 0xbe, 0x58, 0x86, 0xa8, 0xeb, 0x10, 0x64, 0x9c, 0xbf,
        ];
        let out = d.decode(&h2).unwrap();
        assert_eq!(out[3], (":authority".into(), "www.example.com".into()));
        assert_eq!(out[4], ("cache-control".into(), "no-cache".into()));
    }

    #[test]
    fn literal_round_trip_and_long_integers() {
        let long = "x".repeat(300);
        let b = encode(&[("grpc-message", &long), ("a", "b")]);
        let out = Decoder::new().decode(&b).unwrap();
        assert_eq!(out[0].1, long);
        assert_eq!(out[1], ("a".into(), "b".into()));
        assert!(Decoder::new().decode(&[0xff]).is_err());
    }
}
