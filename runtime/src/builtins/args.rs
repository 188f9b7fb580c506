//! Argument checking for functions written in Rust, with CPython's messages.
//!
//! CPython's builtins word their arity errors in a few styles (`len() takes exactly one
//! argument (2 given)`, `range expected at most 3 arguments, got 4`, `list.append() takes
//! exactly one argument (0 given)`); each helper produces one style.

use crate::error::{PyErr, PyResult};
use crate::object::function::KwArgs;
use crate::object::str::PyStr;
use crate::object::value::Value;

/// Fails if keyword arguments were given to a function that takes none.
pub fn no_kwargs(name: &str, kw: Option<KwArgs<'_>>) -> PyResult<()> {
    match kw {
        Some(k) if !k.is_empty() => Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        ))),
        _ => Ok(()),
    }
}

/// `name() takes exactly one argument (N given)` / `takes no arguments`.
pub fn exact(name: &str, args: &[Value], n: usize) -> PyResult<()> {
    if args.len() == n {
        return Ok(());
    }
    Err(PyErr::type_error(match n {
        0 => format!("{name}() takes no arguments ({} given)", args.len()),
        1 => format!("{name}() takes exactly one argument ({} given)", args.len()),
        _ => format!(
            "{name}() takes exactly {n} arguments ({} given)",
            args.len()
        ),
    }))
}

/// `name() takes at least/at most N arguments (M given)`.
pub fn between(name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if n < min {
        let plural = if min == 1 { "argument" } else { "arguments" };
        return Err(PyErr::type_error(format!(
            "{name}() takes at least {min} {plural} ({n} given)"
        )));
    }
    if n > max {
        let plural = if max == 1 { "argument" } else { "arguments" };
        return Err(PyErr::type_error(format!(
            "{name}() takes at most {max} {plural} ({n} given)"
        )));
    }
    Ok(())
}

/// `name expected at least/at most N arguments, got M` (the `range`/`next` style).
pub fn expected(name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if min == max && n != min {
        let plural = if min == 1 { "argument" } else { "arguments" };
        return Err(PyErr::type_error(format!(
            "{name} expected {min} {plural}, got {n}"
        )));
    }
    if n < min {
        let plural = if min == 1 { "argument" } else { "arguments" };
        return Err(PyErr::type_error(format!(
            "{name} expected at least {min} {plural}, got {n}"
        )));
    }
    if n > max {
        let plural = if max == 1 { "argument" } else { "arguments" };
        return Err(PyErr::type_error(format!(
            "{name} expected at most {max} {plural}, got {n}"
        )));
    }
    Ok(())
}

/// Splits keyword arguments into the allowed names (in order), rejecting others with
/// `name() got an unexpected keyword argument 'x'`.
pub fn keywords<'a>(
    name: &str,
    kw: Option<KwArgs<'a>>,
    allowed: &[&str],
) -> PyResult<Vec<Option<&'a Value>>> {
    let mut out = vec![None; allowed.len()];
    if let Some(kw) = kw {
        for (k, v) in kw.iter() {
            match allowed.iter().position(|a| *a == k.as_str()) {
                Some(i) => out[i] = Some(v),
                None => {
                    return Err(PyErr::type_error(format!(
                        "{name}() got an unexpected keyword argument '{}'",
                        k.as_str()
                    )))
                }
            }
        }
    }
    Ok(out)
}

/// The string argument of a method, or CPython's `must be str, not int` error.
pub fn expect_str<'a>(what: &str, v: &'a Value) -> PyResult<&'a std::rc::Rc<PyStr>> {
    match v {
        Value::Str(s) => Ok(s),
        other => Err(PyErr::type_error(format!(
            "{what} must be str, not {}",
            other.type_name()
        ))),
    }
}
