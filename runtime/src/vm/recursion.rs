//! Native recursion bounded as CPython bounds it with `Py_EnterRecursiveCall`.
//!
//! Some operations recurse in Rust without running a Python frame: the `repr` of a list nested
//! a hundred thousand deep, comparing two such lists, `isinstance` with nested tuples of
//! classes. CPython counts each of these levels against the same recursion limit as Python
//! frames and raises `RecursionError` with a note on where (" while getting the repr of an
//! object", " in comparison", " in __instancecheck__"). [`Vm::nested`] does the same with the
//! VM's `depth`, and grows the native stack on demand (as `run_frame` does), so a high
//! `sys.setrecursionlimit` cannot overflow it either.
//!
//! What this module deliberately does not do: count calls of builtin functions (CPython's
//! " while calling a Python object"), whose counting depends on CPython's specialising
//! interpreter.

use crate::error::{PyErr, PyResult};

use super::Vm;

/// How much native stack to keep free before growing it for a nested level.
const RED_ZONE: usize = 256 * 1024;
/// How much native stack to add when it runs low.
const STACK_CHUNK: usize = 4 * 1024 * 1024;

/// Where a native recursion happens, with CPython's words for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nesting {
    /// `PyObject_Repr` of a container.
    Repr,
    /// `PyObject_RichCompare` of two containers.
    Comparison,
    /// `isinstance` with a tuple of classes.
    InstanceCheck,
    /// `issubclass` with a tuple of classes.
    SubclassCheck,
}

impl Nesting {
    /// The tail of CPython's `RecursionError` message.
    fn note(self) -> &'static str {
        match self {
            Nesting::Repr => " while getting the repr of an object",
            Nesting::Comparison => " in comparison",
            Nesting::InstanceCheck => " in __instancecheck__",
            Nesting::SubclassCheck => " in __subclasscheck__",
        }
    }
}

impl Vm {
    /// Runs `f` one level deeper, counted against the recursion limit like a Python frame.
    pub fn nested<R>(
        &mut self,
        nesting: Nesting,
        f: impl FnOnce(&mut Vm) -> PyResult<R>,
    ) -> PyResult<R> {
        if self.depth >= self.recursion_limit {
            return Err(PyErr::recursion_error(format!(
                "maximum recursion depth exceeded{}",
                nesting.note()
            )));
        }
        self.depth += 1;
        let r = stacker::maybe_grow(RED_ZONE, STACK_CHUNK, || f(self));
        self.depth -= 1;
        r
    }
}
