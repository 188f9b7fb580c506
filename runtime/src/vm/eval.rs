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
use crate::syntax::ast::{BinOp, CmpOp};

use super::frame::Frame;
use super::generator::{Entry, GenKind, GenStep, Resume};
use super::Vm;

/// How a frame stopped running.
pub enum FrameExit {
    Return(Value),
    /// Suspended at a `yield` (or inside `yield from`), handing out a value.
    Yield(Value),
}

/// How much native stack to keep free before growing it for a nested frame.
const RED_ZONE: usize = 256 * 1024;
/// How much native stack to add when it runs low.
const STACK_CHUNK: usize = 4 * 1024 * 1024;

impl Vm {
    /// Runs a frame, counting it against the recursion limit.
    pub fn run_frame(&mut self, f: &mut Frame, entry: Entry) -> PyResult<FrameExit> {
        if self.depth >= self.recursion_limit {
            return Err(PyErr::recursion_error("maximum recursion depth exceeded"));
        }
        self.depth += 1;
        let r = stacker::maybe_grow(RED_ZONE, STACK_CHUNK, || self.eval(f, entry));
        self.depth -= 1;
        r
    }

    fn eval(&mut self, f: &mut Frame, entry: Entry) -> PyResult<FrameExit> {
        let code: Rc<Code> = f.code.clone();
        let ops: &[Op] = &code.ops;
        let nslots = code.nslots();
        let mut ip = f.ip as usize;
        // An error to handle before the next instruction: the error, the instruction it is
        // attributed to, and whether this frame adds a traceback entry for it.
        let mut pending: Option<(PyErr, usize, bool)> = None;
        match entry {
            Entry::Start => {}
            Entry::Send(v) => {
                if let Some(Op::Yield) = ops.get(ip) {
                    ip += 1;
                }
                f.slots.push(v);
            }
            Entry::Throw(e) => pending = Some((e, ip, true)),
        }
        let mut prev_ip = ip;
        'dispatch: loop {
            if super::generator::finalizers_pending() {
                self.finalize_site = super::FinalizeSite::Frame(code.clone(), prev_ip as u32);
                self.run_finalizers();
                self.finalize_site = super::FinalizeSite::Top;
            }
            if let Some((err, at, add_tb)) = pending.take() {
                match self.unwind(f, &code, err, at, add_tb) {
                    Ok(target) => ip = target,
                    Err(err) => {
                        f.ip = at as u32;
                        return Err(err);
                    }
                }
            }
            let op_ip = ip;
            prev_ip = op_ip;
            let Some(&op) = ops.get(ip) else {
                f.ip = ip as u32;
                return Err(PyErr::system_error("instruction pointer out of range"));
            };
            ip += 1;
            let err: PyErr = 'op: {
                macro_rules! tri {
                    ($e:expr) => {
                        match $e {
                            Ok(v) => v,
                            Err(e) => break 'op e,
                        }
                    };
                }
                macro_rules! pop {
                    () => {
                        f.slots.pop().unwrap_or(Value::None)
                    };
                }
                macro_rules! top {
                    () => {
                        f.slots.last().unwrap_or(&Value::None)
                    };
                }
                match op {
                    Op::Nop => continue 'dispatch,
                    Op::Pop => {
                        f.slots.pop();
                        continue 'dispatch;
                    }
                    Op::Copy(n) => {
                        let v = f.slots[f.slots.len() - n as usize].clone();
                        f.slots.push(v);
                        continue 'dispatch;
                    }
                    Op::Swap(n) => {
                        let len = f.slots.len();
                        f.slots.swap(len - 1, len - n as usize);
                        continue 'dispatch;
                    }
                    Op::LoadConst(i) => {
                        f.slots.push(code.consts[i as usize].clone());
                        continue 'dispatch;
                    }
                    Op::LoadFast(i) => {
                        let v = f.slots[i as usize].clone();
                        if let Value::Unbound = v {
                            break 'op unbound_local(&code, i);
                        }
                        f.slots.push(v);
                        continue 'dispatch;
                    }
                    Op::StoreFast(i) => {
                        let v = pop!();
                        f.slots[i as usize] = v;
                        continue 'dispatch;
                    }
                    Op::DeleteFast(i) => {
                        if let Value::Unbound = f.slots[i as usize] {
                            break 'op unbound_local(&code, i);
                        }
                        f.slots[i as usize] = Value::Unbound;
                        continue 'dispatch;
                    }
                    Op::LoadDeref(i) => {
                        let v = match &f.slots[i as usize] {
                            Value::Cell(c) => c.get(),
                            _ => Value::Unbound,
                        };
                        if let Value::Unbound = v {
                            break 'op unbound_deref(&code, i);
                        }
                        f.slots.push(v);
                        continue 'dispatch;
                    }
                    Op::StoreDeref(i) => {
                        let v = pop!();
                        if let Value::Cell(c) = &f.slots[i as usize] {
                            c.set(v);
                        }
                        continue 'dispatch;
                    }
                    Op::DeleteDeref(i) => {
                        if let Value::Cell(c) = &f.slots[i as usize] {
                            if let Value::Unbound = c.get() {
                                break 'op unbound_deref(&code, i);
                            }
                            c.set(Value::Unbound);
                        }
                        continue 'dispatch;
                    }
                    Op::LoadClosure(i) => {
                        let v = f.slots[i as usize].clone();
                        f.slots.push(v);
                        continue 'dispatch;
                    }
                    Op::LoadClassDeref(i) => {
                        let name = code.varnames[i as usize].clone();
                        if let Value::Dict(ns) = &f.slots[0] {
                            if let Some(v) = ns.get_str(&name) {
                                f.slots.push(v);
                                continue 'dispatch;
                            }
                        }
                        let v = match &f.slots[i as usize] {
                            Value::Cell(c) => c.get(),
                            _ => Value::Unbound,
                        };
                        if let Value::Unbound = v {
                            break 'op unbound_deref(&code, i);
                        }
                        f.slots.push(v);
                        continue 'dispatch;
                    }
                    Op::LoadGlobal(i) => {
                        let name = &code.names[i as usize];
                        let v = match f.globals.get_str(name) {
                            Some(v) => v,
                            None => match self.builtins.get_str(name) {
                                Some(v) => v,
                                None => break 'op name_error(name),
                            },
                        };
                        f.slots.push(v);
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
                            break 'op name_error(name);
                        }
                        continue 'dispatch;
                    }
                    Op::LoadName(i) => {
                        let name = &code.names[i as usize];
                        let ns = namespace(f, &code);
                        let v = match ns.get_str(name) {
                            Some(v) => v,
                            None => match f.globals.get_str(name) {
                                Some(v) => v,
                                None => match self.builtins.get_str(name) {
                                    Some(v) => v,
                                    None => break 'op name_error(name),
                                },
                            },
                        };
                        f.slots.push(v);
                        continue 'dispatch;
                    }
                    Op::StoreName(i) => {
                        let v = pop!();
                        let ns = namespace(f, &code);
                        ns.set_str(code.names[i as usize].clone(), v);
                        continue 'dispatch;
                    }
                    Op::DeleteName(i) => {
                        let name = &code.names[i as usize];
                        let ns = namespace(f, &code);
                        if ns.remove_str(name).is_none() {
                            break 'op name_error(name);
                        }
                        continue 'dispatch;
                    }
                    Op::LoadAttr(i) => {
                        let obj = pop!();
                        let v = tri!(self.getattr(&obj, &code.names[i as usize]));
                        f.slots.push(v);
                        continue 'dispatch;
                    }
                    Op::StoreAttr(i) => {
                        let obj = pop!();
                        let v = pop!();
                        tri!(self.setattr(&obj, &code.names[i as usize], v));
                        continue 'dispatch;
                    }
                    Op::DeleteAttr(i) => {
                        let obj = pop!();
                        tri!(self.delattr(&obj, &code.names[i as usize]));
                        continue 'dispatch;
                    }
                    Op::LoadMethod(i) => {
                        let obj = pop!();
                        let found = self.load_method(&obj, &code.names[i as usize]);
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
                                f.slots.push(func);
                                f.slots.push(obj);
                            }
                            super::attr::Method::Attr(v) => {
                                f.slots.push(Value::Unbound);
                                f.slots.push(v);
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
                                f.slots.push(Value::Int(r));
                                continue 'dispatch;
                            }
                        }
                        let r = if matches!(op, Op::InplaceOp(_)) {
                            tri!(self.inplace_op(a, b, bop))
                        } else {
                            tri!(self.binary_op(&a, &b, bop))
                        };
                        f.slots.push(r);
                        continue 'dispatch;
                    }
                    Op::UnaryNeg => {
                        let a = pop!();
                        let r = tri!(self.unary_neg(&a));
                        f.slots.push(r);
                        continue 'dispatch;
                    }
                    Op::UnaryPos => {
                        let a = pop!();
                        let r = tri!(self.unary_pos(&a));
                        f.slots.push(r);
                        continue 'dispatch;
                    }
                    Op::UnaryInvert => {
                        let a = pop!();
                        let r = tri!(self.unary_invert(&a));
                        f.slots.push(r);
                        continue 'dispatch;
                    }
                    Op::UnaryNot => {
                        let a = pop!();
                        let t = tri!(self.truthy(&a));
                        f.slots.push(Value::Bool(!t));
                        continue 'dispatch;
                    }
                    Op::Compare(cop) => {
                        let b = pop!();
                        let a = pop!();
                        if let (Value::Int(x), Value::Int(y)) = (&a, &b) {
                            let r = match cop {
                                CmpOp::Eq | CmpOp::Is => Some(x == y),
                                CmpOp::NotEq | CmpOp::IsNot => Some(x != y),
                                CmpOp::Lt => Some(x < y),
                                CmpOp::LtE => Some(x <= y),
                                CmpOp::Gt => Some(x > y),
                                CmpOp::GtE => Some(x >= y),
                                _ => None,
                            };
                            if let Some(r) = r {
                                f.slots.push(Value::Bool(r));
                                continue 'dispatch;
                            }
                        }
                        let r = tri!(self.compare_op(&a, &b, cop));
                        f.slots.push(r);
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
                                f.slots.push(v);
                                continue 'dispatch;
                            }
                        }
                        let v = tri!(self.getitem(&obj, &key));
                        f.slots.push(v);
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
                        f.slots
                            .push(Value::Slice(Rc::new(crate::object::range::PySlice {
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
                            ref other => tri!(self.truthy(other)),
                        };
                        if truth == matches!(op, Op::PopJumpIfTrue(_)) {
                            ip = t as usize;
                        }
                        continue 'dispatch;
                    }
                    Op::JumpIfFalseOrPop(t) | Op::JumpIfTrueOrPop(t) => {
                        let truth = tri!(self.truthy(top!()));
                        if truth == matches!(op, Op::JumpIfTrueOrPop(_)) {
                            ip = t as usize;
                        } else {
                            f.slots.pop();
                        }
                        continue 'dispatch;
                    }
                    Op::GetIter => {
                        let v = pop!();
                        let it = tri!(self.iter(&v));
                        f.slots.push(it);
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
                                let g = g.clone();
                                match tri!(self.gen_resume(&g, Resume::Send(Value::None))) {
                                    GenStep::Yielded(v) => Some(v),
                                    GenStep::Returned(_) => None,
                                }
                            }
                            other => {
                                let it = other.clone();
                                tri!(self.next_value(&it))
                            }
                        };
                        match next {
                            Some(v) => f.slots.push(v),
                            None => {
                                f.slots.pop();
                                ip = t as usize;
                            }
                        }
                        continue 'dispatch;
                    }
                    Op::BuildTuple(n) => {
                        let start = f.slots.len() - n as usize;
                        let t = PyTuple::from_iter(f.slots.drain(start..));
                        f.slots.push(Value::Tuple(t));
                        continue 'dispatch;
                    }
                    Op::BuildList(n) => {
                        let start = f.slots.len() - n as usize;
                        let items: Vec<Value> = f.slots.drain(start..).collect();
                        f.slots.push(Value::list(items));
                        continue 'dispatch;
                    }
                    Op::BuildSet(n) => {
                        let start = f.slots.len() - n as usize;
                        let items: Vec<Value> = f.slots.drain(start..).collect();
                        let s = tri!(self.new_set(items));
                        f.slots.push(s);
                        continue 'dispatch;
                    }
                    Op::BuildMap(n) => {
                        let start = f.slots.len() - 2 * n as usize;
                        let items: Vec<Value> = f.slots.drain(start..).collect();
                        let d = Rc::new(crate::object::dict::PyDict::new());
                        let mut it = items.into_iter();
                        while let (Some(k), Some(v)) = (it.next(), it.next()) {
                            tri!(self.dict_set(&d, k, v));
                        }
                        f.slots.push(Value::Dict(d));
                        continue 'dispatch;
                    }
                    Op::BuildString(n) => {
                        let start = f.slots.len() - n as usize;
                        let mut s = String::new();
                        for v in f.slots.drain(start..) {
                            if let Value::Str(p) = v {
                                s.push_str(p.as_str());
                            }
                        }
                        f.slots.push(Value::from_string(s));
                        continue 'dispatch;
                    }
                    Op::ListAppend(n) => {
                        let v = pop!();
                        if let Value::List(l) = &f.slots[f.slots.len() - n as usize] {
                            l.push(v);
                        }
                        continue 'dispatch;
                    }
                    Op::SetAdd(n) => {
                        let v = pop!();
                        let target = f.slots[f.slots.len() - n as usize].clone();
                        tri!(self.set_add(&target, v));
                        continue 'dispatch;
                    }
                    Op::MapAdd(n) => {
                        let v = pop!();
                        let k = pop!();
                        if let Value::Dict(d) = &f.slots[f.slots.len() - n as usize] {
                            let d = d.clone();
                            tri!(self.dict_set(&d, k, v));
                        }
                        continue 'dispatch;
                    }
                    Op::ListExtend(n) => {
                        let iterable = pop!();
                        let items = tri!(self.collect(&iterable));
                        if let Value::List(l) = &f.slots[f.slots.len() - n as usize] {
                            l.borrow_mut().extend(items);
                        }
                        continue 'dispatch;
                    }
                    Op::SetUpdate(n) => {
                        let iterable = pop!();
                        let items = tri!(self.collect(&iterable));
                        let target = f.slots[f.slots.len() - n as usize].clone();
                        for item in items {
                            tri!(self.set_add(&target, item));
                        }
                        continue 'dispatch;
                    }
                    Op::DictUpdate(n) | Op::DictMerge(n) => {
                        let mapping = pop!();
                        let len = f.slots.len();
                        let Value::Dict(d) = f.slots[len - n as usize].clone() else {
                            continue 'dispatch;
                        };
                        if matches!(op, Op::DictMerge(_)) {
                            let callable = f.slots[len - n as usize - 2].clone();
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
                            f.slots.push(Value::tuple(items));
                        }
                        continue 'dispatch;
                    }
                    Op::UnpackSequence(n) => {
                        let seq = pop!();
                        tri!(self.unpack_sequence(&seq, n as usize, &mut f.slots));
                        continue 'dispatch;
                    }
                    Op::UnpackEx(arg) => {
                        let seq = pop!();
                        let before = (arg & 0xffff) as usize;
                        let after = (arg >> 16) as usize;
                        tri!(self.unpack_ex(&seq, before, after, &mut f.slots));
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
                        f.slots.push(Value::Str(s));
                        continue 'dispatch;
                    }
                    Op::MakeFunction(fl) => {
                        let code_value = pop!();
                        let closure = if fl & 8 != 0 { Some(pop!()) } else { None };
                        let kwdefaults = if fl & 2 != 0 { Some(pop!()) } else { None };
                        let defaults = if fl & 1 != 0 { Some(pop!()) } else { None };
                        let func =
                            tri!(make_function(f, code_value, defaults, kwdefaults, closure));
                        f.slots.push(func);
                        continue 'dispatch;
                    }
                    Op::Call(n) => {
                        tri!(self.poll());
                        let base = f.slots.len() - n as usize - 1;
                        let r = tri!(self.call_on_stack(&mut f.slots, base, n as usize, None));
                        f.slots.push(r);
                        continue 'dispatch;
                    }
                    Op::CallMethod(n) => {
                        tri!(self.poll());
                        let base = f.slots.len() - n as usize - 2;
                        let r = if let Value::Unbound = f.slots[base] {
                            let r =
                                tri!(self.call_on_stack(&mut f.slots, base + 1, n as usize, None));
                            f.slots.pop();
                            r
                        } else {
                            tri!(self.call_on_stack(&mut f.slots, base, n as usize + 1, None))
                        };
                        f.slots.push(r);
                        continue 'dispatch;
                    }
                    Op::CallKw(n) => {
                        tri!(self.poll());
                        let names = pop!();
                        let Value::Tuple(names) = names else {
                            break 'op PyErr::system_error("bad keyword names");
                        };
                        let base = f.slots.len() - n as usize - 1;
                        let r =
                            tri!(self.call_on_stack(&mut f.slots, base, n as usize, Some(&names)));
                        f.slots.push(r);
                        continue 'dispatch;
                    }
                    Op::CallEx(k) => {
                        tri!(self.poll());
                        let kwargs = if k != 0 { Some(pop!()) } else { None };
                        let args = pop!();
                        let callable = pop!();
                        let r = tri!(self.call_ex(&callable, &args, kwargs.as_ref()));
                        f.slots.push(r);
                        continue 'dispatch;
                    }
                    Op::Return => {
                        let v = pop!();
                        f.ip = ip as u32;
                        return Ok(FrameExit::Return(v));
                    }
                    Op::Yield => {
                        let v = pop!();
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
                                f.ip = op_ip as u32;
                                return Ok(FrameExit::Yield(y));
                            }
                            GenStep::Returned(r) => {
                                f.slots.pop();
                                f.slots.push(r);
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
                                    break 'op PyErr::type_error(
                                        "cannot 'yield from' a coroutine object in a non-coroutine generator",
                                    );
                                }
                                v.clone()
                            }
                            _ => tri!(self.iter(&v)),
                        };
                        f.slots.push(it);
                        continue 'dispatch;
                    }
                    Op::GetAwaitable => {
                        let v = pop!();
                        let it = tri!(self.get_awaitable(&v));
                        f.slots.push(it);
                        continue 'dispatch;
                    }
                    Op::Raise(n) => match n {
                        0 => match self.handled_exception() {
                            Some(Value::Exception(e)) => {
                                pending = Some((PyErr(e), op_ip, false));
                                continue 'dispatch;
                            }
                            _ => break 'op PyErr::runtime_error("No active exception to reraise"),
                        },
                        1 => {
                            let exc = pop!();
                            let err = tri!(self.make_exception(&exc));
                            self.chain_context(&err);
                            break 'op err;
                        }
                        _ => {
                            let cause = pop!();
                            let exc = pop!();
                            let err = tri!(self.make_exception(&exc));
                            tri!(self.set_cause(&err, &cause));
                            self.chain_context(&err);
                            break 'op err;
                        }
                    },
                    Op::Reraise => {
                        let v = pop!();
                        match v {
                            Value::Exception(e) => {
                                pending = Some((PyErr(e), op_ip, false));
                                continue 'dispatch;
                            }
                            _ => break 'op PyErr::system_error("reraise of a non-exception"),
                        }
                    }
                    Op::PushExcInfo => {
                        let exc = pop!();
                        let prev = match self.exc_stack.last_mut() {
                            Some(slot) => std::mem::replace(slot, exc.clone()),
                            None => Value::None,
                        };
                        f.slots.push(prev);
                        f.slots.push(exc);
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
                        f.slots.push(Value::Bool(m));
                        continue 'dispatch;
                    }
                    Op::BeforeWith => {
                        let mgr = pop!();
                        let (exit, entered) = tri!(self.enter_context(&mgr));
                        f.slots.push(exit);
                        f.slots.push(entered);
                        continue 'dispatch;
                    }
                    Op::BeforeAsyncWith => {
                        break 'op PyErr::not_implemented("'async with' is not supported by Coro")
                    }
                    Op::WithExceptStart => {
                        let len = f.slots.len();
                        let exit = f.slots[len - 3].clone();
                        let exc = f.slots[len - 1].clone();
                        let r = tri!(self.call_exit_with(&exit, &exc));
                        f.slots.push(r);
                        continue 'dispatch;
                    }
                    Op::ImportName(i) => {
                        let fromlist = pop!();
                        let _level = pop!();
                        let m = tri!(self.import(&code.names[i as usize], !fromlist.is_none()));
                        f.slots.push(m);
                        continue 'dispatch;
                    }
                    Op::ImportFrom(i) => {
                        let m = top!().clone();
                        let v = tri!(self.import_from(&m, &code.names[i as usize]));
                        f.slots.push(v);
                        continue 'dispatch;
                    }
                    Op::ImportStar => {
                        let m = pop!();
                        let ns = namespace(f, &code);
                        tri!(self.import_star(&m, &ns));
                        continue 'dispatch;
                    }
                    Op::LoadBuildClass => {
                        let v = match self.builtin("__build_class__") {
                            Some(v) => v,
                            None => break 'op PyErr::name_error("__build_class__ not found"),
                        };
                        f.slots.push(v);
                        continue 'dispatch;
                    }
                    Op::LoadAssertionError => {
                        let t = crate::object::types::types();
                        f.slots.push(Value::Class(t.assertion_error.clone()));
                        continue 'dispatch;
                    }
                    Op::SetupAnnotations => {
                        let ns = namespace(f, &code);
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
            pending = Some((err, op_ip, true));
        }
    }

    /// Calls the callable at `slots[base]` with the `n` values above it (the last
    /// `kwnames.len()` of them keyword arguments), removing all of them from the stack.
    fn call_on_stack(
        &mut self,
        slots: &mut Vec<Value>,
        base: usize,
        n: usize,
        kwnames: Option<&Rc<PyTuple>>,
    ) -> PyResult<Value> {
        if let (Value::Function(func), None) = (&slots[base], kwnames) {
            let func = func.clone();
            let frame = self.frame_for_call(&func, slots.drain(base + 1..), None)?;
            slots.pop();
            return self.run_function(&func, frame);
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
            let (head, rest) = slots.split_at(base + 1);
            let callable = &head[base];
            let (pos, kwvalues) = rest.split_at(npos);
            let kw = if names.is_empty() {
                None
            } else {
                Some(KwArgs {
                    names: &names,
                    values: kwvalues,
                })
            };
            self.call_kw(callable, pos, kw)
        };
        slots.truncate(base);
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
fn namespace(f: &Frame, code: &Code) -> Rc<crate::object::dict::PyDict> {
    if code.flags & flags::CLASS_BODY != 0 {
        if let Some(Value::Dict(d)) = f.slots.first() {
            return d.clone();
        }
    }
    f.globals.clone()
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
