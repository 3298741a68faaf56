//! R's grDevices package: devices (`svg`, `pdf`, `png`, `dev.*`) and colours.

pub mod colors;
pub mod contour;
pub mod devices;
pub mod palettes;

use crate::builtins::{Builtin, Doc};

pub fn tables() -> Vec<&'static [Builtin]> {
    vec![devices::BUILTINS, colors::BUILTINS, contour::BUILTINS, palettes::BUILTINS]
}

pub fn docs() -> Vec<&'static [Doc]> {
    vec![devices::DOCS, colors::DOCS, contour::DOCS, palettes::DOCS]
}

pub use devices::{close_all, current_slot, gfx};
