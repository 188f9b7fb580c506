//! Subscripts, membership and unpacking: `obj[key]`, `obj[key] = v`, `del obj[key]`,
//! `x in obj`, `a, *b = seq`.

use std::rc::Rc;

use crate::error::{PyErr, PyResult};
use crate::object::native::Native;
use crate::object::range::{PyRange, PySlice, SliceIndices};
use crate::object::str::PyStr;
use crate::object::value::Value;

use super::Vm;

/// A subscript resolved against a sequence length.
enum Index {
    At(usize),
    Slice(SliceIndices),
}

impl Vm {
    /// Resolves `key` for a sequence of `len` items; `kind` names the sequence in errors.
    fn seq_index(&mut self, key: &Value, len: usize, kind: &str) -> PyResult<Index> {
        match key {
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                let i = match key {
                    Value::Int(i) => *i,
                    Value::Bool(b) => *b as i64,
                    _ => {
                        return Err(PyErr::index_error(
                            "cannot fit 'int' into an index-sized integer",
                        ))
                    }
                };
                let n = len as i64;
                let idx = if i < 0 { i + n } else { i };
                if idx < 0 || idx >= n {
                    return Err(PyErr::index_error(format!("{kind} index out of range")));
                }
                Ok(Index::At(idx as usize))
            }
            Value::Slice(s) => Ok(Index::Slice(self.slice_indices(s, len)?)),
            Value::Instance(_) if self.lookup_special(key, "__index__").is_some() => {
                let i = self.index(key)?;
                self.seq_index(&i, len, kind)
            }
            other => Err(PyErr::type_error(match kind {
                "string" => format!(
                    "string indices must be integers, not '{}'",
                    other.type_name()
                ),
                _ => format!(
                    "{kind} indices must be integers or slices, not {}",
                    other.type_name()
                ),
            })),
        }
    }

    /// `slice.indices(len)`.
    pub fn slice_indices(&mut self, s: &PySlice, len: usize) -> PyResult<SliceIndices> {
        let step = match &s.step {
            Value::None => 1,
            v => self.slice_bound(v)?,
        };
        if step == 0 {
            return Err(PyErr::value_error("slice step cannot be zero"));
        }
        let start = match &s.start {
            Value::None => None,
            v => Some(self.slice_bound(v)?),
        };
        let stop = match &s.stop {
            Value::None => None,
            v => Some(self.slice_bound(v)?),
        };
        Ok(SliceIndices::resolve(start, stop, step, len))
    }

    fn slice_bound(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::BigInt(b) => Ok(if num_traits::Signed::is_negative(&**b) {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            }),
            Value::Instance(_) => self.index_i64(v),
            _ => Err(PyErr::type_error(
                "slice indices must be integers or None or have an __index__ method",
            )),
        }
    }

    pub fn getitem(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        match obj {
            Value::List(l) => {
                let len = l.len();
                match self.seq_index(key, len, "list")? {
                    Index::At(i) => Ok(l.get(i).unwrap_or(Value::None)),
                    Index::Slice(s) => {
                        let items = l.borrow();
                        Ok(Value::list(
                            s.positions()
                                .filter_map(|p| items.get(p).cloned())
                                .collect(),
                        ))
                    }
                }
            }
            Value::Tuple(t) => match self.seq_index(key, t.len(), "tuple")? {
                Index::At(i) => Ok(t.items()[i].clone()),
                Index::Slice(s) => {
                    if s.step == 1 && s.len == t.len() {
                        return Ok(obj.clone());
                    }
                    Ok(Value::tuple(
                        s.positions().map(|p| t.items()[p].clone()).collect(),
                    ))
                }
            },
            Value::Str(st) => match self.seq_index(key, st.char_len(), "string")? {
                Index::At(i) => Ok(Value::Str(st.char_str_at(i))),
                Index::Slice(s) => {
                    if s.step == 1 {
                        let end = (s.start as usize + s.len).min(st.char_len());
                        return Ok(Value::Str(st.substring(
                            s.start.max(0) as usize,
                            end.max(s.start.max(0) as usize),
                        )));
                    }
                    let chars: Vec<char> = st.chars().collect();
                    Ok(Value::from_string(
                        s.positions().map(|p| chars[p]).collect(),
                    ))
                }
            },
            Value::Bytes(b) => match self.seq_index(key, b.data.len(), "index")? {
                Index::At(i) => Ok(Value::Int(b.data[i] as i64)),
                Index::Slice(s) => Ok(Value::Bytes(Rc::new(crate::object::bytes::PyBytes::new(
                    s.positions().map(|p| b.data[p]).collect(),
                )))),
            },
            Value::Range(r) => match self.seq_index(key, r.len(), "range object")? {
                Index::At(i) => Ok(Value::Int(r.get(i))),
                Index::Slice(s) => Ok(Value::Range(Rc::new(PyRange {
                    start: r.start + s.start * r.step,
                    stop: r.start + (s.start + s.len as i64 * s.step) * r.step,
                    step: r.step * s.step,
                }))),
            },
            Value::Dict(d) => match self.dict_get(d, key)? {
                Some(v) => Ok(v),
                None => Err(PyErr::key_error(key.clone())),
            },
            Value::Native(n) => match &**n {
                Native::Deque { items, .. } => {
                    let len = items.borrow().len();
                    match key {
                        Value::Slice(_) => Err(PyErr::type_error(
                            "sequence index must be integer, not 'slice'",
                        )),
                        _ => match self.seq_index(key, len, "deque")? {
                            Index::At(i) => Ok(items.borrow()[i].clone()),
                            Index::Slice(_) => Err(PyErr::type_error(
                                "sequence index must be integer, not 'slice'",
                            )),
                        },
                    }
                }
                _ => Err(not_subscriptable(obj)),
            },
            Value::Instance(_) | Value::Exception(_) => {
                match self.lookup_special(obj, "__getitem__") {
                    Some(m) => self.call(&m, std::slice::from_ref(key)),
                    None => Err(not_subscriptable(obj)),
                }
            }
            Value::Class(c) => match c.lookup_str("__class_getitem__") {
                Some(m) => {
                    let m = match &m {
                        Value::Function(_) => m,
                        Value::Native(n) => match &**n {
                            Native::ClassMethod(f) => {
                                return self.call(f, &[obj.clone(), key.clone()]);
                            }
                            _ => m.clone(),
                        },
                        _ => m.clone(),
                    };
                    self.call(&m, &[obj.clone(), key.clone()])
                }
                None => {
                    if c.layout == crate::object::class::Layout::Builtin {
                        return Ok(Value::from_string(format!(
                            "{}[{}]",
                            c.name.as_str(),
                            self.repr(key)?.as_str()
                        )));
                    }
                    Err(PyErr::type_error(format!(
                        "type '{}' is not subscriptable",
                        c.name.as_str()
                    )))
                }
            },
            _ => Err(not_subscriptable(obj)),
        }
    }

    pub fn setitem(&mut self, obj: &Value, key: Value, value: Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                let len = l.len();
                match self.seq_index(&key, len, "list").map_err(|e| {
                    if e.message().ends_with("index out of range") {
                        PyErr::index_error("list assignment index out of range")
                    } else {
                        e
                    }
                })? {
                    Index::At(i) => {
                        let old = std::mem::replace(&mut l.borrow_mut()[i], value);
                        drop(old);
                        Ok(())
                    }
                    Index::Slice(s) => {
                        let new_items = self.collect(&value).map_err(|e| {
                            if e.matches(|t| &t.type_error) {
                                PyErr::type_error("can only assign an iterable")
                            } else {
                                e
                            }
                        })?;
                        let mut items = l.borrow_mut();
                        if s.step == 1 {
                            let start = s.start.max(0) as usize;
                            let end = (start + s.len).min(items.len());
                            let removed: Vec<Value> = items.splice(start..end, new_items).collect();
                            drop(items);
                            drop(removed);
                            Ok(())
                        } else {
                            if new_items.len() != s.len {
                                return Err(PyErr::value_error(format!(
                                    "attempt to assign sequence of size {} to extended slice of size {}",
                                    new_items.len(),
                                    s.len
                                )));
                            }
                            for (p, v) in s.positions().zip(new_items) {
                                items[p] = v;
                            }
                            Ok(())
                        }
                    }
                }
            }
            Value::Dict(d) => {
                let d = d.clone();
                self.dict_set(&d, key, value)
            }
            Value::Native(n) => match &**n {
                Native::Deque { items, .. } => {
                    let len = items.borrow().len();
                    match self.seq_index(&key, len, "deque")? {
                        Index::At(i) => {
                            items.borrow_mut()[i] = value;
                            Ok(())
                        }
                        Index::Slice(_) => Err(PyErr::type_error(
                            "sequence index must be integer, not 'slice'",
                        )),
                    }
                }
                _ => Err(no_item_assignment(obj)),
            },
            Value::Instance(_) | Value::Exception(_) => {
                match self.lookup_special(obj, "__setitem__") {
                    Some(m) => self.call(&m, &[key, value]).map(|_| ()),
                    None => Err(no_item_assignment(obj)),
                }
            }
            _ => Err(no_item_assignment(obj)),
        }
    }

    pub fn delitem(&mut self, obj: &Value, key: &Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                let len = l.len();
                match self.seq_index(key, len, "list").map_err(|e| {
                    if e.message().ends_with("index out of range") {
                        PyErr::index_error("list assignment index out of range")
                    } else {
                        e
                    }
                })? {
                    Index::At(i) => {
                        let old = l.borrow_mut().remove(i);
                        drop(old);
                        Ok(())
                    }
                    Index::Slice(s) => {
                        let doomed: Vec<usize> = s.positions().collect();
                        let mut items = l.borrow_mut();
                        let mut keep = Vec::with_capacity(items.len());
                        let mut removed = Vec::new();
                        for (i, v) in items.drain(..).enumerate() {
                            if doomed.contains(&i) {
                                removed.push(v);
                            } else {
                                keep.push(v);
                            }
                        }
                        *items = keep;
                        drop(items);
                        drop(removed);
                        Ok(())
                    }
                }
            }
            Value::Dict(d) => {
                let d = d.clone();
                match self.dict_remove(&d, key)? {
                    Some(_) => Ok(()),
                    None => Err(PyErr::key_error(key.clone())),
                }
            }
            Value::Native(n) => match &**n {
                Native::Deque { items, .. } => {
                    let len = items.borrow().len();
                    match self.seq_index(key, len, "deque")? {
                        Index::At(i) => {
                            let old = items.borrow_mut().remove(i);
                            drop(old);
                            Ok(())
                        }
                        Index::Slice(_) => Err(PyErr::type_error(
                            "sequence index must be integer, not 'slice'",
                        )),
                    }
                }
                _ => Err(no_item_deletion(obj)),
            },
            Value::Instance(_) | Value::Exception(_) => {
                match self.lookup_special(obj, "__delitem__") {
                    Some(m) => self.call(&m, std::slice::from_ref(key)).map(|_| ()),
                    None => Err(no_item_deletion(obj)),
                }
            }
            _ => Err(no_item_deletion(obj)),
        }
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.contains_str(sub)),
                other => Err(PyErr::type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    other.type_name()
                ))),
            },
            Value::List(l) => {
                let items = l.snapshot();
                self.any_equal(&items, item)
            }
            Value::Tuple(t) => {
                let t = t.clone();
                self.any_equal(t.items(), item)
            }
            Value::Dict(d) => Ok(self.dict_get(d, item)?.is_some()),
            Value::Set(_) | Value::FrozenSet(_) => self.set_contains(container, item),
            Value::Range(r) => match item {
                Value::Int(i) => Ok(r.contains(*i)),
                Value::Bool(b) => Ok(r.contains(*b as i64)),
                _ => {
                    let items: Vec<Value> = (0..r.len()).map(|i| Value::Int(r.get(i))).collect();
                    self.any_equal(&items, item)
                }
            },
            Value::Bytes(b) => match item {
                Value::Int(i) => Ok((0..256).contains(i) && b.data.contains(&(*i as u8))),
                Value::Bytes(sub) => Ok(sub.data.is_empty()
                    || b.data.windows(sub.data.len()).any(|w| w == &sub.data[..])),
                other => Err(PyErr::type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    other.type_name()
                ))),
            },
            Value::Native(n) => match &**n {
                Native::Deque { items, .. } => {
                    let items: Vec<Value> = items.borrow().iter().cloned().collect();
                    self.any_equal(&items, item)
                }
                Native::DictView { part, dict } => match part {
                    crate::object::iter::DictPart::Keys => Ok(self.dict_get(dict, item)?.is_some()),
                    crate::object::iter::DictPart::Values => {
                        let values = dict.borrow().values();
                        self.any_equal(&values, item)
                    }
                    crate::object::iter::DictPart::Items => match item {
                        Value::Tuple(t) if t.len() == 2 => {
                            match self.dict_get(dict, &t.items()[0])? {
                                Some(v) => self.eq(&v, &t.items()[1]),
                                None => Ok(false),
                            }
                        }
                        _ => Ok(false),
                    },
                },
                _ => self.contains_by_iteration(container, item),
            },
            Value::Instance(_) | Value::Exception(_) => {
                match self.lookup_special(container, "__contains__") {
                    Some(m) => {
                        let r = self.call(&m, std::slice::from_ref(item))?;
                        self.truthy(&r)
                    }
                    None => self.contains_by_iteration(container, item),
                }
            }
            _ => self.contains_by_iteration(container, item),
        }
    }

    fn contains_by_iteration(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        let it = self.iter(container).map_err(|e| {
            if e.matches(|t| &t.type_error) {
                PyErr::type_error(format!(
                    "argument of type '{}' is not iterable",
                    container.type_name()
                ))
            } else {
                e
            }
        })?;
        while let Some(v) = self.next_value(&it)? {
            if self.eq(&v, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    fn any_equal(&mut self, items: &[Value], item: &Value) -> PyResult<bool> {
        for v in items {
            if self.eq(v, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `a, b, c = seq`: exactly `n` items, in order.
    pub fn unpack_sequence(&mut self, seq: &Value, n: usize) -> PyResult<Vec<Value>> {
        let items: Vec<Value> = match seq {
            Value::Tuple(t) => t.items().to_vec(),
            Value::List(l) => l.snapshot(),
            _ => {
                let it = self.iter(seq).map_err(|e| unpack_error(e, seq))?;
                let mut items = Vec::with_capacity(n);
                while let Some(v) = self.next_value(&it)? {
                    items.push(v);
                    if items.len() > n {
                        return Err(PyErr::value_error(format!(
                            "too many values to unpack (expected {n})"
                        )));
                    }
                }
                items
            }
        };
        if items.len() > n {
            return Err(PyErr::value_error(format!(
                "too many values to unpack (expected {n})"
            )));
        }
        if items.len() < n {
            return Err(PyErr::value_error(format!(
                "not enough values to unpack (expected {n}, got {})",
                items.len()
            )));
        }
        Ok(items)
    }

    /// `a, *b, c = seq`.
    pub fn unpack_ex(&mut self, seq: &Value, before: usize, after: usize) -> PyResult<Vec<Value>> {
        let mut items = match seq {
            Value::Tuple(t) => t.items().to_vec(),
            Value::List(l) => l.snapshot(),
            _ => {
                let it = self.iter(seq).map_err(|e| unpack_error(e, seq))?;
                self.collect(&it)?
            }
        };
        if items.len() < before + after {
            return Err(PyErr::value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let tail = items.split_off(items.len() - after);
        let middle = items.split_off(before);
        items.push(Value::list(middle));
        items.extend(tail);
        Ok(items)
    }
}

fn unpack_error(e: PyErr, seq: &Value) -> PyErr {
    if e.matches(|t| &t.type_error) && e.message().ends_with("is not iterable") {
        PyErr::type_error(format!(
            "cannot unpack non-iterable {} object",
            seq.type_name()
        ))
    } else {
        e
    }
}

fn not_subscriptable(obj: &Value) -> PyErr {
    PyErr::type_error(format!("'{}' object is not subscriptable", obj.type_name()))
}

fn no_item_assignment(obj: &Value) -> PyErr {
    PyErr::type_error(format!(
        "'{}' object does not support item assignment",
        obj.type_name()
    ))
}

fn no_item_deletion(obj: &Value) -> PyErr {
    PyErr::type_error(format!(
        "'{}' object doesn't support item deletion",
        obj.type_name()
    ))
}

#[allow(dead_code)]
fn _unused(_: &PyStr) {}
