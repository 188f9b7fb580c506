//! Arithmetic and comparison on `bool`, `int` and `float`, with CPython's semantics.
//!
//! Integers are `i64` until an operation overflows, then `BigInt`; results are normalised back
//! to `i64` whenever they fit. Division and modulo floor toward negative infinity; `int / int`
//! is correctly rounded even for huge operands; comparisons between `int` and `float` are exact
//! (`2**53 + 1 != 2.0**53`). Error messages are CPython's word for word.
//!
//! Every binary operation returns `None` when an operand is not a number, so the VM can try
//! the reflected method or report the unsupported operand types.

use std::cmp::Ordering;
use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::value::Value;
use crate::error::{PyErr, PyResult};
use crate::syntax::ast::BinOp;

/// A numeric operand, widened.
enum Num {
    Int(i64),
    Big(Rc<BigInt>),
    Float(f64),
}

fn num(v: &Value) -> Option<Num> {
    Some(match v {
        Value::Int(i) => Num::Int(*i),
        Value::Bool(b) => Num::Int(*b as i64),
        Value::BigInt(b) => Num::Big(b.clone()),
        Value::Float(f) => Num::Float(*f),
        _ => return None,
    })
}

pub fn is_number(v: &Value) -> bool {
    matches!(
        v,
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_)
    )
}

pub fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

/// The value of an int operand as a `BigInt`.
pub fn to_bigint(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

/// `float(int)`, with CPython's overflow error.
pub fn bigint_to_f64(b: &BigInt) -> PyResult<f64> {
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(PyErr::overflow_error("int too large to convert to float")),
    }
}

fn as_f64(n: &Num) -> PyResult<f64> {
    Ok(match n {
        Num::Int(i) => *i as f64,
        Num::Big(b) => bigint_to_f64(b)?,
        Num::Float(f) => *f,
    })
}

fn big(n: &Num) -> BigInt {
    match n {
        Num::Int(i) => BigInt::from(*i),
        Num::Big(b) => (**b).clone(),
        Num::Float(_) => BigInt::zero(),
    }
}

/// Applies a binary arithmetic operator to two numbers. `None` if either is not a number or
/// the operator does not apply (`@`, bitwise operators on floats).
pub fn binary_op(op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    // The hot path: two small ints.
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        if let Some(r) = int_op_fast(op, *x, *y) {
            return Some(r);
        }
    }
    let (x, y) = (num(a)?, num(b)?);
    match (&x, &y) {
        (Num::Float(_), _) | (_, Num::Float(_)) => float_op(op, &x, &y),
        _ => int_op_big(op, big(&x), big(&y)),
    }
}

fn int_op_fast(op: BinOp, x: i64, y: i64) -> Option<PyResult<Value>> {
    let r = match op {
        BinOp::Add => x.checked_add(y).map(Value::Int),
        BinOp::Sub => x.checked_sub(y).map(Value::Int),
        BinOp::Mult => x.checked_mul(y).map(Value::Int),
        BinOp::FloorDiv => {
            if y == 0 {
                return Some(Err(PyErr::zero_division(
                    "integer division or modulo by zero",
                )));
            }
            x.checked_div_euclid(y)
                .map(|_| Value::Int(num_integer::Integer::div_floor(&x, &y)))
        }
        BinOp::Mod => {
            if y == 0 {
                return Some(Err(PyErr::zero_division("integer modulo by zero")));
            }
            x.checked_rem(y).map(|_| Value::Int(x.mod_floor(&y)))
        }
        BinOp::Div => return Some(int_true_div(&BigInt::from(x), &BigInt::from(y), x, y)),
        BinOp::BitAnd => Some(Value::Int(x & y)),
        BinOp::BitOr => Some(Value::Int(x | y)),
        BinOp::BitXor => Some(Value::Int(x ^ y)),
        BinOp::LShift => {
            if y < 0 {
                return Some(Err(PyErr::value_error("negative shift count")));
            }
            if y < 63 && (x == 0 || (x.unsigned_abs().leading_zeros() as i64) > y + 1) {
                Some(Value::Int(x << y))
            } else {
                None
            }
        }
        BinOp::RShift => {
            if y < 0 {
                return Some(Err(PyErr::value_error("negative shift count")));
            }
            Some(Value::Int(if y >= 64 {
                if x < 0 {
                    -1
                } else {
                    0
                }
            } else {
                x >> y
            }))
        }
        BinOp::Pow => {
            if y < 0 {
                return Some(float_pow(x as f64, y as f64));
            }
            u32::try_from(y)
                .ok()
                .and_then(|e| x.checked_pow(e))
                .map(Value::Int)
        }
        BinOp::MatMult => return None,
    };
    match r {
        Some(v) => Some(Ok(v)),
        None => int_op_big(op, BigInt::from(x), BigInt::from(y)),
    }
}

fn int_op_big(op: BinOp, x: BigInt, y: BigInt) -> Option<PyResult<Value>> {
    Some(Ok(Value::from_bigint(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mult => x * y,
        BinOp::FloorDiv => {
            if y.is_zero() {
                return Some(Err(PyErr::zero_division(
                    "integer division or modulo by zero",
                )));
            }
            x.div_floor(&y)
        }
        BinOp::Mod => {
            if y.is_zero() {
                return Some(Err(PyErr::zero_division("integer modulo by zero")));
            }
            x.mod_floor(&y)
        }
        BinOp::Div => {
            let (xs, ys) = (
                x.to_i64().unwrap_or(i64::MAX),
                y.to_i64().unwrap_or(i64::MAX),
            );
            return Some(int_true_div(&x, &y, xs, ys));
        }
        BinOp::BitAnd => x & y,
        BinOp::BitOr => x | y,
        BinOp::BitXor => x ^ y,
        BinOp::LShift => {
            if y.is_negative() {
                return Some(Err(PyErr::value_error("negative shift count")));
            }
            match y.to_usize() {
                Some(s) if s < (1 << 32) => x << s,
                _ if x.is_zero() => x,
                _ => return Some(Err(PyErr::overflow_error("too many digits in integer"))),
            }
        }
        BinOp::RShift => {
            if y.is_negative() {
                return Some(Err(PyErr::value_error("negative shift count")));
            }
            match y.to_usize() {
                Some(s) => {
                    // Floor semantics for negative numbers, as Python's >> has.
                    if x.is_negative() {
                        -((-x - 1u32) >> s) - 1u32
                    } else {
                        x >> s
                    }
                }
                None => {
                    if x.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                }
            }
        }
        BinOp::Pow => {
            if y.is_negative() {
                let (xf, yf) = match (bigint_to_f64(&x), bigint_to_f64(&y)) {
                    (Ok(a), Ok(b)) => (a, b),
                    (Err(e), _) | (_, Err(e)) => return Some(Err(e)),
                };
                return Some(float_pow(xf, yf));
            }
            match y.to_u32() {
                Some(e) => num_traits::pow::Pow::pow(&x, e),
                None if x.is_zero() || x.is_one() => x,
                None if x == BigInt::from(-1) => {
                    if y.is_even() {
                        BigInt::one()
                    } else {
                        x
                    }
                }
                None => return Some(Err(PyErr::memory_error())),
            }
        }
        BinOp::MatMult => return None,
    })))
}

/// `int / int`: exact when both fit in 53 bits, otherwise correctly rounded from the exact
/// quotient, as CPython's `long_true_divide` does.
fn int_true_div(x: &BigInt, y: &BigInt, xs: i64, ys: i64) -> PyResult<Value> {
    if y.is_zero() {
        return Err(PyErr::zero_division("division by zero"));
    }
    const EXACT: i64 = 1 << 53;
    if xs.abs() <= EXACT && ys.abs() <= EXACT && xs != i64::MAX && ys != i64::MAX {
        return Ok(Value::Float(xs as f64 / ys as f64));
    }
    let negative = x.is_negative() != y.is_negative();
    let (a, b) = (x.abs(), y.abs());
    // Scale so the integer quotient has at least 55 significant bits, then round half to even
    // on the bits below the 53 kept ones by folding the remainder into a sticky bit.
    let shift = b.bits() as i64 - a.bits() as i64 + 55;
    let (num, den) = if shift >= 0 {
        (a << shift as usize, b)
    } else {
        (a, b << (-shift) as usize)
    };
    let (q, r) = num.div_rem(&den);
    let mut q = q;
    if !r.is_zero() {
        q |= BigInt::one();
    }
    // q has 55 or 56 bits; keep 53 with round-half-even.
    let extra = q.bits() as i64 - 53;
    let mut mant = &q >> extra as usize;
    let rem_mask = (BigInt::one() << extra as usize) - 1u32;
    let rem = &q & &rem_mask;
    let half = BigInt::one() << (extra as usize - 1);
    if rem > half || (rem == half && mant.is_odd()) {
        mant += 1u32;
    }
    let exp = extra - shift;
    let m = mant.to_f64().unwrap_or(f64::INFINITY);
    let value = m * 2f64.powi(exp.clamp(-2000, 2000) as i32);
    let value = if exp < -1000 {
        // Avoid double rounding through a huge negative power: scale in two steps.
        m * 2f64.powi((exp / 2) as i32) * 2f64.powi((exp - exp / 2) as i32)
    } else {
        value
    };
    if value.is_infinite() {
        return Err(PyErr::overflow_error(
            "integer division result too large for a float",
        ));
    }
    Ok(Value::Float(if negative { -value } else { value }))
}

fn float_op(op: BinOp, x: &Num, y: &Num) -> Option<PyResult<Value>> {
    let (a, b) = match (as_f64(x), as_f64(y)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => return Some(Err(e)),
    };
    Some(Ok(Value::Float(match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mult => a * b,
        BinOp::Div => {
            if b == 0.0 {
                return Some(Err(PyErr::zero_division("float division by zero")));
            }
            a / b
        }
        BinOp::FloorDiv => {
            if b == 0.0 {
                return Some(Err(PyErr::zero_division("float floor division by zero")));
            }
            float_divmod(a, b).0
        }
        BinOp::Mod => {
            if b == 0.0 {
                return Some(Err(PyErr::zero_division("float modulo")));
            }
            float_divmod(a, b).1
        }
        BinOp::Pow => return Some(float_pow(a, b)),
        _ => return None,
    })))
}

/// CPython's `float_divmod`: floor quotient and a remainder with the divisor's sign.
pub fn float_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `float ** float` with CPython's special cases and errors.
pub fn float_pow(a: f64, b: f64) -> PyResult<Value> {
    if b == 0.0 {
        return Ok(Value::Float(1.0));
    }
    if a.is_nan() {
        return Ok(Value::Float(if b == 0.0 { 1.0 } else { a }));
    }
    if b.is_nan() {
        return Ok(Value::Float(if a == 1.0 { 1.0 } else { b }));
    }
    if a == 0.0 && b < 0.0 && b.is_finite() {
        return Err(PyErr::zero_division(
            "0.0 cannot be raised to a negative power",
        ));
    }
    if a < 0.0 && b.is_finite() && b.fract() != 0.0 {
        return Err(PyErr::not_implemented(
            "complex numbers are not supported by Coro (a negative number raised to a fractional power)",
        ));
    }
    let r = a.powf(b);
    if r.is_infinite() && a.is_finite() && b.is_finite() {
        return Err(PyErr::overflow_error_args(vec![
            Value::Int(34),
            Value::str("Numerical result out of range"),
        ]));
    }
    Ok(Value::Float(r))
}

/// Unary minus on a number.
pub fn neg(v: &Value) -> Option<Value> {
    Some(match v {
        Value::Int(i) => match i.checked_neg() {
            Some(n) => Value::Int(n),
            None => Value::from_bigint(-BigInt::from(*i)),
        },
        Value::Bool(b) => Value::Int(-(*b as i64)),
        Value::BigInt(b) => Value::from_bigint(-(**b).clone()),
        Value::Float(f) => Value::Float(-f),
        _ => return None,
    })
}

pub fn pos(v: &Value) -> Option<Value> {
    Some(match v {
        Value::Bool(b) => Value::Int(*b as i64),
        Value::Int(_) | Value::BigInt(_) | Value::Float(_) => v.clone(),
        _ => return None,
    })
}

pub fn invert(v: &Value) -> Option<Value> {
    Some(match v {
        Value::Int(i) => Value::Int(!i),
        Value::Bool(b) => Value::Int(!(*b as i64)),
        Value::BigInt(b) => Value::from_bigint(-(**b).clone() - 1),
        _ => return None,
    })
}

pub fn abs(v: &Value) -> Option<Value> {
    Some(match v {
        Value::Int(i) => match i.checked_abs() {
            Some(n) => Value::Int(n),
            None => Value::from_bigint(BigInt::from(*i).abs()),
        },
        Value::Bool(b) => Value::Int(*b as i64),
        Value::BigInt(b) => Value::from_bigint(b.abs()),
        Value::Float(f) => Value::Float(f.abs()),
        _ => return None,
    })
}

/// Numeric equality, exact across int and float.
pub fn num_eq(a: &Value, b: &Value) -> bool {
    num_cmp(a, b) == Some(Ordering::Equal)
}

/// Numeric ordering, exact across int and float; `None` when a NaN is involved (or an operand
/// is not a number).
pub fn num_cmp(a: &Value, b: &Value) -> Option<Ordering> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => return Some(x.cmp(y)),
        (Value::Float(x), Value::Float(y)) => return x.partial_cmp(y),
        _ => {}
    }
    let (x, y) = (num(a)?, num(b)?);
    match (&x, &y) {
        (Num::Float(f), Num::Float(g)) => f.partial_cmp(g),
        (Num::Float(f), i) => int_float_cmp(&big(i), *f).map(Ordering::reverse),
        (i, Num::Float(f)) => int_float_cmp(&big(i), *f),
        _ => Some(big(&x).cmp(&big(&y))),
    }
}

/// Compares an integer with a float exactly.
fn int_float_cmp(i: &BigInt, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let floor = f.floor();
    let fi = BigInt::from_f64_exact(floor);
    match i.cmp(&fi) {
        Ordering::Equal if f != floor => Some(Ordering::Less),
        other => Some(other),
    }
}

trait FromF64Exact {
    fn from_f64_exact(f: f64) -> BigInt;
}

impl FromF64Exact for BigInt {
    fn from_f64_exact(f: f64) -> BigInt {
        num_traits::FromPrimitive::from_f64(f).unwrap_or_default()
    }
}

/// `int(float)`: truncation toward zero with CPython's errors.
pub fn float_to_int(f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(PyErr::overflow_error(
            "cannot convert float infinity to integer",
        ));
    }
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        Ok(Value::Int(t as i64))
    } else {
        Ok(Value::from_bigint(BigInt::from_f64_exact(t)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(op: BinOp, a: Value, b: Value, expect: &str) {
        let got = match binary_op(op, &a, &b) {
            Some(Ok(v)) => format!("{v:?}"),
            Some(Err(e)) => format!("{}: {}", e.class_name(), e.message()),
            None => "unsupported".into(),
        };
        assert_eq!(got, expect);
    }

    #[test]
    fn floor_semantics() {
        check(BinOp::FloorDiv, Value::Int(-7), Value::Int(2), "-4");
        check(BinOp::Mod, Value::Int(-7), Value::Int(2), "1");
        check(BinOp::Mod, Value::Int(7), Value::Int(-2), "-1");
        check(BinOp::Mod, Value::Float(-7.5), Value::Int(2), "0.5");
        check(BinOp::FloorDiv, Value::Float(7.5), Value::Int(-2), "-4.0");
    }

    #[test]
    fn overflow_promotes() {
        check(BinOp::Mult, Value::Int(i64::MAX), Value::Int(2), "<int>");
        check(BinOp::Pow, Value::Int(2), Value::Int(64), "<int>");
        check(BinOp::Pow, Value::Int(2), Value::Int(-1), "0.5");
    }

    #[test]
    fn exact_mixed_comparison() {
        let big = Value::from_bigint(BigInt::from(1u64 << 53) + 1);
        assert_eq!(
            num_cmp(&big, &Value::Float(9007199254740992.0)),
            Some(Ordering::Greater)
        );
        assert!(num_eq(&Value::Int(1), &Value::Float(1.0)));
        assert_eq!(num_cmp(&Value::Int(1), &Value::Float(f64::NAN)), None);
    }

    #[test]
    fn true_division_of_big_ints_rounds_correctly() {
        let x = BigInt::from(10).pow(30u32) + 1;
        let y = BigInt::from(3);
        let r = int_true_div(&x, &y, i64::MAX, 3).unwrap();
        assert_eq!(format!("{r:?}"), format!("{:?}", 1e30f64 / 3.0));
    }
}
