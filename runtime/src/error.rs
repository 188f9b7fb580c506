//! `PyErr`: a Python exception travelling through Rust code.
//!
//! Everything in the runtime that can raise returns `PyResult<T>`. A `PyErr` is a thin handle
//! to the exception object itself, so raising, catching and re-raising never copy it. The
//! constructors below build the builtin exceptions with CPython's messages; callers pass the
//! message text, copied word for word from CPython.
//!
//! Rendering a traceback is `vm/traceback.rs`'s job, not this module's.

use std::rc::Rc;

use crate::object::class::Class;
use crate::object::exception::PyException;
use crate::object::tuple::PyTuple;
use crate::object::types::{types, BuiltinTypes};
use crate::object::value::Value;

/// A raised Python exception.
#[derive(Clone)]
pub struct PyErr(pub Rc<PyException>);

pub type PyResult<T> = Result<T, PyErr>;

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.class_name(), self.message())
    }
}

macro_rules! error_constructors {
    ($($fn_name:ident => $field:ident),* $(,)?) => {
        impl PyErr {
            $(
                pub fn $fn_name(msg: impl AsRef<str>) -> PyErr {
                    PyErr::with_class(|t| &t.$field, msg.as_ref())
                }
            )*
        }
    };
}

error_constructors! {
    type_error => type_error,
    value_error => value_error,
    index_error => index_error,
    name_error => name_error,
    attribute_error => attribute_error,
    zero_division => zero_division_error,
    overflow_error => overflow_error,
    runtime_error => runtime_error,
    not_implemented => not_implemented_error,
    recursion_error => recursion_error,
    unbound_local => unbound_local_error,
    import_error => import_error,
    module_not_found => module_not_found_error,
    eof_error => eof_error,
    system_error => system_error,
    lookup_error => lookup_error,
    stdin_not_implemented => stdin_not_implemented_error,
}

impl PyErr {
    /// An exception of a builtin class with one message argument.
    pub fn with_class(class: impl FnOnce(&BuiltinTypes) -> &Rc<Class>, msg: &str) -> PyErr {
        let t = types();
        PyErr(PyException::with_message(class(&t).clone(), msg))
    }

    /// An exception of any class with the given args.
    pub fn new(class: Rc<Class>, args: Vec<Value>) -> PyErr {
        PyErr(PyException::new(class, PyTuple::new(args)))
    }

    /// An exception with no arguments (`raise KeyboardInterrupt`).
    pub fn bare(class: impl FnOnce(&BuiltinTypes) -> &Rc<Class>) -> PyErr {
        let t = types();
        PyErr(PyException::new(class(&t).clone(), PyTuple::empty()))
    }

    pub fn key_error(key: Value) -> PyErr {
        let t = types();
        PyErr::new(t.key_error.clone(), vec![key])
    }

    pub fn stop_iteration(value: Value) -> PyErr {
        let t = types();
        let args = if value.is_none() {
            vec![]
        } else {
            vec![value.clone()]
        };
        let err = PyErr::new(t.stop_iteration.clone(), args);
        err.0.set_attr("value", value);
        err
    }

    pub fn generator_exit() -> PyErr {
        PyErr::bare(|t| &t.generator_exit)
    }

    pub fn keyboard_interrupt() -> PyErr {
        PyErr::bare(|t| &t.keyboard_interrupt)
    }

    pub fn memory_error() -> PyErr {
        PyErr::bare(|t| &t.memory_error)
    }

    pub fn overflow_error_args(args: Vec<Value>) -> PyErr {
        let t = types();
        PyErr::new(t.overflow_error.clone(), args)
    }

    #[cfg(test)]
    pub fn exception(&self) -> &Rc<PyException> {
        &self.0
    }

    pub fn value(&self) -> Value {
        Value::Exception(self.0.clone())
    }

    pub fn class_name(&self) -> &str {
        self.0.class_name()
    }

    /// Whether the exception is an instance of `class`.
    pub fn matches(&self, class: impl FnOnce(&BuiltinTypes) -> &Rc<Class>) -> bool {
        let t = types();
        self.0.is_instance(class(&t))
    }

    /// `str(exc)` for exceptions whose `__str__` is the builtin one: empty for no args, the
    /// argument's str for one string argument. Used for Rust-side messages and debugging; the
    /// VM computes the real `str()` (which may call user code).
    pub fn message(&self) -> String {
        let args = self.0.args();
        match args.items() {
            [] => String::new(),
            [Value::Str(s)] => s.as_str().to_string(),
            [other] => format!("{other:?}"),
            many => format!("{many:?}"),
        }
    }
}
