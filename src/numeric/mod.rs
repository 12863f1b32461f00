//! Exact numbers: intervals of rationals, units, dates (spec section 5).
