//! `str % args`: printf-style formatting.

use std::rc::Rc;

use crate::error::{PyErr, PyResult};
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::vm::Vm;

/// `fmt % args`.
pub fn percent_format(vm: &mut Vm, fmt: &Rc<PyStr>, args: &Value) -> PyResult<Rc<PyStr>> {
    let _ = (vm, args);
    Err(PyErr::not_implemented(format!(
        "printf-style formatting ('{}' % ...) is not supported yet",
        fmt.as_str()
    )))
}
