//! Memory helpers for the large buffers of the readers and the model fits.

/// Maps in the pages wholly inside `buf` with one system call, so that writing it does not
/// take a page fault per page (measured: each fault costs about 2 µs here, a large share of
/// reading a big CSV file). Does nothing off Linux or for small buffers.
pub fn populate<T>(buf: &mut [T]) {
    #[cfg(target_os = "linux")]
    {
        const PAGE: usize = 4096;
        const MADV_POPULATE_WRITE: libc::c_int = 23;
        let start = buf.as_mut_ptr() as usize;
        let end = start + std::mem::size_of_val(buf);
        let (a, b) = (start.next_multiple_of(PAGE), end / PAGE * PAGE);
        if b >= a + 16 * PAGE {
            // SAFETY: `a..b` lies inside `buf`, which is borrowed mutably here, so no one
            // else reads or writes it; MADV_POPULATE_WRITE only makes its pages present
            // and leaves their contents as they were. A failure (an old kernel) is harmless.
            #[allow(unsafe_code)]
            unsafe {
                libc::madvise(a as *mut libc::c_void, b - a, MADV_POPULATE_WRITE);
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = buf;
}

/// The process's resident memory in bytes (Linux `/proc/self/statm`; None elsewhere).
pub fn resident_bytes() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = s.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

#[cfg(test)]
mod tests {
    #[test]
    fn populating_keeps_the_contents() {
        // odd offsets and lengths, so the range is cut to whole pages inside the buffer
        let mut v: Vec<u64> = (0..300_001).collect();
        super::populate(&mut v[3..]);
        super::populate(&mut v[..10]);
        assert!(v.iter().enumerate().all(|(i, &x)| x == i as u64));
        let mut z = vec![0.0f64; 1 << 20];
        super::populate(&mut z[1..]);
        assert!(z.iter().all(|&x| x == 0.0));
    }
}
