//! The format-spec mini-language, `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`:
//! a port of CPython 3.11's `Python/formatter_unicode.c` and of the float layout of
//! `Python/pystrtod.c` (`PyOS_double_to_string`).
//!
//! `FormatSpec::parse` reads a spec for one type (its default type and alignment differ:
//! `s`/`<` for `str`, `d`/`>` for `int`, none/`>` for `float`). `format_str`, `format_int` and
//! `format_float` lay a value out: sign, prefix, zero padding between the sign and the digits,
//! thousands grouping that widens with zeros to the requested width (`format(1234, '010,')` is
//! `00,001,234`), and CPython's error for every combination a type refuses. `double_to_string`
//! is the float-to-text core shared with `%`-formatting (`builtins/percent.rs`): correctly
//! rounded digits (Rust's exact formatting) laid out by CPython's `format_float_short`.
//!
//! What this module does not do: locales. The `n` type uses the C locale, as CPython does in a
//! program that never calls `setlocale`, so it groups nothing.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::builtins::chars::decimal_value;
use crate::error::{PyErr, PyResult};
use crate::object::number;
use crate::object::value::Value;
use crate::vm::Vm;

/// The thousands separator requested by a spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    None,
    /// `,`: every three digits.
    Comma,
    /// `_`: every three digits in decimal.
    Underscore,
    /// `_` with `b`, `o`, `x` or `X`: every four digits.
    UnderscoreFour,
}

/// A parsed spec, with CPython's defaults filled in.
#[derive(Clone, Debug)]
pub struct FormatSpec {
    pub fill: char,
    /// One of `<`, `>`, `^`, `=`.
    pub align: char,
    /// `+`, `-`, ` `, or `None` when not given.
    pub sign: Option<char>,
    pub no_neg_zero: bool,
    pub alternate: bool,
    pub width: Option<usize>,
    pub grouping: Grouping,
    pub precision: Option<usize>,
    /// The presentation type; `'\0'` when there is none.
    pub kind: char,
}

/// Specs asking for more than this many characters raise `MemoryError` instead of aborting.
const MAX_WIDTH: usize = crate::builtins::clinic::MAX_RESULT;

/// `get_integer`: a run of decimal digits (any script) starting at `*pos`.
fn get_integer(chars: &[char], pos: &mut usize) -> PyResult<Option<usize>> {
    let start = *pos;
    let mut acc: usize = 0;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        acc = acc
            .checked_mul(10)
            .and_then(|x| x.checked_add(d as usize))
            .filter(|&x| x <= isize::MAX as usize)
            .ok_or_else(|| PyErr::value_error("Too many decimal digits in format string"))?;
        *pos += 1;
    }
    Ok(if *pos > start { Some(acc) } else { None })
}

/// How CPython names a presentation type in messages (`'d'`, or `'\x1'` outside ASCII).
fn type_char(c: char) -> String {
    let u = c as u32;
    if u > 32 && u < 128 {
        c.to_string()
    } else {
        format!("\\x{u:x}")
    }
}

fn unknown_type(kind: char, type_name: &str) -> PyErr {
    PyErr::value_error(format!(
        "Unknown format code '{}' for object of type '{type_name}'",
        type_char(kind)
    ))
}

impl FormatSpec {
    /// `parse_internal_render_format_spec`.
    pub fn parse(
        spec: &str,
        default_kind: char,
        default_align: char,
        type_name: &str,
    ) -> PyResult<FormatSpec> {
        let chars: Vec<char> = spec.chars().collect();
        let end = chars.len();
        let mut f = FormatSpec {
            fill: ' ',
            align: default_align,
            sign: None,
            no_neg_zero: false,
            alternate: false,
            width: None,
            grouping: Grouping::None,
            precision: None,
            kind: default_kind,
        };
        let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
        let mut pos = 0;
        let mut fill_specified = false;
        let mut align_specified = false;
        if end >= 2 && is_align(chars[1]) {
            f.align = chars[1];
            f.fill = chars[0];
            fill_specified = true;
            align_specified = true;
            pos = 2;
        } else if end >= 1 && is_align(chars[0]) {
            f.align = chars[0];
            align_specified = true;
            pos = 1;
        }
        if pos < end && matches!(chars[pos], '+' | '-' | ' ') {
            f.sign = Some(chars[pos]);
            pos += 1;
        }
        if pos < end && chars[pos] == 'z' {
            f.no_neg_zero = true;
            pos += 1;
        }
        if pos < end && chars[pos] == '#' {
            f.alternate = true;
            pos += 1;
        }
        if !fill_specified && pos < end && chars[pos] == '0' {
            f.fill = '0';
            if !align_specified && default_align == '>' {
                f.align = '=';
            }
            pos += 1;
        }
        f.width = get_integer(&chars, &mut pos)?;
        if pos < end && chars[pos] == ',' {
            f.grouping = Grouping::Comma;
            pos += 1;
        }
        if pos < end && chars[pos] == '_' {
            if f.grouping != Grouping::None {
                return Err(PyErr::value_error("Cannot specify both ',' and '_'."));
            }
            f.grouping = Grouping::Underscore;
            pos += 1;
        }
        if pos < end && chars[pos] == ',' && f.grouping == Grouping::Underscore {
            return Err(PyErr::value_error("Cannot specify both ',' and '_'."));
        }
        if pos < end && chars[pos] == '.' {
            pos += 1;
            f.precision = get_integer(&chars, &mut pos)?;
            if f.precision.is_none() {
                return Err(PyErr::value_error("Format specifier missing precision"));
            }
        }
        if end - pos > 1 {
            return Err(PyErr::value_error(format!(
                "Invalid format specifier '{spec}' for object of type '{type_name}'"
            )));
        }
        if end - pos == 1 {
            f.kind = chars[pos];
        }
        if f.grouping != Grouping::None {
            match f.kind {
                'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => {}
                'b' | 'o' | 'x' | 'X' if f.grouping == Grouping::Underscore => {
                    f.grouping = Grouping::UnderscoreFour;
                }
                k => {
                    let sep = if f.grouping == Grouping::Comma {
                        ','
                    } else {
                        '_'
                    };
                    return Err(PyErr::value_error(format!(
                        "Cannot specify '{sep}' with '{}'.",
                        type_char(k)
                    )));
                }
            }
        }
        if f.width.is_some_and(|w| w > MAX_WIDTH) {
            return Err(PyErr::memory_error());
        }
        Ok(f)
    }

    /// `format_string_internal`.
    pub fn format_str(&self, s: &str) -> PyResult<String> {
        if self.kind != 's' {
            return Err(unknown_type(self.kind, "str"));
        }
        match self.sign {
            Some(' ') => {
                return Err(PyErr::value_error(
                    "Space not allowed in string format specifier",
                ))
            }
            Some(_) => {
                return Err(PyErr::value_error(
                    "Sign not allowed in string format specifier",
                ))
            }
            None => {}
        }
        if self.no_neg_zero {
            return Err(PyErr::value_error(
                "Negative zero coercion (z) not allowed in string format specifier",
            ));
        }
        if self.alternate {
            return Err(PyErr::value_error(
                "Alternate form (#) not allowed in string format specifier",
            ));
        }
        if self.align == '=' {
            return Err(PyErr::value_error(
                "'=' alignment not allowed in string format specifier",
            ));
        }
        let text: &str = match self.precision {
            Some(p) => match s.char_indices().nth(p) {
                Some((b, _)) => &s[..b],
                None => s,
            },
            None => s,
        };
        let len = text.chars().count();
        let total = self.width.unwrap_or(0).max(len);
        let lpad = match self.align {
            '>' => total - len,
            '^' => (total - len) / 2,
            _ => 0,
        };
        let rpad = total - len - lpad;
        let mut out = String::with_capacity(text.len() + lpad + rpad);
        out.extend(std::iter::repeat_n(self.fill, lpad));
        out.push_str(text);
        out.extend(std::iter::repeat_n(self.fill, rpad));
        Ok(out)
    }

    /// `int.__format__` with a parsed spec (`_PyLong_FormatAdvancedWriter`); `type_name` is
    /// `int` or `bool`, for messages.
    pub fn format_int(&self, vm: &mut Vm, v: &Value, type_name: &str) -> PyResult<String> {
        match self.kind {
            'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
                let x = match v {
                    Value::BigInt(b) => number::bigint_to_f64(b)?,
                    Value::Int(i) => *i as f64,
                    Value::Bool(b) => *b as i64 as f64,
                    _ => 0.0,
                };
                return self.format_float(x);
            }
            k => return Err(unknown_type(k, type_name)),
        }
        if self.precision.is_some() {
            return Err(PyErr::value_error(
                "Precision not allowed in integer format specifier",
            ));
        }
        if self.no_neg_zero {
            return Err(PyErr::value_error(
                "Negative zero coercion (z) not allowed in integer format specifier",
            ));
        }
        let n: BigInt = number::to_bigint(v).unwrap_or_default();
        if self.kind == 'c' {
            if self.sign.is_some() {
                return Err(PyErr::value_error(
                    "Sign not allowed with integer format specifier 'c'",
                ));
            }
            if self.alternate {
                return Err(PyErr::value_error(
                    "Alternate form (#) not allowed with integer format specifier 'c'",
                ));
            }
            let code = n.to_i64().ok_or_else(|| {
                PyErr::overflow_error("Python int too large to convert to C long")
            })?;
            let ch = u32::try_from(code)
                .ok()
                .filter(|&c| c < 0x110000)
                .ok_or_else(|| PyErr::overflow_error("%c arg not in range(0x110000)"))?;
            let Some(ch) = char::from_u32(ch) else {
                return Err(PyErr::not_implemented(
                    "lone surrogate characters are not supported by Coro",
                ));
            };
            let number = Number {
                sign: None,
                prefix: "",
                digits: String::new(),
                remainder: ch.to_string(),
            };
            return Ok(self.layout(&number, Grouping::None));
        }
        let (radix, prefix) = match self.kind {
            'b' => (2, "0b"),
            'o' => (8, "0o"),
            'x' => (16, "0x"),
            'X' => (16, "0X"),
            _ => (10, ""),
        };
        let mut digits = if radix == 10 {
            match v {
                Value::BigInt(b) => vm.bigint_to_string(&b.abs())?,
                _ => n.abs().to_string(),
            }
        } else {
            n.abs().to_str_radix(radix)
        };
        if self.kind == 'X' {
            digits.make_ascii_uppercase();
        }
        let number = Number {
            sign: n.is_negative().then_some('-'),
            prefix: if self.alternate { prefix } else { "" },
            digits,
            remainder: String::new(),
        };
        let grouping = if self.kind == 'n' {
            Grouping::None
        } else {
            self.grouping
        };
        Ok(self.layout(&number, grouping))
    }

    /// `float.__format__` with a parsed spec (`format_float_internal`).
    pub fn format_float(&self, x: f64) -> PyResult<String> {
        let mut kind = self.kind;
        match kind {
            '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%' => {}
            k => return Err(unknown_type(k, "float")),
        }
        let precision = match self.precision {
            Some(p) if p > i32::MAX as usize => {
                return Err(PyErr::value_error("precision too big"));
            }
            Some(p) if p > MAX_WIDTH => return Err(PyErr::memory_error()),
            p => p,
        };
        let mut flags = DtoaFlags {
            sign: false,
            add_dot_0: false,
            alt: self.alternate,
            no_neg_zero: self.no_neg_zero,
        };
        let mut default_precision = 6;
        if kind == '\0' {
            flags.add_dot_0 = true;
            kind = 'r';
            default_precision = 0;
        }
        if kind == 'n' {
            kind = 'g';
        }
        let mut val = x;
        let add_pct = kind == '%';
        if add_pct {
            kind = 'f';
            val *= 100.0;
        }
        let precision = match precision {
            None => default_precision,
            Some(p) => {
                if kind == 'r' {
                    kind = 'g';
                }
                p
            }
        };
        let mut text = double_to_string(val, kind, precision, flags);
        if add_pct {
            text.push('%');
        }
        let (sign, body) = match text.strip_prefix('-') {
            Some(rest) => (Some('-'), rest),
            None => (None, text.as_str()),
        };
        let split = body
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(body.len());
        let number = Number {
            sign,
            prefix: "",
            digits: body[..split].to_string(),
            remainder: body[split..].to_string(),
        };
        let grouping = if self.kind == 'n' {
            Grouping::None
        } else {
            self.grouping
        };
        Ok(self.layout(&number, grouping))
    }

    /// `calc_number_widths` and `fill_number`: lays out
    /// `<lpadding><sign><prefix><spadding><grouped digits><remainder><rpadding>`.
    fn layout(&self, n: &Number, grouping: Grouping) -> String {
        let sign = match (self.sign, n.sign) {
            (_, Some('-')) => Some('-'),
            (Some('+'), _) => Some('+'),
            (Some(' '), _) => Some(' '),
            _ => None,
        };
        let n_sign = sign.is_some() as usize;
        let n_remainder = n.remainder.chars().count();
        let non_digit = n_sign + n.prefix.len() + n_remainder;
        let width = self.width.map_or(-1, |w| w as i64);
        let min_width = if self.fill == '0' && self.align == '=' {
            width - non_digit as i64
        } else {
            0
        };
        let grouped = if n.digits.is_empty() {
            String::new()
        } else {
            group_digits(&n.digits, min_width, grouping)
        };
        let used = (non_digit + grouped.chars().count()) as i64;
        let padding = (width - used).max(0) as usize;
        let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
        match self.align {
            '<' => rpad = padding,
            '^' => {
                lpad = padding / 2;
                rpad = padding - lpad;
            }
            '=' => spad = padding,
            _ => lpad = padding,
        }
        let mut out = String::with_capacity(used as usize + padding);
        out.extend(std::iter::repeat_n(self.fill, lpad));
        if let Some(s) = sign {
            out.push(s);
        }
        out.push_str(n.prefix);
        out.extend(std::iter::repeat_n(self.fill, spad));
        out.push_str(&grouped);
        out.push_str(&n.remainder);
        out.extend(std::iter::repeat_n(self.fill, rpad));
        out
    }
}

/// A number split for layout: sign, prefix (`0x`), the digits to group, and the rest
/// (decimal point, fraction, exponent, `%`, or the character of `c`).
struct Number {
    sign: Option<char>,
    prefix: &'static str,
    digits: String,
    remainder: String,
}

/// `_PyUnicode_InsertThousandsGrouping`: inserts separators and, when `min_width` asks for it,
/// leading zeros (grouped like the digits).
fn group_digits(digits: &str, min_width: i64, grouping: Grouping) -> String {
    let (sep, every) = match grouping {
        Grouping::None => (None, 0),
        Grouping::Comma => (Some(','), 3),
        Grouping::Underscore => (Some('_'), 3),
        Grouping::UnderscoreFour => (Some('_'), 4),
    };
    let every: i64 = every;
    let mut remaining = digits.len() as i64;
    let mut min_width = min_width.max(0);
    // Pieces from the right: (leading zeros, start, end) of each group.
    let mut pieces: Vec<(i64, i64, i64)> = Vec::new();
    let mut finished = false;
    if every > 0 {
        loop {
            let l = every.min(remaining.max(min_width).max(1));
            let chars = remaining.min(l).max(0);
            pieces.push(((l - remaining).max(0), remaining - chars, remaining));
            remaining -= chars;
            min_width -= l;
            if remaining <= 0 && min_width <= 0 {
                finished = true;
                break;
            }
            // The separator counts towards the width too.
            min_width -= 1;
        }
    }
    if !finished {
        let l = remaining.max(min_width).max(1);
        let chars = remaining.min(l).max(0);
        pieces.push(((l - remaining).max(0), remaining - chars, remaining));
    }
    let mut out = String::with_capacity(digits.len() + pieces.len() * 2);
    for (i, &(zeros, start, end)) in pieces.iter().enumerate().rev() {
        out.extend(std::iter::repeat_n('0', zeros as usize));
        out.push_str(&digits[start as usize..end as usize]);
        if let (true, Some(s)) = (i > 0, sep) {
            out.push(s);
        }
    }
    out
}

/// The flags of `PyOS_double_to_string`.
#[derive(Clone, Copy, Debug, Default)]
pub struct DtoaFlags {
    /// Always write a sign (`Py_DTSF_SIGN`).
    pub sign: bool,
    /// Keep one digit after the point for integral values (`Py_DTSF_ADD_DOT_0`).
    pub add_dot_0: bool,
    /// The alternate form: keep the point and trailing zeros (`Py_DTSF_ALT`).
    pub alt: bool,
    /// Write a zero that rounds from a negative number without its sign (`Py_DTSF_NO_NEG_0`).
    pub no_neg_zero: bool,
}

/// `_Py_dg_dtoa` for a finite `x >= 0`: the significant digits without trailing zeros and the
/// position of the decimal point (`x = 0.DIGITS * 10**decpt`). `mode` 0 is the shortest
/// round-tripping digits, 2 is `ndigits` significant digits, 3 is `ndigits` past the point.
fn dtoa(x: f64, mode: u8, ndigits: usize) -> (String, i64) {
    if x == 0.0 {
        return ("0".to_string(), 1);
    }
    let (mut digits, mut decpt) = match mode {
        0 | 2 => {
            let s = if mode == 0 {
                format!("{x:e}")
            } else {
                format!("{:.*e}", ndigits.max(1) - 1, x)
            };
            let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
            let digits: String = mant.chars().filter(char::is_ascii_digit).collect();
            (digits, exp.parse::<i64>().unwrap_or(0) + 1)
        }
        _ => {
            let s = format!("{:.*}", ndigits, x);
            let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
            let mut digits = format!("{int}{frac}");
            let mut decpt = int.len() as i64;
            let zeros = digits.len() - digits.trim_start_matches('0').len();
            digits.drain(..zeros);
            decpt -= zeros as i64;
            if digits.is_empty() {
                return (String::new(), -(ndigits as i64));
            }
            (digits, decpt)
        }
    };
    let kept = digits.trim_end_matches('0').len().max(1);
    digits.truncate(kept);
    if digits == "0" {
        decpt = 1;
    }
    (digits, decpt)
}

/// `PyOS_double_to_string(x, code, precision, flags)` for the codes `e`, `E`, `f`, `F`, `g`,
/// `G` and `r` (the shortest repr).
pub fn double_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    let mut out = String::new();
    if x.is_nan() || x.is_infinite() {
        // The sign of a NaN is never shown.
        if x.is_sign_negative() && x.is_infinite() {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        let word = if x.is_nan() { "nan" } else { "inf" };
        out.push_str(&if upper {
            word.to_ascii_uppercase()
        } else {
            word.to_string()
        });
        return out;
    }
    let (mode, ndigits) = match code {
        'e' => (2, precision + 1),
        'f' => (3, precision),
        'g' => (2, precision.max(1)),
        _ => (0, 0),
    };
    let (digits, decpt) = dtoa(x.abs(), mode, ndigits);
    let mut negative = x.is_sign_negative();
    if flags.no_neg_zero && negative && (digits.is_empty() || digits == "0") {
        negative = false;
    }
    let digits_len = digits.len() as i64;
    let mut decpt = decpt;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    let ndigits = ndigits as i64;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = ndigits;
        }
        'f' => vdigits_end = decpt + ndigits,
        'g' => {
            let limit = if flags.add_dot_0 {
                ndigits - 1
            } else {
                ndigits
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = ndigits;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && flags.add_dot_0 {
        vdigits_end.max(decpt + 1)
    } else {
        vdigits_end.max(decpt)
    };
    let zeros = |out: &mut String, n: i64| out.extend(std::iter::repeat_n('0', n.max(0) as usize));
    if negative {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    } else {
        out.push_str(&digits);
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push_str(&format!("{exp:+03}"));
    }
    out
}

/// `format(v, spec)` for the builtin types that have their own `__format__` (`str`, `int`,
/// `bool`, `float`); other values accept only the empty spec.
pub fn format_builtin(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    match v {
        Value::Str(s) => {
            if spec.is_empty() {
                return Ok(s.as_str().to_string());
            }
            FormatSpec::parse(spec, 's', '<', "str")?.format_str(s)
        }
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            if spec.is_empty() {
                return Ok(vm.str(v)?.as_str().to_string());
            }
            let name = v.builtin_type_name();
            FormatSpec::parse(spec, 'd', '>', name)?.format_int(vm, v, name)
        }
        Value::Float(x) => {
            if spec.is_empty() {
                return Ok(double_to_string(
                    *x,
                    'r',
                    0,
                    DtoaFlags {
                        add_dot_0: true,
                        ..DtoaFlags::default()
                    },
                ));
            }
            FormatSpec::parse(spec, '\0', '>', "float")?.format_float(*x)
        }
        _ if spec.is_empty() => Ok(vm.str(v)?.as_str().to_string()),
        _ => Err(PyErr::type_error(format!(
            "unsupported format string passed to {}.__format__",
            v.type_name()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::host::Interrupt;

    fn check(v: Value, spec: &str, expect: &str) {
        let mut vm = Vm::new(Interrupt::new());
        let got = match format_builtin(&mut vm, &v, spec) {
            Ok(s) => s,
            Err(e) => format!("{}: {}", e.class_name(), e.message()),
        };
        assert_eq!(got, expect, "format({v:?}, {spec:?})");
    }

    fn f(x: f64) -> Value {
        Value::Float(x)
    }

    #[test]
    fn floats() {
        check(f(1.23456), ".2f", "1.23");
        check(f(2.25), ">8.1f", "     2.2");
        check(f(12345.678), "e", "1.234568e+04");
        check(f(0.00001234), "g", "1.234e-05");
        check(f(123456789.0), "g", "1.23457e+08");
        check(f(0.256), ".1%", "25.6%");
        check(f(1234567.891), ",.2f", "1,234,567.89");
        check(f(1.5), "", "1.5");
        check(f(2.0), ".3", "2.0");
        check(f(123.0), ".3", "1.23e+02");
        check(f(-3.5), "08.2f", "-0003.50");
        check(f(-0.0), "z", "0.0");
        check(f(-0.0001), "z.2f", "0.00");
        check(f(-0.0001), ".2f", "-0.00");
        check(f(f64::NAN), "010", "0000000nan");
        check(f(-f64::INFINITY), "010", "-000000inf");
        check(f(-f64::NAN), "+f", "+nan");
        check(f(1.0), "#g", "1.00000");
        check(f(1e-5), "#", "1.e-05");
        check(f(0.5), "#.0%", "50.%");
        check(f(12345.678), "015,.2f", "0,000,012,345.68");
        check(f(12345.5), "_", "12_345.5");
        check(f(1e16), "<6", "1e+16 ");
        check(
            f(1.5),
            "d",
            "ValueError: Unknown format code 'd' for object of type 'float'",
        );
        check(f(1.5), ".2147483648f", "ValueError: precision too big");
        check(f(1.5), "=^10", "===1.5====");
        check(f(2.75), "=+10.3", "+     2.75");
    }

    #[test]
    fn ints() {
        check(Value::Int(1234), "010,", "00,001,234");
        check(Value::Int(1234567), "012_", "0_001_234_567");
        check(Value::Int(0xfffff), "#012_x", "0x0_000f_ffff");
        check(Value::Int(255), "#_b", "0b1111_1111");
        check(Value::Int(-255), "#_X", "-0XFF");
        check(Value::Int(-123), "#010b", "-0b1111011");
        check(Value::Int(-5), "=+7", "-     5");
        check(Value::Int(5), "<05", "50000");
        check(Value::Int(12), "^+06", "0+1200");
        check(Value::Int(65), "c", "A");
        check(
            Value::Int(65),
            "+c",
            "ValueError: Sign not allowed with integer format specifier 'c'",
        );
        check(
            Value::Int(-1),
            "c",
            "OverflowError: %c arg not in range(0x110000)",
        );
        check(
            Value::Int(5),
            "z",
            "ValueError: Negative zero coercion (z) not allowed in integer format specifier",
        );
        check(
            Value::Int(5),
            ".2",
            "ValueError: Precision not allowed in integer format specifier",
        );
        check(
            Value::Int(1234),
            ",x",
            "ValueError: Cannot specify ',' with 'x'.",
        );
        check(
            Value::Int(5),
            ",_",
            "ValueError: Cannot specify both ',' and '_'.",
        );
        check(
            Value::Int(5),
            "\u{1}",
            "ValueError: Unknown format code '\\x1' for object of type 'int'",
        );
        check(
            Value::Int(5),
            "abc",
            "ValueError: Invalid format specifier 'abc' for object of type 'int'",
        );
        check(Value::Int(5), "%", "500.000000%");
        check(Value::Int(5), "\u{661}\u{660}", "         5");
        check(Value::Bool(true), "", "True");
        check(Value::Bool(true), "5", "    1");
        check(
            Value::Bool(true),
            "s",
            "ValueError: Unknown format code 's' for object of type 'bool'",
        );
        check(Value::Bool(true), ".1f", "1.0");
    }

    #[test]
    fn strings() {
        check(Value::str("ab"), "05", "ab000");
        check(Value::str("abc"), "^7.2", "  ab   ");
        check(Value::str("abc"), "s<7", "abcssss");
        check(
            Value::str("a"),
            " ",
            "ValueError: Space not allowed in string format specifier",
        );
        check(
            Value::str("a"),
            "z#",
            "ValueError: Negative zero coercion (z) not allowed in string format specifier",
        );
        check(
            Value::str("a"),
            "=5",
            "ValueError: '=' alignment not allowed in string format specifier",
        );
        check(
            Value::str("a"),
            ",",
            "ValueError: Cannot specify ',' with 's'.",
        );
        check(Value::str("é"), "^3", " é ");
    }

    #[test]
    fn double_to_string_codes() {
        let flags = DtoaFlags::default();
        let cases = [
            (2.5, 'f', 0, "2"),
            (0.125, 'f', 2, "0.12"),
            (1.5, 'e', 0, "2e+00"),
            (1e22, 'f', 0, "10000000000000000000000"),
            (1e-5, 'g', 6, "1e-05"),
            (1e20, 'G', 6, "1E+20"),
            (123456789.0, 'g', 3, "1.23e+08"),
            (0.0001234, 'g', 3, "0.000123"),
            (f64::INFINITY, 'F', 6, "INF"),
        ];
        for (x, code, prec, expect) in cases {
            assert_eq!(
                double_to_string(x, code, prec, flags),
                expect,
                "{x} {code} {prec}"
            );
        }
    }
}
