//! `sorted`, `min`, `max`, `sum`, `any`, `all`, and the stable sort they and `list.sort` share.
//!
//! The sort only ever asks `a < b`, like CPython's, so a class that defines `__lt__` alone sorts,
//! and an inconsistent `__lt__` gives a wrong order rather than a crash. Lists of plain ints or
//! strings take a native fast path.

use crate::error::{PyErr, PyResult};
use crate::object::function::KwArgs;
use crate::object::value::Value;
use crate::vm::Vm;

use super::args;
use super::Functions;

pub const FUNCTIONS: Functions = &[
    (
        "sorted",
        sorted,
        "Return a new list containing all items from the iterable in ascending order.",
    ),
    (
        "min",
        min,
        "With a single iterable argument, return its smallest item.",
    ),
    (
        "max",
        max,
        "With a single iterable argument, return its biggest item.",
    ),
    (
        "sum",
        sum,
        "Return the sum of a 'start' value (default: 0) plus an iterable of numbers",
    ),
    (
        "any",
        any,
        "Return True if bool(x) is True for any x in the iterable.",
    ),
    (
        "all",
        all,
        "Return True if bool(x) is True for all values x in the iterable.",
    ),
];

/// Sorts `items` in place, stably, by `key` (or the items), optionally reversed.
pub fn sort_values(
    vm: &mut Vm,
    items: &mut Vec<Value>,
    key: &Value,
    reverse: bool,
) -> PyResult<()> {
    let keys: Vec<Value> = if key.is_none() {
        items.clone()
    } else {
        let mut keys = Vec::with_capacity(items.len());
        for it in items.iter() {
            keys.push(vm.call(key, std::slice::from_ref(it))?);
        }
        keys
    };
    // Reversing keeps stability by reversing before and after, as CPython does.
    let mut order: Vec<usize> = (0..items.len()).collect();
    if reverse {
        order.reverse();
    }
    if keys.iter().all(|k| matches!(k, Value::Int(_))) {
        order.sort_by_key(|&i| match keys[i] {
            Value::Int(x) => x,
            _ => 0,
        });
    } else if keys.iter().all(|k| matches!(k, Value::Str(_))) {
        order.sort_by(|&a, &b| match (&keys[a], &keys[b]) {
            (Value::Str(x), Value::Str(y)) => x.as_str().cmp(y.as_str()),
            _ => std::cmp::Ordering::Equal,
        });
    } else {
        order = merge_sort(vm, order, &keys)?;
    }
    if reverse {
        order.reverse();
    }
    let sorted: Vec<Value> = order.iter().map(|&i| items[i].clone()).collect();
    *items = sorted;
    Ok(())
}

/// A stable merge sort of indices that only calls `keys[a] < keys[b]`.
fn merge_sort(vm: &mut Vm, order: Vec<usize>, keys: &[Value]) -> PyResult<Vec<usize>> {
    if order.len() <= 1 {
        return Ok(order);
    }
    // Short runs by binary insertion, then bottom-up merges.
    const RUN: usize = 16;
    let mut runs: Vec<Vec<usize>> = Vec::new();
    for chunk in order.chunks(RUN) {
        let mut run: Vec<usize> = Vec::with_capacity(chunk.len());
        for &i in chunk {
            let (mut lo, mut hi) = (0, run.len());
            while lo < hi {
                let mid = (lo + hi) / 2;
                if vm.lt(&keys[i], &keys[run[mid]])? {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            run.insert(lo, i);
        }
        runs.push(run);
    }
    while runs.len() > 1 {
        let mut next = Vec::with_capacity(runs.len().div_ceil(2));
        let mut it = runs.into_iter();
        while let Some(a) = it.next() {
            match it.next() {
                Some(b) => {
                    let mut merged = Vec::with_capacity(a.len() + b.len());
                    let (mut i, mut j) = (0, 0);
                    while i < a.len() && j < b.len() {
                        if vm.lt(&keys[b[j]], &keys[a[i]])? {
                            merged.push(b[j]);
                            j += 1;
                        } else {
                            merged.push(a[i]);
                            i += 1;
                        }
                    }
                    merged.extend_from_slice(&a[i..]);
                    merged.extend_from_slice(&b[j..]);
                    next.push(merged);
                }
                None => next.push(a),
            }
        }
        runs = next;
    }
    Ok(runs.pop().unwrap_or_default())
}

fn sorted(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    if a.len() != 1 {
        return Err(PyErr::type_error(format!(
            "sorted expected 1 argument, got {}",
            a.len()
        )));
    }
    let opts = args::keywords("sort", kw, &["key", "reverse"])?;
    let key = opts[0].cloned().unwrap_or(Value::None);
    let reverse = match opts[1] {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    let mut items = vm.collect(&a[0])?;
    sort_values(vm, &mut items, &key, reverse)?;
    Ok(Value::list(items))
}

fn min(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    min_max(vm, a, kw, "min", false)
}

fn max(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    min_max(vm, a, kw, "max", true)
}

fn min_max(
    vm: &mut Vm,
    a: &[Value],
    kw: Option<KwArgs<'_>>,
    name: &str,
    is_max: bool,
) -> PyResult<Value> {
    let opts = args::keywords(name, kw, &["key", "default"])?;
    let key = opts[0].cloned().unwrap_or(Value::None);
    let default = opts[1].cloned();
    if a.is_empty() {
        return Err(PyErr::type_error(format!(
            "{name} expected at least 1 argument, got 0"
        )));
    }
    let items = if a.len() == 1 {
        vm.collect(&a[0])?
    } else {
        if default.is_some() {
            return Err(PyErr::type_error(format!(
                "Cannot specify a default for {name}() with multiple positional arguments"
            )));
        }
        a.to_vec()
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = if key.is_none() {
            item.clone()
        } else {
            vm.call(&key, std::slice::from_ref(&item))?
        };
        best = Some(match best {
            None => (item, k),
            Some((bi, bk)) => {
                let better = if is_max {
                    vm.lt(&bk, &k)?
                } else {
                    vm.lt(&k, &bk)?
                };
                if better {
                    (item, k)
                } else {
                    (bi, bk)
                }
            }
        });
    }
    match best {
        Some((item, _)) => Ok(item),
        None => match default {
            Some(d) => Ok(d),
            None => Err(PyErr::value_error(format!(
                "{name}() arg is an empty sequence"
            ))),
        },
    }
}

fn sum(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let opts = args::keywords("sum", kw, &["start"])?;
    if a.is_empty() || a.len() > 2 {
        return Err(PyErr::type_error(format!(
            "sum() takes at least 1 positional argument ({} given)",
            a.len()
        )));
    }
    let start = a
        .get(1)
        .cloned()
        .or(opts[0].cloned())
        .unwrap_or(Value::Int(0));
    match &start {
        Value::Str(_) => {
            return Err(PyErr::type_error(
                "sum() can't sum strings [use ''.join(seq) instead]",
            ))
        }
        Value::Bytes(_) => {
            return Err(PyErr::type_error(
                "sum() can't sum bytes [use b''.join(seq) instead]",
            ))
        }
        _ => {}
    }
    // CPython 3.11 adds floats one by one, without compensation (3.12 changed that).
    let it = vm.iter(&a[0])?;
    let mut acc = start;
    while let Some(v) = vm.next_value(&it)? {
        match (&acc, &v) {
            (Value::Int(x), Value::Int(y)) => {
                if let Some(r) = x.checked_add(*y) {
                    acc = Value::Int(r);
                    continue;
                }
            }
            (Value::Float(x), Value::Float(y)) => {
                acc = Value::Float(x + y);
                continue;
            }
            _ => {}
        }
        acc = vm.binary_op(&acc, &v, crate::syntax::ast::BinOp::Add)?;
    }
    Ok(acc)
}

fn any(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::no_kwargs("any", kw)?;
    args::exact("any", a, 1)?;
    let it = vm.iter(&a[0])?;
    while let Some(v) = vm.next_value(&it)? {
        if vm.truthy(&v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::no_kwargs("all", kw)?;
    args::exact("all", a, 1)?;
    let it = vm.iter(&a[0])?;
    while let Some(v) = vm.next_value(&it)? {
        if !vm.truthy(&v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}
