//! `NativeIter`: the iterators implemented in Rust (`list_iterator`, `range_iterator`,
//! `enumerate`, `zip`, `map`, `filter`, `reversed` ...).
//!
//! This module holds their state only. Advancing them may run Python code (`map` calls a
//! function, `zip` advances arbitrary iterators), so the stepping logic is `vm/iterate.rs`.

use std::cell::RefCell;
use std::rc::Rc;

use super::dict::PyDict;
use super::set::PySet;
use super::str::PyStr;
use super::value::Value;

/// Which part of a dictionary a view or its iterator yields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictPart {
    Keys,
    Values,
    Items,
}

pub enum IterState {
    /// Over a list or tuple by position; a list may grow while iterated, as in CPython.
    Seq {
        seq: Value,
        index: usize,
    },
    /// Over a list or tuple backwards; `next` is one past the next position to yield.
    Reversed {
        seq: Value,
        next: usize,
    },
    /// Over a string's characters; `byte` is the offset of the next one.
    Str {
        s: Rc<PyStr>,
        byte: usize,
    },
    Bytes {
        data: Value,
        index: usize,
    },
    Range {
        next: i64,
        step: i64,
        remaining: usize,
    },
    /// Over a dict by slot; `len` is the size when iteration began, to detect changes, and
    /// `left` how many entries may still come (CPython's `di_len`): one more means the keys
    /// changed.
    Dict {
        dict: Rc<PyDict>,
        part: DictPart,
        slot: usize,
        len: usize,
        left: usize,
    },
    /// Over a set by table position, as CPython's `setiter_iternext` walks it; `len` is the
    /// size when iteration began, to detect a change in size.
    Set {
        set: Rc<PySet>,
        pos: usize,
        len: usize,
    },
    Enumerate {
        inner: Value,
        count: Value,
    },
    Zip {
        inners: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        inners: Vec<Value>,
    },
    /// `filter(None, it)` keeps truthy items; otherwise `func(item)` decides.
    Filter {
        func: Value,
        inner: Value,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        func: Value,
        sentinel: Value,
    },
    /// The old sequence protocol: `obj[0]`, `obj[1]` ... until `IndexError`.
    GetItem {
        obj: Value,
        index: i64,
    },
    /// Finished; every further `next` stops at once.
    Exhausted,
}

pub struct NativeIter {
    pub state: RefCell<IterState>,
}

impl NativeIter {
    pub fn new(state: IterState) -> Rc<NativeIter> {
        Rc::new(NativeIter {
            state: RefCell::new(state),
        })
    }

    /// The Python type name, as `type(it).__name__` shows it.
    pub fn type_name(&self) -> &'static str {
        match &*self.state.borrow() {
            IterState::Seq {
                seq: Value::Tuple(_),
                ..
            } => "tuple_iterator",
            IterState::Seq { .. } => "list_iterator",
            IterState::Reversed { .. } => "list_reverseiterator",
            IterState::Str { s, .. } if s.is_ascii() => "str_ascii_iterator",
            IterState::Str { .. } => "str_iterator",
            IterState::Bytes { .. } => "bytes_iterator",
            IterState::Range { .. } => "range_iterator",
            IterState::Dict {
                part: DictPart::Keys,
                ..
            } => "dict_keyiterator",
            IterState::Dict {
                part: DictPart::Values,
                ..
            } => "dict_valueiterator",
            IterState::Dict {
                part: DictPart::Items,
                ..
            } => "dict_itemiterator",
            IterState::Set { .. } => "set_iterator",
            IterState::Enumerate { .. } => "enumerate",
            IterState::Zip { .. } => "zip",
            IterState::Map { .. } => "map",
            IterState::Filter { .. } => "filter",
            IterState::Callable { .. } => "callable_iterator",
            IterState::GetItem { .. } => "iterator",
            IterState::Exhausted => "iterator",
        }
    }
}
