//! A small exact decimal: `mantissa × 10^-scale`, with an `i128` mantissa.
//!
//! Enough for every figure a government report states (万亿元 amounts with several
//! decimals fit many times over), and exact: `16.4亿` is `1640000000`, never
//! `1639999999.9999998`. No floating point is ever used for arithmetic; [`Decimal::to_f64`]
//! exists for display only.
//!
//! Values are kept normalized (no trailing zeros in the mantissa when `scale > 0`), so the
//! derived `Eq` and `Hash` compare numeric values.

use std::fmt;

use serde::{Serialize, Serializer};

/// The largest scale accepted (digits after the decimal point).
pub const MAX_SCALE: u32 = 30;

/// An exact decimal number `mantissa × 10^-scale`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Decimal {
    mantissa: i128,
    scale: u32,
}

fn pow10(k: u32) -> Option<i128> {
    10i128.checked_pow(k)
}

impl Decimal {
    /// Zero.
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        scale: 0,
    };

    /// `mantissa × 10^-scale`, normalized. `None` when `scale` exceeds [`MAX_SCALE`].
    pub fn from_parts(mantissa: i128, scale: u32) -> Option<Decimal> {
        if scale > MAX_SCALE {
            return None;
        }
        Some(Decimal { mantissa, scale }.normalized())
    }

    /// An integer.
    pub fn from_int(n: i128) -> Decimal {
        Decimal {
            mantissa: n,
            scale: 0,
        }
    }

    /// A plain decimal as written (`-12.5`, `3`, `0.001`); `None` for anything else.
    pub fn parse_plain(s: &str) -> Option<Decimal> {
        let (neg, digits) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
        if int.is_empty() || !int.chars().chain(frac.chars()).all(|c| c.is_ascii_digit()) {
            return None;
        }
        let mantissa: i128 = format!("{int}{frac}").parse().ok()?;
        let d = Decimal::from_parts(mantissa, u32::try_from(frac.len()).ok()?)?;
        Some(if neg { -d } else { d })
    }

    /// The mantissa (normalized).
    pub fn mantissa(self) -> i128 {
        self.mantissa
    }

    /// The number of digits after the decimal point (normalized).
    pub fn scale(self) -> u32 {
        self.scale
    }

    /// True when the value has no fractional part.
    pub fn is_integer(self) -> bool {
        self.scale == 0
    }

    fn normalized(mut self) -> Decimal {
        if self.mantissa == 0 {
            self.scale = 0;
        }
        while self.scale > 0 && self.mantissa % 10 == 0 {
            self.mantissa /= 10;
            self.scale -= 1;
        }
        self
    }

    /// `self × 10^k`, `None` on overflow. This is how 万 (k = 4), 亿 (8) and 万亿 (12) apply.
    pub fn checked_mul_pow10(self, k: u32) -> Option<Decimal> {
        if self.scale >= k {
            return Some(Decimal {
                mantissa: self.mantissa,
                scale: self.scale - k,
            });
        }
        let m = self.mantissa.checked_mul(pow10(k - self.scale)?)?;
        Some(Decimal {
            mantissa: m,
            scale: 0,
        })
    }

    /// Both mantissas brought to the larger scale.
    fn aligned(self, other: Decimal) -> Option<(i128, i128, u32)> {
        let s = self.scale.max(other.scale);
        let a = self.mantissa.checked_mul(pow10(s - self.scale)?)?;
        let b = other.mantissa.checked_mul(pow10(s - other.scale)?)?;
        Some((a, b, s))
    }

    /// `self + other`, `None` on overflow.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let (a, b, s) = self.aligned(other)?;
        Decimal::from_parts(a.checked_add(b)?, s)
    }

    /// `self × other`, `None` on overflow.
    pub fn checked_mul(self, other: Decimal) -> Option<Decimal> {
        let m = self.mantissa.checked_mul(other.mantissa)?;
        let s = self.scale + other.scale;
        if s > MAX_SCALE {
            return None;
        }
        Decimal::from_parts(m, s)
    }

    /// `self / other` and whether the quotient is exact. A quotient that does not
    /// terminate (1/3) is rounded half-up to `max_scale` digits and reported inexact.
    /// `None` when `other` is zero or on overflow.
    pub fn checked_div(self, other: Decimal, max_scale: u32) -> Option<(Decimal, bool)> {
        if other.mantissa == 0 || max_scale > MAX_SCALE {
            return None;
        }
        let (a, b, _) = self.aligned(other)?;
        // a / b, digit by digit.
        let neg = (a < 0) != (b < 0);
        let (a, b) = (a.checked_abs()?, b.checked_abs()?);
        let mut q = a / b;
        let mut r = a % b;
        let mut scale = 0;
        while r != 0 && scale < max_scale {
            r = r.checked_mul(10)?;
            q = q.checked_mul(10)?.checked_add(r / b)?;
            r %= b;
            scale += 1;
        }
        let exact = r == 0;
        if !exact && r.checked_mul(2)? >= b {
            q = q.checked_add(1)?;
        }
        let q = if neg { -q } else { q };
        Some((Decimal::from_parts(q, scale)?, exact))
    }

    /// Compare two decimals; `None` only if aligning them overflows.
    pub fn checked_cmp(self, other: Decimal) -> Option<std::cmp::Ordering> {
        let (a, b, _) = self.aligned(other)?;
        Some(a.cmp(&b))
    }

    /// The nearest `f64` (lossy; for display and sorting only, never for arithmetic).
    pub fn to_f64(self) -> f64 {
        self.to_string().parse().unwrap_or(f64::NAN)
    }
}

/// Minus a decimal (a fall is signed: 下降3.3% → −3.3).
impl std::ops::Neg for Decimal {
    type Output = Decimal;

    fn neg(self) -> Decimal {
        Decimal {
            mantissa: -self.mantissa,
            scale: self.scale,
        }
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.mantissa.unsigned_abs().to_string();
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let scale = self.scale as usize;
        if scale == 0 {
            return write!(f, "{sign}{digits}");
        }
        let padded = if digits.len() <= scale {
            format!("{}{}", "0".repeat(scale + 1 - digits.len()), digits)
        } else {
            digits
        };
        let (int, frac) = padded.split_at(padded.len() - scale);
        write!(f, "{sign}{int}.{frac}")
    }
}

/// Serialized as a JSON **number** whenever that is exact, otherwise as a **string**:
///
/// - integers that fit in `i64` → an integer (`933300`);
/// - other values whose shortest `f64` rendering is the same decimal (`93.33`, `0.2`)
///   → a float, which serde_json writes back as exactly those digits;
/// - anything else (more digits than an `f64` carries) → the decimal string
///   (`"1234567890.123456789"`), so no precision is ever silently lost.
impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.scale == 0 {
            if let Ok(i) = i64::try_from(self.mantissa) {
                return serializer.serialize_i64(i);
            }
        }
        let s = self.to_string();
        let f: f64 = s.parse().unwrap_or(f64::NAN);
        if f.is_finite() && format!("{f}") == s {
            serializer.serialize_f64(f)
        } else {
            serializer.serialize_str(&s)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: i128, s: u32) -> Decimal {
        Decimal::from_parts(m, s).unwrap()
    }

    #[test]
    fn normalizes_and_displays() {
        assert_eq!(d(9333, 2).to_string(), "93.33");
        assert_eq!(d(1200, 2).to_string(), "12");
        assert_eq!(d(5, 3).to_string(), "0.005");
        assert_eq!(d(-15, 1).to_string(), "-1.5");
        assert_eq!(d(0, 7), Decimal::ZERO);
        assert_eq!(d(1200, 2), Decimal::from_int(12));
    }

    #[test]
    fn multiplies_by_powers_of_ten_exactly() {
        assert_eq!(
            d(164, 1).checked_mul_pow10(8).unwrap(),
            Decimal::from_int(1_640_000_000)
        );
        assert_eq!(
            d(9333, 2).checked_mul_pow10(4).unwrap(),
            Decimal::from_int(933_300)
        );
        assert_eq!(
            d(47264287, 6).checked_mul_pow10(8).unwrap(),
            Decimal::from_int(4_726_428_700)
        );
        assert_eq!(
            d(666, 2).checked_mul_pow10(12).unwrap(),
            Decimal::from_int(6_660_000_000_000)
        );
        assert_eq!(d(12345, 4).checked_mul_pow10(2).unwrap(), d(12345, 2));
        assert!(Decimal::from_int(i128::MAX / 10)
            .checked_mul_pow10(2)
            .is_none());
    }

    #[test]
    fn adds_multiplies_divides() {
        assert_eq!(d(15, 1).checked_add(d(25, 2)).unwrap(), d(175, 2));
        assert_eq!(d(15, 1).checked_mul(d(2, 0)).unwrap(), Decimal::from_int(3));
        assert_eq!(
            Decimal::from_int(1)
                .checked_div(Decimal::from_int(4), 10)
                .unwrap(),
            (d(25, 2), true)
        );
        let (third, exact) = Decimal::from_int(1)
            .checked_div(Decimal::from_int(3), 6)
            .unwrap();
        assert_eq!((third, exact), (d(333333, 6), false));
        let (two_thirds, _) = Decimal::from_int(2)
            .checked_div(Decimal::from_int(3), 4)
            .unwrap();
        assert_eq!(two_thirds, d(6667, 4));
        assert!(Decimal::from_int(1).checked_div(Decimal::ZERO, 4).is_none());
        assert_eq!(
            d(5, 1).checked_cmp(d(45, 2)),
            Some(std::cmp::Ordering::Greater)
        );
    }

    #[test]
    fn serializes_without_float_error() {
        let j = |x: Decimal| serde_json::to_string(&x).unwrap();
        assert_eq!(j(Decimal::from_int(933300)), "933300");
        assert_eq!(j(d(9333, 2)), "93.33");
        assert_eq!(j(d(2, 1)), "0.2");
        assert_eq!(j(d(1234567890123456789, 9)), "\"1234567890.123456789\"");
        assert_eq!(
            j(Decimal::from_int(i128::from(i64::MAX) * 10)),
            "\"92233720368547758070\""
        );
        assert_eq!(d(9333, 2).to_f64(), 93.33);
    }
}
