//! Calendar dates as day numbers of the proleptic Gregorian calendar.
//!
//! Convention: a date literal names a set of whole days and stands for the
//! closed interval `[first day, last day]` of day numbers (day 0 is
//! 1970-01-01). So `2015-10 - 2000-07` is the closed interval from the
//! smallest to the largest difference of day numbers,
//! `[2015-10-01 - 2000-07-31, 2015-10-31 - 2000-07-01]`, in days.

use super::interval::Interval;
use super::rational::Rational;
use crate::ast::DateLit;
use num_bigint::BigInt;
use num_rational::BigRational;

pub fn is_leap_year(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` (1-12) of `year`, or `None` for a month that does not exist.
pub fn days_in_month(year: i64, month: u8) -> Option<u8> {
    Some(match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => return None,
    })
}

/// Days since 1970-01-01 of a valid civil date (H. Hinnant's algorithm:
/// years counted from March so the leap day is last).
pub fn day_number(year: i64, month: u8, day: u8) -> i64 {
    let month = i64::from(month);
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let shifted_month = (month + 9) % 12;
    let day_of_year = (153 * shifted_month + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The civil date of a day number: the inverse of [`day_number`].
pub fn civil_from_day_number(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (
        year,
        u8::try_from(month).unwrap_or(1),
        u8::try_from(day).unwrap_or(1),
    )
}

/// The first and last day numbers of the period a literal names, or `None`
/// for a month or day that does not exist.
pub fn date_span(date: &DateLit) -> Option<(i64, i64)> {
    let year = i64::from(date.year);
    match (date.month, date.day) {
        (None, _) => Some((day_number(year, 1, 1), day_number(year, 12, 31))),
        (Some(month), None) => {
            let last = days_in_month(year, month)?;
            Some((day_number(year, month, 1), day_number(year, month, last)))
        }
        (Some(month), Some(day)) => {
            let last = days_in_month(year, month)?;
            (1..=last).contains(&day).then(|| {
                let n = day_number(year, month, day);
                (n, n)
            })
        }
    }
}

/// The closed interval of day numbers a literal names.
pub fn date_interval(date: &DateLit) -> Option<Interval<Rational>> {
    let (first, last) = date_span(date)?;
    Some(Interval::closed(
        Rational::integer(first),
        Rational::integer(last),
    ))
}

/// The year `YYYY` as an interval of days.
pub fn year_interval(year: i64) -> Interval<Rational> {
    let first = day_number(year, 1, 1);
    let last = day_number(year, 12, 31);
    Interval::closed(Rational::integer(first), Rational::integer(last))
}

/// `YYYY-MM-DD` for a whole day number, `YYYY-MM-DD+F` (F days, a fraction)
/// otherwise.
pub fn format_day(day: &BigRational) -> String {
    let whole = day.floor();
    let fraction = day - &whole;
    let Ok(number) = i64::try_from(whole.to_integer()) else {
        return format!("day {day}");
    };
    let (y, m, d) = civil_from_day_number(number);
    let text = if y < 0 {
        format!("-{:04}-{m:02}-{d:02}", -y)
    } else {
        format!("{y:04}-{m:02}-{d:02}")
    };
    if fraction == BigRational::from_integer(BigInt::from(0)) {
        text
    } else {
        format!("{text}+{fraction}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::span::Span;

    fn lit(year: i32, month: Option<u8>, day: Option<u8>) -> DateLit {
        DateLit {
            year,
            month,
            day,
            span: Span::default(),
        }
    }

    fn length(date: DateLit) -> i64 {
        let (first, last) = date_span(&date).unwrap();
        last - first + 1
    }

    #[test]
    fn month_lengths_follow_leap_years() {
        assert_eq!(length(lit(2016, Some(2), None)), 29);
        assert_eq!(length(lit(2015, Some(2), None)), 28);
        assert_eq!(length(lit(1900, Some(2), None)), 28);
        assert_eq!(length(lit(2000, Some(2), None)), 29);
        assert_eq!(length(lit(2015, Some(10), None)), 31);
        assert_eq!(length(lit(2016, None, None)), 366);
        assert_eq!(length(lit(2015, None, None)), 365);
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(day_number(2000, 3, 1) - day_number(2000, 2, 28), 2);
        for n in [-800_000, -1, 0, 1, 11_016, 20_000, 3_000_000] {
            let (y, m, d) = civil_from_day_number(n);
            assert_eq!(day_number(y, m, d), n);
        }
    }

    #[test]
    fn impossible_days_are_refused() {
        assert!(date_span(&lit(2015, Some(2), Some(29))).is_none());
        assert!(date_span(&lit(2015, Some(13), None)).is_none());
        assert!(date_span(&lit(2016, Some(2), Some(29))).is_some());
    }

    #[test]
    fn formats_days() {
        let n = BigRational::from_integer(BigInt::from(day_number(2015, 10, 31)));
        assert_eq!(format_day(&n), "2015-10-31");
    }
}
