//! The standard library modules Coro provides.
//!
//! Each module is either native (built by a Rust function that fills its namespace) or written
//! in Python and embedded in the binary (compiled on first import). Python is the better
//! language for most of the library: `functools.wraps`, `inspect.getgeneratorstate` and the
//! small `asyncio` event loop are written exactly as CPython writes them, over `send` and
//! `throw`, with no machinery of their own.

pub mod collections;
pub mod sys;
pub mod time;

use std::rc::Rc;

use crate::error::PyResult;
use crate::object::dict::PyDict;
use crate::vm::Vm;

/// How a module is made.
pub enum ModuleDef {
    /// Fills the module namespace from Rust.
    Native(fn(&mut Vm, &Rc<PyDict>) -> PyResult<()>),
    /// Python source compiled into the module namespace.
    Source(&'static str),
}

/// The module called `name`, if Coro has it.
pub fn find(name: &str) -> Option<ModuleDef> {
    Some(match name {
        "sys" => ModuleDef::Native(sys::build),
        "time" => ModuleDef::Native(time::build),
        "_collections" => ModuleDef::Native(collections::build),
        "collections" => ModuleDef::Source(include_str!("py/collections.py")),
        "functools" => ModuleDef::Source(include_str!("py/functools.py")),
        "inspect" => ModuleDef::Source(include_str!("py/inspect.py")),
        "asyncio" => ModuleDef::Source(include_str!("py/asyncio.py")),
        "itertools" => ModuleDef::Source(include_str!("py/itertools.py")),
        "contextlib" => ModuleDef::Source(include_str!("py/contextlib.py")),
        "typing" => ModuleDef::Source(include_str!("py/typing.py")),
        "types" => ModuleDef::Source(include_str!("py/types.py")),
        _ => return None,
    })
}

/// The names `import` completion can offer.
pub const MODULE_NAMES: &[&str] = &[
    "asyncio",
    "collections",
    "contextlib",
    "functools",
    "inspect",
    "itertools",
    "sys",
    "time",
    "types",
    "typing",
];
