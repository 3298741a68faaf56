//! The drawing model of R's base graphics: devices (our own SVG and PDF writers, a tiny-skia rasterizer for PNG/JPEG), colours,
//! the graphics parameters, figure layout, user coordinates and axis ticks. Imports only
//! `value` (parameters are held as R values); the R-facing functions are in
//! `builtins/graphics` and `builtins/grDevices`.

pub mod color;
pub mod color_names;
pub mod contour;
pub mod device;
pub mod engine;
pub mod fonts;
pub mod metrics;
pub mod par;
pub mod pdf;
pub mod pretty;
pub mod raster;
pub mod svg;
