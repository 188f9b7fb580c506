//! `PySet`: `set` and `frozenset`, a port of CPython 3.11's `Objects/setobject.c`.
//!
//! A set's iteration order is its table order, which depends on the hashes, the table size and
//! the history of insertions and deletions. Programs print sets, so Coro reproduces CPython's
//! table exactly: open addressing with nine linear probes before perturbation, dummy entries
//! for deletions, the same growth policy, and the same algorithms for `|`, `&`, `-` and `^`
//! (which iterate particular operands in particular orders).
//!
//! Key equality goes through a callback that may run Python code (`__eq__`), so every function
//! that compares takes `eq`. The table does no hashing: callers pass the hash.

use std::cell::{Ref, RefCell, RefMut};

use super::value::Value;
use crate::error::PyResult;

const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
const MINSIZE: usize = 8;
const DUMMY_HASH: i64 = -1;

#[derive(Clone)]
struct Slot {
    hash: i64,
    /// `Value::Unbound` for an empty slot (hash 0) or a dummy (hash -1).
    key: Value,
}

impl Slot {
    const EMPTY: Slot = Slot {
        hash: 0,
        key: Value::Unbound,
    };

    fn is_empty(&self) -> bool {
        matches!(self.key, Value::Unbound) && self.hash != DUMMY_HASH
    }

    fn is_dummy(&self) -> bool {
        matches!(self.key, Value::Unbound) && self.hash == DUMMY_HASH
    }

    fn is_active(&self) -> bool {
        !matches!(self.key, Value::Unbound)
    }
}

/// The table of a set. `fill` counts active and dummy slots, `used` active ones.
#[derive(Clone)]
pub struct SetTable {
    slots: Vec<Slot>,
    fill: usize,
    used: usize,
    /// Where `pop` starts searching.
    finger: usize,
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable {
            slots: vec![Slot::EMPTY; MINSIZE],
            fill: 0,
            used: 0,
            finger: 0,
        }
    }
}

/// What a discard found.
#[derive(Debug, PartialEq, Eq)]
pub enum Discarded {
    Found,
    NotFound,
}

impl SetTable {
    pub fn new() -> SetTable {
        SetTable::default()
    }

    pub fn len(&self) -> usize {
        self.used
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// Active keys with their hashes, in table order.
    pub fn entries(&self) -> impl Iterator<Item = (i64, &Value)> {
        self.slots
            .iter()
            .filter(|s| s.is_active())
            .map(|s| (s.hash, &s.key))
    }

    /// The first active key at table position `pos` or after, with its position
    /// (`setiter_iternext`'s walk).
    pub fn next_at(&self, pos: usize) -> Option<(usize, Value)> {
        self.slots
            .iter()
            .enumerate()
            .skip(pos)
            .find(|(_, s)| s.is_active())
            .map(|(i, s)| (i, s.key.clone()))
    }

    pub fn keys(&self) -> Vec<Value> {
        self.entries().map(|(_, k)| k.clone()).collect()
    }

    fn same(a: &Value, b: &Value) -> Option<bool> {
        if a.is(b) {
            return Some(true);
        }
        match (a, b) {
            (Value::Str(x), Value::Str(y)) => Some(x.eq(y)),
            _ => None,
        }
    }

    /// `set_lookkey`: the position of the slot holding an equal key, if any.
    fn lookup<F>(&self, key: &Value, hash: i64, eq: &mut F) -> PyResult<Option<usize>>
    where
        F: FnMut(&Value, &Value) -> PyResult<bool>,
    {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                let slot = &self.slots[j];
                if slot.is_empty() {
                    return Ok(None);
                }
                if slot.hash == hash && slot.is_active() {
                    let found = match Self::same(&slot.key, key) {
                        Some(b) => b,
                        None => eq(&slot.key, key)?,
                    };
                    if found {
                        return Ok(Some(j));
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    pub fn contains<F>(&self, key: &Value, hash: i64, eq: &mut F) -> PyResult<bool>
    where
        F: FnMut(&Value, &Value) -> PyResult<bool>,
    {
        Ok(self.lookup(key, hash, eq)?.is_some())
    }

    /// `set_add_entry`.
    pub fn add<F>(&mut self, key: Value, hash: i64, eq: &mut F) -> PyResult<()>
    where
        F: FnMut(&Value, &Value) -> PyResult<bool>,
    {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot: Option<usize> = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                let slot = &self.slots[j];
                if slot.is_empty() {
                    match freeslot {
                        Some(f) => {
                            self.used += 1;
                            self.slots[f] = Slot { hash, key };
                            return Ok(());
                        }
                        None => {
                            self.fill += 1;
                            self.used += 1;
                            self.slots[j] = Slot { hash, key };
                            if self.fill * 5 < mask * 3 {
                                return Ok(());
                            }
                            let minused = if self.used > 50000 {
                                self.used * 2
                            } else {
                                self.used * 4
                            };
                            self.resize(minused);
                            return Ok(());
                        }
                    }
                }
                if slot.hash == hash && slot.is_active() {
                    let found = match Self::same(&slot.key, &key) {
                        Some(b) => b,
                        None => eq(&slot.key, &key)?,
                    };
                    if found {
                        return Ok(());
                    }
                } else if slot.is_dummy() {
                    // CPython 3.11 keeps the last dummy seen on the probe path, not the first.
                    freeslot = Some(j);
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// `set_insert_clean`: inserts a key known to be absent into a table without dummies.
    fn insert_clean(slots: &mut [Slot], key: Value, hash: i64) {
        let mask = slots.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if slots[i].is_empty() {
                slots[i] = Slot { hash, key };
                return;
            }
            if i + LINEAR_PROBES <= mask {
                if let Some(slot) = slots[i + 1..=i + LINEAR_PROBES]
                    .iter_mut()
                    .find(|s| s.is_empty())
                {
                    *slot = Slot { hash, key };
                    return;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// `set_table_resize`: a table of the smallest power-of-two size above `minused`.
    fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::EMPTY; newsize]);
        self.fill = self.used;
        for slot in old {
            if slot.is_active() {
                Self::insert_clean(&mut self.slots, slot.key, slot.hash);
            }
        }
    }

    /// `set_discard_entry`.
    pub fn discard<F>(&mut self, key: &Value, hash: i64, eq: &mut F) -> PyResult<Discarded>
    where
        F: FnMut(&Value, &Value) -> PyResult<bool>,
    {
        match self.lookup(key, hash, eq)? {
            Some(j) => {
                self.slots[j] = Slot {
                    hash: DUMMY_HASH,
                    key: Value::Unbound,
                };
                self.used -= 1;
                Ok(Discarded::Found)
            }
            None => Ok(Discarded::NotFound),
        }
    }

    /// `set_pop`: removes the next key after the finger.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while !self.slots[i].is_active() {
            i += 1;
            if i > mask {
                i = 0;
            }
        }
        let slot = std::mem::replace(
            &mut self.slots[i],
            Slot {
                hash: DUMMY_HASH,
                key: Value::Unbound,
            },
        );
        self.used -= 1;
        self.finger = i + 1;
        Some(slot.key)
    }

    /// `set_clear_internal`.
    pub fn clear(&mut self) -> Vec<Value> {
        let old = std::mem::take(self);
        old.slots
            .into_iter()
            .filter(|s| s.is_active())
            .map(|s| s.key)
            .collect()
    }

    /// `set_merge`: adds every key of `other` (a set's table).
    pub fn merge<F>(&mut self, other: &SetTable, eq: &mut F) -> PyResult<()>
    where
        F: FnMut(&Value, &Value) -> PyResult<bool>,
    {
        if other.used == 0 {
            return Ok(());
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            for (mine, theirs) in self.slots.iter_mut().zip(other.slots.iter()) {
                if theirs.is_active() {
                    *mine = theirs.clone();
                }
            }
            self.fill = other.fill;
            self.used = other.used;
            return Ok(());
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for slot in other.slots.iter().filter(|s| s.is_active()) {
                Self::insert_clean(&mut self.slots, slot.key.clone(), slot.hash);
            }
            return Ok(());
        }
        for slot in other.slots.iter().filter(|s| s.is_active()) {
            self.add(slot.key.clone(), slot.hash, eq)?;
        }
        Ok(())
    }

    /// The resize before adding `n` keys from a dict (`set_update_internal` for dicts).
    pub fn reserve_for(&mut self, n: usize) {
        if (self.fill + n) * 5 >= self.mask() * 3 {
            self.resize((self.used + n) * 2);
        }
    }

    /// After many discards: "If more than 1/4th are dummies, then resize them away".
    pub fn shrink_after_discards(&mut self) {
        if self.fill - self.used <= self.mask() / 4 {
            return;
        }
        let minused = if self.used > 50000 {
            self.used * 2
        } else {
            self.used * 4
        };
        self.resize(minused);
    }

    /// `a & b` for two sets (`set_intersection`): iterates the smaller one.
    pub fn intersection<F>(a: &SetTable, b: &SetTable, eq: &mut F) -> PyResult<SetTable>
    where
        F: FnMut(&Value, &Value) -> PyResult<bool>,
    {
        let (big, small) = if b.used > a.used { (b, a) } else { (a, b) };
        let mut result = SetTable::new();
        for (hash, key) in small.entries() {
            if big.contains(key, hash, eq)? {
                result.add(key.clone(), hash, eq)?;
            }
        }
        Ok(result)
    }

    /// `a - b` for two sets (`set_difference`).
    pub fn difference<F>(a: &SetTable, b: &SetTable, eq: &mut F) -> PyResult<SetTable>
    where
        F: FnMut(&Value, &Value) -> PyResult<bool>,
    {
        if (a.used >> 2) > b.used {
            let mut result = a.clone_compact(eq)?;
            result.difference_update(b, eq)?;
            return Ok(result);
        }
        let mut result = SetTable::new();
        for (hash, key) in a.entries() {
            if !b.contains(key, hash, eq)? {
                result.add(key.clone(), hash, eq)?;
            }
        }
        Ok(result)
    }

    /// `set_difference_update_internal` with a set argument.
    pub fn difference_update<F>(&mut self, other: &SetTable, eq: &mut F) -> PyResult<()>
    where
        F: FnMut(&Value, &Value) -> PyResult<bool>,
    {
        let narrowed;
        let other = if (other.used >> 3) > self.used {
            narrowed = SetTable::intersection(self, other, eq)?;
            &narrowed
        } else {
            other
        };
        let keys: Vec<(i64, Value)> = other.entries().map(|(h, k)| (h, k.clone())).collect();
        for (hash, key) in keys {
            self.discard(&key, hash, eq)?;
        }
        self.shrink_after_discards();
        Ok(())
    }

    /// `set_symmetric_difference_update` with a set argument.
    pub fn symmetric_difference_update<F>(&mut self, other: &SetTable, eq: &mut F) -> PyResult<()>
    where
        F: FnMut(&Value, &Value) -> PyResult<bool>,
    {
        for (hash, key) in other.entries() {
            if self.discard(key, hash, eq)? == Discarded::NotFound {
                self.add(key.clone(), hash, eq)?;
            }
        }
        Ok(())
    }

    /// `set_copy`: a new table filled by `set_merge` into an empty set.
    pub fn clone_compact<F>(&self, eq: &mut F) -> PyResult<SetTable>
    where
        F: FnMut(&Value, &Value) -> PyResult<bool>,
    {
        let mut result = SetTable::new();
        result.merge(self, eq)?;
        Ok(result)
    }
}

/// A `set` or `frozenset` object.
pub struct PySet {
    table: RefCell<SetTable>,
}

impl Drop for PySet {
    /// Deep nests of frozensets are freed through the trashcan, without deep recursion.
    fn drop(&mut self) {
        let slots = std::mem::take(&mut self.table.get_mut().slots);
        if !slots.is_empty() {
            super::trashcan::release(slots, |slots, queue| {
                super::trashcan::spill_values(slots.into_iter().map(|s| s.key), queue)
            });
        }
    }
}

impl PySet {
    pub fn new(table: SetTable) -> PySet {
        PySet {
            table: RefCell::new(table),
        }
    }

    /// Reads the table. Never hold this across a call into Python code other than the `eq`
    /// callbacks of the table's own methods.
    pub fn borrow(&self) -> Ref<'_, SetTable> {
        self.table.borrow()
    }

    pub fn try_borrow_mut(&self) -> Option<RefMut<'_, SetTable>> {
        self.table.try_borrow_mut().ok()
    }

    pub fn borrow_mut(&self) -> RefMut<'_, SetTable> {
        self.table.borrow_mut()
    }

    pub fn len(&self) -> usize {
        self.table.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Set equality when every key compares natively, with `budget` more levels of nested keys
    /// allowed (see `dict::key_eq_within`); `None` when Python code must decide.
    pub fn native_eq_within(&self, other: &PySet, budget: u32) -> Option<bool> {
        let a = self.table.borrow();
        let b = other.table.borrow();
        if a.len() != b.len() {
            return Some(false);
        }
        for (hash, key) in a.entries() {
            let mut needs_python = false;
            let mut eq = |x: &Value, y: &Value| -> PyResult<bool> {
                match super::dict::key_eq_within(x, y, budget) {
                    Some(r) => Ok(r),
                    None => {
                        needs_python = true;
                        Ok(false)
                    }
                }
            };
            let found = b.contains(key, hash, &mut eq).unwrap_or(false);
            if needs_python {
                return None;
            }
            if !found {
                return Some(false);
            }
        }
        Some(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn native(a: &Value, b: &Value) -> PyResult<bool> {
        Ok(super::super::dict::key_eq(a, b).unwrap_or(false))
    }

    fn table(items: &[i64]) -> SetTable {
        let mut t = SetTable::new();
        for &i in items {
            t.add(Value::Int(i), super::super::hash::hash_int(i), &mut native)
                .unwrap();
        }
        t
    }

    fn order(t: &SetTable) -> Vec<i64> {
        t.entries()
            .map(|(_, k)| match k {
                Value::Int(i) => *i,
                _ => unreachable!(),
            })
            .collect()
    }

    fn check(items: &[i64], expect: &[i64]) {
        assert_eq!(order(&table(items)), expect);
    }

    #[test]
    fn small_ints_hash_to_their_slot() {
        check(&[3, 1, 2], &[1, 2, 3]);
        check(&[10, 3, 100], &[10, 3, 100]);
        check(&[8, 0], &[8, 0]);
    }

    #[test]
    fn growth_rehashes_in_table_order() {
        let items: Vec<i64> = (0..20).rev().collect();
        let expect: Vec<i64> = (0..20).collect();
        check(&items, &expect);
    }

    #[test]
    fn pop_and_discard() {
        let mut t = table(&[5, 6, 7]);
        assert!(matches!(t.pop(), Some(Value::Int(5))));
        t.discard(&Value::Int(7), 7, &mut native).unwrap();
        assert_eq!(order(&t), vec![6]);
    }
}
