//! The case-mapping and classification methods of `str`: `lower`, `upper`, `casefold`,
//! `capitalize`, `swapcase`, `title`, and the `is...` predicates.
//!
//! The algorithms are CPython's (`do_capitalize`, `do_swapcase`, `do_title`, `unicode_istitle`
//! ...) over the per-character rules of `chars.rs`; ASCII strings take byte-wise fast paths.
//! The method table entries are in `str_methods.rs`.

use std::rc::Rc;

use crate::error::PyResult;
use crate::object::function::KwArgs;
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::vm::Vm;

use super::chars;
use super::clinic;

fn this<'a>(name: &str, a: &'a [Value]) -> PyResult<&'a Rc<PyStr>> {
    match clinic::receiver("str", name, a, |v| matches!(v, Value::Str(_)))? {
        Value::Str(s) => Ok(s),
        _ => unreachable!("receiver checked the type"),
    }
}

/// Checks a no-argument `str` method's call and returns the receiver.
fn noargs<'a>(name: &str, a: &'a [Value], kw: Option<KwArgs<'_>>) -> PyResult<&'a Rc<PyStr>> {
    let s = this(name, a)?;
    clinic::noargs(&format!("str.{name}"), &a[1..], kw)?;
    Ok(s)
}

/// `s.lower()` as Rust text, with the final-sigma rule.
pub fn lower_text(s: &PyStr) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        chars::push_lower_at(&mut out, &chars, i);
    }
    out
}

pub fn str_lower(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let s = noargs("lower", a, kw)?;
    Ok(Value::from_string(lower_text(s)))
}

pub fn str_upper(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let s = noargs("upper", a, kw)?;
    if s.is_ascii() {
        return Ok(Value::from_string(s.to_ascii_uppercase()));
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        chars::push_upper(&mut out, c);
    }
    Ok(Value::from_string(out))
}

pub fn str_casefold(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let s = noargs("casefold", a, kw)?;
    if s.is_ascii() {
        return Ok(Value::from_string(s.to_ascii_lowercase()));
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        chars::push_casefold(&mut out, c);
    }
    Ok(Value::from_string(out))
}

pub fn str_capitalize(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let s = noargs("capitalize", a, kw)?;
    if s.is_ascii() {
        let mut out = s.to_ascii_lowercase();
        if let Some(first) = out.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        return Ok(Value::from_string(out));
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        if i == 0 {
            chars::push_title(&mut out, chars[0]);
        } else {
            chars::push_lower_at(&mut out, &chars, i);
        }
    }
    Ok(Value::from_string(out))
}

pub fn str_swapcase(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let s = noargs("swapcase", a, kw)?;
    if s.is_ascii() {
        let out: String = s
            .chars()
            .map(|c| {
                if c.is_ascii_uppercase() {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                }
            })
            .collect();
        return Ok(Value::from_string(out));
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if chars::is_upper(c) {
            chars::push_lower_at(&mut out, &chars, i);
        } else if chars::is_lower(c) {
            chars::push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Ok(Value::from_string(out))
}

pub fn str_title(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let s = noargs("title", a, kw)?;
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut previous_is_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if previous_is_cased {
            chars::push_lower_at(&mut out, &chars, i);
        } else {
            chars::push_title(&mut out, c);
        }
        previous_is_cased = chars::is_cased(c);
    }
    Ok(Value::from_string(out))
}

/// A predicate that holds when the string is not empty and every character satisfies `f`.
fn all_chars(
    name: &str,
    a: &[Value],
    kw: Option<KwArgs<'_>>,
    f: fn(char) -> bool,
) -> PyResult<Value> {
    let s = noargs(name, a, kw)?;
    Ok(Value::Bool(!s.is_empty() && s.chars().all(f)))
}

pub fn str_isalnum(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    all_chars("isalnum", a, kw, chars::is_alnum)
}

pub fn str_isalpha(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    all_chars("isalpha", a, kw, chars::is_alpha)
}

pub fn str_isdecimal(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    all_chars("isdecimal", a, kw, chars::is_decimal)
}

pub fn str_isdigit(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    all_chars("isdigit", a, kw, chars::is_digit)
}

pub fn str_isnumeric(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    all_chars("isnumeric", a, kw, chars::is_numeric)
}

pub fn str_isspace(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    all_chars("isspace", a, kw, chars::is_space)
}

pub fn str_isascii(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let s = noargs("isascii", a, kw)?;
    Ok(Value::Bool(s.is_ascii()))
}

pub fn str_isprintable(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let s = noargs("isprintable", a, kw)?;
    Ok(Value::Bool(s.chars().all(chars::is_printable)))
}

pub fn str_isidentifier(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let s = noargs("isidentifier", a, kw)?;
    let mut it = s.chars();
    let ok = match it.next() {
        Some(first) => chars::is_id_start(first) && it.all(chars::is_id_continue),
        None => false,
    };
    Ok(Value::Bool(ok))
}

pub fn str_islower(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let s = noargs("islower", a, kw)?;
    let mut cased = false;
    for c in s.chars() {
        if chars::is_upper(c) || chars::is_title(c) {
            return Ok(Value::Bool(false));
        }
        if chars::is_lower(c) {
            cased = true;
        }
    }
    Ok(Value::Bool(cased))
}

pub fn str_isupper(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let s = noargs("isupper", a, kw)?;
    let mut cased = false;
    for c in s.chars() {
        if chars::is_lower(c) || chars::is_title(c) {
            return Ok(Value::Bool(false));
        }
        if chars::is_upper(c) {
            cased = true;
        }
    }
    Ok(Value::Bool(cased))
}

pub fn str_istitle(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let s = noargs("istitle", a, kw)?;
    let mut cased = false;
    let mut previous_is_cased = false;
    for c in s.chars() {
        if chars::is_upper(c) || chars::is_title(c) {
            if previous_is_cased {
                return Ok(Value::Bool(false));
            }
            previous_is_cased = true;
            cased = true;
        } else if chars::is_lower(c) {
            if !previous_is_cased {
                return Ok(Value::Bool(false));
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    Ok(Value::Bool(cased))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::host::Interrupt;
    use crate::object::function::NativeFn;

    fn check(f: NativeFn, input: &str, expect: &str) {
        let mut vm = Vm::new(Interrupt::new());
        let got = match f(&mut vm, &[Value::str(input)], None) {
            Ok(v) => vm.repr(&v).unwrap().as_str().to_string(),
            Err(e) => format!("{}: {}", e.class_name(), e.message()),
        };
        assert_eq!(got, expect, "{input:?}");
    }

    #[test]
    fn case_mappings() {
        check(str_lower, "HeLLo ΟΔΟΣ", "'hello οδος'");
        check(str_upper, "straße", "'STRASSE'");
        check(str_casefold, "Straße", "'strasse'");
        check(str_capitalize, "hELLO wORLD", "'Hello world'");
        check(str_capitalize, "ǆemal", "'ǅemal'");
        check(str_capitalize, "", "''");
        check(str_swapcase, "Hello ΣΑ", "'hELLO σα'");
        check(
            str_title,
            "they're bill's friends",
            "\"They'Re Bill'S Friends\"",
        );
        check(str_title, "hello   wORLD 3rd", "'Hello   World 3Rd'");
        check(str_title, "ßa", "'Ssa'");
    }

    #[test]
    fn predicates() {
        check(str_isalnum, "abc123", "True");
        check(str_isalnum, "", "False");
        check(str_isdecimal, "²", "False");
        check(str_isdigit, "²", "True");
        check(str_isnumeric, "½", "True");
        check(str_isspace, " \t\x1c", "True");
        check(str_isascii, "", "True");
        check(str_isprintable, "", "True");
        check(str_isprintable, "a\n", "False");
        check(str_isidentifier, "_x1", "True");
        check(str_isidentifier, "1x", "False");
        check(str_islower, "abc1", "True");
        check(str_islower, "1", "False");
        check(str_isupper, "ABC ǅ", "False");
        check(str_istitle, "Hello World", "True");
        check(str_istitle, "Hello world", "False");
        check(str_istitle, "ǅemal", "True");
        check(str_istitle, "", "False");
    }
}
