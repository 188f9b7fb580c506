//! The core builtin functions: `len`, `repr`, `iter`, `next`, `isinstance`, `id`, `hash` ...

use std::rc::Rc;

use crate::error::{PyErr, PyResult};
use crate::object::class::Class;
use crate::object::function::KwArgs;
use crate::object::iter::{IterState, NativeIter};
use crate::object::types::type_of;
use crate::object::value::Value;
use crate::vm::recursion::Nesting;
use crate::vm::Vm;

use super::args;
use super::Functions;

pub const FUNCTIONS: Functions = &[
    ("len", len, "Return the number of items in a container."),
    (
        "repr",
        repr,
        "Return the canonical string representation of the object.",
    ),
    (
        "ascii",
        ascii,
        "Return an ASCII-only representation of an object.",
    ),
    ("id", id, "Return the identity of an object."),
    ("hash", hash, "Return the hash value for the given object."),
    (
        "callable",
        callable,
        "Return whether the object is callable (i.e., some kind of function).",
    ),
    (
        "isinstance",
        isinstance,
        "Return whether an object is an instance of a class or of a subclass thereof.",
    ),
    (
        "issubclass",
        issubclass,
        "Return whether 'cls' is derived from another class or is the same class.",
    ),
    ("iter", iter, "Get an iterator from an object."),
    ("next", next, "Return the next item from the iterator."),
    (
        "format",
        format,
        "Return type(value).__format__(value, format_spec)",
    ),
    (
        "__build_class__",
        build_class,
        "Internal helper function used by the class statement.",
    ),
    ("open", open, "Open file and return a stream."),
    ("exec", unsupported_exec, ""),
    ("eval", unsupported_eval, ""),
    ("compile", unsupported_compile, ""),
    ("breakpoint", unsupported_breakpoint, ""),
];

fn len(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::no_kwargs("len", kw)?;
    args::exact("len", a, 1)?;
    Ok(Value::from(vm.len(&a[0])?))
}

fn repr(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::no_kwargs("repr", kw)?;
    args::exact("repr", a, 1)?;
    Ok(Value::Str(vm.repr(&a[0])?))
}

fn ascii(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::no_kwargs("ascii", kw)?;
    args::exact("ascii", a, 1)?;
    Ok(Value::Str(vm.ascii(&a[0])?))
}

fn id(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::no_kwargs("id", kw)?;
    args::exact("id", a, 1)?;
    Ok(Value::Int(a[0].id()))
}

fn hash(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::no_kwargs("hash", kw)?;
    args::exact("hash", a, 1)?;
    Ok(Value::Int(vm.hash(&a[0])?))
}

fn callable(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::no_kwargs("callable", kw)?;
    args::exact("callable", a, 1)?;
    Ok(Value::Bool(is_callable(vm, &a[0])))
}

pub fn is_callable(vm: &mut Vm, v: &Value) -> bool {
    match v {
        Value::Function(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_) => true,
        Value::Instance(_) => vm.lookup_special(v, "__call__").is_some(),
        _ => false,
    }
}

/// `isinstance(obj, classinfo)` with tuples of classes.
pub fn isinstance_of(vm: &mut Vm, obj: &Value, classinfo: &Value) -> PyResult<bool> {
    match classinfo {
        // `__instancecheck__` would live on a metaclass, which Coro does not have.
        Value::Class(c) => Ok(type_of(obj).is_subclass(c)),
        Value::Tuple(t) => {
            let t = t.clone();
            vm.nested(Nesting::InstanceCheck, |vm| {
                for item in t.items() {
                    if isinstance_of(vm, obj, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            })
        }
        _ => Err(PyErr::type_error(
            "isinstance() arg 2 must be a type, a tuple of types, or a union",
        )),
    }
}

fn isinstance(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::no_kwargs("isinstance", kw)?;
    args::expected("isinstance", a, 2, 2)?;
    Ok(Value::Bool(isinstance_of(vm, &a[0], &a[1])?))
}

fn subclass_of(vm: &mut Vm, cls: &Rc<Class>, classinfo: &Value) -> PyResult<bool> {
    match classinfo {
        Value::Class(c) => Ok(cls.is_subclass(c)),
        Value::Tuple(t) => vm.nested(Nesting::SubclassCheck, |vm| {
            for item in t.items() {
                if subclass_of(vm, cls, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }),
        _ => Err(PyErr::type_error(
            "issubclass() arg 2 must be a class, a tuple of classes, or a union",
        )),
    }
}

fn issubclass(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::no_kwargs("issubclass", kw)?;
    args::expected("issubclass", a, 2, 2)?;
    match &a[0] {
        Value::Class(c) => Ok(Value::Bool(subclass_of(vm, c, &a[1])?)),
        _ => Err(PyErr::type_error("issubclass() arg 1 must be a class")),
    }
}

fn iter(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::no_kwargs("iter", kw)?;
    args::expected("iter", a, 1, 2)?;
    if a.len() == 2 {
        if !super::functions::is_callable(vm, &a[0]) {
            return Err(PyErr::type_error("iter(v, w): v must be callable"));
        }
        return Ok(Value::Iter(NativeIter::new(IterState::Callable {
            func: a[0].clone(),
            sentinel: a[1].clone(),
        })));
    }
    vm.iter(&a[0])
}

fn next(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::no_kwargs("next", kw)?;
    args::expected("next", a, 1, 2)?;
    let it = &a[0];
    if !vm.is_iterator(it) {
        return Err(PyErr::type_error(format!(
            "'{}' object is not an iterator",
            it.type_name()
        )));
    }
    match it {
        Value::Generator(g) => {
            let g = g.clone();
            match vm.gen_send(&g, Value::None) {
                Err(e) if a.len() == 2 && e.matches(|t| &t.stop_iteration) => Ok(a[1].clone()),
                other => other,
            }
        }
        Value::Instance(_) => {
            let m = vm.lookup_special(it, "__next__").ok_or_else(|| {
                PyErr::type_error(format!("'{}' object is not an iterator", it.type_name()))
            })?;
            match vm.call(&m, &[]) {
                Err(e) if a.len() == 2 && e.matches(|t| &t.stop_iteration) => Ok(a[1].clone()),
                other => other,
            }
        }
        _ => match vm.next_value(it)? {
            Some(v) => Ok(v),
            None => match a.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(PyErr::stop_iteration(Value::None)),
            },
        },
    }
}

fn format(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::no_kwargs("format", kw)?;
    args::between("format", a, 1, 2)?;
    let spec = match a.get(1) {
        Some(Value::Str(s)) => s.clone(),
        None => crate::object::str::PyStr::new(""),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "format() argument 2 must be str, not {}",
                other.type_name()
            )))
        }
    };
    Ok(Value::Str(vm.format(&a[0], &spec)?))
}

fn build_class(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    vm.build_class(a, kw)
}

fn open(_vm: &mut Vm, _a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    Err(PyErr::not_implemented(
        "open() is not supported by Coro: the runtime has no file system access",
    ))
}

fn unsupported_exec(_vm: &mut Vm, _a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    Err(PyErr::not_implemented("exec() is not supported by Coro"))
}

fn unsupported_eval(_vm: &mut Vm, _a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    Err(PyErr::not_implemented("eval() is not supported by Coro"))
}

fn unsupported_compile(_vm: &mut Vm, _a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    Err(PyErr::not_implemented("compile() is not supported by Coro"))
}

fn unsupported_breakpoint(_vm: &mut Vm, _a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    Err(PyErr::not_implemented(
        "breakpoint() is not supported by Coro",
    ))
}
