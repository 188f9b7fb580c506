//! Attribute access: `getattr`, `setattr`, `delattr` and the method-call shortcut.
//!
//! For instances the order is CPython's `PyObject_GenericGetAttr`: a data descriptor on the
//! class (a `property`), then the instance dictionary, then the class attribute (functions
//! become bound methods, `classmethod` and `staticmethod` unwrap, objects with `__get__` are
//! asked), then `__getattr__`. Builtin values find their methods in their class's dictionary;
//! a few attributes of builtin objects (`gi_frame`, `__name__`, `start` ...) are computed in
//! `special_attr`.
//!
//! `load_method` avoids creating a bound method for `obj.method(...)`: it hands back the
//! function and lets the call pass `obj` as the first argument.

use std::rc::Rc;

use crate::error::{PyErr, PyResult};
use crate::object::class::{flags, Class, Layout};
use crate::object::function::BoundMethod;
use crate::object::native::Native;
use crate::object::str::PyStr;
use crate::object::types::type_of;
use crate::object::value::Value;

use super::Vm;

/// What `load_method` found.
pub enum Method {
    /// A function to call with the object as its first argument.
    Unbound(Value),
    /// An ordinary attribute value (already bound, if it is a method).
    Attr(Value),
}

impl Vm {
    pub fn getattr(&mut self, obj: &Value, name: &Rc<PyStr>) -> PyResult<Value> {
        match self.getattr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.no_attribute(obj, name)),
        }
    }

    /// `getattr(obj, name, None)`-like: `None` when the attribute does not exist.
    pub fn getattr_opt(&mut self, obj: &Value, name: &Rc<PyStr>) -> PyResult<Option<Value>> {
        match obj {
            Value::Instance(inst) => {
                let class = inst.class.clone();
                if class.has_flag(flags::GETATTRIBUTE) {
                    if let Some(ga) = class.lookup_str("__getattribute__") {
                        let r = self.call(&ga, &[obj.clone(), Value::Str(name.clone())]);
                        return match r {
                            Ok(v) => Ok(Some(v)),
                            Err(e) if e.matches(|t| &t.attribute_error) => {
                                self.try_getattr_hook(obj, &class, name, e)
                            }
                            Err(e) => Err(e),
                        };
                    }
                }
                let descr = class.lookup(name);
                if let Some(d) = &descr {
                    if let Some(v) = self.data_descriptor_get(d, obj, &class)? {
                        return Ok(Some(v));
                    }
                }
                if let Some(v) = inst.dict.get_str(name) {
                    return Ok(Some(v));
                }
                if let Some(d) = descr {
                    return Ok(Some(self.bind_descriptor(d, obj, &class)?));
                }
                if name.as_str() == "__class__" {
                    return Ok(Some(Value::Class(class)));
                }
                if name.as_str() == "__dict__" {
                    return Ok(Some(Value::Dict(Rc::new(
                        crate::object::dict::PyDict::from_table(inst.dict.borrow().clone()),
                    ))));
                }
                if class.has_flag(flags::GETATTR) {
                    if let Some(hook) = class.lookup_str("__getattr__") {
                        return self
                            .call(&hook, &[obj.clone(), Value::Str(name.clone())])
                            .map(Some);
                    }
                }
                Ok(None)
            }
            Value::Class(class) => self.class_getattr(class, name),
            Value::Module(m) => Ok(m.dict.get_str(name)),
            Value::Native(n) if matches!(&**n, Native::Super { .. }) => {
                let Native::Super {
                    class,
                    obj: receiver,
                } = &**n
                else {
                    unreachable!("matched above")
                };
                match self.super_getattr(class, receiver, name)? {
                    Some(v) => Ok(Some(v)),
                    None => self.plain_getattr(obj, name),
                }
            }
            _ => self.plain_getattr(obj, name),
        }
    }

    /// `super(class, receiver).name`: the MRO of the receiver's type (or of the receiver, when
    /// it is a class) is searched from just after `class`, and what is found binds to the
    /// receiver (`super_getattro` in CPython's `Objects/typeobject.c`).
    fn super_getattr(
        &mut self,
        class: &Rc<Class>,
        receiver: &Value,
        name: &Rc<PyStr>,
    ) -> PyResult<Option<Value>> {
        if name.as_str() == "__class__" {
            return Ok(None);
        }
        let start = match receiver {
            Value::Class(c) => c.clone(),
            other => type_of(other),
        };
        let found = start
            .mro()
            .skip_while(|c| !Rc::ptr_eq(c, class))
            .skip(1)
            .find_map(|c| c.dict.get_str(name));
        let Some(d) = found else {
            return Ok(None);
        };
        match receiver {
            // `super().name` inside a classmethod: bind as a class attribute would.
            Value::Class(c) => Ok(Some(match &d {
                Value::Native(n) => match &**n {
                    Native::ClassMethod(f) => Value::Method(Rc::new(BoundMethod {
                        func: f.clone(),
                        receiver: Value::Class(c.clone()),
                    })),
                    Native::StaticMethod(f) => f.clone(),
                    _ => d.clone(),
                },
                Value::Builtin(b)
                    if b.bound.is_none()
                        && b.kind == crate::object::function::BuiltinKind::ClassMethod =>
                {
                    Value::Builtin(Rc::new(b.bind(Value::Class(c.clone()))))
                }
                _ => d.clone(),
            })),
            _ => self.bind_descriptor(d, receiver, &start).map(Some),
        }
    }

    /// Attribute lookup for values that are not instances, classes or modules: special
    /// attributes first, then the type's dictionary.
    fn plain_getattr(&mut self, obj: &Value, name: &Rc<PyStr>) -> PyResult<Option<Value>> {
        if let Some(v) = self.special_attr(obj, name)? {
            return Ok(Some(v));
        }
        let class = type_of(obj);
        if let Value::Exception(e) = obj {
            if let Some(v) = e.dict.get_str(name) {
                return Ok(Some(v));
            }
        }
        match class.lookup(name) {
            Some(d) => Ok(Some(self.bind_descriptor(d, obj, &class)?)),
            None => {
                if let Value::Function(f) = obj {
                    return Ok(f.dict.get_str(name));
                }
                if let Value::Exception(e) = obj {
                    if e.class.has_flag(flags::GETATTR) {
                        if let Some(hook) = e.class.lookup_str("__getattr__") {
                            return self
                                .call(&hook, &[obj.clone(), Value::Str(name.clone())])
                                .map(Some);
                        }
                    }
                }
                Ok(None)
            }
        }
    }

    fn try_getattr_hook(
        &mut self,
        obj: &Value,
        class: &Rc<Class>,
        name: &Rc<PyStr>,
        err: PyErr,
    ) -> PyResult<Option<Value>> {
        if class.has_flag(flags::GETATTR) {
            if let Some(hook) = class.lookup_str("__getattr__") {
                return self
                    .call(&hook, &[obj.clone(), Value::Str(name.clone())])
                    .map(Some);
            }
        }
        Err(err)
    }

    /// The `AttributeError` for a missing attribute, in CPython's words.
    pub fn no_attribute(&self, obj: &Value, name: &PyStr) -> PyErr {
        let msg = match obj {
            Value::Class(c) => format!(
                "type object '{}' has no attribute '{}'",
                c.name.as_str(),
                name.as_str()
            ),
            Value::Module(m) => format!(
                "module '{}' has no attribute '{}'",
                m.name.as_str(),
                name.as_str()
            ),
            other => format!(
                "'{}' object has no attribute '{}'",
                other.type_name(),
                name.as_str()
            ),
        };
        let err = PyErr::attribute_error(msg);
        err.0.set_attr("name", Value::str(name.as_str()));
        err.0.set_attr("obj", obj.clone());
        err
    }

    /// If `d` is a data descriptor (a `property`, or an object whose class defines `__set__`
    /// or `__delete__` and `__get__`), its value for `obj`.
    fn data_descriptor_get(
        &mut self,
        d: &Value,
        obj: &Value,
        class: &Rc<Class>,
    ) -> PyResult<Option<Value>> {
        match d {
            Value::Native(n) => match &**n {
                Native::Property { fget, name, .. } => {
                    if fget.is_none() {
                        return Err(property_lacks(name, class, "getter"));
                    }
                    self.call(fget, std::slice::from_ref(obj)).map(Some)
                }
                _ => Ok(None),
            },
            Value::Instance(di) => {
                let dc = di.class.clone();
                if dc.lookup_str("__set__").is_some() || dc.lookup_str("__delete__").is_some() {
                    if let Some(get) = dc.lookup_str("__get__") {
                        return self
                            .call(&get, &[d.clone(), obj.clone(), Value::Class(class.clone())])
                            .map(Some);
                    }
                }
                Ok(None)
            }
            _ => Ok(None),
        }
    }

    /// A class attribute as seen through an instance: functions bind, descriptors resolve.
    fn bind_descriptor(&mut self, d: Value, obj: &Value, class: &Rc<Class>) -> PyResult<Value> {
        Ok(match &d {
            Value::Function(_) => Value::Method(Rc::new(BoundMethod {
                func: d.clone(),
                receiver: obj.clone(),
            })),
            Value::Builtin(b) if b.bound.is_none() => match b.kind {
                crate::object::function::BuiltinKind::Method => {
                    Value::Builtin(Rc::new(b.bind(obj.clone())))
                }
                crate::object::function::BuiltinKind::ClassMethod => {
                    Value::Builtin(Rc::new(b.bind(Value::Class(class.clone()))))
                }
                _ => d.clone(),
            },
            Value::Native(n) => match &**n {
                Native::StaticMethod(f) => f.clone(),
                Native::ClassMethod(f) => Value::Method(Rc::new(BoundMethod {
                    func: f.clone(),
                    receiver: Value::Class(class.clone()),
                })),
                Native::Property { fget, .. } => self.call(fget, std::slice::from_ref(obj))?,
                _ => d.clone(),
            },
            Value::Instance(di) => {
                let dc = di.class.clone();
                match dc.lookup_str("__get__") {
                    Some(get) => {
                        self.call(&get, &[d.clone(), obj.clone(), Value::Class(class.clone())])?
                    }
                    None => d.clone(),
                }
            }
            _ => d.clone(),
        })
    }

    /// Attribute lookup on a class object (`C.x`, `int.__name__`).
    fn class_getattr(&mut self, class: &Rc<Class>, name: &Rc<PyStr>) -> PyResult<Option<Value>> {
        match name.as_str() {
            "__name__" => return Ok(Some(Value::Str(class.name.clone()))),
            "__qualname__" => return Ok(Some(Value::Str(class.qualname.borrow().clone()))),
            "__mro__" => {
                return Ok(Some(Value::tuple(
                    class.mro().map(|c| Value::Class(c.clone())).collect(),
                )))
            }
            "__bases__" => {
                return Ok(Some(Value::tuple(
                    class
                        .bases
                        .iter()
                        .map(|c| Value::Class(c.clone()))
                        .collect(),
                )))
            }
            "__base__" => {
                return Ok(Some(match class.bases.first() {
                    Some(b) => Value::Class(b.clone()),
                    None => Value::None,
                }))
            }
            "__class__" => return Ok(Some(Value::Class(type_of(&Value::Class(class.clone()))))),
            "__dict__" => {
                return Ok(Some(Value::Dict(Rc::new(
                    crate::object::dict::PyDict::from_table(class.dict.borrow().clone()),
                ))))
            }
            "__module__"
                if (class.layout == Layout::Builtin || class.bases.is_empty())
                    && class.dict.get_str(name).is_none() =>
            {
                return Ok(Some(Value::str("builtins")));
            }
            "__doc__" if class.dict.get_str(name).is_none() => {
                return Ok(Some(Value::None));
            }
            _ => {}
        }
        match class.lookup(name) {
            Some(v) => Ok(Some(match &v {
                Value::Native(n) => match &**n {
                    Native::StaticMethod(f) => f.clone(),
                    Native::ClassMethod(f) => Value::Method(Rc::new(BoundMethod {
                        func: f.clone(),
                        receiver: Value::Class(class.clone()),
                    })),
                    _ => v.clone(),
                },
                Value::Builtin(b)
                    if b.bound.is_none()
                        && b.kind == crate::object::function::BuiltinKind::ClassMethod =>
                {
                    Value::Builtin(Rc::new(b.bind(Value::Class(class.clone()))))
                }
                Value::Instance(di) => {
                    let dc = di.class.clone();
                    match dc.lookup_str("__get__") {
                        Some(get) => {
                            self.call(&get, &[v.clone(), Value::None, Value::Class(class.clone())])?
                        }
                        None => v.clone(),
                    }
                }
                _ => v.clone(),
            })),
            None => {
                // Methods of `type` itself (`C.mro()`).
                let meta = type_of(&Value::Class(class.clone()));
                match meta.lookup(name) {
                    Some(d) => Ok(Some(self.bind_descriptor(
                        d,
                        &Value::Class(class.clone()),
                        &meta,
                    )?)),
                    None => Ok(None),
                }
            }
        }
    }

    /// Looks up `name` for a call `obj.name(...)`.
    pub fn load_method(&mut self, obj: &Value, name: &Rc<PyStr>) -> PyResult<Method> {
        match obj {
            Value::Instance(inst) if !inst.class.has_flag(flags::GETATTRIBUTE) => {
                if let Some(d) = inst.class.lookup(name) {
                    if matches!(d, Value::Function(_)) && inst.dict.get_str(name).is_none() {
                        return Ok(Method::Unbound(d));
                    }
                }
                self.getattr(obj, name).map(Method::Attr)
            }
            Value::Class(_) | Value::Module(_) | Value::Instance(_) => {
                self.getattr(obj, name).map(Method::Attr)
            }
            Value::Native(n) if matches!(&**n, Native::Super { .. }) => {
                self.getattr(obj, name).map(Method::Attr)
            }
            _ => {
                let class = type_of(obj);
                if let Some(d @ Value::Builtin(_)) = class.lookup(name) {
                    if let Value::Builtin(b) = &d {
                        if b.bound.is_none()
                            && b.kind == crate::object::function::BuiltinKind::Method
                        {
                            if let Value::Exception(e) = obj {
                                if e.dict.get_str(name).is_some() {
                                    return self.getattr(obj, name).map(Method::Attr);
                                }
                            }
                            return Ok(Method::Unbound(d));
                        }
                    }
                }
                if let (Value::Exception(e), Some(d @ Value::Function(_))) =
                    (obj, e_lookup(obj, name))
                {
                    if e.dict.get_str(name).is_none() {
                        return Ok(Method::Unbound(d));
                    }
                }
                self.getattr(obj, name).map(Method::Attr)
            }
        }
    }

    /// A special method looked up on the type, as the interpreter does for operators
    /// (instance dictionaries are not consulted), bound to `obj`.
    pub fn lookup_special(&mut self, obj: &Value, name: &str) -> Option<Value> {
        let class = type_of(obj);
        if class.layout == Layout::Builtin && !matches!(obj, Value::Instance(_)) {
            return None;
        }
        let d = class.lookup_str(name)?;
        match &d {
            Value::Function(_) => Some(Value::Method(Rc::new(BoundMethod {
                func: d,
                receiver: obj.clone(),
            }))),
            Value::Builtin(b) if b.bound.is_none() => {
                Some(Value::Builtin(Rc::new(b.bind(obj.clone()))))
            }
            _ => self.bind_descriptor(d, obj, &class).ok(),
        }
    }

    /// The bound method `obj.name` if the object has one (any attribute, for non-instances).
    pub fn lookup_method(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        self.getattr_opt(obj, &PyStr::intern(name))
    }

    pub fn setattr(&mut self, obj: &Value, name: &Rc<PyStr>, value: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                let class = inst.class.clone();
                if class.has_flag(flags::SETATTR) {
                    if let Some(sa) = class.lookup_str("__setattr__") {
                        self.call(&sa, &[obj.clone(), Value::Str(name.clone()), value])?;
                        return Ok(());
                    }
                }
                self.generic_setattr(obj, &class, name, value)
            }
            Value::Class(class) => {
                if class.layout == Layout::Builtin || class.bases.is_empty() {
                    return Err(PyErr::type_error(format!(
                        "cannot set '{}' attribute of immutable type '{}'",
                        name.as_str(),
                        class.name.as_str()
                    )));
                }
                if name.as_str() == "__qualname__" {
                    if let Value::Str(s) = &value {
                        *class.qualname.borrow_mut() = s.clone();
                    }
                }
                class.dict.set_str(name.clone(), value);
                crate::object::class::invalidate_type_cache();
                if name.starts_with("__") {
                    class.refresh_flags();
                }
                Ok(())
            }
            Value::Module(m) => {
                m.dict.set_str(name.clone(), value);
                Ok(())
            }
            Value::Function(f) => {
                match name.as_str() {
                    "__name__" | "__qualname__" => {
                        let Value::Str(s) = &value else {
                            return Err(PyErr::type_error(format!(
                                "{} must be set to a string object",
                                name.as_str()
                            )));
                        };
                        if name.as_str() == "__name__" {
                            *f.name.borrow_mut() = s.clone();
                        } else {
                            *f.qualname.borrow_mut() = s.clone();
                        }
                    }
                    "__doc__" => *f.doc.borrow_mut() = value,
                    _ => f.dict.set_str(name.clone(), value),
                }
                Ok(())
            }
            Value::Exception(e) => {
                let class = e.class.clone();
                if class.has_flag(flags::SETATTR) {
                    if let Some(sa) = class.lookup_str("__setattr__") {
                        self.call(&sa, &[obj.clone(), Value::Str(name.clone()), value])?;
                        return Ok(());
                    }
                }
                self.exception_setattr(e, name, value)
            }
            Value::Generator(g) => match name.as_str() {
                "__name__" | "__qualname__" => {
                    let Value::Str(s) = value else {
                        return Err(PyErr::type_error(format!(
                            "{} must be set to a string object",
                            name.as_str()
                        )));
                    };
                    if name.as_str() == "__name__" {
                        g.set_names(s, g.qualname());
                    } else {
                        g.set_names(g.name(), s);
                    }
                    Ok(())
                }
                _ => Err(self.readonly_attribute(obj, name)),
            },
            _ => Err(self.readonly_attribute(obj, name)),
        }
    }

    fn readonly_attribute(&mut self, obj: &Value, name: &Rc<PyStr>) -> PyErr {
        let class = type_of(obj);
        if class.lookup(name).is_some() {
            PyErr::attribute_error(format!(
                "'{}' object attribute '{}' is read-only",
                obj.type_name(),
                name.as_str()
            ))
        } else {
            self.no_attribute(obj, name)
        }
    }

    /// `object.__setattr__`: a property's setter, or the instance dictionary.
    pub fn generic_setattr(
        &mut self,
        obj: &Value,
        class: &Rc<Class>,
        name: &Rc<PyStr>,
        value: Value,
    ) -> PyResult<()> {
        if let Some(d) = class.lookup(name) {
            match &d {
                Value::Native(n) => {
                    if let Native::Property {
                        fset,
                        name: prop_name,
                        ..
                    } = &**n
                    {
                        if fset.is_none() {
                            return Err(property_lacks(prop_name, class, "setter"));
                        }
                        self.call(fset, &[obj.clone(), value])?;
                        return Ok(());
                    }
                }
                Value::Instance(di) => {
                    let dc = di.class.clone();
                    if let Some(set) = dc.lookup_str("__set__") {
                        self.call(&set, &[d.clone(), obj.clone(), value])?;
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        match obj {
            Value::Instance(inst) => {
                if inst.class.note_instance_name(name) {
                    // Method caches of this class assumed no instance shadows `name`.
                    crate::object::class::invalidate_type_cache();
                }
                inst.dict.set_str(name.clone(), value);
                Ok(())
            }
            Value::Exception(e) => {
                e.dict.set_str(name.clone(), value);
                Ok(())
            }
            _ => Err(self.no_attribute(obj, name)),
        }
    }

    pub fn delattr(&mut self, obj: &Value, name: &Rc<PyStr>) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                let class = inst.class.clone();
                if class.has_flag(flags::SETATTR) {
                    if let Some(da) = class.lookup_str("__delattr__") {
                        self.call(&da, &[obj.clone(), Value::Str(name.clone())])?;
                        return Ok(());
                    }
                }
                if let Some(Value::Native(n)) = class.lookup(name) {
                    if let Native::Property {
                        fdel,
                        name: prop_name,
                        ..
                    } = &*n
                    {
                        if fdel.is_none() {
                            return Err(property_lacks(prop_name, &class, "deleter"));
                        }
                        self.call(fdel, std::slice::from_ref(obj))?;
                        return Ok(());
                    }
                }
                match inst.dict.remove_str(name) {
                    Some(_) => Ok(()),
                    None => Err(self.no_attribute(obj, name)),
                }
            }
            Value::Class(class) if class.layout != Layout::Builtin && !class.bases.is_empty() => {
                match class.dict.remove_str(name) {
                    Some(_) => {
                        crate::object::class::invalidate_type_cache();
                        class.refresh_flags();
                        Ok(())
                    }
                    None => Err(self.no_attribute(obj, name)),
                }
            }
            Value::Module(m) => match m.dict.remove_str(name) {
                Some(_) => Ok(()),
                None => Err(self.no_attribute(obj, name)),
            },
            Value::Function(f) => match f.dict.remove_str(name) {
                Some(_) => Ok(()),
                None => Err(self.no_attribute(obj, name)),
            },
            Value::Exception(e) => match e.dict.remove_str(name) {
                Some(_) => Ok(()),
                None => Err(self.no_attribute(obj, name)),
            },
            _ => Err(self.readonly_attribute(obj, name)),
        }
    }

    /// `hasattr(obj, name)`.
    pub fn hasattr(&mut self, obj: &Value, name: &Rc<PyStr>) -> PyResult<bool> {
        match self.getattr_opt(obj, name) {
            Ok(v) => Ok(v.is_some()),
            Err(e) if e.matches(|t| &t.attribute_error) => Ok(false),
            Err(e) => Err(e),
        }
    }
}

/// A user-defined method on an exception's class.
/// The error for a property without the function an access needs (`property_descr_get` and
/// `property_descr_set` in CPython's `Objects/descrobject.c`).
fn property_lacks(
    prop_name: &std::cell::RefCell<Option<Rc<PyStr>>>,
    class: &Class,
    what: &str,
) -> PyErr {
    let qualname = class.qualname.borrow();
    PyErr::attribute_error(match &*prop_name.borrow() {
        Some(n) => format!(
            "property {} of '{}' object has no {what}",
            crate::object::formatting::str_repr(n.as_str()),
            qualname.as_str()
        ),
        None => format!("property of '{}' object has no {what}", qualname.as_str()),
    })
}

fn e_lookup(obj: &Value, name: &Rc<PyStr>) -> Option<Value> {
    match obj {
        Value::Exception(e) => e.class.lookup(name),
        _ => None,
    }
}
