//! Methods of `object`, `type`, `BaseException`, generators, iterators and `property`.

use std::rc::Rc;

use crate::error::{PyErr, PyResult};
use crate::object::class::Layout;
use crate::object::function::KwArgs;
use crate::object::native::Native;
use crate::object::str::PyStr;
use crate::object::tuple::PyTuple;
use crate::object::types::type_of;
use crate::object::value::Value;
use crate::vm::generator::GenKind;
use crate::vm::Vm;

use super::args;
use super::methods::Methods;

pub const OBJECT: Methods = &[
    ("__init__", object_init, ""),
    ("__new__", object_new, "Create and return a new object."),
    ("__repr__", object_repr, "Return repr(self)."),
    ("__str__", object_str, "Return str(self)."),
    ("__eq__", object_eq, "Return self==value."),
    ("__ne__", object_ne, "Return self!=value."),
    ("__hash__", object_hash, "Return hash(self)."),
    ("__format__", object_format, "Default object formatter."),
    (
        "__setattr__",
        object_setattr,
        "Implement setattr(self, name, value).",
    ),
    (
        "__getattribute__",
        object_getattribute,
        "Return getattr(self, name).",
    ),
    (
        "__delattr__",
        object_delattr,
        "Implement delattr(self, name).",
    ),
    ("__dir__", object_dir, "Default dir() implementation."),
    ("__init_subclass__", object_init_subclass, ""),
];

pub const TYPE: Methods = &[("mro", type_mro, "Return a type's method resolution order.")];

pub const EXCEPTION: Methods = &[
    ("__init__", exception_init, ""),
    ("__str__", exception_str, "Return str(self)."),
    ("__repr__", exception_repr, "Return repr(self)."),
    ("with_traceback", exception_with_traceback, ""),
    ("add_note", exception_add_note, ""),
];

pub const GENERATOR: Methods = &[
    ("send", gen_send, "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."),
    ("throw", gen_throw, "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration."),
    ("close", gen_close, "close() -> raise GeneratorExit inside generator."),
    ("__next__", gen_next, "Implement next(self)."),
    ("__iter__", iter_self, "Implement iter(self)."),
    ("__await__", gen_await, "Return an iterator to be used in await expression."),
];

pub const ITERATOR: Methods = &[
    ("__next__", iterator_next, "Implement next(self)."),
    ("__iter__", iter_self, "Implement iter(self)."),
];

pub const PROPERTY: Methods = &[
    ("getter", property_getter, ""),
    ("setter", property_setter, ""),
    ("deleter", property_deleter, ""),
    ("__get__", property_get, ""),
];

fn receiver<'a>(name: &str, a: &'a [Value]) -> PyResult<&'a Value> {
    a.first()
        .ok_or_else(|| PyErr::type_error(format!("descriptor '{name}' needs an argument")))
}

fn object_init(_vm: &mut Vm, _a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    Ok(Value::None)
}

fn object_init_subclass(_vm: &mut Vm, _a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    Ok(Value::None)
}

fn object_new(_vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    match a.first() {
        Some(Value::Class(c)) if c.layout == Layout::Object => Ok(Value::Instance(
            crate::object::class::Instance::new(c.clone()),
        )),
        Some(Value::Class(c)) if c.layout == Layout::Exception => Ok(Value::Exception(
            crate::object::exception::PyException::new(c.clone(), PyTuple::from_slice(&a[1..])),
        )),
        Some(Value::Class(c)) => Err(PyErr::type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            c.name.as_str(),
            c.name.as_str()
        ))),
        Some(other) => Err(PyErr::type_error(format!(
            "object.__new__(X): X is not a type object ({})",
            other.type_name()
        ))),
        None => Err(PyErr::type_error("object.__new__(): not enough arguments")),
    }
}

fn object_repr(vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let obj = receiver("__repr__", a)?;
    Ok(Value::from_string(vm.default_repr(obj)))
}

fn object_str(vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let obj = receiver("__str__", a)?;
    Ok(Value::Str(vm.repr(obj)?))
}

fn object_eq(_vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::exact("__eq__", a, 2)?;
    Ok(if a[0].is(&a[1]) {
        Value::Bool(true)
    } else {
        Value::NotImplemented
    })
}

fn object_ne(vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::exact("__ne__", a, 2)?;
    let r = vm.rich_compare(&a[0], &a[1], crate::syntax::ast::CmpOp::Eq)?;
    match r {
        Value::NotImplemented => Ok(r),
        other => Ok(Value::Bool(!vm.truthy(&other)?)),
    }
}

fn object_hash(vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let obj = receiver("__hash__", a)?;
    Ok(Value::Int(vm.hash(obj)?))
}

fn object_format(vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::exact("__format__", a, 2)?;
    match &a[1] {
        Value::Str(s) if s.is_empty() => Ok(Value::Str(vm.str(&a[0])?)),
        Value::Str(_) => Err(PyErr::type_error(format!(
            "unsupported format string passed to {}.__format__",
            a[0].type_name()
        ))),
        other => Err(PyErr::type_error(format!(
            "__format__() argument must be str, not {}",
            other.type_name()
        ))),
    }
}

fn object_setattr(vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::exact("__setattr__", a, 3)?;
    let name = args::expect_str("attribute name", &a[1])?.clone();
    let class = type_of(&a[0]);
    vm.generic_setattr(&a[0], &class, &name, a[2].clone())?;
    Ok(Value::None)
}

fn object_getattribute(vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::exact("__getattribute__", a, 2)?;
    let name = args::expect_str("attribute name", &a[1])?.clone();
    if let Value::Instance(inst) = &a[0] {
        if let Some(v) = inst.dict.get_str(&name) {
            return Ok(v);
        }
        if let Some(d) = inst.class.lookup(&name) {
            return match d {
                Value::Function(_) => Ok(Value::Method(Rc::new(
                    crate::object::function::BoundMethod {
                        func: d,
                        receiver: a[0].clone(),
                    },
                ))),
                other => Ok(other),
            };
        }
        return Err(vm.no_attribute(&a[0], &name));
    }
    vm.getattr(&a[0], &name)
}

fn object_delattr(vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::exact("__delattr__", a, 2)?;
    let name = args::expect_str("attribute name", &a[1])?.clone();
    match &a[0] {
        Value::Instance(inst) => match inst.dict.remove_str(&name) {
            Some(_) => Ok(Value::None),
            None => Err(vm.no_attribute(&a[0], &name)),
        },
        other => {
            vm.delattr(other, &name)?;
            Ok(Value::None)
        }
    }
}

fn object_dir(vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let obj = receiver("__dir__", a)?;
    Ok(Value::list(super::introspect::dir_names(vm, obj)))
}

fn type_mro(_vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    match a.first() {
        Some(Value::Class(c)) => Ok(Value::list(
            c.mro().map(|c| Value::Class(c.clone())).collect(),
        )),
        _ => Err(PyErr::type_error(
            "descriptor 'mro' of 'type' object needs an argument",
        )),
    }
}

fn exception_init(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let Some(Value::Exception(e)) = a.first() else {
        return Err(PyErr::type_error(
            "descriptor '__init__' requires a 'BaseException' object",
        ));
    };
    args::no_kwargs(e.class.name.as_str(), kw)?;
    *e.args.borrow_mut() = PyTuple::from_slice(&a[1..]);
    let t = crate::object::types::types();
    if e.is_instance(&t.stop_iteration) {
        e.set_attr("value", a.get(1).cloned().unwrap_or(Value::None));
    }
    if e.is_instance(&t.syntax_error) {
        super::syntax_error_fields::init(vm, e)?;
    }
    Ok(Value::None)
}

fn exception_str(vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let Some(Value::Exception(e)) = a.first() else {
        return Err(PyErr::type_error(
            "descriptor '__str__' requires a 'BaseException' object",
        ));
    };
    Ok(Value::Str(vm.exception_str(e)?))
}

fn exception_repr(vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let Some(Value::Exception(e)) = a.first() else {
        return Err(PyErr::type_error(
            "descriptor '__repr__' requires a 'BaseException' object",
        ));
    };
    let args = e.args();
    let name = e.class.name.clone();
    let inner = match args.items() {
        [one] => vm.repr(one)?.as_str().to_string(),
        items => {
            let mut parts = Vec::new();
            for i in items {
                parts.push(vm.repr(i)?.as_str().to_string());
            }
            parts.join(", ")
        }
    };
    Ok(Value::from_string(format!("{}({inner})", name.as_str())))
}

fn exception_with_traceback(_vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::exact("with_traceback", a, 2)?;
    if let (Value::Exception(e), Value::None) = (&a[0], &a[1]) {
        e.traceback.borrow_mut().clear();
    }
    Ok(a[0].clone())
}

fn exception_add_note(_vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::exact("add_note", a, 2)?;
    let Value::Exception(e) = &a[0] else {
        return Ok(Value::None);
    };
    let Value::Str(_) = &a[1] else {
        return Err(PyErr::type_error(format!(
            "note must be a str, not '{}'",
            a[1].type_name()
        )));
    };
    let notes = match e.get_attr("__notes__") {
        Some(v @ Value::List(_)) => v,
        _ => {
            let v = Value::list(vec![]);
            e.set_attr("__notes__", v.clone());
            v
        }
    };
    if let Value::List(l) = notes {
        l.push(a[1].clone());
    }
    Ok(Value::None)
}

fn generator_arg<'a>(
    name: &str,
    a: &'a [Value],
) -> PyResult<&'a Rc<crate::vm::generator::Generator>> {
    match a.first() {
        Some(Value::Generator(g)) => Ok(g),
        _ => Err(PyErr::type_error(format!(
            "descriptor '{name}' requires a 'generator' object"
        ))),
    }
}

fn gen_send(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let g = generator_arg("send", a)?.clone();
    if kw.is_some_and(|k| !k.is_empty()) {
        args::no_kwargs(&format!("{}.send", g.kind.type_name()), kw)?;
    }
    if a.len() != 2 {
        return Err(PyErr::type_error(format!(
            "{}.send() takes exactly one argument ({} given)",
            g.kind.type_name(),
            a.len() - 1
        )));
    }
    vm.gen_send(&g, a[1].clone())
}

fn gen_next(vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let g = generator_arg("__next__", a)?.clone();
    vm.gen_send(&g, Value::None)
}

fn gen_throw(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let g = generator_arg("throw", a)?.clone();
    args::no_kwargs("throw", kw)?;
    let rest = &a[1..];
    if rest.is_empty() || rest.len() > 3 {
        return Err(PyErr::type_error(format!(
            "throw expected at least 1 argument, got {}",
            rest.len()
        )));
    }
    let err = throw_exception(vm, rest)?;
    vm.gen_throw(&g, err)
}

/// Normalises the arguments of `throw(type[, value[, tb]])` into an exception.
pub fn throw_exception(vm: &mut Vm, rest: &[Value]) -> PyResult<PyErr> {
    let typ = &rest[0];
    let value = rest.get(1).cloned().unwrap_or(Value::None);
    if let Some(tb) = rest.get(2) {
        if !tb.is_none() && !matches!(tb, Value::Native(n) if matches!(&**n, Native::Traceback(..)))
        {
            return Err(PyErr::type_error(
                "throw() third argument must be a traceback object",
            ));
        }
    }
    match typ {
        Value::Class(c) if c.layout == Layout::Exception => {
            let exc = match &value {
                Value::Exception(e) if e.class.is_subclass(c) => value.clone(),
                Value::None => vm.call(typ, &[])?,
                Value::Tuple(t) => {
                    let t = t.clone();
                    vm.call(typ, t.items())?
                }
                other => vm.call(typ, std::slice::from_ref(other))?,
            };
            match exc {
                Value::Exception(e) => Ok(PyErr(e)),
                other => Err(PyErr::type_error(format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    vm.repr(typ)?.as_str(),
                    other.type_name()
                ))),
            }
        }
        Value::Exception(e) => {
            if !value.is_none() {
                return Err(PyErr::type_error(
                    "instance exception may not have a separate value",
                ));
            }
            Ok(PyErr(e.clone()))
        }
        other => Err(PyErr::type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            other.type_name()
        ))),
    }
}

fn gen_close(vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let g = generator_arg("close", a)?.clone();
    args::exact("close", &a[1..], 0)?;
    vm.gen_close(&g)?;
    Ok(Value::None)
}

fn gen_await(_vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let g = generator_arg("__await__", a)?;
    if g.kind != GenKind::Coroutine {
        return Err(PyErr::attribute_error(
            "'generator' object has no attribute '__await__'",
        ));
    }
    Ok(a[0].clone())
}

fn iter_self(_vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    Ok(receiver("__iter__", a)?.clone())
}

fn iterator_next(vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let it = receiver("__next__", a)?;
    match vm.next_value(it)? {
        Some(v) => Ok(v),
        None => Err(PyErr::stop_iteration(Value::None)),
    }
}

type PropertyParts = (Value, Value, Value, Value, Option<Rc<PyStr>>);

fn property_parts(a: &[Value]) -> PyResult<PropertyParts> {
    match a.first() {
        Some(Value::Native(n)) => match &**n {
            Native::Property {
                fget,
                fset,
                fdel,
                doc,
                name,
            } => Ok((
                fget.clone(),
                fset.clone(),
                fdel.clone(),
                doc.clone(),
                name.borrow().clone(),
            )),
            _ => Err(PyErr::type_error("descriptor requires a 'property' object")),
        },
        _ => Err(PyErr::type_error("descriptor requires a 'property' object")),
    }
}

fn make_property((fget, fset, fdel, doc, name): PropertyParts) -> Value {
    Value::Native(Rc::new(Native::Property {
        fget,
        fset,
        fdel,
        doc,
        name: std::cell::RefCell::new(name),
    }))
}

fn property_getter(_vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::exact("getter", a, 2)?;
    let (_, fset, fdel, doc, name) = property_parts(a)?;
    Ok(make_property((a[1].clone(), fset, fdel, doc, name)))
}

fn property_setter(_vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::exact("setter", a, 2)?;
    let (fget, _, fdel, doc, name) = property_parts(a)?;
    Ok(make_property((fget, a[1].clone(), fdel, doc, name)))
}

fn property_deleter(_vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::exact("deleter", a, 2)?;
    let (fget, fset, _, doc, name) = property_parts(a)?;
    Ok(make_property((fget, fset, a[1].clone(), doc, name)))
}

fn property_get(vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let (fget, ..) = property_parts(a)?;
    match a.get(1) {
        None | Some(Value::None) => Ok(a[0].clone()),
        Some(obj) => vm.call(&fget, std::slice::from_ref(obj)),
    }
}

#[allow(dead_code)]
fn _names(_: &PyStr) {}
