//! Exact numbers: intervals of rationals, units, dates (spec section 5).
//!
//! A pure library: the rule layer hands it a check's relation and a way to
//! look quantities up, and gets back a [`CheckOutcome`]. No floating point is
//! used anywhere below; the lints make that a compile error.
#![deny(
    clippy::float_arithmetic,
    clippy::cast_precision_loss,
    clippy::float_cmp
)]

pub mod check;
pub mod dates;
pub mod decimal;
pub mod eval;
pub mod format;
pub mod interval;
pub mod rational;
#[doc(hidden)]
pub mod testing;
pub mod units;
pub mod value;

#[cfg(test)]
mod scenario_tests;

pub use check::{
    CheckOutcome, NamedQuantity, NumericProblem, Side, Verdict, evaluate_relation,
    evaluate_relation_for_findings, evaluate_same_as,
};
pub use eval::QuantityInfo;
pub use interval::{Bound, DivisorContainsZero, Exact, Interval};
pub use rational::Rational;
pub use value::value_display;

use decimal::ratio;
use num_rational::BigRational;

/// Tunable constants of section 5; a configuration file may override them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberSettings {
    /// How far `about v` widens the strict interval, as a fraction of `|v|`
    /// on each side. Default 5 % (`1/20`).
    pub about_tolerance: BigRational,
    /// `nearly v` is the interval between `nearly_factor * v` and `v`.
    /// Default `0.95`.
    pub nearly_factor: BigRational,
}

impl Default for NumberSettings {
    fn default() -> Self {
        NumberSettings {
            about_tolerance: ratio(1, 20),
            nearly_factor: ratio(95, 100),
        }
    }
}

/// How much rounding a stated figure is taken to allow (section 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reading {
    /// Trailing zeros of an integer may be rounding: `670 million` is
    /// `[665, 675]` million.
    Coarse,
    /// Every written digit is significant: `670 million` is
    /// `[669.5, 670.5]` million.
    Strict,
}

impl Reading {
    pub fn name(self) -> &'static str {
        match self {
            Reading::Coarse => "coarse",
            Reading::Strict => "strict",
        }
    }
}
