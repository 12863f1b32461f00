//! Intervals of exact rationals with closed, open or infinite ends, and the
//! interval arithmetic of spec section 5.
//!
//! The arithmetic is written once for any exact number type ([`Exact`]): the
//! checker runs it on [`Rational`](super::rational::Rational), which stays in
//! machine integers while values fit, and the default [`BigRational`] is the
//! plain big-number reference the fast one is tested against.

use crate::ast::RelOp;
use num_rational::BigRational;
use num_traits::{One, Signed, Zero};
use std::cmp::Ordering;
use std::fmt;

/// The exact field operations interval arithmetic needs.
pub trait Exact: Clone + Ord + fmt::Debug + fmt::Display {
    fn zero() -> Self;
    fn is_zero(&self) -> bool;
    fn is_negative(&self) -> bool;
    fn plus(&self, other: &Self) -> Self;
    fn minus(&self, other: &Self) -> Self;
    fn times(&self, other: &Self) -> Self;
    fn negated(&self) -> Self;
    /// `1 / self`; `None` for zero.
    fn reciprocal(&self) -> Option<Self>;
}

impl Exact for BigRational {
    fn zero() -> Self {
        Zero::zero()
    }
    fn is_zero(&self) -> bool {
        Zero::is_zero(self)
    }
    fn is_negative(&self) -> bool {
        Signed::is_negative(self)
    }
    fn plus(&self, other: &Self) -> Self {
        self + other
    }
    fn minus(&self, other: &Self) -> Self {
        self - other
    }
    fn times(&self, other: &Self) -> Self {
        self * other
    }
    fn negated(&self) -> Self {
        -self
    }
    fn reciprocal(&self) -> Option<Self> {
        (!Zero::is_zero(self)).then(|| BigRational::one() / self)
    }
}

/// One end of an interval. `Unbounded` is `-inf` at the lower end and `+inf`
/// at the upper end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bound<N = BigRational> {
    Unbounded,
    Closed(N),
    Open(N),
}

impl<N: Exact> Bound<N> {
    pub fn value(&self) -> Option<&N> {
        match self {
            Bound::Unbounded => None,
            Bound::Closed(v) | Bound::Open(v) => Some(v),
        }
    }

    pub fn is_closed(&self) -> bool {
        matches!(self, Bound::Closed(_))
    }

    /// The same kind of end at `f(value)`.
    pub fn map<M>(&self, f: impl FnOnce(&N) -> M) -> Bound<M> {
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
pub struct Interval<N = BigRational> {
    lo: Bound<N>,
    hi: Bound<N>,
}

impl<N: Exact> Interval<N> {
    /// The interval between two ends, or `None` when it would be empty.
    pub fn new(lo: Bound<N>, hi: Bound<N>) -> Option<Interval<N>> {
        match (lo.value(), hi.value()) {
            (Some(l), Some(h)) => match l.cmp(h) {
                Ordering::Greater => None,
                Ordering::Equal if !(lo.is_closed() && hi.is_closed()) => None,
                _ => Some(Interval { lo, hi }),
            },
            _ => Some(Interval { lo, hi }),
        }
    }

    pub fn point(value: N) -> Interval<N> {
        Interval {
            lo: Bound::Closed(value.clone()),
            hi: Bound::Closed(value),
        }
    }

    /// `[min(a, b), max(a, b)]`: the order of the arguments does not matter.
    pub fn closed(a: N, b: N) -> Interval<N> {
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
    pub fn whole() -> Interval<N> {
        Interval {
            lo: Bound::Unbounded,
            hi: Bound::Unbounded,
        }
    }

    /// `(v, +inf)` or `[v, +inf)`.
    pub fn above(value: N, closed: bool) -> Interval<N> {
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
    pub fn below(value: N, closed: bool) -> Interval<N> {
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

    pub fn lo(&self) -> &Bound<N> {
        &self.lo
    }

    pub fn hi(&self) -> &Bound<N> {
        &self.hi
    }

    /// The same interval with its ends in another number type; `f` must keep
    /// the value (it converts, it does not compute).
    pub fn convert<M: Exact>(&self, f: impl Fn(&N) -> M) -> Interval<M> {
        Interval {
            lo: self.lo.map(&f),
            hi: self.hi.map(&f),
        }
    }

    /// The single value of a degenerate interval `[v, v]`.
    pub fn as_point(&self) -> Option<&N> {
        match (&self.lo, &self.hi) {
            (Bound::Closed(l), Bound::Closed(h)) if l == h => Some(l),
            _ => None,
        }
    }

    /// `hi - lo`, or `None` for an unbounded interval.
    pub fn width(&self) -> Option<N> {
        Some(self.hi.value()?.minus(self.lo.value()?))
    }

    pub fn contains(&self, x: &N) -> bool {
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
        self.contains(&N::zero())
    }

    /// Whether every value of `self` lies in `other`.
    pub fn is_subset_of(&self, other: &Interval<N>) -> bool {
        compare_lower(&other.lo, &self.lo) != Ordering::Greater
            && compare_upper(&self.hi, &other.hi) != Ordering::Greater
    }

    /// `[a,b] + [c,d] = [a+c, b+d]`.
    pub fn add(&self, other: &Interval<N>) -> Interval<N> {
        Interval {
            lo: add_bounds(&self.lo, &other.lo),
            hi: add_bounds(&self.hi, &other.hi),
        }
    }

    /// `[a,b] - [c,d] = [a-d, b-c]`.
    pub fn sub(&self, other: &Interval<N>) -> Interval<N> {
        Interval {
            lo: sub_bounds(&self.lo, &other.hi),
            hi: sub_bounds(&self.hi, &other.lo),
        }
    }

    pub fn neg(&self) -> Interval<N> {
        Interval {
            lo: self.hi.map(N::negated),
            hi: self.lo.map(N::negated),
        }
    }

    /// The extremes of the four end products; `0 * inf` counts as 0, which is
    /// a limit point of the product set whenever it arises.
    pub fn mul(&self, other: &Interval<N>) -> Interval<N> {
        let (a_lo, a_hi) = (Extended::lower(&self.lo), Extended::upper(&self.hi));
        let (b_lo, b_hi) = (Extended::lower(&other.lo), Extended::upper(&other.hi));
        let products = [
            a_lo.mul(&b_lo),
            a_lo.mul(&b_hi),
            a_hi.mul(&b_lo),
            a_hi.mul(&b_hi),
        ];
        // Ties keep the earlier product, as a left-to-right scan would.
        let (mut lowest, mut highest) = (0, 0);
        for (i, p) in products.iter().enumerate().skip(1) {
            if p.below_as_lower(&products[lowest]) {
                lowest = i;
            }
            if p.above_as_upper(&products[highest]) {
                highest = i;
            }
        }
        let lo = products[lowest].clone().into_lower();
        let hi = products[highest].clone().into_upper();
        Interval { lo, hi }
    }

    /// `{1/x : x in self}`; an error when `self` contains zero. An open zero
    /// end is allowed and gives an infinite end.
    pub fn recip(&self) -> Result<Interval<N>, DivisorContainsZero> {
        if self.contains_zero() {
            return Err(DivisorContainsZero);
        }
        Ok(Interval {
            lo: recip_bound(&self.hi),
            hi: recip_bound(&self.lo),
        })
    }

    pub fn div(&self, divisor: &Interval<N>) -> Result<Interval<N>, DivisorContainsZero> {
        Ok(self.mul(&divisor.recip()?))
    }

    /// Multiplies by a constant factor: [`Interval::mul`] by the point
    /// `[factor, factor]`. Scaling is frequent (every figure with a
    /// converted unit: `%`, `pp`, weeks, months, years); a nonzero factor
    /// maps each end alone, two products instead of four and their
    /// comparisons.
    pub fn scale(&self, factor: &N) -> Interval<N> {
        let times = |v: &N| v.times(factor);
        if factor.is_zero() {
            self.mul(&Interval::point(factor.clone()))
        } else if factor.is_negative() {
            Interval {
                lo: self.hi.map(times),
                hi: self.lo.map(times),
            }
        } else {
            Interval {
                lo: self.lo.map(times),
                hi: self.hi.map(times),
            }
        }
    }

    /// `{min(x, y)}`.
    pub fn min(&self, other: &Interval<N>) -> Interval<N> {
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
    pub fn max(&self, other: &Interval<N>) -> Interval<N> {
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
    pub fn sum<'a>(items: impl IntoIterator<Item = &'a Interval<N>>) -> Interval<N>
    where
        N: 'a,
    {
        items
            .into_iter()
            .fold(Interval::point(N::zero()), |acc, x| acc.add(x))
    }

    pub fn intersect(&self, other: &Interval<N>) -> Option<Interval<N>> {
        Interval::new(
            pick(&self.lo, &other.lo, |a, b| {
                compare_lower(a, b) != Ordering::Less
            }),
            pick(&self.hi, &other.hi, |a, b| {
                compare_upper(a, b) != Ordering::Greater
            }),
        )
    }

    /// Whether the intervals share a value; [`Interval::intersect`] without
    /// building the intersection.
    pub fn meets(&self, other: &Interval<N>) -> bool {
        let lo = if compare_lower(&self.lo, &other.lo) != Ordering::Less {
            &self.lo
        } else {
            &other.lo
        };
        let hi = if compare_upper(&self.hi, &other.hi) != Ordering::Greater {
            &self.hi
        } else {
            &other.hi
        };
        match (lo.value(), hi.value()) {
            (Some(l), Some(h)) => match l.cmp(h) {
                Ordering::Greater => false,
                Ordering::Equal => lo.is_closed() && hi.is_closed(),
                Ordering::Less => true,
            },
            _ => true,
        }
    }

    /// Spec section 5: `=` when the intervals intersect; `!=` unless both are
    /// the same single point; the orderings when some pair of values satisfies
    /// them.
    pub fn relate(&self, op: RelOp, other: &Interval<N>) -> bool {
        match op {
            RelOp::Eq => self.meets(other),
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
fn some_pair_below<N: Exact>(a: &Interval<N>, b: &Interval<N>, or_equal: bool) -> bool {
    match (&a.lo, &b.hi) {
        (Bound::Unbounded, _) | (_, Bound::Unbounded) => true,
        (lo, hi) => match (lo.value(), hi.value()) {
            (Some(x), Some(y)) => x < y || (or_equal && x == y && lo.is_closed() && hi.is_closed()),
            _ => true,
        },
    }
}

fn pick<N: Exact>(
    a: &Bound<N>,
    b: &Bound<N>,
    prefer_a: impl Fn(&Bound<N>, &Bound<N>) -> bool,
) -> Bound<N> {
    if prefer_a(a, b) { a.clone() } else { b.clone() }
}

/// Orders lower ends by where the interval starts: `-inf` first, and at one
/// value a closed end before an open one.
fn compare_lower<N: Exact>(a: &Bound<N>, b: &Bound<N>) -> Ordering {
    match (a, b) {
        (Bound::Unbounded, Bound::Unbounded) => Ordering::Equal,
        (Bound::Unbounded, _) => Ordering::Less,
        (_, Bound::Unbounded) => Ordering::Greater,
        _ => compare_finite(a, b, true),
    }
}

/// Orders upper ends by where the interval stops: `+inf` last, and at one
/// value an open end before a closed one.
fn compare_upper<N: Exact>(a: &Bound<N>, b: &Bound<N>) -> Ordering {
    match (a, b) {
        (Bound::Unbounded, Bound::Unbounded) => Ordering::Equal,
        (Bound::Unbounded, _) => Ordering::Greater,
        (_, Bound::Unbounded) => Ordering::Less,
        _ => compare_finite(a, b, false),
    }
}

fn compare_finite<N: Exact>(a: &Bound<N>, b: &Bound<N>, closed_first: bool) -> Ordering {
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

fn add_bounds<N: Exact>(a: &Bound<N>, b: &Bound<N>) -> Bound<N> {
    combine_bounds(a, b, N::plus)
}

fn sub_bounds<N: Exact>(a: &Bound<N>, b: &Bound<N>) -> Bound<N> {
    combine_bounds(a, b, N::minus)
}

/// An end of a sum or difference: closed only when both ends are.
fn combine_bounds<N: Exact>(a: &Bound<N>, b: &Bound<N>, op: impl Fn(&N, &N) -> N) -> Bound<N> {
    match (a, b) {
        (Bound::Closed(x), Bound::Closed(y)) => Bound::Closed(op(x, y)),
        (Bound::Unbounded, _) | (_, Bound::Unbounded) => Bound::Unbounded,
        (x, y) => match (x.value(), y.value()) {
            (Some(x), Some(y)) => Bound::Open(op(x, y)),
            _ => Bound::Unbounded,
        },
    }
}

/// `1/end`, for an interval that does not contain zero: an infinite end gives
/// an open zero, an open zero end gives an infinite end.
fn recip_bound<N: Exact>(end: &Bound<N>) -> Bound<N> {
    match end {
        Bound::Unbounded => Bound::Open(N::zero()),
        // A zero end is open here: recip() has refused intervals containing
        // zero, so a closed zero end does not reach this point.
        Bound::Closed(v) | Bound::Open(v) => match v.reciprocal() {
            Some(r) if end.is_closed() => Bound::Closed(r),
            Some(r) => Bound::Open(r),
            None => Bound::Unbounded,
        },
    }
}

/// An end on the extended real line, for products.
#[derive(Debug, Clone)]
enum Extended<N> {
    NegInf,
    Finite { value: N, closed: bool },
    PosInf,
}

impl<N: Exact> Extended<N> {
    fn lower(bound: &Bound<N>) -> Extended<N> {
        match bound {
            Bound::Unbounded => Extended::NegInf,
            b => Extended::finite(b),
        }
    }

    fn upper(bound: &Bound<N>) -> Extended<N> {
        match bound {
            Bound::Unbounded => Extended::PosInf,
            b => Extended::finite(b),
        }
    }

    fn finite(bound: &Bound<N>) -> Extended<N> {
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
            Extended::Finite { value, .. } if value.is_zero() => Ordering::Equal,
            Extended::Finite { value, .. } if value.is_negative() => Ordering::Less,
            Extended::Finite { .. } => Ordering::Greater,
        }
    }

    fn infinity(sign: Ordering) -> Extended<N> {
        if sign == Ordering::Less {
            Extended::NegInf
        } else {
            Extended::PosInf
        }
    }

    /// The product of two ends. A closed zero end makes the product 0 attained
    /// whatever the other end is, since that zero is a member of its interval.
    fn mul(&self, other: &Extended<N>) -> Extended<N> {
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
                    value: x.times(y),
                    closed,
                }
            }
            (Extended::Finite { value, closed }, infinite)
            | (infinite, Extended::Finite { value, closed }) => {
                if value.is_zero() {
                    Extended::Finite {
                        value: N::zero(),
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

    fn cmp_value(&self, other: &Extended<N>) -> Ordering {
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
    fn below_as_lower(&self, other: &Extended<N>) -> bool {
        match self.cmp_value(other) {
            Ordering::Less => true,
            Ordering::Equal => self.is_closed() && !other.is_closed(),
            Ordering::Greater => false,
        }
    }

    fn above_as_upper(&self, other: &Extended<N>) -> bool {
        match self.cmp_value(other) {
            Ordering::Greater => true,
            Ordering::Equal => self.is_closed() && !other.is_closed(),
            Ordering::Less => false,
        }
    }

    fn into_lower(self) -> Bound<N> {
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

    fn into_upper(self) -> Bound<N> {
        self.into_lower()
    }
}

impl<N: Exact> fmt::Display for Interval<N> {
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
