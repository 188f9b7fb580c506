//! Methods of `str` and `bytes`.

use crate::error::{PyErr, PyResult};
use crate::object::function::KwArgs;
use crate::object::value::Value;
use crate::vm::Vm;

use super::methods::Methods;

pub const METHODS: Methods = &[("join", str_join, "Concatenate any number of strings.")];

pub const STATIC: Methods = &[];

pub const BYTES: Methods = &[];

fn str_join(vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let Some(Value::Str(sep)) = a.first() else {
        return Err(PyErr::type_error(
            "descriptor 'join' requires a 'str' object",
        ));
    };
    let sep = sep.clone();
    let items = vm.collect(&a[1])?;
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match item {
            Value::Str(s) => out.push_str(s),
            other => {
                return Err(PyErr::type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    other.type_name()
                )))
            }
        }
    }
    Ok(Value::from_string(out))
}
