//! `Stack`: the running frame's operand stack as a raw pointer the dispatch loop keeps in a
//! register.
//!
//! A frame's slots are one `Vec<Value>`: locals first, then the operand stack. Going through
//! the `Vec` for every push and pop costs a dozen instructions (its length and pointer live in
//! memory); an interpreter keeps a stack pointer in a local instead, and so does this.
//!
//! Safety protocol:
//! - The slot vector's capacity is at least `nslots + stacksize`, where `stacksize` is the
//!   maximum operand depth the compiler's flow analysis computed (`Unit::stack_depths`, which
//!   rejects code whose depths disagree). The vector is never reallocated while the loop runs.
//! - While the loop runs, the vector's length is `nslots`: it owns the locals, and the values
//!   between `base + nslots` and `sp` are owned by the `Stack`. A panic therefore leaks operand
//!   values but can never drop one twice.
//! - Before the slots are used as a `Vec` (unwinding, returning, yielding), `sync` sets the
//!   length to the true depth; `reload` reads the pointers back and shrinks the length again.

use crate::object::value::Value;

use super::frame::Frame;

pub struct Stack {
    base: *mut Value,
    sp: *mut Value,
    end: *mut Value,
    nslots: usize,
}

impl Stack {
    /// Takes over the operand stack of a frame whose slots hold `nslots` locals.
    #[inline(always)]
    pub fn enter(f: &mut Frame, nslots: usize) -> Stack {
        let len = f.slots.len();
        let base = f.slots.as_mut_ptr();
        // SAFETY: `len` and `capacity` are within the allocation; shrinking the length to
        // `nslots <= len` hands the values above it to this stack (see the protocol above).
        unsafe {
            let s = Stack {
                base,
                sp: base.add(len),
                end: base.add(f.slots.capacity()),
                nslots,
            };
            f.slots.set_len(nslots.min(len));
            s
        }
    }

    /// Gives the operand values back to the frame's vector (before using it as a `Vec`).
    #[inline(always)]
    pub fn sync(&self, f: &mut Frame) {
        // SAFETY: every value below `sp` is initialised and owned by the stack until now.
        unsafe { f.slots.set_len(self.len()) };
    }

    /// Takes the operand values back from the frame's vector after it was used as a `Vec`.
    #[inline(always)]
    pub fn reload(&mut self, f: &mut Frame) {
        let len = f.slots.len();
        // SAFETY: as in `enter`.
        unsafe {
            self.base = f.slots.as_mut_ptr();
            self.sp = self.base.add(len);
            self.end = self.base.add(f.slots.capacity());
            f.slots.set_len(self.nslots.min(len));
        }
    }

    /// The number of slots in use, locals included.
    #[inline(always)]
    pub fn len(&self) -> usize {
        // SAFETY: `sp` and `base` point into the same allocation, `sp >= base`.
        unsafe { self.sp.offset_from(self.base) as usize }
    }

    #[inline(always)]
    pub fn push(&mut self, v: Value) {
        if self.sp == self.end {
            // The depth analysis makes this unreachable; refuse rather than write past the
            // allocation.
            std::process::abort();
        }
        // SAFETY: `sp < end`, inside the allocation and uninitialised.
        unsafe {
            self.sp.write(v);
            self.sp = self.sp.add(1);
        }
    }

    #[inline(always)]
    pub fn pop(&mut self) -> Value {
        debug_assert!(self.len() > self.nslots);
        // SAFETY: the depth analysis guarantees the operand stack is not empty here; the value
        // at `sp - 1` is initialised and ownership moves to the caller.
        unsafe {
            self.sp = self.sp.sub(1);
            self.sp.read()
        }
    }

    /// The value `n` from the top (1 is the top).
    #[inline(always)]
    pub fn peek(&self, n: usize) -> &Value {
        debug_assert!(n >= 1 && self.len() >= self.nslots + n);
        // SAFETY: within the initialised operand values.
        unsafe { &*self.sp.sub(n) }
    }

    #[inline(always)]
    pub fn top(&self) -> &Value {
        self.peek(1)
    }

    /// Local slot `i` (the compiler only emits indices below `nslots`).
    #[inline(always)]
    pub fn local(&self, i: usize) -> &Value {
        debug_assert!(i < self.nslots);
        // SAFETY: slot indices come from the compiler and are below `nslots`, which are
        // initialised for the whole run of the frame.
        unsafe { &*self.base.add(i) }
    }

    #[inline(always)]
    pub fn local_mut(&mut self, i: usize) -> &mut Value {
        debug_assert!(i < self.nslots);
        // SAFETY: as `local`.
        unsafe { &mut *self.base.add(i) }
    }

    /// The locals, for introspection (`locals()`).
    #[inline(always)]
    pub fn locals(&self) -> &[Value] {
        // SAFETY: the first `nslots` slots are initialised for the whole run of the frame.
        unsafe { std::slice::from_raw_parts(self.base, self.nslots) }
    }

    /// The top `n` values, bottom first.
    #[inline(always)]
    pub fn top_slice(&self, n: usize) -> &[Value] {
        debug_assert!(self.len() >= self.nslots + n);
        // SAFETY: the top `n` values are initialised and contiguous.
        unsafe { std::slice::from_raw_parts(self.sp.sub(n), n) }
    }

    /// Pops and drops the top value.
    #[inline(always)]
    pub fn discard(&mut self) {
        self.pop().discard();
    }

    /// Drops the top `n` values.
    #[inline(always)]
    pub fn drop_top(&mut self, n: usize) {
        for _ in 0..n {
            self.discard();
        }
    }

    /// Stores into local slot `i`, dropping the old value.
    #[inline(always)]
    pub fn set_local(&mut self, i: usize, v: Value) {
        let old = std::mem::replace(self.local_mut(i), v);
        old.discard();
    }

    /// Moves the top `n` values out, bottom first, as an iterator that owns them.
    #[inline(always)]
    pub fn drain_top(&mut self, n: usize) -> Drain<'_> {
        debug_assert!(self.len() >= self.nslots + n);
        // SAFETY: the values move to the iterator; the stack forgets them first, and the
        // iterator borrows the stack so nothing is pushed over them before they are read.
        unsafe {
            self.sp = self.sp.sub(n);
            Drain {
                cur: self.sp,
                end: self.sp.add(n),
                _stack: std::marker::PhantomData,
            }
        }
    }

    /// Swaps the top with the value `n` from the top.
    #[inline(always)]
    pub fn swap(&mut self, n: usize) {
        debug_assert!(n >= 1 && self.len() >= self.nslots + n);
        // SAFETY: both positions hold initialised operand values.
        unsafe { std::ptr::swap(self.sp.sub(1), self.sp.sub(n)) }
    }
}

/// Values moved off the stack; those not consumed are dropped with the iterator.
pub struct Drain<'a> {
    cur: *mut Value,
    end: *mut Value,
    _stack: std::marker::PhantomData<&'a mut Stack>,
}

impl Iterator for Drain<'_> {
    type Item = Value;

    #[inline(always)]
    fn next(&mut self) -> Option<Value> {
        if self.cur == self.end {
            return None;
        }
        // SAFETY: `cur < end`; each value is read exactly once.
        unsafe {
            let v = self.cur.read();
            self.cur = self.cur.add(1);
            Some(v)
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        // SAFETY: same allocation.
        let n = unsafe { self.end.offset_from(self.cur) as usize };
        (n, Some(n))
    }
}

impl ExactSizeIterator for Drain<'_> {}

/// The positional arguments of a call: any exact-size iterator of values, with a bulk move for
/// the ones that come straight off the operand stack.
pub trait Args: ExactSizeIterator<Item = Value> + Sized {
    /// Appends every remaining value to `v`.
    fn append_to(self, v: &mut Vec<Value>) {
        v.extend(self)
    }
}

impl Args for Drain<'_> {
    #[inline(always)]
    fn append_to(mut self, v: &mut Vec<Value>) {
        // SAFETY: `cur..end` holds initialised values owned by the iterator; they are copied
        // into reserved space and then forgotten here (`cur = end`), so each is owned once.
        unsafe {
            let n = self.end.offset_from(self.cur) as usize;
            v.reserve(n);
            std::ptr::copy_nonoverlapping(self.cur, v.as_mut_ptr().add(v.len()), n);
            v.set_len(v.len() + n);
            self.cur = self.end;
        }
    }
}

impl Args for std::iter::Cloned<std::slice::Iter<'_, Value>> {}

impl Args for std::iter::Empty<Value> {}

impl Drop for Drain<'_> {
    fn drop(&mut self) {
        for v in self.by_ref() {
            drop(v);
        }
    }
}
