//! The fields of a `SyntaxError` (and of its subclasses `IndentationError` and `TabError`):
//! how `SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))` sets
//! them, and how `str()` of such an exception reads them, as `SyntaxError_init` and
//! `SyntaxError_str` in CPython 3.11's `Objects/exceptions.c` do.
//!
//! The fields live in the exception's attribute dictionary, where the traceback printer
//! (`vm/traceback.rs`) and user code read them. Every field starts as `None`.
//!
//! What this module does not do: print the exception's `File` line, source line and carets
//! (`vm/traceback/syntax_error.rs`), or build the exception for a parse error
//! (`session/run.rs`, which sets the same fields).

use std::rc::Rc;

use crate::error::{PyErr, PyResult};
use crate::object::exception::PyException;
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::vm::Vm;

/// The fields, in the order of CPython's member table.
const FIELDS: [&str; 8] = [
    "msg",
    "filename",
    "lineno",
    "offset",
    "text",
    "end_lineno",
    "end_offset",
    "print_file_and_line",
];

/// Gives every field that is not set yet the value `None`, as a new exception has them.
pub fn default_fields(e: &Rc<PyException>) {
    for name in FIELDS {
        if e.get_attr(name).is_none() {
            e.set_attr(name, Value::None);
        }
    }
}

/// `SyntaxError.__init__` after `BaseException.__init__` stored the arguments: the first one
/// is `msg`; with exactly two, the second is a sequence of four to six location fields.
pub fn init(vm: &mut Vm, e: &Rc<PyException>) -> PyResult<()> {
    default_fields(e);
    let args = e.args();
    let items = args.items();
    if let Some(msg) = items.first() {
        e.set_attr("msg", msg.clone());
    }
    if let [_, info] = items {
        let info = vm.collect(info)?;
        let n = info.len();
        if n < 4 {
            return Err(PyErr::type_error(format!(
                "function takes at least 4 arguments ({n} given)"
            )));
        }
        if n > 6 {
            return Err(PyErr::type_error(format!(
                "function takes at most 6 arguments ({n} given)"
            )));
        }
        for (name, value) in FIELDS[1..].iter().zip(&info) {
            e.set_attr(name, value.clone());
        }
        if n < 6 {
            e.set_attr("end_offset", Value::None);
        }
        if n < 5 {
            e.set_attr("end_lineno", Value::None);
        }
        if n == 5 {
            return Err(PyErr::type_error(
                "end_offset must be provided when end_lineno is provided",
            ));
        }
    }
    Ok(())
}

/// `str()` of a `SyntaxError`: `msg`, followed by the base name of a string `filename` and
/// an exact-int `lineno` where they are set, as in `bad token (example.py, line 1)`.
pub fn str(vm: &mut Vm, e: &Rc<PyException>) -> PyResult<Rc<PyStr>> {
    let msg = e.get_attr("msg").unwrap_or(Value::None);
    let msg = vm.str(&msg)?;
    let filename = match e.get_attr("filename") {
        Some(Value::Str(s)) => Some(basename(s.as_str()).to_string()),
        _ => None,
    };
    let lineno = match e.get_attr("lineno") {
        Some(Value::Int(i)) => Some(i),
        // CPython reads an int that does not fit a C long as -1.
        Some(Value::BigInt(_)) => Some(-1),
        _ => None,
    };
    Ok(match (filename, lineno) {
        (None, None) => msg,
        (Some(f), Some(l)) => PyStr::from_string(format!("{} ({f}, line {l})", msg.as_str())),
        (Some(f), None) => PyStr::from_string(format!("{} ({f})", msg.as_str())),
        (None, Some(l)) => PyStr::from_string(format!("{} (line {l})", msg.as_str())),
    })
}

/// `my_basename`: the part of a path after its last `/`.
fn basename(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &str) {
        assert_eq!(basename(input), expect);
    }

    #[test]
    fn basename_keeps_the_last_component() {
        check("example.py", "example.py");
        check("dir/sub/example.py", "example.py");
        check("<cell 1>", "<cell 1>");
        check("dir/", "");
    }
}
