//! The front end: spans, the nom parser and its errors.

pub mod error;
pub mod expr;
pub mod lexer;
pub mod parser;
pub mod span;

pub use parser::{Parsed, parse};
