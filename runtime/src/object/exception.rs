//! `PyException`: an instance of `BaseException` or one of its subclasses.
//!
//! An exception is an ordinary value: its class, `args`, an attribute dictionary (user
//! subclasses set attributes in `__init__`; `StopIteration.value` and `SyntaxError`'s fields
//! live there too), `__cause__`, `__context__`, `__suppress_context__` and the traceback
//! entries gathered while it propagates.
//!
//! The traceback is a list of (code, instruction) pairs, innermost first: the frame where the
//! exception was raised adds the first entry, every frame it passes through adds one more.
//! `vm/traceback.rs` renders it in CPython's format.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::class::Class;
use super::dict::PyDict;
use super::str::PyStr;
use super::tuple::PyTuple;
use super::value::Value;
use crate::bytecode::Code;

/// One frame an exception passed through.
#[derive(Clone)]
pub struct TracebackEntry {
    pub code: Rc<Code>,
    /// The instruction that was running in that frame.
    pub ip: u32,
    /// The frame's globals, for `NameError` suggestions.
    pub globals: Rc<PyDict>,
}

pub struct PyException {
    pub class: Rc<Class>,
    pub args: RefCell<Rc<PyTuple>>,
    pub dict: PyDict,
    pub cause: RefCell<Value>,
    pub context: RefCell<Option<Rc<PyException>>>,
    pub suppress_context: Cell<bool>,
    /// Innermost first.
    pub traceback: RefCell<Vec<TracebackEntry>>,
    /// True from creation until the VM first raises it: the moment when implicit chaining
    /// (`__context__`) is recorded, as CPython's `_PyErr_SetObject` does.
    pub fresh: Cell<bool>,
}

impl Drop for PyException {
    /// A long chain of exceptions (`__cause__`, `__context__`) is freed through the trashcan,
    /// without deep recursion.
    fn drop(&mut self) {
        let cause = std::mem::replace(self.cause.get_mut(), Value::None);
        let context = self.context.get_mut().take();
        if !cause.is_inline() || context.is_some() {
            super::trashcan::release((cause, context), |(cause, context), queue| {
                super::trashcan::spill_values(
                    [cause].into_iter().chain(context.map(Value::Exception)),
                    queue,
                )
            });
        }
    }
}

impl PyException {
    pub fn new(class: Rc<Class>, args: Rc<PyTuple>) -> Rc<PyException> {
        Rc::new(PyException {
            class,
            args: RefCell::new(args),
            dict: PyDict::new(),
            cause: RefCell::new(Value::None),
            context: RefCell::new(None),
            suppress_context: Cell::new(false),
            traceback: RefCell::new(Vec::new()),
            fresh: Cell::new(true),
        })
    }

    pub fn with_message(class: Rc<Class>, msg: &str) -> Rc<PyException> {
        Self::new(class, PyTuple::new(vec![Value::str(msg)]))
    }

    pub fn args(&self) -> Rc<PyTuple> {
        self.args.borrow().clone()
    }

    pub fn class_name(&self) -> &str {
        self.class.name.as_str()
    }

    pub fn is_instance(&self, class: &Rc<Class>) -> bool {
        self.class.is_subclass(class)
    }

    pub fn get_attr(&self, name: &str) -> Option<Value> {
        self.dict.get_str(&PyStr::intern(name))
    }

    pub fn set_attr(&self, name: &str, value: Value) {
        self.dict.set_str(PyStr::intern(name), value);
    }

    pub fn context(&self) -> Option<Rc<PyException>> {
        self.context.borrow().clone()
    }

    pub fn add_traceback(&self, code: &Rc<Code>, ip: u32, globals: &Rc<PyDict>) {
        self.traceback.borrow_mut().push(TracebackEntry {
            code: code.clone(),
            ip,
            globals: globals.clone(),
        });
    }
}
