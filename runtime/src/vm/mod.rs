//! The virtual machine: the state shared by all frames of a session, and the operations that
//! may run Python code.
//!
//! `Vm` holds the builtins, the imported modules, the stack of exceptions being handled, the
//! recursion depth, the interrupt flag and the host's `Output` while a cell runs. Python calls
//! recurse on the Rust stack (`eval.rs` runs one frame per activation), which `stacker` grows
//! on demand, so only the recursion limit bounds depth, as in CPython.
//!
//! The operations are split by concept: `call.rs` (calling and argument binding), `attr.rs`
//! (attribute access), `ops.rs` (operators, comparison, hashing, truth), `iterate.rs`,
//! `repr.rs` (`repr` and `str`), `classes.rs` (class creation and instantiation), `unwind.rs`
//! (exception propagation), `traceback.rs` (CPython-format reports), `generator.rs`,
//! `import.rs`.

pub mod attr;
pub mod cache;
pub mod call;
pub mod classes;
pub mod eval;
pub mod frame;
pub mod generator;
pub mod hashing;
pub mod import;
pub mod items;
pub mod iterate;
pub mod ops;
pub mod recursion;
pub mod registry;
pub mod repr;
pub mod special;
pub mod stack;
pub mod suggest;
pub mod traceback;
pub mod unwind;

use std::collections::HashMap;
use std::rc::Rc;

use crate::error::{PyErr, PyResult};
use crate::host::{Interrupt, Output, Stream};
use crate::object::dict::PyDict;
use crate::object::str::PyStr;
use crate::object::value::Value;

use frame::SlotPool;

/// CPython's default `sys.getrecursionlimit()`.
pub const RECURSION_LIMIT: u32 = 1000;

/// CPython's default `sys.get_int_max_str_digits()`.
pub const INT_MAX_STR_DIGITS: usize = 4300;

pub struct Vm {
    /// The `builtins` module's namespace.
    pub builtins: Rc<PyDict>,
    /// Imported modules by name (`sys.modules`).
    pub modules: HashMap<String, Value>,
    /// The exceptions being handled: one entry for the session plus one per running
    /// generator, each `None` or an exception. The innermost non-`None` one is what bare
    /// `raise` re-raises and what new exceptions get as `__context__`.
    pub exc_stack: Vec<Value>,
    /// Python frames currently running.
    pub depth: u32,
    pub recursion_limit: u32,
    pub int_max_str_digits: usize,
    pub interrupt: Interrupt,
    pub slot_pool: SlotPool,
    /// Objects whose `repr` is being computed, to print `[...]` for recursive containers.
    pub repr_guard: Vec<usize>,
    /// The value carried by the `StopIteration` that ended the last exhausted iterator, for
    /// `yield from` over iterators that are not generators.
    pub stop_value: Value,
    /// Where finalizers that run now were triggered, for their warnings and tracebacks.
    pub finalize_site: FinalizeSite,
    /// Warnings already shown, by (file, line, message), as the `default` warning action.
    pub warned: std::collections::HashSet<(String, u32, String)>,
    /// Which of CPython's traceback printers tracebacks imitate: the `traceback` module (cells)
    /// or the interpreter's display (scripts).
    pub printer: traceback::Printer,
    /// The host's output while a cell runs.
    out: Option<*mut (dyn Output + 'static)>,
}

/// Where dropped generators are being finalized.
#[derive(Clone)]
pub enum FinalizeSite {
    /// While a frame runs: the instruction that dropped them.
    Frame(Rc<crate::bytecode::Code>, u32),
    /// At interpreter exit.
    Exit,
    /// Between frames (the end of a cell).
    Top,
}

impl Vm {
    pub fn new(interrupt: Interrupt) -> Vm {
        let mut vm = Vm {
            builtins: Rc::new(PyDict::new()),
            modules: HashMap::new(),
            exc_stack: vec![Value::None],
            depth: 0,
            recursion_limit: RECURSION_LIMIT,
            int_max_str_digits: INT_MAX_STR_DIGITS,
            interrupt,
            slot_pool: SlotPool::default(),
            repr_guard: Vec::new(),
            stop_value: Value::None,
            finalize_site: FinalizeSite::Top,
            warned: std::collections::HashSet::new(),
            printer: traceback::Printer::Module,
            out: None,
        };
        crate::builtins::install(&mut vm);
        vm
    }

    /// Runs `f` with `out` as the host output. The pointer is only used inside `f`.
    pub fn with_output<R>(&mut self, out: &mut dyn Output, f: impl FnOnce(&mut Vm) -> R) -> R {
        // SAFETY: the lifetime is erased only for the duration of `f`; `out` outlives it and the
        // field is restored before returning, so the pointer is never used after `out` ends.
        let ptr: *mut (dyn Output + '_) = out;
        let ptr: *mut (dyn Output + 'static) = unsafe { std::mem::transmute(ptr) };
        let saved = self.out.replace(ptr);
        let r = f(self);
        self.out = saved;
        r
    }

    /// The host output, if a cell is running.
    pub fn output(&mut self) -> Option<&mut dyn Output> {
        // SAFETY: see `with_output`: the pointer is valid while it is set.
        self.out.map(|p| unsafe { &mut *p as &mut dyn Output })
    }

    /// Writes text to the host's stdout or stderr.
    pub fn write(&mut self, which: Stream, text: &str) {
        if let Some(out) = self.output() {
            out.stream(which, text);
        }
    }

    /// The innermost exception being handled, if any.
    pub fn handled_exception(&self) -> Option<Value> {
        self.exc_stack.iter().rev().find(|v| !v.is_none()).cloned()
    }

    /// Raises `KeyboardInterrupt` if an interrupt is pending; runs pending finalizers. Called on
    /// loop back edges, calls and blocking waits.
    #[inline]
    pub fn poll(&mut self) -> PyResult<()> {
        if self.interrupt.is_set() {
            self.interrupt.clear();
            return Err(PyErr::keyboard_interrupt());
        }
        Ok(())
    }

    /// Looks a name up in the builtins.
    pub fn builtin(&self, name: &str) -> Option<Value> {
        self.builtins.get_str(&PyStr::intern(name))
    }
}
