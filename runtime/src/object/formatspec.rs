//! The format-spec mini-language: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
//!
//! `FormatSpec::parse` reads a spec as `format()` and f-strings pass it; `format_str`,
//! `format_int` and `format_float` lay a value out, with CPython's error messages for specs
//! that do not apply (`Unknown format code 'd' for object of type 'str'`).

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::error::{PyErr, PyResult};
use crate::object::formatting::{float_repr, shortest_digits};
use crate::object::number;
use crate::object::value::Value;
use crate::vm::Vm;

#[derive(Clone, Debug, Default)]
pub struct FormatSpec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub no_neg_zero: bool,
    pub alternate: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub kind: Option<char>,
}

impl FormatSpec {
    pub fn parse(spec: &str) -> PyResult<FormatSpec> {
        let chars: Vec<char> = spec.chars().collect();
        let mut f = FormatSpec::default();
        let mut i = 0;
        let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
        if chars.len() >= 2 && is_align(chars[1]) {
            f.fill = Some(chars[0]);
            f.align = Some(chars[1]);
            i = 2;
        } else if !chars.is_empty() && is_align(chars[0]) {
            f.align = Some(chars[0]);
            i = 1;
        }
        if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
            f.sign = Some(chars[i]);
            i += 1;
        }
        if i < chars.len() && chars[i] == 'z' {
            f.no_neg_zero = true;
            i += 1;
        }
        if i < chars.len() && chars[i] == '#' {
            f.alternate = true;
            i += 1;
        }
        if i < chars.len() && chars[i] == '0' {
            f.zero = true;
            i += 1;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i > start {
            let w: String = chars[start..i].iter().collect();
            f.width = Some(
                w.parse()
                    .map_err(|_| PyErr::value_error("Too many decimal digits in format string"))?,
            );
        }
        if i < chars.len() && matches!(chars[i], ',' | '_') {
            f.grouping = Some(chars[i]);
            i += 1;
            if i < chars.len() && matches!(chars[i], ',' | '_') {
                return Err(PyErr::value_error("Cannot specify both ',' and '_'."));
            }
        }
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i == start {
                return Err(PyErr::value_error("Format specifier missing precision"));
            }
            let p: String = chars[start..i].iter().collect();
            f.precision = Some(
                p.parse()
                    .map_err(|_| PyErr::value_error("Too many decimal digits in format string"))?,
            );
        }
        if i < chars.len() {
            f.kind = Some(chars[i]);
            i += 1;
        }
        if i < chars.len() {
            return Err(PyErr::value_error("Invalid format specifier"));
        }
        Ok(f)
    }

    /// Pads `body` (with its sign in `sign`) to the width.
    fn pad(&self, sign: &str, body: &str, default_align: char, numeric: bool) -> String {
        let fill = self
            .fill
            .unwrap_or(if self.zero && self.align.is_none() && numeric {
                '0'
            } else {
                ' '
            });
        let align = self.align.unwrap_or(if self.zero && numeric {
            '='
        } else {
            default_align
        });
        let len = sign.chars().count() + body.chars().count();
        let width = self.width.unwrap_or(0);
        if len >= width {
            return format!("{sign}{body}");
        }
        let pad = width - len;
        let fills = |n: usize| std::iter::repeat(fill).take(n).collect::<String>();
        match align {
            '<' => format!("{sign}{body}{}", fills(pad)),
            '^' => format!("{}{sign}{body}{}", fills(pad / 2), fills(pad - pad / 2)),
            '=' => format!("{sign}{}{body}", fills(pad)),
            _ => format!("{}{sign}{body}", fills(pad)),
        }
    }

    pub fn format_str(&self, s: &str) -> PyResult<String> {
        match self.kind {
            None | Some('s') => {}
            Some(k) => {
                return Err(PyErr::value_error(format!(
                    "Unknown format code '{k}' for object of type 'str'"
                )))
            }
        }
        if self.sign.is_some() {
            return Err(PyErr::value_error(
                "Sign not allowed in string format specifier",
            ));
        }
        if self.alternate {
            return Err(PyErr::value_error(
                "Alternate form (#) not allowed in string format specifier",
            ));
        }
        if self.align == Some('=') {
            return Err(PyErr::value_error(
                "'=' alignment not allowed in string format specifier",
            ));
        }
        if let Some(g) = self.grouping {
            return Err(PyErr::value_error(format!(
                "Cannot specify '{g}' with 's'."
            )));
        }
        let text: String = match self.precision {
            Some(p) => s.chars().take(p).collect(),
            None => s.to_string(),
        };
        Ok(self.pad("", &text, '<', false))
    }

    pub fn format_int(&self, _vm: &mut Vm, v: &Value) -> PyResult<String> {
        let n = number::to_bigint(v).unwrap_or_default();
        match self.kind {
            Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
                let f = number::bigint_to_f64(&n)?;
                return self.format_float(f);
            }
            _ => {}
        }
        if self.precision.is_some() {
            return Err(PyErr::value_error(
                "Precision not allowed in integer format specifier",
            ));
        }
        let (radix, prefix) = match self.kind {
            None | Some('d') | Some('n') => (10, ""),
            Some('b') => (2, "0b"),
            Some('o') => (8, "0o"),
            Some('x') => (16, "0x"),
            Some('X') => (16, "0X"),
            Some('c') => {
                if self.sign.is_some() {
                    return Err(PyErr::value_error(
                        "Sign not allowed with integer format specifier 'c'",
                    ));
                }
                let code = n
                    .to_u32()
                    .and_then(char::from_u32)
                    .ok_or_else(|| PyErr::overflow_error("%c arg not in range(0x110000)"))?;
                return Ok(self.pad("", &code.to_string(), '>', false));
            }
            Some(k) => {
                return Err(PyErr::value_error(format!(
                    "Unknown format code '{k}' for object of type 'int'"
                )))
            }
        };
        let mut digits = n.abs().to_str_radix(radix);
        if self.kind == Some('X') {
            digits = digits.to_uppercase();
        }
        if let Some(g) = self.grouping {
            if g == ',' && radix != 10 {
                return Err(PyErr::value_error(format!(
                    "Cannot specify ',' with '{}'.",
                    self.kind.unwrap_or('d')
                )));
            }
            let every = if radix == 10 { 3 } else { 4 };
            digits = self.group(&digits, g, every);
        }
        let sign = self.sign_text(n.is_negative());
        let prefix = if self.alternate { prefix } else { "" };
        Ok(self.pad(&format!("{sign}{prefix}"), &digits, '>', true))
    }

    fn sign_text(&self, negative: bool) -> &'static str {
        if negative {
            "-"
        } else {
            match self.sign {
                Some('+') => "+",
                Some(' ') => " ",
                _ => "",
            }
        }
    }

    /// Inserts a separator every `every` digits from the right, widening with zeros to the
    /// requested width when zero-padding, as CPython does.
    fn group(&self, digits: &str, sep: char, every: usize) -> String {
        let chars: Vec<char> = digits.chars().collect();
        let mut out: Vec<char> = Vec::new();
        for (i, c) in chars.iter().rev().enumerate() {
            if i > 0 && i % every == 0 {
                out.push(sep);
            }
            out.push(*c);
        }
        out.reverse();
        out.into_iter().collect()
    }

    pub fn format_float(&self, x: f64) -> PyResult<String> {
        let kind = self.kind;
        if let Some(k) = kind {
            if !matches!(k, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' | 'n') {
                return Err(PyErr::value_error(format!(
                    "Unknown format code '{k}' for object of type 'float'"
                )));
            }
        }
        let negative = x.is_sign_negative() && !(self.no_neg_zero && x == 0.0) && !x.is_nan();
        let a = x.abs();
        let upper = matches!(kind, Some('E' | 'F' | 'G'));
        let mut body = if !a.is_finite() {
            let s = if a.is_nan() { "nan" } else { "inf" };
            if upper {
                s.to_uppercase()
            } else {
                s.to_string()
            }
        } else {
            match kind {
                Some('f' | 'F') => fixed(a, self.precision.unwrap_or(6), self.alternate),
                Some('e' | 'E') => {
                    let s = sci(a, self.precision.unwrap_or(6), self.alternate);
                    if upper {
                        s.to_uppercase()
                    } else {
                        s
                    }
                }
                Some('%') => format!(
                    "{}%",
                    fixed(a * 100.0, self.precision.unwrap_or(6), self.alternate)
                ),
                Some('g' | 'G' | 'n') => {
                    let s = general(a, self.precision.unwrap_or(6), self.alternate, false);
                    if upper {
                        s.to_uppercase()
                    } else {
                        s
                    }
                }
                _ => match self.precision {
                    None => {
                        let r = float_repr(a);
                        r
                    }
                    Some(p) => general(a, p, self.alternate, true),
                },
            }
        };
        if let Some(g) = self.grouping {
            let (int_part, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
                Some(i) => (body[..i].to_string(), body[i..].to_string()),
                None => (body.clone(), String::new()),
            };
            body = format!("{}{}", self.group(&int_part, g, 3), rest);
        }
        let sign = self.sign_text(negative);
        Ok(self.pad(sign, &body, '>', true))
    }
}

/// Fixed-point with `p` digits after the point.
fn fixed(x: f64, p: usize, alternate: bool) -> String {
    let s = format!("{:.*}", p, x);
    if alternate && p == 0 {
        format!("{s}.")
    } else {
        s
    }
}

/// Scientific with `p` digits after the point and a two-digit exponent.
fn sci(x: f64, p: usize, alternate: bool) -> String {
    let s = format!("{:.*e}", p, x);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mant = if alternate && p == 0 {
        format!("{mant}.")
    } else {
        mant.to_string()
    };
    format!("{mant}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
}

/// The `g` format; `repr_like` is the no-type variant, which keeps one digit after the point.
fn general(x: f64, p: usize, alternate: bool, repr_like: bool) -> String {
    let p = p.max(1);
    if x == 0.0 {
        let exp = 0;
        let _ = exp;
        return if alternate {
            format!("0.{}", "0".repeat(p - 1))
        } else if repr_like {
            "0.0".to_string()
        } else {
            "0".to_string()
        };
    }
    // The exponent after rounding to p significant digits.
    let s = format!("{:.*e}", p - 1, x);
    let exp: i32 = s
        .split_once('e')
        .map(|(_, e)| e.parse().unwrap_or(0))
        .unwrap_or(0);
    let mut out = if exp < -4 || exp >= p as i32 {
        let mut m = s
            .split_once('e')
            .map(|(m, _)| m.to_string())
            .unwrap_or_default();
        if !alternate && m.contains('.') {
            m = m.trim_end_matches('0').trim_end_matches('.').to_string();
        }
        format!("{m}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
    } else {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        let mut f = format!("{:.*}", decimals, x);
        if !alternate && f.contains('.') {
            f = f.trim_end_matches('0').trim_end_matches('.').to_string();
        }
        if repr_like && !f.contains('.') {
            f.push_str(".0");
        }
        f
    };
    if alternate && !out.contains('.') {
        if let Some(pos) = out.find('e') {
            out.insert(pos, '.');
        } else {
            out.push('.');
        }
    }
    out
}

#[allow(dead_code)]
fn _unused(b: &BigInt) -> bool {
    b.is_zero() && shortest_digits(1.0).1 == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(spec: &str, x: f64, expect: &str) {
        assert_eq!(
            FormatSpec::parse(spec).unwrap().format_float(x).unwrap(),
            expect
        );
    }

    #[test]
    fn floats() {
        check(".2f", 3.14159, "3.14");
        check(">8.1f", 2.25, "     2.2");
        check("e", 12345.678, "1.234568e+04");
        check("g", 0.00001234, "1.234e-05");
        check("g", 123456789.0, "1.23457e+08");
        check(".1%", 0.256, "25.6%");
        check(",.2f", 1234567.891, "1,234,567.89");
        check("", 1.5, "1.5");
        check(".3", 2.0, "2.0");
        check("08.2f", -3.5, "-0003.50");
    }
}
