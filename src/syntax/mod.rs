//! The front end: spans, the nom parser and its errors.

pub mod span;
