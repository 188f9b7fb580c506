//! `PyDict`: an insertion-ordered hash map, laid out like CPython's compact dict.
//!
//! Entries live in a vector in insertion order; a deleted entry leaves a tombstone until the
//! next compaction. Small dictionaries (instance attributes, keyword arguments) have no index
//! at all and are searched linearly, comparing cached hashes first and interned-string
//! pointers before bytes. Past `LINEAR_MAX` entries a `hashbrown` table of entry positions is
//! built.
//!
//! Key comparison here is the native part only: `key_eq` decides equality for builtin keys and
//! reports `None` when a Python-level `__eq__` must decide. The VM's dictionary operations
//! (`vm/dictops.rs`) handle that slow path without holding a borrow across the call.

use std::cell::{Ref, RefCell, RefMut};
use std::rc::Rc;

use hashbrown::HashTable;

use super::str::PyStr;
use super::value::Value;

/// Dictionaries up to this many entries are searched without an index.
const LINEAR_MAX: usize = 8;

#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    /// `Value::Unbound` marks a deleted entry.
    pub key: Value,
    pub value: Value,
}

impl Entry {
    pub fn is_live(&self) -> bool {
        !matches!(self.key, Value::Unbound)
    }
}

/// The table behind a dict: entries in insertion order plus an optional index.
#[derive(Clone, Default)]
pub struct DictTable {
    entries: Vec<Entry>,
    index: Option<HashTable<u32>>,
    live: usize,
    /// Changes, to a number no table has had before, whenever a key is added or removed; so
    /// equal versions mean equal key sets (empty tables share 0, a clone shares its
    /// original's). Inline caches use it to know a name is still absent (`vm/cache.rs`).
    version: u64,
}

thread_local! {
    static NEXT_VERSION: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
}

fn next_version() -> u64 {
    NEXT_VERSION.with(|n| {
        let v = n.get();
        n.set(v + 1);
        v
    })
}

impl DictTable {
    #[cfg(test)]
    pub fn new() -> DictTable {
        DictTable::default()
    }

    pub fn len(&self) -> usize {
        self.live
    }

    /// The key-set version (see the field).
    #[inline]
    pub fn version(&self) -> u64 {
        self.version
    }

    /// The value at position `hint` if the key there is `name` itself (the same string
    /// object): the check an inline cache makes before trusting a remembered position.
    #[inline]
    pub fn value_at_hint(&self, hint: usize, name: &Rc<PyStr>) -> Option<&Value> {
        match self.entries.get(hint) {
            Some(Entry {
                key: Value::Str(k),
                value,
                ..
            }) if Rc::ptr_eq(k, name) => Some(value),
            _ => None,
        }
    }

    /// Like `value_at_hint`, for writing.
    #[inline]
    pub fn value_at_hint_mut(&mut self, hint: usize, name: &Rc<PyStr>) -> Option<&mut Value> {
        match self.entries.get_mut(hint) {
            Some(Entry {
                key: Value::Str(k),
                value,
                ..
            }) if Rc::ptr_eq(k, name) => Some(value),
            _ => None,
        }
    }

    /// The position of a string key.
    pub fn position_str(&self, key: &Rc<PyStr>) -> Option<usize> {
        self.find(key.hash(), |k| matches!(k, Value::Str(s) if s.eq(key)))
    }

    /// Finds the position of the entry whose key has `hash` and satisfies `matches`.
    pub fn find(&self, hash: i64, mut matches: impl FnMut(&Value) -> bool) -> Option<usize> {
        match &self.index {
            None => self
                .entries
                .iter()
                .position(|e| e.hash == hash && e.is_live() && matches(&e.key)),
            Some(index) => {
                let entries = &self.entries;
                index
                    .find(hash as u64, |&i| {
                        let e = &entries[i as usize];
                        e.hash == hash && matches(&e.key)
                    })
                    .map(|&i| i as usize)
            }
        }
    }

    /// Positions of live entries whose hash equals `hash` (for the Python-level `__eq__` path).
    pub fn candidates(&self, hash: i64) -> Vec<usize> {
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.hash == hash && e.is_live())
            .map(|(i, _)| i)
            .collect()
    }

    /// Looks up an interned or plain string key.
    pub fn get_str(&self, key: &Rc<PyStr>) -> Option<&Value> {
        let hash = key.hash();
        self.find(hash, |k| matches!(k, Value::Str(s) if s.eq(key)))
            .map(|i| &self.entries[i].value)
    }

    /// Sets the value at a known position; returns the old value.
    pub fn replace_value(&mut self, i: usize, value: Value) -> Value {
        std::mem::replace(&mut self.entries[i].value, value)
    }

    /// Appends a new entry; the caller has checked that the key is absent.
    pub fn push_new(&mut self, hash: i64, key: Value, value: Value) {
        let pos = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        self.live += 1;
        self.version = next_version();
        match &mut self.index {
            Some(index) => {
                let entries = &self.entries;
                index.insert_unique(hash as u64, pos, |&i| entries[i as usize].hash as u64);
            }
            None if self.entries.len() > LINEAR_MAX => self.build_index(),
            None => {}
        }
    }

    /// Inserts a string key.
    pub fn set_str(&mut self, key: Rc<PyStr>, value: Value) -> Option<Value> {
        let hash = key.hash();
        match self.find(hash, |k| matches!(k, Value::Str(s) if s.eq(&key))) {
            Some(i) => Some(self.replace_value(i, value)),
            None => {
                self.push_new(hash, Value::Str(key), value);
                None
            }
        }
    }

    /// Removes the entry at a position, returning its key and value.
    pub fn remove_at(&mut self, i: usize) -> (Value, Value) {
        let hash = self.entries[i].hash;
        if let Some(index) = &mut self.index {
            if let Ok(found) = index.find_entry(hash as u64, |&j| j as usize == i) {
                found.remove();
            }
        }
        let e = &mut self.entries[i];
        let key = std::mem::replace(&mut e.key, Value::Unbound);
        let value = std::mem::replace(&mut e.value, Value::None);
        self.live -= 1;
        self.version = next_version();
        if self.entries.len() > 16 && self.live * 2 < self.entries.len() {
            self.compact();
        } else if self.live == 0 {
            self.entries.clear();
            self.index = None;
        }
        (key, value)
    }

    pub fn remove_str(&mut self, key: &Rc<PyStr>) -> Option<Value> {
        let hash = key.hash();
        let i = self.find(hash, |k| matches!(k, Value::Str(s) if s.eq(key)))?;
        Some(self.remove_at(i).1)
    }

    /// Removes and returns the last entry (`popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let i = self.entries.iter().rposition(Entry::is_live)?;
        Some(self.remove_at(i))
    }

    pub fn clear(&mut self) -> Vec<Entry> {
        self.index = None;
        self.live = 0;
        self.version = 0;
        std::mem::take(&mut self.entries)
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| e.is_live())
    }

    /// The number of slots, live or not; positions below it are valid for `entry_at`.
    pub fn slots(&self) -> usize {
        self.entries.len()
    }

    /// The live entry at a slot, if any (for iterators that walk positions).
    pub fn entry_at(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i).filter(|e| e.is_live())
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|e| e.key.clone()).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|e| e.value.clone()).collect()
    }

    fn compact(&mut self) {
        self.entries.retain(Entry::is_live);
        self.index = None;
        if self.entries.len() > LINEAR_MAX {
            self.build_index();
        }
    }

    fn build_index(&mut self) {
        let mut index = HashTable::with_capacity(self.entries.len() * 2);
        for (i, e) in self.entries.iter().enumerate() {
            if e.is_live() {
                index.insert_unique(e.hash as u64, i as u32, |&j| {
                    self.entries[j as usize].hash as u64
                });
            }
        }
        self.index = Some(index);
    }
}

/// How many levels of nested tuples and frozensets native key equality follows; deeper, it
/// answers `None` and leaves the comparison to the VM, which counts every level against the
/// recursion limit (so comparing structures nested a million deep cannot overflow the native
/// stack).
pub const KEY_EQ_DEPTH: u32 = 32;

/// Native key equality: `Some(answer)` for builtin keys, `None` when Python code must decide
/// (an instance whose class defines `__eq__`, or a tuple containing one) or when the keys nest
/// deeper than [`KEY_EQ_DEPTH`].
pub fn key_eq(a: &Value, b: &Value) -> Option<bool> {
    key_eq_within(a, b, KEY_EQ_DEPTH)
}

/// [`key_eq`] with `budget` more levels of nesting allowed.
pub fn key_eq_within(a: &Value, b: &Value, budget: u32) -> Option<bool> {
    use Value::*;
    if a.is(b) {
        return Some(true);
    }
    match (a, b) {
        (Str(x), Str(y)) => Some(x.eq(y)),
        (Int(_) | Bool(_) | Float(_) | BigInt(_), Int(_) | Bool(_) | Float(_) | BigInt(_)) => {
            Some(super::number::num_eq(a, b))
        }
        (Tuple(x), Tuple(y)) => {
            if x.len() != y.len() {
                return Some(false);
            }
            if budget == 0 {
                return Option::None;
            }
            for (p, q) in x.items().iter().zip(y.items()) {
                match key_eq_within(p, q, budget - 1) {
                    Some(true) => {}
                    other => return other,
                }
            }
            Some(true)
        }
        (Bytes(x), Bytes(y)) => Some(x.data == y.data),
        (FrozenSet(x), FrozenSet(y)) | (Set(x), FrozenSet(y)) | (FrozenSet(x), Set(y)) => {
            if budget == 0 {
                return Option::None;
            }
            x.native_eq_within(y, budget - 1)
        }
        (Instance(x), _) if x.class.overrides_eq() => Option::None,
        (_, Instance(y)) if y.class.overrides_eq() => Option::None,
        (Exception(x), _) if x.class.overrides_eq() => Option::None,
        _ => Some(false),
    }
}

/// A dict object: the table behind a `RefCell`.
#[derive(Default)]
pub struct PyDict {
    table: RefCell<DictTable>,
}

impl Drop for PyDict {
    /// Deep nests of dictionaries (and of instances, whose attributes are one) are freed
    /// through the trashcan, without deep recursion.
    fn drop(&mut self) {
        let entries = std::mem::take(&mut self.table.get_mut().entries);
        if !entries.is_empty() {
            super::trashcan::release(entries, |entries, queue| {
                super::trashcan::spill_values(
                    entries.into_iter().flat_map(|e| [e.key, e.value]),
                    queue,
                )
            });
        }
    }
}

impl PyDict {
    pub fn new() -> PyDict {
        PyDict::default()
    }

    pub fn from_table(table: DictTable) -> PyDict {
        PyDict {
            table: RefCell::new(table),
        }
    }

    /// Reads the table. Never hold this across a call into Python code.
    pub fn borrow(&self) -> Ref<'_, DictTable> {
        self.table.borrow()
    }

    /// Writes the table. Never hold this across a call into Python code.
    pub fn borrow_mut(&self) -> RefMut<'_, DictTable> {
        self.table.borrow_mut()
    }

    pub fn len(&self) -> usize {
        self.table.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get_str(&self, key: &Rc<PyStr>) -> Option<Value> {
        self.table.borrow().get_str(key).cloned()
    }

    pub fn set_str(&self, key: Rc<PyStr>, value: Value) {
        let old = self.table.borrow_mut().set_str(key, value);
        drop(old);
    }

    /// Convenience for setting a key from Rust code by name.
    pub fn set_item_str(&self, key: &str, value: Value) {
        self.set_str(PyStr::intern(key), value);
    }

    pub fn get_item_str(&self, key: &str) -> Option<Value> {
        self.get_str(&PyStr::intern(key))
    }

    pub fn remove_str(&self, key: &Rc<PyStr>) -> Option<Value> {
        let old = self.table.borrow_mut().remove_str(key);
        old
    }

    pub fn keys(&self) -> Vec<Value> {
        self.table.borrow().keys()
    }

    /// A copy of the (key, value) pairs, for iterating while Python code may run.
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.table
            .borrow()
            .iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(ops: &[(&str, Option<i64>)], expect: &str) {
        let mut t = DictTable::new();
        for (key, value) in ops {
            let k = PyStr::intern(key);
            match value {
                Some(v) => {
                    t.set_str(k, Value::Int(*v));
                }
                None => {
                    t.remove_str(&k);
                }
            }
        }
        let got: Vec<String> = t
            .iter()
            .map(|e| format!("{}={:?}", e.key.as_str().unwrap().as_str(), e.value))
            .collect();
        assert_eq!(got.join(" "), expect);
    }

    #[test]
    fn insertion_order_survives_deletes_and_growth() {
        check(&[("a", Some(1)), ("b", Some(2)), ("a", Some(3))], "a=3 b=2");
        check(
            &[("a", Some(1)), ("b", Some(2)), ("a", None), ("a", Some(4))],
            "b=2 a=4",
        );
        let many: Vec<(String, Option<i64>)> =
            (0..40).map(|i| (format!("k{i}"), Some(i))).collect();
        let mut ops: Vec<(&str, Option<i64>)> =
            many.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        for (k, _) in many.iter().take(38) {
            ops.push((k.as_str(), None));
        }
        check(&ops, "k38=38 k39=39");
    }
}
