//! Callables: Python functions, bound methods, functions written in Rust, and closure cells.
//!
//! A `Function` pairs a code object with the globals it runs in, its default values and the
//! cells it closes over. Its `__name__`, `__qualname__`, `__doc__` and `__dict__` are mutable
//! because `functools.wraps` rewrites them.
//!
//! A `BuiltinFunction` is a Rust function with CPython's calling convention: positional
//! arguments as a slice, keyword arguments as parallel name/value slices. When it is a method
//! of a builtin type, `self` is the first positional argument.

use std::cell::RefCell;
use std::rc::Rc;

use super::dict::PyDict;
use super::str::PyStr;
use super::value::Value;
use crate::bytecode::Code;
use crate::error::PyResult;
use crate::vm::Vm;

/// Keyword arguments of a call: `names[i]` goes with `values[i]`.
#[derive(Clone, Copy)]
pub struct KwArgs<'a> {
    pub names: &'a [Rc<PyStr>],
    pub values: &'a [Value],
}

impl<'a> KwArgs<'a> {
    pub fn iter(&self) -> impl Iterator<Item = (&'a Rc<PyStr>, &'a Value)> {
        self.names.iter().zip(self.values.iter())
    }

    pub fn get(&self, name: &str) -> Option<&'a Value> {
        self.names
            .iter()
            .position(|n| n.as_str() == name)
            .map(|i| &self.values[i])
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// The signature of every function written in Rust.
pub type NativeFn = fn(&mut Vm, &[Value], Option<KwArgs<'_>>) -> PyResult<Value>;

pub struct Function {
    pub code: Rc<Code>,
    pub globals: Rc<PyDict>,
    /// Defaults of the last positional parameters.
    pub defaults: Vec<Value>,
    /// Defaults of keyword-only parameters, by name.
    pub kwdefaults: Vec<(Rc<PyStr>, Value)>,
    pub closure: Box<[Rc<CellObj>]>,
    pub name: RefCell<Rc<PyStr>>,
    pub qualname: RefCell<Rc<PyStr>>,
    pub doc: RefCell<Value>,
    pub module: Value,
    /// Attributes set on the function (`__wrapped__`, user attributes).
    pub dict: PyDict,
}

impl Function {
    pub fn name(&self) -> Rc<PyStr> {
        self.name.borrow().clone()
    }

    pub fn qualname(&self) -> Rc<PyStr> {
        self.qualname.borrow().clone()
    }
}

/// A Python function bound to its first argument.
pub struct BoundMethod {
    pub func: Value,
    pub receiver: Value,
}

/// How a builtin function prints and what type it claims to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BuiltinKind {
    /// A module-level function (`len`, `functools.wraps`): `builtin_function_or_method`.
    Function,
    /// A method looked up on a builtin type (`str.upper`): `method_descriptor`.
    Method,
    /// A class method of a builtin type (`dict.fromkeys`): `classmethod_descriptor`.
    ClassMethod,
    /// A static method of a builtin type (`str.maketrans`): `staticmethod`.
    StaticMethod,
}

pub struct BuiltinFunction {
    pub name: &'static str,
    /// The type that owns the method, for reprs (`<method 'upper' of 'str' objects>`).
    pub owner: Option<&'static str>,
    pub func: NativeFn,
    pub kind: BuiltinKind,
    /// `self`, for a method bound to an object (`lst.append`).
    pub bound: Option<Value>,
    pub doc: &'static str,
}

impl BuiltinFunction {
    pub fn new(name: &'static str, func: NativeFn, doc: &'static str) -> BuiltinFunction {
        BuiltinFunction {
            name,
            owner: None,
            func,
            kind: BuiltinKind::Function,
            bound: None,
            doc,
        }
    }

    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            BuiltinKind::Function => "builtin_function_or_method",
            BuiltinKind::Method => "method_descriptor",
            BuiltinKind::ClassMethod => "classmethod_descriptor",
            BuiltinKind::StaticMethod => "staticmethod",
        }
    }

    /// The same function bound to `receiver`.
    pub fn bind(&self, receiver: Value) -> BuiltinFunction {
        BuiltinFunction {
            name: self.name,
            owner: self.owner,
            func: self.func,
            kind: BuiltinKind::Function,
            bound: Some(receiver),
            doc: self.doc,
        }
    }
}

/// A closure cell: a variable shared between a function and the functions nested in it.
pub struct CellObj {
    /// `Value::Unbound` while the variable has no value.
    pub value: RefCell<Value>,
}

impl CellObj {
    pub fn new(value: Value) -> Rc<CellObj> {
        Rc::new(CellObj {
            value: RefCell::new(value),
        })
    }

    pub fn get(&self) -> Value {
        self.value.borrow().clone()
    }

    pub fn set(&self, v: Value) {
        let old = std::mem::replace(&mut *self.value.borrow_mut(), v);
        drop(old);
    }
}
