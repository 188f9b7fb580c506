//! `str % args`: printf-style formatting, a port of CPython 3.11's `PyUnicode_Format`.
//!
//! A tuple right operand supplies the arguments in order; any other value is the one argument,
//! and a mapping (anything with `__getitem__` that is not a tuple or a string, as
//! `PyMapping_Check` decides) also serves `%(name)s` keys. The conversions are `%s %r %a %d %i
//! %u %o %x %X %e %E %f %F %g %G %c %%`, with the flags `-+ #0`, a width and a precision (either
//! may be `*`), and the length modifiers `h l L`, which are ignored. Errors are CPython's, raised
//! at the same point of the scan (`not enough arguments for format string`, `unsupported format
//! character 'y' (0x79) at index 1` ...).
//!
//! What this module does not do: `bytes % args`.

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::Signed;

use crate::error::{PyErr, PyResult};
use crate::object::formatspec::{double_to_string, DtoaFlags};
use crate::object::number;
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::vm::Vm;

const F_LJUST: u8 = 1;
const F_SIGN: u8 = 2;
const F_BLANK: u8 = 4;
const F_ALT: u8 = 8;
const F_ZERO: u8 = 16;

/// The arguments being consumed: CPython's `args`, `arglen`, `argidx` and `dict`.
struct Args<'a> {
    /// The current argument source: the tuple, the single value, or a mapping's value.
    args: Value,
    tuple: Option<Rc<crate::object::tuple::PyTuple>>,
    /// `-1` when `args` is a single value.
    arglen: i64,
    argidx: i64,
    dict: Option<&'a Value>,
}

impl Args<'_> {
    fn next(&mut self) -> PyResult<Value> {
        if self.argidx < self.arglen {
            let i = self.argidx;
            self.argidx += 1;
            return Ok(match &self.tuple {
                Some(t) if self.arglen >= 0 => t.items()[i as usize].clone(),
                _ => self.args.clone(),
            });
        }
        Err(PyErr::type_error("not enough arguments for format string"))
    }
}

/// One conversion's options.
struct Spec {
    ch: char,
    flags: u8,
    width: Option<usize>,
    prec: Option<usize>,
    /// Whether the conversion is numeric (its sign is handled by the padding step).
    sign: bool,
}

/// Whether CPython's `PyMapping_Check` holds for a right operand.
fn is_mapping(vm: &mut Vm, v: &Value) -> bool {
    match v {
        Value::Dict(_) | Value::List(_) | Value::Range(_) | Value::Bytes(_) => true,
        Value::Tuple(_) | Value::Str(_) => false,
        Value::Instance(_) => vm.lookup_special(v, "__getitem__").is_some(),
        Value::Native(n) => matches!(&**n, crate::object::native::Native::Deque { .. }),
        _ => false,
    }
}

/// `fmt % args`.
pub fn percent_format(vm: &mut Vm, fmt: &Rc<PyStr>, args: &Value) -> PyResult<Rc<PyStr>> {
    let (tuple, arglen, argidx) = match args {
        Value::Tuple(t) => (Some(t.clone()), t.len() as i64, 0),
        _ => (None, -1, -2),
    };
    let dict = if is_mapping(vm, args) {
        Some(args)
    } else {
        None
    };
    let mut ctx = Args {
        args: args.clone(),
        tuple,
        arglen,
        argidx,
        dict,
    };
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut pos = 0;
    while pos < chars.len() {
        let c = chars[pos];
        pos += 1;
        if c != '%' {
            out.push(c);
            continue;
        }
        if chars.get(pos) == Some(&'%') {
            pos += 1;
            out.push('%');
            continue;
        }
        let spec = parse_spec(vm, &chars, &mut pos, &mut ctx)?;
        format_arg(vm, &mut ctx, spec, pos, &mut out)?;
        if ctx.dict.is_some() && ctx.argidx < ctx.arglen {
            return Err(not_all_converted());
        }
    }
    if ctx.argidx < ctx.arglen && ctx.dict.is_none() {
        return Err(not_all_converted());
    }
    Ok(PyStr::from_string(out))
}

fn not_all_converted() -> PyErr {
    PyErr::type_error("not all arguments converted during string formatting")
}

/// A `*` width or precision.
fn star_arg(ctx: &mut Args<'_>) -> PyResult<i64> {
    match ctx.next()? {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(b as i64),
        Value::BigInt(_) => Err(PyErr::overflow_error(
            "Python int too large to convert to C ssize_t",
        )),
        _ => Err(PyErr::type_error("* wants int")),
    }
}

/// `unicode_format_arg_parse`: reads `(key)`, flags, width, precision, length modifier and the
/// conversion character, starting just after the `%`.
fn parse_spec(vm: &mut Vm, chars: &[char], pos: &mut usize, ctx: &mut Args<'_>) -> PyResult<Spec> {
    let incomplete = || PyErr::value_error("incomplete format");
    let mut spec = Spec {
        ch: '\0',
        flags: 0,
        width: None,
        prec: None,
        sign: false,
    };
    if chars.get(*pos) == Some(&'(') {
        let Some(dict) = ctx.dict else {
            return Err(PyErr::type_error("format requires a mapping"));
        };
        *pos += 1;
        let start = *pos;
        let mut depth = 1;
        while depth > 0 && *pos < chars.len() {
            match chars[*pos] {
                ')' => depth -= 1,
                '(' => depth += 1,
                _ => {}
            }
            *pos += 1;
        }
        if depth > 0 {
            return Err(PyErr::value_error("incomplete format key"));
        }
        let key: String = chars[start..*pos - 1].iter().collect();
        ctx.args = vm.getitem(dict, &Value::from_string(key))?;
        ctx.tuple = None;
        ctx.arglen = -1;
        ctx.argidx = -2;
    }
    let next = |pos: &mut usize| -> Option<char> {
        let c = chars.get(*pos).copied();
        if c.is_some() {
            *pos += 1;
        }
        c
    };
    let mut ch = next(pos).ok_or_else(incomplete)?;
    loop {
        let flag = match ch {
            '-' => F_LJUST,
            '+' => F_SIGN,
            ' ' => F_BLANK,
            '#' => F_ALT,
            '0' => F_ZERO,
            _ => break,
        };
        spec.flags |= flag;
        ch = next(pos).ok_or_else(incomplete)?;
    }
    if ch == '*' {
        let w = star_arg(ctx)?;
        if w < 0 {
            spec.flags |= F_LJUST;
        }
        spec.width = Some(w.unsigned_abs() as usize);
        ch = next(pos).ok_or_else(incomplete)?;
    } else if let Some(d) = ch.to_digit(10) {
        let mut w = d as usize;
        loop {
            ch = next(pos).ok_or_else(incomplete)?;
            let Some(d) = ch.to_digit(10) else { break };
            w = w
                .checked_mul(10)
                .and_then(|w| w.checked_add(d as usize))
                .filter(|&w| w <= isize::MAX as usize)
                .ok_or_else(|| PyErr::value_error("width too big"))?;
        }
        spec.width = Some(w);
    }
    if ch == '.' {
        spec.prec = Some(0);
        ch = next(pos).ok_or_else(incomplete)?;
        if ch == '*' {
            let p = star_arg(ctx)?;
            if p > i32::MAX as i64 || p < i32::MIN as i64 {
                return Err(PyErr::overflow_error(
                    "Python int too large to convert to C int",
                ));
            }
            spec.prec = Some(p.max(0) as usize);
            ch = next(pos).ok_or_else(incomplete)?;
        } else if let Some(d) = ch.to_digit(10) {
            let mut p = d as usize;
            loop {
                ch = next(pos).ok_or_else(incomplete)?;
                let Some(d) = ch.to_digit(10) else { break };
                p = p
                    .checked_mul(10)
                    .and_then(|p| p.checked_add(d as usize))
                    .filter(|&p| p <= i32::MAX as usize)
                    .ok_or_else(|| PyErr::value_error("precision too big"))?;
            }
            spec.prec = Some(p);
        }
    }
    if matches!(ch, 'h' | 'l' | 'L') {
        ch = next(pos).ok_or_else(incomplete)?;
    }
    if spec.width.is_some_and(|w| w > super::clinic::MAX_RESULT)
        || spec.prec.is_some_and(|p| p > super::clinic::MAX_RESULT)
    {
        return Err(PyErr::memory_error());
    }
    spec.ch = ch;
    Ok(spec)
}

/// `unicode_format_arg_format` and `unicode_format_arg_output`.
fn format_arg(
    vm: &mut Vm,
    ctx: &mut Args<'_>,
    mut spec: Spec,
    pos: usize,
    out: &mut String,
) -> PyResult<()> {
    let v = ctx.next()?;
    let text: String = match spec.ch {
        's' => vm.str(&v)?.as_str().to_string(),
        'r' => vm.repr(&v)?.as_str().to_string(),
        'a' => vm.ascii(&v)?.as_str().to_string(),
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            spec.sign = true;
            format_long(vm, &v, &spec)?
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            spec.sign = true;
            let x = to_double(vm, &v)?;
            let flags = DtoaFlags {
                alt: spec.flags & F_ALT != 0,
                ..DtoaFlags::default()
            };
            double_to_string(x, spec.ch, spec.prec.unwrap_or(6), flags)
        }
        'c' => format_char(&v)?.to_string(),
        c => {
            let shown = if (31..=126).contains(&(c as u32)) {
                c
            } else {
                '?'
            };
            return Err(PyErr::value_error(format!(
                "unsupported format character '{shown}' (0x{:x}) at index {}",
                c as u32,
                pos - 1
            )));
        }
    };
    output(&spec, &text, out);
    Ok(())
}

/// `PyFloat_AsDouble` for `%e`/`%f`/`%g`.
fn to_double(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => number::bigint_to_f64(b),
        _ => {
            let has = |vm: &mut Vm, name: &str| vm.lookup_special(v, name).is_some();
            if matches!(v, Value::Instance(_)) && (has(vm, "__float__") || has(vm, "__index__")) {
                match super::constructors::to_float(vm, v)? {
                    Value::Float(f) => return Ok(f),
                    other => return to_double(vm, &other),
                }
            }
            Err(PyErr::type_error(format!(
                "must be real number, not {}",
                v.type_name()
            )))
        }
    }
}

/// `formatchar`: `%c` of an int or a one-character string.
fn format_char(v: &Value) -> PyResult<char> {
    let code = match v {
        Value::Str(s) if s.char_len() == 1 => return Ok(s.chars().next().unwrap_or('\0')),
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(_) => -1,
        _ => return Err(PyErr::type_error("%c requires int or char")),
    };
    if !(0..0x110000).contains(&code) {
        return Err(PyErr::overflow_error("%c arg not in range(0x110000)"));
    }
    char::from_u32(code as u32).ok_or_else(|| {
        PyErr::not_implemented("lone surrogate characters are not supported by Coro")
    })
}

/// `mainformatlong` and `_PyUnicode_FormatLong`: the digits of `%d`/`%o`/`%x`/`%X` with the
/// precision's zero padding and, with `#`, the base prefix (its sign is placed by `output`).
fn format_long(vm: &mut Vm, v: &Value, spec: &Spec) -> PyResult<String> {
    let ch = spec.ch;
    let wrong_type = || {
        let what = if matches!(ch, 'o' | 'x' | 'X') {
            "an integer is required"
        } else {
            "a real number is required"
        };
        PyErr::type_error(format!("%{ch} format: {what}, not {}", v.type_name()))
    };
    let n: BigInt = match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            number::to_bigint(v).unwrap_or_default()
        }
        Value::Float(f) => {
            if matches!(ch, 'o' | 'x' | 'X') {
                return Err(wrong_type());
            }
            let i = number::float_to_int(*f)?;
            number::to_bigint(&i).unwrap_or_default()
        }
        Value::Instance(_) => {
            let r = if matches!(ch, 'o' | 'x' | 'X') {
                if vm.lookup_special(v, "__index__").is_none() {
                    return Err(wrong_type());
                }
                vm.index(v)?
            } else {
                let numeric = ["__index__", "__int__", "__float__"]
                    .iter()
                    .any(|m| vm.lookup_special(v, m).is_some());
                if !numeric {
                    return Err(wrong_type());
                }
                match super::constructors::to_int(vm, v) {
                    Ok(r) => r,
                    Err(e) if e.matches(|t| &t.type_error) => return Err(wrong_type()),
                    Err(e) => return Err(e),
                }
            };
            number::to_bigint(&r).unwrap_or_default()
        }
        _ => return Err(wrong_type()),
    };
    let (radix, prefix) = match ch {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = if radix == 10 {
        vm.bigint_to_string(&n.abs())?
    } else {
        n.abs().to_str_radix(radix)
    };
    if ch == 'X' {
        digits.make_ascii_uppercase();
    }
    if let Some(p) = spec.prec {
        if p > digits.len() {
            digits = format!("{}{digits}", "0".repeat(p - digits.len()));
        }
    }
    let sign = if n.is_negative() { "-" } else { "" };
    let prefix = if spec.flags & F_ALT != 0 { prefix } else { "" };
    Ok(format!("{sign}{prefix}{digits}"))
}

/// `unicode_format_arg_output`: truncation, sign, `#` prefix and padding.
fn output(spec: &Spec, text: &str, out: &mut String) {
    let fill = if spec.sign && spec.flags & F_ZERO != 0 {
        '0'
    } else {
        ' '
    };
    let mut chars: Vec<char> = text.chars().collect();
    if matches!(spec.ch, 's' | 'r' | 'a') {
        if let Some(p) = spec.prec {
            chars.truncate(p);
        }
    }
    let mut body: &[char] = &chars;
    let mut sign_char = None;
    if spec.sign {
        match body.first() {
            Some(&c @ ('-' | '+')) => {
                sign_char = Some(c);
                body = &body[1..];
            }
            _ if spec.flags & F_SIGN != 0 => sign_char = Some('+'),
            _ if spec.flags & F_BLANK != 0 => sign_char = Some(' '),
            _ => {}
        }
    }
    let mut width = spec.width.unwrap_or(0).max(body.len());
    let mut len = body.len();
    if let Some(s) = sign_char {
        if fill != ' ' {
            out.push(s);
        }
        if width > len {
            width -= 1;
        }
    }
    let alt_prefix = spec.flags & F_ALT != 0 && matches!(spec.ch, 'x' | 'X' | 'o');
    if alt_prefix {
        if fill != ' ' {
            out.extend(&body[..2]);
            body = &body[2..];
        }
        width = width.saturating_sub(2);
        len -= 2;
    }
    if width > len && spec.flags & F_LJUST == 0 {
        out.extend(std::iter::repeat_n(fill, width - len));
        width = len;
    }
    if fill == ' ' {
        if let Some(s) = sign_char {
            out.push(s);
        }
        if alt_prefix {
            out.extend(&body[..2]);
            body = &body[2..];
        }
    }
    out.extend(body);
    if width > len {
        out.extend(std::iter::repeat_n(' ', width - len));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::host::Interrupt;

    fn check(fmt: &str, args: Value, expect: &str) {
        let mut vm = Vm::new(Interrupt::new());
        let got = match percent_format(&mut vm, &PyStr::new(fmt), &args) {
            Ok(s) => s.as_str().to_string(),
            Err(e) => format!("{}: {}", e.class_name(), e.message()),
        };
        assert_eq!(got, expect, "{fmt:?}");
    }

    fn t(items: Vec<Value>) -> Value {
        Value::tuple(items)
    }

    fn dict(pairs: &[(&str, Value)]) -> Value {
        let d = crate::object::dict::PyDict::new();
        for (k, v) in pairs {
            d.set_item_str(k, v.clone());
        }
        Value::Dict(Rc::new(d))
    }

    #[test]
    fn conversions() {
        let i = Value::Int;
        check(
            "%s|%r|%a",
            t(vec![Value::str("é"), Value::str("é"), Value::str("é")]),
            "é|'é'|'\\xe9'",
        );
        check("%+d %+d % d", t(vec![i(5), i(-5), i(5)]), "+5 -5  5");
        check(
            "%05d|%-05d|%+05d",
            t(vec![i(-42), i(42), i(42)]),
            "-0042|42   |+0042",
        );
        check(
            "%#x %#X %#o %x %X %o",
            t(vec![i(255), i(255), i(8), i(-255), i(255), i(-8)]),
            "0xff 0XFF 0o10 -ff FF -10",
        );
        check(
            "%#08x|%08x|%-#8x|",
            t(vec![i(255), i(-255), i(255)]),
            "0x0000ff|-00000ff|0xff    |",
        );
        check(
            "%.3d %.3x %5.3d|",
            t(vec![i(5), i(-5), i(7)]),
            "005 -005   007|",
        );
        check(
            "%.0e %#.0e %.0f %#.0f %#g %g",
            t(vec![
                Value::Float(1.5),
                Value::Float(1.5),
                Value::Float(2.5),
                Value::Float(2.5),
                Value::Float(1.0),
                Value::Float(100000.0),
            ]),
            "2e+00 2.e+00 2 2. 1.00000 100000",
        );
        check(
            "%010.3f|%-10.3f|%+.2f",
            t(vec![Value::Float(-1.23456), Value::Float(2.5), i(1)]),
            "-00001.235|2.500     |+1.00",
        );
        check("%010f|", Value::Float(f64::INFINITY), "0000000inf|");
        check(
            "%*d|%-*d|%.*f",
            t(vec![i(5), i(1), i(5), i(2), i(2), Value::Float(1.23456)]),
            "    1|2    |1.23",
        );
        check("%5c|%-3c|", t(vec![i(65), Value::str("b")]), "    A|b  |");
        check(
            "%5.2s|%06s|",
            t(vec![Value::str("abcdef"), Value::str("ab")]),
            "   ab|    ab|",
        );
        check(
            "%d %s",
            t(vec![Value::Float(3.7), Value::Bool(true)]),
            "3 True",
        );
        check(
            "%(a)s-%(b)05.1f",
            dict(&[("a", i(1)), ("b", Value::Float(2.25))]),
            "1-002.2",
        );
        check("%s", Value::list(vec![i(1), i(2)]), "[1, 2]");
        check("abc", Value::list(vec![]), "abc");
        check("%% %ld", i(3), "% 3");
    }

    #[test]
    fn errors() {
        let i = Value::Int;
        check(
            "%y",
            t(vec![]),
            "TypeError: not enough arguments for format string",
        );
        check(
            "%y",
            i(1),
            "ValueError: unsupported format character 'y' (0x79) at index 1",
        );
        check(
            "%5%",
            i(1),
            "ValueError: unsupported format character '%' (0x25) at index 2",
        );
        check("abc%", i(1), "ValueError: incomplete format");
        check(
            "%s %s",
            i(1),
            "TypeError: not enough arguments for format string",
        );
        check(
            "%s",
            t(vec![i(1), i(2)]),
            "TypeError: not all arguments converted during string formatting",
        );
        check(
            "abc",
            i(5),
            "TypeError: not all arguments converted during string formatting",
        );
        check("%(a)s", i(1), "TypeError: format requires a mapping");
        check("%(a", dict(&[]), "ValueError: incomplete format key");
        check(
            "%c",
            Value::Float(1.5),
            "TypeError: %c requires int or char",
        );
        check("%c", i(-1), "OverflowError: %c arg not in range(0x110000)");
        check(
            "%d",
            Value::str("3"),
            "TypeError: %d format: a real number is required, not str",
        );
        check(
            "%x",
            Value::Float(3.0),
            "TypeError: %x format: an integer is required, not float",
        );
        check(
            "%f",
            Value::str("x"),
            "TypeError: must be real number, not str",
        );
        check(
            "%*d",
            t(vec![Value::str("a"), i(1)]),
            "TypeError: * wants int",
        );
        check(
            "%d",
            Value::Float(f64::INFINITY),
            "OverflowError: cannot convert float infinity to integer",
        );
    }
}
