//! The fast exact numbers agree with the big-number reference: every
//! operation on [`Rational`] (machine integers, big integers past overflow)
//! gives the value [`BigRational`] gives, and interval arithmetic over either
//! gives the same intervals. Operands reach the edges of `i128` so that the
//! fallback to big integers, and the way back, are exercised.

use argcheck::ast::{RelOp, Value};
use argcheck::numeric::testing;
use argcheck::numeric::value::number_interval;
use argcheck::numeric::{Bound, Exact, Interval, NumberSettings, Rational, Reading};
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Zero};
use proptest::prelude::*;

/// Integers of every size: small ones, powers of ten, and ones near the
/// limits of `i128`.
fn integer() -> impl Strategy<Value = i128> {
    prop_oneof![
        4 => -1000i128..=1000,
        2 => (0u32..=38, any::<bool>()).prop_map(|(e, neg)| {
            let p = 10i128.pow(e);
            if neg { -p } else { p }
        }),
        1 => any::<i128>(),
        1 => (0i128..1000, any::<bool>()).prop_map(|(d, neg)| {
            if neg { i128::MIN + d } else { i128::MAX - d }
        }),
    ]
}

fn denominator() -> impl Strategy<Value = i128> {
    integer().prop_filter("nonzero", |d| *d != 0)
}

/// The same value both ways.
fn pair() -> impl Strategy<Value = (Rational, BigRational)> {
    (integer(), denominator()).prop_map(|(n, d)| {
        let fast = Rational::new(n, d).expect("nonzero denominator");
        let big = BigRational::new(BigInt::from(n), BigInt::from(d));
        (fast, big)
    })
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

fn bound<N>(kind: EndKind, value: N) -> Bound<N> {
    match kind {
        EndKind::Closed => Bound::Closed(value),
        EndKind::Open => Bound::Open(value),
        EndKind::Unbounded => Bound::Unbounded,
    }
}

/// The same non-empty interval both ways.
fn interval_pair() -> impl Strategy<Value = (Interval<Rational>, Interval<BigRational>)> {
    (pair(), pair(), end_kind(), end_kind()).prop_map(|(a, b, lo, hi)| {
        let (a, b) = if a.1 <= b.1 { (a, b) } else { (b, a) };
        let fast = Interval::new(bound(lo, a.0.clone()), bound(hi, b.0.clone()))
            .unwrap_or_else(|| Interval::point(a.0.clone()));
        let big = Interval::new(bound(lo, a.1.clone()), bound(hi, b.1.clone()))
            .unwrap_or_else(|| Interval::point(a.1.clone()));
        (fast, big)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn construction_keeps_the_value((fast, big) in pair()) {
        prop_assert_eq!(fast.to_big(), big.clone());
        prop_assert_eq!(fast.to_string(), big.to_string());
        prop_assert_eq!(Rational::from(&big), fast);
    }

    #[test]
    fn field_operations_agree((a, x) in pair(), (b, y) in pair()) {
        prop_assert_eq!(a.plus(&b).to_big(), &x + &y);
        prop_assert_eq!(a.minus(&b).to_big(), &x - &y);
        prop_assert_eq!(a.times(&b).to_big(), &x * &y);
        prop_assert_eq!(a.negated().to_big(), -&x);
        prop_assert_eq!(a.abs().to_big(), num_traits::Signed::abs(&x));
        prop_assert_eq!(a.reciprocal().map(|r| r.to_big()), (!Zero::is_zero(&x)).then(|| BigRational::one() / &x));
        prop_assert_eq!(a.cmp(&b), x.cmp(&y));
        prop_assert_eq!(a == b, x == y);
        prop_assert_eq!(a.is_zero(), Zero::is_zero(&x));
        prop_assert_eq!(a.is_negative(), x < <BigRational as Zero>::zero());
    }

    #[test]
    fn values_that_fit_come_back_to_machine_integers((a, x) in pair(), (b, y) in pair()) {
        let fits = |v: &BigRational| {
            let limit = BigInt::from(i128::MAX);
            v.numer().magnitude() <= limit.magnitude() && v.denom().magnitude() <= limit.magnitude()
        };
        for (fast, big) in [(a.plus(&b), &x + &y), (a.times(&b), &x * &y)] {
            prop_assert_eq!(fast.is_small(), fits(&big), "{}", big);
        }
    }

    #[test]
    fn interval_arithmetic_agrees((a, x) in interval_pair(), (b, y) in interval_pair()) {
        prop_assert_eq!(a.add(&b).to_big(), x.add(&y));
        prop_assert_eq!(a.sub(&b).to_big(), x.sub(&y));
        prop_assert_eq!(a.mul(&b).to_big(), x.mul(&y));
        prop_assert_eq!(a.neg().to_big(), x.neg());
        prop_assert_eq!(a.min(&b).to_big(), x.min(&y));
        prop_assert_eq!(a.max(&b).to_big(), x.max(&y));
        prop_assert_eq!(a.div(&b).map(|q| q.to_big()), x.div(&y));
        prop_assert_eq!(a.intersect(&b).map(|i| i.to_big()), x.intersect(&y));
        prop_assert_eq!(a.is_subset_of(&b), x.is_subset_of(&y));
        prop_assert_eq!(a.width().map(|w| w.to_big()), x.width());
        for op in [RelOp::Eq, RelOp::Ne, RelOp::Lt, RelOp::Le, RelOp::Gt, RelOp::Ge] {
            prop_assert_eq!(a.relate(op, &b), x.relate(op, &y), "{:?}", op);
        }
        prop_assert_eq!(a.relate(RelOp::Eq, &b), x.intersect(&y).is_some());
    }

    #[test]
    fn scaling_is_the_product_with_a_point((a, x) in interval_pair(), (f, g) in pair()) {
        prop_assert_eq!(a.scale(&f).to_big(), x.mul(&Interval::point(g.clone())));
        prop_assert_eq!(x.scale(&g), x.mul(&Interval::point(g.clone())));
        // `0 * inf` counts as 0: any interval scaled by zero is the point.
        let zero = <Rational as Exact>::zero();
        prop_assert_eq!(a.scale(&zero), Interval::point(zero.clone()));
    }

    /// A stated figure's interval is exactly `v ± q/2` (with `q` the strict
    /// quantum), computed here with big rationals only.
    #[test]
    fn stated_figures_match_the_big_reference(
        int in "[1-9][0-9]{0,30}",
        frac in "[0-9]{0,12}",
        exponent in -60i32..60,
        scale in 0usize..5,
        percent in any::<bool>(),
    ) {
        let scale_word = ["", " thousand", " million", " billion", " trillion"][scale];
        let unit = if percent { " %" } else { "" };
        let number = if frac.is_empty() { int.clone() } else { format!("{int}.{frac}") };
        let text = format!("{number}e{exponent}{scale_word}{unit}");
        let Value::Number(value) = testing::value(&text) else { unreachable!() };
        let interval = number_interval(&value, Reading::Strict, &NumberSettings::default()).unwrap();

        let ten = BigRational::from_integer(BigInt::from(10));
        let power = |e: i64| {
            let p = num_traits::pow(ten.clone(), usize::try_from(e.unsigned_abs()).unwrap());
            if e >= 0 { p } else { BigRational::one() / p }
        };
        let digits = BigInt::parse_bytes(format!("{int}{frac}").as_bytes(), 10).unwrap();
        let shift = i64::from(exponent) - i64::try_from(frac.len()).unwrap() + [0, 3, 6, 9, 12][scale];
        let v = BigRational::from_integer(digits) * power(shift);
        let half = power(shift) / BigRational::from_integer(BigInt::from(2));
        let factor = if percent { power(-2) } else { BigRational::one() };
        let expected = Interval::closed((&v - &half) * &factor, (&v + &half) * &factor);
        prop_assert_eq!(interval.to_big(), expected, "{}", text);
    }
}
