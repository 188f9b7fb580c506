//! `str.format` and `str.format_map`: a port of CPython 3.11's `Objects/stringlib/unicode_format.h`.
//!
//! The format string is read as CPython's `MarkupIterator` reads it: literal text with `{{` and
//! `}}` escapes, and replacement fields `{field_name!conversion:format_spec}`. A field name is an
//! argument number or a keyword name followed by any number of `.attr` and `[key]` lookups; an
//! empty name takes the next automatic number. Nested fields in the spec (`{:{width}}`) are
//! expanded first, to a depth of two, sharing the automatic numbering. Every parse and lookup
//! error has CPython's type and message, raised at the same point of the scan, so a program
//! that fails half-way fails with the same error.
//!
//! Values are laid out by `Vm::format` (the `__format__` protocol); this module does no
//! layout of its own.

use crate::error::{PyErr, PyResult};
use crate::object::function::KwArgs;
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::vm::Vm;

use super::chars;
use super::clinic;
use super::str_methods::this;

/// Where keyword fields (`{name}`) are looked up.
#[derive(Clone, Copy)]
enum Keywords<'a> {
    /// `str.format` called without keyword arguments.
    Absent,
    /// `str.format(**kwargs)`.
    Args(KwArgs<'a>),
    /// `str.format_map(mapping)`: looked up with `mapping[name]`.
    Mapping(&'a Value),
}

/// Whether fields have been numbered automatically or manually so far.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Numbering {
    Unset,
    Auto,
    Manual,
}

struct Formatter<'a> {
    /// Positional arguments; `None` for `format_map`, which has none.
    args: Option<&'a [Value]>,
    keywords: Keywords<'a>,
    numbering: Numbering,
    next_auto: usize,
}

/// A parsed replacement field, as byte ranges of the format string.
struct Field<'s> {
    name: &'s str,
    conversion: Option<char>,
    spec: &'s str,
    spec_needs_expanding: bool,
}

pub fn str_format(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let s = this("format", a)?;
    let keywords = match kw {
        Some(k) if !k.is_empty() => Keywords::Args(k),
        _ => Keywords::Absent,
    };
    let mut f = Formatter {
        args: Some(&a[1..]),
        keywords,
        numbering: Numbering::Unset,
        next_auto: 0,
    };
    Ok(Value::from_string(f.build(vm, s, 2)?))
}

pub fn str_format_map(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let s = this("format_map", a)?;
    let mapping = clinic::onearg("str.format_map", &a[1..], kw)?;
    let mut f = Formatter {
        args: None,
        keywords: Keywords::Mapping(mapping),
        numbering: Numbering::Unset,
        next_auto: 0,
    };
    Ok(Value::from_string(f.build(vm, s, 2)?))
}

fn value_error(msg: &str) -> PyErr {
    PyErr::value_error(msg)
}

/// `get_integer`: the value of a field name made only of decimal digits, `None` otherwise.
fn get_integer(s: &str) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for c in s.chars() {
        let Some(d) = chars::decimal_value(c) else {
            return Ok(None);
        };
        acc = acc
            .checked_mul(10)
            .and_then(|x| x.checked_add(d as usize))
            .filter(|&x| x <= i64::MAX as usize)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
    }
    Ok(Some(acc))
}

/// `parse_field`: reads one field starting just after its `{`; returns it and the position
/// after its closing `}`.
fn parse_field(input: &str, mut pos: usize) -> PyResult<(Field<'_>, usize)> {
    let bytes = input.as_bytes();
    let start = pos;
    let mut end = None;
    while pos < bytes.len() {
        let c = bytes[pos];
        pos += 1;
        match c {
            b'{' => return Err(value_error("unexpected '{' in field name")),
            b'[' => {
                while pos < bytes.len() && bytes[pos] != b']' {
                    pos += 1;
                }
            }
            b'}' | b':' | b'!' => {
                end = Some((pos - 1, c));
                break;
            }
            _ => {}
        }
    }
    let Some((name_end, c)) = end else {
        return Err(value_error("expected '}' before end of string"));
    };
    let name = &input[start..name_end];
    let mut field = Field {
        name,
        conversion: None,
        spec: "",
        spec_needs_expanding: false,
    };
    if c == b'!' || c == b':' {
        if c == b'!' {
            let Some(conv) = input[pos..].chars().next() else {
                return Err(value_error(
                    "end of string while looking for conversion specifier",
                ));
            };
            field.conversion = Some(conv);
            pos += conv.len_utf8();
            if pos < bytes.len() {
                let next = bytes[pos];
                pos += 1;
                if next == b'}' {
                    return Ok((field, pos));
                }
                if next != b':' {
                    return Err(value_error("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = pos;
        let mut depth = 1;
        while pos < bytes.len() {
            let b = bytes[pos];
            pos += 1;
            if b == b'{' {
                field.spec_needs_expanding = true;
                depth += 1;
            } else if b == b'}' {
                depth -= 1;
                if depth == 0 {
                    field.spec = &input[spec_start..pos - 1];
                    return Ok((field, pos));
                }
            }
        }
        return Err(value_error("unmatched '{' in format spec"));
    }
    Ok((field, pos))
}

impl Formatter<'_> {
    /// `build_string`: formats `input`; `depth` limits the nesting of fields in specs.
    fn build(&mut self, vm: &mut Vm, input: &str, depth: u32) -> PyResult<String> {
        if depth == 0 {
            return Err(value_error("Max string recursion exceeded"));
        }
        let bytes = input.as_bytes();
        let mut out = String::with_capacity(input.len() + 16);
        let mut pos = 0;
        while pos < bytes.len() {
            // The literal text up to the next brace.
            let start = pos;
            let mut brace = None;
            while pos < bytes.len() {
                let b = bytes[pos];
                pos += 1;
                if b == b'{' || b == b'}' {
                    brace = Some(b);
                    break;
                }
            }
            let at_end = pos >= bytes.len();
            let mut literal_end = pos;
            let mut field_follows = brace.is_some();
            if let Some(b) = brace {
                if b == b'}' && (at_end || bytes[pos] != b'}') {
                    return Err(value_error("Single '}' encountered in format string"));
                }
                if at_end && b == b'{' {
                    return Err(value_error("Single '{' encountered in format string"));
                }
                if bytes[pos] == b {
                    // An escaped brace: the literal keeps one of the two.
                    pos += 1;
                    field_follows = false;
                } else {
                    literal_end -= 1;
                }
            }
            out.push_str(&input[start..literal_end]);
            if field_follows {
                let (field, next) = parse_field(input, pos)?;
                pos = next;
                self.render(vm, &field, depth, &mut out)?;
            }
        }
        Ok(out)
    }

    /// `output_markup`: looks the field's object up, converts it, and formats it.
    fn render(
        &mut self,
        vm: &mut Vm,
        field: &Field<'_>,
        depth: u32,
        out: &mut String,
    ) -> PyResult<()> {
        let mut obj = self.field_object(vm, field.name)?;
        if let Some(conv) = field.conversion {
            obj = Value::Str(match conv {
                'r' => vm.repr(&obj)?,
                's' => vm.str(&obj)?,
                'a' => vm.ascii(&obj)?,
                c if (c as u32) > 32 && (c as u32) < 127 => {
                    return Err(PyErr::value_error(format!(
                        "Unknown conversion specifier {c}"
                    )))
                }
                c => {
                    return Err(PyErr::value_error(format!(
                        "Unknown conversion specifier \\x{:x}",
                        c as u32
                    )))
                }
            });
        }
        let spec = if field.spec_needs_expanding {
            PyStr::from_string(self.build(vm, field.spec, depth - 1)?)
        } else {
            PyStr::new(field.spec)
        };
        let text = vm.format(&obj, &spec)?;
        out.push_str(&text);
        Ok(())
    }

    /// `get_field_object`: the argument a field name designates, after its lookups.
    fn field_object(&mut self, vm: &mut Vm, name: &str) -> PyResult<Value> {
        let first_end = name.find(['.', '[']).unwrap_or(name.len());
        let first = &name[..first_end];
        let mut index = get_integer(first)?;
        let empty = first.is_empty();
        if empty || index.is_some() {
            if self.numbering == Numbering::Unset {
                self.numbering = if empty {
                    Numbering::Auto
                } else {
                    Numbering::Manual
                };
            }
            if self.numbering == Numbering::Manual && empty {
                return Err(value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            if self.numbering == Numbering::Auto && !empty {
                return Err(value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            if empty {
                index = Some(self.next_auto);
                self.next_auto += 1;
            }
        }
        let mut obj = match index {
            None => {
                let key = Value::str(first);
                match self.keywords {
                    Keywords::Absent => return Err(PyErr::key_error(key)),
                    Keywords::Args(kw) => match kw.get(first) {
                        Some(v) => v.clone(),
                        None => return Err(PyErr::key_error(key)),
                    },
                    Keywords::Mapping(m) => vm.getitem(m, &key)?,
                }
            }
            Some(i) => {
                let Some(args) = self.args else {
                    return Err(value_error("Format string contains positional fields"));
                };
                match args.get(i) {
                    Some(v) => v.clone(),
                    None => {
                        return Err(PyErr::index_error(format!(
                            "Replacement index {i} out of range for positional args tuple"
                        )))
                    }
                }
            }
        };
        // The rest: `.attr` and `[key]` lookups.
        let rest = &name.as_bytes()[first_end..];
        let mut pos = 0;
        while pos < rest.len() {
            let kind = rest[pos];
            pos += 1;
            let start = pos;
            let part = match kind {
                b'.' => {
                    while pos < rest.len() && rest[pos] != b'.' && rest[pos] != b'[' {
                        pos += 1;
                    }
                    &name[first_end + start..first_end + pos]
                }
                b'[' => {
                    while pos < rest.len() && rest[pos] != b']' {
                        pos += 1;
                    }
                    if pos >= rest.len() {
                        return Err(value_error("Missing ']' in format string"));
                    }
                    pos += 1;
                    &name[first_end + start..first_end + pos - 1]
                }
                _ => {
                    return Err(value_error(
                        "Only '.' or '[' may follow ']' in format field specifier",
                    ))
                }
            };
            if part.is_empty() {
                return Err(value_error("Empty attribute in format string"));
            }
            obj = if kind == b'.' {
                // Interned: attribute names are looked up through the type cache, which
                // identifies a name by its address.
                vm.getattr(&obj, &PyStr::intern(part))?
            } else {
                match get_integer(part)? {
                    Some(i) => vm.getitem(&obj, &Value::from(i))?,
                    None => vm.getitem(&obj, &Value::str(part))?,
                }
            };
        }
        Ok(obj)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::host::Interrupt;
    use std::rc::Rc;

    fn run(fmt: &str, args: Vec<Value>, kw: &[(&str, Value)]) -> String {
        let mut vm = Vm::new(Interrupt::new());
        let mut a = vec![Value::str(fmt)];
        a.extend(args);
        let names: Vec<Rc<PyStr>> = kw.iter().map(|(n, _)| PyStr::new(n)).collect();
        let values: Vec<Value> = kw.iter().map(|(_, v)| v.clone()).collect();
        let kw = KwArgs {
            names: &names,
            values: &values,
        };
        match str_format(&mut vm, &a, Some(kw)) {
            Ok(Value::Str(s)) => s.as_str().to_string(),
            Ok(_) => "<not a str>".into(),
            Err(e) if e.matches(|t| &t.key_error) => {
                let key = e.exception().args().items()[0].clone();
                format!("KeyError: {}", vm.repr(&key).unwrap().as_str())
            }
            Err(e) => format!("{}: {}", e.class_name(), e.message()),
        }
    }

    fn check(fmt: &str, args: Vec<Value>, expect: &str) {
        assert_eq!(run(fmt, args, &[]), expect, "{fmt:?}");
    }

    #[test]
    fn fields() {
        let one = || vec![Value::Int(1)];
        check("{}-{}", vec![Value::Int(1), Value::str("a")], "1-a");
        check("{1}{0}{1}", vec![Value::Int(1), Value::Int(2)], "212");
        check("{{}}{{{0}}}", one(), "{}{1}");
        check("{!r:>6}", vec![Value::str("a")], "   'a'");
        check("{0!a}", vec![Value::str("é")], "'\\xe9'");
        check(
            "{:{}{}}",
            vec![Value::Int(1), Value::str(">"), Value::Int(3)],
            "  1",
        );
        check(
            "{0[1]}",
            vec![Value::list(vec![Value::Int(5), Value::Int(6)])],
            "6",
        );
        check("{0.real}", vec![Value::Int(7)], "7");
        check("{٠}", one(), "1");
        assert_eq!(run("{x:>3}", vec![], &[("x", Value::Int(4))]), "  4");
    }

    #[test]
    fn errors() {
        let one = || vec![Value::Int(1)];
        check(
            "{",
            one(),
            "ValueError: Single '{' encountered in format string",
        );
        check(
            "}",
            one(),
            "ValueError: Single '}' encountered in format string",
        );
        check(
            "a{0",
            one(),
            "ValueError: expected '}' before end of string",
        );
        check(
            "{0!",
            one(),
            "ValueError: end of string while looking for conversion specifier",
        );
        check("{!}", one(), "ValueError: unmatched '{' in format spec");
        check("{0!x}", one(), "ValueError: Unknown conversion specifier x");
        check("{0!}}", one(), "ValueError: Unknown conversion specifier }");
        check(
            "{0!rr}",
            one(),
            "ValueError: expected ':' after conversion specifier",
        );
        check(
            "{0[}",
            one(),
            "ValueError: expected '}' before end of string",
        );
        check(
            "{0[0]x}",
            vec![Value::list(vec![Value::Int(1)])],
            "ValueError: Only '.' or '[' may follow ']' in format field specifier",
        );
        check(
            "{0.}",
            one(),
            "ValueError: Empty attribute in format string",
        );
        check("{}{0}", one(), "ValueError: cannot switch from automatic field numbering to manual field specification");
        check("{0}{}", one(), "ValueError: cannot switch from manual field specification to automatic field numbering");
        check(
            "{2}",
            one(),
            "IndexError: Replacement index 2 out of range for positional args tuple",
        );
        check("{a}", one(), "KeyError: 'a'");
        check(
            "{:{:{}}}",
            vec![Value::Int(1), Value::Int(2), Value::Int(3)],
            "ValueError: Max string recursion exceeded",
        );
        check("{a{}", one(), "ValueError: unexpected '{' in field name");
    }
}
