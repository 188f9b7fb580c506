//! Numeric builtins: `abs`, `round`, `divmod`, `pow`, `bin`, `hex`, `oct`, `ord`, `chr`.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::error::{PyErr, PyResult};
use crate::object::function::KwArgs;
use crate::object::number;
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::syntax::ast::BinOp;
use crate::vm::Vm;

use super::args;
use super::Functions;

pub const FUNCTIONS: Functions = &[
    ("abs", abs, "Return the absolute value of the argument."),
    (
        "round",
        round,
        "Round a number to a given precision in decimal digits.",
    ),
    ("divmod", divmod, "Return the tuple (x//y, x%y)."),
    (
        "pow",
        pow,
        "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments",
    ),
    (
        "bin",
        bin,
        "Return the binary representation of an integer.",
    ),
    (
        "hex",
        hex,
        "Return the hexadecimal representation of an integer.",
    ),
    ("oct", oct, "Return the octal representation of an integer."),
    (
        "ord",
        ord,
        "Return the Unicode code point for a one-character string.",
    ),
    (
        "chr",
        chr,
        "Return a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff.",
    ),
];

fn abs(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::no_kwargs("abs", kw)?;
    args::exact("abs", a, 1)?;
    if let Some(v) = number::abs(&a[0]) {
        return Ok(v);
    }
    match vm.lookup_special(&a[0], "__abs__") {
        Some(m) => vm.call(&m, &[]),
        None => Err(PyErr::type_error(format!(
            "bad operand type for abs(): '{}'",
            a[0].type_name()
        ))),
    }
}

fn round(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let opts = args::keywords("round", kw, &["number", "ndigits"])?;
    let number =
        a.first().or(opts[0]).cloned().ok_or_else(|| {
            PyErr::type_error("round() missing required argument 'number' (pos 1)")
        })?;
    let ndigits = a.get(1).or(opts[1]).cloned().unwrap_or(Value::None);
    match &number {
        Value::Float(f) => round_float(vm, *f, &ndigits),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            let n = match &number {
                Value::Bool(b) => Value::Int(*b as i64),
                other => other.clone(),
            };
            if ndigits.is_none() {
                return Ok(n);
            }
            let nd = vm.index_i64(&ndigits)?;
            if nd >= 0 {
                return Ok(n);
            }
            // Round to a power of ten with half-to-even.
            let x = number::to_bigint(&n).unwrap_or_default();
            let p = num_traits::pow(BigInt::from(10), (-nd) as usize);
            let (q, r) = x.div_mod_floor(&p);
            let twice = &r * 2;
            let q = if twice > p || (twice == p && q.is_odd()) {
                q + 1
            } else {
                q
            };
            Ok(Value::from_bigint(q * p))
        }
        _ => match vm.lookup_special(&number, "__round__") {
            Some(m) => {
                if ndigits.is_none() {
                    vm.call(&m, &[])
                } else {
                    vm.call(&m, &[ndigits])
                }
            }
            None => Err(PyErr::type_error(format!(
                "type {} doesn't define __round__ method",
                number.type_name()
            ))),
        },
    }
}

/// `round(float, ndigits)`: correctly rounded, half to even, as CPython's `double_round`.
fn round_float(vm: &mut Vm, x: f64, ndigits: &Value) -> PyResult<Value> {
    if ndigits.is_none() {
        let r = x.round();
        let r = if (x - x.trunc()).abs() == 0.5 {
            2.0 * (x / 2.0).round()
        } else {
            r
        };
        return number::float_to_int(r);
    }
    let nd = vm.index_i64(ndigits)?;
    if !x.is_finite() || x == 0.0 {
        return Ok(Value::Float(x));
    }
    if nd > 323 {
        return Ok(Value::Float(x));
    }
    if nd < -308 {
        return Ok(Value::Float(0.0f64.copysign(x)));
    }
    // Format with enough digits through the exact decimal expansion, then parse back.
    let s = if nd >= 0 {
        format!("{:.*}", nd as usize, x)
    } else {
        let p = 10f64.powi((-nd) as i32);
        let y = x / p;
        let r = y.round();
        let r = if (y - y.trunc()).abs() == 0.5 {
            2.0 * (y / 2.0).round()
        } else {
            r
        };
        return Ok(Value::Float(r * p));
    };
    let r: f64 = s.parse().unwrap_or(x);
    Ok(Value::Float(r))
}

fn divmod(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::no_kwargs("divmod", kw)?;
    args::expected("divmod", a, 2, 2)?;
    let (x, y) = (&a[0], &a[1]);
    if let (Value::Float(_), _) | (_, Value::Float(_)) = (x, y) {
        if number::is_number(x) && number::is_number(y) {
            let fx = to_f64(x)?;
            let fy = to_f64(y)?;
            if fy == 0.0 {
                return Err(PyErr::zero_division("float divmod()"));
            }
            let (q, r) = number::float_divmod(fx, fy);
            return Ok(Value::tuple(vec![Value::Float(q), Value::Float(r)]));
        }
    }
    if number::is_int(x) && number::is_int(y) {
        let q = vm.binary_op(x, y, BinOp::FloorDiv).map_err(|e| {
            if e.matches(|t| &t.zero_division_error) {
                PyErr::zero_division("integer division or modulo by zero")
            } else {
                e
            }
        })?;
        let r = vm.binary_op(x, y, BinOp::Mod)?;
        return Ok(Value::tuple(vec![q, r]));
    }
    if let Some(m) = vm.lookup_special(x, "__divmod__") {
        let r = vm.call(&m, std::slice::from_ref(y))?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
    }
    if let Some(m) = vm.lookup_special(y, "__rdivmod__") {
        let r = vm.call(&m, std::slice::from_ref(x))?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
    }
    Err(PyErr::type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        x.type_name(),
        y.type_name()
    )))
}

fn to_f64(v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => number::bigint_to_f64(b),
        _ => Err(PyErr::type_error("must be real number")),
    }
}

fn pow(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let opts = args::keywords("pow", kw, &["base", "exp", "mod"])?;
    let base = a.first().or(opts[0]).cloned();
    let exp = a.get(1).or(opts[1]).cloned();
    let modulus = a.get(2).or(opts[2]).cloned().unwrap_or(Value::None);
    let (Some(base), Some(exp)) = (base, exp) else {
        return Err(PyErr::type_error(format!(
            "pow() missing required argument '{}' (pos {})",
            if a.is_empty() { "base" } else { "exp" },
            a.len() + 1
        )));
    };
    if modulus.is_none() {
        return vm.binary_op(&base, &exp, BinOp::Pow);
    }
    let (Some(b), Some(e), Some(m)) = (
        number::to_bigint(&base),
        number::to_bigint(&exp),
        number::to_bigint(&modulus),
    ) else {
        return Err(PyErr::type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    };
    if m.is_zero() {
        return Err(PyErr::value_error("pow() 3rd argument cannot be 0"));
    }
    let r = if e.is_negative() {
        let inv = mod_inverse(&b, &m)
            .ok_or_else(|| PyErr::value_error("base is not invertible for the given modulus"))?;
        inv.modpow(&(-e), &m.abs())
    } else {
        b.modpow(&e, &m.abs())
    };
    // Python's result has the sign of the modulus.
    let r = r.mod_floor(&m);
    Ok(Value::from_bigint(r))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let m = m.abs();
    let g = a.extended_gcd(&m);
    if g.gcd != BigInt::from(1) {
        return None;
    }
    Some(g.x.mod_floor(&m))
}

fn int_text(vm: &mut Vm, v: &Value, radix: u32, prefix: &str) -> PyResult<Value> {
    let i = vm.index(v)?;
    let b = number::to_bigint(&i).unwrap_or_default();
    let digits = b.abs().to_str_radix(radix);
    let sign = if b.is_negative() { "-" } else { "" };
    Ok(Value::Str(PyStr::from_string(format!(
        "{sign}{prefix}{digits}"
    ))))
}

fn bin(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::no_kwargs("bin", kw)?;
    args::exact("bin", a, 1)?;
    int_text(vm, &a[0], 2, "0b")
}

fn hex(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::no_kwargs("hex", kw)?;
    args::exact("hex", a, 1)?;
    int_text(vm, &a[0], 16, "0x")
}

fn oct(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::no_kwargs("oct", kw)?;
    args::exact("oct", a, 1)?;
    int_text(vm, &a[0], 8, "0o")
}

fn ord(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::no_kwargs("ord", kw)?;
    args::exact("ord", a, 1)?;
    match &a[0] {
        Value::Str(s) => {
            if s.char_len() != 1 {
                return Err(PyErr::type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.char_len()
                )));
            }
            Ok(Value::Int(s.char_at(0) as i64))
        }
        Value::Bytes(b) => {
            if b.data.len() != 1 {
                return Err(PyErr::type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    b.data.len()
                )));
            }
            Ok(Value::Int(b.data[0] as i64))
        }
        other => Err(PyErr::type_error(format!(
            "ord() expected string of length 1, but {} found",
            other.type_name()
        ))),
    }
}

fn chr(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::no_kwargs("chr", kw)?;
    args::exact("chr", a, 1)?;
    let i = match &a[0] {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => vm.index(&a[0])?,
        Value::Instance(_) => vm.index(&a[0])?,
        other => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )))
        }
    };
    let code = match &i {
        Value::Int(c) => *c,
        _ => {
            return Err(PyErr::overflow_error(
                "Python int too large to convert to C int",
            ))
        }
    };
    match u32::try_from(code).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::Str(PyStr::from_char(c))),
        None if (0..=0x10ffff).contains(&code) => Err(PyErr::not_implemented(
            "lone surrogate characters are not supported by Coro",
        )),
        None => Err(PyErr::value_error("chr() arg not in range(0x110000)")),
    }
}

#[allow(dead_code)]
fn _to_i64(b: &BigInt) -> Option<i64> {
    b.to_i64()
}
