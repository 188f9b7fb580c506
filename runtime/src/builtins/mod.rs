//! The `builtins` module: functions, types, exceptions and constants every program sees.
//!
//! Functions are grouped by family in their own files (`functions.rs` for the core ones,
//! `numeric.rs`, `sequences.rs`, `introspect.rs`, `io.rs`); `constructors.rs` implements
//! calling the builtin classes (`int(x)`, `list(it)` ...); `methods.rs` installs the methods of
//! the builtin types from the `*_methods.rs` tables.
//!
//! The methods of `str` are split by concept: `str_methods.rs` (searching, padding, replacing,
//! translating, encoding, and the tables), `str_split.rs`, `str_case.rs` (case mapping and the
//! `is...` predicates) and `str_format.rs` (`str.format`); `percent.rs` is `str % args`.
//! `chars.rs` classifies characters with tables generated from CPython's `unicodedata`
//! (`unicode_tables.rs`, by `runtime/tools/gen_unicode_tables.py`), `codecs.rs` encodes and
//! decodes, and `clinic.rs` parses method arguments in CPython's message styles.
//! `syntax_error_fields.rs` sets and reads the location fields of a `SyntaxError`.

pub mod args;
pub mod bytes_methods;
pub mod chars;
pub mod clinic;
pub mod codecs;
pub mod constructors;
pub mod dict_methods;
pub mod functions;
pub mod introspect;
pub mod io;
pub mod list_methods;
#[cfg(test)]
pub mod method_test;
pub mod methods;
pub mod number_methods;
pub mod numeric;
pub mod object_methods;
pub mod percent;
pub mod sequences;
pub mod set_methods;
pub mod str_case;
pub mod str_format;
pub mod str_methods;
pub mod str_split;
pub mod syntax_error_fields;
pub mod unicode_tables;

use std::rc::Rc;

use crate::object::function::{BuiltinFunction, NativeFn};
use crate::object::str::PyStr;
use crate::object::types::types;
use crate::object::value::Value;
use crate::vm::Vm;

/// A builtin function table: name, function, docstring.
pub type Functions = &'static [(&'static str, NativeFn, &'static str)];

/// Fills the builtins namespace of a new VM.
pub fn install(vm: &mut Vm) {
    let b = vm.builtins.clone();
    let t = types();
    for (name, class) in t.named_types() {
        if !name.contains("iterator") && !name.starts_with("dict_") {
            b.set_str(PyStr::intern(name), Value::Class(class));
        }
    }
    for (name, class) in t.exception_classes() {
        if !matches!(
            name,
            "StdinNotImplementedError" | "CancelledError" | "InvalidStateError" | "InternalError"
        ) {
            b.set_str(PyStr::intern(name), Value::Class(class));
        }
    }
    // Aliases CPython keeps for compatibility.
    b.set_item_str("EnvironmentError", Value::Class(t.os_error.clone()));
    b.set_item_str("IOError", Value::Class(t.os_error.clone()));
    for table in [
        functions::FUNCTIONS,
        numeric::FUNCTIONS,
        sequences::FUNCTIONS,
        introspect::FUNCTIONS,
        io::FUNCTIONS,
    ] {
        add_functions(&b, table);
    }
    b.set_item_str("None", Value::None);
    b.set_item_str("Ellipsis", Value::Ellipsis);
    b.set_item_str("NotImplemented", Value::NotImplemented);
    b.set_item_str("True", Value::Bool(true));
    b.set_item_str("False", Value::Bool(false));
    b.set_item_str("__name__", Value::str("builtins"));
    b.set_item_str("__doc__", Value::None);
    b.set_item_str("__debug__", Value::Bool(true));
    // Types that exist in the builtins but are not nameable classes here.
    for name in [
        "NoneType",
        "NotImplementedType",
        "ellipsis",
        "function",
        "builtin_function_or_method",
        "method_descriptor",
        "classmethod_descriptor",
        "method",
        "generator",
        "coroutine",
        "module",
        "cell",
        "code",
        "frame",
        "TextIOWrapper",
        "traceback",
        "deque",
    ] {
        b.remove_str(&PyStr::intern(name));
    }
}

/// Adds a table of functions to a namespace.
pub fn add_functions(ns: &crate::object::dict::PyDict, table: Functions) {
    for (name, func, doc) in table {
        ns.set_str(
            PyStr::intern(name),
            Value::Builtin(Rc::new(BuiltinFunction::new(name, *func, doc))),
        );
    }
}
