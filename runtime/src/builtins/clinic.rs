//! Argument parsing for the methods of the builtin types, in the styles CPython's methods use.
//!
//! CPython words an arity error differently depending on how a method is declared, so each
//! style has its own helper here:
//!
//! - `noargs` (`METH_NOARGS`): `str.upper() takes no arguments (1 given)`.
//! - `onearg` (`METH_O`): `list.append() takes exactly one argument (0 given)`.
//! - `varargs` (`METH_VARARGS` parsed by `PyArg_ParseTuple`): `find() takes at least 1
//!   argument (0 given)`.
//! - `positional` (Argument Clinic, positional-only): `center expected at least 1 argument,
//!   got 0`.
//! - `keywords` (Argument Clinic with keyword parameters, `_PyArg_UnpackKeywords`):
//!   `split() takes at most 2 arguments (3 given)`, `'x' is an invalid keyword argument for
//!   split()`.
//!
//! Each helper also rejects keyword arguments where CPython does, with the method's qualified
//! name (`str.center() takes no keyword arguments`). The receiver checks
//! (`descriptor 'upper' for 'str' objects doesn't apply to a 'int' object`) are here too, and
//! the integer conversions that methods share (`slice_index`, `ssize`, `c_int`).
//!
//! What this module does not do: it never converts argument types beyond integers; each method
//! checks its own argument types with its own message.

use crate::error::{PyErr, PyResult};
use crate::object::function::KwArgs;
use crate::object::value::Value;
use crate::vm::Vm;

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The receiver of a method of a builtin type: `args[0]`, or CPython's descriptor errors.
/// `accept` says whether a value is of the type.
pub fn receiver<'a>(
    owner: &str,
    name: &str,
    a: &'a [Value],
    accept: impl Fn(&Value) -> bool,
) -> PyResult<&'a Value> {
    match a.first() {
        None => Err(PyErr::type_error(format!(
            "unbound method {owner}.{name}() needs an argument"
        ))),
        Some(v) if accept(v) => Ok(v),
        Some(v) => Err(PyErr::type_error(format!(
            "descriptor '{name}' for '{owner}' objects doesn't apply to a '{}' object",
            v.type_name()
        ))),
    }
}

fn reject_kwargs(qual: &str, kw: Option<KwArgs<'_>>) -> PyResult<()> {
    match kw {
        Some(k) if !k.is_empty() => Err(PyErr::type_error(format!(
            "{qual}() takes no keyword arguments"
        ))),
        _ => Ok(()),
    }
}

/// A method without parameters; `a` excludes the receiver.
pub fn noargs(qual: &str, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<()> {
    reject_kwargs(qual, kw)?;
    if !a.is_empty() {
        return Err(PyErr::type_error(format!(
            "{qual}() takes no arguments ({} given)",
            a.len()
        )));
    }
    Ok(())
}

/// A method with exactly one positional parameter; `a` excludes the receiver.
pub fn onearg<'a>(qual: &str, a: &'a [Value], kw: Option<KwArgs<'_>>) -> PyResult<&'a Value> {
    reject_kwargs(qual, kw)?;
    match a {
        [one] => Ok(one),
        _ => Err(PyErr::type_error(format!(
            "{qual}() takes exactly one argument ({} given)",
            a.len()
        ))),
    }
}

/// A `PyArg_ParseTuple` method: `name() takes at least/at most N argument(s) (M given)`.
pub fn varargs(
    qual: &str,
    name: &str,
    a: &[Value],
    kw: Option<KwArgs<'_>>,
    min: usize,
    max: usize,
) -> PyResult<()> {
    reject_kwargs(qual, kw)?;
    let n = a.len();
    if n < min {
        return Err(PyErr::type_error(format!(
            "{name}() takes at least {min} argument{} ({n} given)",
            plural(min)
        )));
    }
    if n > max {
        return Err(PyErr::type_error(format!(
            "{name}() takes at most {max} argument{} ({n} given)",
            plural(max)
        )));
    }
    Ok(())
}

/// An Argument Clinic method with positional-only parameters:
/// `name expected at least/at most N argument(s), got M`.
pub fn positional(
    qual: &str,
    name: &str,
    a: &[Value],
    kw: Option<KwArgs<'_>>,
    min: usize,
    max: usize,
) -> PyResult<()> {
    reject_kwargs(qual, kw)?;
    let n = a.len();
    let (bound, word) = if n < min {
        (min, "at least ")
    } else if n > max {
        (max, "at most ")
    } else {
        return Ok(());
    };
    let word = if min == max { "" } else { word };
    Err(PyErr::type_error(format!(
        "{name} expected {word}{bound} argument{}, got {n}",
        plural(bound)
    )))
}

/// An Argument Clinic method whose parameters may be passed by keyword. `names` lists the
/// parameters in order; the first `required` must be given; those from `kwonly` on are
/// keyword-only. Returns one slot per parameter.
pub fn keywords(
    name: &str,
    a: &[Value],
    kw: Option<KwArgs<'_>>,
    names: &[&str],
    required: usize,
    kwonly: usize,
) -> PyResult<Vec<Option<Value>>> {
    let nkw = kw.map_or(0, |k| k.len());
    let total = a.len() + nkw;
    if total > names.len() {
        let keyword = if a.is_empty() { "keyword " } else { "" };
        return Err(PyErr::type_error(format!(
            "{name}() takes at most {} {keyword}argument{} ({total} given)",
            names.len(),
            plural(names.len())
        )));
    }
    if a.len() > kwonly {
        return Err(PyErr::type_error(format!(
            "{name}() takes at most {kwonly} positional argument{} ({} given)",
            plural(kwonly),
            a.len()
        )));
    }
    let mut out: Vec<Option<Value>> = vec![None; names.len()];
    for (slot, v) in out.iter_mut().zip(a) {
        *slot = Some(v.clone());
    }
    if let Some(k) = kw {
        for (key, v) in k.iter() {
            match names.iter().position(|n| *n == key.as_str()) {
                Some(i) if i < a.len() => {
                    return Err(PyErr::type_error(format!(
                        "argument for {name}() given by name ('{}') and position ({})",
                        key.as_str(),
                        i + 1
                    )))
                }
                Some(i) => out[i] = Some(v.clone()),
                None => {
                    return Err(PyErr::type_error(format!(
                        "'{}' is an invalid keyword argument for {name}()",
                        key.as_str()
                    )))
                }
            }
        }
    }
    for (i, slot) in out.iter().enumerate().take(required) {
        if slot.is_none() {
            return Err(PyErr::type_error(format!(
                "{name}() missing required argument '{}' (pos {})",
                names[i],
                i + 1
            )));
        }
    }
    Ok(out)
}

/// A slice bound (`str.find(sub, start, end)`): `None` for a missing or `None` argument, and
/// out-of-range integers clamped, as `_PyEval_SliceIndex` does.
pub fn slice_index(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    let v = match v {
        None | Some(Value::None) => return Ok(None),
        Some(v) => v,
    };
    let i = match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => v.clone(),
        Value::Instance(_) if vm.lookup_special(v, "__index__").is_some() => vm.index(v)?,
        _ => {
            return Err(PyErr::type_error(
                "slice indices must be integers or None or have an __index__ method",
            ))
        }
    };
    Ok(Some(match i {
        Value::Int(i) => i,
        Value::Bool(b) => b as i64,
        Value::BigInt(b) => {
            if num_traits::Signed::is_negative(&*b) {
                i64::MIN
            } else {
                i64::MAX
            }
        }
        _ => 0,
    }))
}

/// An integer argument converted to a C `Py_ssize_t`.
pub fn ssize(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    vm.index_i64(v)
}

/// An integer argument converted to a C `int` (`expandtabs`, `splitlines`).
pub fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match vm.index(v)? {
        Value::Int(i) if i32::try_from(i).is_ok() => Ok(i),
        _ => Err(PyErr::overflow_error(
            "Python int too large to convert to C int",
        )),
    }
}

/// The largest text, in bytes, that a method builds; beyond it `MemoryError` is raised rather
/// than letting an allocation abort the process.
pub const MAX_RESULT: usize = 1 << 30;

/// Fails with `MemoryError` when a result would be larger than `MAX_RESULT` bytes.
pub fn check_len(n: usize) -> PyResult<()> {
    if n > MAX_RESULT {
        return Err(PyErr::memory_error());
    }
    Ok(())
}

/// Resolves `start`/`end` against a length as CPython's `ADJUST_INDICES` does.
pub fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut end = end.unwrap_or(i64::MAX);
    let mut start = start.unwrap_or(0);
    if end > len {
        end = len;
    } else if end < 0 {
        end = end.saturating_add(len).max(0);
    }
    if start < 0 {
        start = start.saturating_add(len).max(0);
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::str::PyStr;

    fn render(r: PyResult<Vec<Option<Value>>>) -> String {
        match r {
            Ok(v) => format!("{v:?}"),
            Err(e) => e.message(),
        }
    }

    fn check(pos: &[Value], kw: &[(&str, Value)], expect: &str) {
        let names: Vec<_> = kw.iter().map(|(n, _)| PyStr::new(n)).collect();
        let values: Vec<_> = kw.iter().map(|(_, v)| v.clone()).collect();
        let kw = KwArgs {
            names: &names,
            values: &values,
        };
        let got = keywords("split", pos, Some(kw), &["sep", "maxsplit"], 0, 2);
        assert_eq!(render(got), expect);
    }

    #[test]
    fn keyword_styles() {
        check(&[Value::None], &[], "[Some(None), None]");
        check(&[], &[("maxsplit", Value::Int(1))], "[None, Some(1)]");
        check(
            &[Value::None, Value::Int(1)],
            &[("maxsplit", Value::Int(1))],
            "split() takes at most 2 arguments (3 given)",
        );
        check(
            &[Value::None],
            &[("sep", Value::None)],
            "argument for split() given by name ('sep') and position (1)",
        );
        check(
            &[],
            &[("x", Value::None)],
            "'x' is an invalid keyword argument for split()",
        );
    }

    #[test]
    fn adjusting() {
        assert_eq!(adjust_indices(None, None, 5), (0, 5));
        assert_eq!(adjust_indices(Some(-2), Some(-1), 5), (3, 4));
        assert_eq!(adjust_indices(Some(-9), Some(99), 5), (0, 5));
        assert_eq!(adjust_indices(Some(7), None, 5), (7, 5));
    }
}
