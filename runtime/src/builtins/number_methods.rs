//! Methods of `int` (and so of `bool`) and `float`: `bit_length`, `bit_count`, `to_bytes`,
//! `int.from_bytes`, `as_integer_ratio`, `conjugate`, `float.is_integer`, `float.hex` and
//! `float.fromhex`.
//!
//! `float.hex` and `float.fromhex` are ports of CPython's `float_hex` and `float_fromhex`:
//! `fromhex` computes the exact value of the hexadecimal string as a big integer times a power
//! of two and rounds it once, half to even, to a normal or subnormal double, so strings longer
//! than a double's precision round exactly as in CPython.
//!
//! What this module does not do: the attributes `real`, `imag`, `numerator` and `denominator`
//! (they are attributes, not methods), and arithmetic (`object/number.rs`).

use std::rc::Rc;

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::error::{PyErr, PyResult};
use crate::object::bytes::PyBytes;
use crate::object::formatting::float_repr;
use crate::object::function::KwArgs;
use crate::object::number;
use crate::object::value::Value;
use crate::vm::Vm;

use super::clinic;
use super::methods::Methods;

pub const INT: Methods = &[
    (
        "as_integer_ratio",
        int_as_integer_ratio,
        "Return integer ratio.",
    ),
    (
        "bit_count",
        int_bit_count,
        "Number of ones in the binary representation of the absolute value of self.",
    ),
    (
        "bit_length",
        int_bit_length,
        "Number of bits necessary to represent self in binary.",
    ),
    (
        "conjugate",
        int_conjugate,
        "Returns self, the complex conjugate of any int.",
    ),
    (
        "to_bytes",
        int_to_bytes,
        "Return an array of bytes representing an integer.",
    ),
];

pub const INT_CLASS: Methods = &[(
    "from_bytes",
    int_from_bytes,
    "Return the integer represented by the given array of bytes.",
)];

pub const FLOAT: Methods = &[
    (
        "as_integer_ratio",
        float_as_integer_ratio,
        "Return integer ratio.",
    ),
    (
        "conjugate",
        float_conjugate,
        "Return self, the complex conjugate of any float.",
    ),
    (
        "hex",
        float_hex,
        "Return a hexadecimal representation of a floating-point number.",
    ),
    (
        "is_integer",
        float_is_integer,
        "Return True if the float is an integer.",
    ),
];

pub const FLOAT_CLASS: Methods = &[(
    "fromhex",
    float_fromhex,
    "Create a floating-point number from a hexadecimal string.",
)];

/// The receiver of an `int` method as a big integer.
fn this_int(name: &str, a: &[Value], kw: Option<KwArgs<'_>>, noargs: bool) -> PyResult<BigInt> {
    let v = clinic::receiver("int", name, a, number::is_int)?;
    if noargs {
        clinic::noargs(&format!("int.{name}"), &a[1..], kw)?;
    }
    Ok(number::to_bigint(v).unwrap_or_default())
}

fn this_float(name: &str, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<f64> {
    let v = clinic::receiver("float", name, a, |v| matches!(v, Value::Float(_)))?;
    clinic::noargs(&format!("float.{name}"), &a[1..], kw)?;
    match v {
        Value::Float(f) => Ok(*f),
        _ => unreachable!("receiver checked the type"),
    }
}

// ----- int -----

fn int_bit_length(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let n = this_int("bit_length", a, kw, true)?;
    Ok(Value::from(n.bits() as usize))
}

fn int_bit_count(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let n = this_int("bit_count", a, kw, true)?;
    Ok(Value::from(n.magnitude().count_ones() as usize))
}

fn int_conjugate(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let n = this_int("conjugate", a, kw, true)?;
    Ok(Value::from_bigint(n))
}

fn int_as_integer_ratio(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let n = this_int("as_integer_ratio", a, kw, true)?;
    Ok(Value::tuple(vec![Value::from_bigint(n), Value::Int(1)]))
}

/// The `byteorder` argument of `to_bytes` and `from_bytes`: whether it is `'little'`.
fn little_endian(fname: &str, v: Option<&Value>) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(Value::Str(s)) => match s.as_str() {
            "little" => Ok(true),
            "big" => Ok(false),
            _ => Err(PyErr::value_error(
                "byteorder must be either 'little' or 'big'",
            )),
        },
        Some(other) => Err(PyErr::type_error(format!(
            "{fname}() argument 'byteorder' must be str, not {}",
            other.type_name()
        ))),
    }
}

fn int_to_bytes(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let n = this_int("to_bytes", a, kw, false)?;
    let opts = clinic::keywords(
        "to_bytes",
        &a[1..],
        kw,
        &["length", "byteorder", "signed"],
        0,
        2,
    )?;
    let length = match &opts[0] {
        Some(v) => clinic::ssize(vm, v)?,
        None => 1,
    };
    if length < 0 {
        return Err(PyErr::value_error("length argument must be non-negative"));
    }
    let little = little_endian("to_bytes", opts[1].as_ref())?;
    let signed = match &opts[2] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if n.is_negative() && !signed {
        return Err(PyErr::overflow_error(
            "can't convert negative int to unsigned",
        ));
    }
    let too_big = || PyErr::overflow_error("int too big to convert");
    let length = length as usize;
    let mut data = if signed {
        n.to_signed_bytes_be()
    } else {
        n.to_bytes_be().1
    };
    if n.is_zero() {
        data.clear();
    }
    if data.len() > length {
        return Err(too_big());
    }
    if length > 1 << 31 {
        return Err(PyErr::memory_error());
    }
    let pad = if n.is_negative() { 0xff } else { 0 };
    let mut out = vec![pad; length - data.len()];
    out.extend_from_slice(&data);
    if little {
        out.reverse();
    }
    Ok(Value::Bytes(Rc::new(PyBytes::new(out))))
}

/// `PyObject_Bytes` for `from_bytes`: bytes, or an iterable of ints in `range(0, 256)`.
fn bytes_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Bytes(b) => Ok(b.data.to_vec()),
        Value::Str(_)
        | Value::Int(_)
        | Value::Bool(_)
        | Value::BigInt(_)
        | Value::Float(_)
        | Value::None => Err(PyErr::type_error(format!(
            "cannot convert '{}' object to bytes",
            v.type_name()
        ))),
        _ => {
            let it = vm.iter(v).map_err(|e| {
                if e.matches(|t| &t.type_error) {
                    PyErr::type_error(format!(
                        "cannot convert '{}' object to bytes",
                        v.type_name()
                    ))
                } else {
                    e
                }
            })?;
            let mut out = Vec::new();
            while let Some(item) = vm.next_value(&it)? {
                let i = vm.index_i64(&item)?;
                if !(0..256).contains(&i) {
                    return Err(PyErr::value_error("bytes must be in range(0, 256)"));
                }
                out.push(i as u8);
            }
            Ok(out)
        }
    }
}

fn int_from_bytes(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let opts = clinic::keywords(
        "from_bytes",
        &a[1..],
        kw,
        &["bytes", "byteorder", "signed"],
        1,
        2,
    )?;
    let source = opts[0].clone().unwrap_or(Value::None);
    let little = little_endian("from_bytes", opts[1].as_ref())?;
    let signed = match &opts[2] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut data = bytes_of(vm, &source)?;
    if little {
        data.reverse();
    }
    let n = if signed {
        BigInt::from_signed_bytes_be(&data)
    } else {
        BigInt::from_bytes_be(Sign::Plus, &data)
    };
    Ok(Value::from_bigint(n))
}

// ----- float -----

fn float_conjugate(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    Ok(Value::Float(this_float("conjugate", a, kw)?))
}

fn float_is_integer(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let x = this_float("is_integer", a, kw)?;
    Ok(Value::Bool(x.is_finite() && x.fract() == 0.0))
}

/// The exact value of a finite double as `mantissa * 2**exponent` with an odd mantissa (or 0).
fn decompose(x: f64) -> (BigInt, i64) {
    let bits = x.to_bits();
    let negative = bits >> 63 == 1;
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (mut mant, mut exp) = if exp_bits == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp_bits - 1075)
    };
    if mant == 0 {
        return (BigInt::zero(), 0);
    }
    let tz = mant.trailing_zeros();
    mant >>= tz;
    exp += tz as i64;
    let m = BigInt::from(mant);
    (if negative { -m } else { m }, exp)
}

fn float_as_integer_ratio(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let x = this_float("as_integer_ratio", a, kw)?;
    if x.is_infinite() {
        return Err(PyErr::overflow_error(
            "cannot convert Infinity to integer ratio",
        ));
    }
    if x.is_nan() {
        return Err(PyErr::value_error("cannot convert NaN to integer ratio"));
    }
    let (mant, exp) = decompose(x);
    let (num, den) = if exp >= 0 {
        (mant << exp as usize, BigInt::one())
    } else {
        (mant, BigInt::one() << (-exp) as usize)
    };
    Ok(Value::tuple(vec![
        Value::from_bigint(num),
        Value::from_bigint(den),
    ]))
}

fn float_hex(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let x = this_float("hex", a, kw)?;
    if !x.is_finite() {
        return Ok(Value::from_string(float_repr(x)));
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return Ok(Value::from_string(format!("{sign}0x0.0p+0")));
    }
    let bits = x.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (lead, exp) = if exp_bits == 0 {
        (0, -1022)
    } else {
        (1, exp_bits - 1023)
    };
    let esign = if exp < 0 { '-' } else { '+' };
    Ok(Value::from_string(format!(
        "{sign}0x{lead}.{frac:013x}p{esign}{}",
        exp.abs()
    )))
}

fn fromhex_invalid() -> PyErr {
    PyErr::value_error("invalid hexadecimal floating-point string")
}

/// `float_fromhex`: parses `[sign]['0x']hexdigits['.'hexdigits]['p'[sign]digits]`, or an
/// infinity or NaN, surrounded by optional white space.
pub fn parse_hex_float(text: &str) -> PyResult<f64> {
    let s = text.trim_matches(|c: char| super::chars::is_space(c));
    let (negative, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = body.to_ascii_lowercase();
    match lower.as_str() {
        "inf" | "infinity" => {
            return Ok(if negative {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            })
        }
        "nan" => return Ok(f64::NAN),
        _ => {}
    }
    let body = match lower.get(..2) {
        Some("0x") => &body[2..],
        _ => body,
    };
    let bytes = body.as_bytes();
    let mut i = 0;
    let mut mant = BigInt::zero();
    let mut digits = 0;
    let mut frac_digits: i64 = 0;
    let mut seen_point = false;
    while i < bytes.len() {
        let c = bytes[i] as char;
        if c == '.' && !seen_point {
            seen_point = true;
        } else if let Some(d) = c.to_digit(16) {
            mant = mant * 16u32 + d;
            digits += 1;
            if seen_point {
                frac_digits += 1;
            }
        } else {
            break;
        }
        i += 1;
    }
    if digits == 0 {
        return Err(fromhex_invalid());
    }
    let mut exp: i64 = 0;
    if i < bytes.len() && (bytes[i] == b'p' || bytes[i] == b'P') {
        i += 1;
        let mut exp_negative = false;
        if i < bytes.len() && (bytes[i] == b'+' || bytes[i] == b'-') {
            exp_negative = bytes[i] == b'-';
            i += 1;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            exp = exp
                .saturating_mul(10)
                .saturating_add((bytes[i] - b'0') as i64);
            i += 1;
        }
        if i == start {
            return Err(fromhex_invalid());
        }
        if exp_negative {
            exp = -exp;
        }
    }
    if i != bytes.len() {
        return Err(fromhex_invalid());
    }
    let value = round_to_double(&mant, exp.saturating_sub(frac_digits.saturating_mul(4)))?;
    Ok(if negative { -value } else { value })
}

/// `mant * 2**exp` rounded half to even to the nearest double.
fn round_to_double(mant: &BigInt, exp: i64) -> PyResult<f64> {
    let overflow = || PyErr::overflow_error("hexadecimal value too large to represent as a float");
    if mant.is_zero() {
        return Ok(0.0);
    }
    let bits = mant.bits() as i64;
    // The value lies in [2**(top-1), 2**top).
    let top = bits.saturating_add(exp);
    if top > 1024 {
        return Err(overflow());
    }
    if top < -1074 {
        return Ok(0.0);
    }
    // Significant bits kept: 53 for normal numbers, fewer for subnormal ones.
    let keep = if top > -1022 { 53 } else { top + 1074 };
    let shift = bits - keep;
    let (mut q, scale) = if shift > 0 {
        let (q, r) = mant.div_rem(&(BigInt::one() << shift as usize));
        let half = BigInt::one() << (shift - 1) as usize;
        let q = if r > half || (r == half && q.is_odd()) {
            q + 1u32
        } else {
            q
        };
        (q, exp + shift)
    } else {
        (mant << (-shift) as usize, exp + shift)
    };
    let mut scale = scale;
    if q.bits() as i64 > 53 {
        q >>= 1u32;
        scale += 1;
    }
    let q = q.to_f64().unwrap_or(f64::INFINITY);
    // `q` has at most 53 bits, so scaling by a power of two in two exact steps is exact.
    let half = scale / 2;
    let value = q * 2f64.powi(half as i32) * 2f64.powi((scale - half) as i32);
    if value.is_infinite() {
        return Err(overflow());
    }
    Ok(value)
}

fn float_fromhex(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let arg = clinic::onearg("float.fromhex", &a[1..], kw)?;
    let Value::Str(s) = arg else {
        return Err(PyErr::type_error(
            "bad argument type for built-in operation",
        ));
    };
    Ok(Value::Float(parse_hex_float(s)?))
}

#[cfg(test)]
mod tests {
    use super::super::method_test::*;
    use crate::object::value::Value;

    fn check(recv: Value, name: &str, args: &[Value], kw: &[(&str, Value)], expect: &str) {
        assert_eq!(call(recv, name, args, kw), expect, "{name}");
    }

    /// Cases recorded from CPython 3.11 by `runtime/tools/gen_method_cases.py`.
    #[test]
    #[rustfmt::skip]
    fn recorded() {
    check(i(255), "to_bytes", &[], &[], "b'\\xff'");
    check(i(255), "to_bytes", &[i(2)], &[], "b'\\x00\\xff'");
    check(i(255), "to_bytes", &[i(2), s("little")], &[], "b'\\xff\\x00'");
    check(i(255), "to_bytes", &[i(1), s("big")], &[("signed", Value::Bool(true))], "OverflowError: int too big to convert");
    check(i(-1), "to_bytes", &[i(2), s("big")], &[], "OverflowError: can't convert negative int to unsigned");
    check(i(-1), "to_bytes", &[i(2), s("big")], &[("signed", Value::Bool(true))], "b'\\xff\\xff'");
    check(i(256), "to_bytes", &[i(1), s("big")], &[], "OverflowError: int too big to convert");
    check(i(255), "to_bytes", &[i(-1), s("big")], &[], "ValueError: length argument must be non-negative");
    check(i(255), "to_bytes", &[i(2), s("middle")], &[], "ValueError: byteorder must be either 'little' or 'big'");
    check(i(255), "to_bytes", &[i(2), i(1)], &[], "TypeError: to_bytes() argument 'byteorder' must be str, not int");
    check(i(255), "to_bytes", &[i(2), s("big"), Value::Bool(true)], &[], "TypeError: to_bytes() takes at most 2 positional arguments (3 given)");
    check(i(255), "to_bytes", &[], &[("length", i(2)), ("byteorder", s("little"))], "b'\\xff\\x00'");
    check(i(0), "to_bytes", &[i(0), s("big")], &[], "b''");
    check(i(1), "to_bytes", &[i(0), s("big")], &[], "OverflowError: int too big to convert");
    check(i(-128), "to_bytes", &[i(1), s("big")], &[("signed", Value::Bool(true))], "b'\\x80'");
    check(i(-129), "to_bytes", &[i(1), s("big")], &[("signed", Value::Bool(true))], "OverflowError: int too big to convert");
    check(big("1180591620717411303424"), "to_bytes", &[i(10), s("little")], &[], "b'\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00@\\x00'");
    check(big("-1180591620717411303424"), "to_bytes", &[i(10), s("big")], &[("signed", Value::Bool(true))], "b'\\xff\\xc0\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00'");
    check(cls("int"), "from_bytes", &[b(&[0, 255])], &[], "255");
    check(cls("int"), "from_bytes", &[b(&[255, 0]), s("little")], &[], "255");
    check(cls("int"), "from_bytes", &[b(&[255]), s("big")], &[("signed", Value::Bool(true))], "-1");
    check(cls("int"), "from_bytes", &[l(vec![i(1), i(2)]), s("big")], &[], "258");
    check(cls("int"), "from_bytes", &[s("ab"), s("big")], &[], "TypeError: cannot convert 'str' object to bytes");
    check(cls("int"), "from_bytes", &[b(&[]), s("big")], &[], "0");
    check(cls("int"), "from_bytes", &[], &[], "TypeError: from_bytes() missing required argument 'bytes' (pos 1)");
    check(cls("int"), "from_bytes", &[b(&[1])], &[("byteorder", s("x"))], "ValueError: byteorder must be either 'little' or 'big'");
    check(cls("int"), "from_bytes", &[], &[("bytes", b(&[1]))], "1");
    check(cls("int"), "from_bytes", &[b(&[128, 0, 0, 0, 0, 0, 0, 0, 0]), s("big")], &[("signed", Value::Bool(true))], "-2361183241434822606848");
    check(i(5), "bit_length", &[], &[], "3");
    check(i(-5), "bit_length", &[], &[], "3");
    check(i(0), "bit_length", &[], &[], "0");
    check(i(255), "bit_count", &[], &[], "8");
    check(i(-255), "bit_count", &[], &[], "8");
    check(big("1000000000000000000000000000000"), "bit_length", &[], &[], "100");
    check(i(5), "bit_length", &[i(1)], &[], "TypeError: int.bit_length() takes no arguments (1 given)");
    check(i(5), "conjugate", &[], &[], "5");
    check(i(5), "as_integer_ratio", &[], &[], "(5, 1)");
    check(i(-5), "as_integer_ratio", &[], &[], "(-5, 1)");
    check(Value::Bool(true), "as_integer_ratio", &[], &[], "(1, 1)");
    check(Value::Bool(true), "conjugate", &[], &[], "1");
    check(Value::Bool(true), "bit_length", &[], &[], "1");
    check(f(2.5), "as_integer_ratio", &[], &[], "(5, 2)");
    check(f(-0.1), "as_integer_ratio", &[], &[], "(-3602879701896397, 36028797018963968)");
    check(f(0.0), "as_integer_ratio", &[], &[], "(0, 1)");
    check(f(1e+300), "as_integer_ratio", &[], &[], "(1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160, 1)");
    check(f(5e-324), "as_integer_ratio", &[], &[], "(1, 202402253307310618352495346718917307049556649764142118356901358027430339567995346891960383701437124495187077864316811911389808737385793476867013399940738509921517424276566361364466907742093216341239767678472745068562007483424692698618103355649159556340810056512358769552333414615230502532186327508646006263307707741093494784)");
    check(f(f64::INFINITY), "as_integer_ratio", &[], &[], "OverflowError: cannot convert Infinity to integer ratio");
    check(f(f64::NAN), "as_integer_ratio", &[], &[], "ValueError: cannot convert NaN to integer ratio");
    check(f(2.5), "is_integer", &[], &[], "False");
    check(f(2.0), "is_integer", &[], &[], "True");
    check(f(f64::INFINITY), "is_integer", &[], &[], "False");
    check(f(2.5), "hex", &[], &[], "'0x1.4000000000000p+1'");
    check(f(1.0), "hex", &[], &[], "'0x1.0000000000000p+0'");
    check(f(0.1), "hex", &[], &[], "'0x1.999999999999ap-4'");
    check(f(-0.0), "hex", &[], &[], "'-0x0.0p+0'");
    check(f(0.0), "hex", &[], &[], "'0x0.0p+0'");
    check(f(f64::INFINITY), "hex", &[], &[], "'inf'");
    check(f(f64::NEG_INFINITY), "hex", &[], &[], "'-inf'");
    check(f(f64::NAN), "hex", &[], &[], "'nan'");
    check(f(5e-324), "hex", &[], &[], "'0x0.0000000000001p-1022'");
    check(f(1e+308), "hex", &[], &[], "'0x1.1ccf385ebc8a0p+1023'");
    check(f(-2.2250738585072014e-308), "hex", &[], &[], "'-0x1.0000000000000p-1022'");
    check(f(2.5), "conjugate", &[], &[], "2.5");
    check(cls("float"), "fromhex", &[s("0x1.4p+1")], &[], "2.5");
    check(cls("float"), "fromhex", &[s("0x1p-1074")], &[], "5e-324");
    check(cls("float"), "fromhex", &[s("0x1.8")], &[], "1.5");
    check(cls("float"), "fromhex", &[s("-0X1.8P+3")], &[], "-12.0");
    check(cls("float"), "fromhex", &[s(" 0x1p0 ")], &[], "1.0");
    check(cls("float"), "fromhex", &[s("inf")], &[], "inf");
    check(cls("float"), "fromhex", &[s("-Infinity")], &[], "-inf");
    check(cls("float"), "fromhex", &[s("nan")], &[], "nan");
    check(cls("float"), "fromhex", &[s("0x")], &[], "ValueError: invalid hexadecimal floating-point string");
    check(cls("float"), "fromhex", &[s("zz")], &[], "ValueError: invalid hexadecimal floating-point string");
    check(cls("float"), "fromhex", &[s("0x1p99999")], &[], "OverflowError: hexadecimal value too large to represent as a float");
    check(cls("float"), "fromhex", &[s("0x1p-99999")], &[], "0.0");
    check(cls("float"), "fromhex", &[s("1.8")], &[], "1.5");
    check(cls("float"), "fromhex", &[s("0x.8")], &[], "0.5");
    check(cls("float"), "fromhex", &[i(1)], &[], "TypeError: bad argument type for built-in operation");
    check(cls("float"), "fromhex", &[s("0x1.fffffffffffff8p+1023")], &[], "OverflowError: hexadecimal value too large to represent as a float");
    check(cls("float"), "fromhex", &[s("0x1.fffffffffffff7ffp+1023")], &[], "1.7976931348623157e+308");
    check(cls("float"), "fromhex", &[s("0x1.0000000000000800000000p+0")], &[], "1.0");
    check(cls("float"), "fromhex", &[s("0x1.0000000000000800000001p+0")], &[], "1.0000000000000002");
    check(cls("float"), "fromhex", &[s("0x1.00000000000018p+0")], &[], "1.0000000000000004");
    check(cls("float"), "fromhex", &[s("0x0.0000000000001p-1022")], &[], "5e-324");
    check(cls("float"), "fromhex", &[s("0x0.00000000000008p-1022")], &[], "0.0");
    check(cls("float"), "fromhex", &[s("0x0.0000000000000800001p-1022")], &[], "5e-324");
    check(cls("float"), "fromhex", &[s("0x1p-1075")], &[], "0.0");
    check(cls("float"), "fromhex", &[s("0x1.1p-1075")], &[], "5e-324");
    check(cls("float"), "fromhex", &[s("0x1_0p0")], &[], "ValueError: invalid hexadecimal floating-point string");
    check(cls("float"), "fromhex", &[s("0x1p")], &[], "ValueError: invalid hexadecimal floating-point string");
    check(cls("float"), "fromhex", &[s("0x1.p1")], &[], "2.0");
    check(cls("float"), "fromhex", &[s(".")], &[], "ValueError: invalid hexadecimal floating-point string");
    check(cls("float"), "fromhex", &[s("0x1.ffffffffffffffp-1023")], &[], "2.2250738585072014e-308");
    }
}
