//! Iteration: `iter(obj)`, advancing any iterator, and collecting an iterable into a vector.
//!
//! Builtin containers get `NativeIter` states; generators are their own iterators; instances
//! use `__iter__`/`__next__`, or the old `__getitem__` protocol. `next_value` returns `None` at
//! the end instead of raising `StopIteration`, so loops never allocate an exception.

use std::rc::Rc;

use crate::error::{PyErr, PyResult};
use crate::object::iter::{DictPart, IterState, NativeIter};
use crate::object::native::Native;
use crate::object::str::PyStr;
use crate::object::value::Value;

use super::generator::{GenKind, GenStep, Resume};
use super::Vm;

impl Vm {
    /// `iter(obj)`.
    pub fn iter(&mut self, obj: &Value) -> PyResult<Value> {
        let state = match obj {
            Value::List(_) | Value::Tuple(_) => IterState::Seq {
                seq: obj.clone(),
                index: 0,
            },
            Value::Str(s) => IterState::Str {
                s: s.clone(),
                byte: 0,
            },
            Value::Bytes(_) => IterState::Bytes {
                data: obj.clone(),
                index: 0,
            },
            Value::Range(r) => IterState::Range {
                next: r.start,
                step: r.step,
                remaining: r.len(),
            },
            Value::Dict(d) => IterState::Dict {
                dict: d.clone(),
                part: DictPart::Keys,
                slot: 0,
                len: d.len(),
                left: d.len(),
            },
            Value::Set(s) | Value::FrozenSet(s) => IterState::Set {
                set: s.clone(),
                pos: 0,
                len: s.len(),
            },
            Value::Generator(g) => {
                if g.kind == GenKind::Coroutine {
                    return Err(PyErr::type_error("'coroutine' object is not iterable"));
                }
                return Ok(obj.clone());
            }
            Value::Iter(_) => return Ok(obj.clone()),
            Value::Native(n) => match &**n {
                Native::DictView { part, dict } => IterState::Dict {
                    dict: dict.clone(),
                    part: *part,
                    slot: 0,
                    len: dict.len(),
                    left: dict.len(),
                },
                Native::Deque { items, .. } => IterState::Seq {
                    seq: Value::tuple(items.borrow().iter().cloned().collect()),
                    index: 0,
                },
                _ => return Err(not_iterable(obj)),
            },
            Value::Instance(_) | Value::Exception(_) | Value::Class(_)
                if !matches!(obj, Value::Class(_)) =>
            {
                if let Some(m) = self.lookup_special(obj, "__iter__") {
                    let it = self.call(&m, &[])?;
                    if !self.is_iterator(&it) {
                        return Err(PyErr::type_error(format!(
                            "iter() returned non-iterator of type '{}'",
                            it.type_name()
                        )));
                    }
                    return Ok(it);
                }
                if self.lookup_special(obj, "__getitem__").is_some() {
                    IterState::GetItem {
                        obj: obj.clone(),
                        index: 0,
                    }
                } else {
                    return Err(not_iterable(obj));
                }
            }
            _ => return Err(not_iterable(obj)),
        };
        Ok(Value::Iter(NativeIter::new(state)))
    }

    /// Whether a value can be passed to `next()`.
    pub fn is_iterator(&mut self, v: &Value) -> bool {
        match v {
            Value::Iter(_) => true,
            Value::Generator(g) => g.kind == GenKind::Generator,
            Value::Instance(_) => self.lookup_special(v, "__next__").is_some(),
            _ => false,
        }
    }

    /// Advances an iterator: `Some(item)`, or `None` when it is exhausted.
    pub fn next_value(&mut self, it: &Value) -> PyResult<Option<Value>> {
        // Builtins drain iterators in Rust loops (`sum(range(10**20))`, `list(g)` over a
        // generator delegating to an endless `__next__`), which have no back edge to poll on:
        // every step polls, so an interrupt still stops them.
        self.poll()?;
        match it {
            Value::Iter(native) => self.next_native(native),
            Value::Generator(g) => match self.gen_resume(g, Resume::Send(Value::None))? {
                GenStep::Yielded(v) => Ok(Some(v)),
                GenStep::Returned(v) => {
                    self.stop_value = v;
                    Ok(None)
                }
            },
            _ => {
                let Some(m) = self.lookup_special(it, "__next__") else {
                    return Err(PyErr::type_error(format!(
                        "'{}' object is not an iterator",
                        it.type_name()
                    )));
                };
                match self.call(&m, &[]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if e.matches(|t| &t.stop_iteration) => {
                        self.stop_value = e.0.get_attr("value").unwrap_or(Value::None);
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
        }
    }

    /// The value carried by the `StopIteration` that ended the last exhausted iterator.
    pub fn take_stop_value(&mut self) -> Value {
        std::mem::replace(&mut self.stop_value, Value::None)
    }

    fn next_native(&mut self, it: &Rc<NativeIter>) -> PyResult<Option<Value>> {
        let mut state = it.state.borrow_mut();
        let r = match &mut *state {
            IterState::Seq { seq, index } => {
                let v = match seq {
                    Value::List(l) => l.get(*index),
                    Value::Tuple(t) => t.items().get(*index).cloned(),
                    _ => None,
                };
                if v.is_some() {
                    *index += 1;
                }
                v
            }
            IterState::Reversed { seq, next } => {
                if *next == 0 {
                    None
                } else {
                    *next -= 1;
                    match seq {
                        Value::List(l) => {
                            if *next >= l.len() {
                                *next = 0;
                                None
                            } else {
                                l.get(*next)
                            }
                        }
                        Value::Tuple(t) => t.items().get(*next).cloned(),
                        _ => None,
                    }
                }
            }
            IterState::Str { s, byte } => match s[*byte..].chars().next() {
                Some(c) => {
                    *byte += c.len_utf8();
                    Some(Value::Str(PyStr::from_char(c)))
                }
                None => None,
            },
            IterState::Bytes { data, index } => match data {
                Value::Bytes(b) => {
                    let v = b.data.get(*index).map(|&x| Value::Int(x as i64));
                    *index += 1;
                    v
                }
                _ => None,
            },
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
            IterState::Dict {
                dict,
                part,
                slot,
                len,
                left,
            } => {
                if dict.len() != *len {
                    *len = usize::MAX;
                    return Err(PyErr::runtime_error(
                        "dictionary changed size during iteration",
                    ));
                }
                let table = dict.borrow();
                let mut found = None;
                while *slot < table.slots() {
                    let s = *slot;
                    *slot += 1;
                    if let Some(e) = table.entry_at(s) {
                        if *left == 0 {
                            // An entry was found but none was expected.
                            drop(table);
                            *state = IterState::Exhausted;
                            return Err(PyErr::runtime_error(
                                "dictionary keys changed during iteration",
                            ));
                        }
                        *left -= 1;
                        found = Some(match part {
                            DictPart::Keys => e.key.clone(),
                            DictPart::Values => e.value.clone(),
                            DictPart::Items => Value::tuple(vec![e.key.clone(), e.value.clone()]),
                        });
                        break;
                    }
                }
                found
            }
            IterState::Set { set, pos, len } => {
                if set.len() != *len {
                    *len = usize::MAX;
                    return Err(PyErr::runtime_error("Set changed size during iteration"));
                }
                let next = set.borrow().next_at(*pos);
                match next {
                    Some((at, key)) => {
                        *pos = at + 1;
                        Some(key)
                    }
                    None => None,
                }
            }
            IterState::Exhausted => None,
            _ => {
                // The remaining kinds run Python code; release the borrow first.
                drop(state);
                return self.next_composite(it);
            }
        };
        if r.is_none() {
            *state = IterState::Exhausted;
        }
        Ok(r)
    }

    /// Advances the iterators that wrap other iterables (`enumerate`, `zip`, `map` ...).
    fn next_composite(&mut self, it: &Rc<NativeIter>) -> PyResult<Option<Value>> {
        let state = std::mem::replace(&mut *it.state.borrow_mut(), IterState::Exhausted);
        let (result, state) = match state {
            IterState::Enumerate { inner, count } => match self.next_value(&inner)? {
                Some(v) => {
                    let next =
                        self.binary_op(&count, &Value::Int(1), crate::syntax::ast::BinOp::Add)?;
                    (
                        Some(Value::tuple(vec![count, v])),
                        IterState::Enumerate { inner, count: next },
                    )
                }
                None => (None, IterState::Exhausted),
            },
            IterState::Zip { inners, strict } => {
                let mut items = Vec::with_capacity(inners.len());
                let mut ended_at = None;
                for (i, inner) in inners.iter().enumerate() {
                    match self.next_value(inner)? {
                        Some(v) => items.push(v),
                        None => {
                            ended_at = Some(i);
                            break;
                        }
                    }
                }
                match ended_at {
                    None if !inners.is_empty() => {
                        (Some(Value::tuple(items)), IterState::Zip { inners, strict })
                    }
                    None => (None, IterState::Exhausted),
                    Some(i) => {
                        if strict {
                            if i > 0 {
                                let plural = if i == 1 { "" } else { "s" };
                                let range = if i == 1 {
                                    "1".to_string()
                                } else {
                                    format!("1-{i}")
                                };
                                return Err(PyErr::value_error(format!(
                                    "zip() argument {} is shorter than argument{plural} {range}",
                                    i + 1
                                )));
                            }
                            for (j, inner) in inners.iter().enumerate().skip(1) {
                                if self.next_value(inner)?.is_some() {
                                    let plural = if j == 1 { "" } else { "s" };
                                    let range = if j == 1 {
                                        "1".to_string()
                                    } else {
                                        format!("1-{j}")
                                    };
                                    return Err(PyErr::value_error(format!(
                                        "zip() argument {} is longer than argument{plural} {range}",
                                        j + 1
                                    )));
                                }
                            }
                        }
                        (None, IterState::Exhausted)
                    }
                }
            }
            IterState::Map { func, inners } => {
                let mut args = Vec::with_capacity(inners.len());
                let mut done = false;
                for inner in &inners {
                    match self.next_value(inner)? {
                        Some(v) => args.push(v),
                        None => {
                            done = true;
                            break;
                        }
                    }
                }
                if done {
                    (None, IterState::Exhausted)
                } else {
                    let r = self.call(&func, &args)?;
                    (Some(r), IterState::Map { func, inners })
                }
            }
            IterState::Filter { func, inner } => {
                let mut found = None;
                while let Some(v) = self.next_value(&inner)? {
                    let keep = if func.is_none() {
                        self.truthy(&v)?
                    } else {
                        let r = self.call(&func, std::slice::from_ref(&v))?;
                        self.truthy(&r)?
                    };
                    if keep {
                        found = Some(v);
                        break;
                    }
                }
                match found {
                    Some(v) => (Some(v), IterState::Filter { func, inner }),
                    None => (None, IterState::Exhausted),
                }
            }
            IterState::Callable { func, sentinel } => {
                let v = self.call(&func, &[])?;
                if self.eq(&v, &sentinel)? {
                    (None, IterState::Exhausted)
                } else {
                    (Some(v), IterState::Callable { func, sentinel })
                }
            }
            IterState::GetItem { obj, index } => match self.getitem(&obj, &Value::Int(index)) {
                Ok(v) => (
                    Some(v),
                    IterState::GetItem {
                        obj,
                        index: index + 1,
                    },
                ),
                Err(e) if e.matches(|t| &t.index_error) || e.matches(|t| &t.stop_iteration) => {
                    (None, IterState::Exhausted)
                }
                Err(e) => return Err(e),
            },
            other => (None, other),
        };
        *it.state.borrow_mut() = state;
        Ok(result)
    }

    /// All items of an iterable, in order.
    pub fn collect(&mut self, iterable: &Value) -> PyResult<Vec<Value>> {
        match iterable {
            Value::List(l) => return Ok(l.snapshot()),
            Value::Tuple(t) => return Ok(t.items().to_vec()),
            _ => {}
        }
        let it = self.iter(iterable)?;
        let mut out = Vec::new();
        reserve_items(&mut out, length_hint(&it))?;
        while let Some(v) = self.next_value(&it)? {
            push_item(&mut out, v)?;
        }
        Ok(out)
    }
}

/// How many items a native iterator is sure to give, when that may be large: the length hint
/// CPython's `list_extend` and `PySequence_Tuple` allocate for before iterating, so that
/// `list(range(10**12))` fails at once with `MemoryError`.
pub fn length_hint(it: &Value) -> usize {
    if let Value::Iter(native) = it {
        if let IterState::Range { remaining, .. } = &*native.state.borrow() {
            return *remaining;
        }
    }
    0
}

/// Appends an item, growing the vector as `push` would, but with `MemoryError` rather than an
/// abort when the allocation fails.
#[inline]
pub fn push_item(out: &mut Vec<Value>, v: Value) -> PyResult<()> {
    if out.len() == out.capacity() {
        let more = out.len().max(8);
        reserve_items(out, more)?;
    }
    out.push(v);
    Ok(())
}

/// The most items a collected vector may hold: beyond it CPython could not allocate the list
/// either, and a failed allocation must not abort the process.
const MAX_ITEMS: usize = 1 << 28;

/// Makes room for `more` items, or fails with `MemoryError` as CPython's allocation would.
pub fn reserve_items(out: &mut Vec<Value>, more: usize) -> PyResult<()> {
    if out.len().saturating_add(more) > MAX_ITEMS || out.try_reserve_exact(more).is_err() {
        return Err(PyErr::memory_error());
    }
    Ok(())
}

pub fn not_iterable(obj: &Value) -> PyErr {
    PyErr::type_error(format!("'{}' object is not iterable", obj.type_name()))
}
