//! Size checks before large allocations, so a huge request ends in R's
//! `cannot allocate vector of size ...` error instead of aborting the process.

use super::VType;
use crate::error::RError;
use std::sync::OnceLock;

/// Longest vector R allows (`R_XLEN_T_MAX`, 2^52).
pub const MAX_LEN: f64 = 4_503_599_627_370_496.0;

thread_local! {
    static THREAD_LIMIT: std::cell::Cell<Option<f64>> = const { std::cell::Cell::new(None) };
}

thread_local! {
    static MEMORY_CAP: std::cell::Cell<Option<u64>> = const { std::cell::Cell::new(None) };
}

/// Sets the resident-memory cap (bytes) that large allocations on this thread are checked
/// against (a host's total-memory budget; see `Builder::max_memory_bytes`).
pub fn set_thread_memory_cap(bytes: Option<u64>) {
    MEMORY_CAP.with(|c| c.set(bytes));
}

/// Lowers the per-vector limit for interpreters on this thread (`None` restores the
/// machine's): a host's memory budget (see `Builder::max_vector_bytes`).
pub fn set_thread_limit(bytes: Option<f64>) {
    THREAD_LIMIT.with(|c| c.set(bytes));
}

/// The bytes one vector may take on this thread: the machine's limit, or a host's lower one.
pub fn current_limit() -> f64 {
    limit()
}

/// The limit in force on this thread: the machine's, or a host's lower one.
fn limit() -> f64 {
    let machine = machine_limit();
    THREAD_LIMIT
        .with(|c| c.get())
        .map_or(machine, |t| t.min(machine))
}

/// Bytes one vector may take: physical memory plus swap, which is what Linux's default
/// overcommit heuristic grants a single allocation, or less under an address-space limit
/// (`ulimit -v`) or a cgroup memory limit (1 TiB where none of these is known).
pub fn machine_limit() -> f64 {
    static LIMIT: OnceLock<f64> = OnceLock::new();
    *LIMIT.get_or_init(|| {
        [memory_total(), address_space_limit(), cgroup_limit()]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(1u64 << 40) as f64
    })
}

/// The soft `Max address space` of this process, from `/proc/self/limits`.
fn address_space_limit() -> Option<u64> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits
        .lines()
        .find(|l| l.starts_with("Max address space"))?;
    line["Max address space".len()..]
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// The cgroup v2 memory limit of this process, if one is set.
fn cgroup_limit() -> Option<u64> {
    std::fs::read_to_string("/sys/fs/cgroup/memory.max")
        .ok()?
        .trim()
        .parse()
        .ok()
}

fn memory_total() -> Option<u64> {
    let info = std::fs::read_to_string("/proc/meminfo").ok()?;
    let field = |name: &str| -> Option<u64> {
        let line = info.lines().find(|l| l.starts_with(name))?;
        let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kb * 1024)
    };
    let total = field("MemTotal:")?;
    Some(total + field("SwapTotal:").unwrap_or(0))
}

/// Bytes per element as R counts them (pointers for strings and lists).
pub fn elt_size(t: VType) -> usize {
    match t {
        VType::Raw => 1,
        VType::Lgl | VType::Int => 4,
        VType::Dbl | VType::Str | VType::List => 8,
        VType::Cplx => 16,
    }
}

/// R's error for an allocation that failed, with R's units (`Gb`, `Mb`, `Kb`).
pub fn size_error(bytes: f64) -> RError {
    let kb = bytes / 1024.0;
    let size = if kb > 1024.0 * 1024.0 {
        format!("{:.1} Gb", kb / 1024.0 / 1024.0)
    } else if kb > 1024.0 {
        format!("{:.1} Mb", kb / 1024.0)
    } else {
        format!("{:.0} Kb", kb)
    };
    // R reports allocation failures without a call (`Error: cannot allocate ...`)
    RError::runtime(format!("cannot allocate vector of size {}", size)).with_call("")
}

/// Checks that `n` elements of `elt` bytes each may be allocated.
pub fn check(n: f64, elt: usize) -> Result<(), RError> {
    if n > MAX_LEN {
        return Err(RError::runtime("vector size specified is too large"));
    }
    let bytes = n * elt as f64;
    if bytes > limit() {
        return Err(size_error(bytes));
    }
    // a megabyte or more under a host's total budget: would the process pass it?
    if bytes >= 1048576.0 {
        if let Some(cap) = MEMORY_CAP.with(|c| c.get()) {
            if crate::mem::resident_bytes().is_some_and(|r| r as f64 + bytes > cap as f64) {
                return Err(RError::new(
                    crate::error::ErrorKind::Limit,
                    crate::error::MEMORY_LIMIT_MSG,
                ));
            }
        }
    }
    Ok(())
}

/// Bytes per element as rsc stores them (strings and lists take more than R's pointer).
fn stored_size(t: VType) -> usize {
    match t {
        VType::Raw => 1,
        VType::Lgl | VType::Int => 4,
        VType::Dbl => 8,
        VType::Cplx => 16,
        VType::Str => std::mem::size_of::<super::RStr>(),
        VType::List => std::mem::size_of::<super::Value>(),
    }
}

/// [`check`] for a vector of type `t`: the size rsc would really allocate is checked, and
/// the error reports the size R would have asked for.
pub fn check_type(n: f64, t: VType) -> Result<(), RError> {
    check(n, elt_size(t))?;
    if n * stored_size(t) as f64 > limit() {
        return Err(size_error(n * elt_size(t) as f64));
    }
    Ok(())
}

/// Checks that a string of `bytes` bytes is within R's limit for one string.
pub fn check_string(bytes: f64) -> Result<(), RError> {
    if bytes > i32::MAX as f64 {
        return Err(RError::runtime(
            "R character strings are limited to 2^31-1 bytes",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_as_r() {
        assert_eq!(
            size_error(8e12).message,
            "cannot allocate vector of size 7450.6 Gb"
        );
        assert_eq!(
            size_error(8e11).message,
            "cannot allocate vector of size 745.1 Gb"
        );
        assert_eq!(
            size_error(5e6).message,
            "cannot allocate vector of size 4.8 Mb"
        );
        assert_eq!(
            size_error(5e5).message,
            "cannot allocate vector of size 488 Kb"
        );
        assert!(check(1e12, 8).is_err());
        assert!(check(1e3, 8).is_ok());
        assert_eq!(
            check(1e300, 8).unwrap_err().message,
            "vector size specified is too large"
        );
    }
}
