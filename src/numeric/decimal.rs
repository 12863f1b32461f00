//! Exact decimal numbers: powers of ten and the value of digits as written.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Zero};

/// The largest power of ten ever built. The parser limits exponents to 1000;
/// this bound keeps a malformed tree from asking for a gigantic number.
pub const MAX_DECIMAL_EXPONENT: i64 = 4096;

/// `10^exponent` exactly, or `None` beyond [`MAX_DECIMAL_EXPONENT`].
pub fn pow10(exponent: i64) -> Option<BigRational> {
    if exponent.abs() > MAX_DECIMAL_EXPONENT {
        return None;
    }
    let magnitude = u32::try_from(exponent.unsigned_abs()).ok()?;
    let power = num_traits::pow(BigInt::from(10u8), magnitude as usize);
    Some(if exponent >= 0 {
        BigRational::from_integer(power)
    } else {
        BigRational::new(BigInt::one(), power)
    })
}

/// The integer spelled by ASCII digits (`""` is 0); `None` for other text.
pub fn digits_value(digits: &str) -> Option<BigInt> {
    if digits.is_empty() {
        return Some(BigInt::zero());
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    BigInt::parse_bytes(digits.as_bytes(), 10)
}

/// `n / d` for small constants.
pub fn ratio(n: i64, d: i64) -> BigRational {
    BigRational::new(BigInt::from(n), BigInt::from(d))
}

/// The number of decimal digits of `|n|` (1 for zero).
pub fn digit_count(n: &BigInt) -> i64 {
    let text = n.magnitude().to_str_radix(10);
    i64::try_from(text.len()).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_and_tiny_powers_are_fast_and_bounded() {
        let big = pow10(1000).unwrap();
        let small = pow10(-1000).unwrap();
        assert!((big * small).is_one());
        assert!(pow10(MAX_DECIMAL_EXPONENT + 1).is_none());
    }

    #[test]
    fn digits_as_written() {
        assert_eq!(digits_value("003366"), Some(BigInt::from(3366)));
        assert_eq!(digits_value(""), Some(BigInt::zero()));
        assert_eq!(digits_value("3,3"), None);
    }
}
