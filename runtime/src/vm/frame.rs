//! `Frame`: the state of one running or suspended code object.
//!
//! A frame is a code object, the globals it runs in, the index of its next instruction and one
//! vector of slots: the code's local variables, cells and free variables first, then the
//! operand stack. It is a plain value: a call builds one on the Rust stack and runs it; a
//! generator owns its frame between resumptions, so nothing on the Rust stack is needed to
//! resume a generator in a later cell.
//!
//! The slot vectors of finished calls are recycled through `SlotPool`, so a call does not
//! allocate.

use std::rc::Rc;

use crate::bytecode::{Code, Op};
use crate::object::dict::PyDict;
use crate::object::value::Value;

pub struct Frame {
    pub code: Rc<Code>,
    pub globals: Rc<PyDict>,
    /// Locals, cells and free variables (`code.nslots()` of them), then the operand stack.
    pub slots: Vec<Value>,
    /// The next instruction; for a suspended generator, the `Yield` or `YieldFrom` it is
    /// suspended at.
    pub ip: u32,
}

impl Drop for Frame {
    /// A chain of suspended generators, each holding the next in its frame, is freed through
    /// the trashcan, without deep recursion.
    fn drop(&mut self) {
        if !self.slots.is_empty() {
            let slots = std::mem::take(&mut self.slots);
            crate::object::trashcan::release(slots, crate::object::trashcan::spill_values);
        }
    }
}

impl Frame {
    /// When suspended inside `yield from` or `await`, the iterator it delegates to (kept on top
    /// of the operand stack, under no other value).
    pub fn yield_from_iter(&self) -> Option<&Value> {
        self.yield_from_iter_below(0)
    }

    /// Like `yield_from_iter`, with `above` more values stacked on top of the iterator.
    pub fn yield_from_iter_below(&self, above: usize) -> Option<&Value> {
        match self.code.ops.get(self.ip as usize) {
            Some(Op::YieldFrom) => self
                .slots
                .len()
                .checked_sub(1 + above)
                .and_then(|i| self.slots.get(i)),
            _ => None,
        }
    }

    /// Ends a delegation whose iterator finished with `value`: pops the iterator, pushes the
    /// value as the result of `yield from`, and moves past the instruction.
    pub fn finish_yield_from(&mut self, value: Value) {
        self.slots.pop();
        self.slots.push(value);
        self.ip += 1;
    }

    /// Ends a delegation whose iterator raised: pops the iterator, so the exception can be
    /// raised in this frame at the `yield from`.
    pub fn abort_yield_from(&mut self) {
        self.slots.pop();
    }

    /// The line the frame is at (for `gi_frame.f_lineno` and generator views).
    pub fn line(&self) -> u32 {
        self.code.line_of(self.ip as usize)
    }

    /// The local variables that have values, by name (cells are looked through).
    pub fn locals(&self) -> Vec<(Rc<crate::object::str::PyStr>, Value)> {
        let n = self.code.nslots().min(self.slots.len());
        let mut out = Vec::new();
        for (i, name) in self.code.varnames.iter().enumerate().take(n) {
            if name.starts_with('.') {
                continue;
            }
            let v = match &self.slots[i] {
                Value::Cell(c) => c.get(),
                other => other.clone(),
            };
            if !matches!(v, Value::Unbound) {
                out.push((name.clone(), v));
            }
        }
        out
    }
}

/// Recycled slot vectors, so calls do not allocate.
#[derive(Default)]
pub struct SlotPool {
    free: Vec<Vec<Value>>,
}

impl SlotPool {
    /// An empty vector with room for at least `n` values.
    pub fn take(&mut self, n: usize) -> Vec<Value> {
        match self.free.pop() {
            Some(mut v) => {
                if v.capacity() < n {
                    v.reserve_exact(n);
                }
                v
            }
            None => Vec::with_capacity(n.max(8)),
        }
    }

    /// Returns a vector to the pool; its values are dropped here.
    pub fn give(&mut self, mut v: Vec<Value>) {
        v.clear();
        if self.free.len() < 64 && v.capacity() <= 256 {
            self.free.push(v);
        }
    }
}
