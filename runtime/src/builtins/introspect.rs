//! Introspection builtins: `getattr`, `setattr`, `hasattr`, `delattr`, `vars`, `dir`.
//!
//! `globals()` and `locals()` need the calling frame, so the dispatch loop answers them itself
//! (see `Op::Call` in `vm/eval.rs`); the functions here are only reached when they are called
//! indirectly, and then say so.

use std::rc::Rc;

use crate::error::{PyErr, PyResult};
use crate::object::function::KwArgs;
use crate::object::str::PyStr;
use crate::object::types::type_of;
use crate::object::value::Value;
use crate::vm::Vm;

use super::args;
use super::Functions;

pub const FUNCTIONS: Functions = &[
    ("getattr", getattr, "Get a named attribute from an object."),
    (
        "setattr",
        setattr,
        "Sets the named attribute on the given object to the specified value.",
    ),
    (
        "hasattr",
        hasattr,
        "Return whether the object has an attribute with the given name.",
    ),
    (
        "delattr",
        delattr,
        "Deletes the named attribute from the given object.",
    ),
    ("vars", vars, "Show vars."),
    ("dir", dir, "Show attributes of an object."),
    (
        "globals",
        globals,
        "Return the dictionary containing the current scope's global variables.",
    ),
    (
        "locals",
        locals,
        "Return a dictionary containing the current scope's local variables.",
    ),
];

fn attr_name(v: &Value) -> PyResult<Rc<PyStr>> {
    match v {
        Value::Str(s) => Ok(PyStr::intern(s.as_str())),
        other => Err(PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            other.type_name()
        ))),
    }
}

fn getattr(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::no_kwargs("getattr", kw)?;
    args::expected("getattr", a, 2, 3)?;
    let name = attr_name(&a[1])?;
    match vm.getattr(&a[0], &name) {
        Err(e) if a.len() == 3 && e.matches(|t| &t.attribute_error) => Ok(a[2].clone()),
        other => other,
    }
}

fn setattr(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::no_kwargs("setattr", kw)?;
    args::expected("setattr", a, 3, 3)?;
    let name = attr_name(&a[1])?;
    vm.setattr(&a[0], &name, a[2].clone())?;
    Ok(Value::None)
}

fn hasattr(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::no_kwargs("hasattr", kw)?;
    args::expected("hasattr", a, 2, 2)?;
    let name = attr_name(&a[1])?;
    Ok(Value::Bool(vm.hasattr(&a[0], &name)?))
}

fn delattr(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::no_kwargs("delattr", kw)?;
    args::expected("delattr", a, 2, 2)?;
    let name = attr_name(&a[1])?;
    vm.delattr(&a[0], &name)?;
    Ok(Value::None)
}

fn vars(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::no_kwargs("vars", kw)?;
    args::between("vars", a, 0, 1)?;
    if a.is_empty() {
        return Err(PyErr::not_implemented(
            "vars() without an argument must be called directly",
        ));
    }
    match vm.getattr_opt(&a[0], &PyStr::intern("__dict__"))? {
        Some(d) => Ok(d),
        None => Err(PyErr::type_error(
            "vars() argument must have __dict__ attribute",
        )),
    }
}

/// The names `dir(obj)` lists, sorted.
pub fn dir_names(vm: &mut Vm, obj: &Value) -> Vec<Value> {
    let mut names: Vec<String> = Vec::new();
    let mut push = |n: &Value| {
        if let Value::Str(s) = n {
            names.push(s.as_str().to_string());
        }
    };
    match obj {
        Value::Module(m) => m.dict.keys().iter().for_each(&mut push),
        Value::Instance(i) => {
            i.dict.keys().iter().for_each(&mut push);
            for c in i.class.mro() {
                c.dict.keys().iter().for_each(&mut push);
            }
        }
        Value::Class(c) => {
            for c in c.mro() {
                c.dict.keys().iter().for_each(&mut push);
            }
        }
        other => {
            if let Value::Exception(e) = other {
                e.dict.keys().iter().for_each(&mut push);
            }
            for c in type_of(other).mro() {
                c.dict.keys().iter().for_each(&mut push);
            }
        }
    }
    let _ = vm;
    names.sort();
    names.dedup();
    names.into_iter().map(Value::from_string).collect()
}

fn dir(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::no_kwargs("dir", kw)?;
    args::between("dir", a, 0, 1)?;
    if a.is_empty() {
        return Err(PyErr::not_implemented(
            "dir() without an argument must be called directly",
        ));
    }
    Ok(Value::list(dir_names(vm, &a[0])))
}

fn globals(_vm: &mut Vm, _a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    Err(PyErr::not_implemented("globals() must be called directly"))
}

fn locals(_vm: &mut Vm, _a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    Err(PyErr::not_implemented("locals() must be called directly"))
}
