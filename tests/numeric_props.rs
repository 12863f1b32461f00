//! Properties of the exact interval arithmetic: every operation encloses the
//! exact result for any points drawn inside its operands, open and infinite
//! ends included; division by an interval containing zero is an error.

use argcheck::ast::{RelOp, Value};
use argcheck::numeric::format::format_decimal;
use argcheck::numeric::testing;
use argcheck::numeric::value::number_interval;
use argcheck::numeric::{Bound, DivisorContainsZero, Interval, NumberSettings, Reading};
use num_bigint::BigInt;
use num_rational::BigRational;
use proptest::prelude::*;

fn rational(n: i64, d: i64) -> BigRational {
    BigRational::new(BigInt::from(n), BigInt::from(d))
}

#[derive(Debug, Clone, Copy)]
enum EndKind {
    Closed,
    Open,
    Unbounded,
}

fn end_kind() -> impl Strategy<Value = EndKind> {
    prop_oneof![
        3 => Just(EndKind::Closed),
        2 => Just(EndKind::Open),
        1 => Just(EndKind::Unbounded),
    ]
}

fn small_rational() -> impl Strategy<Value = BigRational> {
    (-40i64..=40, 1i64..=6).prop_map(|(n, d)| rational(n, d))
}

fn bound(kind: EndKind, value: BigRational) -> Bound {
    match kind {
        EndKind::Closed => Bound::Closed(value),
        EndKind::Open => Bound::Open(value),
        EndKind::Unbounded => Bound::Unbounded,
    }
}

/// Non-empty intervals with every kind of end, zero-crossing ones included.
fn interval() -> impl Strategy<Value = Interval> {
    (small_rational(), small_rational(), end_kind(), end_kind()).prop_map(|(a, b, lo, hi)| {
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        Interval::new(bound(lo, a.clone()), bound(hi, b.clone()))
            .unwrap_or_else(|| Interval::point(a))
    })
}

/// How to pick a point: at an end (when closed) or inside.
#[derive(Debug, Clone, Copy)]
struct Pick {
    at_end: u8,
    numerator: i64,
    denominator: i64,
    reach: i64,
}

fn pick() -> impl Strategy<Value = Pick> {
    (0u8..4, 1i64..50, 1i64..50, 1i64..1000).prop_map(|(at_end, numerator, denominator, reach)| {
        Pick {
            at_end,
            numerator,
            denominator,
            reach,
        }
    })
}

/// A point of `interval`, chosen by `pick`.
fn sample(interval: &Interval, pick: Pick) -> BigRational {
    if let Some(point) = interval.as_point() {
        return point.clone();
    }
    if let (Bound::Closed(v), 0) = (interval.lo(), pick.at_end) {
        return v.clone();
    }
    if let (Bound::Closed(v), 1) = (interval.hi(), pick.at_end) {
        return v.clone();
    }
    // A fraction strictly between 0 and 1.
    let t = rational(pick.numerator, pick.numerator + pick.denominator);
    let reach = rational(pick.reach, pick.denominator);
    match (interval.lo().value(), interval.hi().value()) {
        (Some(lo), Some(hi)) => lo + (hi - lo) * t,
        (Some(lo), None) => lo + reach,
        (None, Some(hi)) => hi - reach,
        (None, None) => reach - rational(pick.reach, 1) * t,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn samples_lie_inside(a in interval(), p in pick()) {
        prop_assert!(a.contains(&sample(&a, p)));
    }

    #[test]
    fn add_encloses(a in interval(), b in interval(), p in pick(), q in pick()) {
        let (x, y) = (sample(&a, p), sample(&b, q));
        prop_assert!(a.add(&b).contains(&(&x + &y)), "{} + {} not in {}", x, y, a.add(&b));
    }

    #[test]
    fn sub_encloses(a in interval(), b in interval(), p in pick(), q in pick()) {
        let (x, y) = (sample(&a, p), sample(&b, q));
        prop_assert!(a.sub(&b).contains(&(&x - &y)));
    }

    #[test]
    fn mul_encloses(a in interval(), b in interval(), p in pick(), q in pick()) {
        let (x, y) = (sample(&a, p), sample(&b, q));
        let product = a.mul(&b);
        prop_assert!(product.contains(&(&x * &y)), "{} * {} = {} not in {} ({} * {})", x, y, &x * &y, product, a, b);
    }

    #[test]
    fn closed_product_ends_are_attained(a in interval(), b in interval()) {
        let zero = rational(0, 1);
        let members = |i: &Interval| {
            let mut values: Vec<BigRational> =
                [i.lo(), i.hi()].into_iter().filter(|e| e.is_closed()).filter_map(|e| e.value().cloned()).collect();
            if i.contains(&zero) {
                values.push(zero.clone());
            }
            values
        };
        let (xs, ys) = (members(&a), members(&b));
        let product = a.mul(&b);
        for end in [product.lo(), product.hi()] {
            if let Bound::Closed(v) = end {
                let attained = xs.iter().any(|x| ys.iter().any(|y| &(x * y) == v))
                    || (v == &zero && (a.contains(&zero) || b.contains(&zero)));
                prop_assert!(attained, "{} claims {} attained ({} * {})", product, v, a, b);
            }
        }
    }

    #[test]
    fn div_encloses_or_refuses_zero(a in interval(), b in interval(), p in pick(), q in pick()) {
        let (x, y) = (sample(&a, p), sample(&b, q));
        match a.div(&b) {
            Err(DivisorContainsZero) => prop_assert!(b.contains_zero()),
            Ok(quotient) => {
                prop_assert!(!b.contains_zero());
                prop_assert!(quotient.contains(&(&x / &y)), "{} / {} not in {} ({} / {})", x, y, quotient, a, b);
            }
        }
    }

    #[test]
    fn neg_min_max_enclose(a in interval(), b in interval(), p in pick(), q in pick()) {
        let (x, y) = (sample(&a, p), sample(&b, q));
        prop_assert!(a.neg().contains(&-x.clone()));
        prop_assert!(a.min(&b).contains(&x.clone().min(y.clone())));
        prop_assert!(a.max(&b).contains(&x.max(y)));
    }

    #[test]
    fn sum_encloses(a in interval(), b in interval(), c in interval(), p in pick(), q in pick(), r in pick()) {
        let total = sample(&a, p) + sample(&b, q) + sample(&c, r);
        prop_assert!(Interval::sum([&a, &b, &c]).contains(&total));
    }

    #[test]
    fn relations_hold_for_witnesses(a in interval(), b in interval(), p in pick(), q in pick()) {
        let (x, y) = (sample(&a, p), sample(&b, q));
        if x == y {
            prop_assert!(a.relate(RelOp::Eq, &b));
            prop_assert!(a.relate(RelOp::Le, &b) && a.relate(RelOp::Ge, &b));
        }
        if x < y {
            prop_assert!(a.relate(RelOp::Lt, &b) && a.relate(RelOp::Le, &b) && b.relate(RelOp::Gt, &a));
        }
        if x != y {
            prop_assert!(a.relate(RelOp::Ne, &b));
        }
        if let Some(common) = a.intersect(&b) {
            let z = sample(&common, p);
            prop_assert!(a.contains(&z) && b.contains(&z));
        }
    }

    #[test]
    fn outward_rounding_brackets_the_value(n in -100_000i64..100_000, d in 1i64..10_000, digits in 1usize..8) {
        let value = rational(n, d);
        let (_, down) = format_decimal(&value, digits, false);
        let (_, up) = format_decimal(&value, digits, true);
        prop_assert!(down <= value && value <= up);
    }

    #[test]
    fn strict_reading_lies_inside_coarse(int in "[1-9][0-9]{0,6}", frac in "[0-9]{0,3}", scale in 0usize..5) {
        let scale_word = ["", " thousand", " million", " billion", " trillion"][scale];
        let text = if frac.is_empty() { format!("{int}{scale_word}") } else { format!("{int}.{frac}{scale_word}") };
        let Value::Number(number) = testing::value(&text) else { unreachable!() };
        let settings = NumberSettings::default();
        let strict = number_interval(&number, Reading::Strict, &settings).unwrap();
        let coarse = number_interval(&number, Reading::Coarse, &settings).unwrap();
        prop_assert!(strict.is_subset_of(&coarse), "{} strict {} coarse {}", text, strict, coarse);
    }
}
