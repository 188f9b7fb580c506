//! `Unit`: one code object under construction.
//!
//! The code generator appends instructions with symbolic labels and opens and closes exception
//! handlers; `finish` resolves the labels, computes the stack depth of every instruction by
//! flow analysis, and turns the per-instruction handler marks into the exception table.
//!
//! What this module deliberately does not know: the AST. It is the assembler.

use std::collections::HashMap;
use std::rc::Rc;

use crate::bytecode::{Code, ExcEntry, Op};
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::source::SourceFile;
use crate::syntax::ast::Span;

use super::symtable::ScopeId;

/// A jump target, resolved to an instruction index by `finish`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label(pub u32);

/// A constant's identity for de-duplication within a code object.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Bool(bool),
    Int(i64),
    Float(u64),
    Str(String),
    /// Constants that are never shared (code objects, tuples, big ints).
    Unique(usize),
}

/// How control leaves a code unit's blocks when `break`, `continue` or `return` jumps out.
#[derive(Clone)]
pub enum FBlock {
    While {
        start: Label,
        end: Label,
    },
    /// The iterator is on the stack.
    For {
        start: Label,
        end: Label,
    },
    /// A `try` body with an `except` handler.
    TryExcept {
        handler: u32,
    },
    /// A `try` body whose `finally` must run on the way out.
    FinallyTry {
        handler: u32,
        body: usize,
    },
    /// The exceptional copy of a `finally` body: `[prev exc]` is on the stack.
    FinallyEnd {
        handler: u32,
    },
    /// A `with` body: the exit function is on the stack. `span` is the `with` statement's,
    /// where CPython locates the call of the exit function when `return`, `break` or
    /// `continue` leaves the body.
    With {
        handler: u32,
        span: Span,
    },
    /// An `except` body: the previously handled exception is on the stack. `handler` clears
    /// the bound name on the way out, `cleanup` restores the previous exception; code that
    /// leaves the body (a `finally` inlined for `return`) is protected by neither.
    HandlerCleanup {
        handler: Option<u32>,
        cleanup: u32,
        name: Option<Rc<str>>,
    },
    /// A value the block must discard (a return value being overridden).
    PopValue,
}

struct HandlerBlock {
    target: Label,
    /// The first instruction the handler protects; the stack depth there is the depth the
    /// handler unwinds to.
    start: Option<u32>,
    /// Added to the depth at `start` to get the depth the handler unwinds to: -1 for a `with`
    /// block, whose region starts with the `__enter__` result still on the stack.
    extra: i32,
}

pub struct Unit {
    pub scope: ScopeId,
    pub name: Rc<PyStr>,
    pub qualname: Rc<PyStr>,
    pub first_line: u32,
    pub flags: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub doc: Option<Rc<PyStr>>,
    ops: Vec<Op>,
    spans: Vec<Span>,
    handler_at: Vec<Option<u32>>,
    labels: Vec<Option<u32>>,
    consts: Vec<Value>,
    const_index: HashMap<ConstKey, u32>,
    names: Vec<Rc<PyStr>>,
    name_index: HashMap<Rc<str>, u32>,
    pub varnames: Vec<Rc<PyStr>>,
    slot_index: HashMap<Rc<str>, u32>,
    pub cell_slots: Vec<u32>,
    pub nfree: u32,
    handlers: Vec<HandlerBlock>,
    handler_stack: Vec<u32>,
    pub fblocks: Vec<FBlock>,
    /// The span given to instructions as they are emitted.
    pub span: Span,
    /// Whether a label was bound since the last instruction (so the next one is reachable).
    label_here: bool,
}

impl Unit {
    pub fn new(scope: ScopeId, name: &str, qualname: &str, first_line: u32) -> Unit {
        Unit {
            scope,
            name: PyStr::intern(name),
            qualname: PyStr::intern(qualname),
            first_line,
            flags: 0,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            doc: None,
            ops: Vec::new(),
            spans: Vec::new(),
            handler_at: Vec::new(),
            labels: Vec::new(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames: Vec::new(),
            slot_index: HashMap::new(),
            cell_slots: Vec::new(),
            nfree: 0,
            handlers: Vec::new(),
            handler_stack: Vec::new(),
            fblocks: Vec::new(),
            span: Span::default(),
            label_here: false,
        }
    }

    pub fn emit(&mut self, op: Op) {
        self.label_here = false;
        self.ops.push(op);
        self.spans.push(self.span);
        self.handler_at.push(self.handler_stack.last().copied());
    }

    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    /// Places a label at the next instruction.
    pub fn bind(&mut self, label: Label) {
        self.labels[label.0 as usize] = Some(self.ops.len() as u32);
        self.label_here = true;
    }

    /// The index the next instruction will have.
    pub fn here(&self) -> u32 {
        self.ops.len() as u32
    }

    /// Whether the next instruction would be unreachable: the last one never falls through and
    /// no label points here.
    pub fn last_is_terminal(&self) -> bool {
        !self.label_here
            && matches!(
                self.ops.last(),
                Some(Op::Jump(_) | Op::JumpBackward(_) | Op::Return | Op::Raise(_) | Op::Reraise)
            )
    }

    pub fn const_index(&mut self, v: Value) -> u32 {
        let key = match &v {
            Value::None => ConstKey::None,
            Value::Bool(b) => ConstKey::Bool(*b),
            Value::Int(i) => ConstKey::Int(*i),
            Value::Float(f) => ConstKey::Float(f.to_bits()),
            Value::Str(s) => ConstKey::Str(s.as_str().to_string()),
            _ => ConstKey::Unique(self.consts.len()),
        };
        if let Some(&i) = self.const_index.get(&key) {
            return i;
        }
        let i = self.consts.len() as u32;
        self.consts.push(v);
        self.const_index.insert(key, i);
        i
    }

    pub fn load_const(&mut self, v: Value) {
        let i = self.const_index(v);
        self.emit(Op::LoadConst(i));
    }

    pub fn name_index(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.name_index.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(PyStr::intern(name));
        self.name_index.insert(Rc::from(name), i);
        i
    }

    /// The slot of a local, cell or free variable, allocating it on first use.
    pub fn slot(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.slot_index.get(name) {
            return i;
        }
        let i = self.varnames.len() as u32;
        self.varnames.push(PyStr::intern(name));
        self.slot_index.insert(Rc::from(name), i);
        i
    }

    pub fn has_slot(&self, name: &str) -> bool {
        self.slot_index.contains_key(name)
    }

    /// Starts protecting the following instructions with a handler at `target`. On an
    /// exception the stack is cut to the depth at this point plus `extra`.
    pub fn push_handler(&mut self, target: Label, extra: i32) -> u32 {
        let id = self.handlers.len() as u32;
        self.handlers.push(HandlerBlock {
            target,
            start: None,
            extra,
        });
        self.handler_stack.push(id);
        // Make sure the region is not empty, so its depth is known.
        let start = self.here();
        self.handlers[id as usize].start = Some(start);
        self.emit(Op::Nop);
        id
    }

    /// Stops protecting instructions with the innermost handler.
    pub fn pop_handler(&mut self) {
        self.handler_stack.pop();
    }

    /// Temporarily removes a handler from the active stack while unwinding through it (the
    /// unwinding code must not be protected by the block it leaves). Returns what to restore.
    pub fn suspend_handler(&mut self, id: u32) -> Option<usize> {
        let pos = self.handler_stack.iter().rposition(|&h| h == id)?;
        self.handler_stack.remove(pos);
        Some(pos)
    }

    pub fn resume_handler(&mut self, id: u32, pos: Option<usize>) {
        if let Some(pos) = pos {
            self.handler_stack
                .insert(pos.min(self.handler_stack.len()), id);
        }
    }

    /// Assembles the code object.
    pub fn finish(mut self, source: Rc<SourceFile>) -> Result<Code, String> {
        // A code object always ends in a terminal instruction, and nothing jumps past its end.
        if !self.last_is_terminal() {
            self.load_const(Value::None);
            self.emit(Op::Return);
        }
        // Resolve labels.
        let labels: Vec<u32> = self.labels.iter().map(|l| l.unwrap_or(u32::MAX)).collect();
        let resolve = |l: u32| -> Result<u32, String> {
            match labels.get(l as usize) {
                Some(&ip) if ip != u32::MAX => Ok(ip),
                _ => Err(format!("internal compiler error: unbound label {l}")),
            }
        };
        for op in self.ops.iter_mut() {
            match op {
                Op::Jump(l)
                | Op::JumpBackward(l)
                | Op::PopJumpIfFalse(l)
                | Op::PopJumpIfTrue(l)
                | Op::JumpIfFalseOrPop(l)
                | Op::JumpIfTrueOrPop(l)
                | Op::ForIter(l) => *l = resolve(*l)?,
                _ => {}
            }
        }
        // The dispatch loop fetches instructions without bounds checks: every jump must land
        // inside the code, and the code must end with an instruction that does not fall through.
        let len = self.ops.len() as u32;
        if !self.ops.last().is_some_and(is_terminal) {
            return Err("internal compiler error: code falls off its end".into());
        }
        for op in &self.ops {
            if let Some(t) = jump_target(op) {
                if t >= len {
                    return Err(format!("internal compiler error: jump to {t} past the end"));
                }
            }
        }
        let targets: Vec<u32> = self
            .handlers
            .iter()
            .map(|h| resolve(h.target.0))
            .collect::<Result<_, _>>()?;
        if targets.iter().any(|&t| t >= len) {
            return Err("internal compiler error: handler past the end".into());
        }
        let depths = self.stack_depths(&targets)?;
        // One slot beyond the deepest point: a suspended generator keeps the exception it was
        // handling there.
        let stacksize = depths.iter().filter_map(|d| *d).max().unwrap_or(0) as u32 + 1;
        let mut exc_table: Vec<ExcEntry> = Vec::new();
        let mut i = 0;
        while i < self.ops.len() {
            if let Some(h) = self.handler_at[i] {
                let start = i;
                while i < self.ops.len() && self.handler_at[i] == Some(h) {
                    i += 1;
                }
                let block = &self.handlers[h as usize];
                let depth = block
                    .start
                    .and_then(|s| depths.get(s as usize).copied().flatten())
                    .unwrap_or(0)
                    + block.extra;
                exc_table.push(ExcEntry {
                    start: start as u32,
                    end: i as u32,
                    target: targets[h as usize],
                    depth: depth as u32,
                });
            } else {
                i += 1;
            }
        }
        super::superinstructions::fuse(&mut self.ops);
        Ok(Code {
            name: self.name,
            qualname: self.qualname,
            source,
            first_line: self.first_line,
            ops: self.ops,
            spans: self.spans,
            consts: self.consts,
            caches: self.names.iter().map(|_| Default::default()).collect(),
            names: self.names,
            varnames: self.varnames,
            cell_slots: self.cell_slots,
            nfree: self.nfree,
            argcount: self.argcount,
            posonlyargcount: self.posonlyargcount,
            kwonlyargcount: self.kwonlyargcount,
            flags: self.flags,
            stacksize,
            exc_table,
            doc: self.doc,
            object: Default::default(),
        })
    }

    /// The operand stack depth before each instruction (`None` if unreachable).
    fn stack_depths(&self, handler_targets: &[u32]) -> Result<Vec<Option<i32>>, String> {
        let n = self.ops.len();
        let mut depth: Vec<Option<i32>> = vec![None; n];
        let mut work: Vec<(usize, i32)> = vec![(0, 0)];
        let mut handler_depth: Vec<Option<i32>> = vec![None; self.handlers.len()];
        {
            while let Some((ip, d)) = work.pop() {
                if ip >= n {
                    continue;
                }
                match depth[ip] {
                    Some(old) if old == d => continue,
                    Some(old) => {
                        let listing: Vec<String> = self
                            .ops
                            .iter()
                            .enumerate()
                            .map(|(i, op)| format!("{i:>4} {op:?} depth={:?}", depth[i]))
                            .collect();
                        return Err(format!(
                            "internal compiler error: inconsistent stack depth at {ip}: {old} vs {d} in {}\n{}",
                            self.qualname.as_str(),
                            listing.join("\n")
                        ));
                    }
                    None => depth[ip] = Some(d),
                }
                for (h, block) in self.handlers.iter().enumerate() {
                    if block.start == Some(ip as u32) && handler_depth[h].is_none() {
                        handler_depth[h] = Some(d + block.extra);
                        work.push((handler_targets[h] as usize, d + block.extra + 1));
                    }
                }
                let op = self.ops[ip];
                if d < 0 {
                    return Err(format!(
                        "internal compiler error: negative stack depth at {ip}"
                    ));
                }
                if let Some(target) = jump_target(&op) {
                    work.push((target as usize, d + stack_effect(&op, true)));
                }
                if !is_terminal(&op) {
                    work.push((ip + 1, d + stack_effect(&op, false)));
                }
            }
        }
        Ok(depth)
    }
}

fn jump_target(op: &Op) -> Option<u32> {
    match op {
        Op::Jump(t)
        | Op::JumpBackward(t)
        | Op::PopJumpIfFalse(t)
        | Op::PopJumpIfTrue(t)
        | Op::JumpIfFalseOrPop(t)
        | Op::JumpIfTrueOrPop(t)
        | Op::ForIter(t)
        | Op::CompareJumpIfFalse(_, t) => Some(*t),
        _ => None,
    }
}

fn is_terminal(op: &Op) -> bool {
    matches!(
        op,
        Op::Jump(_) | Op::JumpBackward(_) | Op::Return | Op::Raise(_) | Op::Reraise
    )
}

/// The change in stack depth an instruction causes, on its jump (`jump`) or fall-through path.
pub fn stack_effect(op: &Op, jump: bool) -> i32 {
    use Op::*;
    match *op {
        Nop | Swap(_) | DeleteFast(_) | DeleteDeref(_) | DeleteGlobal(_) | DeleteName(_) => 0,
        Pop => -1,
        Copy(_) => 1,
        LoadConst(_) | LoadFast(_) | LoadDeref(_) | LoadClosure(_) | LoadClassDeref(_)
        | LoadGlobal(_) | LoadName(_) => 1,
        StoreFast(_) | StoreDeref(_) | StoreGlobal(_) | StoreName(_) => -1,
        LoadAttr(_) => 0,
        // Superinstructions exist only after the analysis; their effects are those of the
        // pair, for the disassembler's benefit.
        LoadFastLoadFast(..) | LoadFastLoadConst(..) => 2,
        StoreFastLoadFast(..) => 0,
        LoadFastLoadAttr(..) => 1,
        CompareJumpIfFalse(..) => -2,
        StoreAttr(_) => -2,
        DeleteAttr(_) => -1,
        LoadMethod(_) => 1,
        BinaryOp(_) | InplaceOp(_) | Compare(_) | Subscr => -1,
        UnaryNeg | UnaryPos | UnaryNot | UnaryInvert => 0,
        StoreSubscr => -3,
        DeleteSubscr => -2,
        BuildSlice(n) => 1 - n as i32,
        Jump(_) | JumpBackward(_) => 0,
        PopJumpIfFalse(_) | PopJumpIfTrue(_) => -1,
        JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) => {
            if jump {
                0
            } else {
                -1
            }
        }
        GetIter => 0,
        ForIter(_) => {
            if jump {
                -1
            } else {
                1
            }
        }
        BuildTuple(n) | BuildList(n) | BuildSet(n) | BuildString(n) => 1 - n as i32,
        BuildMap(n) => 1 - 2 * n as i32,
        ListAppend(_) | SetAdd(_) | ListExtend(_) | SetUpdate(_) | DictUpdate(_) | DictMerge(_) => {
            -1
        }
        MapAdd(_) => -2,
        ListToTuple => 0,
        UnpackSequence(n) => n as i32 - 1,
        UnpackEx(n) => (n & 0xffff) as i32 + (n >> 16) as i32,
        FormatValue(f) => {
            if f & 4 != 0 {
                -1
            } else {
                0
            }
        }
        MakeFunction(f) => -((f & 0b1011).count_ones() as i32),
        Call(n) => -(n as i32),
        CallKw(n) | CallMethod(n) => -(n as i32) - 1,
        CallEx(k) => -1 - k as i32,
        Return => -1,
        Yield => 0,
        YieldFrom => -1,
        GetYieldFromIter | GetAwaitable => 0,
        Raise(n) => -(n as i32),
        Reraise => -1,
        PushExcInfo => 1,
        PopExcept => -1,
        CheckExcMatch => 0,
        BeforeWith => 1,
        WithExceptStart => 1,
        ImportName(_) => -1,
        ImportFrom(_) => 1,
        ImportStar => -1,
        LoadBuildClass | LoadAssertionError => 1,
        SetupAnnotations => 0,
    }
}
