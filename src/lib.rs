//! argcheck: argument mapping and claim checking.
//!
//! Data flows one way: text -> [`syntax`] -> [`ast`] -> [`model`] -> findings
//! ([`rules`]) -> [`report`]; [`export`] reads the model.

pub mod ast;
pub mod cli;
pub mod config;
pub mod export;
pub mod finding;
pub mod format;
pub mod input;
pub mod model;
pub mod numeric;
pub mod position;
pub mod quotes;
pub mod report;
pub mod rules;
pub mod suggest;
pub mod syntax;
#[cfg(test)]
mod testing;
pub mod text;
