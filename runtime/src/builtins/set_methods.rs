//! Methods of `set` and `frozenset`.

use crate::error::{PyErr, PyResult};
use crate::object::function::KwArgs;
use crate::object::value::Value;
use crate::vm::Vm;

use super::args;
use super::methods::Methods;

pub const SET: Methods = &[("add", set_add, "Add an element to a set.")];

pub const FROZENSET: Methods = &[];

fn set_add(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let Some(s @ Value::Set(_)) = a.first() else {
        return Err(PyErr::type_error(
            "descriptor 'add' for 'set' objects needs a set",
        ));
    };
    args::no_kwargs("set.add", kw)?;
    args::exact("set.add", &a[1..], 1)?;
    vm.set_add(s, a[1].clone())?;
    Ok(Value::None)
}
