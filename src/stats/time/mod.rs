//! Dates and times on plain numbers: the calendar, time zones, and R's `%` formats for
//! printing (`strftime`) and parsing (`strptime`). Dates are days and date-times seconds
//! since 1970-01-01 UTC, as R stores them.

pub mod calendar;
pub mod parse;
pub mod zone;
pub mod write;

pub use calendar::{Tm, DAY};
pub use zone::Zone;
