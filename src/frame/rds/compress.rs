//! The compression around R's data files: gzip (R's default, level 6), bzip2 and xz, read
//! and written. A file is recognised by its first bytes, as R's `gzfile()` does, and
//! an uncompressed file is taken as it is.

use flate2::{Compress, Compression, Crc, FlushCompress, Status};

/// Below this many bytes gzip runs on one thread.
const PARALLEL_FROM: usize = 4 << 20;

/// The kinds of compression R writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    None,
    Gzip,
    Bzip2,
    Xz,
}

/// The compression of a file, from its first bytes.
pub fn detect(b: &[u8]) -> Kind {
    match b {
        [0x1f, 0x8b, ..] => Kind::Gzip,
        [b'B', b'Z', b'h', ..] => Kind::Bzip2,
        [0xfd, b'7', b'z', b'X', b'Z', 0, ..] => Kind::Xz,
        _ => Kind::None,
    }
}

/// The contents of a file, decompressed if it is compressed. A damaged or truncated
/// compressed stream is an error (R: "error reading from connection"), and so is one that
/// inflates past the memory one vector may take on this thread (a small file can expand a
/// millionfold), before the buffer grows beyond that limit.
pub fn decompress(b: &[u8]) -> Result<std::borrow::Cow<'_, [u8]>, String> {
    let cap = crate::value::alloc::current_limit().min(usize::MAX as f64) as usize;
    decompress_capped(b, cap)
}

/// `decompress` with an explicit bound on the decompressed size in bytes.
pub fn decompress_capped(b: &[u8], cap: usize) -> Result<std::borrow::Cow<'_, [u8]>, String> {
    let fail = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::OutOfMemory => e.to_string(),
        _ => "error reading from connection".to_string(),
    };
    let mut out = Capped { out: Vec::new(), cap };
    match detect(b) {
        Kind::None => return Ok(std::borrow::Cow::Borrowed(b)),
        Kind::Gzip => {
            // the last four bytes give the size (mod 2^32) of the last member
            let hint = match b.len() {
                n if n >= 18 => u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]),
                _ => 0,
            } as usize;
            out.out
                .reserve(hint.min(b.len().saturating_mul(1032)).min(cap));
            std::io::copy(&mut flate2::read::MultiGzDecoder::new(b), &mut out).map_err(fail)?;
        }
        Kind::Bzip2 => {
            std::io::copy(&mut bzip2::read::MultiBzDecoder::new(b), &mut out).map_err(fail)?;
        }
        Kind::Xz => {
            let mut input = b;
            lzma_rs::xz_decompress(&mut input, &mut out).map_err(|e| match e {
                lzma_rs::error::Error::IoError(e) => fail(e),
                _ => "error reading from connection".to_string(),
            })?;
        }
    }
    Ok(out.out.into())
}

/// A growing buffer that refuses to pass `cap` bytes.
struct Capped {
    out: Vec<u8>,
    cap: usize,
}

impl std::io::Write for Capped {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        if self.out.len().saturating_add(b.len()) > self.cap {
            let e = crate::value::alloc::size_error(self.out.len() as f64 + b.len() as f64);
            return Err(std::io::Error::new(std::io::ErrorKind::OutOfMemory, e.message));
        }
        self.out.extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// `data` compressed as `kind` (gzip at R's level 6, bzip2 at level 9 as R writes it).
pub fn compress(data: Vec<u8>, kind: Kind) -> Result<Vec<u8>, String> {
    use std::io::Write;
    let fail = |e: std::io::Error| format!("error writing to connection: {}", e);
    match kind {
        Kind::None => Ok(data),
        Kind::Gzip => Ok(gzip(&data, 6)),
        Kind::Bzip2 => {
            let mut enc = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::best());
            enc.write_all(&data).map_err(fail)?;
            enc.finish().map_err(fail)
        }
        Kind::Xz => {
            let mut out = Vec::new();
            lzma_rs::xz_compress(&mut &data[..], &mut out).map_err(fail)?;
            Ok(out)
        }
    }
}

/// `data` as one gzip member at compression level `level` (R uses 6). Large inputs are
/// cut into pieces deflated on separate threads and joined with full flushes, so the
/// result is a single ordinary gzip stream.
pub fn gzip(data: &[u8], level: u32) -> Vec<u8> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(16);
    let pieces = if data.len() < PARALLEL_FROM || threads < 2 {
        1
    } else {
        threads.min(data.len() / (1 << 20)).max(1)
    };
    let size = data.len().div_ceil(pieces).max(1);
    let chunks: Vec<&[u8]> = if data.is_empty() {
        vec![data]
    } else {
        data.chunks(size).collect()
    };
    let last = chunks.len() - 1;
    let parts: Vec<(Vec<u8>, Crc)> = if chunks.len() == 1 {
        vec![deflate_piece(chunks[0], level, true)]
    } else {
        std::thread::scope(|s| {
            let hs: Vec<_> = chunks
                .iter()
                .enumerate()
                .map(|(i, c)| s.spawn(move || deflate_piece(c, level, i == last)))
                .collect();
            hs.into_iter()
                .map(|h| h.join().unwrap_or_else(|_| (Vec::new(), Crc::new())))
                .collect()
        })
    };
    let total: usize = parts.iter().map(|p| p.0.len()).sum();
    let mut out = Vec::with_capacity(total + 18);
    // header: magic, deflate, no flags, no time, no extra flags, OS unix
    out.extend_from_slice(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
    let mut crc = Crc::new();
    for (bytes, c) in &parts {
        out.extend_from_slice(bytes);
        crc.combine(c);
    }
    out.extend_from_slice(&crc.sum().to_le_bytes());
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out
}

/// Raw deflate of one piece, ending the stream if it is the last piece, otherwise ending
/// on a byte boundary (a full flush); and the piece's CRC-32.
fn deflate_piece(data: &[u8], level: u32, last: bool) -> (Vec<u8>, Crc) {
    let mut crc = Crc::new();
    crc.update(data);
    let mut c = Compress::new(Compression::new(level), false);
    let mut out = Vec::with_capacity(data.len() / 2 + 1024);
    let flush = if last {
        FlushCompress::Finish
    } else {
        FlushCompress::Full
    };
    loop {
        let done = c.total_in() as usize;
        if out.capacity() - out.len() < 1024 {
            out.reserve(out.capacity() / 2 + 1024);
        }
        let st = c.compress_vec(&data[done..], &mut out, flush);
        let done_now = c.total_in() as usize == data.len();
        match st {
            Ok(Status::StreamEnd) => break,
            Ok(_) if !last && done_now && out.capacity() > out.len() => break,
            Ok(_) => {}
            Err(_) => break,
        }
    }
    (out, crc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gzip_round_trips_in_one_and_many_pieces() {
        for n in [0usize, 10, 100_000, 9 << 20] {
            let data: Vec<u8> = (0..n).map(|i| ((i * 7919) % 251) as u8).collect();
            let z = gzip(&data, 6);
            assert_eq!(detect(&z), Kind::Gzip);
            assert_eq!(&decompress(&z).unwrap()[..], &data[..]);
        }
        assert!(decompress(&[0x1f, 0x8b, 8, 0]).is_err());
        assert_eq!(&decompress(b"X\nabc").unwrap()[..], b"X\nabc");
        // a stream that inflates past the cap stops at the cap, with R's allocation error
        for kind in [Kind::Gzip, Kind::Bzip2, Kind::Xz] {
            let z = compress(vec![0u8; 1 << 20], kind).unwrap();
            let e = decompress_capped(&z, 1 << 16).unwrap_err();
            assert!(e.contains("cannot allocate vector of size"), "{kind:?}: {e}");
            assert_eq!(decompress_capped(&z, 1 << 20).unwrap().len(), 1 << 20);
        }
    }
}
