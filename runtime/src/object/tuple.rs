//! `PyTuple`: an immutable sequence.
//!
//! Tuples of up to three items live in the same allocation as their reference counts (most
//! tuples in programs are pairs: `(key, value)`, `(index, item)`), larger ones spill to the
//! heap. The empty tuple is shared, as in CPython.

use std::rc::Rc;

use smallvec::SmallVec;

use super::value::Value;

pub struct PyTuple {
    items: SmallVec<[Value; 3]>,
}

thread_local! {
    static EMPTY: Rc<PyTuple> = Rc::new(PyTuple { items: SmallVec::new() });
}

impl Drop for PyTuple {
    /// Deep nests of tuples are freed through the trashcan, without deep recursion.
    fn drop(&mut self) {
        if !self.items.is_empty() {
            let items = std::mem::take(&mut self.items);
            super::trashcan::release(items, super::trashcan::spill_values);
        }
    }
}

impl PyTuple {
    pub fn new(items: Vec<Value>) -> Rc<PyTuple> {
        if items.is_empty() {
            return Self::empty();
        }
        Rc::new(PyTuple {
            items: SmallVec::from_vec(items),
        })
    }

    pub fn from_slice(items: &[Value]) -> Rc<PyTuple> {
        if items.is_empty() {
            return Self::empty();
        }
        Rc::new(PyTuple {
            items: SmallVec::from(items),
        })
    }

    pub fn from_iter(items: impl IntoIterator<Item = Value>) -> Rc<PyTuple> {
        let items: SmallVec<[Value; 3]> = items.into_iter().collect();
        if items.is_empty() {
            return Self::empty();
        }
        Rc::new(PyTuple { items })
    }

    pub fn empty() -> Rc<PyTuple> {
        EMPTY.with(Rc::clone)
    }

    pub fn items(&self) -> &[Value] {
        &self.items
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}
