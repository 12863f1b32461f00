//! Exact rationals that stay in machine integers while they fit.
//!
//! Stated figures and the results of checks are small fractions: a few digits
//! over a power of ten. Big-integer arithmetic allocates and reduces by a slow
//! gcd on every operation, so [`Rational`] keeps numerator and denominator in
//! `i128` and uses checked arithmetic; an operation that would overflow is
//! redone on [`BigRational`], and a big result that fits again comes back to
//! machine integers. Either way the value is exact, so results never depend on
//! which representation computed them.

use super::interval::{Exact, Interval};
use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{Signed, ToPrimitive, Zero};
use std::cmp::Ordering;
use std::fmt;

/// An exact rational number.
#[derive(Clone)]
pub struct Rational(Repr);

#[derive(Clone)]
enum Repr {
    /// In lowest terms, `denom > 0`, neither part `i128::MIN` (so negation
    /// and absolute values never overflow).
    Small { numer: i128, denom: i128 },
    /// In lowest terms and too large for `Small`; boxed, since it is rare
    /// and twice the size.
    Big(Box<BigRational>),
}

impl Rational {
    /// The number of bits of the larger of numerator and denominator: the
    /// size of the exact value.
    pub fn bits(&self) -> u64 {
        match &self.0 {
            Repr::Small { numer, denom } => {
                let width = |n: i128| u64::from(128 - n.unsigned_abs().leading_zeros());
                width(*numer).max(width(*denom))
            }
            Repr::Big(big) => big.numer().bits().max(big.denom().bits()),
        }
    }

    pub fn integer(n: i64) -> Rational {
        Rational(Repr::Small {
            numer: i128::from(n),
            denom: 1,
        })
    }

    /// `n / d` for constants; `d` must not be zero (as for `BigRational::new`).
    pub fn ratio(n: i64, d: i64) -> Rational {
        assert!(d != 0, "a constant ratio with a zero denominator");
        Rational::new(i128::from(n), i128::from(d)).unwrap_or_else(|| Rational::integer(0))
    }

    /// `numer / denom`; `None` when `denom` is zero.
    pub fn new(numer: i128, denom: i128) -> Option<Rational> {
        if denom == 0 {
            return None;
        }
        Some(reduced(numer, denom).unwrap_or_else(|| {
            Rational::from_big(BigRational::new(BigInt::from(numer), BigInt::from(denom)))
        }))
    }

    /// The same value as a big rational.
    pub fn to_big(&self) -> BigRational {
        match &self.0 {
            Repr::Small { numer, denom } => {
                BigRational::new_raw(BigInt::from(*numer), BigInt::from(*denom))
            }
            Repr::Big(big) => (**big).clone(),
        }
    }

    /// A big rational in machine integers when it fits.
    pub fn from_big(big: BigRational) -> Rational {
        match (big.numer().to_i128(), big.denom().to_i128()) {
            (Some(numer), Some(denom)) if numer != i128::MIN && denom != i128::MIN => {
                // BigRational keeps lowest terms with a positive denominator.
                Rational(Repr::Small { numer, denom })
            }
            _ => Rational(Repr::Big(Box::new(big))),
        }
    }

    /// `10^exponent`, in machine integers up to `10^±38`.
    pub fn pow10(exponent: i64) -> Option<Rational> {
        let magnitude = u32::try_from(exponent.unsigned_abs()).ok()?;
        match 10i128.checked_pow(magnitude) {
            Some(power) if exponent >= 0 => Some(Rational(Repr::Small {
                numer: power,
                denom: 1,
            })),
            Some(power) => Some(Rational(Repr::Small {
                numer: 1,
                denom: power,
            })),
            None => super::decimal::pow10(exponent).map(Rational::from_big),
        }
    }

    pub fn is_one(&self) -> bool {
        matches!(self.0, Repr::Small { numer: 1, denom: 1 })
    }

    /// Numerator and denominator (positive, lowest terms) when the value is
    /// held in machine integers.
    pub fn small_parts(&self) -> Option<(i128, i128)> {
        match self.0 {
            Repr::Small { numer, denom } => Some((numer, denom)),
            Repr::Big(_) => None,
        }
    }

    /// Whether the value is held in machine integers (for tests).
    pub fn is_small(&self) -> bool {
        matches!(self.0, Repr::Small { .. })
    }

    pub fn abs(&self) -> Rational {
        if self.is_negative() {
            self.negated()
        } else {
            self.clone()
        }
    }

    fn big_op(
        &self,
        other: &Rational,
        op: impl FnOnce(BigRational, BigRational) -> BigRational,
    ) -> Rational {
        Rational::from_big(op(self.to_big(), other.to_big()))
    }
}

impl Interval<Rational> {
    /// The same interval over big rationals, for printing.
    pub fn to_big(&self) -> Interval<BigRational> {
        self.convert(Rational::to_big)
    }
}

impl From<i128> for Rational {
    fn from(n: i128) -> Rational {
        small(n, 1).unwrap_or_else(|| Rational::from_big(BigRational::from_integer(n.into())))
    }
}

impl From<&BigRational> for Rational {
    fn from(big: &BigRational) -> Rational {
        Rational::from_big(big.clone())
    }
}

impl From<BigRational> for Rational {
    fn from(big: BigRational) -> Rational {
        Rational::from_big(big)
    }
}

impl Exact for Rational {
    fn zero() -> Rational {
        Rational::integer(0)
    }

    fn is_zero(&self) -> bool {
        match &self.0 {
            Repr::Small { numer, .. } => *numer == 0,
            Repr::Big(big) => Zero::is_zero(&**big),
        }
    }

    fn is_negative(&self) -> bool {
        match &self.0 {
            Repr::Small { numer, .. } => *numer < 0,
            Repr::Big(big) => Signed::is_negative(&**big),
        }
    }

    fn plus(&self, other: &Rational) -> Rational {
        if let (Repr::Small { numer: a, denom: b }, Repr::Small { numer: c, denom: d }) =
            (&self.0, &other.0)
            && let Some(sum) = small_add(*a, *b, *c, *d)
        {
            return sum;
        }
        self.big_op(other, |x, y| x + y)
    }

    fn minus(&self, other: &Rational) -> Rational {
        // Small parts are never `i128::MIN`, so negation cannot overflow.
        self.plus(&other.negated())
    }

    fn times(&self, other: &Rational) -> Rational {
        if let (Repr::Small { numer: a, denom: b }, Repr::Small { numer: c, denom: d }) =
            (&self.0, &other.0)
            && let Some(product) = small_mul(*a, *b, *c, *d)
        {
            return product;
        }
        self.big_op(other, |x, y| x * y)
    }

    fn negated(&self) -> Rational {
        match &self.0 {
            Repr::Small { numer, denom } => Rational(Repr::Small {
                numer: -numer,
                denom: *denom,
            }),
            Repr::Big(big) => Rational::from_big(-&**big),
        }
    }

    fn reciprocal(&self) -> Option<Rational> {
        if self.is_zero() {
            return None;
        }
        Some(match &self.0 {
            Repr::Small { numer, denom } => Rational(Repr::Small {
                numer: denom * numer.signum(),
                denom: numer.abs(),
            }),
            Repr::Big(big) => Rational::from_big(big.recip()),
        })
    }
}

/// `a/b + c/d` for parts in lowest terms with positive denominators, in lowest
/// terms (Knuth, TAOCP 4.5.1); `None` on overflow.
fn small_add(a: i128, b: i128, c: i128, d: i128) -> Option<Rational> {
    if b == d {
        return reduced(a.checked_add(c)?, b);
    }
    let g = gcd(b.unsigned_abs(), d.unsigned_abs());
    let g = i128::try_from(g).ok()?;
    let (b_g, d_g) = (exact_div(b, g), exact_div(d, g));
    let t = a.checked_mul(d_g)?.checked_add(c.checked_mul(b_g)?)?;
    let g2 = i128::try_from(gcd(t.unsigned_abs(), g.unsigned_abs())).ok()?;
    small(exact_div(t, g2), b_g.checked_mul(exact_div(d, g2))?)
}

/// `a/b * c/d` for parts in lowest terms with positive denominators, in lowest
/// terms; `None` on overflow.
fn small_mul(a: i128, b: i128, c: i128, d: i128) -> Option<Rational> {
    // A denominator of 1 shares nothing with the other numerator: most
    // figures are whole numbers, and then no `gcd` is needed.
    let common = |n: i128, d: i128| -> Option<i128> {
        if d == 1 {
            return Some(1);
        }
        i128::try_from(gcd(n.unsigned_abs(), d.unsigned_abs())).ok()
    };
    let g1 = common(a, d)?;
    let g2 = common(c, b)?;
    // gcd(0, d) = d, which leaves 0/1: still lowest terms.
    small(
        exact_div(a, g1).checked_mul(exact_div(c, g2))?,
        exact_div(b, g2).checked_mul(exact_div(d, g1))?,
    )
}

/// `numer / denom` reduced to lowest terms with a positive denominator;
/// `None` when a part does not fit.
fn reduced(numer: i128, denom: i128) -> Option<Rational> {
    let (numer, denom) = if denom < 0 {
        (numer.checked_neg()?, denom.checked_neg()?)
    } else {
        (numer, denom)
    };
    if denom == 1 {
        return small(numer, 1);
    }
    let g = i128::try_from(gcd(numer.unsigned_abs(), denom.unsigned_abs())).ok()?;
    small(exact_div(numer, g), exact_div(denom, g))
}

/// Parts already in lowest terms with `denom > 0`.
fn small(numer: i128, denom: i128) -> Option<Rational> {
    (numer != i128::MIN && denom != i128::MIN).then_some(Rational(Repr::Small { numer, denom }))
}

/// `gcd(0, n) = n`. In 64 bits when both fit.
fn gcd(a: u128, b: u128) -> u128 {
    if a == 0 {
        return b;
    }
    if b == 0 {
        return a;
    }
    match (u64::try_from(a), u64::try_from(b)) {
        (Ok(x), Ok(y)) => u128::from(gcd64(x, y)),
        _ => a.gcd(&b),
    }
}

/// [`gcd`] of two nonzero 64-bit values.
fn gcd64(a: u64, b: u64) -> u64 {
    let (small, large) = if a > b { (b, a) } else { (a, b) };
    // One Euclid step first: figures pair small numbers with large powers of
    // ten, and the remainder usually ends the search at once.
    small.gcd(&(large % small))
}

/// `x / g` for a divisor of `x`, skipping the (slow, 128-bit) division by 1.
fn exact_div(x: i128, g: i128) -> i128 {
    if g == 1 { x } else { x / g }
}

impl PartialEq for Rational {
    fn eq(&self, other: &Rational) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Rational {}

impl PartialOrd for Rational {
    fn partial_cmp(&self, other: &Rational) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Rational {
    fn cmp(&self, other: &Rational) -> Ordering {
        if let (Repr::Small { numer: a, denom: b }, Repr::Small { numer: c, denom: d }) =
            (&self.0, &other.0)
        {
            if b == d {
                return a.cmp(c);
            }
            let signs = a.signum().cmp(&c.signum());
            if signs != Ordering::Equal {
                return signs;
            }
            if let (Some(ad), Some(cb)) = (a.checked_mul(*d), c.checked_mul(*b)) {
                return ad.cmp(&cb);
            }
        }
        self.to_big().cmp(&other.to_big())
    }
}

impl fmt::Display for Rational {
    /// As [`BigRational`] prints: `3`, `-1/2`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Repr::Small { numer, denom: 1 } => write!(f, "{numer}"),
            Repr::Small { numer, denom } => write!(f, "{numer}/{denom}"),
            Repr::Big(big) => write!(f, "{big}"),
        }
    }
}

impl fmt::Debug for Rational {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Rational({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(n: i128, d: i128) -> Rational {
        Rational::new(n, d).unwrap()
    }

    #[test]
    fn lowest_terms_and_sign_in_the_numerator() {
        assert_eq!(q(6, -4).to_string(), "-3/2");
        assert_eq!(q(0, 7).to_string(), "0");
        assert!(Rational::new(1, 0).is_none());
    }

    #[test]
    fn overflow_moves_to_big_integers_and_back() {
        let huge = q(i128::MAX, 1);
        let sum = huge.plus(&huge);
        assert!(!sum.is_small());
        assert_eq!(sum.to_big(), huge.to_big() * BigInt::from(2));
        let back = sum.minus(&huge);
        assert!(back.is_small());
        assert_eq!(back, huge);
        assert!(!q(i128::MIN + 1, 1).minus(&q(1, 1)).is_small());
    }

    proptest::proptest! {
        #[test]
        fn gcd_agrees_with_num_integer(
            a in proptest::prop_oneof![0u128..1000, 0u128..=u128::from(u64::MAX), proptest::num::u128::ANY],
            b in proptest::prop_oneof![0u128..1000, 0u128..=u128::from(u64::MAX), proptest::num::u128::ANY],
            shift in 0u32..40,
        ) {
            use num_integer::Integer;
            let (a, b) = (a >> shift, b << shift.min(b.leading_zeros()));
            proptest::prop_assert_eq!(gcd(a, b), a.gcd(&b));
        }
    }

    #[test]
    fn compares_across_representations() {
        let big = Rational::pow10(60).unwrap();
        assert!(!big.is_small());
        assert!(q(1, 3) < big);
        assert!(big.negated() < q(-1, 3));
        assert_eq!(Rational::pow10(-2).unwrap(), q(1, 100));
    }
}
