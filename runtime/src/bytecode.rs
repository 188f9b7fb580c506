//! The bytecode: the `Op` set and the `Code` object.
//!
//! Each instruction is one `Op` of eight bytes (an opcode and a 32-bit operand), so there is no
//! `EXTENDED_ARG` and decoding is a single `match`. Jump operands are absolute instruction
//! indices.
//!
//! Exceptions use a zero-cost exception table, as CPython 3.11 does: nothing runs when a `try`
//! block is entered; when an exception is raised, the VM looks the raising instruction up in
//! `Code::exc_table` to find the handler and the stack depth to unwind to. `finally` bodies are
//! compiled twice, once for the normal path and once for the exceptional one.
//!
//! Frame slots: every local variable, cell and free variable has one slot. Parameters come
//! first. Slots listed in `cell_slots` are turned into cells when the frame starts (a parameter
//! that a nested function captures keeps its value inside the new cell); free variables occupy
//! the last `freevars.len()` slots and are copied from the function's closure.

use std::rc::Rc;

use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::source::SourceFile;
use crate::syntax::ast::{BinOp, CmpOp, Span};

/// One instruction. Stack effects are written `[before] -> [after]`, top of stack last.
#[derive(Clone, Copy, Debug, PartialEq)]
#[allow(clippy::enum_variant_names)] // `BinaryOp` and `InplaceOp` are CPython's names.
pub enum Op {
    Nop,
    /// `[a] -> []`
    Pop,
    /// `[.. x (n-1 items)] -> [.. x (n-1 items) x]`: pushes a copy of the n-th item (1 = top).
    Copy(u32),
    /// Swaps the top with the n-th item (2 = the one below the top).
    Swap(u32),
    LoadConst(u32),
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    /// Loads the value inside the cell in a slot.
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    /// Pushes the cell object itself (to build a closure).
    LoadClosure(u32),
    /// In a class body: a free variable, looked up in the class namespace first.
    LoadClassDeref(u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Name lookup in the current namespace (module level, class bodies), then globals, then
    /// builtins.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    /// `[obj] -> [obj.name]`
    LoadAttr(u32),
    /// `[value obj] -> []`
    StoreAttr(u32),
    /// `[obj] -> []`
    DeleteAttr(u32),
    /// `[obj] -> [func obj]` when `obj.name` is a plain method (no bound-method allocation),
    /// otherwise `[obj] -> [Unbound attr]`. Followed by `CallMethod`.
    LoadMethod(u32),
    /// `[a b] -> [a op b]`
    BinaryOp(BinOp),
    /// `a op= b`: like `BinaryOp`, but tries `__iop__` first.
    InplaceOp(BinOp),
    UnaryNeg,
    UnaryPos,
    UnaryNot,
    UnaryInvert,
    /// `[a b] -> [a cmp b]`, including `is`, `is not`, `in`, `not in`.
    Compare(CmpOp),
    /// `[obj key] -> [obj[key]]`
    Subscr,
    /// `[value obj key] -> []`
    StoreSubscr,
    /// `[obj key] -> []`
    DeleteSubscr,
    /// `[lower upper] -> [slice]` or `[lower upper step] -> [slice]`.
    BuildSlice(u32),
    Jump(u32),
    /// A jump to an earlier instruction: where loops poll for interrupts.
    JumpBackward(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    /// `[x] -> [x]` and jump if falsy, else `[x] -> []`.
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    /// `[obj] -> [iter(obj)]`
    GetIter,
    /// `[it] -> [it next]`, or pops `it` and jumps to the operand when exhausted.
    ForIter(u32),
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    /// `[k1 v1 .. kn vn] -> [dict]`
    BuildMap(u32),
    /// Concatenates n strings (f-strings).
    BuildString(u32),
    /// `[list .. (n-1 items) v] -> [list .. (n-1 items)]`, appending `v` (comprehensions).
    ListAppend(u32),
    SetAdd(u32),
    /// `[dict .. k v] -> [dict ..]`
    MapAdd(u32),
    /// `[list .. (n-1) iterable] -> [list ..]`, extending.
    ListExtend(u32),
    SetUpdate(u32),
    /// `[dict .. mapping] -> [dict ..]` (`{**m}`).
    DictUpdate(u32),
    /// Like `DictUpdate`, but duplicate keys are an error (`f(**a, **b)`).
    DictMerge(u32),
    /// `[list] -> [tuple]`
    ListToTuple,
    /// `[seq] -> [item_n .. item_1]` (item 1 on top), checking the length.
    UnpackSequence(u32),
    /// Starred unpacking: the operand is `before | after << 16`.
    UnpackEx(u32),
    /// `[value] -> [str]` or `[value spec] -> [str]`: the low two bits select the conversion
    /// (0 none, 1 `!s`, 2 `!r`, 3 `!a`), bit 2 says a format spec is on the stack.
    FormatValue(u32),
    /// `[defaults? kwdefaults? closure? code] -> [function]`; bits: 1 positional defaults
    /// (a tuple), 2 keyword-only defaults (a dict), 8 closure (a tuple of cells).
    MakeFunction(u32),
    /// `[callable a1 .. an] -> [result]`
    Call(u32),
    /// `[callable a1 .. an kwnames] -> [result]`: the last `len(kwnames)` arguments are keyword
    /// arguments; the operand counts all arguments.
    CallKw(u32),
    /// `[func self a1 .. an] -> [result]` or `[Unbound callable a1 .. an] -> [result]`.
    CallMethod(u32),
    /// `[callable args_tuple] -> [result]`, or with operand 1 `[callable args kwargs_dict]`.
    CallEx(u32),
    /// Returns the top of the stack.
    Return,
    /// Suspends the generator, handing out the top of the stack; resumes with the sent value on
    /// the stack.
    Yield,
    /// `[subiter value] -> [subiter]` while the subiterator yields (the frame suspends at this
    /// instruction and resumes here), then `[subiter value] -> [result]` when it returns.
    YieldFrom,
    /// `[obj] -> [iter]` for `yield from`: generators and coroutines pass through.
    GetYieldFromIter,
    /// `[obj] -> [awaitable iterator]` for `await`.
    GetAwaitable,
    /// Raise: operand 0 re-raises the exception being handled, 1 raises the top of the stack,
    /// 2 raises `[exc cause]` with a cause.
    Raise(u32),
    /// Re-raises the exception on top of the stack, keeping its traceback.
    Reraise,
    /// At handler entry: `[exc] -> [previous exc]`, making `exc` the one being handled.
    PushExcInfo,
    /// `[previous exc] -> []`, restoring the exception being handled.
    PopExcept,
    /// `[exc type] -> [exc bool]`: whether `exc` matches `type` (a class or tuple of classes).
    CheckExcMatch,
    /// `[mgr] -> [exit enter_result]`
    BeforeWith,
    /// `[exit prev exc] -> [exit prev exc result]`: calls `exit(type, exc, tb)`.
    WithExceptStart,
    /// `[level fromlist] -> [module]`
    ImportName(u32),
    /// `[module] -> [module attr]`
    ImportFrom(u32),
    /// `[module] -> []`, binding every public name in the namespace.
    ImportStar,
    /// Pushes the class-building function (`__build_class__`).
    LoadBuildClass,
    /// Superinstructions (`compile/superinstructions.rs`): each does the work of the
    /// instruction it replaced and of the one after it, which it then skips.
    /// `LoadFast(a)` then `LoadFast(b)`.
    LoadFastLoadFast(u16, u16),
    /// `LoadFast(a)` then `LoadConst(b)`.
    LoadFastLoadConst(u16, u16),
    /// `StoreFast(a)` then `LoadFast(b)`.
    StoreFastLoadFast(u16, u16),
    /// `LoadFast(a)` then `LoadAttr(b)`.
    LoadFastLoadAttr(u16, u16),
    /// `Compare(op)` then `PopJumpIfFalse(target)`.
    CompareJumpIfFalse(CmpOp, u32),
    /// Pushes `AssertionError`.
    LoadAssertionError,
    /// Creates `__annotations__` in the current namespace if absent.
    SetupAnnotations,
}

/// Code flags, as `co_flags` has them.
pub mod flags {
    pub const VARARGS: u32 = 0x04;
    pub const VARKEYWORDS: u32 = 0x08;
    pub const NESTED: u32 = 0x10;
    pub const GENERATOR: u32 = 0x20;
    pub const COROUTINE: u32 = 0x100;
    /// Not a CPython flag: the code is a module or class body that uses a namespace dict.
    pub const NAMESPACE: u32 = 0x10000;
    /// Not a CPython flag: a class body, whose namespace dict is in slot 0 (a module's
    /// namespace is its globals).
    pub const CLASS_BODY: u32 = 0x20000;
}

/// A handler in the exception table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExcEntry {
    /// The protected instructions, `start..end`.
    pub start: u32,
    pub end: u32,
    /// Where the handler starts.
    pub target: u32,
    /// The operand stack depth (above the slots) to unwind to before pushing the exception.
    pub depth: u32,
}

/// A compiled function, module, class body, comprehension or lambda.
pub struct Code {
    pub name: Rc<PyStr>,
    pub qualname: Rc<PyStr>,
    pub source: Rc<SourceFile>,
    /// The line of the `def` (or the first line of the module).
    pub first_line: u32,
    pub ops: Vec<Op>,
    /// The source span of each instruction, for line numbers and tracebacks.
    pub spans: Vec<Span>,
    pub consts: Vec<Value>,
    pub names: Vec<Rc<PyStr>>,
    /// One inline cache per name, for the lookups of that name (`vm/cache.rs`).
    pub caches: Box<[crate::vm::cache::InlineCache]>,
    /// The name of every slot: local variables (parameters first), then cells that are not
    /// parameters, then free variables.
    pub varnames: Vec<Rc<PyStr>>,
    /// Slots that become cells when the frame starts.
    pub cell_slots: Vec<u32>,
    /// The number of free variables (the last slots).
    pub nfree: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    /// The maximum operand stack depth.
    pub stacksize: u32,
    pub exc_table: Vec<ExcEntry>,
    /// The docstring, if the body starts with one.
    pub doc: Option<Rc<PyStr>>,
    /// The code object Python code sees while one is alive (see [`Code::object`]), so that
    /// `g.gi_code is f.__code__`.
    pub object: std::cell::RefCell<std::rc::Weak<crate::object::native::Native>>,
}

impl Code {
    /// This code as a Python code object: the same object every time while one is referenced.
    pub fn object(self: &Rc<Self>) -> crate::object::value::Value {
        use crate::object::native::Native;
        if let Some(n) = self.object.borrow().upgrade() {
            return crate::object::value::Value::Native(n);
        }
        let n = Rc::new(Native::Code(self.clone()));
        *self.object.borrow_mut() = Rc::downgrade(&n);
        crate::object::value::Value::Native(n)
    }

    pub fn nslots(&self) -> usize {
        self.varnames.len()
    }

    /// The handler for an exception raised at `ip`: the innermost (last-listed) entry whose
    /// range covers it.
    pub fn handler_for(&self, ip: u32) -> Option<ExcEntry> {
        self.exc_table
            .iter()
            .rev()
            .find(|e| e.start <= ip && ip < e.end)
            .copied()
    }

    /// The 1-based line of the instruction at `ip`.
    pub fn line_of(&self, ip: usize) -> u32 {
        match self.spans.get(ip) {
            Some(span) => self.source.line_of(span.start as usize),
            None => self.first_line,
        }
    }

    pub fn filename(&self) -> &str {
        self.source.name()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn op_is_eight_bytes() {
        assert_eq!(std::mem::size_of::<super::Op>(), 8);
    }
}
