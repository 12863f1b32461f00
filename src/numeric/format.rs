//! Intervals as text for people: deterministic decimals rounded outward (the
//! lower end down, the upper end up), so the printed interval always contains
//! the exact one.
//!
//! Digits: an end that is exact in at most the chosen number of significant
//! digits is printed exactly, without trailing zeros (`28.215 %`); a rounded
//! end keeps all its digits, trailing zeros included (`29.060 %`). Five
//! significant digits by default, more when rounding would add more than a
//! fifth to an interval's width (so distinct ends never print equal) or when the printed intervals would not show the verdict (a
//! failing `=` must print as two intervals that do not meet). Values of a
//! million or more use scale words (`3.3665 billion users`); magnitudes of
//! `10^15` and above or under `10^-6` use `e` notation.

use super::dates::format_day;
use super::interval::{Bound, Interval};
use super::rational::Rational;
use super::units::{Dimension, PercentKind};
use super::value::Amount;
use crate::ast::RelOp;
use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, Zero};

const DEFAULT_DIGITS: usize = 5;
const MAX_DIGITS: usize = 60;

/// How the values of one side are shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DisplayStyle {
    /// A number with an optional unit text after it (and a scale word when large).
    Plain { unit: Option<String> },
    /// A dimensionless value shown in hundredths with ` %`.
    Percent,
    /// A dimensionless value shown in hundredths with ` pp`.
    Points,
    /// Day numbers shown as calendar dates.
    Date,
}

impl DisplayStyle {
    /// The styles of the two sides of a relation: when either side is stated
    /// in `%` (or `pp`), every dimensionless side is shown in it, so
    /// `(a + b) / c` reads in `%` next to `28.22 %`.
    pub fn for_pair(left: &Amount, right: &Amount) -> (DisplayStyle, DisplayStyle) {
        DisplayStyle::for_shapes(&Shape::of(left), &Shape::of(right))
    }

    /// [`DisplayStyle::for_pair`] from what the styles depend on.
    pub fn for_shapes(left: &Shape, right: &Shape) -> (DisplayStyle, DisplayStyle) {
        let kinds =
            [left, right].map(|a| (!a.date && a.dimension.is_dimensionless()).then_some(a.percent));
        let shared = if kinds.contains(&Some(PercentKind::Percent)) {
            PercentKind::Percent
        } else if kinds.contains(&Some(PercentKind::Points)) {
            PercentKind::Points
        } else {
            PercentKind::None
        };
        (left.style(shared), right.style(shared))
    }

    /// The style of one amount shown alone.
    pub fn of_amount(amount: &Amount) -> DisplayStyle {
        Shape::of(amount).style(amount.percent)
    }
}

/// What the display style of an amount depends on, kept so that a style
/// (whose unit text takes some formatting) is made only when printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shape {
    date: bool,
    dimension: Dimension,
    percent: PercentKind,
}

impl Shape {
    pub fn of(amount: &Amount) -> Shape {
        Shape {
            date: amount.is_date(),
            dimension: amount.dimension.clone(),
            percent: amount.percent,
        }
    }

    fn style(&self, shared: PercentKind) -> DisplayStyle {
        if self.date {
            DisplayStyle::Date
        } else if self.dimension.is_dimensionless() {
            match shared {
                PercentKind::Percent => DisplayStyle::Percent,
                PercentKind::Points => DisplayStyle::Points,
                PercentKind::None => DisplayStyle::Plain { unit: None },
            }
        } else {
            DisplayStyle::Plain {
                unit: Some(self.dimension.to_string()),
            }
        }
    }
}

/// An interval as printed, and the (wider or equal) interval the text means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Printed {
    pub text: String,
    pub shown: Interval,
}

/// Prints one interval with the default number of digits, or more when
/// rounding would blur its width.
pub fn format_interval(interval: &Interval, style: &DisplayStyle) -> String {
    (DEFAULT_DIGITS..=MAX_DIGITS)
        .map(|digits| print_interval(interval, style, digits))
        .find(|printed| ends_distinct_or_equal(interval, printed))
        .unwrap_or_else(|| print_interval(interval, style, MAX_DIGITS))
        .text
}

/// Prints the two sides of a relation with enough digits that the printed
/// intervals satisfy `op` exactly when the exact ones do.
pub fn format_pair(
    left: &Interval,
    right: &Interval,
    op: RelOp,
    styles: &(DisplayStyle, DisplayStyle),
) -> (String, String) {
    let holds = left.relate(op, right);
    let fits = |l: &Printed, r: &Printed| {
        ends_distinct_or_equal(left, l)
            && ends_distinct_or_equal(right, r)
            && l.shown.relate(op, &r.shown) == holds
    };
    for digits in DEFAULT_DIGITS..=MAX_DIGITS {
        let l = print_interval(left, &styles.0, digits);
        let r = print_interval(right, &styles.1, digits);
        if fits(&l, &r) || digits == MAX_DIGITS {
            return (l.text, r.text);
        }
    }
    (
        print_interval(left, &styles.0, MAX_DIGITS).text,
        print_interval(right, &styles.1, MAX_DIGITS).text,
    )
}

/// Whether the printed interval shows the width of the exact one: rounding
/// may add at most a fifth of it (so distinct ends never print equal).
fn ends_distinct_or_equal(exact: &Interval, printed: &Printed) -> bool {
    match (exact.width(), printed.shown.width()) {
        (Some(exact_width), Some(shown_width)) => {
            (shown_width - &exact_width) * BigRational::from_integer(5.into()) <= exact_width
        }
        _ => true,
    }
}

fn print_interval(interval: &Interval, style: &DisplayStyle, digits: usize) -> Printed {
    let (divisor, suffix) = unit_of_display(interval, style);
    let end = |bound: &Bound, up: bool| -> (String, Bound) {
        match bound.value() {
            None => (
                (if up { "+inf" } else { "-inf" }).to_string(),
                Bound::Unbounded,
            ),
            Some(value) => {
                if *style == DisplayStyle::Date {
                    return (format_day(value), bound.clone());
                }
                let (text, rounded) = format_decimal(&(value / &divisor), digits, up);
                let shown = rounded * &divisor;
                let text = format!("{text}{suffix}");
                (
                    text,
                    if bound.is_closed() {
                        Bound::Closed(shown)
                    } else {
                        Bound::Open(shown)
                    },
                )
            }
        }
    };
    let (lo_text, lo) = end(interval.lo(), false);
    let (hi_text, hi) = end(interval.hi(), true);
    let open = if interval.lo().is_closed() { "[" } else { "(" };
    let close = if interval.hi().is_closed() { "]" } else { ")" };
    let shown = Interval::new(lo, hi).unwrap_or_else(|| interval.clone());
    Printed {
        text: format!("{open}{lo_text}, {hi_text}{close}"),
        shown,
    }
}

/// What printed numbers are in (their value times the divisor is the value in
/// base units) and the text that follows each number.
fn unit_of_display(interval: &Interval, style: &DisplayStyle) -> (BigRational, String) {
    match style {
        DisplayStyle::Percent => (BigRational::new(1.into(), 100.into()), " %".to_string()),
        DisplayStyle::Points => (BigRational::new(1.into(), 100.into()), " pp".to_string()),
        DisplayStyle::Date => (BigRational::one(), String::new()),
        DisplayStyle::Plain { unit } => {
            let largest = [interval.lo(), interval.hi()]
                .into_iter()
                .filter_map(|b| b.value().map(Signed::abs))
                .max()
                .unwrap_or_else(BigRational::zero);
            let scale = [(12u32, "trillion"), (9, "billion"), (6, "million")]
                .into_iter()
                .find(|(power, _)| {
                    largest >= power_of_ten(i64::from(*power)) && largest < power_of_ten(15)
                });
            let unit_text = unit.as_ref().map(|u| format!(" {u}")).unwrap_or_default();
            match scale {
                Some((power, word)) => (
                    power_of_ten(i64::from(power)),
                    format!(" {word}{unit_text}"),
                ),
                None => (BigRational::one(), unit_text),
            }
        }
    }
}

/// `value` rounded to `digits` significant digits, down or up, as text, and
/// the rounded value itself.
pub fn format_decimal(value: &BigRational, digits: usize, up: bool) -> (String, BigRational) {
    if value.is_zero() {
        return ("0".to_string(), BigRational::zero());
    }
    let digits = i64::try_from(digits.max(1)).unwrap_or(1);
    let magnitude = decimal_magnitude(value);
    let scale = power_of_ten(digits - 1 - magnitude);
    let scaled = value * &scale;
    let exact = scaled.is_integer();
    let rounded_scaled = if up { scaled.ceil() } else { scaled.floor() };
    let rounded = &rounded_scaled / &scale;
    let mut mantissa = rounded_scaled.to_integer();
    let mut exponent = magnitude - digits + 1;
    if exact {
        while exponent < 0 && mantissa.is_multiple_of(&BigInt::from(10)) && !mantissa.is_zero() {
            mantissa /= 10;
            exponent += 1;
        }
    }
    let sign = if mantissa.is_negative() { "-" } else { "" };
    let body = mantissa.magnitude().to_str_radix(10);
    let text = if !(-6..15).contains(&magnitude) {
        scientific(&body, exponent, exact)
    } else {
        fixed(&body, exponent)
    };
    (format!("{sign}{text}"), rounded)
}

/// The text of [`format_decimal`] for an exact value, in machine integers
/// when they suffice (the common case, and much cheaper than big ones).
pub fn decimal_text(value: &Rational, digits: usize, up: bool) -> String {
    value
        .small_parts()
        .and_then(|(numer, denom)| small_decimal_text(numer, denom, digits, up))
        .unwrap_or_else(|| format_decimal(&value.to_big(), digits, up).0)
}

/// [`format_decimal`]'s text for `numer / denom` (`denom > 0`), step for
/// step in `u128`; `None` when a step would overflow.
fn small_decimal_text(numer: i128, denom: i128, digits: usize, up: bool) -> Option<String> {
    if numer == 0 {
        return Some("0".to_string());
    }
    let digits = i64::try_from(digits.max(1)).unwrap_or(1);
    let negative = numer < 0;
    let (n, d) = (numer.unsigned_abs(), u128::try_from(denom).ok()?);
    let pow10 = |e: i64| 10u128.checked_pow(u32::try_from(e).ok()?);
    let digit_count = |x: u128| i64::from(x.ilog10()) + 1;
    let guess = digit_count(n) - digit_count(d);
    // |value| < 10^guess; a product past u128 is larger than any u128.
    let below = if guess >= 0 {
        pow10(guess)
            .and_then(|p| p.checked_mul(d))
            .is_none_or(|bound| n < bound)
    } else {
        pow10(-guess)
            .and_then(|p| p.checked_mul(n))
            .is_some_and(|scaled| scaled < d)
    };
    let magnitude = if below { guess - 1 } else { guess };
    let shift = digits - 1 - magnitude;
    let (num, den) = if shift >= 0 {
        (n.checked_mul(pow10(shift)?)?, d)
    } else {
        (n, d.checked_mul(pow10(-shift)?)?)
    };
    let exact = num % den == 0;
    // Rounding up a negative value rounds its magnitude down.
    let mut mantissa = num / den + u128::from(!exact && up != negative);
    let mut exponent = magnitude - digits + 1;
    if exact {
        while exponent < 0 && mantissa % 10 == 0 && mantissa != 0 {
            mantissa /= 10;
            exponent += 1;
        }
    }
    let sign = if negative && mantissa != 0 { "-" } else { "" };
    let body = mantissa.to_string();
    let text = if !(-6..15).contains(&magnitude) {
        scientific(&body, exponent, exact)
    } else {
        fixed(&body, exponent)
    };
    Some(format!("{sign}{text}"))
}

/// `digits * 10^exponent` in plain decimal notation.
fn fixed(digits: &str, exponent: i64) -> String {
    if exponent >= 0 {
        let zeros = usize::try_from(exponent).unwrap_or(0);
        return format!("{digits}{}", "0".repeat(zeros));
    }
    let fraction_len = usize::try_from(-exponent).unwrap_or(0);
    let padded = if digits.len() <= fraction_len {
        format!("{}{digits}", "0".repeat(fraction_len + 1 - digits.len()))
    } else {
        digits.to_string()
    };
    let (int_part, frac_part) = padded.split_at(padded.len() - fraction_len);
    format!("{int_part}.{frac_part}")
}

/// `digits * 10^exponent` as `d.ddde±N`.
fn scientific(digits: &str, exponent: i64, exact: bool) -> String {
    let power = exponent + i64::try_from(digits.len()).unwrap_or(1) - 1;
    let (first, rest) = digits.split_at(1.min(digits.len()));
    let rest = if exact {
        rest.trim_end_matches('0')
    } else {
        rest
    };
    if rest.is_empty() {
        format!("{first}e{power}")
    } else {
        format!("{first}.{rest}e{power}")
    }
}

/// `floor(log10(|value|))` for a nonzero value.
fn decimal_magnitude(value: &BigRational) -> i64 {
    let numerator = super::decimal::digit_count(value.numer());
    let denominator = super::decimal::digit_count(value.denom());
    let guess = numerator - denominator;
    if value.abs() < power_of_ten(guess) {
        guess - 1
    } else {
        guess
    }
}

/// `10^exponent`, unbounded: only used for magnitudes of numbers that
/// already exist, so it is never larger than they are.
fn power_of_ten(exponent: i64) -> BigRational {
    let power = num_traits::pow(
        BigInt::from(10),
        usize::try_from(exponent.unsigned_abs()).unwrap_or(0),
    );
    if exponent >= 0 {
        BigRational::from_integer(power)
    } else {
        BigRational::new(BigInt::one(), power)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numeric::decimal::ratio;

    fn text(n: i64, d: i64, digits: usize, up: bool) -> String {
        format_decimal(&ratio(n, d), digits, up).0
    }

    #[test]
    fn rounds_outward_and_keeps_exact_values_short() {
        assert_eq!(text(28215, 1000, 5, false), "28.215");
        assert_eq!(text(1, 3, 5, false), "0.33333");
        assert_eq!(text(1, 3, 5, true), "0.33334");
        assert_eq!(text(-1, 3, 5, false), "-0.33334");
        assert_eq!(text(2906, 100, 5, true), "29.06");
        assert_eq!(text(290_600_001, 10_000_000, 5, true), "29.061");
        assert_eq!(text(290_600_001, 10_000_000, 5, false), "29.060");
        assert_eq!(text(665, 1, 5, false), "665");
    }

    #[test]
    fn extreme_magnitudes_use_e_notation() {
        let big = power_of_ten(300);
        assert_eq!(format_decimal(&big, 5, false).0, "1e300");
        let small = power_of_ten(-300) * ratio(1, 3);
        assert_eq!(format_decimal(&small, 5, true).0, "3.3334e-301");
    }

    #[test]
    fn intervals_show_their_ends() {
        let interval = Interval::closed(ratio(28215, 100_000), ratio(28225, 100_000));
        assert_eq!(
            format_interval(&interval, &DisplayStyle::Percent),
            "[28.215 %, 28.225 %]"
        );
        let users = Interval::closed(ratio(665_000_000, 1), ratio(675_000_000, 1));
        let style = DisplayStyle::Plain {
            unit: Some("users".to_string()),
        };
        assert_eq!(
            format_interval(&users, &style),
            "[665 million users, 675 million users]"
        );
        let open = Interval::above(ratio(5, 1), false);
        assert_eq!(
            format_interval(&open, &DisplayStyle::Plain { unit: None }),
            "(5, +inf)"
        );
    }

    #[test]
    fn narrow_intervals_get_more_digits() {
        let interval = Interval::closed(ratio(1_000_001, 1_000_000), ratio(1_000_002, 1_000_000));
        assert_eq!(
            format_interval(&interval, &DisplayStyle::Plain { unit: None }),
            "[1.000001, 1.000002]"
        );
    }

    #[test]
    fn machine_integer_decimals_match_big_ones() {
        let values = [
            (1, 3),
            (-1, 3),
            (2, 3),
            (-2, 3),
            (1, 10),
            (123_456_789, 1000),
            (-123_456_789, 1000),
            (5, 1),
            (100, 1),
            (99_999, 100_000),
            (1, 10_000_000),
            (7, 30_000_000),
            (3_652_425, 120_000),
            (10_i128.pow(16), 3),
            (10_i128.pow(37), 7),
            (i128::MAX - 1, 3),
            (1, i128::MAX - 2),
        ];
        for (numer, denom) in values {
            let value = Rational::new(numer, denom).unwrap();
            for digits in [1, 3, 5, 12] {
                for up in [false, true] {
                    assert_eq!(
                        decimal_text(&value, digits, up),
                        format_decimal(&value.to_big(), digits, up).0,
                        "{numer}/{denom} to {digits} digits, up: {up}"
                    );
                }
            }
        }
    }
}
