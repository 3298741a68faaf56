//! The bridge between values and external data: CSV files and the embedded data sets.

pub mod csv;
pub mod datasets;
