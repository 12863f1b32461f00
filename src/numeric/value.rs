//! A stated value (spec section 5, "Every value is an interval") as the
//! interval it stands for under a reading.
//!
//! Choices made here:
//! - The quantum counts the digits as written: `q = 10^(exponent - d) * m`
//!   with `d` fraction digits and scale `m`. The coarse reading applies only
//!   when `d = 0` and the integer part ends in `z >= 1` zeros after a nonzero
//!   digit (a bare `0` has no rounding zeros): then `q = 10^(exponent + z) * m`.
//! - A tolerance replaces the rounding interval (`5 ± 1` is `[4, 6]` under both
//!   readings); it has its own scale and shares the value's unit.
//! - Hedges do not depend on the reading. `about` widens the strict (or
//!   tolerance) interval by `about_tolerance * |v|` each side; `nearly v` is
//!   the closed interval between `nearly_factor * v` and `v`, i.e. just short
//!   of `v` in magnitude, so `nearly` of a negative `v` is `[v, 0.95 v]`;
//!   `over`, `under`, `at least`, `at most` and `exactly` use `v` itself and
//!   compare on the number line (`over -5` would be `(-5, +inf)`). Literals
//!   are unsigned, so a negative `v` only arises in future extensions; the
//!   choices above keep `about` symmetric and `nearly` on the side of zero.
//! - A unit's factor (days for time units, 1/100 for `%`/`pp`) applies to the
//!   whole interval, tolerance included.

use super::dates::{date_interval, year_interval};
use super::decimal::digits_value;
use super::interval::{Exact, Interval};
use super::rational::Rational;
use super::units::{Dimension, PercentKind, Unit};
use super::{NumberSettings, Reading};
use crate::ast::{DateLit, Hedge, Name, NumberLit, NumberValue, Scale, Value};

/// Why a value could not be turned into an interval. Each is something the
/// parser already refuses, so no numeric finding is reported for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueError {
    /// An exponent beyond [`super::decimal::MAX_DECIMAL_EXPONENT`].
    ExponentOutOfRange,
    /// Digits that are not ASCII digits.
    InvalidDigits,
    /// A month or day that does not exist.
    InvalidDate,
}

/// What kind of thing an interval measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountKind {
    /// A number with a dimension.
    Number,
    /// A date: the interval is of day numbers.
    Date,
    /// A bare four-digit integer (`1998`): a number unless it is combined by
    /// `+`, `-` or a relation with a date, where it is the year.
    YearOrNumber(i64),
}

/// A value or an evaluated expression: its interval in base units, its
/// dimension, and whether it was stated in `%` or `pp`.
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    pub interval: Interval<Rational>,
    pub dimension: Dimension,
    pub percent: PercentKind,
    pub kind: AmountKind,
}

impl Amount {
    pub fn number(
        interval: Interval<Rational>,
        dimension: Dimension,
        percent: PercentKind,
    ) -> Amount {
        Amount {
            interval,
            dimension,
            percent,
            kind: AmountKind::Number,
        }
    }

    pub fn date(interval: Interval<Rational>) -> Amount {
        Amount {
            interval,
            dimension: Dimension::dimensionless(),
            percent: PercentKind::None,
            kind: AmountKind::Date,
        }
    }

    /// A year-or-number read as the year; other amounts unchanged.
    pub fn as_date(&self) -> Amount {
        match self.kind {
            AmountKind::YearOrNumber(year) => Amount::date(year_interval(year)),
            _ => self.clone(),
        }
    }

    /// A year-or-number read as the number; other amounts unchanged.
    pub fn as_number(&self) -> Amount {
        match self.kind {
            AmountKind::YearOrNumber(_) => Amount {
                kind: AmountKind::Number,
                ..self.clone()
            },
            _ => self.clone(),
        }
    }

    /// [`Amount::as_date`], taking the amount.
    pub fn into_date(self) -> Amount {
        match self.kind {
            AmountKind::YearOrNumber(year) => Amount::date(year_interval(year)),
            _ => self,
        }
    }

    /// [`Amount::as_number`], taking the amount.
    pub fn into_number(self) -> Amount {
        match self.kind {
            AmountKind::YearOrNumber(_) => Amount {
                kind: AmountKind::Number,
                ..self
            },
            _ => self,
        }
    }

    pub fn is_date(&self) -> bool {
        self.kind == AmountKind::Date
    }
}

/// The amount a stated value stands for under `reading`.
pub fn value_amount(
    value: &Value,
    reading: Reading,
    settings: &NumberSettings,
) -> Result<Amount, ValueError> {
    match value {
        Value::Date(date) => match bare_year_date(date) {
            Some(number) => {
                let interval = unit_interval(&number, &Unit::none(), reading, settings)?;
                let kind = AmountKind::YearOrNumber(i64::from(date.year));
                Ok(Amount {
                    interval,
                    dimension: Dimension::dimensionless(),
                    percent: PercentKind::None,
                    kind,
                })
            }
            None => date_interval(date)
                .map(Amount::date)
                .ok_or(ValueError::InvalidDate),
        },
        Value::Number(number) => {
            let unit = unit_of(number);
            let interval = unit_interval(number, &unit, reading, settings)?;
            let kind = bare_year(number).map_or(AmountKind::Number, AmountKind::YearOrNumber);
            Ok(Amount {
                interval,
                dimension: unit.dimension,
                percent: unit.percent,
                kind,
            })
        }
    }
}

/// The interval a number value stands for under `reading`, in base units.
pub fn number_interval(
    number: &NumberValue,
    reading: Reading,
    settings: &NumberSettings,
) -> Result<Interval<Rational>, ValueError> {
    unit_interval(number, &unit_of(number), reading, settings)
}

fn unit_of(number: &NumberValue) -> Unit {
    number
        .unit
        .as_ref()
        .map_or_else(Unit::none, |u| Unit::parse_cached(&u.text))
}

/// [`number_interval`] with the number's unit already resolved.
fn unit_interval(
    number: &NumberValue,
    unit: &Unit,
    reading: Reading,
    settings: &NumberSettings,
) -> Result<Interval<Rational>, ValueError> {
    let scale = number.scale.map(|(s, _)| s);
    let written = Written::of(&number.number, scale)?;
    let v = written.value()?;
    let base = match &number.tolerance {
        Some(tolerance) => {
            let t = Written::of(&tolerance.number, tolerance.scale.map(|(s, _)| s))?.value()?;
            Interval::closed(v.minus(&t), v.plus(&t))
        }
        None => {
            let reading = if number.hedge.is_some() {
                Reading::Strict
            } else {
                reading
            };
            let half = written.quantum(reading)?.times(&Rational::ratio(1, 2));
            Interval::closed(v.minus(&half), v.plus(&half))
        }
    };
    let interval = match number.hedge.map(|(h, _)| h) {
        None => base,
        Some(Hedge::Exactly) => Interval::point(v),
        Some(Hedge::About) => {
            let widen = Rational::from(&settings.about_tolerance).times(&v.abs());
            base.add(&Interval::closed(widen.negated(), widen))
        }
        Some(Hedge::Nearly) => {
            Interval::closed(Rational::from(&settings.nearly_factor).times(&v), v)
        }
        Some(Hedge::Over) => Interval::above(v, false),
        Some(Hedge::Under) => Interval::below(v, false),
        Some(Hedge::AtLeast) => Interval::above(v, true),
        Some(Hedge::AtMost) => Interval::below(v, true),
    };
    // Most units (none, plain words, days) convert by 1.
    if unit.factor.is_one() {
        Ok(interval)
    } else {
        Ok(interval.scale(&unit.factor))
    }
}

/// The strict quantum of a plain figure (no hedge, no tolerance) in base
/// units: the precision its digits claim. `None` for hedged or toleranced
/// values, whose width is stated rather than implied by digits.
pub fn stated_quantum(value: &Value) -> Option<Rational> {
    let Value::Number(number) = value else {
        return None;
    };
    if number.hedge.is_some() || number.tolerance.is_some() {
        return None;
    }
    let quantum = Written::of(&number.number, number.scale.map(|(s, _)| s))
        .ok()?
        .quantum(Reading::Strict)
        .ok()?;
    Some(quantum.times(&unit_of(number).factor))
}

/// Whether `value` may stand for different intervals under the coarse and
/// the strict reading: only a plain figure (no hedge, no tolerance) whose
/// integer ends in rounding zeros can. `false` is certain; `true` may be
/// cautious (digits the parser would refuse).
pub fn depends_on_reading(value: &Value) -> bool {
    match value {
        // A year-only date reads as its four digits (see `bare_year_date`).
        Value::Date(date) => {
            date.month.is_none()
                && (0..=9999).contains(&date.year)
                && date.year != 0
                && date.year % 10 == 0
        }
        Value::Number(number) => {
            let lit = &number.number;
            number.hedge.is_none()
                && number.tolerance.is_none()
                && lit.frac_digits.is_empty()
                && (lit.int_digits.ends_with('0')
                    || !lit.int_digits.bytes().all(|b| b.is_ascii_digit()))
        }
    }
}

/// A bare four-digit integer: no fraction, exponent, separator, scale, unit,
/// hedge or tolerance. Returns the year it may name.
pub fn bare_year(number: &NumberValue) -> Option<i64> {
    let lit = &number.number;
    let bare = number.hedge.is_none()
        && number.scale.is_none()
        && number.unit.is_none()
        && number.tolerance.is_none()
        && lit.frac_digits.is_empty()
        && lit.exponent == 0
        && lit.int_digits.len() == 4
        && lit.text == lit.int_digits
        && lit.int_digits.bytes().all(|b| b.is_ascii_digit());
    if bare {
        lit.int_digits.parse().ok()
    } else {
        None
    }
}

/// The interval a stated value stands for under `reading`, as printed in
/// reports (`[28.215 %, 28.225 %]`); `None` for a value the parser refuses.
pub fn value_display(value: &Value, reading: Reading, settings: &NumberSettings) -> Option<String> {
    let amount = value_amount(value, reading, settings).ok()?;
    let amount = amount.as_number();
    Some(super::format::format_interval(
        &amount.interval.convert(Rational::to_big),
        &super::format::DisplayStyle::of_amount(&amount),
    ))
}

/// A year-only date (`1998`) reads exactly like a bare four-digit number, so
/// whichever the parser produced, it is treated as year-or-number: this is
/// that number.
fn bare_year_date(date: &DateLit) -> Option<NumberValue> {
    if date.month.is_some() || !(0..=9999).contains(&date.year) {
        return None;
    }
    let digits = format!("{:04}", date.year);
    let number = NumberLit {
        int_digits: digits.as_str().into(),
        frac_digits: Default::default(),
        exponent: 0,
        text: digits.into(),
        span: date.span,
    };
    Some(NumberValue {
        hedge: None,
        number,
        scale: None,
        unit: None,
        tolerance: None,
        span: date.span,
    })
}

/// The value as it reads in a message: `28.22 %`, `about 670 million users`.
pub fn value_text(value: &Value) -> String {
    value_words(value).into_string()
}

/// [`value_text`] in a compact string: most values are short enough to be
/// held without an allocation.
pub fn value_words(value: &Value) -> Name {
    let Value::Number(number) = value else {
        return match value {
            Value::Date(date) => compact_str::format_compact!("{date}"),
            Value::Number(_) => Name::default(),
        };
    };
    // Words joined by single spaces, written into one string.
    let mut text = Name::default();
    let mut first = true;
    let mut push = |word: &str| {
        if !first {
            text.push(' ');
        }
        first = false;
        text.push_str(word);
    };
    if let Some((hedge, _)) = number.hedge {
        push(hedge.word());
    }
    push(&number.number.text);
    if let Some((scale, _)) = number.scale {
        push(scale.word());
    }
    if let Some(unit) = &number.unit {
        push(&unit.text);
    }
    if let Some(tolerance) = &number.tolerance {
        push("±");
        push(&tolerance.number.text);
        if let Some((scale, _)) = tolerance.scale {
            push(scale.word());
        }
    }
    text
}

/// A number's digits as written: `mantissa * 10^shift` is its value.
struct Written {
    mantissa: Rational,
    /// `exponent - d + scale exponent`: the power of the last written digit.
    shift: i64,
    /// Zeros ending the integer part when there is no fraction (coarse).
    rounding_zeros: i64,
}

impl Written {
    fn of(lit: &NumberLit, scale: Option<Scale>) -> Result<Written, ValueError> {
        let mantissa = mantissa_of(&lit.int_digits, &lit.frac_digits)?;
        let fraction_digits =
            i64::try_from(lit.frac_digits.len()).map_err(|_| ValueError::ExponentOutOfRange)?;
        let scale_exponent = scale.map_or(0, |s| i64::from(s.exponent()));
        let shift = i64::from(lit.exponent) - fraction_digits + scale_exponent;
        let rounding_zeros = if lit.frac_digits.is_empty() && !mantissa.is_zero() {
            let zeros = lit
                .int_digits
                .bytes()
                .rev()
                .take_while(|b| *b == b'0')
                .count();
            i64::try_from(zeros).map_err(|_| ValueError::ExponentOutOfRange)?
        } else {
            0
        };
        Ok(Written {
            mantissa,
            shift,
            rounding_zeros,
        })
    }

    fn value(&self) -> Result<Rational, ValueError> {
        let power = Rational::pow10(self.shift).ok_or(ValueError::ExponentOutOfRange)?;
        Ok(self.mantissa.times(&power))
    }

    fn quantum(&self, reading: Reading) -> Result<Rational, ValueError> {
        let exponent = match reading {
            Reading::Strict => self.shift,
            Reading::Coarse => self.shift + self.rounding_zeros,
        };
        Rational::pow10(exponent).ok_or(ValueError::ExponentOutOfRange)
    }
}

/// The integer spelled by the integer digits followed by the fraction
/// digits, in machine integers when it fits.
fn mantissa_of(int_digits: &str, frac_digits: &str) -> Result<Rational, ValueError> {
    let mut value: i128 = 0;
    for b in int_digits.bytes().chain(frac_digits.bytes()) {
        if !b.is_ascii_digit() {
            return Err(ValueError::InvalidDigits);
        }
        match value
            .checked_mul(10)
            .and_then(|v| v.checked_add(i128::from(b - b'0')))
        {
            Some(next) => value = next,
            None => {
                let text = format!("{int_digits}{frac_digits}");
                let big = digits_value(&text).ok_or(ValueError::InvalidDigits)?;
                return Ok(Rational::from_big(num_rational::BigRational::from_integer(
                    big,
                )));
            }
        }
    }
    Ok(Rational::from(value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::lexer::Ctx;

    /// `depends_on_reading` is certain when it says no: every value it
    /// clears reads the same under both readings, so that reading is
    /// computed only for the values it does not clear.
    #[test]
    fn a_value_cleared_by_depends_on_reading_reads_the_same_both_ways() {
        let numbers = [
            "0",
            "7",
            "10",
            "120",
            "1,200",
            "3.50",
            "28.22",
            "2015",
            "2010",
            "1e3",
            "10e2",
            "0.0",
            "2015-10",
            "2000-01-31",
        ];
        let hedges = ["", "about ", "exactly ", "over ", "nearly "];
        let scales = ["", " million", " thousand"];
        let units = ["", " %", " users", " years"];
        let tolerances = ["", " ± 5", " +/- 10"];
        // Every combination, in the order a value is written.
        let mut texts = vec![String::new()];
        for parts in [&hedges[..], &numbers, &scales, &units, &tolerances] {
            texts = (texts.iter())
                .flat_map(|t| parts.iter().map(move |p| format!("{t}{p}")))
                .collect();
        }
        let settings = NumberSettings::default();
        let (mut cleared, mut kept) = (0, 0);
        for text in &texts {
            let Ok((rest, value)) = crate::syntax::expr::value(Ctx { text }, text) else {
                continue;
            };
            if !rest.trim().is_empty() {
                continue;
            }
            if depends_on_reading(&value) {
                kept += 1;
                continue;
            }
            cleared += 1;
            assert_eq!(
                value_amount(&value, Reading::Strict, &settings),
                value_amount(&value, Reading::Coarse, &settings),
                "{text}"
            );
        }
        // Both kinds of value were drawn.
        assert!(cleared > 500 && kept > 20, "{cleared} cleared, {kept} kept");
    }
}
