//! A purpose-built parallel reader for plain delimited files whose column types are known
//! from the first rows: doubles, integers and text. The file is mapped block by block, and
//! each block is cut at line ends into a few parts per thread; a part is tokenised and its
//! numbers parsed in the same pass, straight into per-column vectors, while the previous
//! block's parts are copied into the columns. Anything it does not expect (a field that does
//! not fit its column's type, a ragged row, text that is not UTF-8) makes it give up, and
//! the caller reads the file the general way, which gives R's results and messages.

use crate::value::strs::CODE_NA;
use crate::value::{na_real, RStr, Strs};
use std::collections::HashMap;
use std::rc::Rc;

/// The type a column is read as.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Dbl,
    /// Integers; `i64::MIN` marks NA.
    Int,
    Str,
    /// Not kept (fields are only stepped over).
    Skip,
}

/// The format of the file.
pub struct Format<'a> {
    pub sep: u8,
    pub quote: Option<u8>,
    pub na: &'a [String],
    pub header: bool,
}

/// A column as read: doubles, integers (NA as `i64::MIN`) or text (kept as codes into
/// its distinct strings).
pub enum Column {
    Dbl(Vec<f64>),
    Int(Vec<i64>),
    Str(Strs),
    Skipped,
}

/// NA in an integer column.
pub const INT_NA: i64 = i64::MIN;

/// Bytes of the file handled per round (split among the threads).
const BLOCK: usize = 8 << 20;

/// Reads every row of `path` with the given column kinds. `Ok(None)` when the file is not
/// plain enough (the caller then reads it the general way); `Err` only for I/O failures.
pub fn read(
    path: &str,
    fmt: &Format,
    kinds: &[Kind],
    threads: usize,
) -> Result<Option<Vec<Column>>, String> {
    let size = std::fs::metadata(path)
        .map(|m| m.len() as usize)
        .unwrap_or(0);
    let mut out = Out::new(kinds, threads);
    let done = blocks(path, fmt, kinds, threads, BLOCK, |parts, bytes| {
        if out.rows == 0 {
            // room for every row at the first block's density
            let rows: usize = parts.iter().map(|p| p.rows).sum();
            out.reserve((rows as f64 * size as f64 / bytes.max(1) as f64 * 1.03) as usize + 1024);
        }
        out.append(parts);
        Ok(true)
    })?;
    Ok(done.map(|_| out.finish()))
}

/// Reads `path` in chunks of about `block` bytes of text, handing each chunk's columns to
/// `f` (which returns `false` to stop). `Ok(None)` when the first chunk shows the file is
/// not plain enough; a later row that does not fit is an error naming its chunk.
pub fn for_each_chunk(
    path: &str,
    fmt: &Format,
    kinds: &[Kind],
    threads: usize,
    block: usize,
    mut f: impl FnMut(Vec<Column>) -> Result<bool, String>,
) -> Result<Option<()>, String> {
    let mut rows = 0usize;
    let done = blocks(path, fmt, kinds, threads, block.max(1 << 12), |parts, _| {
        let mut out = Out::new(kinds, threads);
        out.reserve(parts.iter().map(|p| p.rows).sum());
        out.append(parts);
        rows += out.rows;
        f(out.finish())
    })?;
    match done {
        None if rows > 0 => Err(format!(
            "'{}': a row after row {} does not fit the column types of the first rows \
             (text in a number column, or a row of the wrong length)",
            path, rows
        )),
        d => Ok(d),
    }
}

/// The block loop: maps `path` about `block` bytes at a time, cuts each block at record
/// ends into parts, parses the parts in parallel and hands them, in order, to `on_parts`
/// with the block's size in bytes (while the next block parses). `Ok(None)` when a part does not parse, or
/// when the file cannot be mapped (a pipe, an empty file).
fn blocks(
    path: &str,
    fmt: &Format,
    kinds: &[Kind],
    threads: usize,
    block: usize,
    mut on_parts: impl FnMut(&[Part], usize) -> Result<bool, String>,
) -> Result<Option<()>, String> {
    if kinds.is_empty()
        || fmt.sep == b'\n'
        || fmt.sep == b'\r'
        || Some(fmt.sep) == fmt.quote
        || !fmt.sep.is_ascii()
    {
        return Ok(None);
    }
    let file = std::fs::File::open(path).map_err(|e| crate::frame::io_reason(&e))?;
    let size = file.metadata().map(|m| m.len() as usize).unwrap_or(0);
    if size == 0 {
        return Ok(None);
    }
    let Ok(mut cur) = Mapped::map(&file, 0, block, size) else {
        return Ok(None);
    };
    // two sets of parts: one block is handed on from one set while the next parses into
    // the other
    let mut sets: [Vec<Part>; 2] = [Vec::new(), Vec::new()];
    let mut cur_set = 0;
    // the block parsed last and not yet handed on (in the other set): its parts and bytes
    let mut pending: Option<(usize, usize)> = None;
    let mut pos = 0;
    if fmt.header {
        loop {
            match record_end(cur.text(), 0, fmt.quote) {
                Some(e) => {
                    pos = e;
                    break;
                }
                None if cur.at_end => return Ok(Some(())),
                None => cur = cur.longer(&file, size)?,
            }
        }
    }
    // quotes matter only when the file has quoted fields: until a part meets one, blocks
    // are cut at their last newline without looking for quotes
    let mut quoted = false;
    while pos < size {
        let text = &cur.text()[pos - cur.start..];
        let cut = if cur.at_end {
            text.len()
        } else {
            match block_end(text, fmt.quote, quoted) {
                Some(c) => c,
                None => {
                    cur = cur.longer(&file, size)?; // a record longer than the block
                    continue;
                }
            }
        };
        let end = pos + cut;
        // the next block is mapped (its pages brought in) and the last one handed on while
        // this one parses
        let mut next = Ok(None);
        let mut handed = Ok(true);
        let split_at = if quoted { 0 } else { threads };
        let [a, b] = &mut sets;
        let (mine, last) = if cur_set == 0 { (a, &*b) } else { (b, &*a) };
        let parsed = parse_block(mine, &text[..cut], fmt, kinds, split_at, || {
            if end < size {
                next = Mapped::map(&file, end, block, size).map(Some);
            }
            if let Some((k, bytes)) = pending.take() {
                handed = on_parts(&last[..k], bytes);
            }
        });
        if !handed? {
            return Ok(Some(()));
        }
        // a quoted field may hold the newline the block was cut or split at (so that a
        // part may even fail): this block again, minding quotes, and every later one the
        // same way
        let retry = !quoted
            && match &parsed {
                Some(parts) => parts.iter().any(|p| p.quoted),
                None => fmt.quote.is_some_and(|q| text[..cut].contains(&q)),
            };
        if retry {
            quoted = true;
            continue;
        }
        let Some(parsed) = parsed else {
            return Ok(None);
        };
        if parsed.iter().any(|p| p.rows > 0) {
            pending = Some((parsed.len(), cut));
            cur_set = 1 - cur_set;
        }
        match next? {
            Some(n) => cur = n,
            None => break,
        }
        pos = end;
    }
    if let Some((k, bytes)) = pending {
        on_parts(&sets[1 - cur_set][..k], bytes)?;
    }
    Ok(Some(()))
}

/// Where a block of text should be cut: just past its last record's newline (None when no
/// record ends in it). With `quoted`, newlines inside quotes do not count.
fn block_end(text: &[u8], quote: Option<u8>, quoted: bool) -> Option<usize> {
    let end = if quoted {
        last_record_end(text, quote)?
    } else {
        text.iter().rposition(|&b| b == b'\n')? + 1
    };
    (end > 0).then_some(end)
}

/// A stretch of the file mapped into memory: its bytes from `start` on. Mapping instead of
/// reading saves copying every byte (measured: the copy took a tenth of reading a large
/// file), and a block's pages leave the process's memory when its map is dropped.
struct Mapped {
    map: memmap2::Mmap,
    start: usize,
    /// Whether the map reaches the end of the file.
    at_end: bool,
}

impl Mapped {
    /// Maps up to `len` bytes of `file` (of `size` bytes) from `start`, with its pages
    /// brought in at once.
    fn map(file: &std::fs::File, start: usize, len: usize, size: usize) -> Result<Mapped, String> {
        let len = len.max(1).min(size - start);
        let mut opts = memmap2::MmapOptions::new();
        opts.offset(start as u64).len(len).populate();
        // SAFETY: the map is only read, as bytes (every bit pattern is a valid `u8`). If
        // another process changes the file meanwhile the parse sees the changed text, as
        // a read would; truncating it under the map ends the process with SIGBUS, the
        // caveat of every mapped read (ripgrep's and polars' readers share it).
        #[allow(unsafe_code)]
        let map = unsafe { opts.map(file) }.map_err(|e| e.to_string())?;
        Ok(Mapped {
            map,
            start,
            at_end: start + len == size,
        })
    }

    /// The mapped bytes.
    fn text(&self) -> &[u8] {
        &self.map
    }

    /// The same stretch mapped twice as long (for a record longer than a block).
    fn longer(&self, file: &std::fs::File, size: usize) -> Result<Mapped, String> {
        Mapped::map(file, self.start, 2 * self.map.len(), size)
    }
}

/// Parts a block is split into per thread: more parts than threads, taken in turn by
/// whichever thread is free, keep every core busy until the block is done.
const PARTS_PER_THREAD: usize = 4;

/// Parses a block of whole records, split into parts parsed in parallel by `threads`
/// threads, with this thread joining in after running `meanwhile`. With `threads` 0 the
/// block is one part (when quoted fields may hold newlines). None when a part does not
/// fit the column kinds.
fn parse_block<'p>(
    parts: &'p mut Vec<Part>,
    text: &[u8],
    fmt: &Format,
    kinds: &[Kind],
    threads: usize,
    meanwhile: impl FnOnce(),
) -> Option<&'p [Part]> {
    let texts = split(text, threads * PARTS_PER_THREAD);
    if parts.len() < texts.len() {
        parts.resize_with(texts.len(), || Part::new(kinds));
    }
    let parts = &mut parts[..texts.len()];
    let queue = std::sync::Mutex::new(parts.iter_mut().zip(&texts));
    let ok = std::sync::atomic::AtomicBool::new(true);
    let work = || loop {
        let next = queue.lock().ok().and_then(|mut q| q.next());
        let Some((p, t)) = next else { break };
        if !p.parse(t, fmt, kinds) {
            ok.store(false, std::sync::atomic::Ordering::Relaxed);
        }
    };
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads.min(texts.len()).max(1))
            .map(|_| s.spawn(work))
            .collect();
        meanwhile();
        work();
        for h in handles {
            if h.join().is_err() {
                ok.store(false, std::sync::atomic::Ordering::Relaxed);
            }
        }
    });
    ok.into_inner().then_some(parts)
}

/// The end (just past the newline) of the record starting at `at`, minding quoted fields.
fn record_end(buf: &[u8], at: usize, quote: Option<u8>) -> Option<usize> {
    let mut in_quote = false;
    for (i, &b) in buf[at..].iter().enumerate() {
        if Some(b) == quote {
            in_quote = !in_quote;
        } else if b == b'\n' && !in_quote {
            return Some(at + i + 1);
        }
    }
    None
}

/// The end of the last complete record of `buf` (a line end outside quoted fields).
pub(crate) fn last_record_end(buf: &[u8], quote: Option<u8>) -> Option<usize> {
    match quote {
        Some(q) if buf.contains(&q) => {
            let (mut in_quote, mut last) = (false, None);
            for (i, &b) in buf.iter().enumerate() {
                if b == q {
                    in_quote = !in_quote;
                } else if b == b'\n' && !in_quote {
                    last = Some(i + 1);
                }
            }
            last
        }
        _ => buf.iter().rposition(|&b| b == b'\n').map(|p| p + 1),
    }
}

/// Cuts `text` (whole records) into up to `k` parts at line ends (the caller asks for one
/// part when quoted fields may hold newlines).
fn split(text: &[u8], k: usize) -> Vec<&[u8]> {
    if k <= 1 || text.len() < 1 << 16 {
        return vec![text];
    }
    let mut parts = Vec::with_capacity(k);
    let mut start = 0;
    for i in 1..k {
        let target = (text.len() * i / k).max(start);
        match text[target..].iter().position(|&b| b == b'\n') {
            Some(p) => {
                parts.push(&text[start..target + p + 1]);
                start = target + p + 1;
            }
            None => break,
        }
    }
    parts.push(&text[start..]);
    parts
}

/// One part's columns, parsed on a worker thread (its buffers are reused block after
/// block). Text is kept as codes into the part's own dictionary (shared strings cannot
/// cross threads).
struct Part {
    rows: usize,
    /// Each column's values of the first `rows` rows (the vectors are longer: their slots
    /// are written by index, and kept from block to block).
    cols: Vec<PartCol>,
    /// Whether a field was quoted.
    quoted: bool,
}

enum PartCol {
    Dbl(Vec<f64>),
    Int(Vec<i64>),
    Str {
        codes: Vec<u32>,
        dict: Vec<String>,
        map: HashMap<Vec<u8>, u32>,
        /// The [`key_of`]s of the first few strings of `dict`.
        keys: Vec<u128>,
    },
    Skip,
}

impl Part {
    fn new(kinds: &[Kind]) -> Part {
        let cols = kinds
            .iter()
            .map(|k| match k {
                Kind::Dbl => PartCol::Dbl(Vec::new()),
                Kind::Int => PartCol::Int(Vec::new()),
                Kind::Str => PartCol::Str {
                    codes: Vec::new(),
                    dict: Vec::new(),
                    map: HashMap::new(),
                    keys: Vec::new(),
                },
                Kind::Skip => PartCol::Skip,
            })
            .collect();
        Part {
            rows: 0,
            cols,
            quoted: false,
        }
    }

    /// Parses the records of `text`; `false` when they do not fit the column kinds.
    fn parse(&mut self, text: &[u8], fmt: &Format, kinds: &[Kind]) -> bool {
        self.reset();
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("ssse3") {
            // SAFETY: the processor has SSSE3, checked just above
            #[allow(unsafe_code)]
            return unsafe { parse_part_ssse3(text, fmt, kinds, self) }.is_some();
        }
        parse_part(text, fmt, kinds, self, |t, i, end| {
            short_decimal(t, i, u64::from_le_bytes([end; 8]))
        })
        .is_some()
    }

    /// Forgets the rows parsed (the buffers stay).
    fn reset(&mut self) {
        for c in self.cols.iter_mut() {
            if let PartCol::Str {
                dict, map, keys, ..
            } = c
            {
                dict.clear();
                map.clear();
                keys.clear();
            }
        }
        self.rows = 0;
        self.quoted = false;
    }
}

/// [`parse_part`] with the short numbers parsed by SSSE3.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "ssse3")]
fn parse_part_ssse3(text: &[u8], fmt: &Format, kinds: &[Kind], part: &mut Part) -> Option<()> {
    parse_part(text, fmt, kinds, part, |t, i, end| {
        simd::short_decimal(t, i, end)
    })
}

#[cfg(target_arch = "x86_64")]
#[path = "csv_simd.rs"]
mod simd;

#[path = "csv_numbers.rs"]
mod numbers;
use numbers::{dbl, decimal, decimal_at, int, short_decimal, zero_bytes};

/// Parses the records of `text` into `part`, with `short` taking the short plain numbers
/// (the common case) as [`short_decimal`] does, given the byte that ends the field.
#[inline(always)]
fn parse_part(
    text: &[u8],
    fmt: &Format,
    kinds: &[Kind],
    part: &mut Part,
    short: impl Fn(&[u8], usize, u8) -> Option<(f64, usize)>,
) -> Option<()> {
    let na: Vec<&[u8]> = fmt.na.iter().map(|s| s.as_bytes()).collect();
    // numbers can be taken as they stand unless one of the NA strings is a number
    let inline_numbers = !na.iter().any(|s| decimal(s).is_some());
    let mut unq: Vec<u8> = Vec::new();
    let (sep, n) = (fmt.sep, text.len());
    // what ends each field: the separator, or the line's end for the last
    let ends: Vec<u8> = (0..kinds.len())
        .map(|j| if j + 1 == kinds.len() { b'\n' } else { sep })
        .collect();
    let mut pos = 0;
    let cols = &mut part.cols;
    let (mut row, mut slots) = (0, slots(cols));
    while pos < n {
        // blank lines are skipped, as R's blank.lines.skip does
        if text[pos] == b'\n' {
            pos += 1;
            continue;
        }
        if text[pos] == b'\r' && text.get(pos + 1) == Some(&b'\n') {
            pos += 2;
            continue;
        }
        if row == slots {
            slots = grow(cols, 2 * slots);
        }
        for (j, col) in cols.iter_mut().enumerate() {
            let last = j + 1 == kinds.len();
            if let (PartCol::Dbl(v), true) = (&mut *col, inline_numbers) {
                // the common case, a short plain number: its end found first, so that the
                // next field's start does not wait for this one's digits
                if let Some((x, len)) = short(text, pos, ends[j]) {
                    v[row] = x;
                    pos += len + 1;
                    continue;
                }
                // other plain numbers, parsed where they stand
                if let Some((Ok(x), end)) = decimal_at(text, pos) {
                    let next = match text.get(end) {
                        Some(&b) if b == sep && !last => Some(end + 1),
                        Some(b'\n') if last => Some(end + 1),
                        None if last => Some(end),
                        _ => None,
                    };
                    if let Some(next) = next {
                        v[row] = x;
                        pos = next;
                        continue;
                    }
                }
            }
            // a short unquoted string met before, found by its key
            if let PartCol::Str { codes, keys, .. } = &mut *col {
                if let Some((key, len)) = text_key(text, pos, ends[j], sep, fmt.quote) {
                    if let Some(c) = key_code(keys, key) {
                        codes[row] = c;
                        pos += len + 1;
                        continue;
                    }
                }
            }
            // the field: text[a..b], then the byte that ended it at text[b] (if any)
            let quoted = fmt.quote.is_some_and(|q| text.get(pos) == Some(&q));
            let (field, next): (&[u8], usize) = if quoted {
                part.quoted = true;
                let q = fmt.quote?;
                unq.clear();
                let mut i = pos + 1;
                loop {
                    let c = *text.get(i)?;
                    i += 1;
                    if c == q {
                        if text.get(i) == Some(&q) {
                            unq.push(q);
                            i += 1;
                        } else {
                            break;
                        }
                    } else {
                        unq.push(c);
                    }
                }
                (&unq[..], i)
            } else {
                let mut i = pos;
                while i < n && text[i] != sep && text[i] != b'\n' {
                    i += 1;
                }
                let mut f = &text[pos..i];
                if i < n && text[i] == b'\n' && f.last() == Some(&b'\r') {
                    f = &f[..f.len() - 1];
                }
                (f, i)
            };
            // what ends the field must be the separator, or the line's end for the last one
            match text.get(next) {
                Some(&b) if b == sep && !last => pos = next + 1,
                Some(b'\r') if last && quoted && text.get(next + 1) == Some(&b'\n') => {
                    pos = next + 2
                }
                Some(b'\n') if last => pos = next + 1,
                None if last => pos = next,
                _ => return None,
            }
            put_field(col, row, field, na.contains(&field))?;
        }
        row += 1;
    }
    part.rows = row;
    Some(())
}

/// Stores a field's (unquoted) text in row `row` of its column: NA for one of the NA
/// strings (and an empty number). `None` when it does not fit the column's kind.
fn put_field(col: &mut PartCol, row: usize, field: &[u8], is_na: bool) -> Option<()> {
    match col {
        PartCol::Skip => {}
        PartCol::Dbl(v) => {
            v[row] = if is_na || field.is_empty() {
                na_real()
            } else {
                dbl(field)?
            }
        }
        PartCol::Int(v) => {
            v[row] = if is_na || field.is_empty() {
                INT_NA
            } else {
                int(field)?
            }
        }
        PartCol::Str {
            codes,
            dict,
            map,
            keys,
        } => {
            // R takes an NA string as NA quoted or not
            if is_na {
                codes[row] = CODE_NA;
                return Some(());
            }
            // few distinct values (a factor-like column) are found by a short scan
            let code = match dict.iter().take(8).position(|d| d.as_bytes() == field) {
                Some(c) => c as u32,
                None => match map.get(field) {
                    Some(&c) => c,
                    None => {
                        let c = dict.len() as u32;
                        dict.push(std::str::from_utf8(field).ok()?.to_string());
                        map.insert(field.to_vec(), c);
                        if keys.len() < 8 {
                            keys.push(key_of(field));
                        }
                        c
                    }
                },
            };
            codes[row] = code;
        }
    }
    Some(())
}

/// The code of the string whose [`key_of`] is `key` among the first strings' `keys`. Every
/// key is compared, so that which one matches costs no branch.
#[inline(always)]
fn key_code(keys: &[u128], key: u128) -> Option<u32> {
    let mut hit = None;
    for (c, &k) in keys.iter().enumerate().rev() {
        if k == key {
            hit = Some(c as u32);
        }
    }
    hit
}

/// The key of a short unquoted field: its bytes, zero-padded, with its length in the top
/// byte (so that it is unique to the string). Strings of 16 bytes or more have none (a key
/// no field matches).
fn key_of(field: &[u8]) -> u128 {
    if field.len() > 15 {
        return u128::MAX;
    }
    let mut b = [0u8; 16];
    b[..field.len()].copy_from_slice(field);
    b[15] = field.len() as u8;
    u128::from_le_bytes(b)
}

/// The [`key_of`] the unquoted field at `t[pos]` and its length, when the byte `end` (the
/// separator, or the line's end for the last field) ends it within 15 bytes, before any
/// other separator or line end, and it holds no quote or carriage return. `None` when
/// fewer than 16 bytes are left.
#[inline(always)]
fn text_key(t: &[u8], pos: usize, end: u8, sep: u8, quote: Option<u8>) -> Option<(u128, usize)> {
    let w: &[u8; 16] = t.get(pos..pos + 16)?.try_into().ok()?;
    let word = u128::from_le_bytes(*w);
    let (lo, hi) = (word as u64, (word >> 64) as u64);
    let ends = |x: u64| {
        zero_bytes(x ^ u64::from_le_bytes([sep; 8])) | zero_bytes(x ^ 0x0a0a_0a0a_0a0a_0a0a)
    };
    let (a, b) = (ends(lo), ends(hi));
    let len = (if a != 0 {
        a.trailing_zeros()
    } else {
        64 + b.trailing_zeros()
    } / 8) as usize;
    if len > 15 || w[len] != end || Some(w[0]) == quote || w[..len].contains(&b'\r') {
        return None;
    }
    if let Some(q) = quote {
        if w[..len].contains(&q) {
            return None;
        }
    }
    let kept = word & ((1u128 << (8 * len)) - 1);
    Some((kept | (len as u128) << 120, len))
}

/// How many rows the part's columns have slots for.
fn slots(cols: &[PartCol]) -> usize {
    cols.iter()
        .map(|c| match c {
            PartCol::Dbl(v) => v.len(),
            PartCol::Int(v) => v.len(),
            PartCol::Str { codes, .. } => codes.len(),
            PartCol::Skip => usize::MAX,
        })
        .min()
        .unwrap_or(usize::MAX)
}

/// Gives every column slots for at least `rows` rows (and at least 1024); how many.
fn grow(cols: &mut [PartCol], rows: usize) -> usize {
    let rows = rows.max(1024);
    for c in cols.iter_mut() {
        match c {
            PartCol::Dbl(v) => v.resize(rows, 0.0),
            PartCol::Int(v) => v.resize(rows, 0),
            PartCol::Str { codes, .. } => codes.resize(rows, 0),
            PartCol::Skip => {}
        }
    }
    rows
}

/// The columns being assembled from the parts, in order. Number columns are allocated
/// zeroed (pages the system maps in when asked) and written in parallel, each thread
/// filling the windows of some parts; so are the codes of text columns, after this thread
/// has added each part's strings to the column's own.
struct Out {
    cols: Vec<OutCol>,
    rows: usize,
    /// Threads to fill the columns with.
    threads: usize,
    reserved: bool,
}

/// A column being assembled.
enum OutCol {
    Dbl(Vec<f64>),
    Int(Vec<i64>),
    /// Codes into `dict`, the distinct strings (the first 65536 of them found again through
    /// `index`; later new strings are added once per part).
    Str {
        codes: Vec<u32>,
        dict: Vec<RStr>,
        index: HashMap<Rc<str>, u32>,
    },
    Skipped,
}

/// A part's window into one column (for text, with the column's code of each of the
/// part's codes).
enum Window<'a> {
    Dbl(&'a mut [f64]),
    Int(&'a mut [i64]),
    Code(&'a mut [u32], Vec<u32>),
}

impl Out {
    fn new(kinds: &[Kind], threads: usize) -> Out {
        let cols = kinds
            .iter()
            .map(|k| match k {
                Kind::Dbl => OutCol::Dbl(Vec::new()),
                Kind::Int => OutCol::Int(Vec::new()),
                Kind::Str => OutCol::Str {
                    codes: Vec::new(),
                    dict: Vec::new(),
                    index: HashMap::new(),
                },
                Kind::Skip => OutCol::Skipped,
            })
            .collect();
        Out {
            cols,
            rows: 0,
            threads,
            reserved: false,
        }
    }

    fn reserve(&mut self, rows: usize) {
        if std::mem::replace(&mut self.reserved, true) {
            return;
        }
        for c in self.cols.iter_mut() {
            match c {
                OutCol::Dbl(v) => *v = vec![0.0; rows],
                OutCol::Int(v) => *v = vec![0; rows],
                OutCol::Str { codes, .. } => *codes = vec![0; rows],
                OutCol::Skipped => {}
            }
        }
    }

    /// Appends the parts' rows, in order.
    fn append(&mut self, parts: &[Part]) {
        let (from, need) = (
            self.rows,
            self.rows + parts.iter().map(|p| p.rows).sum::<usize>(),
        );
        let mut wins: Vec<Vec<Window>> = parts.iter().map(|_| Vec::new()).collect();
        for (j, c) in self.cols.iter_mut().enumerate() {
            match c {
                OutCol::Dbl(v) => {
                    for (w, x) in wins.iter_mut().zip(windows(v, from, need, parts)) {
                        w.push(Window::Dbl(x));
                    }
                }
                OutCol::Int(v) => {
                    for (w, x) in wins.iter_mut().zip(windows(v, from, need, parts)) {
                        w.push(Window::Int(x));
                    }
                }
                OutCol::Str { codes, dict, index } => {
                    // each part's strings as the column's codes
                    let remaps: Vec<Vec<u32>> = parts
                        .iter()
                        .map(|p| match &p.cols[j] {
                            PartCol::Str { dict: d, .. } => {
                                d.iter().map(|s| intern(index, dict, s)).collect()
                            }
                            _ => Vec::new(),
                        })
                        .collect();
                    let ws = windows(codes, from, need, parts);
                    for ((w, x), remap) in wins.iter_mut().zip(ws).zip(remaps) {
                        w.push(Window::Code(x, remap));
                    }
                }
                OutCol::Skipped => {}
            }
        }
        let fill = |p: &Part, wins: Vec<Window>| {
            let kept = p.cols.iter().filter(|c| !matches!(c, PartCol::Skip));
            for (c, w) in kept.zip(wins) {
                match (c, w) {
                    (PartCol::Dbl(x), Window::Dbl(w)) => {
                        crate::mem::populate(w);
                        w.copy_from_slice(&x[..p.rows])
                    }
                    (PartCol::Int(x), Window::Int(w)) => {
                        crate::mem::populate(w);
                        w.copy_from_slice(&x[..p.rows])
                    }
                    (PartCol::Str { codes, .. }, Window::Code(w, remap)) => {
                        crate::mem::populate(w);
                        for (o, &c) in w.iter_mut().zip(codes) {
                            *o = remap.get(c as usize).copied().unwrap_or(CODE_NA);
                        }
                    }
                    _ => {}
                }
            }
        };
        let mut jobs: Vec<(&Part, Vec<Window>)> = parts.iter().zip(wins).collect();
        let per = jobs.len().div_ceil(self.threads.max(1));
        std::thread::scope(|s| {
            while !jobs.is_empty() {
                let mine: Vec<_> = jobs.drain(..per.min(jobs.len())).collect();
                s.spawn(move || {
                    for (p, w) in mine {
                        fill(p, w)
                    }
                });
            }
        });
        self.rows = need;
    }

    /// The columns, cut to the rows read.
    fn finish(self) -> Vec<Column> {
        let rows = self.rows;
        self.cols
            .into_iter()
            .map(|c| match c {
                OutCol::Dbl(mut v) => {
                    v.truncate(rows);
                    Column::Dbl(v)
                }
                OutCol::Int(mut v) => {
                    v.truncate(rows);
                    Column::Int(v)
                }
                OutCol::Str {
                    mut codes, dict, ..
                } => {
                    codes.truncate(rows);
                    Column::Str(Strs::coded(codes, dict))
                }
                OutCol::Skipped => Column::Skipped,
            })
            .collect()
    }
}

/// One window per part into `v[from..need]` (grown to `need` if short), in order.
fn windows<'a, T: Clone + Default>(
    v: &'a mut Vec<T>,
    from: usize,
    need: usize,
    parts: &[Part],
) -> Vec<&'a mut [T]> {
    if v.len() < need {
        v.resize(need.max(v.len() + v.len() / 4), T::default());
    }
    let mut rest = &mut v[from..need];
    parts
        .iter()
        .map(|p| {
            let (mine, r) = std::mem::take(&mut rest).split_at_mut(p.rows);
            rest = r;
            mine
        })
        .collect()
}

/// The code of `s` in a text column's strings, added if new (remembering up to 65536
/// distinct strings; later new ones are added each time they are met).
fn intern(index: &mut HashMap<Rc<str>, u32>, dict: &mut Vec<RStr>, s: &str) -> u32 {
    if let Some(&c) = index.get(s) {
        return c;
    }
    let c = dict.len() as u32;
    let r: Rc<str> = Rc::from(s);
    if index.len() < 1 << 16 {
        index.insert(r.clone(), c);
    }
    dict.push(Some(r));
    c
}

#[cfg(test)]
#[path = "csv_fast_tests.rs"]
mod tests;
