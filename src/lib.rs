//! argcheck: argument mapping and claim checking.
//!
//! Data flows one way: text -> [`syntax`] -> [`ast`] -> [`model`] -> findings
//! ([`rules`]) -> [`report`]; [`export`] reads the model.

pub mod ast;
pub mod numeric;
pub mod syntax;
