//! Numeric literals: the value of a NUMBER token (the lexer has already checked its form).
//!
//! Integers become `Constant::Int` when they fit in an `i64` and `Constant::BigInt`
//! otherwise; floats are read with Rust's correctly rounded parser, as CPython's are;
//! imaginary literals keep their imaginary part as a float.

use num_bigint::BigInt;

use super::super::ast::Constant;
use super::super::token::Token;
use super::{PResult, Parser};

impl<'s> Parser<'s> {
    /// The value of a NUMBER token.
    pub(super) fn number(&mut self, t: &Token) -> PResult<Constant> {
        Ok(number_value(self.text_of(t)))
    }
}

/// The value of a numeric literal as written in the source.
pub(crate) fn number_value(text: &str) -> Constant {
    let owned;
    let text = if text.contains('_') {
        owned = text.replace('_', "");
        owned.as_str()
    } else {
        text
    };
    if let Some(imag) = text.strip_suffix(['j', 'J']) {
        return Constant::Imaginary(imag.parse::<f64>().unwrap_or(f64::NAN));
    }
    let bytes = text.as_bytes();
    if bytes.len() > 1 && bytes[0] == b'0' {
        let radix = match bytes[1] {
            b'x' | b'X' => Some(16),
            b'o' | b'O' => Some(8),
            b'b' | b'B' => Some(2),
            _ => None,
        };
        if let Some(radix) = radix {
            return int_value(&text[2..], radix);
        }
    }
    if text.contains(['.', 'e', 'E']) {
        return Constant::Float(text.parse::<f64>().unwrap_or(f64::NAN));
    }
    int_value(text, 10)
}

fn int_value(digits: &str, radix: u32) -> Constant {
    match i64::from_str_radix(digits, radix) {
        Ok(v) => Constant::Int(v),
        Err(_) => match BigInt::parse_bytes(digits.as_bytes(), radix) {
            Some(big) => Constant::BigInt(Box::new(big)),
            None => Constant::Int(0),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: &str) {
        let got = match number_value(text) {
            Constant::Int(v) => format!("int {v}"),
            Constant::BigInt(v) => format!("big {v}"),
            Constant::Float(v) => format!("float {v:?}"),
            Constant::Imaginary(v) => format!("imag {v:?}"),
            other => format!("{other:?}"),
        };
        assert_eq!(got, expect, "value of {text}");
    }

    #[test]
    fn values() {
        check("0", "int 0");
        check("1_000", "int 1000");
        check("0xff", "int 255");
        check("0o17", "int 15");
        check("0b1_01", "int 5");
        check("00", "int 0");
        check("9223372036854775807", "int 9223372036854775807");
        check("9223372036854775808", "big 9223372036854775808");
        check("0xffffffffffffffffff", "big 4722366482869645213695");
        check("1.5", "float 1.5");
        check(".5", "float 0.5");
        check("5.", "float 5.0");
        check("1e3", "float 1000.0");
        check("1_000.5", "float 1000.5");
        check("1e999", "float inf");
        check("012.5", "float 12.5");
        check("2j", "imag 2.0");
        check("1.5J", "imag 1.5");
    }
}
