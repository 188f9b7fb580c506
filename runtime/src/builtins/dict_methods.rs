//! Methods of `dict` and its views.

use std::rc::Rc;

use crate::error::{PyErr, PyResult};
use crate::object::dict::PyDict;
use crate::object::function::KwArgs;
use crate::object::iter::DictPart;
use crate::object::native::Native;
use crate::object::value::Value;
use crate::vm::Vm;

use super::args;
use super::methods::Methods;

pub const METHODS: Methods = &[
    (
        "get",
        dict_get,
        "Return the value for key if key is in the dictionary, else default.",
    ),
    (
        "setdefault",
        dict_setdefault,
        "Insert key with a value of default if key is not in the dictionary.",
    ),
    (
        "items",
        dict_items,
        "D.items() -> a set-like object providing a view on D's items",
    ),
    (
        "keys",
        dict_keys,
        "D.keys() -> a set-like object providing a view on D's keys",
    ),
    (
        "values",
        dict_values,
        "D.values() -> an object providing a view on D's values",
    ),
    (
        "pop",
        dict_pop,
        "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.",
    ),
];

pub const CLASS: Methods = &[];

pub const VIEW: Methods = &[];

fn dict_arg<'a>(name: &str, a: &'a [Value]) -> PyResult<&'a Rc<PyDict>> {
    match a.first() {
        Some(Value::Dict(d)) => Ok(d),
        _ => Err(PyErr::type_error(format!(
            "descriptor '{name}' for 'dict' objects doesn't apply to a '{}' object",
            a.first().map(|v| v.type_name()).unwrap_or_default()
        ))),
    }
}

fn dict_get(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let d = dict_arg("get", a)?.clone();
    args::no_kwargs("dict.get", kw)?;
    args::expected("get", &a[1..], 1, 2)?;
    Ok(vm
        .dict_get(&d, &a[1])?
        .unwrap_or_else(|| a.get(2).cloned().unwrap_or(Value::None)))
}

fn dict_setdefault(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let d = dict_arg("setdefault", a)?.clone();
    args::no_kwargs("dict.setdefault", kw)?;
    args::expected("setdefault", &a[1..], 1, 2)?;
    if let Some(v) = vm.dict_get(&d, &a[1])? {
        return Ok(v);
    }
    let default = a.get(2).cloned().unwrap_or(Value::None);
    vm.dict_set(&d, a[1].clone(), default.clone())?;
    Ok(default)
}

fn view(a: &[Value], name: &str, part: DictPart) -> PyResult<Value> {
    let d = dict_arg(name, a)?;
    args::exact(&format!("dict.{name}"), &a[1..], 0)?;
    Ok(Value::Native(Rc::new(Native::DictView {
        part,
        dict: d.clone(),
    })))
}

fn dict_items(_vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    view(a, "items", DictPart::Items)
}

fn dict_keys(_vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    view(a, "keys", DictPart::Keys)
}

fn dict_values(_vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    view(a, "values", DictPart::Values)
}

fn dict_pop(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let d = dict_arg("pop", a)?.clone();
    args::no_kwargs("dict.pop", kw)?;
    args::expected("pop", &a[1..], 1, 2)?;
    match vm.dict_remove(&d, &a[1])? {
        Some(v) => Ok(v),
        None => match a.get(2) {
            Some(default) => Ok(default.clone()),
            None => Err(PyErr::key_error(a[1].clone())),
        },
    }
}
