//! Text forms of numbers and strings: `repr(float)`, `repr(str)`, `ascii()`, and `format()`
//! with the format-spec mini-language.
//!
//! `float_repr` is the shortest string that round-trips, laid out as CPython's
//! `float_repr_style = 'short'` does (`1e+16`, `1.5e-05`, `100.0`). `str_repr` picks quotes and
//! escapes exactly like `unicode_repr`.

use std::rc::Rc;

use crate::error::PyResult;
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::vm::Vm;

/// The shortest round-tripping digits of a finite, non-zero `x` and its decimal point
/// position: `x = 0.DIGITS * 10**decpt`.
pub fn shortest_digits(x: f64) -> (String, i32) {
    let s = format!("{:e}", x.abs());
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let exp: i32 = exp.parse().unwrap_or(0);
    (digits, exp + 1)
}

/// `repr(float)`.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let (digits, decpt) = shortest_digits(x);
    let sign = if x < 0.0 { "-" } else { "" };
    if decpt <= -4 || decpt > 16 {
        let exp = decpt - 1;
        let mant = if digits.len() == 1 {
            digits.clone()
        } else {
            format!("{}.{}", &digits[..1], &digits[1..])
        };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{mant}e{esign}{:02}", exp.abs())
    } else if decpt <= 0 {
        format!("{sign}0.{}{}", "0".repeat((-decpt) as usize), digits)
    } else if decpt as usize >= digits.len() {
        format!(
            "{sign}{}{}.0",
            digits,
            "0".repeat(decpt as usize - digits.len())
        )
    } else {
        let (a, b) = digits.split_at(decpt as usize);
        format!("{sign}{a}.{b}")
    }
}

/// Whether CPython's `str.isprintable()` holds for a character (approximated without the
/// full Unicode tables: control, format, separator and private-use characters are not).
pub fn is_printable(c: char) -> bool {
    let u = c as u32;
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    !matches!(u,
        0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x180E | 0x200B..=0x200F
        | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB
        | 0xD800..=0xDFFF | 0xE000..=0xF8FF | 0xF0000..=0x10FFFF | 0xFFFE | 0xFFFF
        | 0xE0001 | 0xE0020..=0xE007F)
}

/// `repr(str)`.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if (c as u32) < 0x7f => out.push(c),
            c if is_printable(c) => out.push(c),
            c if (c as u32) <= 0xff => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) <= 0xffff => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// `ascii()`: escapes every non-ASCII character of a repr.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let u = c as u32;
        if u < 0x80 {
            out.push(c);
        } else if u <= 0xff {
            out.push_str(&format!("\\x{u:02x}"));
        } else if u <= 0xffff {
            out.push_str(&format!("\\u{u:04x}"));
        } else {
            out.push_str(&format!("\\U{u:08x}"));
        }
    }
    out
}

/// `format(v, spec)` for builtin values with a non-empty spec (see `formatspec.rs`).
pub fn format_value(vm: &mut Vm, v: &Value, spec: &Rc<PyStr>) -> PyResult<Rc<PyStr>> {
    let text = crate::object::formatspec::format_builtin(vm, v, spec)?;
    Ok(PyStr::from_string(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(x: f64, expect: &str) {
        assert_eq!(float_repr(x), expect);
    }

    #[test]
    fn float_layouts() {
        check(0.1 + 0.2, "0.30000000000000004");
        check(1e16, "1e+16");
        check(1e15, "1000000000000000.0");
        check(1e-5, "1e-05");
        check(0.0001, "0.0001");
        check(1.5, "1.5");
        check(-0.0, "-0.0");
        check(123456789.125, "123456789.125");
        check(2.5e-7, "2.5e-07");
    }

    #[test]
    fn string_quotes() {
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("a'b\"c"), "'a\\'b\"c'");
        assert_eq!(str_repr("tab\there"), "'tab\\there'");
        assert_eq!(str_repr("é"), "'é'");
        assert_eq!(str_repr("\u{7f}"), "'\\x7f'");
    }
}
