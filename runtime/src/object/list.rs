//! `PyList`: a mutable sequence.
//!
//! The items sit in a `RefCell<Vec<Value>>`. Borrows are kept short and are never held across
//! a call back into Python code, so a program that mutates a list while a method of that list
//! runs (a `sort` key function that appends, say) gets CPython's error rather than a panic.

use std::cell::{Ref, RefCell, RefMut};

use super::value::Value;

pub struct PyList {
    items: RefCell<Vec<Value>>,
}

impl Drop for PyList {
    /// Deep nests of lists are freed through the trashcan, without deep recursion.
    fn drop(&mut self) {
        let items = std::mem::take(self.items.get_mut());
        if !items.is_empty() {
            super::trashcan::release(items, super::trashcan::spill_values);
        }
    }
}

impl PyList {
    pub fn new(items: Vec<Value>) -> PyList {
        PyList {
            items: RefCell::new(items),
        }
    }

    /// The items, for reading. Never hold this across a call into Python code.
    pub fn borrow(&self) -> Ref<'_, Vec<Value>> {
        self.items.borrow()
    }

    /// The items, for writing. Never hold this across a call into Python code.
    pub fn borrow_mut(&self) -> RefMut<'_, Vec<Value>> {
        self.items.borrow_mut()
    }

    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.borrow().is_empty()
    }

    pub fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).cloned()
    }

    pub fn push(&self, v: Value) {
        self.items.borrow_mut().push(v);
    }

    /// A copy of the items, for iterating while Python code may run.
    pub fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().clone()
    }

    /// Replaces all items, returning the old ones (dropped by the caller outside any borrow).
    pub fn replace(&self, items: Vec<Value>) -> Vec<Value> {
        std::mem::replace(&mut *self.items.borrow_mut(), items)
    }
}
