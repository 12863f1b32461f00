//! Units and dimensions. A unit as written becomes a conversion factor, a
//! dimension (products of base words with integer powers) and, for `%` and
//! `pp`, a memory of which of the two was written.

use super::interval::Exact;
use super::rational::Rational;
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

/// The base dimension of time; every time unit is converted to days.
const DAY: &str = "day";

/// Whether a dimensionless value was stated in `%`, in `pp`, or neither.
/// Both are hundredths; relating one to the other is `percent-vs-points`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PercentKind {
    None,
    Percent,
    Points,
}

impl PercentKind {
    /// The kind of `a + b`: `%` plus `pp` stays `%` (28 % + 2 pp = 30 %).
    pub fn of_sum(a: PercentKind, b: PercentKind) -> PercentKind {
        use PercentKind::*;
        match (a, b) {
            (Percent, _) | (_, Percent) => Percent,
            (Points, _) | (_, Points) => Points,
            _ => None,
        }
    }

    /// The kind of `a - b`: the difference of two percentages is in points.
    pub fn of_difference(a: PercentKind, b: PercentKind) -> PercentKind {
        use PercentKind::*;
        match (a, b) {
            (Percent, Percent) => Points,
            (Points, Points) | (Points, None) | (None, Points) => Points,
            (Percent, _) | (_, Percent) => Percent,
            (None, None) => None,
        }
    }

    /// The kind of a product or quotient whose result is dimensionless: a
    /// percentage scaled by a plain number stays a percentage (`2 * 3 %`,
    /// `6 % / 2`); anything else (`x / x`, `% * %`) is a plain ratio.
    pub fn of_scaling(
        numerator: PercentKind,
        other: PercentKind,
        other_is_plain: bool,
    ) -> PercentKind {
        if other == PercentKind::None && other_is_plain {
            numerator
        } else {
            PercentKind::None
        }
    }
}

/// One base word of a dimension and its power.
#[derive(Debug, Clone)]
struct Base {
    /// The lower-cased name: bases compare and sort by it.
    key: Box<str>,
    /// The first spelling seen, for messages.
    spelling: Box<str>,
    power: i32,
}

/// A product of base dimensions with integer powers. Base names compare
/// case-insensitively; the first spelling seen is kept for messages.
///
/// The bases are shared: a dimension is copied into every amount of every
/// check, and most are never changed, so a copy only counts a reference.
#[derive(Debug, Clone, Default)]
pub struct Dimension {
    /// Sorted by key, powers never 0; `None` when dimensionless. A sorted
    /// slice rather than a map: dimensions have one or two bases.
    bases: Option<Arc<[Base]>>,
}

impl PartialEq for Dimension {
    fn eq(&self, other: &Dimension) -> bool {
        let (a, b) = (self.bases(), other.bases());
        a.len() == b.len()
            && a.iter()
                .zip(b.iter())
                .all(|(x, y)| x.power == y.power && x.key == y.key)
    }
}

impl Eq for Dimension {}

impl Dimension {
    pub fn dimensionless() -> Dimension {
        Dimension::default()
    }

    pub fn base(name: &str) -> Dimension {
        Dimension::from_bases(vec![Base {
            key: name.to_lowercase().into(),
            spelling: name.into(),
            power: 1,
        }])
    }

    fn from_bases(bases: Vec<Base>) -> Dimension {
        Dimension {
            bases: (!bases.is_empty()).then(|| bases.into()),
        }
    }

    fn bases(&self) -> &[Base] {
        self.bases.as_deref().unwrap_or(&[])
    }

    /// The spelling and power of the base `key` (lower-cased).
    fn get(&self, key: &str) -> Option<(&str, i32)> {
        let bases = self.bases();
        bases
            .binary_search_by(|b| b.key.as_ref().cmp(key))
            .ok()
            .map(|i| (bases[i].spelling.as_ref(), bases[i].power))
    }

    pub fn time() -> Dimension {
        Dimension::base(DAY)
    }

    pub fn is_dimensionless(&self) -> bool {
        self.bases.is_none()
    }

    pub fn is_time(&self) -> bool {
        matches!(self.bases(), [b] if b.power == 1 && &*b.key == DAY)
    }

    pub fn times(&self, other: &Dimension) -> Dimension {
        self.combine(other, 1)
    }

    pub fn per(&self, other: &Dimension) -> Dimension {
        self.combine(other, -1)
    }

    fn combine(&self, other: &Dimension, sign: i32) -> Dimension {
        if other.is_dimensionless() {
            return self.clone();
        }
        let mut result = self.bases().to_vec();
        for base in other.bases() {
            let change = base.power.saturating_mul(sign);
            match result.binary_search_by(|b| b.key.as_ref().cmp(&base.key)) {
                Ok(i) => result[i].power = result[i].power.saturating_add(change),
                Err(i) => result.insert(
                    i,
                    Base {
                        key: base.key.clone(),
                        spelling: base.spelling.clone(),
                        power: change,
                    },
                ),
            }
        }
        result.retain(|b| b.power != 0);
        Dimension::from_bases(result)
    }

    /// Help for `user` vs `users`: two dimensions that differ only in one
    /// base word, one being the other plus `s`.
    pub fn plural_help(&self, other: &Dimension) -> Option<String> {
        let differs = |b: &&Base, other: &Dimension| {
            other.get(&b.key) != Some((b.spelling.as_ref(), b.power))
        };
        let only_left: Vec<&Base> = self.bases().iter().filter(|b| differs(b, other)).collect();
        let only_right: Vec<&Base> = other.bases().iter().filter(|b| differs(b, self)).collect();
        let ([left], [right]) = (only_left.as_slice(), only_right.as_slice()) else {
            return None;
        };
        let (ka, sa, pa) = (&*left.key, &left.spelling, left.power);
        let (kb, sb, pb) = (&*right.key, &right.spelling, right.power);
        let plural = format!("{ka}s") == kb || format!("{kb}s") == ka;
        (plural && pa == pb).then(|| {
            let (singular, plural) = if ka.len() < kb.len() { (sa, sb) } else { (sb, sa) };
            format!("`{singular}` and `{plural}` differ only by a plural s; write one of them everywhere")
        })
    }
}

impl fmt::Display for Dimension {
    /// `users`, `USD/day`, `m*kg/day^2`; the time base alone reads `days`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_dimensionless() {
            return f.write_str("a plain number");
        }
        if self.is_time() {
            return f.write_str("days");
        }
        let part = |power: i32, spelling: &str| {
            if power.abs() == 1 {
                spelling.to_string()
            } else {
                format!("{spelling}^{}", power.abs())
            }
        };
        let numerator: Vec<String> = self
            .bases()
            .iter()
            .filter(|b| b.power > 0)
            .map(|b| part(b.power, &b.spelling))
            .collect();
        let denominator: Vec<String> = self
            .bases()
            .iter()
            .filter(|b| b.power < 0)
            .map(|b| part(b.power, &b.spelling))
            .collect();
        let top = if numerator.is_empty() {
            "1".to_string()
        } else {
            numerator.join("*")
        };
        if denominator.is_empty() {
            f.write_str(&top)
        } else {
            write!(f, "{top}/{}", denominator.join("/"))
        }
    }
}

/// A unit as written, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// Multiplies a value in this unit to the base units (days for time,
    /// 1/100 for `%` and `pp`).
    pub factor: Rational,
    pub dimension: Dimension,
    pub percent: PercentKind,
}

impl Unit {
    pub fn none() -> Unit {
        Unit {
            factor: Rational::integer(1),
            dimension: Dimension::dimensionless(),
            percent: PercentKind::None,
        }
    }

    /// [`Unit::parse`], remembered per thread: a corpus writes few distinct
    /// units, each on many values read under two readings.
    pub fn parse_cached(text: &str) -> Unit {
        thread_local! {
            static PARSED: RefCell<HashMap<Box<str>, Unit>> = RefCell::new(HashMap::new());
        }
        PARSED.with(|parsed| {
            if let Some(unit) = parsed.borrow().get(text) {
                return unit.clone();
            }
            let unit = Unit::parse(text);
            parsed.borrow_mut().insert(text.into(), unit.clone());
            unit
        })
    }

    /// Resolves `%`, `pp`, time words and other words joined by `/`.
    pub fn parse(text: &str) -> Unit {
        let mut parts = text.split('/').map(str::trim);
        let mut unit = parts.next().map_or_else(Unit::none, word_unit);
        for denominator in parts {
            let d = word_unit(denominator);
            // Every factor is a nonzero constant, so the reciprocal exists.
            if let Some(per) = d.factor.reciprocal() {
                unit.factor = unit.factor.times(&per);
            }
            unit.dimension = unit.dimension.per(&d.dimension);
        }
        unit.percent = match text.trim() {
            "%" => PercentKind::Percent,
            t if t.eq_ignore_ascii_case("pp") => PercentKind::Points,
            _ => PercentKind::None,
        };
        unit
    }
}

/// Days in a year of the Gregorian calendar on average: 365.2425.
pub fn days_per_year() -> Rational {
    Rational::ratio(3_652_425, 10_000)
}

fn word_unit(word: &str) -> Unit {
    let time = |days: Rational| Unit {
        factor: days,
        dimension: Dimension::time(),
        percent: PercentKind::None,
    };
    let hundredth = Unit {
        factor: Rational::ratio(1, 100),
        dimension: Dimension::dimensionless(),
        percent: PercentKind::None,
    };
    match word.to_lowercase().as_str() {
        "" => Unit::none(),
        "%" | "pp" => hundredth,
        "day" | "days" => time(Rational::integer(1)),
        "week" | "weeks" => time(Rational::integer(7)),
        "month" | "months" => time(days_per_year().times(&Rational::ratio(1, 12))),
        "year" | "years" => time(days_per_year()),
        _ => Unit {
            factor: Rational::integer(1),
            dimension: Dimension::base(word),
            percent: PercentKind::None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_words_compare_case_insensitively() {
        assert_eq!(Unit::parse("USD").dimension, Unit::parse("usd").dimension);
        assert_ne!(
            Unit::parse("user").dimension,
            Unit::parse("users").dimension
        );
    }

    #[test]
    fn quotients_and_time() {
        let per_year = Unit::parse("USD/year");
        assert_eq!(
            per_year.dimension,
            Dimension::base("USD").per(&Dimension::time())
        );
        assert_eq!(per_year.factor, Rational::ratio(10_000, 3_652_425));
        assert_eq!(Unit::parse("weeks").factor, Rational::integer(7));
        assert_eq!(per_year.dimension.to_string(), "USD/day");
    }

    #[test]
    fn ratio_of_equal_dimensions_is_dimensionless() {
        let users = Dimension::base("users");
        assert!(users.per(&users).is_dimensionless());
    }

    #[test]
    fn plural_help_names_both_words() {
        let help = Dimension::base("user").plural_help(&Dimension::base("users"));
        assert_eq!(
            help.as_deref(),
            Some("`user` and `users` differ only by a plural s; write one of them everywhere")
        );
        assert!(
            Dimension::base("user")
                .plural_help(&Dimension::base("USD"))
                .is_none()
        );
    }

    #[test]
    fn percent_and_points_are_hundredths() {
        let percent = Unit::parse("%");
        let points = Unit::parse("pp");
        assert_eq!(percent.factor, points.factor);
        assert_eq!(percent.percent, PercentKind::Percent);
        assert_eq!(points.percent, PercentKind::Points);
        assert_eq!(
            PercentKind::of_difference(PercentKind::Percent, PercentKind::Percent),
            PercentKind::Points
        );
    }
}
