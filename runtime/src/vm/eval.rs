//! The dispatch loop: one `match` over `Op`, running one frame until it returns, yields or
//! raises.
//!
//! Each arm either continues with the next instruction or produces a `PyErr`; errors go to
//! `unwind`, which finds the handler in the code's exception table or makes the frame return
//! the error to its caller. Common cases are handled inline (small-int arithmetic and
//! comparison, list indexing, iterating ranges and lists, calling Python functions); everything
//! else calls into the concept files of `vm/`.
//!
//! The loop polls for interrupts and pending generator finalizers on backward jumps and calls.

use std::rc::Rc;

use crate::bytecode::{flags, Code, Op};
use crate::error::{PyErr, PyResult};
use crate::object::function::{Function, KwArgs};
use crate::object::iter::IterState;
use crate::object::native::Native;
use crate::object::number;
use crate::object::str::PyStr;
use crate::object::tuple::PyTuple;
use crate::object::value::Value;
use crate::syntax::ast::BinOp;

use super::frame::Frame;
use super::generator::{Entry, GenKind, GenStep, Resume};
use super::stack::Stack;
use super::Vm;

/// How a frame stopped running.
pub enum FrameExit {
    Return(Value),
    /// Suspended at a `yield` (or inside `yield from`), handing out a value.
    Yield(Value),
}

/// How much native stack to keep free before growing it for a nested frame.
pub(super) const RED_ZONE: usize = 256 * 1024;
/// How much native stack to add when it runs low.
pub(super) const STACK_CHUNK: usize = 4 * 1024 * 1024;

impl Vm {
    /// Runs a frame, counting it against the recursion limit.
    pub fn run_frame(&mut self, f: &mut Frame, entry: Entry) -> PyResult<FrameExit> {
        if self.depth >= self.recursion_limit {
            return Err(PyErr::recursion_error("maximum recursion depth exceeded"));
        }
        self.depth += 1;
        // Checking the native stack is not free; every eighth frame is often enough, since
        // eight nested activations use far less than the red zone.
        let r = if self.depth.is_multiple_of(8) {
            stacker::maybe_grow(RED_ZONE, STACK_CHUNK, || self.eval(f, entry))
        } else {
            self.eval(f, entry)
        };
        self.depth -= 1;
        r
    }

    fn eval(&mut self, f: &mut Frame, entry: Entry) -> PyResult<FrameExit> {
        let code: Rc<Code> = f.code.clone();
        let ops: &[Op] = &code.ops;
        let nslots = code.nslots();
        debug_assert!(f.slots.capacity() >= nslots + code.stacksize as usize);
        let mut ip = f.ip as usize;
        match entry {
            Entry::Start => {}
            Entry::Send(v) => {
                if let Some(Op::Yield) = ops.get(ip) {
                    ip += 1;
                }
                f.slots.push(v);
            }
            Entry::Throw(e) => match self.unwind(f, &code, e, ip, true) {
                Ok(target) => ip = target,
                Err(e) => {
                    f.ip = ip as u32;
                    return Err(e);
                }
            },
        }
        let mut st = Stack::enter(f, nslots);
        let mut prev_ip = ip;
        'dispatch: loop {
            if super::generator::finalizers_pending() {
                self.finalize_site = super::FinalizeSite::Frame(code.clone(), prev_ip as u32);
                self.run_finalizers();
                self.finalize_site = super::FinalizeSite::Top;
            }
            // The instruction's position, for errors; a superinstruction moves it to its second
            // half before that half can fail.
            let mut op_ip = ip;
            prev_ip = op_ip;
            // SAFETY: `Unit::finish` checks that every jump target and every fall-through stays
            // inside the code, which ends with a terminal instruction.
            let op = unsafe { *ops.get_unchecked(ip) };
            ip += 1;
            // An error: the exception, and whether this frame adds a traceback entry for it
            // (not when a cleanup handler re-raises).
            let (err, add_tb): (PyErr, bool) = 'op: {
                macro_rules! tri {
                    ($e:expr) => {
                        match $e {
                            Ok(v) => v,
                            Err(e) => break 'op (e, true),
                        }
                    };
                }
                macro_rules! pop {
                    () => {
                        st.pop()
                    };
                }
                macro_rules! top {
                    () => {
                        st.top()
                    };
                }
                match op {
                    Op::Nop => continue 'dispatch,
                    Op::Pop => {
                        st.discard();
                        continue 'dispatch;
                    }
                    Op::Copy(n) => {
                        let v = st.peek(n as usize).clone();
                        st.push(v);
                        continue 'dispatch;
                    }
                    Op::Swap(n) => {
                        st.swap(n as usize);
                        continue 'dispatch;
                    }
                    Op::LoadConst(i) => {
                        st.push(code.consts[i as usize].clone());
                        continue 'dispatch;
                    }
                    Op::LoadFast(i) => {
                        let v = st.local(i as usize).clone();
                        if let Value::Unbound = v {
                            break 'op (unbound_local(&code, i), true);
                        }
                        st.push(v);
                        continue 'dispatch;
                    }
                    Op::LoadFastLoadFast(a, b) => {
                        let v = st.local(a as usize).clone();
                        if let Value::Unbound = v {
                            break 'op (unbound_local(&code, a as u32), true);
                        }
                        st.push(v);
                        op_ip += 1;
                        let w = st.local(b as usize).clone();
                        if let Value::Unbound = w {
                            break 'op (unbound_local(&code, b as u32), true);
                        }
                        st.push(w);
                        ip += 1;
                        continue 'dispatch;
                    }
                    Op::LoadFastLoadConst(a, b) => {
                        let v = st.local(a as usize).clone();
                        if let Value::Unbound = v {
                            break 'op (unbound_local(&code, a as u32), true);
                        }
                        st.push(v);
                        st.push(code.consts[b as usize].clone());
                        ip += 1;
                        continue 'dispatch;
                    }
                    Op::StoreFastLoadFast(a, b) => {
                        let v = pop!();
                        st.set_local(a as usize, v);
                        op_ip += 1;
                        let w = st.local(b as usize).clone();
                        if let Value::Unbound = w {
                            break 'op (unbound_local(&code, b as u32), true);
                        }
                        st.push(w);
                        ip += 1;
                        continue 'dispatch;
                    }
                    Op::LoadFastLoadAttr(a, b) => {
                        let obj = st.local(a as usize);
                        if let Value::Unbound = obj {
                            break 'op (unbound_local(&code, a as u32), true);
                        }
                        op_ip += 1;
                        ip += 1;
                        let name = &code.names[b as usize];
                        let cache = &code.caches[b as usize];
                        if let Some(v) = cache.load_attr(obj, name) {
                            st.push(v);
                            continue 'dispatch;
                        }
                        let obj = obj.clone();
                        let v = tri!(self.getattr(&obj, name));
                        cache.fill_attr(&obj, name);
                        obj.discard();
                        st.push(v);
                        continue 'dispatch;
                    }
                    Op::CompareJumpIfFalse(cop, t) => {
                        let b = pop!();
                        let a = pop!();
                        let truth = match super::ops::fast_compare(&a, &b, cop) {
                            Some(t) => {
                                a.discard();
                                b.discard();
                                t
                            }
                            None => {
                                let r = self.compare_op(&a, &b, cop);
                                a.discard();
                                b.discard();
                                let r = tri!(r);
                                op_ip += 1;
                                match r {
                                    Value::Bool(t) => t,
                                    other => {
                                        let t = self.truthy(&other);
                                        other.discard();
                                        tri!(t)
                                    }
                                }
                            }
                        };
                        if truth {
                            ip += 1;
                        } else {
                            ip = t as usize;
                            // A backward jump (a comprehension's condition) is a loop edge.
                            if ip < op_ip {
                                tri!(self.poll());
                            }
                        }
                        continue 'dispatch;
                    }
                    Op::StoreFast(i) => {
                        let v = pop!();
                        st.set_local(i as usize, v);
                        continue 'dispatch;
                    }
                    Op::DeleteFast(i) => {
                        if let Value::Unbound = st.local(i as usize) {
                            break 'op (unbound_local(&code, i), true);
                        }
                        *st.local_mut(i as usize) = Value::Unbound;
                        continue 'dispatch;
                    }
                    Op::LoadDeref(i) => {
                        let v = match st.local(i as usize) {
                            Value::Cell(c) => c.get(),
                            _ => Value::Unbound,
                        };
                        if let Value::Unbound = v {
                            break 'op (unbound_deref(&code, i), true);
                        }
                        st.push(v);
                        continue 'dispatch;
                    }
                    Op::StoreDeref(i) => {
                        let v = pop!();
                        if let Value::Cell(c) = st.local(i as usize) {
                            c.set(v);
                        }
                        continue 'dispatch;
                    }
                    Op::DeleteDeref(i) => {
                        if let Value::Cell(c) = st.local(i as usize) {
                            if let Value::Unbound = c.get() {
                                break 'op (unbound_deref(&code, i), true);
                            }
                            c.set(Value::Unbound);
                        }
                        continue 'dispatch;
                    }
                    Op::LoadClosure(i) => {
                        let v = st.local(i as usize).clone();
                        st.push(v);
                        continue 'dispatch;
                    }
                    Op::LoadClassDeref(i) => {
                        let name = code.varnames[i as usize].clone();
                        if let Value::Dict(ns) = st.local(0) {
                            if let Some(v) = ns.get_str(&name) {
                                st.push(v);
                                continue 'dispatch;
                            }
                        }
                        let v = match st.local(i as usize) {
                            Value::Cell(c) => c.get(),
                            _ => Value::Unbound,
                        };
                        if let Value::Unbound = v {
                            break 'op (unbound_deref(&code, i), true);
                        }
                        st.push(v);
                        continue 'dispatch;
                    }
                    Op::LoadGlobal(i) => {
                        let name = &code.names[i as usize];
                        let cache = &code.caches[i as usize];
                        if let Some(v) = cache.load_global(&f.globals, &self.builtins, name) {
                            st.push(v);
                            continue 'dispatch;
                        }
                        let v = match f.globals.get_str(name) {
                            Some(v) => v,
                            None => match self.builtins.get_str(name) {
                                Some(v) => v,
                                None => break 'op (name_error(name), true),
                            },
                        };
                        cache.fill_global(&f.globals, &self.builtins, name);
                        st.push(v);
                        continue 'dispatch;
                    }
                    Op::StoreGlobal(i) => {
                        let v = pop!();
                        f.globals.set_str(code.names[i as usize].clone(), v);
                        continue 'dispatch;
                    }
                    Op::DeleteGlobal(i) => {
                        let name = &code.names[i as usize];
                        if f.globals.remove_str(name).is_none() {
                            break 'op (name_error(name), true);
                        }
                        continue 'dispatch;
                    }
                    Op::LoadName(i) => {
                        let name = &code.names[i as usize];
                        let ns = namespace(
                            f,
                            &code,
                            (code.flags & flags::CLASS_BODY != 0).then(|| st.local(0)),
                        );
                        let v = match ns.get_str(name) {
                            Some(v) => v,
                            None => match f.globals.get_str(name) {
                                Some(v) => v,
                                None => match self.builtins.get_str(name) {
                                    Some(v) => v,
                                    None => break 'op (name_error(name), true),
                                },
                            },
                        };
                        st.push(v);
                        continue 'dispatch;
                    }
                    Op::StoreName(i) => {
                        let v = pop!();
                        let ns = namespace(
                            f,
                            &code,
                            (code.flags & flags::CLASS_BODY != 0).then(|| st.local(0)),
                        );
                        ns.set_str(code.names[i as usize].clone(), v);
                        continue 'dispatch;
                    }
                    Op::DeleteName(i) => {
                        let name = &code.names[i as usize];
                        let ns = namespace(
                            f,
                            &code,
                            (code.flags & flags::CLASS_BODY != 0).then(|| st.local(0)),
                        );
                        if ns.remove_str(name).is_none() {
                            break 'op (name_error(name), true);
                        }
                        continue 'dispatch;
                    }
                    Op::LoadAttr(i) => {
                        let obj = pop!();
                        let name = &code.names[i as usize];
                        let cache = &code.caches[i as usize];
                        if let Some(v) = cache.load_attr(&obj, name) {
                            obj.discard();
                            st.push(v);
                            continue 'dispatch;
                        }
                        let v = tri!(self.getattr(&obj, name));
                        cache.fill_attr(&obj, name);
                        obj.discard();
                        st.push(v);
                        continue 'dispatch;
                    }
                    Op::StoreAttr(i) => {
                        let obj = pop!();
                        let v = pop!();
                        let name = &code.names[i as usize];
                        let cache = &code.caches[i as usize];
                        if let Err(v) = cache.store_attr(&obj, name, v) {
                            tri!(self.setattr(&obj, name, v));
                            cache.fill_attr(&obj, name);
                        }
                        obj.discard();
                        continue 'dispatch;
                    }
                    Op::DeleteAttr(i) => {
                        let obj = pop!();
                        tri!(self.delattr(&obj, &code.names[i as usize]));
                        continue 'dispatch;
                    }
                    Op::LoadMethod(i) => {
                        let obj = pop!();
                        let name = &code.names[i as usize];
                        let cache = &code.caches[i as usize];
                        if let Some(func) = cache.load_method(&obj, name) {
                            st.push(func);
                            st.push(obj);
                            continue 'dispatch;
                        }
                        let found = self.load_method(&obj, name);
                        if let Err(e) = &found {
                            // CPython 3.11's LOAD_METHOD raises without `name` and `obj`, so a
                            // method call gets no "Did you mean" suggestion.
                            if e.0.get_attr("obj").is_some_and(|o| o.is(&obj)) {
                                e.0.dict.remove_str(&PyStr::intern("obj"));
                                e.0.dict.remove_str(&PyStr::intern("name"));
                            }
                        }
                        match tri!(found) {
                            super::attr::Method::Unbound(func) => {
                                cache.fill_method(&obj, name, &func);
                                st.push(func);
                                st.push(obj);
                            }
                            super::attr::Method::Attr(v) => {
                                st.push(Value::Unbound);
                                st.push(v);
                            }
                        }
                        continue 'dispatch;
                    }
                    Op::BinaryOp(bop) | Op::InplaceOp(bop) => {
                        let b = pop!();
                        let a = pop!();
                        if let (Value::Int(x), Value::Int(y)) = (&a, &b) {
                            let fast = match bop {
                                BinOp::Add => x.checked_add(*y),
                                BinOp::Sub => x.checked_sub(*y),
                                BinOp::Mult => x.checked_mul(*y),
                                BinOp::BitAnd => Some(x & y),
                                BinOp::BitOr => Some(x | y),
                                BinOp::BitXor => Some(x ^ y),
                                _ => None,
                            };
                            if let Some(r) = fast {
                                std::mem::forget((a, b));
                                st.push(Value::Int(r));
                                continue 'dispatch;
                            }
                        }
                        let r = if matches!(op, Op::InplaceOp(_)) {
                            tri!(self.inplace_op(a, b, bop))
                        } else {
                            let r = self.binary_op(&a, &b, bop);
                            a.discard();
                            b.discard();
                            tri!(r)
                        };
                        st.push(r);
                        continue 'dispatch;
                    }
                    Op::UnaryNeg => {
                        let a = pop!();
                        let r = tri!(self.unary_neg(&a));
                        st.push(r);
                        continue 'dispatch;
                    }
                    Op::UnaryPos => {
                        let a = pop!();
                        let r = tri!(self.unary_pos(&a));
                        st.push(r);
                        continue 'dispatch;
                    }
                    Op::UnaryInvert => {
                        let a = pop!();
                        let r = tri!(self.unary_invert(&a));
                        st.push(r);
                        continue 'dispatch;
                    }
                    Op::UnaryNot => {
                        let a = pop!();
                        let t = tri!(self.truthy(&a));
                        st.push(Value::Bool(!t));
                        continue 'dispatch;
                    }
                    Op::Compare(cop) => {
                        let b = pop!();
                        let a = pop!();
                        if let Some(r) = super::ops::fast_compare(&a, &b, cop) {
                            a.discard();
                            b.discard();
                            st.push(Value::Bool(r));
                            continue 'dispatch;
                        }
                        let r = self.compare_op(&a, &b, cop);
                        a.discard();
                        b.discard();
                        st.push(tri!(r));
                        continue 'dispatch;
                    }
                    Op::Subscr => {
                        let key = pop!();
                        let obj = pop!();
                        if let (Value::List(l), Value::Int(i)) = (&obj, &key) {
                            let items = l.borrow();
                            let n = items.len() as i64;
                            let idx = if *i < 0 { i + n } else { *i };
                            if idx >= 0 && idx < n {
                                let v = items[idx as usize].clone();
                                drop(items);
                                obj.discard();
                                st.push(v);
                                continue 'dispatch;
                            }
                        }
                        if let (Value::Str(s), Value::Int(i)) = (&obj, &key) {
                            let n = s.char_len() as i64;
                            let idx = if *i < 0 { i + n } else { *i };
                            if s.is_ascii() && idx >= 0 && idx < n {
                                let v = Value::Str(s.char_str_at(idx as usize));
                                obj.discard();
                                st.push(v);
                                continue 'dispatch;
                            }
                        }
                        let v = self.getitem(&obj, &key);
                        obj.discard();
                        key.discard();
                        st.push(tri!(v));
                        continue 'dispatch;
                    }
                    Op::StoreSubscr => {
                        let key = pop!();
                        let obj = pop!();
                        let v = pop!();
                        tri!(self.setitem(&obj, key, v));
                        continue 'dispatch;
                    }
                    Op::DeleteSubscr => {
                        let key = pop!();
                        let obj = pop!();
                        tri!(self.delitem(&obj, &key));
                        continue 'dispatch;
                    }
                    Op::BuildSlice(n) => {
                        let step = if n == 3 { pop!() } else { Value::None };
                        let stop = pop!();
                        let start = pop!();
                        st.push(Value::Slice(Rc::new(crate::object::range::PySlice {
                            start,
                            stop,
                            step,
                        })));
                        continue 'dispatch;
                    }
                    Op::Jump(t) => {
                        ip = t as usize;
                        continue 'dispatch;
                    }
                    Op::JumpBackward(t) => {
                        ip = t as usize;
                        tri!(self.poll());
                        continue 'dispatch;
                    }
                    Op::PopJumpIfFalse(t) | Op::PopJumpIfTrue(t) => {
                        let v = pop!();
                        let truth = match v {
                            Value::Bool(b) => b,
                            Value::None => false,
                            Value::Int(i) => i != 0,
                            ref other => {
                                let t = self.truthy(other);
                                v.discard();
                                tri!(t)
                            }
                        };
                        if truth == matches!(op, Op::PopJumpIfTrue(_)) {
                            ip = t as usize;
                            // A backward jump (a comprehension's condition) is a loop edge.
                            if ip < op_ip {
                                tri!(self.poll());
                            }
                        }
                        continue 'dispatch;
                    }
                    Op::JumpIfFalseOrPop(t) | Op::JumpIfTrueOrPop(t) => {
                        let truth = match top!() {
                            Value::Bool(b) => *b,
                            other => tri!(self.truthy(other)),
                        };
                        if truth == matches!(op, Op::JumpIfTrueOrPop(_)) {
                            ip = t as usize;
                            if ip < op_ip {
                                tri!(self.poll());
                            }
                        } else {
                            st.discard();
                        }
                        continue 'dispatch;
                    }
                    Op::GetIter => {
                        let v = pop!();
                        let it = tri!(self.iter(&v));
                        st.push(it);
                        continue 'dispatch;
                    }
                    Op::ForIter(t) => {
                        let next = match top!() {
                            Value::Iter(it) => {
                                let mut state = it.state.borrow_mut();
                                match &mut *state {
                                    IterState::Range {
                                        next,
                                        step,
                                        remaining,
                                    } => {
                                        if *remaining == 0 {
                                            None
                                        } else {
                                            let v = *next;
                                            *remaining -= 1;
                                            *next = next.wrapping_add(*step);
                                            Some(Value::Int(v))
                                        }
                                    }
                                    IterState::Seq {
                                        seq: Value::List(l),
                                        index,
                                    } => {
                                        let items = l.borrow();
                                        match items.get(*index) {
                                            Some(v) => {
                                                *index += 1;
                                                Some(v.clone())
                                            }
                                            None => None,
                                        }
                                    }
                                    _ => {
                                        drop(state);
                                        let it = top!().clone();
                                        tri!(self.next_value(&it))
                                    }
                                }
                            }
                            Value::Generator(g) => {
                                match tri!(self.gen_resume(g, Resume::Send(Value::None))) {
                                    GenStep::Yielded(v) => Some(v),
                                    GenStep::Returned(r) => {
                                        r.discard();
                                        None
                                    }
                                }
                            }
                            other => {
                                let it = other.clone();
                                tri!(self.next_value(&it))
                            }
                        };
                        match next {
                            Some(v) => st.push(v),
                            None => {
                                st.discard();
                                ip = t as usize;
                            }
                        }
                        continue 'dispatch;
                    }
                    Op::BuildTuple(n) => {
                        let t = PyTuple::from_iter(st.drain_top(n as usize));
                        st.push(Value::Tuple(t));
                        continue 'dispatch;
                    }
                    Op::BuildList(n) => {
                        let items: Vec<Value> = st.drain_top(n as usize).collect();
                        st.push(Value::list(items));
                        continue 'dispatch;
                    }
                    Op::BuildSet(n) => {
                        let items: Vec<Value> = st.drain_top(n as usize).collect();
                        let s = tri!(self.new_set(items));
                        st.push(s);
                        continue 'dispatch;
                    }
                    Op::BuildMap(n) => {
                        let items: Vec<Value> = st.drain_top(2 * n as usize).collect();
                        let d = Rc::new(crate::object::dict::PyDict::new());
                        let mut it = items.into_iter();
                        while let (Some(k), Some(v)) = (it.next(), it.next()) {
                            tri!(self.dict_set(&d, k, v));
                        }
                        st.push(Value::Dict(d));
                        continue 'dispatch;
                    }
                    Op::BuildString(n) => {
                        let mut s = String::new();
                        for v in st.drain_top(n as usize) {
                            if let Value::Str(p) = v {
                                s.push_str(p.as_str());
                            }
                        }
                        st.push(Value::from_string(s));
                        continue 'dispatch;
                    }
                    Op::ListAppend(n) => {
                        let v = pop!();
                        if let Value::List(l) = st.peek(n as usize) {
                            l.push(v);
                        }
                        continue 'dispatch;
                    }
                    Op::SetAdd(n) => {
                        let v = pop!();
                        let target = st.peek(n as usize).clone();
                        tri!(self.set_add(&target, v));
                        continue 'dispatch;
                    }
                    Op::MapAdd(n) => {
                        let v = pop!();
                        let k = pop!();
                        if let Value::Dict(d) = st.peek(n as usize) {
                            let d = d.clone();
                            tri!(self.dict_set(&d, k, v));
                        }
                        continue 'dispatch;
                    }
                    Op::ListExtend(n) => {
                        let iterable = pop!();
                        let items = tri!(self.collect(&iterable));
                        if let Value::List(l) = st.peek(n as usize) {
                            l.borrow_mut().extend(items);
                        }
                        continue 'dispatch;
                    }
                    Op::SetUpdate(n) => {
                        // `set_update_internal`: a set or frozenset operand is merged table
                        // to table, which keeps CPython's iteration order.
                        let iterable = pop!();
                        let target = st.peek(n as usize).clone();
                        if let Value::Set(s) = &target {
                            tri!(crate::builtins::set_methods::update_live(
                                self, s, &iterable
                            ));
                        } else {
                            let items = tri!(self.collect(&iterable));
                            for item in items {
                                tri!(self.set_add(&target, item));
                            }
                        }
                        continue 'dispatch;
                    }
                    Op::DictUpdate(n) | Op::DictMerge(n) => {
                        let mapping = pop!();
                        let Value::Dict(d) = st.peek(n as usize).clone() else {
                            continue 'dispatch;
                        };
                        if matches!(op, Op::DictMerge(_)) {
                            let callable = st.peek(n as usize + 2).clone();
                            tri!(self.dict_merge_kwargs(&d, &mapping, &callable));
                        } else {
                            tri!(self.dict_update_display(&d, &mapping));
                        }
                        continue 'dispatch;
                    }
                    Op::ListToTuple => {
                        let v = pop!();
                        if let Value::List(l) = v {
                            let items = l.replace(Vec::new());
                            st.push(Value::tuple(items));
                        }
                        continue 'dispatch;
                    }
                    Op::UnpackSequence(n) => {
                        let seq = pop!();
                        // A tuple of the right length (`a, b = pair`) needs no vector.
                        if let Value::Tuple(t) = &seq {
                            if t.len() == n as usize {
                                for v in t.items().iter().rev() {
                                    st.push(v.clone());
                                }
                                seq.discard();
                                continue 'dispatch;
                            }
                        }
                        let items = tri!(self.unpack_sequence(&seq, n as usize));
                        for v in items.into_iter().rev() {
                            st.push(v);
                        }
                        continue 'dispatch;
                    }
                    Op::UnpackEx(arg) => {
                        let seq = pop!();
                        let before = (arg & 0xffff) as usize;
                        let after = (arg >> 16) as usize;
                        let items = tri!(self.unpack_ex(&seq, before, after));
                        for v in items.into_iter().rev() {
                            st.push(v);
                        }
                        continue 'dispatch;
                    }
                    Op::FormatValue(fl) => {
                        let spec = if fl & 4 != 0 { Some(pop!()) } else { None };
                        let v = pop!();
                        let converted = match fl & 3 {
                            1 => Value::Str(tri!(self.str(&v))),
                            2 => Value::Str(tri!(self.repr(&v))),
                            3 => Value::Str(tri!(self.ascii(&v))),
                            _ => v,
                        };
                        let s = match (&converted, &spec) {
                            (Value::Str(s), None) => s.clone(),
                            _ => {
                                let spec_str = match &spec {
                                    Some(Value::Str(s)) => s.clone(),
                                    _ => PyStr::new(""),
                                };
                                tri!(self.format(&converted, &spec_str))
                            }
                        };
                        st.push(Value::Str(s));
                        continue 'dispatch;
                    }
                    Op::MakeFunction(fl) => {
                        let code_value = pop!();
                        let closure = if fl & 8 != 0 { Some(pop!()) } else { None };
                        let kwdefaults = if fl & 2 != 0 { Some(pop!()) } else { None };
                        let defaults = if fl & 1 != 0 { Some(pop!()) } else { None };
                        let func =
                            tri!(make_function(f, code_value, defaults, kwdefaults, closure));
                        st.push(func);
                        continue 'dispatch;
                    }
                    Op::Call(n) => {
                        tri!(self.poll());
                        if let Some(r) = frame_builtin(st.peek(n as usize + 1), n, f, st.locals()) {
                            st.drop_top(n as usize + 1);
                            st.push(r);
                            continue 'dispatch;
                        }
                        let r = tri!(self.call_from_stack(&mut st, n as usize, None));
                        st.push(r);
                        continue 'dispatch;
                    }
                    Op::CallMethod(n) => {
                        tri!(self.poll());
                        let r = if let Value::Unbound = st.peek(n as usize + 2) {
                            let r = self.call_from_stack(&mut st, n as usize, None);
                            st.discard();
                            tri!(r)
                        } else {
                            tri!(self.call_from_stack(&mut st, n as usize + 1, None))
                        };
                        st.push(r);
                        continue 'dispatch;
                    }
                    Op::CallKw(n) => {
                        tri!(self.poll());
                        let names = pop!();
                        let Value::Tuple(names) = names else {
                            break 'op (PyErr::system_error("bad keyword names"), true);
                        };
                        let r = tri!(self.call_from_stack(&mut st, n as usize, Some(&names)));
                        st.push(r);
                        continue 'dispatch;
                    }
                    Op::CallEx(k) => {
                        tri!(self.poll());
                        let kwargs = if k != 0 { Some(pop!()) } else { None };
                        let args = pop!();
                        let callable = pop!();
                        let r = tri!(self.call_ex(&callable, &args, kwargs.as_ref()));
                        st.push(r);
                        continue 'dispatch;
                    }
                    Op::Return => {
                        let v = pop!();
                        st.sync(f);
                        f.ip = ip as u32;
                        return Ok(FrameExit::Return(v));
                    }
                    Op::Yield => {
                        let v = pop!();
                        st.sync(f);
                        f.ip = op_ip as u32;
                        return Ok(FrameExit::Yield(v));
                    }
                    Op::YieldFrom => {
                        let v = pop!();
                        let sub = top!().clone();
                        let step = match &sub {
                            Value::Generator(g) => self.gen_resume(g, Resume::Send(v)),
                            other => self.send_to_iterator(other, v),
                        };
                        match tri!(step) {
                            GenStep::Yielded(y) => {
                                st.sync(f);
                                f.ip = op_ip as u32;
                                return Ok(FrameExit::Yield(y));
                            }
                            GenStep::Returned(r) => {
                                st.discard();
                                st.push(r);
                            }
                        }
                        continue 'dispatch;
                    }
                    Op::GetYieldFromIter => {
                        let v = pop!();
                        let it = match &v {
                            Value::Generator(g) => {
                                if g.kind == GenKind::Coroutine
                                    && code.flags & flags::COROUTINE == 0
                                {
                                    break 'op (PyErr::type_error(
                                        "cannot 'yield from' a coroutine object in a non-coroutine generator",
                                    ), true);
                                }
                                v.clone()
                            }
                            _ => tri!(self.iter(&v)),
                        };
                        st.push(it);
                        continue 'dispatch;
                    }
                    Op::GetAwaitable => {
                        let v = pop!();
                        let it = tri!(self.get_awaitable(&v));
                        st.push(it);
                        continue 'dispatch;
                    }
                    Op::Raise(n) => match n {
                        0 => match self.handled_exception() {
                            Some(Value::Exception(e)) => break 'op (PyErr(e), false),
                            _ => {
                                break 'op (
                                    PyErr::runtime_error("No active exception to reraise"),
                                    true,
                                )
                            }
                        },
                        1 => {
                            let exc = pop!();
                            let err = tri!(self.make_exception(&exc));
                            self.chain_context(&err);
                            break 'op (err, true);
                        }
                        _ => {
                            let cause = pop!();
                            let exc = pop!();
                            let err = tri!(self.make_exception(&exc));
                            tri!(self.set_cause(&err, &cause));
                            self.chain_context(&err);
                            break 'op (err, true);
                        }
                    },
                    Op::Reraise => {
                        let v = pop!();
                        match v {
                            Value::Exception(e) => break 'op (PyErr(e), false),
                            _ => {
                                break 'op (PyErr::system_error("reraise of a non-exception"), true)
                            }
                        }
                    }
                    Op::PushExcInfo => {
                        let exc = pop!();
                        let prev = match self.exc_stack.last_mut() {
                            Some(slot) => std::mem::replace(slot, exc.clone()),
                            None => Value::None,
                        };
                        st.push(prev);
                        st.push(exc);
                        continue 'dispatch;
                    }
                    Op::PopExcept => {
                        let prev = pop!();
                        if let Some(slot) = self.exc_stack.last_mut() {
                            *slot = prev;
                        }
                        continue 'dispatch;
                    }
                    Op::CheckExcMatch => {
                        let typ = pop!();
                        let exc = top!().clone();
                        let m = tri!(self.exception_matches(&exc, &typ));
                        st.push(Value::Bool(m));
                        continue 'dispatch;
                    }
                    Op::BeforeWith => {
                        let mgr = pop!();
                        let (exit, entered) = tri!(self.enter_context(&mgr));
                        st.push(exit);
                        st.push(entered);
                        continue 'dispatch;
                    }
                    Op::WithExceptStart => {
                        let exit = st.peek(3).clone();
                        let exc = st.peek(1).clone();
                        let r = tri!(self.call_exit_with(&exit, &exc));
                        st.push(r);
                        continue 'dispatch;
                    }
                    Op::ImportName(i) => {
                        let fromlist = pop!();
                        let _level = pop!();
                        let m = tri!(self.import(&code.names[i as usize], !fromlist.is_none()));
                        st.push(m);
                        continue 'dispatch;
                    }
                    Op::ImportFrom(i) => {
                        let m = top!().clone();
                        let v = tri!(self.import_from(&m, &code.names[i as usize]));
                        st.push(v);
                        continue 'dispatch;
                    }
                    Op::ImportStar => {
                        let m = pop!();
                        let ns = namespace(
                            f,
                            &code,
                            (code.flags & flags::CLASS_BODY != 0).then(|| st.local(0)),
                        );
                        tri!(self.import_star(&m, &ns));
                        continue 'dispatch;
                    }
                    Op::LoadBuildClass => {
                        let v = match self.builtin("__build_class__") {
                            Some(v) => v,
                            None => {
                                break 'op (PyErr::name_error("__build_class__ not found"), true)
                            }
                        };
                        st.push(v);
                        continue 'dispatch;
                    }
                    Op::LoadAssertionError => {
                        let t = crate::object::types::types();
                        st.push(Value::Class(t.assertion_error.clone()));
                        continue 'dispatch;
                    }
                    Op::SetupAnnotations => {
                        let ns = namespace(
                            f,
                            &code,
                            (code.flags & flags::CLASS_BODY != 0).then(|| st.local(0)),
                        );
                        let key = PyStr::intern("__annotations__");
                        if ns.get_str(&key).is_none() {
                            ns.set_str(
                                key,
                                Value::Dict(Rc::new(crate::object::dict::PyDict::new())),
                            );
                        }
                        continue 'dispatch;
                    }
                }
            };
            st.sync(f);
            let r = self.unwind(f, &code, err, op_ip, add_tb);
            st.reload(f);
            match r {
                Ok(target) => ip = target,
                Err(err) => {
                    st.sync(f);
                    f.ip = op_ip as u32;
                    return Err(err);
                }
            }
        }
    }

    /// Calls the callable below the top `n` values of the stack with them as arguments (the
    /// last `kwnames.len()` of them keyword arguments), removing all of them. Inlined so that
    /// the stack pointer never has its address taken and can live in a register.
    #[inline(always)]
    fn call_from_stack(
        &mut self,
        st: &mut Stack,
        n: usize,
        kwnames: Option<&Rc<PyTuple>>,
    ) -> PyResult<Value> {
        match (st.peek(n + 1), kwnames) {
            (Value::Function(func), None) => {
                let func = func.clone();
                let frame = self.frame_for_call(&func, st.drain_top(n), None);
                st.discard();
                return self.run_function(&func, frame?);
            }
            (Value::Builtin(b), None) if b.bound.is_none() => {
                let b = b.clone();
                let r = (b.func)(self, st.top_slice(n), None);
                st.drop_top(n + 1);
                return r;
            }
            _ => {}
        }
        let names: Vec<Rc<PyStr>> = match kwnames {
            Some(t) => t
                .items()
                .iter()
                .filter_map(|v| v.as_str().cloned())
                .collect(),
            None => Vec::new(),
        };
        let npos = n - names.len();
        let result = {
            let args = st.top_slice(n);
            let callable = st.peek(n + 1).clone();
            let (pos, kwvalues) = args.split_at(npos);
            let kw = if names.is_empty() {
                None
            } else {
                Some(KwArgs {
                    names: &names,
                    values: kwvalues,
                })
            };
            self.call_kw(&callable, pos, kw)
        };
        st.drop_top(n + 1);
        result
    }

    /// Sends a value into a non-generator iterator for `yield from`: `next` for `None`,
    /// otherwise its `send` method.
    fn send_to_iterator(&mut self, it: &Value, v: Value) -> PyResult<GenStep> {
        let r = if v.is_none() {
            match self.next_value(it)? {
                Some(x) => return Ok(GenStep::Yielded(x)),
                None => return Ok(GenStep::Returned(self.take_stop_value())),
            }
        } else {
            let send = self.getattr(it, &PyStr::intern("send"))?;
            self.call(&send, &[v])
        };
        match r {
            Ok(x) => Ok(GenStep::Yielded(x)),
            Err(e) if e.matches(|t| &t.stop_iteration) => Ok(GenStep::Returned(
                e.0.get_attr("value").unwrap_or(Value::None),
            )),
            Err(e) => Err(e),
        }
    }
}

/// The namespace dict of a module or class body frame.
fn namespace(f: &Frame, code: &Code, slot0: Option<&Value>) -> Rc<crate::object::dict::PyDict> {
    if code.flags & flags::CLASS_BODY != 0 {
        if let Some(Value::Dict(d)) = slot0 {
            return d.clone();
        }
    }
    f.globals.clone()
}

/// `globals()` and `locals()` called directly: answered from the calling frame.
fn frame_builtin(callable: &Value, nargs: u32, f: &Frame, locals: &[Value]) -> Option<Value> {
    let Value::Builtin(b) = callable else {
        return None;
    };
    if nargs != 0 || b.bound.is_some() || b.owner.is_some() {
        return None;
    }
    match b.name {
        "globals" => Some(Value::Dict(f.globals.clone())),
        "locals" | "vars" => {
            if f.code.flags & flags::NAMESPACE != 0 {
                return Some(Value::Dict(namespace(f, &f.code, locals.first())));
            }
            let d = crate::object::dict::PyDict::new();
            let n = f.code.nslots();
            for (i, name) in f.code.varnames.iter().enumerate().take(n) {
                if name.starts_with('.') {
                    continue;
                }
                let v = match &locals[i] {
                    Value::Cell(c) => c.get(),
                    other => other.clone(),
                };
                if !matches!(v, Value::Unbound) {
                    d.set_str(name.clone(), v);
                }
            }
            Some(Value::Dict(Rc::new(d)))
        }
        "dir" => {
            let mut names: Vec<String> = if f.code.flags & flags::NAMESPACE != 0 {
                namespace(f, &f.code, locals.first())
                    .keys()
                    .iter()
                    .filter_map(|k| k.as_str().map(|s| s.as_str().to_string()))
                    .collect()
            } else {
                f.code.varnames[..f.code.nslots()]
                    .iter()
                    .enumerate()
                    .filter(|(i, n)| !n.starts_with('.') && !matches!(locals[*i], Value::Unbound))
                    .map(|(_, n)| n.as_str().to_string())
                    .collect()
            };
            names.sort();
            Some(Value::list(
                names.into_iter().map(Value::from_string).collect(),
            ))
        }
        _ => None,
    }
}

fn name_error(name: &PyStr) -> PyErr {
    let err = PyErr::name_error(format!("name '{}' is not defined", name.as_str()));
    err.0.set_attr("name", Value::str(name.as_str()));
    err
}

fn unbound_local(code: &Code, slot: u32) -> PyErr {
    let name = code.varnames[slot as usize].as_str();
    PyErr::unbound_local(format!(
        "cannot access local variable '{name}' where it is not associated with a value"
    ))
}

fn unbound_deref(code: &Code, slot: u32) -> PyErr {
    let name = code.varnames[slot as usize].as_str();
    let is_free = slot as usize >= code.nslots() - code.nfree as usize;
    if is_free {
        PyErr::name_error(format!(
            "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
        ))
    } else {
        PyErr::unbound_local(format!(
            "cannot access local variable '{name}' where it is not associated with a value"
        ))
    }
}

fn make_function(
    f: &Frame,
    code_value: Value,
    defaults: Option<Value>,
    kwdefaults: Option<Value>,
    closure: Option<Value>,
) -> PyResult<Value> {
    let Value::Native(n) = &code_value else {
        return Err(PyErr::system_error("MakeFunction without a code object"));
    };
    let Native::Code(code) = &**n else {
        return Err(PyErr::system_error("MakeFunction without a code object"));
    };
    let defaults = match defaults {
        Some(Value::Tuple(t)) => t.items().to_vec(),
        _ => Vec::new(),
    };
    let kwdefaults = match kwdefaults {
        Some(Value::Dict(d)) => d
            .items()
            .into_iter()
            .filter_map(|(k, v)| k.as_str().cloned().map(|k| (k, v)))
            .collect(),
        _ => Vec::new(),
    };
    let closure: Box<[Rc<crate::object::function::CellObj>]> = match closure {
        Some(Value::Tuple(t)) => t
            .items()
            .iter()
            .filter_map(|v| match v {
                Value::Cell(c) => Some(c.clone()),
                _ => None,
            })
            .collect(),
        _ => Box::new([]),
    };
    let module = f.globals.get_item_str("__name__").unwrap_or(Value::None);
    let doc = match &code.doc {
        Some(d) => Value::Str(d.clone()),
        None => Value::None,
    };
    Ok(Value::Function(Rc::new(Function {
        code: code.clone(),
        globals: f.globals.clone(),
        defaults,
        kwdefaults,
        closure,
        name: std::cell::RefCell::new(code.name.clone()),
        qualname: std::cell::RefCell::new(code.qualname.clone()),
        doc: std::cell::RefCell::new(doc),
        module,
        dict: crate::object::dict::PyDict::new(),
    })))
}

#[allow(dead_code)]
fn _assert_number_used() -> bool {
    number::is_number(&Value::None)
}
