//! Hashing, and the dictionary and set operations that need it.
//!
//! `hash` follows CPython: numbers, strings, bytes, tuples and frozensets by value (see
//! `object/hash.rs`), other builtin objects by identity, instances through `__hash__` (or by
//! identity, or not at all when `__eq__` is defined without `__hash__`).
//!
//! Dictionary lookups compare keys natively when they can; when a key's equality is Python
//! code (`__eq__`), the candidates with the same hash are compared without holding a borrow of
//! the table, so `__eq__` may touch the dictionary without a panic.

use std::cell::Cell;
use std::rc::Rc;

use crate::error::{PyErr, PyResult};
use crate::object::class::flags;
use crate::object::dict::{key_eq, DictTable, PyDict};
use crate::object::hash;
use crate::object::set::{Discarded, PySet, SetTable};
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::syntax::ast::{BinOp, CmpOp};

use super::Vm;

/// CPython's `_Py_HashPointer`: the address rotated by four bits.
fn hash_pointer(v: &Value) -> i64 {
    let p = v.id() as u64;
    let h = p.rotate_right(4) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

fn unhashable(v: &Value) -> PyErr {
    PyErr::type_error(format!("unhashable type: '{}'", v.type_name()))
}

impl Vm {
    /// `hash(v)`.
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        Ok(match v {
            Value::Int(i) => hash::hash_int(*i),
            Value::Bool(b) => *b as i64,
            Value::Float(f) => {
                if f.fract() == 0.0 && f.abs() < 9.0e18 {
                    hash::hash_int(*f as i64)
                } else {
                    hash::hash_float(*f, v.id())
                }
            }
            Value::BigInt(b) => hash::hash_bigint(b),
            Value::Str(s) => s.hash(),
            Value::Bytes(b) => hash::hash_bytes(&b.data),
            Value::Tuple(t) => {
                let t = t.clone();
                let mut hashes = Vec::with_capacity(t.len());
                for item in t.items() {
                    // CPython hashes nested tuples without a recursion limit: grow the native
                    // stack instead, so a tuple nested a million deep still hashes.
                    hashes.push(if matches!(item, Value::Tuple(_)) {
                        stacker::maybe_grow(256 * 1024, 4 * 1024 * 1024, || self.hash(item))?
                    } else {
                        self.hash(item)?
                    });
                }
                hash::hash_tuple(hashes.into_iter())
            }
            Value::FrozenSet(s) => {
                let hashes: Vec<i64> = s.borrow().entries().map(|(h, _)| h).collect();
                hash::hash_frozenset(hashes.into_iter())
            }
            Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) => {
                return Err(unhashable(v))
            }
            Value::Instance(i) => {
                let class = i.class.clone();
                self.instance_hash(v, &class)?
            }
            Value::Exception(e) => {
                let class = e.class.clone();
                self.instance_hash(v, &class)?
            }
            Value::Native(n) => match &**n {
                crate::object::native::Native::Deque { .. } => return Err(unhashable(v)),
                crate::object::native::Native::DictView { part, .. }
                    if *part != crate::object::iter::DictPart::Items =>
                {
                    return Err(unhashable(v))
                }
                _ => hash_pointer(v),
            },
            _ => hash_pointer(v),
        })
    }

    fn instance_hash(
        &mut self,
        v: &Value,
        class: &Rc<crate::object::class::Class>,
    ) -> PyResult<i64> {
        if class.has_flag(flags::UNHASHABLE) {
            return Err(unhashable(v));
        }
        if class.has_flag(flags::HASH) {
            if let Some(m) = self.lookup_special(v, "__hash__") {
                let r = self.call(&m, &[])?;
                return match r {
                    Value::Int(i) => Ok(if i == -1 { -2 } else { hash::hash_int(i) }),
                    Value::Bool(b) => Ok(b as i64),
                    Value::BigInt(b) => Ok(hash::hash_bigint(&b)),
                    _ => Err(PyErr::type_error(
                        "__hash__ method should return an integer",
                    )),
                };
            }
        }
        Ok(hash_pointer(v))
    }

    /// Finds the slot of `key` in a dict, comparing with `__eq__` when needed.
    fn dict_find(&mut self, d: &PyDict, key: &Value, h: i64) -> PyResult<Option<usize>> {
        let mut needs_python = false;
        let found = d.borrow().find(h, |k| match key_eq(k, key) {
            Some(b) => b,
            None => {
                needs_python = true;
                false
            }
        });
        if found.is_some() || !needs_python {
            return Ok(found);
        }
        let candidates = d.borrow().candidates(h);
        for pos in candidates {
            let Some(k) = d.borrow().entry_at(pos).map(|e| e.key.clone()) else {
                continue;
            };
            if self.eq(&k, key)? {
                let still = d
                    .borrow()
                    .entry_at(pos)
                    .map(|e| e.key.is(&k))
                    .unwrap_or(false);
                if still {
                    return Ok(Some(pos));
                }
            }
        }
        Ok(None)
    }

    pub fn dict_get(&mut self, d: &PyDict, key: &Value) -> PyResult<Option<Value>> {
        if let Value::Str(s) = key {
            return Ok(d.get_str(s));
        }
        let h = self.hash(key)?;
        Ok(self
            .dict_find(d, key, h)?
            .and_then(|i| d.borrow().entry_at(i).map(|e| e.value.clone())))
    }

    pub fn dict_set(&mut self, d: &PyDict, key: Value, value: Value) -> PyResult<()> {
        if let Value::Str(s) = &key {
            d.set_str(s.clone(), value);
            return Ok(());
        }
        let h = self.hash(&key)?;
        match self.dict_find(d, &key, h)? {
            Some(i) => {
                let old = d.borrow_mut().replace_value(i, value);
                drop(old);
            }
            None => d.borrow_mut().push_new(h, key, value),
        }
        Ok(())
    }

    pub fn dict_remove(&mut self, d: &PyDict, key: &Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        match self.dict_find(d, key, h)? {
            Some(i) => {
                let (k, v) = d.borrow_mut().remove_at(i);
                drop(k);
                Ok(Some(v))
            }
            None => Ok(None),
        }
    }

    pub fn dict_equal(&mut self, a: &PyDict, b: &PyDict) -> PyResult<bool> {
        if a.len() != b.len() {
            return Ok(false);
        }
        for (k, v) in a.items() {
            match self.dict_get(b, &k)? {
                Some(w) => {
                    if !self.eq(&v, &w)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    /// `d.update(other)`: from a dict, a mapping with `keys()`, or an iterable of pairs.
    pub fn dict_update_from(&mut self, d: &PyDict, other: &Value) -> PyResult<()> {
        match other {
            Value::Dict(o) => {
                for (k, v) in o.items() {
                    self.dict_set(d, k, v)?;
                }
            }
            _ if self.hasattr(other, &PyStr::intern("keys"))? => {
                let keys_fn = self.getattr(other, &PyStr::intern("keys"))?;
                let keys = self.call(&keys_fn, &[])?;
                for k in self.collect(&keys)? {
                    let v = self.getitem(other, &k)?;
                    self.dict_set(d, k, v)?;
                }
            }
            _ => {
                let it = self.iter(other)?;
                let mut index = 0;
                while let Some(item) = self.next_value(&it)? {
                    let pair = self.collect(&item).map_err(|_| {
                        PyErr::type_error(format!(
                            "cannot convert dictionary update sequence element #{index} to a sequence"
                        ))
                    })?;
                    if pair.len() != 2 {
                        return Err(PyErr::value_error(format!(
                            "dictionary update sequence element #{index} has length {}; 2 is required",
                            pair.len()
                        )));
                    }
                    let mut pair = pair.into_iter();
                    let (k, v) = (
                        pair.next().unwrap_or(Value::None),
                        pair.next().unwrap_or(Value::None),
                    );
                    self.dict_set(d, k, v)?;
                    index += 1;
                }
            }
        }
        Ok(())
    }

    /// `{**mapping}` in a dict display.
    pub fn dict_update_display(&mut self, d: &PyDict, mapping: &Value) -> PyResult<()> {
        match mapping {
            Value::Dict(_) => self.dict_update_from(d, mapping),
            _ if self.hasattr(mapping, &PyStr::intern("keys"))? => {
                self.dict_update_from(d, mapping)
            }
            other => Err(PyErr::type_error(format!(
                "'{}' object is not a mapping",
                other.type_name()
            ))),
        }
    }

    /// `f(**a, **b)`: like `update`, but a repeated key is an error naming the function.
    pub fn dict_merge_kwargs(
        &mut self,
        d: &PyDict,
        mapping: &Value,
        callable: &Value,
    ) -> PyResult<()> {
        let fname = self.callable_name(callable);
        let pairs: Vec<(Value, Value)> = match mapping {
            Value::Dict(o) => o.items(),
            _ if self.hasattr(mapping, &PyStr::intern("keys"))? => {
                let keys_fn = self.getattr(mapping, &PyStr::intern("keys"))?;
                let keys = self.call(&keys_fn, &[])?;
                let mut out = Vec::new();
                for k in self.collect(&keys)? {
                    let v = self.getitem(mapping, &k)?;
                    out.push((k, v));
                }
                out
            }
            other => {
                return Err(PyErr::type_error(format!(
                    "{fname} argument after ** must be a mapping, not {}",
                    other.type_name()
                )))
            }
        };
        for (k, v) in pairs {
            let Value::Str(name) = &k else {
                return Err(PyErr::type_error(format!(
                    "{fname} keywords must be strings"
                )));
            };
            if d.get_str(name).is_some() {
                return Err(PyErr::type_error(format!(
                    "{fname} got multiple values for keyword argument '{}'",
                    name.as_str()
                )));
            }
            d.set_str(name.clone(), v);
        }
        Ok(())
    }

    /// How CPython names a callable in argument errors (`f()`, `C.m()`).
    pub fn callable_name(&self, callable: &Value) -> String {
        match callable {
            Value::Function(f) => format!("{}()", f.qualname().as_str()),
            Value::Method(m) => self.callable_name(&m.func),
            Value::Builtin(b) => format!("{}()", b.name),
            Value::Class(c) => format!("{}()", c.name.as_str()),
            other => format!("{} object", other.type_name()),
        }
    }

    /// A native-or-Python equality callback for set tables.
    pub fn set_eq(&mut self) -> impl FnMut(&Value, &Value) -> PyResult<bool> + '_ {
        move |a: &Value, b: &Value| match key_eq(a, b) {
            Some(r) => Ok(r),
            None => self.eq(a, b),
        }
    }

    /// Runs `op` on the tables of live sets without ever holding a borrow while Python code
    /// runs (shared borrows never conflict: a set is only borrowed mutably by code that runs no
    /// Python code, or for the single assignment that writes a result back). First `op` runs on the borrowed tables with native key equality, which runs no
    /// Python code; if some comparison needs a Python `__eq__`, `op` stops with an error and
    /// runs again on copies of the tables, with Python equality. `op` must be safe to run twice
    /// (its effects on its own state must be idempotent, as adding and discarding keys are).
    pub fn sets_read<R>(
        &mut self,
        sets: &[&PySet],
        mut op: impl FnMut(&[&SetTable], &mut SetEq<'_>) -> PyResult<R>,
    ) -> PyResult<R> {
        let needs_python = Cell::new(false);
        {
            let guards: Vec<_> = sets.iter().map(|s| s.borrow()).collect();
            let tables: Vec<&SetTable> = guards.iter().map(|g| &**g).collect();
            let mut native = native_set_eq(&needs_python);
            let r = op(&tables, &mut (&mut native as SetEq<'_>));
            if !needs_python.get() {
                return r;
            }
        }
        let copies: Vec<SetTable> = sets.iter().map(|s| s.borrow().clone()).collect();
        let tables: Vec<&SetTable> = copies.iter().collect();
        let mut python = self.set_eq();
        op(&tables, &mut (&mut python as SetEq<'_>))
    }

    /// Runs `op` on the table of a live set to change it, reading the tables of `others`, with
    /// the same two-step scheme as `sets_read`: in place with native equality, or on a copy with
    /// Python equality that is then written back. A set that is already being changed (from a
    /// `__eq__` called by an operation on it) raises `RuntimeError` rather than panicking.
    pub fn set_table_mut<R>(
        &mut self,
        set: &PySet,
        others: &[&PySet],
        mut op: impl FnMut(&mut SetTable, &[&SetTable], &mut SetEq<'_>) -> PyResult<R>,
    ) -> PyResult<R> {
        let aliased = others.iter().any(|o| std::ptr::eq(*o, set));
        let needs_python = Cell::new(false);
        if !aliased {
            let mut table = set.try_borrow_mut().ok_or_else(set_busy)?;
            let guards: Vec<_> = others.iter().map(|s| s.borrow()).collect();
            let tables: Vec<&SetTable> = guards.iter().map(|g| &**g).collect();
            let mut native = native_set_eq(&needs_python);
            let r = op(&mut table, &tables, &mut (&mut native as SetEq<'_>));
            if !needs_python.get() {
                return r;
            }
        }
        let mut copy = set.borrow().clone();
        let copies: Vec<SetTable> = others.iter().map(|s| s.borrow().clone()).collect();
        let tables: Vec<&SetTable> = copies.iter().collect();
        let mut python = self.set_eq();
        let r = op(&mut copy, &tables, &mut (&mut python as SetEq<'_>));
        let old = std::mem::replace(&mut *set.try_borrow_mut().ok_or_else(set_busy)?, copy);
        drop(old);
        r
    }

    /// A new `set` from items, added in order as `BUILD_SET` does.
    pub fn new_set(&mut self, items: Vec<Value>) -> PyResult<Value> {
        let mut table = SetTable::new();
        for item in items {
            let h = self.hash(&item)?;
            table.add(item, h, &mut self.set_eq())?;
        }
        Ok(Value::Set(Rc::new(PySet::new(table))))
    }

    /// A set table from any iterable (`set(iterable)`, `set_update_internal`).
    pub fn set_table_from(&mut self, iterable: &Value) -> PyResult<SetTable> {
        let mut table = SetTable::new();
        self.set_update_table(&mut table, iterable)?;
        Ok(table)
    }

    /// Adds every item of `iterable` to a table, as `set_update_internal` does.
    pub fn set_update_table(&mut self, table: &mut SetTable, iterable: &Value) -> PyResult<()> {
        match iterable {
            Value::Set(s) | Value::FrozenSet(s) => {
                self.sets_read(&[s], |t, eq| table.merge(t[0], eq))
            }
            Value::Dict(d) => {
                let entries: Vec<(i64, Value)> =
                    d.borrow().iter().map(|e| (e.hash, e.key.clone())).collect();
                table.reserve_for(entries.len());
                for (h, k) in entries {
                    table.add(k, h, &mut self.set_eq())?;
                }
                Ok(())
            }
            _ => {
                let it = self.iter(iterable)?;
                while let Some(item) = self.next_value(&it)? {
                    let h = self.hash(&item)?;
                    table.add(item, h, &mut self.set_eq())?;
                }
                Ok(())
            }
        }
    }

    /// Adds one item to a set value.
    pub fn set_add(&mut self, set: &Value, item: Value) -> PyResult<()> {
        let (Value::Set(s) | Value::FrozenSet(s)) = set else {
            return Err(PyErr::system_error("set_add on a non-set"));
        };
        let h = self.hash(&item)?;
        self.set_table_mut(s, &[], |t, _, eq| t.add(item.clone(), h, eq))
    }

    /// The hash of a set operand, where a `set` that is not hashable stands for the frozenset
    /// with the same items (`set_contains`, `set_remove` and `set_discard` retry that way).
    pub fn set_key_hash(&mut self, item: &Value) -> PyResult<(Value, i64)> {
        match self.hash(item) {
            Ok(h) => Ok((item.clone(), h)),
            Err(e) if e.matches(|t| &t.type_error) && matches!(item, Value::Set(_)) => {
                let Value::Set(inner) = item else {
                    return Err(e);
                };
                let table = inner.borrow().clone();
                let frozen = Value::FrozenSet(Rc::new(PySet::new(table)));
                let h = self.hash(&frozen)?;
                Ok((frozen, h))
            }
            Err(e) => Err(e),
        }
    }

    pub fn set_contains(&mut self, set: &Value, item: &Value) -> PyResult<bool> {
        let (Value::Set(s) | Value::FrozenSet(s)) = set else {
            return Ok(false);
        };
        let (key, h) = self.set_key_hash(item)?;
        self.sets_read(&[s], |t, eq| t[0].contains(&key, h, eq))
    }

    /// Removes an item; whether it was there.
    pub fn set_discard(&mut self, set: &Rc<PySet>, item: &Value) -> PyResult<bool> {
        let (key, h) = self.set_key_hash(item)?;
        let r = self.set_table_mut(set, &[], |t, _, eq| t.discard(&key, h, eq))?;
        Ok(r == Discarded::Found)
    }

    /// `|`, `&`, `-`, `^` on two sets; the result has the left operand's type.
    pub fn set_binary(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
        let (Value::Set(x) | Value::FrozenSet(x)) = a else {
            return Err(PyErr::system_error("set_binary"));
        };
        let (Value::Set(y) | Value::FrozenSet(y)) = b else {
            return Err(PyErr::system_error("set_binary"));
        };
        let same = Rc::ptr_eq(x, y);
        let table = self.sets_read(&[x, y], |t, eq| {
            let (xt, yt) = (t[0], t[1]);
            match op {
                BinOp::BitOr => {
                    let mut r = xt.clone_compact(eq)?;
                    if !same {
                        r.merge(yt, eq)?;
                    }
                    Ok(r)
                }
                BinOp::BitAnd if same => xt.clone_compact(eq),
                BinOp::BitAnd => SetTable::intersection(xt, yt, eq),
                BinOp::Sub if same => Ok(SetTable::new()),
                BinOp::Sub => SetTable::difference(xt, yt, eq),
                _ => {
                    let mut r = yt.clone_compact(eq)?;
                    if same {
                        return Ok(SetTable::new());
                    }
                    r.symmetric_difference_update(xt, eq)?;
                    Ok(r)
                }
            }
        })?;
        let s = Rc::new(PySet::new(table));
        Ok(match a {
            Value::FrozenSet(_) => Value::FrozenSet(s),
            _ => Value::Set(s),
        })
    }

    /// Set comparison: equality and the subset/superset orderings.
    pub fn set_compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<bool> {
        let (Value::Set(x) | Value::FrozenSet(x)) = a else {
            return Ok(false);
        };
        let (Value::Set(y) | Value::FrozenSet(y)) = b else {
            return Ok(false);
        };
        let (lx, ly) = (x.len(), y.len());
        let subset = |vm: &mut Vm, p: &Rc<PySet>, q: &Rc<PySet>| -> PyResult<bool> {
            vm.sets_read(&[p, q], |t, eq| {
                for (h, k) in t[0].entries() {
                    if !t[1].contains(k, h, eq)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            })
        };
        Ok(match op {
            CmpOp::Eq => lx == ly && subset(self, x, y)?,
            CmpOp::NotEq => !(lx == ly && subset(self, x, y)?),
            CmpOp::LtE => lx <= ly && subset(self, x, y)?,
            CmpOp::Lt => lx < ly && subset(self, x, y)?,
            CmpOp::GtE => ly <= lx && subset(self, y, x)?,
            CmpOp::Gt => ly < lx && subset(self, y, x)?,
            _ => false,
        })
    }
}

/// The equality callback the closures of `sets_read` and `set_table_mut` receive.
pub type SetEq<'a> = &'a mut dyn FnMut(&Value, &Value) -> PyResult<bool>;

/// The error for a set changed while one of its operations runs Python code.
pub fn set_busy() -> PyErr {
    PyErr::runtime_error("Set changed size during iteration")
}

/// Native key equality for the first attempt of `sets_read`/`set_table_mut`: a comparison that
/// needs Python code sets the flag and fails, so the operation stops before running it.
fn native_set_eq(flag: &Cell<bool>) -> impl FnMut(&Value, &Value) -> PyResult<bool> + '_ {
    move |a: &Value, b: &Value| match key_eq(a, b) {
        Some(r) => Ok(r),
        None => {
            flag.set(true);
            Err(PyErr::runtime_error("set comparison needs __eq__"))
        }
    }
}

#[allow(dead_code)]
fn _table(_: DictTable) {}
