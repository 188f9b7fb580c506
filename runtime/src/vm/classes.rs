//! Classes: creating them (`class` statements, `type(name, bases, ns)`), instantiating them,
//! and the exception-specific parts of the object model (building an exception from a `raise`
//! operand, matching `except` clauses, `raise ... from ...`), context managers and awaitables.

use std::rc::Rc;

use crate::bytecode::flags as code_flags;
use crate::error::{PyErr, PyResult};
use crate::object::class::{c3_mro_tail, Class, Layout};
use crate::object::dict::PyDict;
use crate::object::exception::PyException;
use crate::object::function::KwArgs;
use crate::object::native::Native;
use crate::object::str::PyStr;
use crate::object::tuple::PyTuple;
use crate::object::types::types;
use crate::object::value::Value;

use super::eval::FrameExit;
use super::frame::Frame;
use super::generator::{Entry, GenKind};
use super::Vm;

impl Vm {
    /// `__build_class__(body, name, *bases, **kwds)`: runs the class body in a fresh namespace
    /// and creates the class.
    pub fn build_class(&mut self, args: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
        let [Value::Function(body), Value::Str(name), bases @ ..] = args else {
            return Err(PyErr::type_error("__build_class__: bad arguments"));
        };
        if let Some(kw) = kw {
            if let Some((k, _)) = kw.iter().next() {
                let what = if k.as_str() == "metaclass" {
                    "metaclasses".to_string()
                } else {
                    format!("class keyword arguments ('{}')", k.as_str())
                };
                return Err(PyErr::not_implemented(format!(
                    "{what} are not supported by Coro"
                )));
            }
        }
        let bases = self.class_bases(bases)?;
        let ns = Rc::new(PyDict::new());
        let mut frame = self.frame_for_call(body, std::iter::empty(), None)?;
        frame.slots[0] = Value::Dict(ns.clone());
        let r = self.run_frame(&mut frame, Entry::Start);
        self.slot_pool.give(std::mem::take(&mut frame.slots));
        match r? {
            FrameExit::Return(_) => {}
            FrameExit::Yield(_) => return Err(PyErr::system_error("class body yielded")),
        }
        let cell = ns.remove_str(&PyStr::intern("__classcell__"));
        let class = self.create_class(name.clone(), bases, ns)?;
        if let Some(Value::Cell(c)) = cell {
            c.set(Value::Class(class.clone()));
        }
        self.finish_class(&class)?;
        Ok(Value::Class(class))
    }

    /// What `type.__new__` does once a class exists: `__set_name__` on every attribute that
    /// has one (a property records its name), then the nearest base's `__init_subclass__`.
    fn finish_class(&mut self, class: &Rc<Class>) -> PyResult<()> {
        for (key, value) in class.dict.items() {
            let Value::Str(key) = key else { continue };
            match &value {
                Value::Native(n) => {
                    if let Native::Property { name, .. } = &**n {
                        *name.borrow_mut() = Some(key.clone());
                    }
                }
                Value::Instance(inst) => {
                    let Some(set_name) = inst.class.lookup_str("__set_name__") else {
                        continue;
                    };
                    let args = [
                        value.clone(),
                        Value::Class(class.clone()),
                        Value::Str(key.clone()),
                    ];
                    if let Err(e) = self.call(&set_name, &args) {
                        let msg = format!(
                            "Error calling __set_name__ on '{}' instance {} in '{}'",
                            inst.class.name.as_str(),
                            crate::object::formatting::str_repr(key.as_str()),
                            class.name.as_str()
                        );
                        let new = PyErr::runtime_error(msg);
                        *new.0.cause.borrow_mut() = e.value();
                        *new.0.context.borrow_mut() = Some(e.0.clone());
                        new.0.suppress_context.set(true);
                        return Err(new);
                    }
                }
                _ => {}
            }
        }
        let hook = class
            .mro()
            .skip(1)
            .find_map(|c| c.dict.get_str(&PyStr::intern("__init_subclass__")));
        match hook {
            Some(Value::Native(n)) => match &*n {
                Native::ClassMethod(f) => self.call(f, &[Value::Class(class.clone())]).map(|_| ()),
                _ => Ok(()),
            },
            _ => Ok(()),
        }
    }

    fn class_bases(&mut self, bases: &[Value]) -> PyResult<Vec<Rc<Class>>> {
        let mut out = Vec::with_capacity(bases.len());
        for b in bases {
            match b {
                Value::Class(c) => {
                    if c.layout == Layout::Builtin {
                        return Err(PyErr::not_implemented(format!(
                            "subclassing the builtin type '{}' is not supported by Coro",
                            c.name.as_str()
                        )));
                    }
                    out.push(c.clone());
                }
                other => {
                    return Err(PyErr::type_error(format!(
                        "bases must be types, not {}",
                        other.type_name()
                    )))
                }
            }
        }
        Ok(out)
    }

    /// Creates a class from its name, bases and namespace.
    pub fn create_class(
        &mut self,
        name: Rc<PyStr>,
        mut bases: Vec<Rc<Class>>,
        ns: Rc<PyDict>,
    ) -> PyResult<Rc<Class>> {
        let t = types();
        if bases.is_empty() {
            bases.push(t.object.clone());
        }
        let layout = if bases.iter().any(|b| b.layout == Layout::Exception) {
            Layout::Exception
        } else {
            Layout::Object
        };
        let mro_tail = c3_mro_tail(&bases).ok_or_else(|| {
            let names: Vec<&str> = bases.iter().map(|b| b.name.as_str()).collect();
            PyErr::type_error(format!(
                "Cannot create a consistent method resolution order (MRO) for bases {}",
                names.join(", ")
            ))
        })?;
        let qualname = match ns.get_item_str("__qualname__") {
            Some(Value::Str(q)) => q,
            _ => name.clone(),
        };
        ns.remove_str(&PyStr::intern("__qualname__"));
        // Plain functions named `__new__` become static methods as in CPython ...
        if let Some(f @ Value::Function(_)) = ns.get_item_str("__new__") {
            ns.set_item_str("__new__", Value::Native(Rc::new(Native::StaticMethod(f))));
        }
        // ... and `__init_subclass__` becomes a class method.
        if let Some(f @ Value::Function(_)) = ns.get_item_str("__init_subclass__") {
            ns.set_item_str(
                "__init_subclass__",
                Value::Native(Rc::new(Native::ClassMethod(f))),
            );
        }
        let table = ns.borrow().clone();
        Ok(Class::new(
            name,
            qualname,
            bases,
            mro_tail,
            PyDict::from_table(table),
            layout,
        ))
    }

    /// Calls a class: builtin constructors, exceptions, or `__new__` then `__init__`.
    pub fn instantiate(
        &mut self,
        class: &Rc<Class>,
        args: &[Value],
        kw: Option<KwArgs<'_>>,
    ) -> PyResult<Value> {
        match class.layout {
            Layout::Builtin => crate::builtins::constructors::construct(self, class, args, kw),
            Layout::Exception => {
                let init = class.lookup_str("__init__");
                let user_init = matches!(init, Some(Value::Function(_)));
                let new = class.lookup_str("__new__");
                let obj = match new {
                    Some(Value::Native(n)) if matches!(&*n, Native::StaticMethod(_)) => {
                        let mut full = vec![Value::Class(class.clone())];
                        full.extend_from_slice(args);
                        let Native::StaticMethod(f) = &*n else {
                            unreachable!()
                        };
                        self.call_kw(f, &full, kw)?
                    }
                    _ => {
                        if !user_init {
                            if let Some(kw) = kw {
                                if !kw.is_empty() {
                                    return Err(PyErr::type_error(format!(
                                        "{}() takes no keyword arguments",
                                        class.name.as_str()
                                    )));
                                }
                            }
                        }
                        Value::Exception(PyException::new(class.clone(), PyTuple::from_slice(args)))
                    }
                };
                if let Value::Exception(e) = &obj {
                    if e.class.is_subclass(class) {
                        if let Some(init) = init {
                            if user_init {
                                let mut full = vec![obj.clone()];
                                full.extend_from_slice(args);
                                let r = self.call_kw(&init, &full, kw)?;
                                if !r.is_none() {
                                    return Err(PyErr::type_error(format!(
                                        "__init__() should return None, not '{}'",
                                        r.type_name()
                                    )));
                                }
                            }
                        }
                        self.init_exception_fields(e, user_init)?;
                    }
                }
                Ok(obj)
            }
            Layout::Object => {
                let obj = match class.lookup_str("__new__") {
                    Some(Value::Native(n)) => match &*n {
                        Native::StaticMethod(f) => {
                            let mut full = vec![Value::Class(class.clone())];
                            full.extend_from_slice(args);
                            self.call_kw(f, &full, kw)?
                        }
                        _ => Value::Instance(crate::object::class::Instance::new(class.clone())),
                    },
                    _ => Value::Instance(crate::object::class::Instance::new(class.clone())),
                };
                let is_instance = match &obj {
                    Value::Instance(i) => i.class.is_subclass(class),
                    _ => false,
                };
                if !is_instance {
                    return Ok(obj);
                }
                match class.lookup_str("__init__") {
                    Some(init @ (Value::Function(_) | Value::Native(_))) => {
                        let mut full = Vec::with_capacity(args.len() + 1);
                        full.push(obj.clone());
                        full.extend_from_slice(args);
                        let r = self.call_kw(&init, &full, kw)?;
                        if !r.is_none() {
                            return Err(PyErr::type_error(format!(
                                "__init__() should return None, not '{}'",
                                r.type_name()
                            )));
                        }
                    }
                    _ => {
                        let has_new = matches!(class.lookup_str("__new__"), Some(Value::Native(_)));
                        if !has_new && (!args.is_empty() || kw.is_some_and(|k| !k.is_empty())) {
                            return Err(PyErr::type_error(format!(
                                "{}() takes no arguments",
                                class.name.as_str()
                            )));
                        }
                    }
                }
                Ok(obj)
            }
        }
    }

    /// Attributes some builtin exceptions derive from their arguments. A `SyntaxError`'s
    /// fields come from its arguments only when its class's `__init__` is the builtin one
    /// (a user `__init__` sets them by calling it).
    fn init_exception_fields(&mut self, e: &Rc<PyException>, user_init: bool) -> PyResult<()> {
        let t = types();
        if e.is_instance(&t.stop_iteration) && e.get_attr("value").is_none() {
            let v = e.args().items().first().cloned().unwrap_or(Value::None);
            e.set_attr("value", v);
        }
        if e.is_instance(&t.syntax_error) {
            if user_init {
                crate::builtins::syntax_error_fields::default_fields(e);
            } else {
                crate::builtins::syntax_error_fields::init(self, e)?;
            }
        }
        Ok(())
    }

    /// The exception to raise for `raise X`: an instance, or a class called with no arguments.
    pub fn make_exception(&mut self, v: &Value) -> PyResult<PyErr> {
        match v {
            Value::Exception(e) => Ok(PyErr(e.clone())),
            Value::Class(c) if c.layout == Layout::Exception => {
                let inst = self.call(v, &[])?;
                match inst {
                    Value::Exception(e) => Ok(PyErr(e)),
                    other => Err(PyErr::type_error(format!(
                        "calling {} should have returned an instance of BaseException, not {}",
                        self.repr(v)?.as_str(),
                        other.type_name()
                    ))),
                }
            }
            _ => Err(PyErr::type_error(
                "exceptions must derive from BaseException",
            )),
        }
    }

    /// `raise exc from cause`.
    pub fn set_cause(&mut self, err: &PyErr, cause: &Value) -> PyResult<()> {
        let cause = match cause {
            Value::None => Value::None,
            Value::Exception(_) => cause.clone(),
            Value::Class(c) if c.layout == Layout::Exception => self.make_exception(cause)?.value(),
            _ => {
                return Err(PyErr::type_error(
                    "exception causes must derive from BaseException",
                ))
            }
        };
        *err.0.cause.borrow_mut() = cause;
        err.0.suppress_context.set(true);
        Ok(())
    }

    /// `except T`: whether the exception matches a class or a tuple of classes.
    pub fn exception_matches(&mut self, exc: &Value, typ: &Value) -> PyResult<bool> {
        let Value::Exception(e) = exc else {
            return Ok(false);
        };
        match typ {
            Value::Class(c) if c.layout == Layout::Exception => Ok(e.class.is_subclass(c)),
            Value::Tuple(t) => {
                let t = t.clone();
                for item in t.items() {
                    if self.exception_matches(exc, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(PyErr::type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    /// `with mgr:` entry: returns the bound `__exit__` and the result of `__enter__`.
    pub fn enter_context(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let enter = self.lookup_special(mgr, "__enter__");
        let exit = self.lookup_special(mgr, "__exit__");
        let (Some(enter), Some(exit)) = (enter, exit) else {
            return Err(PyErr::type_error(format!(
                "'{}' object does not support the context manager protocol",
                mgr.type_name()
            )));
        };
        let entered = self.call(&enter, &[])?;
        Ok((exit, entered))
    }

    /// Calls `__exit__(type, exc, traceback)` for an exception leaving a `with` block.
    pub fn call_exit_with(&mut self, exit: &Value, exc: &Value) -> PyResult<Value> {
        let Value::Exception(e) = exc else {
            return self.call(exit, &[Value::None, Value::None, Value::None]);
        };
        let tb = if e.traceback.borrow().is_empty() {
            Value::None
        } else {
            Value::Native(Rc::new(Native::Traceback(e.clone(), 0)))
        };
        self.call(exit, &[Value::Class(e.class.clone()), exc.clone(), tb])
    }

    /// The iterator `await obj` delegates to.
    pub fn get_awaitable(&mut self, obj: &Value) -> PyResult<Value> {
        match obj {
            Value::Generator(g) if g.kind == GenKind::Coroutine => {
                if g.yield_from().is_some() && g.is_suspended() {
                    return Err(PyErr::runtime_error("coroutine is being awaited already"));
                }
                Ok(obj.clone())
            }
            Value::Generator(g) if g.code.flags & code_flags::COROUTINE != 0 => Ok(obj.clone()),
            _ => {
                if let Some(m) = self.lookup_special(obj, "__await__") {
                    let it = self.call(&m, &[])?;
                    if matches!(&it, Value::Generator(g) if g.kind == GenKind::Coroutine)
                        || !self.is_iterator(&it)
                    {
                        return Err(PyErr::type_error(format!(
                            "__await__() returned non-iterator of type '{}'",
                            it.type_name()
                        )));
                    }
                    return Ok(it);
                }
                Err(PyErr::type_error(format!(
                    "object {} can't be used in 'await' expression",
                    obj.type_name()
                )))
            }
        }
    }

    /// A frame for running a module's code in `globals`.
    pub fn module_frame(
        &mut self,
        code: &Rc<crate::bytecode::Code>,
        globals: &Rc<PyDict>,
    ) -> Frame {
        let mut slots = self.slot_pool.take(code.nslots() + code.stacksize as usize);
        slots.resize(code.nslots(), Value::Unbound);
        Frame {
            code: code.clone(),
            globals: globals.clone(),
            slots,
            ip: 0,
        }
    }
}
