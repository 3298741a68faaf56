//! R's serialization format, the bytes behind `serialize`, `saveRDS`/`readRDS` and
//! `save`/`load`: format versions 2 and 3, XDR (big-endian) binary written, XDR, native
//! binary and ASCII read; whole files gzip-compressed by default, bzip2 and xz read.
//!
//! [`read`] decodes a stream into a value, [`write`] encodes one. Language objects are
//! pairlists in R and syntax trees in rsc; `lang` converts between the two. Environments
//! are written once and referred to afterwards, as R does, so sharing and cycles survive a
//! round trip.

pub mod compress;
mod lang;
pub mod read;
pub mod write;

pub use read::{unserialize, Ctx};
pub use write::{serialize, Format};

/// R's type codes (SEXPTYPE) and the pseudo-types of the serialization stream.
pub(crate) mod code {
    pub const SYMSXP: u8 = 1;
    pub const LISTSXP: u8 = 2;
    pub const CLOSXP: u8 = 3;
    pub const ENVSXP: u8 = 4;
    pub const PROMSXP: u8 = 5;
    pub const LANGSXP: u8 = 6;
    pub const SPECIALSXP: u8 = 7;
    pub const BUILTINSXP: u8 = 8;
    pub const CHARSXP: u8 = 9;
    pub const LGLSXP: u8 = 10;
    pub const INTSXP: u8 = 13;
    pub const REALSXP: u8 = 14;
    pub const CPLXSXP: u8 = 15;
    pub const STRSXP: u8 = 16;
    pub const DOTSXP: u8 = 17;
    pub const VECSXP: u8 = 19;
    pub const EXPRSXP: u8 = 20;
    pub const BCODESXP: u8 = 21;
    pub const EXTPTRSXP: u8 = 22;
    pub const WEAKREFSXP: u8 = 23;
    pub const RAWSXP: u8 = 24;
    pub const S4SXP: u8 = 25;

    pub const REFSXP: u8 = 255;
    pub const NILVALUE_SXP: u8 = 254;
    pub const GLOBALENV_SXP: u8 = 253;
    pub const UNBOUNDVALUE_SXP: u8 = 252;
    pub const MISSINGARG_SXP: u8 = 251;
    pub const BASENAMESPACE_SXP: u8 = 250;
    pub const NAMESPACESXP: u8 = 249;
    pub const PACKAGESXP: u8 = 248;
    pub const PERSISTSXP: u8 = 247;
    pub const BCREPDEF: u8 = 244;
    pub const BCREPREF: u8 = 243;
    pub const EMPTYENV_SXP: u8 = 242;
    pub const BASEENV_SXP: u8 = 241;
    pub const ATTRLANGSXP: u8 = 240;
    pub const ATTRLISTSXP: u8 = 239;
    pub const ALTREP_SXP: u8 = 238;

    /// Flag bits beside the type in an item's header word.
    pub const IS_OBJECT: u32 = 1 << 8;
    pub const HAS_ATTR: u32 = 1 << 9;
    /// The S4 object bit (R's gp bit 4, stored from bit 12 of the flags word).
    pub const S4_BIT: u32 = 1 << 16;
    pub const HAS_TAG: u32 = 1 << 10;

    /// Encoding marks of a string (the `levels` of a CHARSXP).
    pub const LATIN1_MASK: u32 = 1 << 2;
    pub const UTF8_MASK: u32 = 1 << 3;
    pub const ASCII_MASK: u32 = 1 << 6;
}

/// `R_Version(major, minor, patch)` as R packs it into the stream header.
pub(crate) const fn r_version(major: u32, minor: u32, patch: u32) -> u32 {
    major * 65536 + minor * 256 + patch
}

#[cfg(test)]
mod tests;
