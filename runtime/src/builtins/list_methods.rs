//! Methods of `list`, `tuple`, `range` and `slice`.
//!
//! The list methods that compare items (`count`, `index`, `remove`) call `__eq__`, which is
//! Python code that may change the list, so they read one item at a time and never hold a
//! borrow of the list across a comparison, as CPython re-reads `ob_item` after each one.
//! `extend` appends as it iterates, so an iterator that fails half-way leaves the items it
//! produced. `sort` uses the shared stable sort of `sequences.rs` and reports a list changed by
//! the key function or a comparison (`list modified during sort`).
//!
//! What this module does not do: the comparison and arithmetic operators (`vm/ops.rs`).

use std::rc::Rc;

use crate::error::{PyErr, PyResult};
use crate::object::function::KwArgs;
use crate::object::list::PyList;
use crate::object::range::{PyRange, SliceIndices};
use crate::object::tuple::PyTuple;
use crate::object::value::Value;
use crate::vm::iterate::{length_hint, push_item, reserve_items};
use crate::vm::Vm;

use super::clinic;
use super::methods::Methods;

pub const METHODS: Methods = &[
    (
        "append",
        list_append,
        "Append object to the end of the list.",
    ),
    ("clear", list_clear, "Remove all items from list."),
    ("copy", list_copy, "Return a shallow copy of the list."),
    (
        "count",
        list_count,
        "Return number of occurrences of value.",
    ),
    (
        "extend",
        list_extend,
        "Extend list by appending elements from the iterable.",
    ),
    ("index", list_index, "Return first index of value."),
    ("insert", list_insert, "Insert object before index."),
    (
        "pop",
        list_pop,
        "Remove and return item at index (default last).",
    ),
    ("remove", list_remove, "Remove first occurrence of value."),
    ("reverse", list_reverse, "Reverse *IN PLACE*."),
    (
        "sort",
        list_sort,
        "Sort the list in ascending order and return None.",
    ),
];

pub const TUPLE: Methods = &[
    (
        "count",
        tuple_count,
        "Return number of occurrences of value.",
    ),
    ("index", tuple_index, "Return first index of value."),
];

pub const RANGE: Methods = &[
    (
        "count",
        range_count,
        "rangeobject.count(value) -> integer -- return number of occurrences of value",
    ),
    (
        "index",
        range_index,
        "rangeobject.index(value) -> integer -- return index of value.",
    ),
];

pub const SLICE: Methods = &[(
    "indices",
    slice_indices,
    "S.indices(len) -> (start, stop, stride)",
)];

fn this_list<'a>(name: &str, a: &'a [Value]) -> PyResult<&'a Rc<PyList>> {
    match clinic::receiver("list", name, a, |v| matches!(v, Value::List(_)))? {
        Value::List(l) => Ok(l),
        _ => unreachable!("receiver checked the type"),
    }
}

fn this_tuple<'a>(name: &str, a: &'a [Value]) -> PyResult<&'a Rc<PyTuple>> {
    match clinic::receiver("tuple", name, a, |v| matches!(v, Value::Tuple(_)))? {
        Value::Tuple(t) => Ok(t),
        _ => unreachable!("receiver checked the type"),
    }
}

fn this_range<'a>(name: &str, a: &'a [Value]) -> PyResult<&'a Rc<PyRange>> {
    match clinic::receiver("range", name, a, |v| matches!(v, Value::Range(_)))? {
        Value::Range(r) => Ok(r),
        _ => unreachable!("receiver checked the type"),
    }
}

/// `_PyEval_SliceIndexNotNone`: a `start`/`stop` bound of `index`, clamped.
fn bound(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        Some(Value::None) => Err(PyErr::type_error(
            "slice indices must be integers or have an __index__ method",
        )),
        Some(Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) | None => {
            clinic::slice_index(vm, v)
        }
        Some(other) if vm.lookup_special(other, "__index__").is_some() => {
            clinic::slice_index(vm, v)
        }
        Some(_) => Err(PyErr::type_error(
            "slice indices must be integers or have an __index__ method",
        )),
    }
}

/// The `start`/`stop` window of `index`, resolved as CPython's `list_index_impl` does.
fn index_window(vm: &mut Vm, a: &[Value], len: usize) -> PyResult<(usize, i64)> {
    let len = len as i64;
    let mut start = bound(vm, a.get(2))?.unwrap_or(0);
    let mut stop = bound(vm, a.get(3))?.unwrap_or(i64::MAX);
    if start < 0 {
        start = start.saturating_add(len).max(0);
    }
    if stop < 0 {
        stop = stop.saturating_add(len).max(0);
    }
    Ok((start as usize, stop))
}

// ----- list -----

fn list_append(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let l = this_list("append", a)?;
    let item = clinic::onearg("list.append", &a[1..], kw)?;
    l.push(item.clone());
    Ok(Value::None)
}

fn list_clear(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let l = this_list("clear", a)?;
    clinic::noargs("list.clear", &a[1..], kw)?;
    // The old items are dropped after the borrow ends (their finalizers may run Python code),
    // last first, as CPython's `_list_clear` releases them.
    let mut old = l.replace(Vec::new());
    while let Some(item) = old.pop() {
        drop(item);
    }
    Ok(Value::None)
}

fn list_copy(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let l = this_list("copy", a)?;
    clinic::noargs("list.copy", &a[1..], kw)?;
    Ok(Value::list(l.snapshot()))
}

fn list_count(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let l = this_list("count", a)?;
    let value = clinic::onearg("list.count", &a[1..], kw)?;
    let mut n = 0;
    let mut i = 0;
    while let Some(item) = l.get(i) {
        if vm.eq(&item, value)? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::Int(n))
}

fn list_extend(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let l = this_list("extend", a)?;
    let iterable = clinic::onearg("list.extend", &a[1..], kw)?;
    match iterable {
        Value::List(other) => {
            let items = other.snapshot();
            l.borrow_mut().extend(items);
        }
        Value::Tuple(t) => l.borrow_mut().extend(t.items().iter().cloned()),
        other => {
            let it = vm.iter(other)?;
            reserve_items(&mut l.borrow_mut(), length_hint(&it))?;
            while let Some(v) = vm.next_value(&it)? {
                push_item(&mut l.borrow_mut(), v)?;
            }
        }
    }
    Ok(Value::None)
}

fn list_index(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let l = this_list("index", a)?;
    clinic::positional("list.index", "index", &a[1..], kw, 1, 3)?;
    let value = &a[1];
    let (mut i, stop) = index_window(vm, a, l.len())?;
    while (i as i64) < stop {
        let Some(item) = l.get(i) else { break };
        if vm.eq(&item, value)? {
            return Ok(Value::from(i));
        }
        i += 1;
    }
    let shown = vm.repr(value)?;
    Err(PyErr::value_error(format!(
        "{} is not in list",
        shown.as_str()
    )))
}

fn list_insert(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let l = this_list("insert", a)?;
    clinic::positional("list.insert", "insert", &a[1..], kw, 2, 2)?;
    let index = clinic::ssize(vm, &a[1])?;
    let mut items = l.borrow_mut();
    let n = items.len() as i64;
    let at = if index < 0 {
        (index + n).max(0)
    } else {
        index.min(n)
    };
    items.insert(at as usize, a[2].clone());
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let l = this_list("pop", a)?;
    clinic::positional("list.pop", "pop", &a[1..], kw, 0, 1)?;
    let i = match a.get(1) {
        Some(v) => clinic::ssize(vm, v)?,
        None => -1,
    };
    let len = l.len() as i64;
    if len == 0 {
        return Err(PyErr::index_error("pop from empty list"));
    }
    let idx = if i < 0 { i + len } else { i };
    if idx < 0 || idx >= len {
        return Err(PyErr::index_error("pop index out of range"));
    }
    let item = l.borrow_mut().remove(idx as usize);
    Ok(item)
}

fn list_remove(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let l = this_list("remove", a)?;
    let value = clinic::onearg("list.remove", &a[1..], kw)?;
    let mut i = 0;
    while let Some(item) = l.get(i) {
        if vm.eq(&item, value)? {
            let removed = {
                let mut items = l.borrow_mut();
                (i < items.len()).then(|| items.remove(i))
            };
            drop(removed);
            return Ok(Value::None);
        }
        i += 1;
    }
    Err(PyErr::value_error("list.remove(x): x not in list"))
}

fn list_reverse(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let l = this_list("reverse", a)?;
    clinic::noargs("list.reverse", &a[1..], kw)?;
    l.borrow_mut().reverse();
    Ok(Value::None)
}

fn list_sort(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let l = this_list("sort", a)?.clone();
    if a.len() > 1 {
        return Err(PyErr::type_error("sort() takes no positional arguments"));
    }
    let opts = clinic::keywords("sort", &[], kw, &["key", "reverse"], 0, 0)?;
    let key = opts[0].clone().unwrap_or(Value::None);
    let reverse = match &opts[1] {
        Some(r) => clinic::c_int(vm, r)? != 0,
        None => false,
    };
    // As in CPython, the list is empty while it is sorted, so changes made by the key function
    // or a comparison are detected afterwards.
    let mut items = l.replace(Vec::new());
    let r = super::sequences::sort_values(vm, &mut items, &key, reverse);
    let modified = !l.is_empty();
    let old = l.replace(items);
    drop(old);
    r?;
    if modified {
        return Err(PyErr::value_error("list modified during sort"));
    }
    Ok(Value::None)
}

// ----- tuple -----

fn tuple_count(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let t = this_tuple("count", a)?;
    let value = clinic::onearg("tuple.count", &a[1..], kw)?;
    let mut n = 0;
    for item in t.items() {
        if vm.eq(item, value)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn tuple_index(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let t = this_tuple("index", a)?;
    clinic::positional("tuple.index", "index", &a[1..], kw, 1, 3)?;
    let (start, stop) = index_window(vm, a, t.len())?;
    let stop = stop.min(t.len() as i64).max(0) as usize;
    for i in start..stop {
        if vm.eq(&t.items()[i], &a[1])? {
            return Ok(Value::from(i));
        }
    }
    Err(PyErr::value_error("tuple.index(x): x not in tuple"))
}

// ----- range -----

/// Whether `x` is an integer that a range may contain by arithmetic (`int` or `bool`).
fn range_int(x: &Value) -> Option<Option<i64>> {
    match x {
        Value::Int(i) => Some(Some(*i)),
        Value::Bool(b) => Some(Some(*b as i64)),
        Value::BigInt(_) => Some(None),
        _ => None,
    }
}

fn range_count(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let r = this_range("count", a)?;
    let value = clinic::onearg("range.count", &a[1..], kw)?;
    if let Some(i) = range_int(value) {
        return Ok(Value::Int(i.is_some_and(|i| r.contains(i)) as i64));
    }
    let mut n = 0;
    for k in 0..r.len() {
        if vm.eq(&Value::Int(r.get(k)), value)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn range_index(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let r = this_range("index", a)?;
    let value = clinic::onearg("range.index", &a[1..], kw)?;
    if let Some(i) = range_int(value) {
        return match i {
            Some(i) if r.contains(i) => Ok(Value::Int((i - r.start) / r.step)),
            _ => {
                let shown = vm.repr(value)?;
                Err(PyErr::value_error(format!(
                    "{} is not in range",
                    shown.as_str()
                )))
            }
        };
    }
    for k in 0..r.len() {
        if vm.eq(&Value::Int(r.get(k)), value)? {
            return Ok(Value::from(k));
        }
    }
    Err(PyErr::value_error("sequence.index(x): x not in sequence"))
}

// ----- slice -----

fn slice_indices(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let Value::Slice(s) =
        clinic::receiver("slice", "indices", a, |v| matches!(v, Value::Slice(_)))?
    else {
        unreachable!("receiver checked the type");
    };
    let length = clinic::onearg("slice.indices", &a[1..], kw)?;
    let length = match vm.index(length)? {
        Value::Int(n) if n < 0 => return Err(PyErr::value_error("length should not be negative")),
        Value::Int(n) => n as usize,
        Value::BigInt(b) if num_traits::Signed::is_negative(&*b) => {
            return Err(PyErr::value_error("length should not be negative"))
        }
        _ => {
            return Err(PyErr::overflow_error(
                "Python int too large to convert to C ssize_t",
            ))
        }
    };
    let step = match &s.step {
        Value::None => 1,
        v => match clinic::slice_index(vm, Some(v))? {
            Some(0) => return Err(PyErr::value_error("slice step cannot be zero")),
            Some(step) => step,
            None => 1,
        },
    };
    let start = clinic::slice_index(vm, Some(&s.start))?;
    let stop = clinic::slice_index(vm, Some(&s.stop))?;
    let r = SliceIndices::resolve(start, stop, step, length);
    let step_value = match &s.step {
        Value::BigInt(_) => s.step.clone(),
        _ => Value::Int(step),
    };
    Ok(Value::tuple(vec![
        Value::Int(r.start),
        Value::Int(r.stop),
        step_value,
    ]))
}

#[cfg(test)]
mod tests {
    use super::super::method_test::*;
    use crate::object::value::Value;

    fn check(recv: Value, name: &str, args: &[Value], kw: &[(&str, Value)], expect: &str) {
        assert_eq!(call(recv, name, args, kw), expect, "{name}");
    }

    /// Cases recorded from CPython 3.11 by `runtime/tools/gen_method_cases.py`.
    #[test]
    #[rustfmt::skip]
    fn recorded() {
    check(l(vec![i(1), i(2), i(3)]), "index", &[i(2)], &[], "1");
    check(l(vec![i(1), i(2), i(3)]), "index", &[i(5)], &[], "ValueError: 5 is not in list");
    check(l(vec![i(1), i(2), i(3)]), "index", &[i(2), i(2)], &[], "ValueError: 2 is not in list");
    check(l(vec![i(1), i(2), i(3)]), "index", &[i(3), i(-1)], &[], "2");
    check(l(vec![i(1), i(2), i(3)]), "index", &[i(1), s("a")], &[], "TypeError: slice indices must be integers or have an __index__ method");
    check(l(vec![i(1), i(2), i(3)]), "index", &[i(1), Value::None], &[], "TypeError: slice indices must be integers or have an __index__ method");
    check(l(vec![i(1), i(2), i(3)]), "index", &[i(1), i(0), big("1000000000000000000000000000000")], &[], "0");
    check(l(vec![i(1), i(2), i(3)]), "index", &[i(3), big("-1000000000000000000000000000000"), i(-1)], &[], "ValueError: 3 is not in list");
    check(l(vec![s("a")]), "index", &[s("b")], &[], "ValueError: 'b' is not in list");
    check(l(vec![i(1), i(2), i(3)]), "index", &[], &[], "TypeError: index expected at least 1 argument, got 0");
    check(l(vec![i(1), i(2), i(1)]), "count", &[i(1)], &[], "2");
    check(l(vec![i(1), f(2.0), Value::Bool(true)]), "count", &[i(1)], &[], "2");
    check(l(vec![i(1), i(2), i(3)]), "remove", &[i(5)], &[], "ValueError: list.remove(x): x not in list");
    check(l(vec![i(1), i(2), i(3)]), "remove", &[i(2)], &[], "None");
    check(l(vec![i(1)]), "insert", &[s("a"), i(2)], &[], "TypeError: 'str' object cannot be interpreted as an integer");
    check(l(vec![i(1)]), "insert", &[big("1000000000000000000000000000000"), i(2)], &[], "OverflowError: Python int too large to convert to C ssize_t");
    check(l(vec![i(1), i(2)]), "insert", &[i(-10), i(0)], &[], "None");
    check(l(vec![i(1), i(2)]), "insert", &[i(10), i(0)], &[], "None");
    check(l(vec![i(1)]), "insert", &[i(0)], &[], "TypeError: insert expected 2 arguments, got 1");
    check(l(vec![i(1)]), "pop", &[s("a")], &[], "TypeError: 'str' object cannot be interpreted as an integer");
    check(l(vec![i(1)]), "pop", &[i(5)], &[], "IndexError: pop index out of range");
    check(l(vec![]), "pop", &[], &[], "IndexError: pop from empty list");
    check(l(vec![i(1), i(2), i(3)]), "pop", &[i(-3)], &[], "1");
    check(l(vec![i(1)]), "pop", &[big("1000000000000000000000000000000")], &[], "OverflowError: Python int too large to convert to C ssize_t");
    check(l(vec![i(1)]), "extend", &[i(5)], &[], "TypeError: 'int' object is not iterable");
    check(l(vec![i(1)]), "extend", &[s("ab")], &[], "None");
    check(l(vec![i(3), i(1), i(2)]), "sort", &[i(1)], &[], "TypeError: sort() takes no positional arguments");
    check(l(vec![i(3), s("a")]), "sort", &[], &[], "TypeError: '<' not supported between instances of 'str' and 'int'");
    check(l(vec![i(3), i(1), i(2)]), "sort", &[], &[("reverse", Value::Bool(true))], "None");
    check(l(vec![i(3), i(1), i(2)]), "sort", &[], &[("reverse", s("x"))], "TypeError: 'str' object cannot be interpreted as an integer");
    check(l(vec![i(3), i(1), i(2)]), "sort", &[], &[("zz", i(1))], "TypeError: 'zz' is an invalid keyword argument for sort()");
    check(l(vec![i(1), i(2)]), "copy", &[], &[], "[1, 2]");
    check(l(vec![i(1), i(2)]), "clear", &[], &[], "None");
    check(l(vec![i(1), i(2)]), "reverse", &[], &[], "None");
    check(l(vec![i(1)]), "append", &[], &[], "TypeError: list.append() takes exactly one argument (0 given)");
    check(l(vec![i(1)]), "append", &[i(1), i(2)], &[], "TypeError: list.append() takes exactly one argument (2 given)");
    check(l(vec![i(1)]), "append", &[], &[("x", i(1))], "TypeError: list.append() takes no keyword arguments");
    check(t(vec![i(1), i(2)]), "index", &[i(5)], &[], "ValueError: tuple.index(x): x not in tuple");
    check(t(vec![i(1), i(2)]), "index", &[i(2), i(1), i(2)], &[], "1");
    check(t(vec![i(1), i(2), i(1)]), "count", &[i(1)], &[], "2");
    check(t(vec![i(1), i(2)]), "index", &[i(1), i(1)], &[], "ValueError: tuple.index(x): x not in tuple");
    check(rng(0, 10, 1), "index", &[i(3)], &[], "3");
    check(rng(0, 10, 1), "index", &[i(30)], &[], "ValueError: 30 is not in range");
    check(rng(0, 10, 1), "index", &[s("a")], &[], "ValueError: sequence.index(x): x not in sequence");
    check(rng(0, 10, 2), "count", &[i(4)], &[], "1");
    check(rng(0, 10, 2), "count", &[f(4.0)], &[], "1");
    check(rng(0, 10, 2), "count", &[i(5)], &[], "0");
    check(rng(0, 10, 1), "index", &[f(3.0)], &[], "3");
    check(rng(0, 10, 2), "index", &[Value::Bool(true)], &[], "ValueError: True is not in range");
    check(rng(10, 0, -3), "index", &[i(4)], &[], "2");
    check(rng(0, 10, 1), "index", &[big("1000000000000000000000000000000")], &[], "ValueError: 1000000000000000000000000000000 is not in range");
    check(sl(i(1), i(10), i(2)), "indices", &[i(5)], &[], "(1, 5, 2)");
    check(sl(Value::None, Value::None, i(-1)), "indices", &[i(5)], &[], "(4, -1, -1)");
    check(sl(i(1), i(10), i(0)), "indices", &[i(5)], &[], "ValueError: slice step cannot be zero");
    check(sl(i(1), i(10), Value::None), "indices", &[i(-1)], &[], "ValueError: length should not be negative");
    check(sl(s("a"), i(10), Value::None), "indices", &[i(5)], &[], "TypeError: slice indices must be integers or None or have an __index__ method");
    check(sl(i(1), i(10), Value::None), "indices", &[s("a")], &[], "TypeError: 'str' object cannot be interpreted as an integer");
    check(sl(i(-100), i(100), i(3)), "indices", &[i(10)], &[], "(0, 10, 3)");
    check(sl(Value::None, Value::None, big("1000000000000000000000000000000")), "indices", &[i(5)], &[], "(0, 5, 1000000000000000000000000000000)");
    check(sl(big("-1000000000000000000000000000000"), big("1000000000000000000000000000000"), Value::None), "indices", &[i(5)], &[], "(0, 5, 1)");
    }
}
