//! Intervals of exact rationals with closed, open or infinite ends, and the
//! interval arithmetic of spec section 5.

use crate::ast::RelOp;
use num_rational::BigRational;
use num_traits::{One, Signed, Zero};
use std::cmp::Ordering;
use std::fmt;

/// One end of an interval. `Unbounded` is `-inf` at the lower end and `+inf`
/// at the upper end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bound {
    Unbounded,
    Closed(BigRational),
    Open(BigRational),
}

impl Bound {
    pub fn value(&self) -> Option<&BigRational> {
        match self {
            Bound::Unbounded => None,
            Bound::Closed(v) | Bound::Open(v) => Some(v),
        }
    }

    pub fn is_closed(&self) -> bool {
        matches!(self, Bound::Closed(_))
    }

    fn map(&self, f: impl FnOnce(&BigRational) -> BigRational) -> Bound {
        match self {
            Bound::Unbounded => Bound::Unbounded,
            Bound::Closed(v) => Bound::Closed(f(v)),
            Bound::Open(v) => Bound::Open(f(v)),
        }
    }
}

/// The divisor of a division contains zero: `undefined-arithmetic`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DivisorContainsZero;

/// A non-empty set of reals `lo .. hi`; every constructor keeps it non-empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interval {
    lo: Bound,
    hi: Bound,
}

impl Interval {
    /// The interval between two ends, or `None` when it would be empty.
    pub fn new(lo: Bound, hi: Bound) -> Option<Interval> {
        match (lo.value(), hi.value()) {
            (Some(l), Some(h)) => match l.cmp(h) {
                Ordering::Greater => None,
                Ordering::Equal if !(lo.is_closed() && hi.is_closed()) => None,
                _ => Some(Interval { lo, hi }),
            },
            _ => Some(Interval { lo, hi }),
        }
    }

    pub fn point(value: BigRational) -> Interval {
        Interval {
            lo: Bound::Closed(value.clone()),
            hi: Bound::Closed(value),
        }
    }

    /// `[min(a, b), max(a, b)]`: the order of the arguments does not matter.
    pub fn closed(a: BigRational, b: BigRational) -> Interval {
        if a <= b {
            Interval {
                lo: Bound::Closed(a),
                hi: Bound::Closed(b),
            }
        } else {
            Interval {
                lo: Bound::Closed(b),
                hi: Bound::Closed(a),
            }
        }
    }

    /// `(-inf, +inf)`.
    pub fn whole() -> Interval {
        Interval {
            lo: Bound::Unbounded,
            hi: Bound::Unbounded,
        }
    }

    /// `(v, +inf)` or `[v, +inf)`.
    pub fn above(value: BigRational, closed: bool) -> Interval {
        let lo = if closed {
            Bound::Closed(value)
        } else {
            Bound::Open(value)
        };
        Interval {
            lo,
            hi: Bound::Unbounded,
        }
    }

    /// `(-inf, v)` or `(-inf, v]`.
    pub fn below(value: BigRational, closed: bool) -> Interval {
        let hi = if closed {
            Bound::Closed(value)
        } else {
            Bound::Open(value)
        };
        Interval {
            lo: Bound::Unbounded,
            hi,
        }
    }

    pub fn lo(&self) -> &Bound {
        &self.lo
    }

    pub fn hi(&self) -> &Bound {
        &self.hi
    }

    /// The single value of a degenerate interval `[v, v]`.
    pub fn as_point(&self) -> Option<&BigRational> {
        match (&self.lo, &self.hi) {
            (Bound::Closed(l), Bound::Closed(h)) if l == h => Some(l),
            _ => None,
        }
    }

    /// `hi - lo`, or `None` for an unbounded interval.
    pub fn width(&self) -> Option<BigRational> {
        Some(self.hi.value()? - self.lo.value()?)
    }

    pub fn contains(&self, x: &BigRational) -> bool {
        let above_lo = match &self.lo {
            Bound::Unbounded => true,
            Bound::Closed(l) => l <= x,
            Bound::Open(l) => l < x,
        };
        let below_hi = match &self.hi {
            Bound::Unbounded => true,
            Bound::Closed(h) => x <= h,
            Bound::Open(h) => x < h,
        };
        above_lo && below_hi
    }

    pub fn contains_zero(&self) -> bool {
        self.contains(&BigRational::zero())
    }

    /// Whether every value of `self` lies in `other`.
    pub fn is_subset_of(&self, other: &Interval) -> bool {
        compare_lower(&other.lo, &self.lo) != Ordering::Greater
            && compare_upper(&self.hi, &other.hi) != Ordering::Greater
    }

    /// `[a,b] + [c,d] = [a+c, b+d]`.
    pub fn add(&self, other: &Interval) -> Interval {
        Interval {
            lo: add_bounds(&self.lo, &other.lo),
            hi: add_bounds(&self.hi, &other.hi),
        }
    }

    /// `[a,b] - [c,d] = [a-d, b-c]`.
    pub fn sub(&self, other: &Interval) -> Interval {
        self.add(&other.neg())
    }

    pub fn neg(&self) -> Interval {
        Interval {
            lo: self.hi.map(|v| -v),
            hi: self.lo.map(|v| -v),
        }
    }

    /// The extremes of the four end products; `0 * inf` counts as 0, which is
    /// a limit point of the product set whenever it arises.
    pub fn mul(&self, other: &Interval) -> Interval {
        let a = [Extended::lower(&self.lo), Extended::upper(&self.hi)];
        let b = [Extended::lower(&other.lo), Extended::upper(&other.hi)];
        let products: Vec<Extended> = a
            .iter()
            .flat_map(|x| b.iter().map(move |y| x.mul(y)))
            .collect();
        let lo = products
            .iter()
            .cloned()
            .reduce(|m, p| if p.below_as_lower(&m) { p } else { m })
            .map_or(Bound::Unbounded, Extended::into_lower);
        let hi = products
            .iter()
            .cloned()
            .reduce(|m, p| if p.above_as_upper(&m) { p } else { m })
            .map_or(Bound::Unbounded, Extended::into_upper);
        Interval { lo, hi }
    }

    /// `{1/x : x in self}`; an error when `self` contains zero. An open zero
    /// end is allowed and gives an infinite end.
    pub fn recip(&self) -> Result<Interval, DivisorContainsZero> {
        if self.contains_zero() {
            return Err(DivisorContainsZero);
        }
        Ok(Interval {
            lo: recip_bound(&self.hi),
            hi: recip_bound(&self.lo),
        })
    }

    pub fn div(&self, divisor: &Interval) -> Result<Interval, DivisorContainsZero> {
        Ok(self.mul(&divisor.recip()?))
    }

    /// Multiplies by a constant factor.
    pub fn scale(&self, factor: &BigRational) -> Interval {
        self.mul(&Interval::point(factor.clone()))
    }

    /// `{min(x, y)}`.
    pub fn min(&self, other: &Interval) -> Interval {
        Interval {
            lo: pick(&self.lo, &other.lo, |a, b| {
                compare_lower(a, b) != Ordering::Greater
            }),
            hi: pick(&self.hi, &other.hi, |a, b| {
                compare_upper(a, b) != Ordering::Greater
            }),
        }
    }

    /// `{max(x, y)}`.
    pub fn max(&self, other: &Interval) -> Interval {
        Interval {
            lo: pick(&self.lo, &other.lo, |a, b| {
                compare_lower(a, b) != Ordering::Less
            }),
            hi: pick(&self.hi, &other.hi, |a, b| {
                compare_upper(a, b) != Ordering::Less
            }),
        }
    }

    /// The sum of all; `[0, 0]` for none.
    pub fn sum<'a>(items: impl IntoIterator<Item = &'a Interval>) -> Interval {
        items
            .into_iter()
            .fold(Interval::point(BigRational::zero()), |acc, x| acc.add(x))
    }

    pub fn intersect(&self, other: &Interval) -> Option<Interval> {
        Interval::new(
            pick(&self.lo, &other.lo, |a, b| {
                compare_lower(a, b) != Ordering::Less
            }),
            pick(&self.hi, &other.hi, |a, b| {
                compare_upper(a, b) != Ordering::Greater
            }),
        )
    }

    /// Spec section 5: `=` when the intervals intersect; `!=` unless both are
    /// the same single point; the orderings when some pair of values satisfies
    /// them.
    pub fn relate(&self, op: RelOp, other: &Interval) -> bool {
        match op {
            RelOp::Eq => self.intersect(other).is_some(),
            RelOp::Ne => match (self.as_point(), other.as_point()) {
                (Some(a), Some(b)) => a != b,
                _ => true,
            },
            RelOp::Lt => some_pair_below(self, other, false),
            RelOp::Le => some_pair_below(self, other, true),
            RelOp::Gt => some_pair_below(other, self, false),
            RelOp::Ge => some_pair_below(other, self, true),
        }
    }
}

/// Whether some `x` in `a` and `y` in `b` have `x < y` (or `x <= y`).
fn some_pair_below(a: &Interval, b: &Interval, or_equal: bool) -> bool {
    match (&a.lo, &b.hi) {
        (Bound::Unbounded, _) | (_, Bound::Unbounded) => true,
        (lo, hi) => match (lo.value(), hi.value()) {
            (Some(x), Some(y)) => x < y || (or_equal && x == y && lo.is_closed() && hi.is_closed()),
            _ => true,
        },
    }
}

fn pick(a: &Bound, b: &Bound, prefer_a: impl Fn(&Bound, &Bound) -> bool) -> Bound {
    if prefer_a(a, b) { a.clone() } else { b.clone() }
}

/// Orders lower ends by where the interval starts: `-inf` first, and at one
/// value a closed end before an open one.
fn compare_lower(a: &Bound, b: &Bound) -> Ordering {
    match (a, b) {
        (Bound::Unbounded, Bound::Unbounded) => Ordering::Equal,
        (Bound::Unbounded, _) => Ordering::Less,
        (_, Bound::Unbounded) => Ordering::Greater,
        _ => compare_finite(a, b, true),
    }
}

/// Orders upper ends by where the interval stops: `+inf` last, and at one
/// value an open end before a closed one.
fn compare_upper(a: &Bound, b: &Bound) -> Ordering {
    match (a, b) {
        (Bound::Unbounded, Bound::Unbounded) => Ordering::Equal,
        (Bound::Unbounded, _) => Ordering::Greater,
        (_, Bound::Unbounded) => Ordering::Less,
        _ => compare_finite(a, b, false),
    }
}

fn compare_finite(a: &Bound, b: &Bound, closed_first: bool) -> Ordering {
    let (Some(x), Some(y)) = (a.value(), b.value()) else {
        return Ordering::Equal;
    };
    x.cmp(y).then_with(|| match (a.is_closed(), b.is_closed()) {
        (true, false) if closed_first => Ordering::Less,
        (true, false) => Ordering::Greater,
        (false, true) if closed_first => Ordering::Greater,
        (false, true) => Ordering::Less,
        _ => Ordering::Equal,
    })
}

fn add_bounds(a: &Bound, b: &Bound) -> Bound {
    match (a, b) {
        (Bound::Closed(x), Bound::Closed(y)) => Bound::Closed(x + y),
        (Bound::Unbounded, _) | (_, Bound::Unbounded) => Bound::Unbounded,
        (x, y) => match (x.value(), y.value()) {
            (Some(x), Some(y)) => Bound::Open(x + y),
            _ => Bound::Unbounded,
        },
    }
}

/// `1/end`, for an interval that does not contain zero: an infinite end gives
/// an open zero, an open zero end gives an infinite end.
fn recip_bound(end: &Bound) -> Bound {
    match end {
        Bound::Unbounded => Bound::Open(BigRational::zero()),
        Bound::Open(v) if v.is_zero() => Bound::Unbounded,
        // A closed zero end means the interval contains zero; recip() has
        // already refused it, so this arm is unreachable in practice.
        Bound::Closed(v) if v.is_zero() => Bound::Unbounded,
        other => other.map(|v| BigRational::one() / v),
    }
}

/// An end on the extended real line, for products.
#[derive(Debug, Clone)]
enum Extended {
    NegInf,
    Finite { value: BigRational, closed: bool },
    PosInf,
}

impl Extended {
    fn lower(bound: &Bound) -> Extended {
        match bound {
            Bound::Unbounded => Extended::NegInf,
            b => Extended::finite(b),
        }
    }

    fn upper(bound: &Bound) -> Extended {
        match bound {
            Bound::Unbounded => Extended::PosInf,
            b => Extended::finite(b),
        }
    }

    fn finite(bound: &Bound) -> Extended {
        match bound.value() {
            Some(v) => Extended::Finite {
                value: v.clone(),
                closed: bound.is_closed(),
            },
            None => Extended::PosInf,
        }
    }

    fn sign(&self) -> Ordering {
        match self {
            Extended::NegInf => Ordering::Less,
            Extended::PosInf => Ordering::Greater,
            Extended::Finite { value, .. } => value.cmp(&BigRational::zero()),
        }
    }

    fn infinity(sign: Ordering) -> Extended {
        if sign == Ordering::Less {
            Extended::NegInf
        } else {
            Extended::PosInf
        }
    }

    /// The product of two ends. A closed zero end makes the product 0 attained
    /// whatever the other end is, since that zero is a member of its interval.
    fn mul(&self, other: &Extended) -> Extended {
        match (self, other) {
            (
                Extended::Finite {
                    value: x,
                    closed: cx,
                },
                Extended::Finite {
                    value: y,
                    closed: cy,
                },
            ) => {
                let closed = match (*cx, *cy) {
                    (true, true) => true,
                    (true, false) => x.is_zero(),
                    (false, true) => y.is_zero(),
                    (false, false) => false,
                };
                Extended::Finite {
                    value: x * y,
                    closed,
                }
            }
            (Extended::Finite { value, closed }, infinite)
            | (infinite, Extended::Finite { value, closed }) => {
                if value.is_zero() {
                    Extended::Finite {
                        value: BigRational::zero(),
                        closed: *closed,
                    }
                } else {
                    let sign = if value.is_negative() {
                        infinite.sign().reverse()
                    } else {
                        infinite.sign()
                    };
                    Extended::infinity(sign)
                }
            }
            (a, b) => {
                let sign = if a.sign() == b.sign() {
                    Ordering::Greater
                } else {
                    Ordering::Less
                };
                Extended::infinity(sign)
            }
        }
    }

    fn cmp_value(&self, other: &Extended) -> Ordering {
        match (self, other) {
            (Extended::NegInf, Extended::NegInf) | (Extended::PosInf, Extended::PosInf) => {
                Ordering::Equal
            }
            (Extended::NegInf, _) | (_, Extended::PosInf) => Ordering::Less,
            (Extended::PosInf, _) | (_, Extended::NegInf) => Ordering::Greater,
            (Extended::Finite { value: x, .. }, Extended::Finite { value: y, .. }) => x.cmp(y),
        }
    }

    fn is_closed(&self) -> bool {
        matches!(self, Extended::Finite { closed: true, .. })
    }

    /// Whether `self` is a smaller lower end than `other` (ties: closed wins,
    /// since an attained value is attained).
    fn below_as_lower(&self, other: &Extended) -> bool {
        match self.cmp_value(other) {
            Ordering::Less => true,
            Ordering::Equal => self.is_closed() && !other.is_closed(),
            Ordering::Greater => false,
        }
    }

    fn above_as_upper(&self, other: &Extended) -> bool {
        match self.cmp_value(other) {
            Ordering::Greater => true,
            Ordering::Equal => self.is_closed() && !other.is_closed(),
            Ordering::Less => false,
        }
    }

    fn into_lower(self) -> Bound {
        match self {
            Extended::Finite {
                value,
                closed: true,
            } => Bound::Closed(value),
            Extended::Finite {
                value,
                closed: false,
            } => Bound::Open(value),
            // `+inf` as a lower end cannot arise from non-empty operands;
            // widening to `-inf` keeps the result sound regardless.
            Extended::NegInf | Extended::PosInf => Bound::Unbounded,
        }
    }

    fn into_upper(self) -> Bound {
        self.into_lower()
    }
}

impl fmt::Display for Interval {
    /// Exact text, for debugging and tests: `[1/2, +inf)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.lo {
            Bound::Unbounded => f.write_str("(-inf")?,
            Bound::Closed(v) => write!(f, "[{v}")?,
            Bound::Open(v) => write!(f, "({v}")?,
        }
        match &self.hi {
            Bound::Unbounded => f.write_str(", +inf)"),
            Bound::Closed(v) => write!(f, ", {v}]"),
            Bound::Open(v) => write!(f, ", {v})"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_bigint::BigInt;

    fn q(n: i64, d: i64) -> BigRational {
        BigRational::new(BigInt::from(n), BigInt::from(d))
    }
    fn c(a: i64, b: i64) -> Interval {
        Interval::closed(q(a, 1), q(b, 1))
    }

    #[test]
    fn open_ends_that_touch_do_not_intersect() {
        let a = Interval::new(Bound::Open(q(1, 1)), Bound::Open(q(2, 1))).unwrap();
        assert!(!a.relate(RelOp::Eq, &c(2, 3)));
        assert!(c(1, 2).relate(RelOp::Eq, &c(2, 3)));
    }

    #[test]
    fn products_take_extremes_of_end_products() {
        assert_eq!(c(-2, 3).mul(&c(-5, 4)), c(-15, 12));
        let half_open = Interval::new(Bound::Open(q(0, 1)), Bound::Closed(q(1, 1))).unwrap();
        let product = half_open.mul(&Interval::above(q(1, 1), true));
        assert_eq!(product, Interval::above(q(0, 1), false));
        assert_eq!(
            c(0, 1).mul(&Interval::above(q(1, 1), true)),
            Interval::above(q(0, 1), true)
        );
    }

    #[test]
    fn division_by_zero_containing_interval_is_an_error() {
        assert_eq!(c(1, 2).div(&c(-1, 1)), Err(DivisorContainsZero));
        let positive = Interval::new(Bound::Open(q(0, 1)), Bound::Closed(q(2, 1))).unwrap();
        assert_eq!(
            c(1, 1).div(&positive).unwrap(),
            Interval::above(q(1, 2), true)
        );
    }

    #[test]
    fn orderings_hold_for_some_pair() {
        assert!(c(1, 5).relate(RelOp::Lt, &c(0, 2)));
        assert!(!c(2, 5).relate(RelOp::Lt, &c(0, 2)));
        assert!(c(2, 5).relate(RelOp::Le, &c(0, 2)));
        assert!(!c(2, 2).relate(RelOp::Ne, &c(2, 2)));
        assert!(c(2, 3).relate(RelOp::Ne, &c(2, 2)));
    }

    #[test]
    fn min_and_max_of_intervals() {
        assert_eq!(c(1, 5).min(&c(2, 3)), c(1, 3));
        assert_eq!(c(1, 5).max(&c(2, 3)), c(2, 5));
    }
}
