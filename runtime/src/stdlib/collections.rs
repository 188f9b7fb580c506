//! The native half of `collections`: `deque`.
//!
//! A deque is a `VecDeque` with an optional maximum length; appending to a full deque drops
//! from the other end, as CPython's does. The rest of `collections` is Python
//! (`py/collections.py`).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use crate::builtins::args;
use crate::builtins::methods::Methods;
use crate::error::{PyErr, PyResult};
use crate::object::dict::PyDict;
use crate::object::function::KwArgs;
use crate::object::native::Native;
use crate::object::types::types;
use crate::object::value::Value;
use crate::vm::Vm;

pub const DEQUE: Methods = &[
    (
        "append",
        append,
        "Add an element to the right side of the deque.",
    ),
    (
        "appendleft",
        appendleft,
        "Add an element to the left side of the deque.",
    ),
    ("pop", pop, "Remove and return the rightmost element."),
    (
        "popleft",
        popleft,
        "Remove and return the leftmost element.",
    ),
    (
        "extend",
        extend,
        "Extend the right side of the deque with elements from the iterable",
    ),
    (
        "extendleft",
        extendleft,
        "Extend the left side of the deque with elements from the iterable",
    ),
    ("clear", clear, "Remove all elements from the deque."),
    (
        "rotate",
        rotate,
        "Rotate the deque n steps to the right (default n=1).",
    ),
    (
        "count",
        count,
        "D.count(value) -- return number of occurrences of value",
    ),
    (
        "remove",
        remove,
        "D.remove(value) -- remove first occurrence of value.",
    ),
    ("reverse", reverse, "D.reverse() -- reverse *IN PLACE*"),
    ("copy", copy, "Return a shallow copy of a deque."),
    (
        "index",
        index,
        "D.index(value, [start, [stop]]) -- return first index of value.",
    ),
    (
        "insert",
        insert,
        "D.insert(index, object) -- insert object before index",
    ),
];

pub fn build(_vm: &mut Vm, d: &Rc<PyDict>) -> PyResult<()> {
    d.set_item_str("deque", Value::Class(types().deque.clone()));
    Ok(())
}

/// `deque(iterable=(), maxlen=None)`.
pub fn new_deque(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let opts = args::keywords("deque", kw, &["iterable", "maxlen"])?;
    if a.len() > 2 {
        return Err(PyErr::type_error(format!(
            "deque() takes at most 2 arguments ({} given)",
            a.len()
        )));
    }
    let iterable = a.first().or(opts[0]).cloned();
    let maxlen = match a.get(1).or(opts[1]) {
        None | Some(Value::None) => None,
        Some(v) => {
            let n = vm.index_i64(v)?;
            if n < 0 {
                return Err(PyErr::value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
    };
    let mut items = VecDeque::new();
    if let Some(it) = iterable {
        for v in vm.collect(&it)? {
            push_back(&mut items, v, maxlen);
        }
    }
    Ok(Value::Native(Rc::new(Native::Deque {
        items: RefCell::new(items),
        maxlen,
    })))
}

fn push_back(items: &mut VecDeque<Value>, v: Value, maxlen: Option<usize>) {
    if maxlen == Some(0) {
        return;
    }
    if let Some(m) = maxlen {
        if items.len() >= m {
            items.pop_front();
        }
    }
    items.push_back(v);
}

fn push_front(items: &mut VecDeque<Value>, v: Value, maxlen: Option<usize>) {
    if maxlen == Some(0) {
        return;
    }
    if let Some(m) = maxlen {
        if items.len() >= m {
            items.pop_back();
        }
    }
    items.push_front(v);
}

fn deque<'a>(
    name: &str,
    a: &'a [Value],
) -> PyResult<(&'a RefCell<VecDeque<Value>>, Option<usize>)> {
    if let Some(Value::Native(n)) = a.first() {
        if let Native::Deque { items, maxlen } = &**n {
            return Ok((items, *maxlen));
        }
    }
    Err(PyErr::type_error(format!(
        "descriptor '{name}' for 'collections.deque' objects doesn't apply to this object"
    )))
}

fn append(_vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let (items, maxlen) = deque("append", a)?;
    args::exact("deque.append", &a[1..], 1)?;
    push_back(&mut items.borrow_mut(), a[1].clone(), maxlen);
    Ok(Value::None)
}

fn appendleft(_vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let (items, maxlen) = deque("appendleft", a)?;
    args::exact("deque.appendleft", &a[1..], 1)?;
    push_front(&mut items.borrow_mut(), a[1].clone(), maxlen);
    Ok(Value::None)
}

fn pop(_vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let (items, _) = deque("pop", a)?;
    args::exact("deque.pop", &a[1..], 0)?;
    let v = items.borrow_mut().pop_back();
    v.ok_or_else(|| PyErr::index_error("pop from an empty deque"))
}

fn popleft(_vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let (items, _) = deque("popleft", a)?;
    args::exact("deque.popleft", &a[1..], 0)?;
    let v = items.borrow_mut().pop_front();
    v.ok_or_else(|| PyErr::index_error("pop from an empty deque"))
}

fn extend(vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let (items, maxlen) = deque("extend", a)?;
    args::exact("deque.extend", &a[1..], 1)?;
    let new = vm.collect(&a[1])?;
    let mut items = items.borrow_mut();
    for v in new {
        push_back(&mut items, v, maxlen);
    }
    Ok(Value::None)
}

fn extendleft(vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let (items, maxlen) = deque("extendleft", a)?;
    args::exact("deque.extendleft", &a[1..], 1)?;
    let new = vm.collect(&a[1])?;
    let mut items = items.borrow_mut();
    for v in new {
        push_front(&mut items, v, maxlen);
    }
    Ok(Value::None)
}

fn clear(_vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let (items, _) = deque("clear", a)?;
    let old = std::mem::take(&mut *items.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn rotate(vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let (items, _) = deque("rotate", a)?;
    args::expected("rotate", &a[1..], 0, 1)?;
    let n = match a.get(1) {
        Some(v) => vm.index_i64(v)?,
        None => 1,
    };
    let mut items = items.borrow_mut();
    let len = items.len() as i64;
    if len > 0 {
        let k = n.rem_euclid(len) as usize;
        items.rotate_right(k);
    }
    Ok(Value::None)
}

fn count(vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let (items, _) = deque("count", a)?;
    args::exact("deque.count", &a[1..], 1)?;
    let snapshot: Vec<Value> = items.borrow().iter().cloned().collect();
    let mut n = 0;
    for v in &snapshot {
        if vm.eq(v, &a[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn index(vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let (items, _) = deque("index", a)?;
    args::expected("index", &a[1..], 1, 3)?;
    let snapshot: Vec<Value> = items.borrow().iter().cloned().collect();
    for (i, v) in snapshot.iter().enumerate() {
        if vm.eq(v, &a[1])? {
            return Ok(Value::from(i));
        }
    }
    let r = vm.repr(&a[1])?;
    Err(PyErr::value_error(format!(
        "{} is not in deque",
        r.as_str()
    )))
}

fn insert(vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let (items, maxlen) = deque("insert", a)?;
    args::exact("deque.insert", &a[1..], 2)?;
    let i = vm.index_i64(&a[1])?;
    let mut items = items.borrow_mut();
    if maxlen.is_some_and(|m| items.len() >= m) {
        return Err(PyErr::index_error("deque already at its maximum size"));
    }
    let len = items.len() as i64;
    let pos = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
    items.insert(pos, a[2].clone());
    Ok(Value::None)
}

fn remove(vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let (items, _) = deque("remove", a)?;
    args::exact("deque.remove", &a[1..], 1)?;
    let snapshot: Vec<Value> = items.borrow().iter().cloned().collect();
    for (i, v) in snapshot.iter().enumerate() {
        if vm.eq(v, &a[1])? {
            let old = items.borrow_mut().remove(i);
            drop(old);
            return Ok(Value::None);
        }
    }
    Err(PyErr::value_error("deque.remove(x): x not in deque"))
}

fn reverse(_vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let (items, _) = deque("reverse", a)?;
    items.borrow_mut().make_contiguous().reverse();
    Ok(Value::None)
}

fn copy(_vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let (items, maxlen) = deque("copy", a)?;
    Ok(Value::Native(Rc::new(Native::Deque {
        items: RefCell::new(items.borrow().clone()),
        maxlen,
    })))
}
